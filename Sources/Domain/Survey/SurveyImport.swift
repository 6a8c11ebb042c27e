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

    /// What kind of problem, for the count of each kind in a report.
    public enum Kind: String, CaseIterable, Hashable, Sendable {
        case required, unknownCode, unknownVillage, outOfRange, tooMany, notANumber, tooLong, duplicateSerial
        case possibleDuplicate, check, unknownColumn, missingColumn, wrongCellCount, duplicateInFile
        case controlCharacter
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

    public var kind: Kind {
        switch reason {
        case .unknownColumn: return .unknownColumn
        case .missingColumn: return .missingColumn
        case .wrongCellCount: return .wrongCellCount
        case .duplicateInFile: return .duplicateInFile
        case .controlCharacter: return .controlCharacter
        case .answer(let problem):
            switch problem {
            case .required: return .required
            case .unknownCode: return .unknownCode
            case .unknownVillage: return .unknownVillage
            case .outOfRange: return .outOfRange
            case .tooMany: return .tooMany
            case .notANumber: return .notANumber
            case .tooLong: return .tooLong
            case .duplicateSerial: return .duplicateSerial
            case .possibleDuplicate: return .possibleDuplicate
            case .check: return .check
            }
        }
    }
}

/// The problems of a refused file as a report keeps them: the first ones in full, and how many of each kind,
/// so a million bad rows cost the same memory as a thousand.
public struct ImportProblemReport: Hashable, Sendable {
    public static let kept = 1000

    public private(set) var problems: [ImportProblem] = []
    public private(set) var total = 0
    public private(set) var countByKind: [ImportProblem.Kind: Int] = [:]

    public init(_ problems: [ImportProblem] = []) {
        for problem in problems { add(problem) }
    }

    public mutating func add(_ problem: ImportProblem) {
        total += 1
        countByKind[problem.kind, default: 0] += 1
        if problems.count < Self.kept { problems.append(problem) }
    }

    public var isEmpty: Bool { total == 0 }
    /// Problems counted but not kept in full.
    public var omitted: Int { total - problems.count }
}

/// Turning a spreadsheet (header + rows of text) into survey responses: all rows or none.
public struct SurveyImport: Sendable {
    /// What a column means: a question id, or ignored.
    public static let ignore = "-"

    public let engine: SurveyEngine
    /// Folded label (either language) to code, for each choice question; the first choice wins a tie.
    private let labelCodes: [String: [String: Int]]
    /// Folded village name to the name as the centre writes it.
    private let villageNames: [String: String]

    public init(engine: SurveyEngine) {
        self.engine = engine
        let questionnaire = engine.questionnaire
        var labels: [String: [String: Int]] = [:]
        for question in questionnaire.questions where question.type == .single || question.type == .multiple {
            var codes: [String: Int] = [:]
            for choice in questionnaire.choices(for: question) {
                for label in [choice.label.vi, choice.label.en] where codes[VietnameseText.fold(label)] == nil {
                    codes[VietnameseText.fold(label)] = choice.code
                }
            }
            labels[question.id] = codes
        }
        labelCodes = labels
        var names: [String: String] = [:]
        for village in engine.villages where names[VietnameseText.fold(village)] == nil {
            names[VietnameseText.fold(village)] = village
        }
        villageNames = names
    }

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
        answer(cell, id: question.id, type: question.type)
    }

    func answer(_ cell: String, id: String, type: QuestionType) -> Answer? {
        let text = cell.cleanedInput
        guard !text.isEmpty else { return nil }
        switch type {
        case .single, .multiple:
            if let codes = Self.plainCodes(text) { return .codes(codes) }
            // Labels may hold commas ("Tin học, kỹ năng số"): split on ; | first, then try commas and spaces.
            let separators: Set<Character> = [";", "|", "\n"]
            var codes: [Int] = []
            for token in text.split(whereSeparator: { separators.contains($0) }).map({ String($0).cleanedInput }) {
                if let code = code(token, id) {
                    codes.append(code)
                    continue
                }
                let parts = token.split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init)
                if parts.allSatisfy({ Int($0) != nil }) {
                    codes += parts.compactMap { Int($0) }
                } else if let labels = labelCodes(token, id) {
                    codes += labels
                } else {
                    return .text(token)
                }
            }
            return .codes(codes)
        case .village:
            if let index = Int(text), engine.villages.indices.contains(index - 1) { return .text(engine.villages[index - 1]) }
            if let name = villageNames[VietnameseText.fold(text)] {
                return .text(name)
            }
            return .text(text)
        case .integer, .year:
            return Int(text).map { .number($0) } ?? .text(text)
        case .text:
            return .text(text)
        }
    }

    /// Codes typed as numbers separated by spaces, commas or semicolons ("3", "1 8", "1;8"), read without
    /// splitting the text; nil for anything else (labels...), which goes the general way.
    static func plainCodes(_ text: String) -> [Int]? {
        var codes: [Int] = []
        var current = 0
        var digits = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard digits < 18 else { return nil }
                current = current * 10 + Int(byte - UInt8(ascii: "0"))
                digits += 1
            case UInt8(ascii: " "), UInt8(ascii: ","), UInt8(ascii: ";"):
                if digits > 0 { codes.append(current) }
                current = 0
                digits = 0
            default:
                return nil
            }
        }
        if digits > 0 { codes.append(current) }
        return codes.isEmpty ? nil : codes
    }

    /// The code of one choice given by its number or its label (either language, marks aside).
    func code(_ token: String, _ id: String) -> Int? {
        if let number = Int(token) { return number }
        return labelCodes[id]?[VietnameseText.fold(token)]
    }

    /// Labels listed with commas, where a label may itself hold a comma ("Trồng trọt, Tin học, kỹ năng số"):
    /// from each piece, the longest run of pieces that names a choice.
    func labelCodes(_ token: String, _ id: String) -> [Int]? {
        let pieces = token.split(separator: ",").map { String($0).cleanedInput }
        var codes: [Int] = []
        var start = 0
        while start < pieces.count {
            guard let end = (start..<pieces.count).reversed().first(where: {
                code(pieces[start...$0].joined(separator: ", "), id) != nil
            }) else { return nil }
            codes.append(code(pieces[start...end].joined(separator: ", "), id)!)
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

/// Checks the rows of one file, one at a time, so that a file of any length streams through it. The column
/// to question mapping is resolved once; each row costs its cells, never the campaign's size.
public struct ImportRowChecker: Sendable {
    let importer: SurveyImport
    public let headers: [String]
    public let campaignID: Int64
    /// For each column, the question it answers (nil: ignored or unmapped).
    private let questions: [QuestionRule?]
    /// Problems of the header itself: unmapped columns, required questions without a column.
    public let headerProblems: [ImportProblem]
    private var firstRows = FirstRowOfSerial()

    public init(importer: SurveyImport, headers: [String], mapping: [String: String], campaignID: Int64) {
        self.importer = importer
        self.headers = headers
        self.campaignID = campaignID
        questions = headers.map { header in
            guard let id = mapping[header], id != SurveyImport.ignore, let index = importer.engine.index(of: id) else {
                return nil
            }
            return importer.engine.rules[index]
        }
        var problems: [ImportProblem] = []
        for header in headers where mapping[header] == nil {
            problems.append(ImportProblem(row: 0, column: header, value: "", reason: .unknownColumn))
        }
        let mapped = Set(mapping.values)
        for question in importer.questionnaire.questions where question.required && question.relevantIf == nil
            && !mapped.contains(question.id) {
            problems.append(ImportProblem(row: 0, column: question.id, value: "", reason: .missingColumn))
        }
        headerProblems = problems
    }

    /// The response a row gives, whatever its problems (nil when its cells do not match the header).
    public func response(_ cells: [String]) -> SurveyResponse? {
        guard cells.count == headers.count else { return nil }
        var answers: SurveyAnswers = [:]
        answers.reserveCapacity(cells.count)
        for (index, cell) in cells.enumerated() {
            guard let rule = questions[index], cell.firstForbiddenControl == nil else { continue }
            if let value = importer.answer(cell, id: rule.id, type: rule.type) { answers[rule.id] = value }
        }
        return SurveyResponse(campaignID: campaignID, answers: importer.engine.pruned(answers))
    }

    /// One row converted and its answers checked, on its own: no other row, no stored form. Rows can be
    /// converted many at a time, on every core; ``finish(_:serialTaken:)`` then adds what depends on the others.
    public struct ConvertedRow: Sendable {
        public let row: Int
        public let cells: [String]
        public let response: SurveyResponse?
        /// The answers' errors, in the questionnaire's order.
        let errors: [SurveyIssue]
    }

    public func convert(_ cells: [String], row: Int) -> ConvertedRow {
        guard let response = response(cells) else { return ConvertedRow(row: row, cells: cells, response: nil, errors: []) }
        let errors = importer.engine.validateAnswers(response).filter { $0.severity == .error }
        return ConvertedRow(row: row, cells: cells, response: response, errors: errors)
    }

    /// The row's problems: its answers', its serial against the campaign (`serialTaken`) and against the rows
    /// finished before. Rows are finished in order. Warnings never refuse a file.
    public mutating func finish(_ converted: ConvertedRow, serialTaken: (String) throws -> Bool) rethrows
        -> (response: SurveyResponse?, problems: [ImportProblem])
    {
        let (row, cells) = (converted.row, converted.cells)
        guard let response = converted.response else {
            return (nil, [ImportProblem(row: row, column: "", value: cells.joined(separator: ","),
                                        reason: .wrongCellCount(expected: headers.count, found: cells.count))])
        }
        var errors = converted.errors
        // As validation with the campaign's forms would: the duplicate serial right after the serial's own
        // problem, the other questions' after it.
        let serial = response.serial
        let cleanSerial = serial.cleanedInput
        if !cleanSerial.isEmpty, try serialTaken(cleanSerial) {
            let position = errors.prefix { $0.field == "serial" }.count
            errors.insert(SurveyIssue(field: "serial", checkID: "duplicate-serial", problem: .duplicateSerial,
                                      severity: .error), at: position)
        }
        var problems: [ImportProblem] = []
        // A control character (a NUL, a bidirectional override...) is refused, never silently cut.
        for (index, cell) in cells.enumerated() where questions[index] != nil {
            guard let control = cell.firstForbiddenControl else { continue }
            problems.append(ImportProblem(row: row, column: headers[index], value: cell.withoutForbiddenControls,
                                          reason: .controlCharacter(control.value)))
        }
        for issue in errors {
            let index = questions.lastIndex { $0?.id == issue.field }
            problems.append(ImportProblem(row: row, column: index.map { headers[$0] } ?? issue.field,
                                          value: index.map { cells[$0] } ?? "", reason: .answer(issue.problem)))
        }
        if !serial.isEmpty, let first = firstRows.register(serial, row: row) {
            let index = questions.lastIndex { $0?.id == "serial" }
            problems.append(ImportProblem(row: row, column: index.map { headers[$0] } ?? "serial", value: serial,
                                          reason: .duplicateInFile(firstRow: first)))
        }
        return (response, problems)
    }

    /// ``convert(_:row:)`` and ``finish(_:serialTaken:)`` in one.
    public mutating func check(_ cells: [String], row: Int, serialTaken: (String) throws -> Bool) rethrows
        -> (response: SurveyResponse?, problems: [ImportProblem])
    {
        try finish(convert(cells, row: row), serialTaken: serialTaken)
    }
}

/// The first row of each serial seen in a file, kept as a 128-bit hash and a row number: 20 bytes a row
/// whatever the serial's length. Two different serials share a hash with a chance of about 10⁻²⁶ in a
/// million rows, which is far below any other cause of error.
struct FirstRowOfSerial: Sendable {
    private struct Digest: Hashable, Sendable {
        let high: Int
        let low: Int
    }

    private var rows: [Digest: Int32] = [:]

    /// Records the serial's row, or returns the row where it was first seen.
    mutating func register(_ serial: String, row: Int) -> Int? {
        var first = Hasher()
        first.combine(0x5354_4854)
        first.combine(serial)
        var second = Hasher()
        second.combine(serial)
        second.combine(0x4e4f_4954)
        let digest = Digest(high: first.finalize(), low: second.finalize())
        if let seen = rows[digest] { return Int(seen) }
        rows[digest] = Int32(clamping: row)
        return nil
    }
}

/// An import in progress over rows held in memory, converted a slice of rows at a time so a screen can show a
/// progress bar. Files of any size go through Storage's streaming import instead.
public struct ImportRun: Sendable {
    public let headers: [String]
    public let rows: [[String]]
    private var checker: ImportRowChecker
    private let existing: FormsInMemory
    public private(set) var processed = 0
    public private(set) var responses: [SurveyResponse] = []
    public private(set) var problems: [ImportProblem] = []

    public init(importer: SurveyImport, headers: [String], rows: [[String]], mapping: [String: String],
                campaignID: Int64, existing: [SurveyResponse]) {
        self.headers = headers
        self.rows = rows
        self.existing = FormsInMemory(existing)
        checker = ImportRowChecker(importer: importer, headers: headers, mapping: mapping, campaignID: campaignID)
        problems = checker.headerProblems
    }

    public var isDone: Bool { processed >= rows.count }

    /// Converts up to `count` more rows; true when every row is done.
    public mutating func step(rows count: Int) -> Bool {
        let end = min(rows.count, processed + count)
        while processed < end {
            let (response, rowProblems) = checker.check(rows[processed], row: processed + 1) {
                existing.serialTaken($0, except: nil)
            }
            problems += rowProblems
            if let response { responses.append(response) }
            processed += 1
        }
        return isDone
    }
}
