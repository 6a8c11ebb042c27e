import Domain
import Storage
import TerminalUI

/// The commune leader's inbox: every submitted plan of the office's area, oldest first, to approve (with the
/// password again) or return (with a reason).
struct ApprovalInboxScreen: PlanFlowScreen, Equatable {
    enum Action: Sendable, Equatable { case move(Key), open, history, viewWhole, close, workflow(PlanFlow) }

    nonisolated static func flow(_ step: PlanFlow) -> Action { .workflow(step) }

    struct Item: Equatable {
        let plan: Plan
        let centre: Centre
    }

    private(set) var items: [Item] = []
    var table = TableState()
    var modal: Modal<Action>?
    var viewport = Rect.standardArea

    init(ctx: AppContext) { reload(ctx) }

    mutating func reload(_ ctx: AppContext) {
        let centres = ((try? ctx.database.centres(provinceCode: ctx.office?.provinceCode)) ?? [])
            .filter { ctx.office?.covers($0, units: ctx.units) ?? true }
            // A leader limited to a commune works from that commune's plans only.
            .filter { ctx.actor.covers(centreID: $0.id, communeCode: $0.communeCode) }
        let byID = Dictionary(uniqueKeysWithValues: centres.map { ($0.id ?? 0, $0) })
        let submitted = ((try? ctx.database.plans()) ?? []).filter { $0.status == .submitted && byID[$0.centreID] != nil }
        items = submitted.map { plan in Item(plan: plan, centre: byID[plan.centreID]!) }.sorted {
            ($0.plan.history.last?.at ?? .distantPast) < ($1.plan.history.last?.at ?? .distantPast)
        }
        table.setRowCount(items.count)
    }

    mutating func changed(_ change: Change, _ ctx: AppContext) {
        switch change {
        case .plan, .centre, .settings: reload(ctx)
        default: break
        }
    }

    var currentCentreID: Int64? { selected?.centre.id }

    func title(_ ctx: AppContext) -> String { ctx.strings[.inboxTitle] }

    func keymap(_ ctx: AppContext) -> Keymap<Action> {
        PlanKeys.keymap(ctx, selected: selected?.plan, add: nil, open: .open, history: .history, viewWhole: .viewWhole,
                        close: .close, move: .move(.down), workflow: Action.workflow)
    }

    func action(for key: Key, _ ctx: AppContext) -> Action? { listAction(for: key, ctx, move: Action.move) }

    var selected: Item? { items.indices.contains(table.selected) ? items[table.selected] : nil }

    func tableRect(in area: Rect) -> Rect { Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1) }

    mutating func update(_ action: Action, _ ctx: AppContext) -> [AppCommand] {
        switch action {
        case .move(let key): _ = table.handle(key, pageSize: Self.pageSize(of: tableRect(in: viewport)))
        case .close: return [.pop]
        case .open:
            guard let id = selected?.plan.id else { return [] }
            return [.open(.plan(planID: id))]
        case .history:
            guard let item = selected else { return [] }
            view(PlanKeys.history(item.plan, ctx))
        case .viewWhole:
            guard let item = selected else { return [] }
            view(.row(title: item.plan.title, columns: columns(ctx.strings), cells: cells(item, ctx.strings)))
        case .workflow(let step):
            return take(step, ctx)
        }
        return []
    }

    func statusHint(_ ctx: AppContext) -> StatusMessage? {
        StatusMessage(ctx.strings(items.isEmpty ? .inboxEmpty : .inboxCount, items.count))
    }

    func columns(_ s: Strings) -> [TableColumn] {
        [TableColumn(s[.columnSubmitted], width: 16), TableColumn(s[.columnCode], width: 9), TableColumn(s[.fieldPlanTitle]),
         TableColumn(s[.columnKind], width: 10), TableColumn(s[.columnActivities], width: 5, alignRight: true)]
    }

    func cells(_ item: Item, _ s: Strings) -> [String] {
        [item.plan.history.last.map { Timestamp.display($0.at) } ?? "", item.centre.code, item.plan.title,
         s.name(item.plan.kind, month: item.plan.month), String(item.plan.activities.count)]
    }

    mutating func render(into buffer: inout ScreenBuffer, area: Rect, _ ctx: AppContext) -> Point? {
        let s = ctx.strings
        let rows = items
        let me = self
        table.render(into: &buffer, rect: tableRect(in: area), columns: me.columns(s), sortColumn: nil, ascending: true,
                     theme: ctx.theme, cells: { row in me.cells(rows[row], s) })
        return nil
    }
}
