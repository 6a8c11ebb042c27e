import Domain
import Storage
import TerminalUI

/// The audit trail, newest first, filtered by centre, person and dates, with each field before and after, in the
/// words of the people who read it (see ``AuditWords``).
struct AuditScreen: KeyedScreen, Equatable {
    enum Action: Sendable, Equatable {
        case move(Key), filterRecord, filterPerson, filterFrom, filterTo, clearFilters, viewWhole, close
        case centrePicked(String), personPicked(String), fromEntered(String), toEntered(String)
    }

    private(set) var entries: [AuditEntry] = []
    /// What each entry is about, by entry id.
    private(set) var subjects: [Int64: AuditSubject] = [:]
    /// The names of the centres the entries point to by id.
    private(set) var centreNames: [Int64: String] = [:]
    private(set) var campaignTitles: [Int64: String] = [:]
    private(set) var filter = AuditFilter()
    /// The name of the centre filtered on, for the filter line.
    private(set) var centreName: String?
    var table = TableState()
    var modal: Modal<Action>?
    var viewport = Rect.standardArea

    static let detailHeight = 7

    init(ctx: AppContext) { reload(ctx) }

    mutating func reload(_ ctx: AppContext) {
        entries = (try? ctx.database.auditEntries(filter)) ?? []
        subjects = (try? ctx.database.auditSubjects(for: entries)) ?? [:]
        centreNames = (try? ctx.database.auditCentreNames(for: entries)) ?? [:]
        campaignTitles = (try? ctx.database.auditCampaignTitles(for: entries)) ?? [:]
        table.setRowCount(entries.count)
        table.select(0)
    }

    mutating func changed(_ change: Change, _ ctx: AppContext) { reload(ctx) }

    func title(_ ctx: AppContext) -> String { ctx.strings[.auditTitle] }

    func keymap(_ ctx: AppContext) -> Keymap<Action> {
        let s = ctx.strings
        return Keymap([
            .function(3, shortcut: .find, action: .filterRecord, label: s[.keyRecord], help: s[.helpAuditRecord]),
            .function(5, action: .filterPerson, label: s[.keyPerson], help: s[.helpAuditPerson]),
            .function(6, action: .filterFrom, label: s[.keyFromDate], help: s[.helpAuditFrom]),
            .function(7, action: .filterTo, label: s[.keyToDate], help: s[.helpAuditTo]),
            .function(8, action: .clearFilters, label: s[.keyClearFilters], help: s[.helpAuditClear]),
            .function(10, also: [.escape], action: .close, label: s[.keyClose], help: s[.helpBoardClose]),
            ListKeys.viewWhole(.viewWhole, ctx),
            ListKeys.move(.move(.down), ctx),
        ])
    }

    func action(for key: Key, _ ctx: AppContext) -> Action? { listAction(for: key, ctx, move: Action.move) }

    func tableRect(in area: Rect) -> Rect {
        Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1 - Self.detailHeight - 1)
    }

    mutating func update(_ action: Action, _ ctx: AppContext) -> [AppCommand] {
        let s = ctx.strings
        switch action {
        case .move(let key): _ = table.handle(key, pageSize: Self.pageSize(of: tableRect(in: viewport)))
        case .close: return [.pop]
        case .clearFilters:
            filter = AuditFilter()
            centreName = nil
            reload(ctx)
        case .viewWhole:
            guard entries.indices.contains(table.selected) else { return [] }
            let lines = detailLines(entries[table.selected], ctx)
            view(TextViewer(title: lines[0], paragraphs: Array(lines.dropFirst())))
        case .filterRecord:
            // Each name keyed once, not at every comparison: a province holds thousands of centres.
            let centres = ((try? ctx.database.centres(provinceCode: nil)) ?? [])
                .map { (key: VietnameseCollation.key($0.name), centre: $0) }.sorted { $0.key < $1.key }.map(\.centre)
            modal = .picker(PickerDialog(title: s[.auditFilterCentreTitle],
                                         items: [ChoiceItem(id: "", label: s[.auditEveryCentre])]
                                             + centres.map { ChoiceItem(id: $0.code, label: $0.code + " · " + $0.name) },
                                         selectedID: filter.centre?.code ?? ""),
                            pick: Reply(Action.centrePicked))
        case .filterFrom: ask(s[.auditFilterFromLabel], filter.from?.vietnamese ?? "", Reply(Action.fromEntered), ctx)
        case .filterTo: ask(s[.auditFilterToLabel], filter.to?.vietnamese ?? "", Reply(Action.toEntered), ctx)
        case .filterPerson:
            let people = ((try? ctx.database.accounts()) ?? []).map { ChoiceItem(id: $0.username, label: "\($0.username) · \($0.fullName)") }
            modal = .picker(PickerDialog(title: s[.auditFilterPerson],
                                         items: [ChoiceItem(id: "", label: s[.auditEveryone]),
                                                 ChoiceItem(id: Actor.system.username, label: s[.auditSystem])] + people,
                                         selectedID: filter.username ?? ""),
                            pick: Reply(Action.personPicked))
        case .personPicked(let username):
            filter.username = username.isEmpty ? nil : username
            reload(ctx)
        case .centrePicked(let code):
            let centre = code.isEmpty ? nil : try? ctx.database.centre(code: code)
            filter.centre = centre.flatMap { centre in centre.id.map { ($0, centre.code) } }
            centreName = centre?.name
            reload(ctx)
        case .fromEntered(let text), .toEntered(let text):
            let trimmed = text.cleanedInput
            let date = LocalDate(typed: trimmed)
            let isFrom: Bool
            if case .fromEntered = action { isFrom = true } else { isFrom = false }
            if !trimmed.isEmpty && date == nil {
                ask(s[isFrom ? .auditFilterFromLabel : .auditFilterToLabel], text,
                    Reply(isFrom ? Action.fromEntered : Action.toEntered), ctx, problem: s[.problemDateInvalid])
                return []
            }
            if isFrom { filter.from = date } else { filter.to = date }
            reload(ctx)
        }
        return []
    }

    private mutating func ask(_ label: String, _ text: String, _ answer: Reply<Action>, _ ctx: AppContext,
                              problem: String? = nil) {
        var dialog = PromptDialog(title: ctx.strings[.auditFilterTitle], label: label, text: text, maxLength: 60)
        if let problem { dialog = dialog.refused(problem) }
        modal = .prompt(dialog, submit: answer)
    }

    /// The entry whole: its number and hash, what it is about, then each field before and after.
    func detailLines(_ entry: AuditEntry, _ ctx: AppContext) -> [String] {
        wordsOnScreen(ctx).lines(entry, subject: subjects[entry.id])
    }

    /// The words with the names of the centres these entries point to.
    func wordsOnScreen(_ ctx: AppContext) -> AuditWords {
        var words = Self.words(ctx)
        words.centreNames = centreNames
        words.campaignTitles = campaignTitles
        return words
    }

    static func words(_ ctx: AppContext) -> AuditWords {
        AuditWords(s: ctx.strings, units: ctx.units, questionnaire: ShippedQuestionnaire.current)
    }

    func statusHint(_ ctx: AppContext) -> StatusMessage? { StatusMessage(ctx.strings(.auditCount, entries.count)) }

    mutating func render(into buffer: inout ScreenBuffer, area: Rect, _ ctx: AppContext) -> Point? {
        let s = ctx.strings
        let theme = ctx.theme
        let none = s[.filterAll]
        let filters = [s[.auditFilterPerson] + " " + (filter.username ?? none),
                       s[.auditFilterCentre] + " " + (centreName.map(s.abbreviated(centreName:)) ?? none),
                       s[.auditFilterDates] + " " + (filter.from?.vietnamese ?? "…") + " – " + (filter.to?.vietnamese ?? "…")]
        buffer.write(filters.joined(separator: " · "), x: area.x + 1, y: area.y, style: theme.label, maxWidth: area.width - 2)
        let rows = entries
        let subjects = self.subjects
        let words = wordsOnScreen(ctx)
        let rect = tableRect(in: area)
        table.render(into: &buffer, rect: rect,
                     columns: [TableColumn(s[.columnWhen], width: 16), TableColumn(s[.columnWho], width: 11),
                               TableColumn(s[.columnAction], width: 12), TableColumn(s[.columnRecord])],
                     sortColumn: nil, ascending: true, theme: theme,
                     cells: { row in
                         let e = rows[row]
                         let about = subjects[e.id].map(words.subject) ?? words.recordType(e.recordType) ?? e.recordType
                         return [Timestamp.display(e.at), e.username, words.action(e.action) ?? e.action, about]
                     })
        buffer.rule(x: area.x, y: rect.maxY, width: area.width, style: theme.border)
        if rows.indices.contains(table.selected) {
            let lines = detailLines(rows[table.selected], ctx).flatMap { DisplayWidth.wrap($0, width: area.width - 2) }
            DetailPane.draw(lines, into: &buffer, rect: Rect(x: area.x + 1, y: rect.maxY + 1, width: area.width - 2,
                                                             height: Self.detailHeight), ctx, firstStyle: theme.dim)
        }
        return nil
    }
}
