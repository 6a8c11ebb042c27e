import Foundation
import GRDB

/// SQLite's `quick_check` over the data file, in steps a progress bar can follow: one table (with its
/// indexes) at a time, on a connection of its own, so the interface keeps drawing and saving meanwhile and
/// the check can be cancelled.
///
/// Two scopes: `.tables` checks every table and index one by one (what the interface runs after an unclean
/// shutdown, with progress); `.complete` runs the whole-file check in one step, which also accounts for every
/// free page (what `tthtcd check` runs).
public final class IntegrityCheck: @unchecked Sendable {
    public enum Scope: Sendable { case tables, complete }

    public struct Progress: Sendable, Equatable {
        public let done: Int
        public let total: Int
        /// The table being checked; nil for the whole-file step.
        public let table: String?
    }

    public enum Outcome: Sendable, Equatable {
        case intact
        case damaged(problems: Int)
        case cancelled
    }

    private let connection: DatabaseQueue
    private let steps: [String?]
    private let mutex = NSLock()
    private var cancelled = false

    /// Opens a connection of its own on `database` (read-only).
    public init(database: AppDatabase, scope: Scope) throws {
        guard let lock = database.lock else { throw DataFileError.notAFile(path: database.path) }
        connection = try ReaderConnection.open(lock, label: "integrity-check")
        switch scope {
        case .complete:
            steps = [nil]
        case .tables:
            steps = try connection.inDatabase { db in
                try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY rootpage")
            }
        }
    }

    /// Runs every step, calling `progress` before each and once at the end. Call from a background thread;
    /// ``cancel()`` from any thread stops it.
    public func run(progress: (Progress) -> Void) throws -> Outcome {
        defer { try? connection.close() }
        var problems = 0
        for (index, table) in steps.enumerated() {
            if isCancelled { return .cancelled }
            progress(Progress(done: index, total: steps.count, table: table))
            do {
                problems += try connection.inDatabase { db in try Self.problems(db, table: table) }
            } catch let error as DatabaseError where error.resultCode == .SQLITE_INTERRUPT {
                return .cancelled
            }
        }
        progress(Progress(done: steps.count, total: steps.count, table: nil))
        return problems == 0 ? .intact : .damaged(problems: problems)
    }

    public func cancel() {
        mutex.lock()
        cancelled = true
        mutex.unlock()
        connection.interrupt()
    }

    private var isCancelled: Bool {
        mutex.lock()
        defer { mutex.unlock() }
        return cancelled
    }

    /// Problems `quick_check` reports for one table and its indexes, or for the whole file. `thorough` runs
    /// `integrity_check`, which also compares every index with its table (for a backup, before it is trusted).
    static func problems(_ db: Database, table: String? = nil, thorough: Bool = false) throws -> Int {
        let pragma = thorough ? "integrity_check" : "quick_check"
        let sql = table.map { "PRAGMA \(pragma)(\(DatabaseQueue.quoted($0)))" } ?? "PRAGMA \(pragma)"
        do {
            let lines = try String.fetchAll(db, sql: sql)
            return lines == ["ok"] ? 0 : lines.count
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CORRUPT || error.resultCode == .SQLITE_NOTADB {
            // So damaged that the check itself cannot walk it.
            return 1
        }
    }
}

extension DatabaseQueue {
    /// A name quoted as an SQL string literal.
    static func quoted(_ name: String) -> String { "'" + name.replacingOccurrences(of: "'", with: "''") + "'" }
}
