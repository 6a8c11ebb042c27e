import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writing a finished document: readable by its owner only (0600, it holds names), whole or not at all (a
/// temporary file beside it, then one rename), and never over an existing file unless asked.
public enum OutputFile {
    public static func write(_ data: Data, to path: String, overwrite: Bool) throws {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
            if isFolder.boolValue { throw DocumentError.unwritable(path: path, reason: .isFolder) }
            if !overwrite { throw DocumentError.fileExists(path: path) }
        }
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent("." + url.lastPathComponent + "." + String(UInt32.random(in: 0...UInt32.max), radix: 36))
            .path
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else { throw DocumentError.unwritable(path: path, reason: failure(errno)) }
        var written = 0
        let failed: Int32? = data.withUnsafeBytes { buffer -> Int32? in
            while written < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress! + written, buffer.count - written)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                written += n
            }
            return fsync(fd) == 0 ? nil : errno
        }
        close(fd)
        if let failed {
            unlink(temporary)
            throw DocumentError.unwritable(path: path, reason: failure(failed))
        }
        defer { unlink(temporary) }
        if overwrite {
            guard rename(temporary, path) == 0 else { throw DocumentError.unwritable(path: path, reason: failure(errno)) }
            return
        }
        // A hard link is made only where no file of that name exists: the check and the write are one step.
        if link(temporary, path) == 0 { return }
        let linkError = errno
        if linkError == EEXIST { throw DocumentError.fileExists(path: path) }
        // Some sticks (FAT) have no hard links: check, then rename.
        guard [EPERM, ENOTSUP, EOPNOTSUPP, EXDEV, EMLINK, ENOSYS].contains(linkError) else {
            throw DocumentError.unwritable(path: path, reason: failure(linkError))
        }
        if FileManager.default.fileExists(atPath: path) { throw DocumentError.fileExists(path: path) }
        guard rename(temporary, path) == 0 else { throw DocumentError.unwritable(path: path, reason: failure(errno)) }
    }

    static func failure(_ code: Int32) -> WriteFailure {
        switch code {
        case ENOENT, ENOTDIR: return .noSuchFolder
        case EACCES, EPERM: return .permissionDenied
        case ENOSPC, EDQUOT: return .diskFull
        case EROFS: return .readOnly
        case EISDIR: return .isFolder
        default: return .other(code: code)
        }
    }
}
