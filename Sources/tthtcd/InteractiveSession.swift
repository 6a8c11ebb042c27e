import ArgumentParser
import Domain
import Foundation
import NcursesBackend
import Screens
import Storage

/// Runs the terminal interface on an open data file and gives the terminal back on every way out.
enum InteractiveSession {
    /// `demoAccounts` is non-empty for a demo session: the banner shows, and the sign-in screen lists them.
    static func run(database: AppDatabase, units: UnitDirectory, demoAccounts: [DemoDataset.DemoAccount]) throws {
        try MainActor.assumeIsolated {
            let context = try AppContext(database: database, units: units, strings: CLI.strings,
                                         boardRules: try CLI.boardRules(), isDemo: !demoAccounts.isEmpty)
            context.demoAccounts = demoAccounts
            let colour = ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true
            let terminal: NcursesTerminal
            do {
                terminal = try NcursesTerminal(colour: colour)
            } catch NcursesTerminal.StartError.notUTF8 {
                throw CLI.fail(CLI.strings[.cliNotUTF8])
            } catch NcursesTerminal.StartError.unknownTerminal(let name) {
                throw CLI.fail(CLI.strings(.cliUnknownTerminal, name))
            }
            defer { terminal.stop() }
            App(context: context).run(on: terminal)
        }
    }

    /// Opens the data file for the interface. A 0-byte file (or a database without tables) becomes a data file
    /// only when the person at the terminal says so. After an unclean shutdown the whole file is checked, with
    /// progress, before the interface starts.
    static func open(_ path: String) throws -> AppDatabase {
        let s = CLI.strings
        var options = AppDatabase.Options(acceptEmptyFile: false, checkAfterCrashNow: false)
        let database: AppDatabase
        do {
            do {
                database = try AppDatabase.open(path: path, options: options)
            } catch DataFileError.empty {
                guard confirmEmptyFile(path) else { throw CLI.fail(s(.emptyFileDeclined, path)) }
                options.acceptEmptyFile = true
                database = try AppDatabase.open(path: path, options: options)
            }
        } catch let error as DataFileError {
            throw CLI.fail(s.describe(error))
        }
        guard database.needsIntegrityCheck else { return database }
        FileHandle.standardError.write(Data((s[.checkAfterCrash] + "\n").utf8))
        let progress = CLI.ProgressLine()
        let outcome = try IntegrityCheck(database: database, scope: .tables).run { step in
            progress.show(s(.checkProgress, min(step.done + 1, step.total), step.total, step.table ?? ""))
        }
        progress.clear()
        if case .damaged(let problems) = outcome {
            database.close()
            throw CLI.fail(s(.checkDamaged, database.path, problems))
        }
        return database
    }

    /// Asks on the terminal, before the interface starts, whether an empty file may become a data file.
    private static func confirmEmptyFile(_ path: String) -> Bool {
        let s = CLI.strings
        FileHandle.standardOutput.write(Data(s(.emptyFileQuestion, path).utf8))
        guard let answer = readLine(strippingNewline: true) else { return false }
        return answer.trimmingCharacters(in: .whitespaces).lowercased() == s[.emptyFileAnswerYes]
    }
}

/// The day's automatic backup, made on a thread of its own while the interface starts and runs. Quitting
/// before it ends cancels it (the next start makes it again); a failure is told after the interface closes.
final class DailyBackupRun: @unchecked Sendable {
    private let mutex = NSLock()
    private var cancelled = false
    private var failure: Error?
    private let done = DispatchSemaphore(value: 0)

    init(database: AppDatabase, label: String) {
        let thread = Thread { [self] in
            do {
                _ = try database.dailyBackupIfDue(label: label, at: Date()) { _ in !self.isCancelled }
            } catch BackupError.cancelled {
            } catch {
                mutex.lock()
                failure = error
                mutex.unlock()
            }
            done.signal()
        }
        thread.start()
    }

    private var isCancelled: Bool {
        mutex.lock()
        defer { mutex.unlock() }
        return cancelled
    }

    func cancel() {
        mutex.lock()
        cancelled = true
        mutex.unlock()
        done.wait()
    }

    /// Cancels a backup still running (the next start makes it again) and tells a failure.
    func finish() {
        cancel()
        mutex.lock()
        defer { mutex.unlock() }
        if let failure { FileHandle.standardError.write(Data((CLI.strings.describeFileError(failure) + "\n").utf8)) }
    }
}
