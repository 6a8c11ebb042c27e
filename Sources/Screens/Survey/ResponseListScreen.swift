import Domain
import Storage
import TerminalUI

/// The forms of a campaign, found by serial number or name (marks optional), opened for correction or deleted
/// after a question. The list holds each form's list row (``ResponseRow``: columns and search text), never the
/// forms themselves: a campaign of a hundred thousand forms stays within tens of megabytes.
struct ResponseListScreen: KeyedScreen, Equatable {
    enum Action: Sendable, Equatable {
        case move(Key), open, delete, deleteConfirmed(responseID: Int64, serial: String), viewWhole, close
        /// A key typed into the search line (part of the screen, not a pop-up).
        case searchKey(Key)
    }

    let campaign: SurveyCampaign
    let centre: Centre
    let questionnaire: Questionnaire
    private(set) var all: [ResponseRow] = []
    private(set) var shown: [ResponseRow] = []
    private(set) var search = TextField("", maxLength: 40)
    var table = TableState()
    var modal: Modal<Action>?
    var viewport = Rect.standardArea

    init(ctx: AppContext, campaign: SurveyCampaign, centre: Centre, questionnaire: Questionnaire) {
        self.campaign = campaign
        self.centre = centre
        self.questionnaire = questionnaire
        reload(ctx)
    }

    mutating func reload(_ ctx: AppContext) {
        all = (try? ctx.database.responseRows(campaignID: campaign.id ?? 0)) ?? []
        applySearch()
    }

    private mutating func applySearch() {
        let query = TextQuery(search.text)
        shown = query.isEmpty ? all : all.filter { query.matches($0.searchable) }
        table.setRowCount(shown.count)
    }

    mutating func changed(_ change: Change, _ ctx: AppContext) {
        if case .survey(_, let id) = change, id == campaign.id { reload(ctx) }
    }

    var currentCentreID: Int64? { centre.id }

    var selected: ResponseRow? { shown.indices.contains(table.selected) ? shown[table.selected] : nil }

    func title(_ ctx: AppContext) -> String { ctx.strings(.responsesTitle, campaign.title) }

    func keymap(_ ctx: AppContext) -> Keymap<Action> {
        let s = ctx.strings
        let edits = ctx.can(.editSurveys, on: centre)
        return Keymap([
            .function(4, also: [.enter], action: .open, label: s[edits ? .keyEdit : .keyView], help: s[.helpResponsesOpen]),
            edits ? .function(8, also: [.delete], action: .delete, label: s[.keyDelete], help: s[.helpResponsesDelete]) : nil,
            .function(10, also: [.escape], action: .close, label: s[.keyClose], help: s[.helpBoardClose]),
            ListKeys.viewWhole(.viewWhole, ctx),
            ListKeys.move(.move(.down), ctx),
        ].compactMap { $0 })
    }

    func helpEntries(_ ctx: AppContext) -> [(keys: String, help: String)] {
        keymap(ctx).helpLines + [(ctx.strings[.searchLabel], ctx.strings[.helpResponsesSearch])]
    }

    func action(for key: Key, _ ctx: AppContext) -> Action? {
        if key.movesSelection { return .move(key) }
        return keymap(ctx).action(for: key) ?? .searchKey(key)
    }

    func tableRect(in area: Rect) -> Rect { Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1) }

    mutating func update(_ action: Action, _ ctx: AppContext) -> [AppCommand] {
        let s = ctx.strings
        switch action {
        case .move(let key): _ = table.handle(key, pageSize: Self.pageSize(of: tableRect(in: viewport)))
        case .searchKey(let key):
            if search.handle(key) { applySearch() }
        case .close: return [.pop]
        case .open:
            guard let id = selected?.id, let campaignID = campaign.id else { return [] }
            return [.open(.surveyEntry(campaignID: campaignID, responseID: id))]
        case .viewWhole:
            guard let response = selected else { return [] }
            view(.row(title: response.serial, columns: columns(s), cells: cells(response, s)))
        case .delete:
            guard ctx.can(.editSurveys, on: centre), let r = selected else { return [] }
            let id = r.id
            confirm(s[.responseDeleteTitle], s(.responseDeleteQuestion, r.serial, r.respondentName),
                    yes: .deleteConfirmed(responseID: id, serial: r.serial), ctx)
        case .deleteConfirmed(let id, let serial):
            do {
                try ctx.database.deleteResponse(id: id, by: ctx.actor, at: ctx.clock.now)
            } catch {
                return [.message(StatusMessage(s.saveFailure(error), kind: .error))]
            }
            reload(ctx)
            return [.changed(.survey(centreID: centre.id ?? 0, campaignID: campaign.id ?? 0)),
                    .message(StatusMessage(s(.responseDeleted, serial)))]
        }
        return []
    }

    func columns(_ s: Strings) -> [TableColumn] {
        [TableColumn(s[.columnSerial], width: 12), TableColumn(s[.columnPerson], width: 20),
         TableColumn(s[.fieldVenueVillage].trimmingCharacters(in: .whitespaces), width: 8), TableColumn(s[.fieldBirthYear], width: 8),
         TableColumn(s[.columnTopics])]
    }

    func cells(_ r: ResponseRow, _ s: Strings) -> [String] {
        let topics = questionnaire.question("topics")
        let wanted = r.topics.map { code in
            topics.map { s.label(of: code, in: $0, questionnaire) } ?? String(code)
        }
        return [r.serial, r.respondentName, r.village, r.birthYear.map(String.init) ?? "", wanted.joined(separator: ", ")]
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
        let me = self
        table.render(into: &buffer, rect: tableRect(in: area), columns: me.columns(s), sortColumn: nil, ascending: true,
                     theme: theme, cells: { row in me.cells(rows[row], s) })
        return modal == nil ? cursor : nil
    }
}
