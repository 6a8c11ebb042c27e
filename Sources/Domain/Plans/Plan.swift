import Foundation

/// What a plan covers.
public enum PlanKind: String, Codable, CaseIterable, Sendable {
    /// The centre's annual plan (every centre must have one).
    case annual
    /// One month's plan, usually drawn from the annual plan.
    case monthly
    /// The Lifelong Learning Week (Tuần lễ hưởng ứng học tập suốt đời), each autumn.
    case learningWeek
}

/// Where a plan stands in its approval.
public enum PlanStatus: String, Codable, CaseIterable, Sendable {
    case draft, submitted, returned, approved
    /// An approved version replaced by an approved amendment.
    case superseded

    /// Drafts and returned plans are edited; the rest are read-only.
    public var isEditable: Bool { self == .draft || self == .returned }
}

public enum ActivityFormat: String, Codable, CaseIterable, Sendable {
    case classSession, talk, training, modelVisit, club, campaign
}

public enum CostSource: String, Codable, CaseIterable, Sendable {
    case communeBudget, programme, contributions, other
}

/// What happened to a planned activity.
public enum ActivityState: String, Codable, CaseIterable, Sendable {
    case planned, done, postponed, cancelled
}

/// The record of what was actually done.
public struct ActivityOutcome: Hashable, Codable, Sendable {
    public var state: ActivityState
    public var actualDate: LocalDate?
    public var participants: Int
    public var women: Int
    public var ethnicMinority: Int
    /// What was actually spent, in đồng.
    public var cost: Int
    public var notes: String

    public init(state: ActivityState = .planned, actualDate: LocalDate? = nil, participants: Int = 0, women: Int = 0,
                ethnicMinority: Int = 0, cost: Int = 0, notes: String = "") {
        self.state = state
        self.actualDate = actualDate
        self.participants = participants
        self.women = women
        self.ethnicMinority = ethnicMinority
        self.cost = cost
        self.notes = notes
    }

    enum CodingKeys: String, CodingKey { case state, actualDate, participants, women, ethnicMinority, cost, notes }

    /// Outcomes recorded before the cost was kept have none: they read as nothing spent.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        state = try c.decode(ActivityState.self, forKey: .state)
        actualDate = try c.decodeIfPresent(LocalDate.self, forKey: .actualDate)
        participants = try c.decode(Int.self, forKey: .participants)
        women = try c.decode(Int.self, forKey: .women)
        ethnicMinority = try c.decode(Int.self, forKey: .ethnicMinority)
        cost = try c.decodeIfPresent(Int.self, forKey: .cost) ?? 0
        notes = try c.decode(String.self, forKey: .notes)
    }
}

/// One planned activity: a class, a talk, a visit...
public struct PlanActivity: Hashable, Codable, Sendable, Identifiable {
    public var id: Int64?
    public var title: String
    /// A topic code from the survey's topic catalog.
    public var topic: Int?
    public var format: ActivityFormat
    public var targetGroup: String
    public var expectedLearners: Int
    /// A venue of the centre, by name.
    public var venue: String
    public var month: Int?
    public var date: LocalDate?
    public var speaker: String
    /// The board member in charge, by name.
    public var responsible: String
    public var partner: String
    /// In đồng (VND).
    public var cost: Int
    public var costSource: CostSource
    public var outcome: ActivityOutcome

    public init(id: Int64? = nil, title: String = "", topic: Int? = nil, format: ActivityFormat = .classSession,
                targetGroup: String = "", expectedLearners: Int = 0, venue: String = "", month: Int? = nil,
                date: LocalDate? = nil, speaker: String = "", responsible: String = "", partner: String = "",
                cost: Int = 0, costSource: CostSource = .communeBudget, outcome: ActivityOutcome = ActivityOutcome()) {
        self.id = id
        self.title = title
        self.topic = topic
        self.format = format
        self.targetGroup = targetGroup
        self.expectedLearners = expectedLearners
        self.venue = venue
        self.month = month
        self.date = date
        self.speaker = speaker
        self.responsible = responsible
        self.partner = partner
        self.cost = cost
        self.costSource = costSource
        self.outcome = outcome
    }

    /// The month the activity falls in: its date's, or the month given.
    public var effectiveMonth: Int? { date?.month ?? month }
}

/// A step of a plan's approval: who did what, when, with what comment.
public struct PlanEvent: Hashable, Codable, Sendable {
    public var action: PlanAction
    public var username: String
    public var at: Date
    public var comment: String

    public init(action: PlanAction, username: String, at: Date, comment: String) {
        self.action = action
        self.username = username
        self.at = at
        self.comment = comment
    }
}

/// An activity plan of a centre.
public struct Plan: Hashable, Codable, Sendable, Identifiable {
    public var id: Int64?
    public var centreID: Int64
    public var kind: PlanKind
    public var year: Int
    /// For a monthly plan.
    public var month: Int?
    public var title: String
    /// "Căn cứ...": the legal texts the plan rests on.
    public var legalBases: String
    /// The survey campaigns the plan rests on.
    public var campaignIDs: [Int64]
    public var targetClasses: Int
    public var targetTalks: Int
    public var targetLearners: Int
    public var status: PlanStatus
    /// 1 for the first version; an amendment is the next number.
    public var version: Int
    /// The approved plan this version amends.
    public var amends: Int64?
    public var activities: [PlanActivity]
    public var history: [PlanEvent]

    public init(id: Int64? = nil, centreID: Int64, kind: PlanKind = .annual, year: Int, month: Int? = nil,
                title: String = "", legalBases: String = "", campaignIDs: [Int64] = [], targetClasses: Int = 0,
                targetTalks: Int = 0, targetLearners: Int = 0, status: PlanStatus = .draft, version: Int = 1,
                amends: Int64? = nil, activities: [PlanActivity] = [], history: [PlanEvent] = []) {
        self.id = id
        self.centreID = centreID
        self.kind = kind
        self.year = year
        self.month = month
        self.title = title
        self.legalBases = legalBases
        self.campaignIDs = campaignIDs
        self.targetClasses = targetClasses
        self.targetTalks = targetTalks
        self.targetLearners = targetLearners
        self.status = status
        self.version = version
        self.amends = amends
        self.activities = activities
        self.history = history
    }

    public var totalCost: Int { activities.reduce(0) { $0 + $1.cost } }

    /// Activities done, out of those not cancelled.
    public var progress: (done: Int, of: Int) {
        let counted = activities.filter { $0.outcome.state != .cancelled }
        return (counted.filter { $0.outcome.state == .done }.count, counted.count)
    }

    /// The day the plan was approved (in the office's time zone), if it was.
    public var approvedOn: LocalDate? {
        history.last(where: { $0.action == .approve }).map { LocalDate(date: $0.at, timeZone: .current) }
    }

    /// The reason given by the last return for revision, while the plan stands returned.
    public var returnReason: String? {
        guard status == .returned else { return nil }
        return history.last(where: { $0.action == .returnForRevision })?.comment
    }

    /// Why this version was opened, for an amendment: the reason given when the approved plan was amended.
    public var amendmentReason: String? {
        guard amends != nil else { return nil }
        return history.first(where: { $0.action == .amend })?.comment
    }
}
