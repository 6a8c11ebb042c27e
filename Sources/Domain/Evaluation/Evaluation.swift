import Foundation

/// Where a year's evaluation of a centre stands. A centre with no evaluation for the year has not started.
public enum EvaluationStatus: String, Codable, CaseIterable, Sendable {
    /// The director is filling in the self-assessment (also after the officer returned it).
    case selfAssessing
    /// Sent to the education officer.
    case submitted
    /// The officer confirmed the rank. Final.
    case confirmed
}

/// The steps of the flow, as the history records them.
public enum EvaluationAction: String, Codable, CaseIterable, Sendable {
    case saveSelf, submit, returnForRevision, assess, confirm
}

public struct EvaluationEvent: Hashable, Codable, Sendable {
    public var action: EvaluationAction
    public var username: String
    public var at: Date
    public var comment: String

    public init(action: EvaluationAction, username: String, at: Date, comment: String = "") {
        self.action = action
        self.username = username
        self.at = at
        self.comment = comment
    }
}

/// One criterion as assessed: the evidence the data gave, the director's override of it (with a reason), the
/// director's score and note, and the officer's score and comment.
public struct ItemAssessment: Hashable, Codable, Sendable {
    public var itemID: String
    public var evidence: EvidenceValue?
    public var override: EvidenceValue?
    public var overrideReason: String
    public var selfScore: Int?
    public var selfNote: String
    public var officerScore: Int?
    public var officerComment: String

    public init(itemID: String, evidence: EvidenceValue? = nil, override: EvidenceValue? = nil,
                overrideReason: String = "", selfScore: Int? = nil, selfNote: String = "", officerScore: Int? = nil,
                officerComment: String = "") {
        self.itemID = itemID
        self.evidence = evidence
        self.override = override
        self.overrideReason = overrideReason
        self.selfScore = selfScore
        self.selfNote = selfNote
        self.officerScore = officerScore
        self.officerComment = officerComment
    }

    /// The value the item is judged on: the override when the director gave one.
    public var value: EvidenceValue? { override ?? evidence }

    /// The officer gave another score than the director's.
    public var isAdjusted: Bool { officerScore != nil && officerScore != selfScore }
}

/// A centre's evaluation for one year. `uid` and (centre code, year) identify it in every office, so that the
/// province's assessment travels back to the commune in an exchange bundle and lands on the same record.
public struct Evaluation: Hashable, Codable, Sendable, Identifiable {
    public var id: Int64?
    public var uid: String
    public var centreID: Int64
    public var year: Int
    public var criteriaSetID: String
    public var status: EvaluationStatus
    public var items: [ItemAssessment]
    /// The rank the director's scores give, and the confirmed rank.
    public var selfRank: Rank?
    public var rank: Rank?
    public var history: [EvaluationEvent]

    public init(id: Int64? = nil, uid: String = UUID().uuidString.lowercased(), centreID: Int64, year: Int,
                criteriaSetID: String, status: EvaluationStatus = .selfAssessing, items: [ItemAssessment] = [],
                selfRank: Rank? = nil, rank: Rank? = nil, history: [EvaluationEvent] = []) {
        self.id = id
        self.uid = uid
        self.centreID = centreID
        self.year = year
        self.criteriaSetID = criteriaSetID
        self.status = status
        self.items = items
        self.selfRank = selfRank
        self.rank = rank
        self.history = history
    }

    /// A new self-assessment over a criteria set, each item's evidence taken from the facts and its score
    /// suggested from it (the director may change both).
    public static func start(centreID: Int64, year: Int, set: CriteriaSet, facts: EvidenceFacts) -> Evaluation {
        var evaluation = Evaluation(centreID: centreID, year: year, criteriaSetID: set.id)
        evaluation.items = set.items.map { ItemAssessment(itemID: $0.id) }
        evaluation.refresh(from: facts, set: set)
        return evaluation
    }

    /// Takes the evidence again from the facts; an item without a score yet gets the one its evidence suggests.
    public mutating func refresh(from facts: EvidenceFacts, set: CriteriaSet) {
        for item in set.items where !items.contains(where: { $0.itemID == item.id }) {
            items.append(ItemAssessment(itemID: item.id))
        }
        for index in items.indices {
            guard let item = set.item(items[index].itemID), let kind = item.evidence else { continue }
            items[index].evidence = facts.value(kind)
            if items[index].selfScore == nil { items[index].selfScore = item.suggestedScore(items[index].value) }
        }
    }

    public func item(_ id: String) -> ItemAssessment? { items.first { $0.itemID == id } }

    public var selfTotal: Int { items.reduce(0) { $0 + ($1.selfScore ?? 0) } }
    /// The officer's scores, the director's where the officer has not yet given one.
    public var assessedTotal: Int { items.reduce(0) { $0 + ($1.officerScore ?? $1.selfScore ?? 0) } }

    /// The confirmed total once confirmed; before, what the scores so far add up to.
    public var total: Int { status == .confirmed || status == .submitted ? assessedTotal : selfTotal }
}
