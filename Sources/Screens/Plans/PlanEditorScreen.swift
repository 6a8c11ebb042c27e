import Domain
import Storage
import TerminalUI

/// One plan: its heading, its activities table, the checks before submission, the workflow steps, and on an
/// approved plan what was done and the report of planned against done. Read-only once submitted.
struct PlanEditorScreen: PlanFlowScreen, PrintingScreen, Equatable {
    enum Action: Sendable, Equatable {
        case move(Key), header, addActivity, editActivity, viewActivity, deleteActivity, deleteActivityConfirmed(Int)
        case draftFromSurvey, campaignPicked(String), check, history, report, close, workflow(PlanFlow)
        case printing(PrintStep)
    }

    nonisolated static func flow(_ step: PlanFlow) -> Action { .workflow(step) }

    nonisolated static func printing(_ step: PrintStep) -> Action { .printing(step) }

    /// The plan, its approval decision once approved, the centre's report on the plan's year (planned against done)
    /// and the plans workbook.
    func printJobs(_ ctx: AppContext) -> [PrintJob] {
        let id = plan.id ?? 0
        var jobs: [PrintJob] = [.plan(planID: id)]
        if plan.status == .approved || plan.status == .superseded { jobs.append(.decision(planID: id)) }
        jobs += [.yearReport(centreID: centre.id ?? 0, year: plan.year), .plans(centreID: centre.id, year: plan.year)]
        return jobs
    }

    /// An amendment of the approved version opens in place of its editor.
    var amendmentReplacesScreen: Bool { true }

    let centre: Centre
    private(set) var plan: Plan
    /// The chairman's reason for a return, or the reason an amendment was opened, as the heading shows it, and
    /// what to say when it does not fit.
    private(set) var reasonNotice: ReasonNotice?
    var table = TableState()
    var modal: Modal<Action>?
    var viewport = Rect.standardArea

    struct ReasonNotice: Equatable {
        let text: String
        let more: String
    }

    /// Takes the plan as stored now, and the words its heading shows for a return.
    private mutating func show(_ fresh: Plan, _ ctx: AppContext) {
        plan = fresh
        table.setRowCount(plan.activities.count)
        let s = ctx.strings
        reasonNotice = plan.returnReason.map { ReasonNotice(text: s(.planReturnedBecause, $0), more: s[.planReasonMore]) }
            ?? plan.amendmentReason.map { ReasonNotice(text: s(.planAmendedBecause, plan.version, $0), more: s[.planReasonMore]) }
    }

    init(ctx: AppContext, centre: Centre, plan: Plan) {
        self.centre = centre
        self.plan = plan
        show(plan, ctx)
    }

    mutating func changed(_ change: Change, _ ctx: AppContext) {
        guard case .plan(_, let id) = change, id == plan.id else { return }
        if let fresh = try? ctx.database.plan(id: id) { show(fresh, ctx) }
    }

    var currentCentreID: Int64? { centre.id }

    var editable: Bool { plan.status.isEditable }

    func title(_ ctx: AppContext) -> String { ctx.strings(.planEditorTitle, plan.id ?? 0, ctx.strings.name(plan.status)) }

    func keymap(_ ctx: AppContext) -> Keymap<Action> {
        let s = ctx.strings
        var bindings: [KeyBinding<Action>] = []
        if editable && ctx.can(.draftPlans, on: centre) {
            bindings += [
                .function(2, action: .header, label: s[.keyPlanInfo], help: s[.helpPlanHeader]),
                .function(3, also: [.insert], shortcut: .add, action: .addActivity, label: s[.keyAddActivity],
                          help: s[.helpPlanAddActivity]),
                .function(4, also: [.enter], action: .editActivity, label: s[.keyEdit], help: s[.helpPlanEditActivity]),
                .function(8, also: [.delete], action: .deleteActivity, label: s[.keyDelete], help: s[.helpPlanDeleteActivity]),
                .ctrl(.draftFromSurvey, action: .draftFromSurvey, help: s[.helpPlanDraftFromSurvey]),
            ]
        }
        if plan.status == .approved && ctx.can(.recordPlanOutcomes, on: centre) {
            bindings.append(.function(4, also: [.enter], action: .editActivity, label: s[.keyOutcome], help: s[.helpPlanOutcome]))
        } else if !(editable && ctx.can(.draftPlans, on: centre)) {
            bindings.append(.function(4, also: [.enter], action: .viewActivity, label: s[.keyView], help: s[.helpPlanViewActivity]))
        }
        bindings.append(.function(5, action: .check, label: s[.keyCheck], help: s[.helpPlanCheck]))
        bindings += PlanKeys.workflow(ctx, plan: plan, wrap: Action.workflow)
        bindings.append(.function(9, action: .report, label: s[.keyReport], help: s[.helpPlanReport]))
        // F6 unless the approver's F6 approves this plan; Ctrl-A always.
        bindings.append(printBinding(ctx, function: bindings.contains { $0.functionNumber == 6 } ? nil : 6))
        bindings.append(.ctrl(.history, action: .history, help: s[.helpPlanHistory]))
        bindings.append(ListKeys.viewWhole(.viewActivity, ctx))
        bindings.append(.function(10, also: [.escape], action: .close, label: s[.keyClose], help: s[.helpBoardClose]))
        bindings.append(ListKeys.move(.move(.down), ctx))
        return Keymap(bindings)
    }

    func action(for key: Key, _ ctx: AppContext) -> Action? { listAction(for: key, ctx, move: Action.move) }

    /// The table starts under the heading: three lines, and the reason for a return, whole (up to half the area).
    func tableRect(in area: Rect) -> Rect {
        let top = 3 + reasonLines(width: area.width - 2, limit: area.height / 2).count
        return Rect(x: area.x, y: area.y + top, width: area.width, height: area.height - top)
    }

    /// "Bị trả lại: …" wrapped: the chairman's reason, with its line breaks, as long as it fits in `limit` lines; the
    /// last then says Ctrl-Y shows it whole.
    func reasonLines(width: Int, limit: Int) -> [String] {
        guard let notice = reasonNotice else { return [] }
        let lines = DisplayWidth.wrap(notice.text, width: max(10, width))
        guard lines.count > limit, limit > 1 else { return lines }
        return Array(lines.prefix(limit - 1)) + [notice.more]
    }

    mutating func update(_ action: Action, _ ctx: AppContext) -> [AppCommand] {
        let s = ctx.strings
        let planID = plan.id ?? 0
        switch action {
        case .move(let key): _ = table.handle(key, pageSize: Self.pageSize(of: tableRect(in: viewport)))
        case .close: return [.pop]
        case .header:
            guard editable else { return readOnly(ctx) }
            return [.open(.planHeader(centreID: centre.id ?? 0, planID: planID))]
        case .addActivity:
            guard editable else { return readOnly(ctx) }
            return [.open(.activity(planID: planID, index: nil))]
        case .editActivity:
            guard plan.activities.indices.contains(table.selected) else { return [] }
            guard editable || plan.status == .approved else { return readOnly(ctx) }
            return [.open(.activity(planID: planID, index: table.selected))]
        case .viewActivity:
            guard plan.activities.indices.contains(table.selected) else { return [] }
            view(PlanOverlays.activity(plan.activities[table.selected], number: table.selected + 1, ctx))
        case .deleteActivity:
            guard editable, plan.activities.indices.contains(table.selected) else { return [] }
            confirm(s[.activityDeleteTitle], s(.activityDeleteQuestion, plan.activities[table.selected].title),
                    yes: .deleteActivityConfirmed(table.selected), ctx)
        case .deleteActivityConfirmed(let index):
            guard plan.activities.indices.contains(index) else { return [] }
            var draft = plan
            draft.activities.remove(at: index)
            return save(draft, s[.activityDeleted], ctx)
        case .draftFromSurvey:
            guard editable else { return readOnly(ctx) }
            let campaigns = (try? ctx.database.campaigns(centreID: centre.id ?? 0)) ?? []
            guard !campaigns.isEmpty else { return [.message(StatusMessage(s.emptyHint(.campaignsEmptyHint, .campaignsEmptyReadOnly, canAdd: ctx.can(.editSurveys)), kind: .warning))] }
            modal = .picker(PickerDialog(title: s[.fieldPlanCampaign],
                                         items: campaigns.map { ChoiceItem(id: String($0.id ?? 0), label: "#\($0.id ?? 0) \($0.title)") },
                                         selectedID: plan.campaignIDs.first.map(String.init)),
                            pick: Reply(Action.campaignPicked))
        case .campaignPicked(let id):
            return draftFromSurvey(Int64(id) ?? 0, ctx)
        case .check:
            let years = plan.campaignIDs.compactMap { try? ctx.database.campaign(id: $0)?.year }
            let issues = PlanValidator.submissionIssues(plan, campaignYears: years)
            guard !issues.isEmpty else { return [.message(StatusMessage(s[.planChecksPass]))] }
            view(TextViewer(title: s[.planChecksTitle], paragraphs: issues.map {
                Marks.symbol($0.severity) + " " + s.describe($0.problem)
            }))
        case .workflow(let step): return take(step, ctx)
        case .history: view(PlanKeys.history(plan, ctx))
        case .report: view(PlanOverlays.report(plan, ctx))
        case .printing(let step): return printStep(step, ctx)
        }
        return []
    }

    private func readOnly(_ ctx: AppContext) -> [AppCommand] {
        [.message(StatusMessage(ctx.strings(.planReadOnly, ctx.strings.name(plan.status)), kind: .warning))]
    }

    private mutating func save(_ draft: Plan, _ message: String, _ ctx: AppContext) -> [AppCommand] {
        do {
            show(try ctx.database.savePlan(draft, by: ctx.actor, at: ctx.clock.now), ctx)
            return [.changed(.plan(centreID: plan.centreID, planID: plan.id ?? 0)), .message(StatusMessage(message))]
        } catch {
            return [.message(StatusMessage(ctx.strings.planFailure(error), kind: .error))]
        }
    }

    /// Adds one activity for each top need of the campaign, each as those who asked for it want it (the user then
    /// edits them); the targets follow from the activities.
    private mutating func draftFromSurvey(_ campaignID: Int64, _ ctx: AppContext) -> [AppCommand] {
        let s = ctx.strings
        guard let campaign = try? ctx.database.campaign(id: campaignID),
              let questionnaire = ShippedQuestionnaire.current else { return [] }
        let responses = (try? ctx.database.responses(campaignID: campaignID)) ?? []
        let demand = TopicDemand.compute(responses.map(\.answers))
        guard !demand.isEmpty else { return [.message(StatusMessage(s[.planNothingToDraft], kind: .warning))] }
        let director = ((try? ctx.database.boardMembers(centreID: centre.id ?? 0)) ?? [])
            .first { $0.role == .director && $0.isCurrent(on: ctx.clock.today) }?.fullName ?? ""
        let topics = questionnaire.question("topics"), times = questionnaire.question("timeOfDay")
        let proposed = PlanDrafter.activities(from: demand, title: { topic in
            let name = topics.map { s.label(of: topic.topic, in: $0, questionnaire) } ?? String(topic.topic)
            guard let time = topic.timeOfDay, let question = times else { return name }
            return s(.planDraftTitle, name, s.label(of: time, in: question, questionnaire).lowercased())
        }, venue: centre.venues.first?.name ?? "", responsible: director)
        var draft = plan
        draft.activities += proposed
        draft.campaignIDs = [campaignID]
        let totals = PlanValidator.totals(of: draft.activities)
        draft.targetClasses = totals.classes
        draft.targetTalks = totals.talks
        draft.targetLearners = totals.learners
        return save(draft, s(.planDrafted, proposed.count, campaign.year), ctx)
    }

    func statusHint(_ ctx: AppContext) -> StatusMessage? {
        plan.returnReason.map { _ in StatusMessage(ctx.strings[.planReturnedHint], kind: .warning) }
    }

    mutating func render(into buffer: inout ScreenBuffer, area: Rect, _ ctx: AppContext) -> Point? {
        let s = ctx.strings
        let theme = ctx.theme
        let head = "\(s.period(plan.kind, year: plan.year, month: plan.month)) · v\(plan.version) · \(plan.title)"
        buffer.write(head, x: area.x + 1, y: area.y, style: theme.labelFocused, maxWidth: area.width - 2)
        let totals = PlanValidator.totals(of: plan.activities)
        let targets = s(.planTargetsLine, plan.targetClasses, totals.classes, plan.targetTalks, totals.talks,
                        plan.targetLearners, totals.learners)
        buffer.write(targets, x: area.x + 1, y: area.y + 1, style: theme.normal, maxWidth: area.width - 2)
        let progress = plan.progress
        let line = s(.planProgressLine, s.name(plan.status), progress.done, progress.of, s.money(plan.totalCost))
        buffer.write(line, x: area.x + 1, y: area.y + 2,
                     style: plan.status == .approved ? theme.ok : theme.dim, maxWidth: area.width - 2)
        for (i, text) in reasonLines(width: area.width - 2, limit: area.height / 2).enumerated() {
            buffer.write(text, x: area.x + 1, y: area.y + 3 + i, style: theme.warning, maxWidth: area.width - 2)
        }
        let rows = plan.activities
        let topics = ShippedQuestionnaire.current
        table.render(
            into: &buffer, rect: tableRect(in: area),
            columns: [TableColumn("#", width: 2, alignRight: true), TableColumn(s[.columnMonth], width: 5),
                      TableColumn(s[.fieldActivityTitle]), TableColumn(s[.fieldActivityFormat], width: 10),
                      TableColumn(s[.fieldActivityVenue], width: 12), TableColumn(s[.fieldResponsible], width: 12),
                      TableColumn(s[.columnResult], width: 9)],
            sortColumn: nil, ascending: true, theme: theme,
            cells: { row in
                let a = rows[row]
                let title = a.title.isEmpty ? (a.topic.flatMap { code in topics?.topic(code).map { s.text($0.label) } } ?? "") : a.title
                return [String(row + 1), a.effectiveMonth.map { s(.monthShort, $0) } ?? "—", title, s.name(a.format), a.venue,
                        a.responsible, s.name(a.outcome.state)]
            })
        if rows.isEmpty {
            buffer.write(s[editable ? .planEmptyHint : .planNoActivitiesShown], x: area.x + 2, y: tableRect(in: area).y + 2,
                         style: theme.dim, maxWidth: area.width - 4)
        }
        return nil
    }
}
