import Domain
import TerminalUI

/// Drawing of the roster: the search and filter line, the table, and the details of the selected centre.
extension RosterScreen {
    static let detailHeight = 4

    mutating func render(into buffer: inout ScreenBuffer, area: Rect, _ ctx: AppContext) -> Point? {
        let s = ctx.strings
        let theme = ctx.theme
        var cursor: Point?
        // Search and filter line.
        let label = s[.searchLabel] + " "
        var x = area.x + 1
        x += buffer.write(label, x: x, y: area.y, style: isSearching ? theme.labelFocused : theme.label)
        var field = search
        let point = field.render(into: &buffer, rect: Rect(x: x, y: area.y, width: 24, height: 1),
                                 style: isSearching ? theme.inputFocused : theme.input)
        if isSearching { cursor = point }
        x += 26
        let statusText = listing.status.map { s.name($0) } ?? listing.rank.map { s(.rosterRankFilter, s.name($0)) }
            ?? s[.filterAll]
        x += buffer.write(s[.filterLabel] + " ", x: x, y: area.y, style: theme.label)
        x += buffer.write(statusText, x: x, y: area.y, style: theme.section) + 2
        let count = s(.rosterCount, shown.count, entries.count)
        buffer.write(count, x: area.maxX - DisplayWidth.of(count) - 1, y: area.y, style: theme.dim)

        let tableRect = self.tableRect(in: area)
        let columns = [
            TableColumn(s[.columnCode], width: 8), TableColumn(s[.columnName]),
            TableColumn(s[.columnCommune], width: 10),
            bundles == nil ? TableColumn(s[.columnModel], width: 8) : TableColumn(s[.rosterColumnBundle], width: 9),
            TableColumn(s[.columnStatus], width: 10), TableColumn(s[.columnFacilities], width: 4, alignRight: true),
            TableColumn(s[.columnBoard], width: 3), TableColumn(s[.columnPlan], width: 2),
            TableColumn(s[.columnRank], width: 3), TableColumn(s[.columnUpdated], width: 8),
        ]
        let rows = shown
        checkBoards(of: rows[table.visibleRange(height: tableRect.height)], ctx)
        let reports = boardReports
        let plans = approvedPlans
        let bundles = self.bundles
        // The board column is not a sort column: map the sort column to its place among the shown ones.
        let sortIndex = Self.columns.firstIndex(of: listing.sortColumn).map { $0 >= 6 ? $0 + 3 : $0 }
            .flatMap { bundles != nil && $0 == 3 ? nil : $0 }
        table.render(
            into: &buffer, rect: tableRect, columns: columns, sortColumn: sortIndex, ascending: listing.ascending,
            theme: theme,
            cells: { row in
                var cells = Self.cells(rows[row], board: reports[rows[row].id], planApproved: plans.contains(rows[row].id), ctx)
                if let bundles { cells[3] = bundles.cell(rows[row].id, ctx) }
                return cells
            },
            rowStyle: { row in rows[row].communeIsUnknown ? theme.warning : nil })
        if shown.isEmpty {
            let text = entries.isEmpty ? s.emptyHint(.rosterEmptyHint, .rosterEmptyReadOnly, canAdd: ctx.can(.editCentres)) : s[.rosterNoMatch]
            buffer.write(text, x: tableRect.x + 2, y: tableRect.y + 2, style: theme.dim, maxWidth: tableRect.width - 4)
        }
        let detailTop = tableRect.maxY
        buffer.rule(x: area.x, y: detailTop, width: area.width, style: theme.border)
        if let entry = selectedEntry {
            let rect = Rect(x: area.x + 1, y: detailTop + 1, width: area.width - 2, height: detailRows)
            let rows = details(entry, ctx)
            var styles: [Style?] = [theme.labelFocused]
            if entry.communeIsUnknown { styles.append(theme.warning) }
            DetailPane.draw(DetailPane.lines(rows, width: rect.width), into: &buffer, rect: rect, ctx, styles: styles)
        }
        return cursor
    }

    /// "✓" when the board meets every rule, "✗n" with n errors, "!n" with only warnings, "" for a centre that
    /// no longer works.
    static func boardMark(_ report: BoardReport?) -> String {
        guard let report else { return "" }
        if report.errorCount > 0 { return "✗\(report.errorCount)" }
        if report.warningCount > 0 { return "!\(report.warningCount)" }
        return "✓"
    }

    static func cells(_ entry: CentreListEntry, board: BoardReport?, planApproved: Bool, _ ctx: AppContext) -> [String] {
        let s = ctx.strings
        let centre = entry.centre
        let commune: String
        if let code = centre.communeCode, let unit = ctx.units.unit(code: code) {
            commune = unit.short
        } else {
            commune = "! " + (centre.communeCode.map(String.init) ?? "—")
        }
        let updated = centre.updatedAt.map { date -> String in
            let day = LocalDate(date: date, timeZone: .current)
            return String(format: "%02d/%02d/%02d", day.day, day.month, day.year % 100)
        } ?? ""
        return [
            centre.code, s.withoutCentrePrefix(centre.name), commune, s.shortName(centre.model),
            s.shortName(centre.status), "\(centre.facilitiesPresent)/\(FacilityKind.allCases.count)", boardMark(board),
            board == nil ? "" : (planApproved ? "✓" : "✗"),
            entry.lastRank.map { s.shortName($0) + (entry.needsReview ? "!" : "") } ?? "", updated,
        ]
    }

    /// What the roster knows of a centre, label beside value: the pane under the table, and Ctrl-V whole.
    func details(_ entry: CentreListEntry, _ ctx: AppContext) -> [(label: String, value: String)] {
        let s = ctx.strings
        let centre = entry.centre
        var first = centre.name
        if centre.isPilot { first += " · " + s[.pilotBadge] }
        let commune = entry.communeName ?? s(.communeNotInList, centre.communeCode.map(String.init) ?? "—")
        let address = centre.address.isEmpty ? commune : centre.address + " · " + commune
        let decision = centre.establishment.isEmpty ? s[.detailNone]
            : s(.decisionSummary, centre.establishment.number, centre.establishment.date?.vietnamese ?? "—",
                centre.establishment.issuer)
        var status = s.name(centre.status)
        if centre.status != .active {
            status += " · " + s(.decisionSummary, centre.statusDecision.number,
                                centre.statusDecision.date?.vietnamese ?? "—", centre.statusDecision.issuer)
            if let target = centre.mergedInto { status += " · " + s(.mergedIntoSummary, target) }
        }
        status += " · " + s(.venueCount, centre.venues.count)
        if let rank = entry.lastRank, let year = entry.lastRankYear {
            status += " · " + s(.rosterLastRank, s.name(rank), year)
            if entry.needsReview { status += " · " + s[.evaluationReviewFlag] }
        }
        var rows: [(label: String, value: String)] = [("", first), (s[.detailAddress], address), (s[.detailEstablished], decision), (s[.columnStatus], status)]
        if let bundles { rows.append((s[.rosterColumnBundle], bundles.detail(entry.id, ctx) ?? s[.rosterBundleOwn])) }
        return rows
    }
}
