import Domain
import Storage
import TerminalUI

/// The plans of one centre with their status, and the workflow steps the signed-in person may take.
struct PlansScreen: KeyedScreen {
    enum Action: Sendable, Equatable {
        case move(Key), add, open, submit, approve, giveBack, amend, history, close, promptKey(Key), closeOverlay(Key)
    }

    private(set) var centre: Centre
    private(set) var plans: [Plan] = []
    var table = TableState()
    var prompt: PlanStepPrompt?
    var historyOverlay: TextOverlay?

    init(ctx: AppContext, centre: Centre) {
        self.centre = centre
        reload(ctx)
    }

    mutating func reload(_ ctx: AppContext) {
        plans = (try? ctx.database.plans(centreID: centre.id ?? 0)) ?? []
        table.setRowCount(plans.count)
    }

    mutating func centresChanged(select: String?, _ ctx: AppContext) { reload(ctx) }

    var selected: Plan? { plans.indices.contains(table.selected) ? plans[table.selected] : nil }

    func title(_ ctx: AppContext) -> String { ctx.strings(.plansTitle, centre.code) }

    func keymap(_ ctx: AppContext) -> Keymap<Action> {
        PlanKeys.keymap(ctx, selected: selected?.status, add: .add, open: .open, submit: .submit, approve: .approve, giveBack: .giveBack,
                        amend: .amend, history: .history, close: .close)
    }

    func action(for key: Key, _ ctx: AppContext) -> Action? {
        if prompt != nil { return .promptKey(key) }
        if historyOverlay != nil { return .closeOverlay(key) }
        return listAction(for: key, ctx, move: Action.move)
    }

    mutating func update(_ action: Action, _ ctx: AppContext) -> [AppCommand] {
        switch action {
        case .move(let key): _ = table.handle(key, pageSize: 10)
        case .close: return [.pop]
        case .add: return [.push(PlanHeaderFormScreen(ctx: ctx, centre: centre, plan: nil))]
        case .open:
            guard let plan = selected else { return [.message(StatusMessage(ctx.strings[.plansEmptyHint]))] }
            return [.push(PlanEditorScreen(ctx: ctx, centre: centre, plan: plan))]
        case .amend:
            guard let plan = selected else { return [] }
            return PlanSteps.amend(plan, of: centre, replacingEditor: false, ctx)
        case .submit, .approve, .giveBack:
            guard let plan = selected else { return [] }
            let step: PlanAction = action == .submit ? .submit : action == .approve ? .approve : .returnForRevision
            return PlanSteps.start(step, plan: plan, prompt: &prompt, ctx)
        case .history:
            guard let plan = selected else { return [] }
            historyOverlay = PlanKeys.history(plan, ctx)
        case .closeOverlay(let key):
            if var overlay = historyOverlay, overlay.handle(key, pageSize: 10) { historyOverlay = overlay } else { historyOverlay = nil }
        case .promptKey(let key):
            guard let commands = PlanSteps.forward(key, to: &prompt, ctx) else { return [] }
            reload(ctx)
            return commands
        }
        return []
    }

    func statusHint(_ ctx: AppContext) -> StatusMessage? {
        plans.isEmpty ? StatusMessage(ctx.strings[.plansEmptyHint]) : nil
    }

    mutating func render(into buffer: inout ScreenBuffer, area: Rect, _ ctx: AppContext) -> Point? {
        let s = ctx.strings
        buffer.write(centre.name, x: area.x + 1, y: area.y, style: ctx.theme.labelFocused, maxWidth: area.width - 2)
        let rows = plans
        table.render(
            into: &buffer, rect: Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1),
            columns: [TableColumn(s[.columnID], width: 4, alignRight: true), TableColumn(s[.columnYear], width: 5),
                      TableColumn(s[.columnKind], width: 10), TableColumn(s[.fieldPlanTitle]),
                      TableColumn("v", width: 2), TableColumn(s[.columnStatus], width: 10),
                      TableColumn(s[.columnProgress], width: 8, alignRight: true)],
            sortColumn: nil, ascending: true, theme: ctx.theme,
            cells: { row in
                let p = rows[row]
                return [String(p.id ?? 0), String(p.year), s.name(p.kind, month: p.month), p.title, String(p.version),
                        s.name(p.status), "\(p.progress.done)/\(p.progress.of)"]
            },
            rowStyle: { row in rows[row].status == .superseded ? ctx.theme.dim : nil })
        return PlanKeys.renderOverlays(into: &buffer, area: area, prompt: &prompt, history: historyOverlay, ctx)
    }
}

/// What the plans list, the editor and the inbox share: their workflow keys, the history box, the prompts.
enum PlanKeys {
    /// Only the steps the selected plan's status allows, on the same keys as in the editor:
    /// F7 submits a draft or returns a submitted plan, F6 approves, F8 opens an amendment.
    @MainActor
    static func keymap<A: Sendable>(_ ctx: AppContext, selected status: PlanStatus?, add: A?, open: A, submit: A?,
                                    approve: A, giveBack: A, amend: A?, history: A, close: A) -> Keymap<A> {
        let s = ctx.strings
        var bindings: [KeyBinding<A>] = []
        if let add, ctx.can(.draftPlans) {
            bindings.append(.function(2, ctrl: "n", also: [.insert], action: add, label: s[.keyNewPlan], help: s[.helpPlanAdd]))
        }
        bindings.append(.function(4, also: [.enter], action: open, label: s[.keyOpen], help: s[.helpPlanOpen]))
        bindings += workflow(ctx, status: status, submit: submit, approve: approve, giveBack: giveBack, amend: amend)
        bindings.append(KeyBinding(keys: [.ctrl("y")], action: history, help: s[.helpPlanHistory]))
        bindings.append(.function(10, also: [.escape], action: close, label: s[.keyClose], help: s[.helpBoardClose]))
        return Keymap(bindings)
    }

    /// The workflow keys a plan in `status` offers this person, the same in the list and the editor.
    @MainActor
    static func workflow<A: Sendable>(_ ctx: AppContext, status: PlanStatus?, submit: A?, approve: A, giveBack: A,
                                      amend: A?) -> [KeyBinding<A>] {
        let s = ctx.strings
        var bindings: [KeyBinding<A>] = []
        if let submit, status?.isEditable == true, ctx.can(.submitPlans) {
            bindings.append(.function(7, action: submit, label: s[.keySubmit], help: s[.helpPlanSubmit]))
        }
        if status == .submitted, ctx.can(.approvePlans) {
            bindings.append(.function(6, action: approve, label: s[.keyApprove], help: s[.helpPlanApprove]))
            bindings.append(.function(7, action: giveBack, label: s[.keyReturn], help: s[.helpPlanReturn]))
        }
        if let amend, status == .approved, ctx.can(.submitPlans) {
            bindings.append(.function(8, action: amend, label: s[.keyAmend], help: s[.helpPlanAmend]))
        }
        return bindings
    }

    @MainActor
    static func history(_ plan: Plan, _ ctx: AppContext) -> TextOverlay {
        let s = ctx.strings
        var lines = plan.history.map { event in
            Timestamp.display(event.at) + "  " + event.username + "  " + s.name(event.action)
                + (event.comment.isEmpty ? "" : ": " + event.comment)
        }
        if lines.isEmpty { lines = [s[.planNoHistory]] }
        return TextOverlay(title: s(.planHistoryTitle, plan.title), lines: lines)
    }

    @MainActor
    static func renderOverlays(into buffer: inout ScreenBuffer, area: Rect, prompt: inout PlanStepPrompt?,
                               history: TextOverlay?, _ ctx: AppContext) -> Point? {
        if let history {
            history.render(into: &buffer, rect: area.centred(width: min(area.width - 2, 76), height: min(area.height, 14)),
                           theme: ctx.theme, footer: ctx.strings[.helpFooter])
        }
        if var open = prompt {
            let cursor = open.dialog.render(into: &buffer, area: area, theme: ctx.theme, footer: ctx.strings[.promptFooter])
            prompt = open
            return cursor
        }
        return nil
    }
}
