import Domain
import Storage
import TerminalUI

/// Every working centre the office sees, with the number of broken rules, filterable by rule; Enter opens
/// the centre's board.
struct ComplianceScreen: PrintingScreen, Equatable {
    enum Action: Sendable, Equatable {
        case move(Key), open, chooseRule, rulePicked(String), changeDate, dateEntered(String), viewWhole, close
        case printing(PrintStep)
    }

    nonisolated static func printing(_ step: PrintStep) -> Action { .printing(step) }

    /// The checks of every centre on the day shown.
    func printJobs(_ ctx: AppContext) -> [PrintJob] { [.board(asOf: asOf)] }

    struct Row: Equatable, Sendable {
        let centre: Centre
        let report: BoardReport
    }

    private(set) var rows: [Row] = []
    var shown: [Row] = []
    var ruleFilter: String?
    private(set) var asOf: LocalDate
    var table = TableState()
    private var loadError: String?
    var modal: Modal<Action>?
    var viewport = Rect.standardArea

    init(ctx: AppContext, asOf: LocalDate? = nil) {
        self.asOf = asOf ?? ctx.clock.today
        reload(ctx)
    }

    mutating func reload(_ ctx: AppContext) {
        let engine = ctx.boardCompliance
        do {
            let centres = try ctx.database.centres(provinceCode: ctx.office?.provinceCode).filter { centre in
                (centre.status == .active || centre.status == .suspended)
                    && (ctx.office?.covers(centre, units: ctx.units) ?? true)
            }
            let boards = try ctx.database.boardMembers(provinceCode: ctx.office?.provinceCode)
            let staff = try ctx.database.staffMembers(provinceCode: ctx.office?.provinceCode)
            rows = VietnameseCollation.sorted(centres, by: \.name).map { centre in
                Row(centre: centre, report: engine.check(centreID: centre.id ?? 0, members: boards[centre.id ?? 0] ?? [],
                                                         staff: staff[centre.id ?? 0] ?? [], asOf: asOf))
            }
            loadError = nil
        } catch {
            rows = []
            loadError = ctx.strings.readFailure(error)
        }
        applyFilter()
    }

    private mutating func applyFilter() {
        if let ruleFilter {
            shown = rows.filter { $0.report.result(for: ruleFilter)?.outcome == .fail }
        } else {
            shown = rows
        }
        table.setRowCount(shown.count)
    }

    mutating func changed(_ change: Change, _ ctx: AppContext) {
        switch change {
        case .board, .centre, .settings, .evaluation: reload(ctx)
        case .survey, .plan, .accounts: break
        }
    }

    var currentCentreID: Int64? { shown.indices.contains(table.selected) ? shown[table.selected].centre.id : nil }

    func title(_ ctx: AppContext) -> String { ctx.strings[.complianceTitle] }

    func keymap(_ ctx: AppContext) -> Keymap<Action> {
        let s = ctx.strings
        return Keymap([
            .function(4, also: [.enter], action: .open, label: s[.keyOpenBoard], help: s[.helpComplianceOpen]),
            .function(5, shortcut: .filter, action: .chooseRule, label: s[.keyFilter], help: s[.helpComplianceFilter]),
            printBinding(ctx, function: 6),
            .function(7, action: .changeDate, label: s[.keyCheckDate], help: s[.helpBoardDate]),
            .function(10, also: [.escape], action: .close, label: s[.keyClose], help: s[.helpBoardClose]),
            ListKeys.viewWhole(.viewWhole, ctx),
            ListKeys.move(.move(.down), ctx),
        ])
    }

    func action(for key: Key, _ ctx: AppContext) -> Action? { listAction(for: key, ctx, move: Action.move) }

    func tableRect(in area: Rect) -> Rect { Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1) }

    mutating func update(_ action: Action, _ ctx: AppContext) -> [AppCommand] {
        let s = ctx.strings
        switch action {
        case .move(let key): _ = table.handle(key, pageSize: Self.pageSize(of: tableRect(in: viewport)))
        case .open:
            guard let id = currentCentreID else { return [] }
            return [.open(.board(centreID: id, asOf: asOf))]
        case .close: return [.pop]
        case .printing(let step): return printStep(step, ctx)
        case .viewWhole:
            guard shown.indices.contains(table.selected) else { return [] }
            let row = shown[table.selected]
            let failing = row.report.results.filter { $0.outcome == .fail }.map {
                (label: Marks.symbol($0.rule.severity), value: s.text($0.rule.title))
            }
            view(TextViewer.fields(title: row.centre.name,
                                   [(label: s[.columnCode], value: row.centre.code),
                                    (label: s[.columnStatus], value: s.name(row.centre.status))] + failing))
        case .chooseRule:
            let rules = ctx.boardRules.rules(on: asOf)
            modal = .picker(PickerDialog(title: s[.filterRuleLabel],
                                         items: [ChoiceItem(id: "", label: s[.filterAllRules])]
                                             + rules.map { ChoiceItem(id: $0.id, label: s.text($0.title)) },
                                         selectedID: ruleFilter ?? ""),
                            pick: Reply(Action.rulePicked))
        case .rulePicked(let id):
            ruleFilter = id.isEmpty ? nil : id
            applyFilter()
        case .changeDate:
            askCheckDate(asOf.vietnamese, ctx, answer: Reply(Action.dateEntered))
        case .dateEntered(let text):
            guard let date = readCheckDate(text, ctx, answer: Reply(Action.dateEntered)) else { return [] }
            asOf = date
            reload(ctx)
        }
        return []
    }

    func statusHint(_ ctx: AppContext) -> StatusMessage? {
        if let loadError { return StatusMessage(loadError, kind: .error) }
        let failing = rows.filter { !$0.report.isCompliant }.count
        let suspended = rows.filter { $0.centre.status == .suspended }.count
        // A suspended centre keeps its board and is checked, but is not counted as working.
        let text = suspended == 0 ? ctx.strings(.complianceSummary, failing, rows.count)
            : ctx.strings(.complianceSummarySuspended, failing, rows.count, rows.count - suspended, suspended)
        return StatusMessage(text, kind: failing > 0 ? .warning : .info)
    }

    mutating func render(into buffer: inout ScreenBuffer, area: Rect, _ ctx: AppContext) -> Point? {
        let s = ctx.strings
        let theme = ctx.theme
        let filterName = ruleFilter.flatMap { id in ctx.boardRules.rules(on: asOf).first { $0.id == id } }
            .map { s.text($0.title) } ?? s[.filterAllRules]
        var x = area.x + 1
        x += buffer.write(s[.filterRuleLabel] + " ", x: x, y: area.y, style: theme.label)
        let dateWidth = DisplayWidth.of(s(.checkDateShown, asOf.vietnamese))
        buffer.write(filterName, x: x, y: area.y, style: theme.section, maxWidth: area.maxX - x - dateWidth - 2)
        let dateText = s(.checkDateShown, asOf.vietnamese)
        buffer.write(dateText, x: area.maxX - DisplayWidth.of(dateText) - 1, y: area.y, style: theme.dim)
        let list = shown
        table.render(
            into: &buffer, rect: tableRect(in: area),
            columns: [TableColumn(s[.columnCode], width: 9), TableColumn(s[.columnName]),
                      TableColumn(s[.columnStatus], width: 10), TableColumn(s[.columnErrors], width: 4, alignRight: true),
                      TableColumn(s[.columnWarnings], width: 4, alignRight: true),
                      TableColumn(s[.columnFirstProblem], width: 24)],
            sortColumn: nil, ascending: true, theme: theme,
            cells: { row in
                let item = list[row]
                let first = item.report.results.first { $0.outcome == .fail }.map { s.text($0.rule.title) } ?? "✓"
                return [item.centre.code, s.abbreviated(centreName: item.centre.name), s.shortName(item.centre.status),
                        String(item.report.errorCount), String(item.report.warningCount), first]
            },
            rowStyle: { row in list[row].report.errorCount > 0 ? theme.error : nil })
        if list.isEmpty {
            buffer.write(s[.complianceEmpty], x: area.x + 2, y: area.y + 3, style: theme.dim, maxWidth: area.width - 4)
        }
        return nil
    }
}
