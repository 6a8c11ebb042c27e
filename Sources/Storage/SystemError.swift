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
        default: self = .other(code: Int32(ns.code))
        }
    }
}
