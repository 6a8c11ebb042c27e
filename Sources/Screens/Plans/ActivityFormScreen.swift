import Domain
import Storage
import TerminalUI

/// One activity of a draft plan: what, which topic and format, for whom, where, when, by whom, at what cost.
/// Or, on an approved plan, what was done.
struct ActivityFormScreen: FormScreen {
    enum Action: Sendable, Equatable, FormAction { case formKey(Key), save, cancel }

    let centre: Centre
    private(set) var plan: Plan
    let index: Int?
    /// Recording what was done (approved plan) rather than planning.
    let outcomeOnly: Bool
    var form: Form

    init(ctx: AppContext, centre: Centre, plan: Plan, index: Int?) {
        self.centre = centre
        self.plan = plan
        self.index = index
        outcomeOnly = plan.status == .approved
        let s = ctx.strings
        let a = index.map { plan.activities[$0] } ?? PlanActivity(venue: centre.venues.first?.name ?? "")
        func text(_ id: String, _ label: StringKey, _ value: String, max: Int = 200, digits: Bool = false,
                  help: StringKey) -> FormField {
            FormField(id: id, label: s[label], control: .text(TextField(value, maxLength: max, digitsOnly: digits)),
                      help: s[help])
        }
        func choice(_ id: String, _ label: StringKey, _ selected: String?, _ items: [ChoiceItem], help: StringKey) -> FormField {
            FormField(id: id, label: s[label], control: .choice(selectedID: selected, items: items), help: s[help])
        }
        var fields: [FormField] = []
        if outcomeOnly {
            fields = [
                FormField(id: "sec", label: s(.outcomeSection, a.title), control: .section),
                choice("state", .fieldOutcomeState, a.outcome.state.rawValue,
                       ActivityState.allCases.map { ChoiceItem(id: $0.rawValue, label: s.name($0)) }, help: .helpFieldOutcome),
                text("actualDate", .fieldActualDate, a.outcome.actualDate?.vietnamese ?? "", max: 10, help: .helpFieldDecisionDate),
                text("participants", .fieldParticipants, String(a.outcome.participants), max: 6, digits: true,
                     help: .helpFieldParticipants),
                text("women", .fieldWomen, String(a.outcome.women), max: 6, digits: true, help: .helpFieldParticipants),
                text("minority", .fieldMinority, String(a.outcome.ethnicMinority), max: 6, digits: true,
                     help: .helpFieldParticipants),
                text("notes", .fieldNotes, a.outcome.notes, max: 500, help: .helpFieldNotes),
            ]
        } else {
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
            fields = [
                FormField(id: "sec", label: s[.sectionActivity], control: .section),
                text("title", .fieldActivityTitle, a.title, help: .helpFieldActivityTitle),
                choice("topic", .fieldActivityTopic, a.topic.map(String.init),
                       topics.map { ChoiceItem(id: String($0.code), label: s.text($0.label)) }, help: .helpFieldActivityTopic),
                choice("format", .fieldActivityFormat, a.format.rawValue,
                       ActivityFormat.allCases.map { ChoiceItem(id: $0.rawValue, label: s.name($0)) }, help: .helpFieldActivityFormat),
                text("group", .fieldTargetGroup, a.targetGroup, help: .helpFieldTargetGroup),
                text("learners", .fieldExpectedLearners, String(a.expectedLearners), max: 6, digits: true,
                     help: .helpFieldExpectedLearners),
                choice("venue", .fieldActivityVenue, a.venue.isEmpty ? nil : a.venue, venues, help: .helpFieldActivityVenue),
                text("month", .fieldPlanMonth, a.month.map(String.init) ?? "", max: 2, help: .helpFieldActivityMonth),
                text("date", .fieldActivityDate, a.date?.vietnamese ?? "", max: 10, help: .helpFieldActivityDate),
                text("speaker", .fieldSpeaker, a.speaker, help: .helpFieldSpeaker),
                choice("responsible", .fieldResponsible, a.responsible.isEmpty ? nil : a.responsible, people,
                       help: .helpFieldResponsible),
                text("partner", .fieldPartner, a.partner, help: .helpFieldPartner),
                text("cost", .fieldCost, String(a.cost), max: 12, help: .helpFieldCost),
                choice("source", .fieldCostSource, a.costSource.rawValue,
                       CostSource.allCases.map { ChoiceItem(id: $0.rawValue, label: s.name($0)) }, help: .helpFieldCostSource),
            ]
        }
        form = Form(fields: fields, labelWidth: 28)
    }

    func title(_ ctx: AppContext) -> String {
        ctx.strings[outcomeOnly ? .outcomeTitle : (index == nil ? .activityAddTitle : .activityEditTitle)]
    }

    func keymap(_ ctx: AppContext) -> Keymap<Action> {
        Keymap([
            .saveForm(.save, ctx),
            .closeForm(.cancel, ctx),
        ])
    }

    mutating func update(_ action: Action, _ ctx: AppContext) -> [AppCommand] {
        let s = ctx.strings
        switch action {
        case .formKey(let key): _ = form.handle(key)
        case .cancel: return [.close]
        case .save:
            func date(_ id: String) -> (LocalDate?, Bool) {
                let typed = form.text(id)
                guard !typed.isEmpty else { return (nil, true) }
                let value = LocalDate(typed: typed)
                return (value, value != nil)
            }
            func number(_ id: String) -> Int? {
                let typed = form.text(id).replacingOccurrences(of: ".", with: "").replacingOccurrences(of: " ", with: "")
                return typed.isEmpty ? 0 : Int(typed)
            }
            do {
                if outcomeOnly, let index {
                    let (actual, ok) = date("actualDate")
                    guard ok else { return rejectField(&form, "actualDate", s[.problemDateInvalid]) }
                    let outcome = ActivityOutcome(
                        state: form.choice("state").flatMap(ActivityState.init(rawValue:)) ?? .planned, actualDate: actual,
                        participants: number("participants") ?? 0, women: number("women") ?? 0,
                        ethnicMinority: number("minority") ?? 0, notes: form.text("notes"))
                    plan = try ctx.database.recordOutcome(planID: plan.id ?? 0, activityIndex: index, outcome,
                                                          by: ctx.actor, at: ctx.clock.now)
                    return [.pop, .centresChanged(select: nil), .message(StatusMessage(s[.outcomeSaved]))]
                }
                let (when, ok) = date("date")
                guard ok else { return rejectField(&form, "date", s[.problemDateInvalid]) }
                guard let cost = number("cost") else { return rejectField(&form, "cost", s[.planCostNotANumber]) }
                let monthText = form.text("month")
                guard monthText.isEmpty || Int(monthText) != nil else { return rejectField(&form, "month", s[.planMonthNotANumber]) }
                var activity = index.map { plan.activities[$0] } ?? PlanActivity()
                activity.title = form.text("title")
                activity.topic = form.choice("topic").flatMap { Int($0) }
                activity.format = form.choice("format").flatMap(ActivityFormat.init(rawValue:)) ?? .classSession
                activity.targetGroup = form.text("group")
                activity.expectedLearners = number("learners") ?? 0
                activity.venue = form.choice("venue") ?? ""
                activity.month = Int(monthText)
                activity.date = when
                activity.speaker = form.text("speaker")
                activity.responsible = form.choice("responsible") ?? ""
                activity.partner = form.text("partner")
                activity.cost = cost
                activity.costSource = form.choice("source").flatMap(CostSource.init(rawValue:)) ?? .communeBudget
                var draft = plan
                if let index { draft.activities[index] = activity } else { draft.activities.append(activity) }
                let number = (index ?? draft.activities.count - 1) + 1
                if let issue = PlanValidator.entryIssues(activity, number: number, plan: draft).first {
                    let field: String
                    switch issue.problem {
                    case .negativeCost: field = "cost"
                    case .dateOutsideYear, .activityOutsideMonth: field = activity.date != nil ? "date" : "month"
                    case .monthOutsideRange: field = "month"
                    default: field = "learners"
                    }
                    return rejectField(&form, field, s.describe(issue.problem))
                }
                plan = try ctx.database.savePlan(draft, by: ctx.actor, at: ctx.clock.now)
                return [.pop, .centresChanged(select: nil), .message(StatusMessage(s[.activitySaved]))]
            } catch {
                return [.message(StatusMessage(s.planFailure(error), kind: .error))]
            }
        }
        return []
    }
}
