import Foundation

/// Proposals the user then edits: activities from a survey's top needs, a monthly plan from the annual one.
public enum PlanDrafter {
    /// One activity for each of the `count` most wanted topics, in their order of need, each as those who asked for
    /// it want it: their favourite format, a month of their favourite season (activities wanting the same season
    /// take its months in turn), the expected learners those who asked. `title` names the activity from its topic
    /// and the favourite time of day. The venue is the centre's first, the person responsible its director.
    public static func activities(from demand: [TopicDemand], count: Int = 5, title: (TopicDemand) -> String,
                                  venue: String, responsible: String) -> [PlanActivity] {
        var taken: [[Int]: Int] = [:]
        return demand.prefix(count).map { topic in
            let months = SeasonMonths.months(forSeason: topic.season)
            let turn = taken[months, default: 0]
            taken[months] = turn + 1
            return PlanActivity(title: title(topic), topic: topic.topic, format: format(code: topic.format),
                                expectedLearners: topic.count, venue: venue, month: months[turn % months.count],
                                responsible: responsible)
        }
    }

    /// The questionnaire's format answer as a kind of activity (online learning is planned as a class).
    static func format(code: Int?) -> ActivityFormat {
        switch code {
        case 2?: return .talk
        case 3?: return .modelVisit
        default: return .classSession
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
