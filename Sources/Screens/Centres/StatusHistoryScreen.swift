import Domain
import Storage
import TerminalUI

/// The status history of one centre: when it was entered, suspended, dissolved or merged, by which
/// decision and why. Read only: history is never edited.
struct StatusHistoryScreen: KeyedScreen, Equatable {
    enum Action: Sendable, Equatable {
        case move(Key), viewWhole, close
    }

    let centre: Centre
    private(set) var changes: [StatusChange] = []
    private(set) var table = TableState()
    private var loadError: String?
    var modal: Modal<Action>?
    var viewport = Rect.standardArea

    static let detailHeight = 5

    init(ctx: AppContext, centre: Centre) {
        self.centre = centre
        reload(ctx)
        table.select(changes.count - 1)
    }

    mutating func reload(_ ctx: AppContext) {
        do {
            changes = try ctx.database.statusHistory(centreID: centre.id ?? 0)
            loadError = nil
        } catch {
            loadError = ctx.strings.readFailure(error)
        }
        table.setRowCount(changes.count)
    }

    mutating func changed(_ change: Change, _ ctx: AppContext) {
        if change == .centre(code: centre.code) { reload(ctx) }
    }

    var currentCentreID: Int64? { centre.id }

    func title(_ ctx: AppContext) -> String { ctx.strings(.historyTitle, centre.code) }

    func keymap(_ ctx: AppContext) -> Keymap<Action> {
        let s = ctx.strings
        return Keymap([
            .function(10, also: [.escape, .enter], action: .close, label: s[.keyClose], help: s[.helpHistoryClose]),
            ListKeys.viewWhole(.viewWhole, ctx),
            ListKeys.move(.move(.down), ctx),
        ])
    }

    func action(for key: Key, _ ctx: AppContext) -> Action? { listAction(for: key, ctx, move: Action.move) }

    func tableRect(in area: Rect) -> Rect {
        Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1 - Self.detailHeight)
    }

    mutating func update(_ action: Action, _ ctx: AppContext) -> [AppCommand] {
        switch action {
        case .move(let key): _ = table.handle(key, pageSize: Self.pageSize(of: tableRect(in: viewport)))
        case .close: return [.pop]
        case .viewWhole:
            guard changes.indices.contains(table.selected) else { return [] }
            view(TextViewer.fields(title: centre.name, details(changes[table.selected], ctx)))
        }
        return []
    }

    func statusHint(_ ctx: AppContext) -> StatusMessage? { loadError.map { StatusMessage($0, kind: .error) } }

    func columns(_ s: Strings) -> [TableColumn] {
        [TableColumn(s[.columnRecorded], width: 10), TableColumn(s[.columnChange], width: 25), TableColumn(s[.columnDecision])]
    }

    func cells(_ change: StatusChange, _ s: Strings) -> [String] {
        let from = change.from.map { s.name($0) + " → " } ?? s[.historyCreated] + " → "
        return [LocalDate(date: change.recordedAt, timeZone: .current).vietnamese, from + s.name(change.to),
                Self.decisionText(change.decision, s)]
    }

    /// Everything recorded about one change, label beside value.
    func details(_ change: StatusChange, _ ctx: AppContext) -> [(label: String, value: String)] {
        let s = ctx.strings
        var rows: [(label: String, value: String)] = [
            (s[.columnChange], cells(change, s)[1]),
            (s[.columnDecision], Self.decisionText(change.decision, s)),
            (s[.fieldStatusReason], change.reason.isEmpty ? s[.detailNone] : change.reason),
        ]
        if let target = change.mergedInto { rows.append((s[.fieldMergedInto], target)) }
        rows.append((s[.columnRecorded], Timestamp.display(change.recordedAt)))
        rows.append((s[.columnRecordedBy], change.recordedBy.isEmpty ? s[.recordedByUnknown] : change.recordedBy))
        return rows
    }

    mutating func render(into buffer: inout ScreenBuffer, area: Rect, _ ctx: AppContext) -> Point? {
        let s = ctx.strings
        let theme = ctx.theme
        buffer.write(centre.name, x: area.x + 1, y: area.y, style: theme.labelFocused, maxWidth: area.width - 2)
        let rows = changes
        let rect = tableRect(in: area)
        let me = self
        table.render(into: &buffer, rect: rect, columns: me.columns(s), sortColumn: nil, ascending: true, theme: theme,
                     cells: { row in me.cells(rows[row], s) })
        buffer.rule(x: area.x, y: rect.maxY, width: area.width, style: theme.border)
        guard rows.indices.contains(table.selected) else { return nil }
        let lines = DetailPane.lines(details(rows[table.selected], ctx), width: area.width - 2)
        DetailPane.draw(lines, into: &buffer, rect: Rect(x: area.x + 1, y: rect.maxY + 1, width: area.width - 2,
                                                         height: Self.detailHeight - 1), ctx)
        return nil
    }

    static func decisionText(_ decision: Decision, _ s: Strings) -> String {
        decision.isEmpty ? s[.detailNone]
            : s(.decisionSummary, decision.number, decision.date?.vietnamese ?? "—", decision.issuer)
    }
}
