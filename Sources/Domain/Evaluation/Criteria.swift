import Foundation

/// What the program already records that can answer a criterion (domain brief, "Evaluation and ranking").
public enum EvidenceKind: String, Codable, CaseIterable, Sendable {
    case annualPlan, surveyThisYear, boardCompliance, trainings, activitiesDone, learnersReached, facilities
    case fundingReceived
}

/// One item of a criteria set: what it asks, the points it carries, and the record that can answer it.
public struct CriterionItem: Hashable, Codable, Sendable, Identifiable {
    public var id: String
    public var points: Int
    /// Nil for an item only people can judge (cooperation, recognition).
    public var evidence: EvidenceKind?
    public var title: BilingualText
    /// The documents the assessor asks to see.
    public var asks: BilingualText

    public init(id: String, points: Int, evidence: EvidenceKind?, title: BilingualText, asks: BilingualText) {
        self.id = id
        self.points = points
        self.evidence = evidence
        self.title = title
        self.asks = asks
    }

    /// The score the evidence suggests: the points in proportion to what was achieved, rounded to the nearest.
    public func suggestedScore(_ value: EvidenceValue?) -> Int? {
        guard let value else { return nil }
        return Int((Double(points) * value.fraction).rounded())
    }

    /// A score given to this item is a whole number from 0 to its points.
    public func accepts(_ score: Int) -> Bool { (0...points).contains(score) }
}

public struct CriterionGroup: Hashable, Codable, Sendable, Identifiable {
    public var id: String
    public var title: BilingualText
    public var items: [CriterionItem]
}

/// A set of criteria, in force from a date for one province (or for all when `province` is nil).
public struct CriteriaSet: Hashable, Codable, Sendable, Identifiable {
    public var id: String
    public var province: Int?
    public var effectiveFrom: LocalDate
    public var basis: BilingualText
    public var groups: [CriterionGroup]

    public var items: [CriterionItem] { groups.flatMap(\.items) }
    public var maximum: Int { items.reduce(0) { $0 + $1.points } }

    public func item(_ id: String) -> CriterionItem? { items.first { $0.id == id } }
    public func group(of itemID: String) -> CriterionGroup? { groups.first { $0.items.contains { $0.id == itemID } } }
}

/// The evaluation data shipped in Resources/evaluation/criteria.json: the criteria sets, the default rank
/// thresholds, the targets and the funding minimums.
public struct EvaluationCatalog: Codable, Sendable {
    public var sets: [CriteriaSet]
    public var thresholds: [RankThresholds]
    public var targets: TargetSet
    public var funding: FundingMinimums

    public init(sets: [CriteriaSet], thresholds: [RankThresholds], targets: TargetSet, funding: FundingMinimums) {
        self.sets = sets
        self.thresholds = thresholds
        self.targets = targets
        self.funding = funding
    }

    public static func decode(_ data: Data) throws -> EvaluationCatalog {
        try JSONDecoder().decode(EvaluationCatalog.self, from: data)
    }

    /// The set in force on a date for a province: the province's own latest one, else the latest general one.
    public func set(on date: LocalDate, province: Int?) -> CriteriaSet? {
        let effective = sets.filter { $0.effectiveFrom <= date }.sorted { $0.effectiveFrom > $1.effectiveFrom }
        return effective.first { $0.province != nil && $0.province == province } ?? effective.first { $0.province == nil }
    }

    public func set(id: String) -> CriteriaSet? { sets.first { $0.id == id } }

    /// The day an evaluation of `year` is judged as of: its last day.
    public static func referenceDate(year: Int) -> LocalDate { LocalDate(year: year, month: 12, day: 31)! }
}

/// The Circular 96/2008/TT-BTC minimums, in đồng (unverified in the domain brief, so data).
public struct FundingMinimums: Hashable, Codable, Sendable {
    /// A year's funds of a centre in a mountainous or ethnic-minority commune (region I, the lower figure).
    public var mountainousYearlyMinimum: Int
    /// The one-off equipment money of a new centre.
    public var newCentreEquipmentMinimum: Int

    public init(mountainousYearlyMinimum: Int, newCentreEquipmentMinimum: Int) {
        self.mountainousYearlyMinimum = mountainousYearlyMinimum
        self.newCentreEquipmentMinimum = newCentreEquipmentMinimum
    }
}
