import Domain
import Storage
import TerminalUI

/// One activity of a draft plan: what, which topic and format, for whom, where, when, by whom, at what cost.
/// Or, on an approved plan, what was done.
struct ActivityFormScreen: FormScreen, Equatable {
    enum Action: Sendable, Equatable, FormAction { case formKey(Key), save, cancel, pickSpeaker, speakerPicked(String) }

    enum Field: Hashable, Sendable {
        case section, title, topic, format, group, learners, venue, month, date, speaker, responsible, partner, cost
        case source, state, actualDate, participants, women, minority, spent, notes
    }

    let centre: Centre
    private(set) var plan: Plan
    let index: Int?
    /// Recording what was done (approved plan) rather than planning.
    let outcomeOnly: Bool
    let fields: FormBindings<PlanActivity, Field>
    var form: Form<Field>
    /// The centre's register of teachers, speakers and volunteers still teaching: F3 picks the speaker from it.
    let speakers: [ChoiceItem]
    var modal: Modal<Action>?
    var viewport = Rect.standardArea

    init(ctx: AppContext, centre: Centre, plan: Plan, index: Int?) {
        speakers = ((try? ctx.database.staffMembers(centreID: centre.id ?? 0)) ?? []).filter(\.active).map {
            ChoiceItem(id: $0.fullName, label: [$0.fullName, ctx.strings.name($0.kind), $0.field].filter { !$0.isEmpty }
                .joined(separator: " · "))
        }
        self.centre = centre
        self.plan = plan
        self.index = index
        outcomeOnly = plan.status == .approved
        let a = index.map { plan.activities[$0] } ?? PlanActivity(venue: centre.venues.first?.name ?? "")
        fields = outcomeOnly ? Self.outcomeFields(a, ctx) : Self.planningFields(a, centre: centre, ctx)
        form = fields.form(a)
        form.isReadOnly = outcomeOnly ? !ctx.can(.recordPlanOutcomes, on: centre)
            : !(plan.status.isEditable && ctx.can(.draftPlans, on: centre))
        form.readOnlyNote = ctx.otherOfficeNote(centreID: centre.id)
    }

    @MainActor
    static func outcomeFields(_ a: PlanActivity, _ ctx: AppContext) -> FormBindings<PlanActivity, Field> {
        let s = ctx.strings
        let make = FieldMaker<PlanActivity, Field>(ctx)
        return FormBindings([
            make.section(.section, s(.outcomeSection, a.title)),
            make.choice(.state, s[.fieldOutcomeState], help: s[.helpFieldOutcome], \.outcome.state, name: s.name),
            make.date(.actualDate, s[.fieldActualDate], help: s[.helpFieldDecisionDate], \.outcome.actualDate),
            make.number(.participants, s[.fieldParticipants], help: s[.helpFieldParticipants], \.outcome.participants),
            make.number(.women, s[.fieldWomen], help: s[.helpFieldParticipants], \.outcome.women),
            make.number(.minority, s[.fieldMinority], help: s[.helpFieldParticipants], \.outcome.ethnicMinority),
            make.amount(.spent, s[.fieldCostSpent], help: s[.helpFieldCostSpent], \.outcome.cost),
            make.text(.notes, s[.fieldNotes], help: s[.helpFieldNotes], \.outcome.notes, max: 500),
        ])
    }

    @MainActor
    static func planningFields(_ a: PlanActivity, centre: Centre, _ ctx: AppContext) -> FormBindings<PlanActivity, Field> {
        let s = ctx.strings
        let make = FieldMaker<PlanActivity, Field>(ctx)
        let topics = ShippedQuestionnaire.current?.topics ?? []
        let members = ((try? ctx.database.boardMembers(centreID: centre.id ?? 0)) ?? [])
            .filter { $0.isCurrent(on: ctx.clock.today) && $0.role.isBoardRole }
        var people = members.map { ChoiceItem(id: $0.fullName, label: $0.fullName + " · " + s.shortName($0.role)) }
        if !a.responsible.isEmpty && !people.contains(where: { $0.id == a.responsible }) {
            people.insert(ChoiceItem(id: a.responsible, label: a.responsible), at: 0)
        }
        var venues = centre.venues.map { ChoiceItem(id: $0.name, label: $0.name) }
        if !a.venue.isEmpty && !venues.contains(where: { $0.id == a.venue }) {
            venues.insert(ChoiceItem(id: a.venue, label: a.venue), at: 0)
        }
        let topic = FieldBinding<PlanActivity, Field>(
            spec: FieldSpec(.topic, label: s[.fieldActivityTopic], help: s[.helpFieldActivityTopic],
                            kind: .choice(topics.map { ChoiceItem(id: String($0.code), label: s.text($0.label)) })),
            read: { .choice($0.topic.map(String.init)) },
            write: { activity, value in
                if case .choice(let picked) = value { activity.topic = picked.flatMap { Int($0) } }
                return nil
            })
        return FormBindings([
            make.section(.section, s[.sectionActivity]),
            make.text(.title, s[.fieldActivityTitle], help: s[.helpFieldActivityTitle], \.title),
            topic,
            make.choice(.format, s[.fieldActivityFormat], help: s[.helpFieldActivityFormat], \.format, name: s.name),
            make.text(.group, s[.fieldTargetGroup], help: s[.helpFieldTargetGroup], \.targetGroup),
            make.number(.learners, s[.fieldExpectedLearners], help: s[.helpFieldExpectedLearners], \.expectedLearners),
            make.pick(.venue, s[.fieldActivityVenue], help: s[.helpFieldActivityVenue], \.venue, items: venues),
            make.optionalNumber(.month, s[.fieldPlanMonth], help: s[.helpFieldActivityMonth], \.month, digits: 2),
            make.date(.date, s[.fieldActivityDate], help: s[.helpFieldActivityDate], \.date),
            make.text(.speaker, s[.fieldSpeaker], help: s[.helpFieldSpeaker], \.speaker),
            make.pick(.responsible, s[.fieldResponsible], help: s[.helpFieldResponsible], \.responsible, items: people),
            make.text(.partner, s[.fieldPartner], help: s[.helpFieldPartner], \.partner),
            make.amount(.cost, s[.fieldCost], help: s[.helpFieldCost], \.cost),
            make.choice(.source, s[.fieldCostSource], help: s[.helpFieldCostSource], \.costSource, name: s.name),
        ])
    }

    var currentCentreID: Int64? { centre.id }

    func title(_ ctx: AppContext) -> String {
        ctx.strings[outcomeOnly ? .outcomeTitle : (index == nil ? .activityAddTitle : .activityEditTitle)]
    }

    func keymap(_ ctx: AppContext) -> Keymap<Action> {
        let close = KeyBinding<Action>.closeForm(.cancel, ctx)
        if form.isReadOnly { return Keymap([close]) }
        let pick = KeyBinding<Action>.function(3, action: .pickSpeaker, label: ctx.strings[.keyPickSpeaker],
                                               help: ctx.strings[.helpPickSpeaker])
        return Keymap([.saveForm(.save, ctx), outcomeOnly ? nil : pick, close].compactMap { $0 })
    }

    /// The field a plan check's finding belongs to.
    static func field(for problem: PlanProblem, _ activity: PlanActivity) -> Field {
        switch problem {
        case .negativeCost: return .cost
        case .dateOutsideYear, .activityOutsideMonth: return activity.date != nil ? .date : .month
        case .monthOutsideRange: return .month
        case .missingTitle: return .title
        case .missingVenue: return .venue
        case .missingResponsible: return .responsible
        case .missingMonth: return .month
        case .outcomeDateOutsideYear, .outcomeDateBeforeApproval, .outcomeDateInFuture, .outcomeDateRequired: return .actualDate
        case .participantsDoNotAddUp: return .participants
        default: return .learners
        }
    }

    mutating func update(_ action: Action, _ ctx: AppContext) -> [AppCommand] {
        let s = ctx.strings
        switch action {
        case .formKey(let key): _ = form.handle(key)
        case .cancel: return [.close]
        case .pickSpeaker:
            guard !form.isReadOnly, !outcomeOnly else { return [] }
            guard !speakers.isEmpty else { return [.message(StatusMessage(s[.speakerRegisterEmpty], kind: .warning))] }
            modal = .picker(PickerDialog(title: s[.speakerPickTitle], items: speakers), pick: Reply(Action.speakerPicked))
        case .speakerPicked(let name):
            form.setText(.speaker, to: name)
            form.focus(on: .speaker)
        case .save:
            guard !form.isReadOnly else { return [] }
            form.clearMessages()
            let base = index.map { plan.activities[$0] } ?? PlanActivity()
            let (activity, unreadable) = fields.read(form, into: base)
            if let first = unreadable.first { return reject(first.id, first.problem) }
            let changed = AppCommand.changed(.plan(centreID: plan.centreID, planID: plan.id ?? 0))
            do {
                if outcomeOnly, let index {
                    if let issue = PlanValidator.outcomeIssues(activity, number: index + 1, plan: plan,
                                                               today: ctx.clock.today).first {
                        let field = issue.problem == .negativeCost(activity: index + 1) ? Field.spent
                            : Self.field(for: issue.problem, activity)
                        return reject(field, s.describe(issue.problem))
                    }
                    plan = try ctx.database.recordOutcome(planID: plan.id ?? 0, activityIndex: index, activity.outcome,
                                                          by: ctx.actor, at: ctx.clock.now)
                    return [.pop, changed, .message(StatusMessage(s[.outcomeSaved]))]
                }
                var draft = plan
                if let index { draft.activities[index] = activity } else { draft.activities.append(activity) }
                let number = (index ?? draft.activities.count - 1) + 1
                if let issue = PlanValidator.entryIssues(activity, number: number, plan: draft).first {
                    return reject(Self.field(for: issue.problem, activity), s.describe(issue.problem))
                }
                plan = try ctx.database.savePlan(draft, by: ctx.actor, at: ctx.clock.now)
                return [.pop, changed, .message(StatusMessage(s[.activitySaved]))]
            } catch {
                return [.message(StatusMessage(s.planFailure(error), kind: .error))]
            }
        }
        return []
    }
}
