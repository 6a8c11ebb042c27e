import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#endif

/// An operating-system error as a reason the catalogs can say in the user's language. The C library's own
/// text ("No such file or directory", "disk I/O error") is English and never reaches the user.
public enum SystemError: Equatable, Sendable {
    case notFound
    case permissionDenied
    /// A write-protected USB stick, a CD, a folder mounted read-only.
    case readOnlyMedia
    case diskFull
    case isDirectory
    /// A part of the path is a file, not a folder.
    case notADirectory
    case symbolicLinkLoop
    case nameTooLong
    /// Something of that name is already there.
    case alreadyExists
    /// The device failed or went away (a USB stick pulled out).
    case ioError
    case other(code: Int32)

    public init(errno code: Int32) {
        switch code {
        case ENOENT: self = .notFound
        case EACCES, EPERM: self = .permissionDenied
        case EROFS: self = .readOnlyMedia
        case ENOSPC, EDQUOT, EFBIG: self = .diskFull
        case EISDIR: self = .isDirectory
        case ENOTDIR: self = .notADirectory
        case ELOOP: self = .symbolicLinkLoop
        case ENAMETOOLONG: self = .nameTooLong
        case EEXIST, ENOTEMPTY: self = .alreadyExists
        case EIO, ENXIO, ENODEV: self = .ioError
        default: self = .other(code: code)
        }
    }

    /// The current `errno`.
    static var current: SystemError { SystemError(errno: errno) }

    /// SQLite's result, which carries no errno: the nearest reason.
    init(database error: Error) {
        guard let database = error as? DatabaseError else {
            self.init(error)
            return
        }
        switch database.resultCode {
        case .SQLITE_FULL: self = .diskFull
        case .SQLITE_READONLY: self = .readOnlyMedia
        case .SQLITE_PERM, .SQLITE_CANTOPEN, .SQLITE_AUTH: self = .permissionDenied
        default: self = .ioError
        }
    }

    /// Foundation's file errors (CocoaError, POSIXError) mapped to the same reasons.
    public init(_ error: Error) {
        if let posix = error as? POSIXError {
            self.init(errno: posix.code.rawValue)
            return
        }
        let ns = error as NSError
        // Foundation on Linux keeps the errno behind a file error as a POSIXError value, which does not bridge to
        // NSError there: both forms are read.
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? POSIXError {
            self.init(errno: underlying.code.rawValue)
            return
        }
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            self.init(errno: Int32(underlying.code))
            return
        }
        if ns.domain == NSPOSIXErrorDomain {
            self.init(errno: Int32(ns.code))
            return
        }
        switch CocoaError.Code(rawValue: ns.code) {
        case .fileNoSuchFile, .fileReadNoSuchFile: self = .notFound
        case .fileReadNoPermission, .fileWriteNoPermission: self = .permissionDenied
        case .fileWriteVolumeReadOnly: self = .readOnlyMedia
        case .fileWriteOutOfSpace: self = .diskFull
        case .fileWriteFileExists: self = .alreadyExists
        default: self = .other(code: Int32(ns.code))
        }
    }
}

extension SystemError {
    /// The system's reason behind an error thrown by the C library, Foundation's file APIs or SQLite, or nil
    /// for an error that does not come from the system (the program's own refusals, which have their own words).
    public init?(cause error: Error) {
        if let box = error as? SystemErrorBox {
            self = box.reason
            return
        }
        if error is DatabaseError {
            self.init(database: error)
            return
        }
        if error is POSIXError || error is CocoaError {
            self.init(error)
            return
        }
        let ns = error as NSError
        guard ns.domain == NSPOSIXErrorDomain || ns.domain == NSCocoaErrorDomain else { return nil }
        self.init(error)
    }

    /// A short technical code for an error that has no words of its own ("NSCocoaErrorDomain 256",
    /// "ZIPFoundation.Archive.ArchiveError 2"): said after the user's-language message, so a support person can
    /// tell what happened; never the library's English sentence.
    public static func technicalCode(_ error: Error) -> String {
        let ns = error as NSError
        return "\(ns.domain) \(ns.code)"
    }
}
