import Domain
import Storage
import TerminalUI

/// The targets dashboard: for the office's centres, the share meeting each target with a gauge against it, the
/// ranks, and a table by commune. Enter on a target lists the centres that fall short of it; "In / Xuất" (F6)
/// writes the same figures as a workbook.
struct TargetsScreen: PrintingScreen, Equatable {
    enum Action: Sendable, Equatable { case move(Key), drillDown, askYear, yearEntered(String), close, printing(PrintStep) }

    nonisolated static func printing(_ step: PrintStep) -> Action { .printing(step) }

    func printJobs(_ ctx: AppContext) -> [PrintJob] { [.targets(year: year)] }

    private(set) var year: Int
    private(set) var centres: [CentreTargetFacts] = []
    private(set) var summary = TargetSummary([], targets: TargetSet())
    private var loadError: String?
    var table = TableState(rowCount: TargetMeasure.allCases.count)
    /// The first commune the table by commune shows: a province has more communes than the screen has lines.
    private(set) var communeScroll = 0
    /// How many communes the last frame showed, for PgUp/PgDn.
    private var communesShown = 1
    var modal: Modal<Action>?
    var viewport = Rect.standardArea

    init(ctx: AppContext, year: Int) {
        self.year = year
        reload(ctx)
    }

    var selectedMeasure: TargetMeasure? {
        TargetMeasure.allCases.indices.contains(table.selected) ? TargetMeasure.allCases[table.selected] : nil
    }

    mutating func reload(_ ctx: AppContext) {
        do {
            guard let rules = EvaluationRules.shipped else { throw EvaluationRules.Missing() }
            let office = ctx.office
            centres = try rules.targetFacts(ctx.database, year: year, provinceCode: office?.provinceCode,
                                            compliance: ctx.boardCompliance, today: ctx.clock.today)
                .filter { office?.communeCode == nil || $0.communeCode == office?.communeCode }
            summary = TargetSummary(centres, targets: rules.catalog.targets)
            loadError = nil
        } catch {
            centres = []
            loadError = ctx.strings.readFailure(error)
        }
    }

    mutating func changed(_ change: Change, _ ctx: AppContext) {
        if change != .accounts { reload(ctx) }
    }

    func title(_ ctx: AppContext) -> String { ctx.strings(.targetsTitle, year) }

    func keymap(_ ctx: AppContext) -> Keymap<Action> {
        let s = ctx.strings
        return Keymap([
            .function(3, action: .askYear, label: s[.keyYear], help: s[.helpEvaluationsYear]),
            .function(4, also: [.enter], action: .drillDown, label: s[.keyShortfall], help: s[.helpTargetsDrillDown]),
            printBinding(ctx, function: 6),
            .function(10, also: [.escape], action: .close, label: s[.keyClose], help: s[.helpBoardClose]),
            KeyBinding(keys: [.up, .down, .home, .end], action: .move(.down), help: s[.helpTableMove]),
            KeyBinding(keys: [.pageDown, .pageUp], action: .move(.pageDown), help: s[.helpTargetsCommunePage]),
        ])
    }

    func action(for key: Key, _ ctx: AppContext) -> Action? {
        [.up, .down, .home, .end, .pageUp, .pageDown].contains(key) ? .move(key) : keymap(ctx).action(for: key)
    }

    mutating func update(_ action: Action, _ ctx: AppContext) -> [AppCommand] {
        let s = ctx.strings
        switch action {
        case .move(.pageDown):
            communeScroll = min(max(0, summary.byCommune.count - communesShown), communeScroll + communesShown)
        case .move(.pageUp): communeScroll = max(0, communeScroll - communesShown)
        case .move(let key): _ = table.handle(key, pageSize: TargetMeasure.allCases.count)
        case .close: return [.pop]
        case .printing(let step): return printStep(step, ctx)
        case .drillDown:
            guard let measure = selectedMeasure else { return [] }
            let short = TargetSummary.shortOf(measure, in: centres)
            let lines = short.isEmpty ? [s[.targetsNoShortfall]] : short.map { centre in
                [centre.code, centre.name, centre.communeCode.flatMap { ctx.units.unit(code: $0)?.short } ?? ""]
                    .joined(separator: " · ")
            }
            view(TextViewer(title: s(.targetsShortfallTitle, s.name(measure), short.count), paragraphs: lines))
        case .askYear: askYear(String(year), ctx, answer: Reply(Action.yearEntered))
        case .yearEntered(let text):
            guard let typed = readYear(text, ctx, answer: Reply(Action.yearEntered)) else { return [] }
            year = typed
            reload(ctx)
        }
        return []
    }

    mutating func render(into buffer: inout ScreenBuffer, area: Rect, _ ctx: AppContext) -> Point? {
        let s = ctx.strings
        let theme = ctx.theme
        if let loadError {
            buffer.write(loadError, x: area.x + 1, y: area.y + 1, style: theme.error, maxWidth: area.width - 2)
            return nil
        }
        buffer.write(s(.targetsHeading, year, centres.count), x: area.x + 1, y: area.y, style: theme.labelFocused,
                     maxWidth: area.width - 2)
        // One gauge per target: the share filled, a mark where the target lies.
        let labelWidth = 28, captionWidth = 22
        let gaugeWidth = max(10, area.width - labelWidth - captionWidth - 4)
        for (row, share) in summary.shares.enumerated() {
            let y = area.y + 2 + row
            let selected = row == table.selected
            buffer.write(DisplayWidth.pad(s.name(share.measure), to: labelWidth), x: area.x + 1, y: y,
                         style: selected ? theme.selection : theme.label, maxWidth: labelWidth)
            let filled = share.of == 0 ? 0 : gaugeWidth * share.met / share.of
            let mark = min(gaugeWidth - 1, gaugeWidth * share.target / 100)
            var gauge = Array(String(repeating: "█", count: filled) + String(repeating: "░", count: gaugeWidth - filled))
            if mark >= filled { gauge[mark] = "│" }
            buffer.write(String(gauge), x: area.x + 2 + labelWidth, y: y,
                         style: share.isReached ? theme.section : theme.warning)
            buffer.write(s(.targetsShareCaption, share.met, share.of, share.percent, share.target),
                         x: area.maxX - captionWidth - 1, y: y, style: theme.normal, maxWidth: captionWidth)
        }
        let ranksY = area.y + 3 + summary.shares.count
        let ranks = Rank.allCases.map { "\(s.name($0)) \(summary.ranks[$0] ?? 0)" } + [s(.targetsUnranked, summary.unranked)]
        buffer.write(s[.targetsRanks] + " " + ranks.joined(separator: " · "), x: area.x + 1, y: ranksY,
                     style: theme.normal, maxWidth: area.width - 2)
        // The table by commune: one row each, the share of every target in percent.
        let tableTop = ranksY + 2
        guard tableTop < area.maxY else { return nil }
        func line(_ cells: [String]) -> String {
            DisplayWidth.pad(cells[0], to: 16) + cells.dropFirst().map { " " + DisplayWidth.pad($0, to: 8, alignRight: true) }.joined()
        }
        buffer.fill(Rect(x: area.x, y: tableTop, width: area.width, height: 1), style: theme.header)
        buffer.write(line([s[.columnCommune]] + TargetMeasure.allCases.map { s.shortName($0) }), x: area.x + 1,
                     y: tableTop, style: theme.header, maxWidth: area.width - 2)
        let communes = summary.byCommune
        let rows = area.maxY - tableTop - 1
        guard rows > 0 else { return nil }
        // When not all fit, the last line says how many more there are below, and PgDn shows them.
        let start = min(communeScroll, max(0, communes.count - 1))
        let remaining = communes.count - start
        let fits = remaining <= rows ? remaining : max(1, rows - 1)
        communesShown = fits
        for (row, commune) in communes.dropFirst(start).prefix(fits).enumerated() {
            let name = commune.commune.flatMap { ctx.units.unit(code: $0)?.short } ?? "—"
            let reached = commune.shares.allSatisfy(\.isReached)
            buffer.write(line([name] + commune.shares.map { "\($0.met)/\($0.of)" }), x: area.x + 1, y: tableTop + 1 + row,
                         style: reached ? theme.normal : theme.warning, maxWidth: area.width - 2)
        }
        if fits < remaining {
            buffer.write(s(.targetsMoreBelow, remaining - fits), x: area.x + 1, y: tableTop + 1 + fits,
                         style: theme.dim, maxWidth: area.width - 2)
        }
        return nil
    }
}
