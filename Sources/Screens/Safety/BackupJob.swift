import Foundation
import Storage

/// A backup made on a thread of its own, so that the screen keeps drawing its progress and Esc can stop it. The
/// copy reads one snapshot through its own read transaction, so the session may go on writing meanwhile.
final class BackupJob: @unchecked Sendable, Equatable {
    private let mutex = NSLock()
    private let finished = DispatchSemaphore(value: 0)
    private var fraction = 0.0
    private var cancelled = false
    private var outcome: Result<BackupSummary, Error>?

    init(database: AppDatabase, folder: String, label: String, createFolder: Bool, at moment: Date) {
        Self.register(self)
        Thread { [self] in
            let result = Result {
                try database.backup(to: folder, label: label, at: moment, createFolder: createFolder) { done in
                    self.mutex.lock()
                    defer { self.mutex.unlock() }
                    self.fraction = done
                    return !self.cancelled
                }
            }
            mutex.lock()
            outcome = result
            mutex.unlock()
            Self.unregister(self)
            finished.signal()
        }.start()
    }

    private static let registryMutex = NSLock()
    nonisolated(unsafe) private static var running: [ObjectIdentifier: BackupJob] = [:]

    private static func register(_ job: BackupJob) {
        registryMutex.lock()
        running[ObjectIdentifier(job)] = job
        registryMutex.unlock()
    }

    private static func unregister(_ job: BackupJob) {
        registryMutex.lock()
        running[ObjectIdentifier(job)] = nil
        registryMutex.unlock()
    }

    /// Stops every copy still running and waits for it, before the data file is closed (the app quits): a
    /// cancelled copy leaves no file behind.
    static func stopAll() {
        registryMutex.lock()
        let jobs = Array(running.values)
        registryMutex.unlock()
        for job in jobs {
            job.cancel()
            _ = job.wait(milliseconds: 60_000)
        }
    }

    static func == (lhs: BackupJob, rhs: BackupJob) -> Bool { lhs === rhs }

    /// How far the copy got, 0...1.
    var progress: Double {
        mutex.lock()
        defer { mutex.unlock() }
        return fraction
    }

    /// Waits at most `milliseconds` for the end; the result once it came (a cancelled copy ends in an error too).
    func wait(milliseconds: Int) -> Result<BackupSummary, Error>? {
        if finished.wait(timeout: .now() + .milliseconds(milliseconds)) == .success { finished.signal() }
        mutex.lock()
        defer { mutex.unlock() }
        return outcome
    }

    func cancel() {
        mutex.lock()
        cancelled = true
        mutex.unlock()
    }
}
