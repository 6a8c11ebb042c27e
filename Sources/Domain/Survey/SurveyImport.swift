import Foundation

/// A problem found in one cell (or row) of an imported file. Rows count from 1 for the first data row, as a
/// spreadsheet shows them after its header row (so row 1 here is line 2 of the file).
public struct ImportProblem: Hashable, Sendable {
    public enum Reason: Hashable, Sendable {
        case answer(SurveyProblem)
        /// A column the mapping does not place: the whole file is refused until it is mapped or ignored.
        case unknownColumn
        /// A required question has no column.
        case missingColumn
        /// The row has fewer or more cells than the header (a cut-off file).
        case wrongCellCount(expected: Int, found: Int)
        /// A serial number used twice in the file.
        case duplicateInFile(firstRow: Int)
        /// A control character (a NUL, a bidirectional override...) in a cell: refused rather than silently cut.
        case controlCharacter(UInt32)
    }

    public let row: Int
    public let column: String
    public let value: String
    public let reason: Reason

    public init(row: Int, column: String, value: String, reason: Reason) {
        self.row = row
        self.column = column
        self.value = value
        self.reason = reason
    }
}

/// Turning a spreadsheet (header + rows of text) into survey responses: all rows or none.
public struct SurveyImport: Sendable {
    /// What a column means: a question id, or ignored.
    public static let ignore = "-"

    public let engine: SurveyEngine

    public init(engine: SurveyEngine) { self.engine = engine }

    var questionnaire: Questionnaire { engine.questionnaire }

    /// A stable name for a set of headers, under which a mapping is saved for reuse.
    public static func signature(of headers: [String]) -> String {
        headers.map { VietnameseText.fold($0.cleanedInput) }.joined(separator: "|")
    }

    /// Guesses each column's question from its header: the question's id or its label, marks and case aside.
    public func suggestedMapping(for headers: [String]) -> [String: String] {
        var mapping: [String: String] = [:]
        for header in headers {
            let folded = VietnameseText.fold(header.cleanedInput)
            if let question = questionnaire.questions.first(where: {
                VietnameseText.fold($0.id) == folded || VietnameseText.fold($0.label.vi) == folded
                    || VietnameseText.fold($0.label.en) == folded
            }) {
                mapping[header] = question.id
            }
        }
        return mapping
    }

    /// Reads one cell as the answer to a question: codes or labels for choices (marks aside), a number, a village
    /// by name or number, or text. Nil for an empty cell.
    public func answer(_ cell: String, for question: Question) -> Answer? {
        let text = cell.cleanedInput
        guard !text.isEmpty else { return nil }
        switch question.type {
        case .single, .multiple:
            // Labels may hold commas ("Tin học, kỹ năng số"): split on ; | first, then try commas and spaces.
            let separators: Set<Character> = [";", "|", "\n"]
            var codes: [Int] = []
            for token in text.split(whereSeparator: { separators.contains($0) }).map({ String($0).cleanedInput }) {
                if let code = code(token, question) {
                    codes.append(code)
                    continue
                }
                let parts = token.split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init)
                if parts.allSatisfy({ Int($0) != nil }) {
                    codes += parts.compactMap { Int($0) }
                } else if let labels = labelCodes(token, question) {
                    codes += labels
                } else {
                    return .text(token)
                }
            }
            return .codes(codes)
        case .village:
            if let index = Int(text), engine.villages.indices.contains(index - 1) { return .text(engine.villages[index - 1]) }
            if let name = engine.villages.first(where: { VietnameseText.fold($0) == VietnameseText.fold(text) }) {
                return .text(name)
            }
            return .text(text)
        case .integer, .year:
            return Int(text).map { .number($0) } ?? .text(text)
        case .text:
            return .text(text)
        }
    }

    /// The code of one choice given by its number or its label (either language, marks aside).
    func code(_ token: String, _ question: Question) -> Int? {
        if let number = Int(token) { return number }
        let folded = VietnameseText.fold(token)
        return questionnaire.choices(for: question).first {
            VietnameseText.fold($0.label.vi) == folded || VietnameseText.fold($0.label.en) == folded
        }?.code
    }

    /// Labels listed with commas, where a label may itself hold a comma ("Trồng trọt, Tin học, kỹ năng số"):
    /// from each piece, the longest run of pieces that names a choice.
    func labelCodes(_ token: String, _ question: Question) -> [Int]? {
        let pieces = token.split(separator: ",").map { String($0).cleanedInput }
        var codes: [Int] = []
        var start = 0
        while start < pieces.count {
            guard let end = (start..<pieces.count).reversed().first(where: {
                code(pieces[start...$0].joined(separator: ", "), question) != nil
            }) else { return nil }
            codes.append(code(pieces[start...end].joined(separator: ", "), question)!)
            start = end + 1
        }
        return codes
    }

    /// Every row turned into a response, and every problem found. The caller imports only when there is no
    /// problem at all. `existing` are the campaign's responses already stored (duplicate serials).
    public func convert(headers: [String], rows: [[String]], mapping: [String: String], campaignID: Int64,
                        existing: [SurveyResponse]) -> (responses: [SurveyResponse], problems: [ImportProblem]) {
        var run = ImportRun(importer: self, headers: headers, rows: rows, mapping: mapping, campaignID: campaignID,
                            existing: existing)
        while !run.step(rows: 500) {}
        return (run.responses, run.problems)
    }
}

/// An import in progress, converted a slice of rows at a time so a screen can show a progress bar.
public struct ImportRun: Sendable {
    let importer: SurveyImport
    public let headers: [String]
    public let rows: [[String]]
    let mapping: [String: String]
    let campaignID: Int64
    let existing: [SurveyResponse]
    public private(set) var processed = 0
    public private(set) var responses: [SurveyResponse] = []
    public private(set) var problems: [ImportProblem] = []
    private var serialRows: [String: Int] = [:]

    public init(importer: SurveyImport, headers: [String], rows: [[String]], mapping: [String: String],
                campaignID: Int64, existing: [SurveyResponse]) {
        self.importer = importer
        self.headers = headers
        self.rows = rows
        self.mapping = mapping
        self.campaignID = campaignID
        self.existing = existing
        for header in headers where mapping[header] == nil {
            problems.append(ImportProblem(row: 0, column: header, value: "", reason: .unknownColumn))
        }
        let mapped = Set(mapping.values)
        for question in importer.questionnaire.questions where question.required && question.relevantIf == nil
            && !mapped.contains(question.id) {
            problems.append(ImportProblem(row: 0, column: question.id, value: "", reason: .missingColumn))
        }
    }

    public var isDone: Bool { processed >= rows.count }

    /// Converts up to `count` more rows; true when every row is done.
    public mutating func step(rows count: Int) -> Bool {
        let end = min(rows.count, processed + count)
        while processed < end {
            convertRow(processed)
            processed += 1
        }
        return isDone
    }

    private mutating func convertRow(_ index: Int) {
        let cells = rows[index]
        let rowNumber = index + 1
        guard cells.count == headers.count else {
            problems.append(ImportProblem(row: rowNumber, column: "", value: cells.joined(separator: ","),
                                          reason: .wrongCellCount(expected: headers.count, found: cells.count)))
            return
        }
        var answers: SurveyAnswers = [:]
        var columnOf: [String: (String, String)] = [:]
        for (header, cell) in zip(headers, cells) {
            guard let id = mapping[header], id != SurveyImport.ignore, let question = importer.questionnaire.question(id)
            else { continue }
            if let control = cell.firstForbiddenControl {
                problems.append(ImportProblem(row: rowNumber, column: header, value: cell.withoutForbiddenControls,
                                              reason: .controlCharacter(control.value)))
                continue
            }
            if let value = importer.answer(cell, for: question) { answers[id] = value }
            columnOf[id] = (header, cell)
        }
        answers = importer.engine.pruned(answers)
        let response = SurveyResponse(campaignID: campaignID, answers: answers)
        for issue in importer.engine.validate(response, others: existing) where issue.severity == .error {
            let (column, value) = columnOf[issue.field] ?? (issue.field, "")
            problems.append(ImportProblem(row: rowNumber, column: column, value: value, reason: .answer(issue.problem)))
        }
        let serial = response.serial
        if !serial.isEmpty {
            if let first = serialRows[serial] {
                problems.append(ImportProblem(row: rowNumber, column: columnOf["serial"]?.0 ?? "serial", value: serial,
                                              reason: .duplicateInFile(firstRow: first)))
            } else {
                serialRows[serial] = rowNumber
            }
        }
        responses.append(response)
    }
}
