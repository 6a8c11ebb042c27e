import Domain
import Storage
import TerminalUI

/// The forms of a campaign, found by serial number or name (marks optional), opened for correction or deleted
/// after a question.
struct ResponseListScreen: KeyedScreen {
    enum Action: Sendable, Equatable { case move(Key), searchKey(Key), open, delete, close, confirmKey(Key) }

    let campaign: SurveyCampaign
    let centre: Centre
    let questionnaire: Questionnaire
    private(set) var all: [SurveyResponse] = []
    private(set) var shown: [SurveyResponse] = []
    private(set) var search = TextField("", maxLength: 40)
    var table = TableState()
    private(set) var deleteDialog: ConfirmDialog?

    init(ctx: AppContext, campaign: SurveyCampaign, centre: Centre, questionnaire: Questionnaire) {
        self.campaign = campaign
        self.centre = centre
        self.questionnaire = questionnaire
        reload(ctx)
    }

    mutating func reload(_ ctx: AppContext) {
        all = (try? ctx.database.responses(campaignID: campaign.id ?? 0)) ?? []
        applySearch()
    }

    private mutating func applySearch() {
        let query = TextQuery(search.text)
        shown = query.isEmpty ? all : all.filter { query.matches($0.serial + " " + $0.respondentName + " " + $0.village) }
        table.setRowCount(shown.count)
    }

    mutating func centresChanged(select: String?, _ ctx: AppContext) { reload(ctx) }

    func title(_ ctx: AppContext) -> String { ctx.strings(.responsesTitle, campaign.title) }

    func keymap(_ ctx: AppContext) -> Keymap<Action> {
        let s = ctx.strings
        let edits = ctx.can(.editSurveys)
        return Keymap([
            .function(4, also: [.enter], action: .open, label: s[edits ? .keyEdit : .keyView], help: s[.helpResponsesOpen]),
            edits ? .function(8, also: [.delete], action: .delete, label: s[.keyDelete], help: s[.helpResponsesDelete]) : nil,
            .function(10, also: [.escape], action: .close, label: s[.keyClose], help: s[.helpBoardClose]),
            KeyBinding(keys: [.up, .down, .pageUp, .pageDown], action: .move(.down), help: s[.helpTableMove]),
        ].compactMap { $0 })
    }

    func helpEntries(_ ctx: AppContext) -> [(keys: String, help: String)] {
        keymap(ctx).helpLines + [(ctx.strings[.searchLabel], ctx.strings[.helpResponsesSearch])]
    }

    func action(for key: Key, _ ctx: AppContext) -> Action? {
        if deleteDialog != nil { return .confirmKey(key) }
        switch key {
        case .up, .down, .pageUp, .pageDown: return .move(key)
        default: return keymap(ctx).action(for: key) ?? .searchKey(key)
        }
    }

    mutating func update(_ action: Action, _ ctx: AppContext) -> [AppCommand] {
        let s = ctx.strings
        switch action {
        case .move(let key): _ = table.handle(key, pageSize: 10)
        case .searchKey(let key):
            if search.handle(key) { applySearch() }
        case .close: return [.pop]
        case .open:
            guard shown.indices.contains(table.selected) else { return [] }
            return [.push(SurveyEntryScreen(ctx: ctx, campaign: campaign, centre: centre, questionnaire: questionnaire,
                                            editing: shown[table.selected]))]
        case .delete:
            guard shown.indices.contains(table.selected) else { return [] }
            let r = shown[table.selected]
            deleteDialog = ConfirmDialog(title: s[.responseDeleteTitle],
                                         message: s(.responseDeleteQuestion, r.serial, r.respondentName),
                                         yes: s[.yes], no: s[.no])
        case .confirmKey(let key):
            guard var dialog = deleteDialog else { return [] }
            let outcome = dialog.handle(key)
            deleteDialog = outcome == .pending ? dialog : nil
            guard outcome == .confirmed, shown.indices.contains(table.selected), let id = shown[table.selected].id else {
                return []
            }
            let serial = shown[table.selected].serial
            do {
                try ctx.database.deleteResponse(id: id, by: ctx.actor, at: ctx.clock.now)
            } catch {
                return [.message(StatusMessage(s.saveFailure(error), kind: .error))]
            }
            reload(ctx)
            return [.centresChanged(select: nil), .message(StatusMessage(s(.responseDeleted, serial)))]
        }
        return []
    }

    func statusHint(_ ctx: AppContext) -> StatusMessage? {
        StatusMessage(ctx.strings(.responsesCount, shown.count, all.count))
    }

    mutating func render(into buffer: inout ScreenBuffer, area: Rect, _ ctx: AppContext) -> Point? {
        let s = ctx.strings
        let theme = ctx.theme
        var x = area.x + 1
        x += buffer.write(s[.searchLabel] + " ", x: x, y: area.y, style: theme.label)
        let cursor = search.render(into: &buffer, rect: Rect(x: x, y: area.y, width: 30, height: 1), style: theme.inputFocused)
        let rows = shown
        let topics = questionnaire.question("topics")
        table.render(
            into: &buffer, rect: Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1),
            columns: [TableColumn(s[.columnSerial], width: 12), TableColumn(s[.columnPerson], width: 20),
                      TableColumn(s[.fieldVenueVillage].trimmingCharacters(in: .whitespaces), width: 8),
                      TableColumn(s[.fieldBirthYear], width: 8), TableColumn(s[.columnTopics])],
            sortColumn: nil, ascending: true, theme: theme,
            cells: { row in
                let r = rows[row]
                let wanted = (r.answers["topics"]?.codes ?? []).map { code in
                    topics.map { s.label(of: code, in: $0, questionnaire) } ?? String(code)
                }
                return [r.serial, r.respondentName, r.village, r.birthYear.map(String.init) ?? "", wanted.joined(separator: ", ")]
            })
        if let deleteDialog {
            deleteDialog.render(into: &buffer, area: area, theme: theme)
            return nil
        }
        return cursor
    }
}
