import Foundation

/// Proposals the user then edits: activities from a survey's top needs, a monthly plan from the annual one.
public enum PlanDrafter {
    /// One activity for each of the `count` most wanted topics, in their order of need. The format is the one
    /// respondents prefer most, the expected learners those who asked for the topic, the months spread over
    /// the year from February, the venue the centre's first.
    public static func activities(from analysis: NeedsAnalysis, topicName: (Int) -> String, count: Int = 5,
                                  venue: String, responsible: String) -> [PlanActivity] {
        let format: ActivityFormat
        switch analysis.formats.first?.code {
        case 2?: format = .talk
        case 3?: format = .modelVisit
        default: format = .classSession
        }
        return analysis.topics.prefix(count).enumerated().map { index, tally in
            PlanActivity(title: topicName(tally.code), topic: tally.code, format: format, expectedLearners: tally.count,
                         venue: venue, month: 2 + (index * 2) % 10, responsible: responsible)
        }
    }

    /// A monthly plan holding the annual plan's activities of that month (outcomes start afresh).
    public static func monthly(from annual: Plan, month: Int, title: String) -> Plan {
        let activities = annual.activities.filter { $0.effectiveMonth == month }.map { activity -> PlanActivity in
            var copy = activity
            copy.id = nil
            copy.month = month
            copy.outcome = ActivityOutcome()
            return copy
        }
        let totals = PlanValidator.totals(of: activities)
        return Plan(centreID: annual.centreID, kind: .monthly, year: annual.year, month: month, title: title,
                    legalBases: annual.legalBases, campaignIDs: annual.campaignIDs, targetClasses: totals.classes,
                    targetTalks: totals.talks, targetLearners: totals.learners, activities: activities)
    }

    /// The next version of an approved plan: the same content as a draft.
    public static func amendment(of approved: Plan) -> Plan {
        var draft = approved
        draft.id = nil
        draft.status = .draft
        draft.version = approved.version + 1
        draft.amends = approved.id
        draft.history = []
        draft.activities = approved.activities.map { activity in
            var copy = activity
            copy.id = nil
            return copy
        }
        return draft
    }
}

/// Planned against done, by topic and by month.
/// Planned against done, by topic and by month: activities, learners (women and ethnic minorities among them) and
/// money. Cancelled activities count in neither column.
public struct PlanReport: Hashable, Sendable {
    public struct Line: Hashable, Sendable {
        public let key: Int
        public var planned = 0
        public var done = 0
        public var learnersPlanned = 0
        public var participants = 0
        public var women = 0
        public var ethnicMinority = 0
        public var costPlanned = 0
        public var costSpent = 0

        init(key: Int) { self.key = key }

        mutating func add(_ activity: PlanActivity) {
            planned += 1
            learnersPlanned += activity.expectedLearners
            costPlanned += activity.cost
            let outcome = activity.outcome
            costSpent += outcome.cost
            guard outcome.state == .done else { return }
            done += 1
            participants += outcome.participants
            women += outcome.women
            ethnicMinority += outcome.ethnicMinority
        }
    }

    public let byTopic: [Line]
    public let byMonth: [Line]
    /// Every activity of the plan together.
    public let total: Line

    public static func compute(_ plan: Plan) -> PlanReport {
        let counted = plan.activities.filter { $0.outcome.state != .cancelled }
        func lines(_ key: (PlanActivity) -> Int?) -> [Line] {
            var table: [Int: Line] = [:]
            for activity in counted {
                guard let k = key(activity) else { continue }
                table[k, default: Line(key: k)].add(activity)
            }
            return table.keys.sorted().map { table[$0]! }
        }
        var total = Line(key: 0)
        for activity in counted { total.add(activity) }
        return PlanReport(byTopic: lines(\.topic), byMonth: lines(\.effectiveMonth), total: total)
    }
}
