import Foundation

/// Text in both languages, as rule tables carry it.
public struct BilingualText: Hashable, Codable, Sendable {
    public var vi: String
    public var en: String

    public init(vi: String, en: String) {
        self.vi = vi
        self.en = en
    }
}

/// The pure checks the board rules are made of. A rule names its check; the check is code, the rest is data.
public enum BoardCheck: String, Codable, CaseIterable, Sendable {
    case oneDirector, directorLeadsCommuneCommittee, deputyFromStudyPromotion, deputyManagesSchool
    case assignedTeacher, decisionsRecorded, decisionsIssuedByCommune, dutiesAssigned, noLongVacancy
    case managersTrained, onePersonOneRole
    /// The training rule for the centre's teachers and speakers (its register, outside the board).
    case staffTrained
}

/// One rule as the regulations set it, for a span of time: its legal basis, how serious a breach is, what
/// it says and what to do about it. The same rule id may appear several times with different dates when the
/// basis changed.
public struct BoardRule: Hashable, Codable, Sendable, Identifiable {
    public var id: String
    public var check: BoardCheck
    public var severity: Severity
    public var basis: BilingualText
    public var title: BilingualText
    public var remedy: BilingualText
    /// First day the rule applies.
    public var effectiveFrom: LocalDate
    /// Last day it applies; nil while in force.
    public var effectiveTo: LocalDate?

    public func isEffective(on date: LocalDate) -> Bool {
        effectiveFrom <= date && (effectiveTo.map { date <= $0 } ?? true)
    }
}

/// Numbers the rules use that each province may set differently.
public struct BoardParameters: Hashable, Codable, Sendable {
    /// How many days a board role may stay empty after its holder left.
    public var vacancyDays: Int
    /// Trainings each manager must attend in a calendar year.
    public var trainingsPerYear: Int

    public init(vacancyDays: Int = 30, trainingsPerYear: Int = 2) {
        self.vacancyDays = vacancyDays
        self.trainingsPerYear = trainingsPerYear
    }
}

/// The rule table shipped in Resources/rules/board-rules.json.
public struct BoardRuleTable: Codable, Sendable {
    public var version: Int
    public var parameters: BoardParameters
    public var rules: [BoardRule]

    public static func decode(_ data: Data) throws -> BoardRuleTable {
        try JSONDecoder().decode(BoardRuleTable.self, from: data)
    }

    /// The rules in force on a date, one per id, in table order.
    public func rules(on date: LocalDate) -> [BoardRule] {
        var seen = Set<String>()
        return rules.filter { rule in
            guard rule.isEffective(on: date), !seen.contains(rule.id) else { return false }
            seen.insert(rule.id)
            return true
        }
    }
}
