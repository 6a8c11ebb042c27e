import Domain
import Storage
import TerminalUI

/// Every centre's evaluation of a year, the ones not started included: the education officer's list of what
/// awaits assessment, filtered by status; Enter opens a centre's evaluation.
struct EvaluationsScreen: KeyedScreen, Equatable {
    enum Action: Sendable, Equatable { case move(Key), open, cycleFilter, askYear, yearEntered(String), viewWhole, close }

    struct Row: Equatable, Sendable {
        let centre: Centre
        let summary: EvaluationSummary?
        let needsReview: Bool
    }

    private(set) var year: Int
    private(set) var rows: [Row] = []
    private(set) var shown: [Row] = []
    /// nil: all; .some(nil): not started; .some(status).
    private(set) var filter: EvaluationStatus??
    private(set) var maximum = 0
    private var loadError: String?
    var table = TableState()
    var modal: Modal<Action>?
    var viewport = Rect.standardArea

    init(ctx: AppContext, year: Int) {
        self.year = year
        reload(ctx)
    }

    var selected: Row? { shown.indices.contains(table.selected) ? shown[table.selected] : nil }

    mutating func reload(_ ctx: AppContext) {
        do {
            let summaries = try ctx.database.evaluationSummaries(year: year)
            let ranks = try ctx.database.confirmedRanks()
            maximum = EvaluationRules.shipped?.set(year: year, province: ctx.office?.provinceCode)?.maximum ?? 0
            let centres = try ctx.database.centres(provinceCode: ctx.office?.provinceCode).filter { centre in
                (ctx.office?.covers(centre, units: ctx.units) ?? true)
                    && (centre.status == .active || centre.status == .suspended || summaries[centre.id ?? 0] != nil)
            }
            rows = centres.sorted { VietnameseCollation.key($0.name) < VietnameseCollation.key($1.name) }.map { centre in
                Row(centre: centre, summary: summaries[centre.id ?? 0],
                    needsReview: RankReview.flaggedYear(ranks[centre.id ?? 0] ?? [:]) != nil)
            }
            loadError = nil
        } catch {
            rows = []
            loadError = ctx.strings.readFailure(error)
        }
        applyFilter()
    }

    private mutating func applyFilter() {
        shown = filter.map { wanted in rows.filter { $0.summary?.status == wanted } } ?? rows
        table.setRowCount(shown.count)
    }

    mutating func changed(_ change: Change, _ ctx: AppContext) {
        switch change {
        case .evaluation, .centre, .settings: reload(ctx)
        default: break
        }
    }

    var currentCentreID: Int64? { selected?.centre.id }

    func title(_ ctx: AppContext) -> String { ctx.strings(.evaluationsTitle, year) }

    func keymap(_ ctx: AppContext) -> Keymap<Action> {
        let s = ctx.strings
        return Keymap([
            .function(3, action: .askYear, label: s[.keyYear], help: s[.helpEvaluationsYear]),
            .function(4, also: [.enter], action: .open, label: s[.keyOpen], help: s[.helpEvaluationsOpen]),
            .function(5, shortcut: .filter, action: .cycleFilter, label: s[.keyFilter], help: s[.helpEvaluationsFilter]),
            ListKeys.viewWhole(.viewWhole, ctx),
            .function(10, also: [.escape], action: .close, label: s[.keyClose], help: s[.helpBoardClose]),
            ListKeys.move(.move(.down), ctx),
        ])
    }

    func action(for key: Key, _ ctx: AppContext) -> Action? { listAction(for: key, ctx, move: Action.move) }

    func tableRect(in area: Rect) -> Rect { Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1) }

    mutating func update(_ action: Action, _ ctx: AppContext) -> [AppCommand] {
        let s = ctx.strings
        switch action {
        case .move(let key): _ = table.handle(key, pageSize: Self.pageSize(of: tableRect(in: viewport)))
        case .close: return [.pop]
        case .open:
            guard let id = selected?.centre.id else { return [] }
            return [.open(.evaluation(centreID: id, year: year))]
        case .viewWhole:
            guard let row = selected else { return [] }
            view(.row(title: row.centre.name, columns: columns(s), cells: cells(row, s)))
        case .cycleFilter:
            let all: [EvaluationStatus??] = [nil, .some(nil)] + EvaluationStatus.allCases.map { .some($0) }
            let index = all.firstIndex { $0 == filter } ?? 0
            filter = all[(index + 1) % all.count]
            applyFilter()
        case .askYear: askYear(String(year), ctx, answer: Reply(Action.yearEntered))
        case .yearEntered(let text):
            guard let typed = readYear(text, ctx, answer: Reply(Action.yearEntered)) else { return [] }
            year = typed
            reload(ctx)
        }
        return []
    }

    func columns(_ s: Strings) -> [TableColumn] {
        [TableColumn(s[.columnCode], width: 8), TableColumn(s[.columnName]), TableColumn(s[.columnStatus], width: 16),
         TableColumn(s[.columnScore], width: 7, alignRight: true), TableColumn(s[.columnRankLong], width: 10),
         TableColumn("", width: 1)]
    }

    func cells(_ row: Row, _ s: Strings) -> [String] {
        let total = row.summary.map { $0.status == .selfAssessing ? $0.selfTotal : $0.total }
        return [row.centre.code, s.withoutCentrePrefix(row.centre.name), s.name(row.summary?.status),
                total.map { "\($0)/\(maximum)" } ?? "", row.summary?.rank.map { s.name($0) } ?? "",
                row.needsReview ? "!" : ""]
    }

    mutating func render(into buffer: inout ScreenBuffer, area: Rect, _ ctx: AppContext) -> Point? {
        let s = ctx.strings
        let theme = ctx.theme
        let filterText = filter.map { s.name($0) } ?? s[.filterAll]
        buffer.write(s(.evaluationsHeader, filterText, shown.count, rows.count), x: area.x + 1, y: area.y,
                     style: theme.label, maxWidth: area.width - 2)
        let list = shown
        let me = self
        table.render(into: &buffer, rect: tableRect(in: area), columns: columns(s), sortColumn: nil, ascending: true,
                     theme: theme, cells: { row in me.cells(list[row], s) },
                     rowStyle: { row in list[row].needsReview ? theme.warning : nil })
        if shown.isEmpty {
            buffer.write(loadError ?? s[.evaluationsEmpty], x: area.x + 2, y: area.y + 3, style: theme.dim,
                         maxWidth: area.width - 4)
        }
        return nil
    }

    func statusHint(_ ctx: AppContext) -> StatusMessage? {
        if let loadError { return StatusMessage(loadError, kind: .error) }
        if selected?.needsReview == true { return StatusMessage(ctx.strings[.evaluationReviewFlag], kind: .warning) }
        return nil
    }
}
