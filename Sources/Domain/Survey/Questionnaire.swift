import Foundation

/// The kinds of question a questionnaire can ask.
public enum QuestionType: String, Codable, Sendable {
    /// One of numbered choices (typed by its code).
    case single
    /// Several of numbered choices ("1 5 12").
    case multiple
    case integer
    case year
    case text
    /// A village or residential group of the centre (typed by its number in the centre's list).
    case village
}

/// A numbered answer: the code a clerk types and the words on the form.
public struct Choice: Hashable, Codable, Sendable {
    public var code: Int
    public var label: BilingualText

    public init(code: Int, label: BilingualText) {
        self.code = code
        self.label = label
    }
}

/// When a question applies or a check fires: another answer equals a code, includes a code, or is given.
public struct Condition: Hashable, Codable, Sendable {
    public var field: String
    public var equals: Int?
    public var includes: Int?
    /// Includes some code other than this one (a "none of these" answer given with others).
    public var includesOtherThan: Int?
    /// Below this number (ages from a birth year use `yearAfter`).
    public var below: Int?
    /// A year after this one (a birth year that makes the person younger than some age).
    public var yearAfter: Int?

    public func holds(in answers: SurveyAnswers) -> Bool {
        guard let answer = answers[field] else { return false }
        if let equals { return answer.codes == [equals] }
        if let includes { return answer.codes.contains(includes) }
        if let other = includesOtherThan { return answer.codes.contains { $0 != other } }
        if let below { return (answer.number ?? .max) < below }
        if let yearAfter { return (answer.number ?? .min) > yearAfter }
        return !answer.isEmpty
    }
}

/// A check a questionnaire sets on an answer, or across answers: an error blocks saving, a warning can be
/// overridden with a reason that is stored.
public struct SurveyCheck: Hashable, Codable, Sendable {
    public var id: String
    public var field: String
    public var severity: Severity
    /// Every condition holding makes the check fire.
    public var when: [Condition]
    public var message: BilingualText
}

/// One question of the questionnaire.
public struct Question: Hashable, Codable, Sendable, Identifiable {
    public var id: String
    public var type: QuestionType
    public var label: BilingualText
    public var help: BilingualText
    public var required: Bool
    /// The choices; for `topics` questions, taken from the topic catalog.
    public var choices: [Choice]?
    /// "topics": the choices are the questionnaire's topic catalog.
    public var source: String?
    public var min: Int?
    public var max: Int?
    /// At most this many codes for a multiple-choice question.
    public var maxSelections: Int?
    public var maxLength: Int?
    /// Asked only when every condition holds (skip logic); otherwise passed over and left empty.
    public var relevantIf: [Condition]?
}

/// A questionnaire as shipped in Resources/survey: the questions, the topic catalog, the checks. The entry
/// form is generated from it, so a province can change its form without changing the program.
public struct Questionnaire: Hashable, Codable, Sendable {
    public var id: String
    public var version: Int
    public var title: BilingualText
    public var topics: [Choice]
    public var questions: [Question]
    public var checks: [SurveyCheck]

    public static func decode(_ data: Data) throws -> Questionnaire {
        try JSONDecoder().decode(Questionnaire.self, from: data)
    }

    public func question(_ id: String) -> Question? { questions.first { $0.id == id } }

    /// The choices of a question, the topic catalog for a topics question.
    public func choices(for question: Question) -> [Choice] {
        question.source == "topics" ? topics : (question.choices ?? [])
    }

    public func topic(_ code: Int) -> Choice? { topics.first { $0.code == code } }
}
