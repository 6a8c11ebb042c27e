import Foundation

/// What the data file says about a centre's year, counted by Storage (SQL over its columns) and by the board rule
/// engine. Each piece of evidence of an evaluation is read from here.
public struct EvidenceFacts: Hashable, Codable, Sendable {
    /// Approved annual plans of the year (an amended one counts once).
    public var approvedAnnualPlans = 0
    /// Survey forms entered in the year's campaigns.
    public var surveyForms = 0
    /// Errors of the board checklist on the year's reference date; nil when it was not checked.
    public var boardErrors: Int?
    /// Managers (board members in office) and teachers, speakers and volunteers of the register.
    public var people = 0
    /// Those of `people` with at least the required trainings in the year.
    public var trainedPeople = 0
    /// Activities of the approved annual plan, not counting cancelled ones, and those done.
    public var activitiesPlanned = 0
    public var activitiesDone = 0
    /// Learners the approved annual plan targets, and participants recorded in the outcomes.
    public var learnersTarget = 0
    public var learnersReached = 0
    /// Of the three items the targets count as equipment: bookcase, tables and chairs, computer.
    public var facilitiesPresent = 0
    /// Money received in the year, in đồng, and the year's estimate.
    public var fundingReceived = 0
    public var fundingEstimate = 0

    public init() {}

    /// The facilities that make a centre "equipped" in the district targets.
    public static let equipment: [FacilityKind] = [.bookcase, .tablesAndChairs, .computers]

    /// The piece of evidence of one kind.
    public func value(_ kind: EvidenceKind) -> EvidenceValue {
        switch kind {
        case .annualPlan: return EvidenceValue(kind, min(approvedAnnualPlans, 1), 1)
        case .surveyThisYear: return EvidenceValue(kind, surveyForms, 0)
        case .boardCompliance: return EvidenceValue(kind, boardErrors == 0 ? 1 : 0, 1, detail: boardErrors ?? 0)
        case .trainings: return EvidenceValue(kind, trainedPeople, people)
        case .activitiesDone: return EvidenceValue(kind, activitiesDone, activitiesPlanned)
        case .learnersReached: return EvidenceValue(kind, learnersReached, learnersTarget)
        case .facilities: return EvidenceValue(kind, facilitiesPresent, Self.equipment.count)
        case .fundingReceived: return EvidenceValue(kind, fundingReceived, fundingEstimate)
        }
    }
}

/// One piece of evidence: how much was achieved out of how much (0 when there is nothing to compare with).
/// Where it comes from follows from its kind (the plan, the survey, the board...).
public struct EvidenceValue: Hashable, Codable, Sendable {
    public var kind: EvidenceKind
    public var achieved: Int
    public var outOf: Int
    /// A figure beside the value: the board checklist's errors.
    public var detail: Int

    public init(_ kind: EvidenceKind, _ achieved: Int, _ outOf: Int, detail: Int = 0) {
        self.kind = kind
        self.achieved = achieved
        self.outOf = outOf
        self.detail = detail
    }

    /// The share achieved, 0...1: achieved over outOf, capped; with nothing to compare with, all or nothing.
    public var fraction: Double {
        if outOf > 0 { return min(1, max(0, Double(achieved) / Double(outOf))) }
        return achieved > 0 ? 1 : 0
    }
}
