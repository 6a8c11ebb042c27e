import Domain
import Storage
import TerminalUI

/// The commune leader's inbox: every submitted plan of the office's area, oldest first, to approve (with the
/// password again) or return (with a reason).
struct ApprovalInboxScreen: KeyedScreen {
    enum Action: Sendable, Equatable { case move(Key), open, approve, giveBack, history, close, promptKey(Key), overlayKey(Key) }

    private(set) var items: [(plan: Plan, centre: Centre)] = []
    var table = TableState()
    var prompt: PlanStepPrompt?
    var overlay: TextOverlay?

    init(ctx: AppContext) { reload(ctx) }

    mutating func reload(_ ctx: AppContext) {
        let centres = ((try? ctx.database.centres(provinceCode: ctx.office?.provinceCode)) ?? [])
            .filter { ctx.office?.covers($0, units: ctx.units) ?? true }
        let byID = Dictionary(uniqueKeysWithValues: centres.map { ($0.id ?? 0, $0) })
        let submitted = ((try? ctx.database.plans()) ?? []).filter { $0.status == .submitted && byID[$0.centreID] != nil }
        items = submitted.map { plan in (plan, byID[plan.centreID]!) }.sorted {
            ($0.plan.history.last?.at ?? .distantPast) < ($1.plan.history.last?.at ?? .distantPast)
        }
        table.setRowCount(items.count)
    }

    mutating func centresChanged(select: String?, _ ctx: AppContext) { reload(ctx) }

    func title(_ ctx: AppContext) -> String { ctx.strings[.inboxTitle] }

    func keymap(_ ctx: AppContext) -> Keymap<Action> {
        PlanKeys.keymap(ctx, selected: selected?.plan.status, add: nil, open: .open, submit: nil, approve: .approve,
                        giveBack: .giveBack, amend: nil, history: .history, close: .close)
    }

    func action(for key: Key, _ ctx: AppContext) -> Action? {
        if prompt != nil { return .promptKey(key) }
        if overlay != nil { return .overlayKey(key) }
        return listAction(for: key, ctx, move: Action.move)
    }

    var selected: (plan: Plan, centre: Centre)? { items.indices.contains(table.selected) ? items[table.selected] : nil }

    mutating func update(_ action: Action, _ ctx: AppContext) -> [AppCommand] {
        switch action {
        case .move(let key): _ = table.handle(key, pageSize: 10)
        case .close: return [.pop]
        case .open:
            guard let item = selected else { return [] }
            return [.push(PlanEditorScreen(ctx: ctx, centre: item.centre, plan: item.plan))]
        case .approve:
            guard let item = selected else { return [] }
            return PlanSteps.start(.approve, plan: item.plan, prompt: &prompt, ctx)
        case .giveBack:
            guard let item = selected else { return [] }
            return PlanSteps.start(.returnForRevision, plan: item.plan, prompt: &prompt, ctx)
        case .history:
            guard let item = selected else { return [] }
            overlay = PlanKeys.history(item.plan, ctx)
        case .overlayKey(let key):
            if var open = overlay, open.handle(key, pageSize: 10) { overlay = open } else { overlay = nil }
        case .promptKey(let key):
            guard let commands = PlanSteps.forward(key, to: &prompt, ctx) else { return [] }
            reload(ctx)
            return commands
        }
        return []
    }

    func statusHint(_ ctx: AppContext) -> StatusMessage? {
        StatusMessage(ctx.strings(items.isEmpty ? .inboxEmpty : .inboxCount, items.count))
    }

    mutating func render(into buffer: inout ScreenBuffer, area: Rect, _ ctx: AppContext) -> Point? {
        let s = ctx.strings
        let rows = items
        table.render(
            into: &buffer, rect: Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1),
            columns: [TableColumn(s[.columnSubmitted], width: 16), TableColumn(s[.columnCode], width: 9),
                      TableColumn(s[.fieldPlanTitle]), TableColumn(s[.columnKind], width: 10),
                      TableColumn(s[.columnActivities], width: 5, alignRight: true)],
            sortColumn: nil, ascending: true, theme: ctx.theme,
            cells: { row in
                let (plan, centre) = rows[row]
                return [plan.history.last.map { Timestamp.display($0.at) } ?? "", centre.code, plan.title,
                        s.name(plan.kind, month: plan.month), String(plan.activities.count)]
            })
        return PlanKeys.renderOverlays(into: &buffer, area: area, prompt: &prompt, history: overlay, ctx)
    }
}
