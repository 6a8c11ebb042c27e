import Domain
import Foundation
import Storage

/// The per-row report of a refused import, written beside the file: spreadsheet row, form number, column,
/// value, reason (with the valid codes for a wrong code).
public enum ImportReport {
    /// How a report's name ends: the folder list of files to import leaves reports out.
    public static let suffix = "-loi-nhap.csv"

    public static func path(for csv: String) -> String {
        let url = URL(fileURLWithPath: csv)
        return url.deletingPathExtension().path + suffix
    }

    /// The problems kept in full, then the total and the count of each kind.
    public static func write(_ report: ImportProblemReport, to path: String, style: CSVStyle, strings s: Strings,
                             questionnaire: Questionnaire?) throws {
        var rows = report.problems.map {
            [String($0.row + 1), $0.serial, $0.column, $0.value, s.describe($0, questionnaire)]
        }
        rows.append([])
        rows.append([s[.importReportTotal], String(report.total)])
        for kind in ImportProblem.Kind.allCases {
            if let count = report.countByKind[kind] { rows.append([s.name(kind), String(count)]) }
        }
        if report.omitted > 0 { rows.append([s(.importReportOmitted, report.problems.count, report.omitted)]) }
        try CSVFiles.write(path: path, style: style,
                           headers: [s[.reportRow], s[.reportSerial], s[.reportColumn], s[.reportValue], s[.reportReason]],
                           rows: rows)
    }
}

extension Strings {
    /// Why a row was refused; for a wrong code, the question's valid codes with their labels.
    public func describe(_ problem: ImportProblem, _ questionnaire: Questionnaire?) -> String {
        let reason = describe(problem.reason)
        guard case .answer(.unknownCode) = problem.reason, let questionnaire,
              let question = problem.questionID.flatMap(questionnaire.question)
        else { return reason }
        let choices = questionnaire.choices(for: question).map { "\($0.code) " + text($0.label) }
        return choices.isEmpty ? reason : reason + " " + self(.importValidCodes, choices.joined(separator: "; "))
    }

    /// One problem on one line: "Dòng 3 · phiếu K-100 · Giới tính · «5»: Không có mã 5. Mã hợp lệ: …".
    public func line(_ problem: ImportProblem, _ questionnaire: Questionnaire?) -> String {
        let reason = describe(problem, questionnaire)
        return problem.serial.isEmpty
            ? self(.importProblemLine, problem.row + 1, problem.column, problem.value, reason)
            : self(.importProblemLineSerial, problem.row + 1, problem.serial, problem.column, problem.value, reason)
    }
}
