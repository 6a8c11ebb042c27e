import Domain
import Foundation
import Storage

/// A survey import running on its own thread while the interface keeps drawing.
///
/// Why a thread, and not slices run from the app's loop: Storage's streaming import (the same the command
/// line uses) checks the whole file in one read transaction and writes it in one write transaction, so that it
/// is all or nothing. Cutting it into slices driven by the run loop would mean keeping a transaction open
/// between frames, on the connection the screens also read with. On its own thread the import stays exactly
/// the command line's: the data file is a WAL pool, so the screens go on reading while it writes. The thread
/// and the interface share only this object: the import posts its latest ``ImportProgress`` here and reads
/// the cancel flag at each slice of rows (every `SurveyFileImport.slice` rows); the screen reads the progress
/// and the outcome when the app ticks it (``ImportScreen/tick(_:)``), several times a second. A cancel is seen
/// at the next slice at the latest, before the write transaction commits, so nothing is imported.
final class ImportJob: @unchecked Sendable {
    enum Outcome: Sendable {
        /// The check found problems: nothing written.
        case refused(ImportCheck)
        case imported(ImportBatch)
        /// Esc was pressed: nothing written.
        case cancelled
        /// The file has a header and no form (it lost its rows since it was chosen): nothing written.
        case empty
        case failed(any Error)
    }

    private let mutex = NSLock()
    private var latest: ImportProgress?
    private var cancelRequested = false
    private var result: Outcome?
    private let finished = DispatchSemaphore(value: 0)

    /// Starts checking the file, then, if it is clean, importing it; returns at once.
    static func start(_ job: SurveyFileImport, into database: AppDatabase, by actor: Actor, at moment: Date)
        -> ImportJob
    {
        let shared = ImportJob()
        let thread = Thread {
            shared.finish(with: Self.run(job, database, actor, moment, progress: shared.post))
        }
        thread.name = "tthtcd-import"
        thread.start()
        return shared
    }

    private static func run(_ job: SurveyFileImport, _ database: AppDatabase, _ actor: Actor, _ moment: Date,
                            progress: (ImportProgress) -> Bool) -> Outcome {
        do {
            let check = try database.checkSurveyFile(job, progress: progress)
            guard check.isClean else { return .refused(check) }
            guard check.rows > 0 else { return .empty }
            return .imported(try database.importSurveyFile(job, checked: check, by: actor, at: moment,
                                                           progress: progress))
        } catch is ImportCancelled {
            return .cancelled
        } catch {
            return .failed(error)
        }
    }

    /// Called by the import after each slice: keeps the figures, and says whether to go on.
    func post(_ progress: ImportProgress) -> Bool {
        mutex.lock()
        defer { mutex.unlock() }
        latest = progress
        return !cancelRequested
    }

    func finish(with outcome: Outcome) {
        mutex.lock()
        result = outcome
        mutex.unlock()
        finished.signal()
    }

    /// Asks the import to stop at its next slice; nothing is written.
    func cancel() {
        mutex.lock()
        cancelRequested = true
        mutex.unlock()
    }

    var isCancelling: Bool {
        mutex.lock()
        defer { mutex.unlock() }
        return cancelRequested
    }

    /// The latest figures the import posted (nil before its first slice).
    var progress: ImportProgress? {
        mutex.lock()
        defer { mutex.unlock() }
        return latest
    }

    /// How it ended, once it has.
    var outcome: Outcome? {
        mutex.lock()
        defer { mutex.unlock() }
        return result
    }

    /// Waits until the import has ended, at most `seconds` (when the program quits mid-import, or in tests).
    @discardableResult
    func wait(seconds: Double) -> Bool {
        if outcome != nil { return true }
        guard finished.wait(timeout: .now() + seconds) == .success else { return false }
        finished.signal()
        return true
    }
}
