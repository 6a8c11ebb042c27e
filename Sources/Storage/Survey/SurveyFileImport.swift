import Domain
import Foundation
import GRDB

/// How an import is doing, for a progress bar or line: rows done, rows a second, time left.
public struct ImportProgress: Sendable, Equatable {
    public enum Phase: Sendable, Equatable {
        /// The first pass: every row read and checked; nothing is written.
        case checking
        /// The second pass: every row read again and written, in one transaction.
        case writing
    }

    public let phase: Phase
    public let rows: Int
    /// Rows in the file, known once it has been checked.
    public let totalRows: Int?
    /// How much of this pass is done, 0 to 1.
    public let fraction: Double
    public let rowsPerSecond: Double
    /// Seconds left in this pass, once there is enough to estimate.
    public let remaining: Double?

    public init(phase: Phase, rows: Int, totalRows: Int?, fraction: Double, rowsPerSecond: Double, remaining: Double?) {
        self.phase = phase
        self.rows = rows
        self.totalRows = totalRows
        self.fraction = fraction
        self.rowsPerSecond = rowsPerSecond
        self.remaining = remaining
    }
}

/// The import was cancelled between two slices of rows: nothing was written.
public struct ImportCancelled: Error, Equatable {}

/// What the first pass found in a file: its rows and fingerprint, and every problem (the first thousand in
/// full, a count of each kind). The second pass runs only on a clean check of the same bytes.
public struct ImportCheck: Sendable {
    public let fileName: String
    public let sha256: String
    public let rows: Int
    public let report: ImportProblemReport

    public var isClean: Bool { report.isEmpty }
}

/// A file to import into a campaign, with the mapping of its columns to questions.
public struct SurveyFileImport: Sendable {
    public let path: String
    public let campaignID: Int64
    public let importer: SurveyImport
    public let mapping: [String: String]
    /// Rows between two progress reports (and chances to cancel).
    public var slice = 5000

    public init(path: String, campaignID: Int64, importer: SurveyImport, mapping: [String: String]) {
        self.path = path
        self.campaignID = campaignID
        self.importer = importer
        self.mapping = mapping
    }

    /// Reads the file a slice of rows at a time (after an empty one), handing each slice to `body`; reports
    /// progress after each slice, and stops with ``ImportCancelled`` when `progress` says so. Returns the rows and the file's SHA-256.
    func slices(phase: ImportProgress.Phase, totalRows: Int?, progress: (ImportProgress) -> Bool,
                body: (_ checker: inout ImportRowChecker, _ rows: [(Int, [String])]) throws -> Void)
        throws -> (rows: Int, sha256: String)
    {
        let file = try CSVStream(path: path)
        var checker = ImportRowChecker(importer: importer, headers: file.headers, mapping: mapping, campaignID: campaignID)
        let started = ContinuousClock.now
        var rows = 0
        func report() -> Bool {
            let elapsed = (ContinuousClock.now - started) / .seconds(1)
            let fraction = file.fileSize > 0 ? min(1, Double(file.bytesRead) / Double(file.fileSize)) : 1
            let rate = elapsed > 0 ? Double(rows) / elapsed : 0
            return progress(ImportProgress(
                phase: phase, rows: rows, totalRows: totalRows, fraction: fraction, rowsPerSecond: rate,
                remaining: fraction > 0.02 && elapsed > 0 ? elapsed / fraction * (1 - fraction) : nil))
        }
        // First an empty slice: the header's own problems come before any row's, even in a file of no rows.
        try body(&checker, [])
        guard report() else { throw ImportCancelled() }
        var lastReport = ContinuousClock.now
        var slice: [(Int, [String])] = []
        slice.reserveCapacity(self.slice)
        while true {
            let cells = try file.next()
            if let cells {
                rows += 1
                slice.append((rows, cells))
            }
            // A full slice, the end, or a quarter of a second gone (slow rows, a slow PC): the screen hears soon.
            let overdue = slice.count % 64 == 0 && ContinuousClock.now - lastReport > .milliseconds(250)
            if slice.count == self.slice || (cells == nil && !slice.isEmpty) || (overdue && !slice.isEmpty) {
                try body(&checker, slice)
                slice.removeAll(keepingCapacity: true)
                if cells != nil, !report() { throw ImportCancelled() }
                lastReport = ContinuousClock.now
            }
            if cells == nil { break }
        }
        guard report() else { throw ImportCancelled() }
        return (rows, try file.sha256())
    }

    /// The first pass over the file: every row converted and checked, the answers on every core, the serials
    /// against the campaign and the rows before in order. `problems` receives the header's, then each row's.
    func check(existing: CampaignForms, progress: (ImportProgress) -> Bool, problems: (ImportProblem) -> Void) throws
        -> (rows: Int, sha256: String)
    {
        var headerDone = false
        return try slices(phase: .checking, totalRows: nil, progress: progress) { checker, rows in
            if !headerDone {
                checker.headerProblems.forEach(problems)
                headerDone = true
            }
            let converter = checker
            for converted in Parallel.map(rows, { converter.convert($0.1, row: $0.0) }) {
                for problem in try checker.finish(converted, serialTaken: { try existing.serialTaken($0, except: nil) }).problems {
                    problems(problem)
                }
            }
        }
    }

    /// The second pass: every row converted and made ready to store on every core, then stored in order.
    func write(into inserter: inout ResponseInserter, totalRows: Int, progress: (ImportProgress) -> Bool) throws
        -> (rows: Int, sha256: String)
    {
        try slices(phase: .writing, totalRows: totalRows, progress: progress) { checker, rows in
            let converter = checker
            let year = inserter.year
            for prepared in Parallel.map(rows, { converter.response($0.1).map { ResponseInserter.prepare($0, year: year) } }) {
                guard let prepared else { throw SurveyFileImportError.changedSinceCheck }
                try inserter.add(prepared)
            }
        }
    }
}

extension AppDatabase {
    /// The first pass: reads and checks every row, writing nothing. Memory stays the same whatever the
    /// file's length: rows are not kept, only the problems a report keeps.
    public func checkSurveyFile(_ job: SurveyFileImport, progress: (ImportProgress) -> Bool = { _ in true }) throws
        -> ImportCheck
    {
        try writer.read { db in
            var report = ImportProblemReport()
            let (rows, sha256) = try job.check(existing: CampaignForms(db: db, campaignID: job.campaignID),
                                               progress: progress) { report.add($0) }
            return ImportCheck(fileName: (job.path as NSString).lastPathComponent, sha256: sha256, rows: rows,
                               report: report)
        }
    }

    /// The second pass, after a clean check: reads the file again and writes every row in one transaction, as
    /// one import batch with one audit entry. The file must still have the checked bytes; a cancel, a change
    /// of the file or any error leaves the data file as it was.
    @discardableResult
    public func importSurveyFile(_ job: SurveyFileImport, checked: ImportCheck, by actor: Actor, at moment: Date,
                                 progress: (ImportProgress) -> Bool = { _ in true }) throws -> ImportBatch {
        try actor.require(.editSurveys)
        guard checked.isClean else { throw SurveyFileImportError.notChecked }
        return try writer.write { db in
            try db.execute(sql: "PRAGMA cache_size = -65536")
            defer { try? db.execute(sql: "PRAGMA cache_size = -2000") }
            try Self.requireScope(db, actor, campaignID: job.campaignID)
            var inserter = try ResponseInserter(db, campaignID: job.campaignID, fileName: checked.fileName,
                                                sha256: checked.sha256, by: actor, at: moment)
            let (rows, sha256) = try job.write(into: &inserter, totalRows: checked.rows, progress: progress)
            guard rows == checked.rows, sha256 == checked.sha256 else { throw SurveyFileImportError.changedSinceCheck }
            return try inserter.finish(by: actor, at: moment)
        }
    }
}

public enum SurveyFileImportError: Error, Equatable {
    /// The file has problems, or was not checked: nothing is written.
    case notChecked
    /// The file changed between the check and the import (or the campaign gained one of its serials).
    case changedSinceCheck
}
