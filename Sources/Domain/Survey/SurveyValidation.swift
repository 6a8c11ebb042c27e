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

/// The questionnaire engine: which questions apply, and what is wrong with a set of answers.
public struct SurveyEngine: Equatable, Sendable {
    public let questionnaire: Questionnaire
    /// The centre's villages, in order: a clerk types their number.
    public let villages: [String]

    public init(questionnaire: Questionnaire, villages: [String]) {
        self.questionnaire = questionnaire
        self.villages = villages
    }

    /// Whether a question is asked, given the answers so far (skip logic).
    public func isRelevant(_ question: Question, _ answers: SurveyAnswers) -> Bool {
        (question.relevantIf ?? []).allSatisfy { $0.holds(in: answers) }
    }

    /// The answers with those to questions that no longer apply removed.
    public func pruned(_ answers: SurveyAnswers) -> SurveyAnswers {
        answers.filter { key, _ in questionnaire.question(key).map { isRelevant($0, answers) } ?? false }
    }

    /// Every problem with the answers, errors and warnings, in the order of the questions. Warnings the
    /// response overrides are left out. `others` are the campaign's other responses, for duplicates.
    public func validate(_ response: SurveyResponse, others: [SurveyResponse] = []) -> [SurveyIssue] {
        let answers = response.answers
        var issues: [SurveyIssue] = []
        for question in questionnaire.questions where isRelevant(question, answers) {
            issues += problems(question, answers[question.id])
        }
        // A check on an answer that is already wrong would only repeat the error.
        let wrong = Set(issues.map(\.field))
        for check in questionnaire.checks where !wrong.contains(check.field) && check.when.allSatisfy({ $0.holds(in: answers) }) {
            issues.append(SurveyIssue(field: check.field, checkID: check.id, problem: .check(check.message),
                                      severity: check.severity))
        }
        let serial = response.serial.cleanedInput
        if !serial.isEmpty, others.contains(where: { $0.id != response.id && $0.serial.cleanedInput == serial }) {
            issues.append(SurveyIssue(field: "serial", checkID: "duplicate-serial", problem: .duplicateSerial,
                                      severity: .error))
        }
        if let key = response.personKey,
           let twin = others.first(where: { $0.id != response.id && $0.personKey == key }) {
            issues.append(SurveyIssue(field: "name", checkID: "possible-duplicate",
                                      problem: .possibleDuplicate(serial: twin.serial), severity: .warning))
        }
        let overridden = Set(response.overrides.map(\.checkID))
        let order = Dictionary(uniqueKeysWithValues: questionnaire.questions.enumerated().map { ($1.id, $0) })
        return issues.filter { $0.severity == .error || !overridden.contains($0.checkID) }
            .sorted { (order[$0.field] ?? 0) < (order[$1.field] ?? 0) }
    }

    func problems(_ question: Question, _ answer: Answer?) -> [SurveyIssue] {
        func issue(_ problem: SurveyProblem) -> SurveyIssue {
            SurveyIssue(field: question.id, checkID: question.id + ".answer", problem: problem, severity: .error)
        }
        guard let answer, !answer.isEmpty else { return question.required ? [issue(.required)] : [] }
        switch question.type {
        case .single, .multiple:
            guard case .codes = answer else { return [issue(.notANumber(answer.text ?? ""))] }
            let valid = Set(questionnaire.choices(for: question).map(\.code))
            if let bad = answer.codes.first(where: { !valid.contains($0) }) { return [issue(.unknownCode(bad))] }
            if question.type == .single && answer.codes.count > 1 { return [issue(.tooMany(max: 1))] }
            if let max = question.maxSelections, answer.codes.count > max { return [issue(.tooMany(max: max))] }
        case .integer, .year:
            guard let n = answer.number else { return [issue(.notANumber(answer.text ?? ""))] }
            if let min = question.min, let max = question.max, !(min...max).contains(n) {
                return [issue(.outOfRange(min: min, max: max))]
            }
        case .village:
            if let name = answer.text, !villages.contains(name) { return [issue(.unknownVillage(name))] }
        case .text:
            if let max = question.maxLength, (answer.text ?? "").count > max { return [issue(.tooLong(max: max))] }
        }
        return []
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
