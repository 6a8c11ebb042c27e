import Foundation

/// What is wrong with an answer.
public enum SurveyProblem: Hashable, Sendable {
    case required
    case unknownCode(Int)
    case unknownVillage(String)
    case outOfRange(min: Int, max: Int)
    case tooMany(max: Int)
    case notANumber(String)
    case tooLong(max: Int)
    /// Another form of the campaign has this serial number.
    case duplicateSerial
    /// Another form has the same name, village and birth year (its serial).
    case possibleDuplicate(serial: String)
    /// A check the questionnaire defines.
    case check(BilingualText)
}

public struct SurveyIssue: Hashable, Sendable {
    public let field: String
    public let checkID: String
    public let problem: SurveyProblem
    public let severity: Severity

    public init(field: String, checkID: String, problem: SurveyProblem, severity: Severity) {
        self.field = field
        self.checkID = checkID
        self.problem = problem
        self.severity = severity
    }
}

/// What validation needs to know about a campaign's other forms, without holding them: a campaign of a
/// hundred thousand forms answers from its indexes (Storage), a short list from memory.
public protocol SurveyDuplicates {
    /// Never for forms in memory; a storage failure for forms asked from the data file.
    associatedtype Failure: Error
    /// Whether another form (not `id`) has this serial.
    func serialTaken(_ serial: String, except id: Int64?) throws(Failure) -> Bool
    /// The serial of the first other form (not `id`) with this person key (``SurveyResponse/personKey``).
    func twinSerial(personKey: String, except id: Int64?) throws(Failure) -> String?
}

/// Forms held in memory, indexed once by serial and by person key.
public struct FormsInMemory: SurveyDuplicates, Sendable {
    public typealias Failure = Never

    private var idsBySerial: [String: [Int64?]] = [:]
    private var byPersonKey: [String: [(id: Int64?, serial: String)]] = [:]

    public init(_ forms: [SurveyResponse]) {
        for form in forms {
            idsBySerial[form.serial.cleanedInput, default: []].append(form.id)
            if let key = form.personKey { byPersonKey[key, default: []].append((form.id, form.serial)) }
        }
    }

    public func serialTaken(_ serial: String, except id: Int64?) -> Bool {
        idsBySerial[serial]?.contains { $0 != id } ?? false
    }

    public func twinSerial(personKey: String, except id: Int64?) -> String? {
        byPersonKey[personKey]?.first { $0.id != id }?.serial
    }
}

/// What validation needs of one question, kept once per engine: checking a form then walks a short array of
/// references instead of copying every question (labels, help, choices) for every form of an import.
final class QuestionRule: Sendable {
    let id: String
    let type: QuestionType
    let required: Bool
    let conditions: [Condition]
    let validCodes: Set<Int>
    let min: Int?
    let max: Int?
    let maxSelections: Int?
    let maxLength: Int?
    let checkID: String

    init(_ question: Question, in questionnaire: Questionnaire) {
        id = question.id
        type = question.type
        required = question.required
        conditions = question.relevantIf ?? []
        validCodes = Set(questionnaire.choices(for: question).map(\.code))
        min = question.min
        max = question.max
        maxSelections = question.maxSelections
        maxLength = question.maxLength
        checkID = question.id + ".answer"
    }

    func isRelevant(_ answers: SurveyAnswers) -> Bool { conditions.allSatisfy { $0.holds(in: answers) } }
}

/// The questionnaire engine: which questions apply, and what is wrong with a set of answers.
public struct SurveyEngine: Equatable, Sendable {
    public let questionnaire: Questionnaire
    /// The centre's villages, in order: a clerk types their number.
    public let villages: [String]
    /// Each question's position, looked up for every answer of every form.
    private let order: [String: Int]
    /// The questions as validation reads them, in order.
    let rules: [QuestionRule]

    public init(questionnaire: Questionnaire, villages: [String]) {
        self.questionnaire = questionnaire
        self.villages = villages
        order = Dictionary(questionnaire.questions.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        rules = questionnaire.questions.map { QuestionRule($0, in: questionnaire) }
    }

    /// Two engines are the same when they check the same questionnaire for the same villages: the rest is derived.
    public static func == (lhs: SurveyEngine, rhs: SurveyEngine) -> Bool {
        lhs.questionnaire == rhs.questionnaire && lhs.villages == rhs.villages
    }

    public func question(_ id: String) -> Question? { order[id].map { questionnaire.questions[$0] } }

    /// The position of a question in the questionnaire.
    public func index(of id: String) -> Int? { order[id] }

    /// Whether a question is asked, given the answers so far (skip logic).
    public func isRelevant(_ question: Question, _ answers: SurveyAnswers) -> Bool {
        (question.relevantIf ?? []).allSatisfy { $0.holds(in: answers) }
    }

    /// The answers with those to questions that no longer apply removed.
    public func pruned(_ answers: SurveyAnswers) -> SurveyAnswers {
        let kept = { (key: String) -> Bool in self.order[key].map { self.rules[$0].isRelevant(answers) } ?? false }
        // Most forms keep every answer: then there is nothing to rebuild.
        if answers.keys.allSatisfy(kept) { return answers }
        return answers.filter { key, _ in kept(key) }
    }

    /// Every problem with the answers, errors and warnings, in the order of the questions. Warnings the
    /// response overrides are left out. `others` are the campaign's other responses, for duplicates.
    public func validate(_ response: SurveyResponse, others: [SurveyResponse] = []) -> [SurveyIssue] {
        validate(response, duplicates: FormsInMemory(others))
    }

    /// The same, asking `duplicates` about the campaign's other forms.
    public func validate<D: SurveyDuplicates>(_ response: SurveyResponse, duplicates: D) throws(D.Failure)
        -> [SurveyIssue]
    {
        try validate(response, duplicates: Optional(duplicates))
    }

    /// The problems of the answers alone, without asking about other forms (an import asks about serials
    /// itself, and a possible duplicate person is only a warning).
    func validateAnswers(_ response: SurveyResponse) -> [SurveyIssue] {
        validate(response, duplicates: FormsInMemory?.none)
    }

    private func validate<D: SurveyDuplicates>(_ response: SurveyResponse, duplicates: D?) throws(D.Failure)
        -> [SurveyIssue]
    {
        let answers = response.answers
        var issues: [SurveyIssue] = []
        for rule in rules where rule.isRelevant(answers) {
            if let issue = problem(rule, answers[rule.id]) { issues.append(issue) }
        }
        // A check on an answer that is already wrong would only repeat the error.
        let wrong = issues.count
        for check in questionnaire.checks where !issues[..<wrong].contains(where: { $0.field == check.field })
            && check.when.allSatisfy({ $0.holds(in: answers) }) {
            issues.append(SurveyIssue(field: check.field, checkID: check.id, problem: .check(check.message),
                                      severity: check.severity))
        }
        if let duplicates {
            let serial = response.serial.cleanedInput
            if !serial.isEmpty, try duplicates.serialTaken(serial, except: response.id) {
                issues.append(SurveyIssue(field: "serial", checkID: "duplicate-serial", problem: .duplicateSerial,
                                          severity: .error))
            }
            if let key = response.personKey, let twin = try duplicates.twinSerial(personKey: key, except: response.id) {
                issues.append(SurveyIssue(field: "name", checkID: "possible-duplicate",
                                          problem: .possibleDuplicate(serial: twin), severity: .warning))
            }
        }
        if issues.isEmpty { return issues }
        let overridden = Set(response.overrides.map(\.checkID))
        return issues.filter { $0.severity == .error || !overridden.contains($0.checkID) }
            .sorted { (order[$0.field] ?? 0) < (order[$1.field] ?? 0) }
    }

    /// The problem of one answer, if it has one (a question's answer has at most one).
    func problem(_ rule: QuestionRule, _ answer: Answer?) -> SurveyIssue? {
        func issue(_ problem: SurveyProblem) -> SurveyIssue {
            SurveyIssue(field: rule.id, checkID: rule.checkID, problem: problem, severity: .error)
        }
        guard let answer, !answer.isEmpty else { return rule.required ? issue(.required) : nil }
        switch rule.type {
        case .single, .multiple:
            guard case .codes(let codes) = answer else { return issue(.notANumber(answer.text ?? "")) }
            if let bad = codes.first(where: { !rule.validCodes.contains($0) }) { return issue(.unknownCode(bad)) }
            if rule.type == .single && codes.count > 1 { return issue(.tooMany(max: 1)) }
            if let max = rule.maxSelections, codes.count > max { return issue(.tooMany(max: max)) }
        case .integer, .year:
            guard let n = answer.number else { return issue(.notANumber(answer.text ?? "")) }
            if let min = rule.min, let max = rule.max, !(min...max).contains(n) {
                return issue(.outOfRange(min: min, max: max))
            }
        case .village:
            if let name = answer.text, !villages.contains(name) { return issue(.unknownVillage(name)) }
        case .text:
            if let max = rule.maxLength, (answer.text ?? "").count > max { return issue(.tooLong(max: max)) }
        }
        return nil
    }
}

/// Turns what a clerk typed into an answer: codes for choices, a number, a village by its number, text.
public enum AnswerParser {
    public static func parse(_ typed: String, for question: Question, villages: [String]) -> Answer? {
        let text = typed.cleanedInput
        guard !text.isEmpty else { return nil }
        switch question.type {
        case .single, .multiple:
            let parts = text.split(whereSeparator: { " ,;".contains($0) }).map(String.init)
            let codes = parts.compactMap { Int($0) }
            return codes.count == parts.count ? .codes(codes) : .text(text)
        case .integer, .year:
            return Int(text).map { .number($0) } ?? .text(text)
        case .village:
            if let index = Int(text), villages.indices.contains(index - 1) { return .text(villages[index - 1]) }
            return .text(text)
        case .text:
            return .text(text)
        }
    }

    /// What the clerk would type to give this answer again (for editing and the ditto key).
    public static func typed(_ answer: Answer?, for question: Question, villages: [String]) -> String {
        guard let answer else { return "" }
        switch answer {
        case .codes(let codes): return codes.map(String.init).joined(separator: " ")
        case .number(let n): return String(n)
        case .text(let t):
            if question.type == .village, let index = villages.firstIndex(of: t) { return String(index + 1) }
            return t
        }
    }
}
