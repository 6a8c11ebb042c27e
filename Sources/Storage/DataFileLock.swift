import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The data file held by its identity (device and inode), not by its name: symbolic links are resolved, a
/// file with a second hard link is refused, and the advisory lock (`flock`) is taken on the data file itself,
/// so every name that reaches the same file meets the same lock and no `.lock` file is left behind.
///
/// A session that writes holds the lock exclusively. A command that only reads takes it shared when it can:
/// then no writer can start while it reads, and it may read the file without creating a journal beside it.
public final class DataFileLock: @unchecked Sendable {
    public enum Mode: Sendable, Equatable {
        /// This process alone may write.
        case exclusive
        /// Readers only: no session writes the file now or can start to while this is held.
        case shared
        /// A session is writing: read through SQLite's own locking, the journal included.
        case none
    }

    /// The file's real path, symbolic links resolved.
    public let path: String
    /// True when this open created the file (it did not exist).
    public let created: Bool
    public let mode: Mode
    private var descriptor: Int32
    private let mutex = NSLock()

    private init(path: String, descriptor: Int32, created: Bool, mode: Mode) {
        self.path = path
        self.descriptor = descriptor
        self.created = created
        self.mode = mode
    }

    /// Opens the file at `requested` (creating it when `create` and missing) and locks it. An exclusive lock
    /// waits up to `wait` seconds for readers to finish before the file is declared in use.
    static func acquire(_ requested: String, exclusive: Bool, create: Bool, wait: TimeInterval = 3) throws -> DataFileLock {
        for _ in 0..<3 {
            if let lock = try attempt(requested, exclusive: exclusive, create: create, wait: wait) { return lock }
        }
        throw DataFileError.inUse(path: requested)
    }

    /// Nil when the name stopped pointing at the file that was locked (it was replaced meanwhile): try again.
    private static func attempt(_ requested: String, exclusive: Bool, create: Bool, wait: TimeInterval) throws
        -> DataFileLock?
    {
        let (path, exists) = try resolve(requested)
        if exists { try checkIdentity(path: path, requested: requested) }
        var created = false
        var fd: Int32
        if exists {
            fd = open(path, (exclusive ? O_RDWR : O_RDONLY) | O_CLOEXEC)
        } else {
            guard create else { throw DataFileError.unreachable(path: requested, reason: .notFound) }
            fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            if fd < 0 && errno == EEXIST { return nil }
            created = fd >= 0
        }
        guard fd >= 0 else { throw DataFileError.unreachable(path: requested, reason: .current) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let reason = SystemError.current
            close(fd)
            throw DataFileError.unreachable(path: requested, reason: reason)
        }
        do {
            try checkIdentity(info, requested: requested)
        } catch {
            close(fd)
            throw error
        }
        let mode: Mode
        if exclusive {
            guard lockExclusively(fd, wait: wait) else {
                close(fd)
                if created { unlink(path) }
                throw DataFileError.inUse(path: requested)
            }
            mode = .exclusive
        } else {
            mode = flock(fd, LOCK_SH | LOCK_NB) == 0 ? .shared : .none
        }
        // The name may have been pointed at another file between open and lock (a restore replacing it).
        var now = stat()
        guard stat(path, &now) == 0, now.st_ino == info.st_ino, now.st_dev == info.st_dev else {
            close(fd)
            return nil
        }
        let lock = DataFileLock(path: path, descriptor: fd, created: created, mode: mode)
        if exclusive {
            do {
                try lock.removeLegacyLockFile(requested: requested)
            } catch {
                lock.release()
                throw error
            }
        }
        return lock
    }

    private static func lockExclusively(_ fd: Int32, wait: TimeInterval) -> Bool {
        let deadline = Date().addingTimeInterval(wait)
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            // A writer holds it: in use at once. Only readers (shared holders) are worth waiting for.
            if flock(fd, LOCK_SH | LOCK_NB) != 0 { return false }
            flock(fd, LOCK_UN)
            if Date() >= deadline { return false }
            usleep(20_000)
        }
        return true
    }

    /// Earlier versions kept `<file>.lock` beside the data file. One that an old session still holds means
    /// the file is in use; otherwise it is removed, so that only the data file remains.
    private func removeLegacyLockFile(requested: String) throws {
        let legacy = path + ".lock"
        let fd = open(legacy, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return }
        defer { close(fd) }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else { throw DataFileError.inUse(path: requested) }
        unlink(legacy)
    }

    /// The real path of `requested` and whether it exists. A missing file's folder is resolved, so a file
    /// created through a symbolic link to a folder lands where every other name finds it.
    static func resolve(_ requested: String) throws -> (String, Bool) {
        var info = stat()
        if lstat(requested, &info) == 0 {
            guard let real = realpath(requested, nil) else {
                throw DataFileError.unreachable(path: requested, reason: .current)
            }
            defer { free(real) }
            return (String(cString: real), true)
        }
        guard errno == ENOENT else { throw DataFileError.unreachable(path: requested, reason: .current) }
        let folder = (requested as NSString).deletingLastPathComponent
        let name = (requested as NSString).lastPathComponent
        guard !folder.isEmpty, let real = realpath(folder, nil) else { return (requested, false) }
        defer { free(real) }
        let base = String(cString: real)
        return ((base == "/" ? "" : base) + "/" + name, false)
    }

    private static func checkIdentity(path: String, requested: String) throws {
        var info = stat()
        guard stat(path, &info) == 0 else { throw DataFileError.unreachable(path: requested, reason: .current) }
        try checkIdentity(info, requested: requested)
    }

    private static func checkIdentity(_ info: stat, requested: String) throws {
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw DataFileError.notAFile(path: requested) }
        if info.st_nlink > 1 { throw DataFileError.hardLinked(path: requested, links: Int(info.st_nlink)) }
    }

    /// The file's size now, read through the locked descriptor.
    var size: UInt64 {
        var info = stat()
        return fstat(descriptor, &info) == 0 ? UInt64(info.st_size) : 0
    }

    /// Up to `count` bytes from the start of the file.
    func readHeader(_ count: Int) -> Data {
        var bytes = [UInt8](repeating: 0, count: count)
        let read = pread(descriptor, &bytes, count, 0)
        return Data(bytes.prefix(max(0, read)))
    }

    /// Lets another session open the file. Call only after every SQLite connection to it is closed: closing
    /// a descriptor drops the process's POSIX locks on the file, SQLite's included. Safe to call twice.
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
