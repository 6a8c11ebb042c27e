import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An exclusive advisory lock on `<data file>.lock`, held while an interactive session works on the file, so a
/// second instance is told the file is in use instead of racing. The kernel drops it when the process dies.
public final class DataFileLock: @unchecked Sendable {
    private var descriptor: Int32
    private let mutex = NSLock()
    public let path: String

    public init(dataFile: String) throws {
        path = dataFile + ".lock"
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw DataFileError.unreachable(path: path, detail: String(cString: strerror(errno)))
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            throw DataFileError.inUse(path: dataFile)
        }
        descriptor = fd
    }

    /// Lets another session open the file. Safe to call more than once.
    public func release() {
        mutex.lock()
        defer { mutex.unlock() }
        guard descriptor >= 0 else { return }
        flock(descriptor, LOCK_UN)
        close(descriptor)
        descriptor = -1
    }

    deinit { release() }
}
