import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Files that hold personal data: created 0600 (owner only) whatever the umask, replaced in one step
/// (a power cut leaves the old file or the new one), and synced to the disk when `durable`.
public enum PrivateFile {
    public static func write(_ data: Data, to path: String, durable: Bool = true) throws {
        let temporary = path + ".tmp-\(getpid())-\(UUID().uuidString.prefix(8))"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw SystemErrorBox(.current) }
        var failure: SystemError?
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = .current
                    return
                }
                offset += written
            }
        }
        if failure == nil, fchmod(fd, 0o600) != 0 { failure = .current }
        if failure == nil, durable, fsync(fd) != 0 { failure = .current }
        close(fd)
        if failure == nil, rename(temporary, path) != 0 { failure = .current }
        if let failure {
            unlink(temporary)
            throw SystemErrorBox(failure)
        }
        if durable { syncFolder(of: path) }
    }

    /// Makes a rename or a new name in the folder survive a power cut.
    static func syncFolder(of path: String) {
        let fd = open((path as NSString).deletingLastPathComponent, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }
}

/// A ``SystemError`` thrown.
public struct SystemErrorBox: Error, Equatable, Sendable {
    public let reason: SystemError
    public init(_ reason: SystemError) { self.reason = reason }
}
