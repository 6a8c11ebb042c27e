import Domain
import Storage
import TerminalUI

/// A plan's heading: kind, year (and month), title, legal bases, the survey it rests on, the targets.
/// A new monthly plan draws the activities of its month from the approved annual plan.
struct PlanHeaderFormScreen: FormScreen {
    enum Action: Sendable, Equatable, FormAction { case formKey(Key), save, cancel, recompute }

    let centre: Centre
    let original: Plan?
    var form: Form

    init(ctx: AppContext, centre: Centre, plan: Plan?) {
        self.centre = centre
        original = plan
        let s = ctx.strings
        let year = plan?.year ?? ctx.clock.today.year
        let campaigns = (try? ctx.database.campaigns(centreID: centre.id ?? 0)) ?? []
        func text(_ id: String, _ label: StringKey, _ value: String, max: Int = 200, digits: Bool = false,
                  help: StringKey) -> FormField {
            FormField(id: id, label: s[label], control: .text(TextField(value, maxLength: max, digitsOnly: digits)),
                      help: s[help])
        }
        var fields: [FormField] = [FormField(id: "sec", label: s[.sectionPlan], control: .section)]
        if plan == nil {
            fields.append(FormField(id: "kind", label: s[.columnKind], control: .choice(
                selectedID: PlanKind.annual.rawValue,
                items: PlanKind.allCases.map { ChoiceItem(id: $0.rawValue, label: s.name($0, month: nil)) }),
                                    help: s[.helpFieldPlanKind]))
            fields.append(text("year", .columnYear, String(year), max: 4, digits: true, help: .helpFieldCampaignYear))
            fields.append(text("month", .fieldPlanMonth, "", max: 2, digits: true, help: .helpFieldPlanMonth))
        }
        fields += [
            text("title", .fieldPlanTitle, plan?.title ?? s(.planDefaultTitle, year), help: .helpFieldPlanTitle),
            text("legalBases", .fieldLegalBases, plan?.legalBases ?? s[.planDefaultBases], max: 1000, help: .helpFieldLegalBases),
            FormField(id: "campaign", label: s[.fieldPlanCampaign], control: .choice(
                selectedID: plan?.campaignIDs.first.map(String.init) ?? campaigns.first.map { String($0.id ?? 0) },
                items: campaigns.map { ChoiceItem(id: String($0.id ?? 0), label: "#\($0.id ?? 0) \($0.title)") }),
                      help: s[.helpFieldPlanCampaign]),
            FormField(id: "sec.targets", label: s[.sectionTargets], control: .section),
            text("classes", .fieldTargetClasses, String(plan?.targetClasses ?? 0), max: 4, digits: true, help: .helpFieldTargets),
            text("talks", .fieldTargetTalks, String(plan?.targetTalks ?? 0), max: 4, digits: true, help: .helpFieldTargets),
            text("learners", .fieldTargetLearners, String(plan?.targetLearners ?? 0), max: 6, digits: true,
                 help: .helpFieldTargets),
        ]
        form = Form(fields: fields, labelWidth: 26)
    }

    func title(_ ctx: AppContext) -> String {
        original.map { ctx.strings(.planHeaderTitle, $0.title) } ?? ctx.strings[.planNewTitle]
    }

    func keymap(_ ctx: AppContext) -> Keymap<Action> {
        let s = ctx.strings
        return Keymap([
            .saveForm(.save, ctx),
            .function(5, ctrl: "r", action: .recompute, label: s[.keyRecompute], help: s[.helpPlanRecompute]),
            .closeForm(.cancel, ctx),
        ])
    }

    mutating func update(_ action: Action, _ ctx: AppContext) -> [AppCommand] {
        let s = ctx.strings
        switch action {
        case .formKey(let key): _ = form.handle(key)
        case .cancel: return [.close]
        case .recompute:
            let totals = PlanValidator.totals(of: original?.activities ?? [])
            form.setText("classes", to: String(totals.classes))
            form.setText("talks", to: String(totals.talks))
            form.setText("learners", to: String(totals.learners))
        case .save:
            var plan = original ?? Plan(centreID: centre.id ?? 0, year: 0)
            if original == nil {
                plan.kind = form.choice("kind").flatMap(PlanKind.init(rawValue:)) ?? .annual
                plan.year = Int(form.text("year")) ?? 0
                plan.month = plan.kind == .monthly ? Int(form.text("month")) : nil
            }
            // A title nobody has touched follows the kind, year and month chosen.
            let typedTitle = form.text("title")
            plan.title = original == nil && typedTitle == s(.planDefaultTitle, ctx.clock.today.year)
                ? s.defaultTitle(plan.kind, year: plan.year, month: plan.month) : typedTitle
            plan.legalBases = form.text("legalBases")
            plan.campaignIDs = form.choice("campaign").flatMap { Int64($0) }.map { [$0] } ?? []
            plan.targetClasses = Int(form.text("classes")) ?? 0
            plan.targetTalks = Int(form.text("talks")) ?? 0
            plan.targetLearners = Int(form.text("learners")) ?? 0
            if original == nil, plan.kind == .monthly, let month = plan.month,
               let annual = ((try? ctx.database.plans(centreID: centre.id ?? 0, year: plan.year)) ?? [])
                .first(where: { $0.kind == .annual && $0.status == .approved }) {
                let drawn = PlanDrafter.monthly(from: annual, month: month, title: plan.title)
                plan.activities = drawn.activities
                plan.targetClasses = drawn.targetClasses
                plan.targetTalks = drawn.targetTalks
                plan.targetLearners = drawn.targetLearners
            }
            do {
                let saved = try ctx.database.savePlan(plan, by: ctx.actor, at: ctx.clock.now)
                var commands: [AppCommand] = [.pop, .centresChanged(select: nil),
                                              .message(StatusMessage(s(.planSaved, saved.title)))]
                if original == nil { commands.insert(.push(PlanEditorScreen(ctx: ctx, centre: centre, plan: saved)), at: 1) }
                return commands
            } catch {
                return [.message(StatusMessage(s.planFailure(error), kind: .error))]
            }
        }
        return []
    }
}
