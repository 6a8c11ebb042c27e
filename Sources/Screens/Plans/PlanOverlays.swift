import Domain
import TerminalUI

/// The editor's read-only boxes: one activity in full, and planned against done.
enum PlanOverlays {
    /// Every field of one activity, for whoever may read the plan but not edit it (the approver above all):
    /// the table's columns are cut to fit 80 columns.
    @MainActor
    static func activity(_ a: PlanActivity, number: Int, _ ctx: AppContext) -> TextOverlay {
        let s = ctx.strings
        let topic = a.topic.flatMap { ShippedQuestionnaire.current?.topic($0) }.map { s.text($0.label) } ?? ""
        var rows: [(StringKey, String)] = [
            (.fieldActivityTopic, topic), (.fieldActivityFormat, s.name(a.format)), (.fieldTargetGroup, a.targetGroup),
            (.fieldExpectedLearners, String(a.expectedLearners)), (.fieldActivityVenue, a.venue),
            (.fieldPlanMonth, a.month.map(String.init) ?? ""), (.fieldActivityDate, a.date?.vietnamese ?? ""),
            (.fieldSpeaker, a.speaker), (.fieldResponsible, a.responsible), (.fieldPartner, a.partner),
            (.fieldCost, s.money(a.cost)), (.fieldCostSource, s.name(a.costSource)),
            (.fieldOutcomeState, s.name(a.outcome.state)),
        ]
        if a.outcome.state != .planned {
            rows += [(.fieldActualDate, a.outcome.actualDate?.vietnamese ?? ""),
                     (.fieldParticipants, String(a.outcome.participants)), (.fieldWomen, String(a.outcome.women)),
                     (.fieldMinority, String(a.outcome.ethnicMinority)), (.fieldNotes, a.outcome.notes)]
        }
        let lines = rows.map { DisplayWidth.pad(s[$0.0], to: 27) + " " + $0.1 }
        return TextOverlay(title: "\(number). \(a.title)", lines: lines)
    }

    /// Planned against done, by topic and by month.
    @MainActor
    static func report(_ plan: Plan, _ ctx: AppContext) -> TextOverlay {
        let s = ctx.strings
        let report = PlanReport.compute(plan)
        let questionnaire = ShippedQuestionnaire.current
        var lines = [s[.reportByTopic]]
        for line in report.byTopic {
            let name = questionnaire?.topic(line.key).map { s.text($0.label) } ?? String(line.key)
            lines.append("  " + DisplayWidth.pad(name, to: 30) + s(.reportLine, line.planned, line.done, line.participants))
        }
        lines.append("")
        lines.append(s[.reportByMonth])
        for line in report.byMonth {
            lines.append("  " + DisplayWidth.pad(s(.monthName, line.key), to: 30) + s(.reportLine, line.planned, line.done, line.participants))
        }
        return TextOverlay(title: s(.reportTitle, plan.title), lines: lines)
    }
}
