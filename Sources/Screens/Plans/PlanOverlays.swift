import Domain
import TerminalUI

/// The editor's read-only boxes: one activity in full, and planned against done.
enum PlanOverlays {
    /// Every field of one activity, for whoever may read the plan but not edit it (the approver above all):
    /// the table's columns are cut to fit the window.
    @MainActor
    static func activity(_ a: PlanActivity, number: Int, _ ctx: AppContext) -> TextViewer {
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
        return TextViewer.fields(title: "\(number). \(a.title)", rows.map { (label: s[$0.0], value: $0.1) })
    }

    /// Planned against done, by topic and by month.
    @MainActor
    static func report(_ plan: Plan, _ ctx: AppContext) -> TextViewer {
        let s = ctx.strings
        let report = PlanReport.compute(plan)
        let questionnaire = ShippedQuestionnaire.current
        var lines = [s[.reportByTopic]]
        for line in report.byTopic {
            let name = questionnaire?.topic(line.key).map { s.text($0.label) } ?? String(line.key)
            lines.append("  " + DisplayWidth.column(name, 30) + s(.reportLine, line.planned, line.done, line.participants))
        }
        lines.append("")
        lines.append(s[.reportByMonth])
        for line in report.byMonth {
            lines.append("  " + DisplayWidth.column(s(.monthName, line.key), 30) + s(.reportLine, line.planned, line.done, line.participants))
        }
        let headings = Set([0, lines.firstIndex(of: s[.reportByMonth]) ?? 0])
        return TextViewer(title: s(.reportTitle, plan.title), paragraphs: lines, headings: headings)
    }
}
