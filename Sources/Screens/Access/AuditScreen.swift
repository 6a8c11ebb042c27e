import Domain
import Storage
import TerminalUI

/// The audit trail, newest first, filtered by record, person and dates, with each field before and after.
struct AuditScreen: KeyedScreen {
    enum Action: Sendable, Equatable {
        case move(Key), filterRecord, filterPerson, filterFrom, filterTo, clearFilters, close
        case promptKey(Key), pickerKey(Key)
    }

    enum PromptTopic: Equatable { case record, from, to }

    private(set) var entries: [AuditEntry] = []
    private(set) var filter = AuditFilter()
    var table = TableState()
    var prompt: PromptDialog?
    private var promptTopic: PromptTopic?
    var picker: ChoiceList?

    init(ctx: AppContext) { reload(ctx) }

    mutating func reload(_ ctx: AppContext) {
        entries = (try? ctx.database.auditEntries(filter)) ?? []
        table.setRowCount(entries.count)
        table.select(0)
    }

    func title(_ ctx: AppContext) -> String { ctx.strings[.auditTitle] }

    func keymap(_ ctx: AppContext) -> Keymap<Action> {
        let s = ctx.strings
        return Keymap([
            .function(3, ctrl: "f", action: .filterRecord, label: s[.keyRecord], help: s[.helpAuditRecord]),
            .function(5, ctrl: "p", action: .filterPerson, label: s[.keyPerson], help: s[.helpAuditPerson]),
            .function(6, action: .filterFrom, label: s[.keyFromDate], help: s[.helpAuditFrom]),
            .function(7, action: .filterTo, label: s[.keyToDate], help: s[.helpAuditTo]),
            .function(8, action: .clearFilters, label: s[.keyClearFilters], help: s[.helpAuditClear]),
            .function(10, also: [.escape], action: .close, label: s[.keyClose], help: s[.helpBoardClose]),
            KeyBinding(keys: [.up, .down, .pageUp, .pageDown], action: .move(.down), help: s[.helpTableMove]),
        ])
    }

    func action(for key: Key, _ ctx: AppContext) -> Action? {
        if prompt != nil { return .promptKey(key) }
        if picker != nil { return .pickerKey(key) }
        return listAction(for: key, ctx, move: Action.move)
    }

    mutating func update(_ action: Action, _ ctx: AppContext) -> [AppCommand] {
        let s = ctx.strings
        switch action {
        case .move(let key): _ = table.handle(key, pageSize: 8)
        case .close: return [.pop]
        case .clearFilters:
            filter = AuditFilter()
            reload(ctx)
        case .filterRecord: ask(.record, s[.auditFilterRecordLabel], filter.record ?? "", ctx)
        case .filterFrom: ask(.from, s[.auditFilterFromLabel], filter.from?.vietnamese ?? "", ctx)
        case .filterTo: ask(.to, s[.auditFilterToLabel], filter.to?.vietnamese ?? "", ctx)
        case .filterPerson:
            let people = ((try? ctx.database.accounts()) ?? []).map { ChoiceItem(id: $0.username, label: "\($0.username) · \($0.fullName)") }
            picker = ChoiceList(items: [ChoiceItem(id: "", label: s[.auditEveryone]),
                                        ChoiceItem(id: Actor.system.username, label: s[.auditSystem])] + people,
                                selectedID: filter.username ?? "")
        case .pickerKey(let key):
            guard var list = picker else { return [] }
            switch list.handle(key) {
            case .picked(let item):
                picker = nil
                filter.username = item.id.isEmpty ? nil : item.id
                reload(ctx)
            case .cancelled: picker = nil
            default: picker = list
            }
        case .promptKey(let key):
            guard var dialog = prompt, let topic = promptTopic else { return [] }
            switch dialog.handle(key) {
            case .editing: prompt = dialog
            case .cancelled: prompt = nil
            case .submitted(let text):
                let trimmed = text.cleanedInput
                switch topic {
                case .record: filter.record = trimmed.isEmpty ? nil : trimmed
                case .from, .to:
                    let date = LocalDate(typed: trimmed)
                    if !trimmed.isEmpty && date == nil {
                        dialog.message = s[.problemDateInvalid]
                        prompt = dialog
                        return []
                    }
                    if topic == .from { filter.from = date } else { filter.to = date }
                }
                prompt = nil
                reload(ctx)
            }
        }
        return []
    }

    private mutating func ask(_ topic: PromptTopic, _ label: String, _ text: String, _ ctx: AppContext) {
        promptTopic = topic
        prompt = PromptDialog(title: ctx.strings[.auditFilterTitle], label: label, text: text, maxLength: 60)
    }

    func statusHint(_ ctx: AppContext) -> StatusMessage? { StatusMessage(ctx.strings(.auditCount, entries.count)) }

    mutating func render(into buffer: inout ScreenBuffer, area: Rect, _ ctx: AppContext) -> Point? {
        let s = ctx.strings
        let theme = ctx.theme
        let none = s[.filterAll]
        let filters = [s[.auditFilterPerson] + " " + (filter.username ?? none),
                       s[.auditFilterRecord] + " " + (filter.record ?? none),
                       s[.auditFilterDates] + " " + (filter.from?.vietnamese ?? "…") + " – " + (filter.to?.vietnamese ?? "…")]
        buffer.write(filters.joined(separator: " · "), x: area.x + 1, y: area.y, style: theme.label, maxWidth: area.width - 2)
        let rows = entries
        let tableHeight = area.height - 8
        table.render(into: &buffer, rect: Rect(x: area.x, y: area.y + 1, width: area.width, height: tableHeight),
                     columns: [TableColumn(s[.columnWhen], width: 16), TableColumn(s[.columnWho], width: 11),
                               TableColumn(s[.columnAction], width: 12), TableColumn(s[.columnRecord])],
                     sortColumn: nil, ascending: true, theme: theme,
                     cells: { row in
                         let e = rows[row]
                         return [Timestamp.display(e.at), e.username, s.auditAction(e.action), e.recordType + " " + e.recordID]
                     })
        let top = area.y + 1 + tableHeight
        buffer.write(String(repeating: "─", count: area.width), x: area.x, y: top, style: theme.border)
        if rows.indices.contains(table.selected) {
            let entry = rows[table.selected]
            var lines = [s(.auditEntryHeader, entry.id, String(entry.hash.prefix(16)))]
            lines += entry.changes.map { change in
                change.field + ": " + (change.before ?? "∅") + " → " + (change.after ?? "∅")
            }
            for (i, line) in lines.prefix(6).enumerated() {
                buffer.write(line, x: area.x + 1, y: top + 1 + i, style: i == 0 ? theme.dim : theme.normal,
                             maxWidth: area.width - 2)
            }
        }
        if var dialog = prompt {
            let cursor = dialog.render(into: &buffer, area: area, theme: theme, footer: s[.promptFooter])
            prompt = dialog
            return cursor
        }
        if var list = picker {
            let rect = area.centred(width: 50, height: min(area.height - 2, 14))
            let cursor = list.render(into: &buffer, rect: rect, theme: theme, title: s[.auditFilterPerson],
                                     filterLabel: s[.choiceFilter], emptyText: s[.choiceNoMatch])
            picker = list
            return cursor
        }
        return nil
    }
}
