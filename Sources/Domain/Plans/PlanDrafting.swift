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
public struct PlanReport: Hashable, Sendable {
    public struct Line: Hashable, Sendable {
        public let key: Int
        public let planned: Int
        public let done: Int
        public let participants: Int
    }

    public let byTopic: [Line]
    public let byMonth: [Line]

    public static func compute(_ plan: Plan) -> PlanReport {
        func lines(_ key: (PlanActivity) -> Int?) -> [Line] {
            var table: [Int: (Int, Int, Int)] = [:]
            for activity in plan.activities where activity.outcome.state != .cancelled {
                guard let k = key(activity) else { continue }
                var entry = table[k] ?? (0, 0, 0)
                entry.0 += 1
                if activity.outcome.state == .done {
                    entry.1 += 1
                    entry.2 += activity.outcome.participants
                }
                table[k] = entry
            }
            return table.keys.sorted().map { Line(key: $0, planned: table[$0]!.0, done: table[$0]!.1, participants: table[$0]!.2) }
        }
        return PlanReport(byTopic: lines(\.topic), byMonth: lines(\.effectiveMonth))
    }
}
