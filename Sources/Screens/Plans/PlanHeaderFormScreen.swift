import Domain
import Storage
import TerminalUI

/// A plan's heading: kind, year (and month), title, legal bases, the survey it rests on, the targets.
/// A new monthly plan draws the activities of its month from the approved annual plan.
struct PlanHeaderFormScreen: FormScreen, Equatable {
    enum Action: Sendable, Equatable, FormAction { case formKey(Key), save, cancel, recompute }

    enum Field: Hashable, Sendable {
        case section, kind, year, month, title, legalBases, campaign, sectionTargets, classes, talks, learners
    }

    let centre: Centre
    let original: Plan?
    let fields: FormBindings<Plan, Field>
    var form: Form<Field>
    var modal: Modal<Action>?
    var viewport = Rect.standardArea

    init(ctx: AppContext, centre: Centre, plan: Plan?) {
        self.centre = centre
        original = plan
        let s = ctx.strings
        let year = plan?.year ?? ctx.clock.today.year
        var base = plan ?? Plan(centreID: centre.id ?? 0, year: year)
        let campaigns = (try? ctx.database.campaigns(centreID: centre.id ?? 0)) ?? []
        if plan == nil {
            base.title = s(.planDefaultTitle, year)
            base.legalBases = s[.planDefaultBases]
            base.campaignIDs = campaigns.first?.id.map { [$0] } ?? []
        }
        let make = FieldMaker<Plan, Field>(ctx)
        var list = [make.section(.section, s[.sectionPlan])]
        if plan == nil {
            list += [
                make.choice(.kind, s[.columnKind], help: s[.helpFieldPlanKind], \.kind, name: { s.name($0, month: nil) }),
                make.number(.year, s[.columnYear], help: s[.helpFieldCampaignYear], \.year, digits: 4),
                make.optionalNumber(.month, s[.fieldPlanMonth], help: s[.helpFieldPlanMonth], \.month, digits: 2),
            ]
        }
        list += [
            make.text(.title, s[.fieldPlanTitle], help: s[.helpFieldPlanTitle], \.title),
            make.text(.legalBases, s[.fieldLegalBases], help: s[.helpFieldLegalBases], \.legalBases, max: 1000),
            FieldBinding(spec: FieldSpec(.campaign, label: s[.fieldPlanCampaign], help: s[.helpFieldPlanCampaign],
                                         kind: .choice(campaigns.map {
                                             ChoiceItem(id: String($0.id ?? 0), label: "#\($0.id ?? 0) \($0.title)")
                                         })),
                         read: { .choice($0.campaignIDs.first.map(String.init)) },
                         write: { plan, value in
                             if case .choice(let picked) = value { plan.campaignIDs = picked.flatMap { Int64($0) }.map { [$0] } ?? [] }
                             return nil
                         }),
            make.section(.sectionTargets, s[.sectionTargets]),
            make.number(.classes, s[.fieldTargetClasses], help: s[.helpFieldTargets], \.targetClasses, digits: 4),
            make.number(.talks, s[.fieldTargetTalks], help: s[.helpFieldTargets], \.targetTalks, digits: 4),
            make.number(.learners, s[.fieldTargetLearners], help: s[.helpFieldTargets], \.targetLearners),
        ]
        fields = FormBindings(list)
        form = fields.form(base)
    }

    var currentCentreID: Int64? { centre.id }

    func title(_ ctx: AppContext) -> String {
        original.map { ctx.strings(.planHeaderTitle, $0.title) } ?? ctx.strings[.planNewTitle]
    }

    func keymap(_ ctx: AppContext) -> Keymap<Action> {
        let s = ctx.strings
        return Keymap([
            .saveForm(.save, ctx),
            .function(5, action: .recompute, label: s[.keyRecompute], help: s[.helpPlanRecompute]),
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
            form.setText(.classes, to: String(totals.classes))
            form.setText(.talks, to: String(totals.talks))
            form.setText(.learners, to: String(totals.learners))
            form.markModified()
        case .save:
            form.clearMessages()
            var (plan, unreadable) = fields.read(form, into: original ?? Plan(centreID: centre.id ?? 0, year: 0))
            if let first = unreadable.first { return reject(first.id, first.problem) }
            if original == nil && plan.kind != .monthly { plan.month = nil }
            // A title nobody has touched follows the kind, year and month chosen.
            if original == nil && plan.title == s(.planDefaultTitle, ctx.clock.today.year) {
                plan.title = s.defaultTitle(plan.kind, year: plan.year, month: plan.month)
            }
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
                var commands: [AppCommand] = [.pop, .changed(.plan(centreID: saved.centreID, planID: saved.id ?? 0)),
                                              .message(StatusMessage(s(.planSaved, saved.title)))]
                if original == nil { commands.insert(.open(.plan(planID: saved.id ?? 0)), at: 1) }
                return commands
            } catch {
                return [.message(StatusMessage(s.planFailure(error), kind: .error))]
            }
        }
        return []
    }
}
