import Foundation

/// Why a data file was refused. Every case leaves the file exactly as it was.
public enum DataFileError: Error, Equatable, Sendable {
    /// The file is not an SQLite database at all.
    case notADatabase(path: String)
    /// An SQLite database that belongs to another program.
    case foreignDatabase(path: String)
    /// Truncated or otherwise damaged: the integrity check failed.
    case damaged(path: String, detail: String)
    /// Written by a newer tthtcd: it has schema steps this version does not know.
    case newerVersion(path: String)
    /// Another tthtcd is working on this file now.
    case inUse(path: String)
    /// A new file was asked for where one already exists.
    case alreadyExists(path: String)
    /// The folder or the file cannot be created, read or written.
    case unreachable(path: String, detail: String)
}
