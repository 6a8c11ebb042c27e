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

    /// Planned against done, by topic and by month, then the whole plan: activities, learners (women, ethnic
    /// minorities) and money. Each group is a name, then its figures on the line below, so nothing is cut.
    @MainActor
    static func report(_ plan: Plan, _ ctx: AppContext) -> TextViewer {
        let s = ctx.strings
        let report = PlanReport.compute(plan)
        let questionnaire = ShippedQuestionnaire.current
        var lines: [String] = []
        var headings: Set<Int> = []
        func figures(_ line: PlanReport.Line) -> String {
            "    " + s(.reportFigures, line.planned, line.done, line.learnersPlanned, line.participants, line.women,
                      line.ethnicMinority, s.money(line.costPlanned), s.money(line.costSpent))
        }
        func section(_ title: StringKey, _ items: [PlanReport.Line], name: (Int) -> String) {
            if !lines.isEmpty { lines.append("") }
            headings.insert(lines.count)
            lines.append(s[title])
            for line in items {
                lines.append("  " + name(line.key))
                lines.append(figures(line))
            }
        }
        section(.reportByTopic, report.byTopic) { key in questionnaire?.topic(key).map { s.text($0.label) } ?? String(key) }
        section(.reportByMonth, report.byMonth) { s(.monthName, $0) }
        section(.reportTotal, [report.total]) { _ in s[.reportWholePlan] }
        return TextViewer(title: s(.reportTitle, plan.title), paragraphs: lines, headings: headings)
    }
}
