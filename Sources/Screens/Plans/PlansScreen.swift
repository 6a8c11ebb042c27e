import Domain
import Storage
import TerminalUI

/// The plans of one centre with their status, and the workflow steps the signed-in person may take.
struct PlansScreen: PlanFlowScreen, Equatable {
    enum Action: Sendable, Equatable {
        case move(Key), add, open, history, viewWhole, close, workflow(PlanFlow)
    }

    nonisolated static func flow(_ step: PlanFlow) -> Action { .workflow(step) }

    private(set) var centre: Centre
    private(set) var plans: [Plan] = []
    var table = TableState()
    var modal: Modal<Action>?
    var viewport = Rect.standardArea

    init(ctx: AppContext, centre: Centre) {
        self.centre = centre
        reload(ctx)
    }

    mutating func reload(_ ctx: AppContext) {
        plans = (try? ctx.database.plans(centreID: centre.id ?? 0)) ?? []
        table.setRowCount(plans.count)
    }

    mutating func changed(_ change: Change, _ ctx: AppContext) {
        if case .plan(let id, _) = change, id == centre.id { reload(ctx) }
    }

    var currentCentreID: Int64? { centre.id }

    var selected: Plan? { plans.indices.contains(table.selected) ? plans[table.selected] : nil }

    func title(_ ctx: AppContext) -> String { ctx.strings(.plansTitle, centre.code) }

    func keymap(_ ctx: AppContext) -> Keymap<Action> {
        PlanKeys.keymap(ctx, selected: selected, add: ctx.can(.draftPlans, on: centre) ? .add : nil, open: .open, history: .history, viewWhole: .viewWhole,
                        close: .close, move: .move(.down), workflow: Action.workflow)
    }

    func action(for key: Key, _ ctx: AppContext) -> Action? { listAction(for: key, ctx, move: Action.move) }

    static let detailHeight = 4

    func tableRect(in area: Rect) -> Rect {
        Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 2 - Self.detailHeight)
    }

    mutating func update(_ action: Action, _ ctx: AppContext) -> [AppCommand] {
        let s = ctx.strings
        switch action {
        case .move(let key): _ = table.handle(key, pageSize: Self.pageSize(of: tableRect(in: viewport)))
        case .close: return [.pop]
        case .add: return [.open(.planHeader(centreID: centre.id ?? 0, planID: nil))]
        case .open:
            guard let id = selected?.id else { return [.message(StatusMessage(s.emptyHint(.plansEmptyHint, .plansEmptyReadOnly, canAdd: ctx.can(.draftPlans))))] }
            return [.open(.plan(planID: id))]
        case .history:
            guard let plan = selected else { return [] }
            view(PlanKeys.history(plan, ctx))
        case .viewWhole:
            guard let plan = selected else { return [] }
            view(TextViewer.fields(title: plan.title, zip(columns(s), cells(plan, s)).map { ($0.0.title, $0.1) }
                                   + details(plan, ctx)))
        case .workflow(let step):
            return take(step, ctx)
        }
        return []
    }

    func statusHint(_ ctx: AppContext) -> StatusMessage? {
        plans.isEmpty ? StatusMessage(ctx.strings.emptyHint(.plansEmptyHint, .plansEmptyReadOnly, canAdd: ctx.can(.draftPlans))) : nil
    }

    func columns(_ s: Strings) -> [TableColumn] {
        [TableColumn(s[.columnID], width: 4, alignRight: true), TableColumn(s[.columnYear], width: 5),
         TableColumn(s[.columnKind], width: 10), TableColumn(s[.fieldPlanTitle]), TableColumn("v", width: 2),
         TableColumn(s[.columnStatus], width: 10), TableColumn(s[.columnProgress], width: 8, alignRight: true)]
    }

    func cells(_ p: Plan, _ s: Strings) -> [String] {
        [String(p.id ?? 0), String(p.year), s.name(p.kind, month: p.month), p.title, String(p.version),
         s.name(p.status), "\(p.progress.done)/\(p.progress.of)"]
    }

    /// The plan's last step, and the chairman's reason while it stands returned: read whole under the list.
    func details(_ plan: Plan, _ ctx: AppContext) -> [(label: String, value: String)] {
        let s = ctx.strings
        var rows: [(label: String, value: String)] = []
        if let last = plan.history.last {
            rows.append((s[.planLastStep], s(.planStepBy, s.name(last.action), last.username, Timestamp.display(last.at))))
        }
        if let reason = plan.returnReason { rows.append((s[.planReasonLabel], reason)) }
        if let reason = plan.amendmentReason { rows.append((s[.planAmendReasonLabel], reason)) }
        return rows
    }

    mutating func render(into buffer: inout ScreenBuffer, area: Rect, _ ctx: AppContext) -> Point? {
        let s = ctx.strings
        buffer.write(centre.name, x: area.x + 1, y: area.y, style: ctx.theme.labelFocused, maxWidth: area.width - 2)
        let rows = plans
        let me = self
        table.render(into: &buffer, rect: tableRect(in: area), columns: me.columns(s), sortColumn: nil, ascending: true,
                     theme: ctx.theme, cells: { row in me.cells(rows[row], s) },
                     rowStyle: { row in rows[row].status == .superseded ? ctx.theme.dim : nil })
        let bottom = tableRect(in: area).maxY
        buffer.rule(x: area.x, y: bottom, width: area.width, style: ctx.theme.border)
        if let plan = selected {
            let pane = Rect(x: area.x + 1, y: bottom + 1, width: area.width - 2, height: Self.detailHeight)
            DetailPane.draw(DetailPane.lines(details(plan, ctx), width: pane.width), into: &buffer, rect: pane, ctx)
        }
        return nil
    }
}

/// What the plans list, the editor and the inbox share: their workflow keys and the history box.
enum PlanKeys {
    /// The list's keys: only the steps the selected plan's status allows, on the same keys as in the editor.
    @MainActor
    static func keymap<A: Sendable>(_ ctx: AppContext, selected plan: Plan?, add: A?, open: A, history: A, viewWhole: A,
                                    close: A, move: A, workflow: (PlanFlow) -> A) -> Keymap<A> {
        let s = ctx.strings
        var bindings: [KeyBinding<A>] = []
        if let add {
            bindings.append(.function(2, also: [.insert], shortcut: .add, action: add, label: s[.keyNewPlan],
                                      help: s[.helpPlanAdd]))
        }
        bindings.append(.function(4, also: [.enter], action: open, label: s[.keyOpen], help: s[.helpPlanOpen]))
        bindings += self.workflow(ctx, plan: plan, allowSubmit: add != nil, wrap: workflow)
        bindings.append(.ctrl(.history, action: history, help: s[.helpPlanHistory]))
        bindings.append(ListKeys.viewWhole(viewWhole, ctx))
        bindings.append(.function(10, also: [.escape], action: close, label: s[.keyClose], help: s[.helpBoardClose]))
        bindings.append(ListKeys.move(move, ctx))
        return Keymap(bindings)
    }

    /// The workflow keys a plan offers this person, the same in the list and the editor: F7 submits a draft or
    /// returns a submitted plan, F6 approves, F8 opens an amendment.
    @MainActor
    static func workflow<A: Sendable>(_ ctx: AppContext, plan: Plan?, allowSubmit: Bool = true,
                                      wrap: (PlanFlow) -> A) -> [KeyBinding<A>] {
        let s = ctx.strings
        guard let plan, let id = plan.id else { return [] }
        var bindings: [KeyBinding<A>] = []
        // Only the steps that Storage will accept: the role, and the scope over the plan's centre.
        func can(_ permission: Permission) -> Bool { ctx.can(permission, onCentreID: plan.centreID) }
        if allowSubmit, plan.status.isEditable, can(.submitPlans) {
            bindings.append(.function(7, action: wrap(.submit(planID: id)), label: s[.keySubmit], help: s[.helpPlanSubmit]))
        }
        if plan.status == .submitted, can(.approvePlans) {
            bindings.append(.function(6, action: wrap(.approve(planID: id)), label: s[.keyApprove], help: s[.helpPlanApprove]))
            bindings.append(.function(7, action: wrap(.giveBack(planID: id)), label: s[.keyReturn], help: s[.helpPlanReturn]))
        }
        if allowSubmit, plan.status == .approved, can(.submitPlans) {
            bindings.append(.function(8, action: wrap(.amend(planID: id)), label: s[.keyAmend], help: s[.helpPlanAmend]))
        }
        return bindings
    }

    /// The steps the plan went through, with who took each and the reasons given, whole.
    @MainActor
    static func history(_ plan: Plan, _ ctx: AppContext) -> TextViewer {
        let s = ctx.strings
        var paragraphs = plan.history.map { event in
            Timestamp.display(event.at) + "  " + event.username + "  " + s.name(event.action)
                + (event.comment.isEmpty ? "" : ":\n" + event.comment)
        }
        if paragraphs.isEmpty { paragraphs = [s[.planNoHistory]] }
        return TextViewer(title: s(.planHistoryTitle, plan.title), paragraphs: paragraphs)
    }
}
