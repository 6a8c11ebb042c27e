import Domain
import Storage
import TerminalUI

/// The status history of one centre: when it was entered, suspended, dissolved or merged, by which
/// decision and why. Read only: history is never edited.
struct StatusHistoryScreen: KeyedScreen {
    enum Action: Sendable, Equatable {
        case move(Key), close
    }

    let centre: Centre
    private(set) var changes: [StatusChange] = []
    private(set) var table = TableState()
    private var loadError: String?

    init(ctx: AppContext, centre: Centre) {
        self.centre = centre
        do {
            changes = try ctx.database.statusHistory(centreID: centre.id ?? 0)
        } catch {
            loadError = ctx.strings.readFailure(error)
        }
        table.setRowCount(changes.count)
        table.select(changes.count - 1)
    }

    func title(_ ctx: AppContext) -> String { ctx.strings(.historyTitle, centre.code) }

    func keymap(_ ctx: AppContext) -> Keymap<Action> {
        let s = ctx.strings
        return Keymap([
            .function(10, also: [.escape, .enter], action: .close, label: s[.keyClose], help: s[.helpHistoryClose]),
            KeyBinding(keys: [.up, .down, .pageUp, .pageDown], action: .move(.down), help: s[.helpTableMove]),
        ])
    }

    func action(for key: Key, _ ctx: AppContext) -> Action? {
        return listAction(for: key, ctx, move: Action.move)
    }

    mutating func update(_ action: Action, _ ctx: AppContext) -> [AppCommand] {
        switch action {
        case .move(let key): _ = table.handle(key, pageSize: 8)
        case .close: return [.pop]
        }
        return []
    }

    func statusHint(_ ctx: AppContext) -> StatusMessage? { loadError.map { StatusMessage($0, kind: .error) } }

    mutating func render(into buffer: inout ScreenBuffer, area: Rect, _ ctx: AppContext) -> Point? {
        let s = ctx.strings
        let theme = ctx.theme
        buffer.write(centre.name, x: area.x + 1, y: area.y, style: theme.labelFocused, maxWidth: area.width - 2)
        let columns = [
            TableColumn(s[.columnRecorded], width: 10), TableColumn(s[.columnChange], width: 25),
            TableColumn(s[.columnDecision]),
        ]
        let rows = changes
        let tableHeight = area.height - 6
        table.render(into: &buffer, rect: Rect(x: area.x, y: area.y + 1, width: area.width, height: tableHeight),
                     columns: columns, sortColumn: nil, ascending: true, theme: theme, cells: { row in
                         let change = rows[row]
                         let from = change.from.map { s.name($0) + " → " } ?? s[.historyCreated] + " → "
                         return [LocalDate(date: change.recordedAt, timeZone: .current).vietnamese,
                                 from + s.name(change.to),
                                 Self.decisionText(change.decision, s)]
                     })
        let detailTop = area.y + 1 + tableHeight
        buffer.write(String(repeating: "─", count: area.width), x: area.x, y: detailTop, style: theme.border)
        guard rows.indices.contains(table.selected) else { return nil }
        let change = rows[table.selected]
        let lines = [
            s[.detailDecision] + " " + Self.decisionText(change.decision, s),
            s[.fieldStatusReason] + ": " + (change.reason.isEmpty ? s[.detailNone] : change.reason),
            change.mergedInto.map { s(.mergedIntoSummary, $0) } ?? "",
            s[.detailRecordedAt] + " " + Timestamp.display(change.recordedAt),
        ]
        for (i, line) in lines.enumerated() {
            buffer.write(line, x: area.x + 1, y: detailTop + 1 + i, style: theme.normal, maxWidth: area.width - 2)
        }
        return nil
    }

    static func decisionText(_ decision: Decision, _ s: Strings) -> String {
        decision.isEmpty ? s[.detailNone]
            : s(.decisionSummary, decision.number, decision.date?.vietnamese ?? "—", decision.issuer)
    }
}
