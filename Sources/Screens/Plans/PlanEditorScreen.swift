import Domain
import Storage
import TerminalUI

/// One plan: its heading, its activities table, the checks before submission, the workflow steps, and on an
/// approved plan what was done and the report of planned against done. Read-only once submitted.
struct PlanEditorScreen: PlanFlowScreen, Equatable {
    enum Action: Sendable, Equatable {
        case move(Key), header, addActivity, editActivity, viewActivity, deleteActivity, deleteActivityConfirmed(Int)
        case draftFromSurvey, campaignPicked(String), check, history, report, close, workflow(PlanFlow)
    }

    nonisolated static func flow(_ step: PlanFlow) -> Action { .workflow(step) }

    /// An amendment of the approved version opens in place of its editor.
    var amendmentReplacesScreen: Bool { true }

    let centre: Centre
    private(set) var plan: Plan
    var table = TableState()
    var modal: Modal<Action>?
    var viewport = Rect.standardArea

    init(ctx: AppContext, centre: Centre, plan: Plan) {
        self.centre = centre
        self.plan = plan
        table.setRowCount(plan.activities.count)
    }

    mutating func changed(_ change: Change, _ ctx: AppContext) {
        guard case .plan(_, let id) = change, id == plan.id else { return }
        if let fresh = try? ctx.database.plan(id: id) { plan = fresh }
        table.setRowCount(plan.activities.count)
    }

    var currentCentreID: Int64? { centre.id }

    var editable: Bool { plan.status.isEditable }

    func title(_ ctx: AppContext) -> String { ctx.strings(.planEditorTitle, plan.id ?? 0, ctx.strings.name(plan.status)) }

    func keymap(_ ctx: AppContext) -> Keymap<Action> {
        let s = ctx.strings
        var bindings: [KeyBinding<Action>] = []
        if editable && ctx.can(.draftPlans) {
            bindings += [
                .function(2, action: .header, label: s[.keyPlanInfo], help: s[.helpPlanHeader]),
                .function(3, also: [.insert], shortcut: .add, action: .addActivity, label: s[.keyAddActivity],
                          help: s[.helpPlanAddActivity]),
                .function(4, also: [.enter], action: .editActivity, label: s[.keyEdit], help: s[.helpPlanEditActivity]),
                .function(8, also: [.delete], action: .deleteActivity, label: s[.keyDelete], help: s[.helpPlanDeleteActivity]),
                .ctrl(.draftFromSurvey, action: .draftFromSurvey, help: s[.helpPlanDraftFromSurvey]),
            ]
        }
        if plan.status == .approved && ctx.can(.recordPlanOutcomes) {
            bindings.append(.function(4, also: [.enter], action: .editActivity, label: s[.keyOutcome], help: s[.helpPlanOutcome]))
        } else if !(editable && ctx.can(.draftPlans)) {
            bindings.append(.function(4, also: [.enter], action: .viewActivity, label: s[.keyView], help: s[.helpPlanViewActivity]))
        }
        bindings.append(.function(5, action: .check, label: s[.keyCheck], help: s[.helpPlanCheck]))
        bindings += PlanKeys.workflow(ctx, plan: plan, wrap: Action.workflow)
        bindings.append(.function(9, action: .report, label: s[.keyReport], help: s[.helpPlanReport]))
        bindings.append(.ctrl(.history, action: .history, help: s[.helpPlanHistory]))
        bindings.append(ListKeys.viewWhole(.viewActivity, ctx))
        bindings.append(.function(10, also: [.escape], action: .close, label: s[.keyClose], help: s[.helpBoardClose]))
        bindings.append(ListKeys.move(.move(.down), ctx))
        return Keymap(bindings)
    }

    func action(for key: Key, _ ctx: AppContext) -> Action? { listAction(for: key, ctx, move: Action.move) }

    func tableRect(in area: Rect) -> Rect { Rect(x: area.x, y: area.y + 3, width: area.width, height: area.height - 3) }

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
            guard !campaigns.isEmpty else { return [.message(StatusMessage(s[.campaignsEmptyHint], kind: .warning))] }
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
        }
        return []
    }

    private func readOnly(_ ctx: AppContext) -> [AppCommand] {
        [.message(StatusMessage(ctx.strings(.planReadOnly, ctx.strings.name(plan.status)), kind: .warning))]
    }

    private mutating func save(_ draft: Plan, _ message: String, _ ctx: AppContext) -> [AppCommand] {
        do {
            plan = try ctx.database.savePlan(draft, by: ctx.actor, at: ctx.clock.now)
            table.setRowCount(plan.activities.count)
            return [.changed(.plan(centreID: plan.centreID, planID: plan.id ?? 0)), .message(StatusMessage(message))]
        } catch {
            return [.message(StatusMessage(ctx.strings.planFailure(error), kind: .error))]
        }
    }

    /// Adds one activity for each top need of the campaign (the user then edits them) and sets the targets.
    private mutating func draftFromSurvey(_ campaignID: Int64, _ ctx: AppContext) -> [AppCommand] {
        let s = ctx.strings
        guard let campaign = try? ctx.database.campaign(id: campaignID),
              let questionnaire = ShippedQuestionnaire.current else { return [] }
        let responses = (try? ctx.database.responses(campaignID: campaignID)) ?? []
        let analysis = NeedsAnalysis.compute(responses, campaign: campaign)
        let director = ((try? ctx.database.boardMembers(centreID: centre.id ?? 0)) ?? [])
            .first { $0.role == .director && $0.isCurrent(on: ctx.clock.today) }?.fullName ?? ""
        let topicQuestion = questionnaire.question("topics")
        let proposed = PlanDrafter.activities(
            from: analysis, topicName: { code in topicQuestion.map { s.label(of: code, in: $0, questionnaire) } ?? String(code) },
            venue: centre.venues.first?.name ?? "", responsible: director)
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
        let s = ctx.strings
        if plan.status == .returned, let reason = plan.history.last(where: { $0.action == .returnForRevision })?.comment {
            return StatusMessage(s(.planReturnedBecause, reason), kind: .warning)
        }
        return nil
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
            buffer.write(s[editable ? .planEmptyHint : .planNoActivitiesShown], x: area.x + 2, y: area.y + 5,
                         style: theme.dim, maxWidth: area.width - 4)
        }
        return nil
    }
}
