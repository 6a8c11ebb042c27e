import Foundation

/// What the targets dashboard measures of each centre.
public enum TargetMeasure: String, Codable, CaseIterable, Sendable {
    /// An approved annual plan this year.
    case plan
    /// Bookcase, tables and chairs, computer.
    case equipped
    /// Money received this year.
    case funded
    /// A board with no error in its checklist.
    case board
    /// A survey with forms this year.
    case surveyed
    /// An evaluation confirmed for the year.
    case evaluated
}

/// The target share of each measure, in percent; by default the 100% set of the 2023-2025 district plans.
public struct TargetSet: Hashable, Codable, Sendable {
    public var plan: Int
    public var equipped: Int
    public var funded: Int
    public var board: Int
    public var surveyed: Int
    public var evaluated: Int

    public init(plan: Int = 100, equipped: Int = 100, funded: Int = 100, board: Int = 100, surveyed: Int = 100,
                evaluated: Int = 100) {
        self.plan = plan
        self.equipped = equipped
        self.funded = funded
        self.board = board
        self.surveyed = surveyed
        self.evaluated = evaluated
    }

    public func target(_ measure: TargetMeasure) -> Int {
        switch measure {
        case .plan: return plan
        case .equipped: return equipped
        case .funded: return funded
        case .board: return board
        case .surveyed: return surveyed
        case .evaluated: return evaluated
        }
    }
}

/// One working centre as the dashboard counts it (each fact read by SQL, the board by the rule engine).
public struct CentreTargetFacts: Hashable, Codable, Sendable, Identifiable {
    public var id: Int64
    public var code: String
    public var name: String
    public var communeCode: Int?
    public var met: Set<TargetMeasure>
    /// The confirmed rank of the year, if any.
    public var rank: Rank?

    public init(id: Int64, code: String, name: String, communeCode: Int?, met: Set<TargetMeasure>, rank: Rank?) {
        self.id = id
        self.code = code
        self.name = name
        self.communeCode = communeCode
        self.met = met
        self.rank = rank
    }
}

/// How many centres meet a measure, against its target.
public struct TargetShare: Hashable, Codable, Sendable {
    public var measure: TargetMeasure
    public var met: Int
    public var of: Int
    public var target: Int

    /// The share rounded to the nearest percent (7 of 11 is 64%), yet never 100% short of all nor 0% with any met,
    /// so the figure never claims a target reached that is not.
    public var percent: Int {
        guard of > 0 else { return 0 }
        let rounded = (met * 200 + of) / (2 * of)
        return met == of ? 100 : met == 0 ? 0 : min(99, max(1, rounded))
    }
    public var isReached: Bool { of > 0 && met * 100 >= target * of }
}

/// The dashboard's figures: shares over all centres, by commune, and the ranks.
public struct TargetSummary: Equatable, Sendable {
    public var shares: [TargetShare]
    public var byCommune: [(commune: Int?, shares: [TargetShare])]
    public var ranks: [Rank: Int]
    public var unranked: Int

    public static func == (a: TargetSummary, b: TargetSummary) -> Bool {
        a.shares == b.shares && a.ranks == b.ranks && a.unranked == b.unranked
            && a.byCommune.map(\.commune) == b.byCommune.map(\.commune)
            && a.byCommune.map(\.shares) == b.byCommune.map(\.shares)
    }


    public init(_ centres: [CentreTargetFacts], targets: TargetSet) {
        func shares(_ group: [CentreTargetFacts]) -> [TargetShare] {
            TargetMeasure.allCases.map { measure in
                TargetShare(measure: measure, met: group.filter { $0.met.contains(measure) }.count, of: group.count,
                            target: targets.target(measure))
            }
        }
        self.shares = shares(centres)
        let grouped = Dictionary(grouping: centres, by: \.communeCode)
        byCommune = grouped.keys.sorted { ($0 ?? 0) < ($1 ?? 0) }.map { ($0, shares(grouped[$0]!)) }
        var ranks: [Rank: Int] = [:]
        for centre in centres { if let rank = centre.rank { ranks[rank, default: 0] += 1 } }
        self.ranks = ranks
        unranked = centres.filter { $0.rank == nil }.count
    }

    /// The centres that fall short of a measure (the dashboard's drill-down).
    public static func shortOf(_ measure: TargetMeasure, in centres: [CentreTargetFacts]) -> [CentreTargetFacts] {
        centres.filter { !$0.met.contains(measure) }
    }
}
