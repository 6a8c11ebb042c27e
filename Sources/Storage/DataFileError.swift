import Foundation

/// Why a data file was refused. Every case leaves the file exactly as it was.
public enum DataFileError: Error, Equatable, Sendable {
    /// The file is not an SQLite database at all.
    case notADatabase(path: String)
    /// An SQLite database that belongs to another program.
    case foreignDatabase(path: String)
    /// Truncated or otherwise damaged.
    case damaged(path: String, reason: Damage)
    /// Written by a newer tthtcd: it has schema steps this version does not know.
    case newerVersion(path: String)
    /// Another tthtcd is working on this file now.
    case inUse(path: String)
    /// A new file was asked for where one already exists.
    case alreadyExists(path: String)
    /// A file of 0 bytes, or an SQLite database with no tables: only the interface, after the user confirms,
    /// turns it into a data file; every other command refuses it.
    case empty(path: String)
    /// The same file under a second name: two windows would each keep their own journal and lose each
    /// other's work.
    case hardLinked(path: String, links: Int)
    /// A folder, a device or a pipe where a data file was expected.
    case notAFile(path: String)
    /// The folder or the file cannot be created, read or written.
    case unreachable(path: String, reason: SystemError)

    /// What is wrong with a damaged file, in terms the catalogs name.
    public enum Damage: Equatable, Sendable {
        /// Shorter than its header says: cut off during a copy.
        case truncated
        /// Its size is not a whole number of pages.
        case misaligned
        /// SQLite's integrity check found this many problems.
        case integrity(problems: Int)
        /// SQLite could not read its structure at all.
        case unreadable
    }
}
