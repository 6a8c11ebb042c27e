import Domain
import Storage
import TerminalUI

/// Every working centre the office sees, with the number of broken rules, filterable by rule; Enter opens
/// the centre's board.
struct ComplianceScreen: KeyedScreen {
    enum Action: Sendable, Equatable {
        case move(Key), open, chooseRule, changeDate, close
        case pickerKey(Key), promptKey(Key)
    }

    struct Row: Sendable {
        let centre: Centre
        let report: BoardReport
    }

    private(set) var rows: [Row] = []
    private(set) var shown: [Row] = []
    private(set) var ruleFilter: String?
    private(set) var asOf: LocalDate
    var table = TableState()
    private(set) var picker: ChoiceList?
    private(set) var datePrompt: PromptDialog?
    private var loadError: String?

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
            rows = VietnameseCollation.sorted(centres, by: \.name).map { centre in
                Row(centre: centre, report: engine.check(centreID: centre.id ?? 0,
                                                         members: boards[centre.id ?? 0] ?? [], asOf: asOf))
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

    mutating func centresChanged(select: String?, _ ctx: AppContext) { reload(ctx) }

    func title(_ ctx: AppContext) -> String { ctx.strings[.complianceTitle] }

    func keymap(_ ctx: AppContext) -> Keymap<Action> {
        let s = ctx.strings
        return Keymap([
            .function(4, also: [.enter], action: .open, label: s[.keyOpenBoard], help: s[.helpComplianceOpen]),
            .function(5, ctrl: "l", action: .chooseRule, label: s[.keyFilter], help: s[.helpComplianceFilter]),
            .function(7, ctrl: "d", action: .changeDate, label: s[.keyCheckDate], help: s[.helpBoardDate]),
            .function(10, also: [.escape], action: .close, label: s[.keyClose], help: s[.helpBoardClose]),
            KeyBinding(keys: [.up, .down, .pageUp, .pageDown], action: .move(.down), help: s[.helpTableMove]),
        ])
    }

    func action(for key: Key, _ ctx: AppContext) -> Action? {
        if picker != nil { return .pickerKey(key) }
        if datePrompt != nil { return .promptKey(key) }
        return listAction(for: key, ctx, move: Action.move)
    }

    mutating func update(_ action: Action, _ ctx: AppContext) -> [AppCommand] {
        let s = ctx.strings
        switch action {
        case .move(let key): _ = table.handle(key, pageSize: 10)
        case .open:
            guard shown.indices.contains(table.selected) else { return [] }
            return [.push(BoardScreen(ctx: ctx, centre: shown[table.selected].centre, asOf: asOf))]
        case .close: return [.pop]
        case .chooseRule:
            let rules = ctx.boardRules.rules(on: asOf)
            picker = ChoiceList(items: [ChoiceItem(id: "", label: s[.filterAllRules])]
                                + rules.map { ChoiceItem(id: $0.id, label: s.text($0.title)) },
                                selectedID: ruleFilter ?? "")
        case .pickerKey(let key):
            guard var list = picker else { return [] }
            switch list.handle(key) {
            case .picked(let item):
                picker = nil
                ruleFilter = item.id.isEmpty ? nil : item.id
                applyFilter()
            case .cancelled: picker = nil
            default: picker = list
            }
        case .changeDate:
            datePrompt = PromptDialog(title: s[.checkDateTitle], label: s[.checkDateLabel], text: asOf.vietnamese,
                                      maxLength: 10)
        case .promptKey(let key):
            guard var prompt = datePrompt else { return [] }
            switch prompt.handle(key) {
            case .editing: datePrompt = prompt
            case .cancelled: datePrompt = nil
            case .submitted(let text):
                guard let date = LocalDate(typed: text) else {
                    prompt.message = s[.problemDateInvalid]
                    datePrompt = prompt
                    return []
                }
                datePrompt = nil
                asOf = date
                reload(ctx)
            }
        }
        return []
    }

    func statusHint(_ ctx: AppContext) -> StatusMessage? {
        if let loadError { return StatusMessage(loadError, kind: .error) }
        let failing = rows.filter { !$0.report.isCompliant }.count
        return StatusMessage(ctx.strings(.complianceSummary, failing, rows.count), kind: failing > 0 ? .warning : .info)
    }

    mutating func render(into buffer: inout ScreenBuffer, area: Rect, _ ctx: AppContext) -> Point? {
        let s = ctx.strings
        let theme = ctx.theme
        let filterName = ruleFilter.flatMap { id in ctx.boardRules.rules(on: asOf).first { $0.id == id } }
            .map { s.text($0.title) } ?? s[.filterAllRules]
        var x = area.x + 1
        x += buffer.write(s[.filterRuleLabel] + " ", x: x, y: area.y, style: theme.label)
        buffer.write(filterName, x: x, y: area.y, style: theme.section, maxWidth: 40)
        let dateText = s(.checkDateShown, asOf.vietnamese)
        buffer.write(dateText, x: area.maxX - DisplayWidth.of(dateText) - 1, y: area.y, style: theme.dim)
        let list = shown
        table.render(
            into: &buffer, rect: Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1),
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
        if var list = picker {
            let rect = area.centred(width: 50, height: min(area.height - 2, 16))
            let cursor = list.render(into: &buffer, rect: rect, theme: theme, title: s[.filterRuleLabel],
                                     filterLabel: s[.choiceFilter], emptyText: s[.choiceNoMatch])
            picker = list
            return cursor
        }
        if var prompt = datePrompt {
            let cursor = prompt.render(into: &buffer, area: area, theme: theme, footer: s[.promptFooter])
            datePrompt = prompt
            return cursor
        }
        return nil
    }
}
