import Domain
import Foundation
import Storage

extension Strings {
    /// The name of a kind of import problem, for the count of each kind in a report.
    public func name(_ kind: ImportProblem.Kind) -> String {
        switch kind {
        case .required: return self[.importKindRequired]
        case .unknownCode: return self[.importKindUnknownCode]
        case .unknownVillage: return self[.importKindUnknownVillage]
        case .outOfRange: return self[.importKindOutOfRange]
        case .tooMany: return self[.importKindTooMany]
        case .notANumber: return self[.importKindNotANumber]
        case .tooLong: return self[.importKindTooLong]
        case .duplicateSerial: return self[.importKindDuplicateSerial]
        case .possibleDuplicate: return self[.importKindPossibleDuplicate]
        case .check: return self[.importKindCheck]
        case .unknownColumn: return self[.importKindUnknownColumn]
        case .missingColumn: return self[.importKindMissingColumn]
        case .wrongCellCount: return self[.importKindWrongCellCount]
        case .duplicateInFile: return self[.importKindDuplicateInFile]
        case .controlCharacter: return self[.importKindControlCharacter]
        }
    }

    /// "12 giây", "3 phút 5 giây".
    public func duration(seconds: Double) -> String {
        let whole = max(0, Int(seconds.rounded()))
        return whole < 60 ? self(.durationSeconds, whole) : self(.durationMinutes, whole / 60, whole % 60)
    }

    /// One line of an import's progress: rows, rows a second, time left.
    public func describe(_ progress: ImportProgress) -> String {
        let left = progress.remaining.map { duration(seconds: $0) } ?? self[.importProgressEstimating]
        let rate = Int(progress.rowsPerSecond.rounded())
        switch progress.phase {
        case .checking: return self(.importProgressChecking, progress.rows, rate, left)
        case .writing: return self(.importProgressWriting, progress.rows, progress.totalRows ?? progress.rows, rate, left)
        }
    }

    /// The lines under a refused import's problems: the count of each kind, and how many were not listed.
    public func summary(_ report: ImportProblemReport) -> [String] {
        var lines = [self[.importReportCounts]]
        for kind in ImportProblem.Kind.allCases {
            if let count = report.countByKind[kind] { lines.append("  " + name(kind) + ": \(count)") }
        }
        if report.omitted > 0 { lines.append(self(.importReportOmitted, report.problems.count, report.omitted)) }
        return lines
    }
}
