import Domain
import TerminalUI

/// Drawing of the board screen: members beside the checklist, details below.
extension BoardScreen {
    static let detailHeight = 6
    static let memberPaneWidth = 44

    /// The members' table on the left, the checklist on the right, the details underneath.
    func layout(in area: Rect) -> (members: Rect, rules: Rect, detail: Rect) {
        let paneHeight = area.height - 1 - Self.detailHeight - 1
        let members = Rect(x: area.x, y: area.y + 1, width: Self.memberPaneWidth, height: paneHeight)
        let rules = Rect(x: members.maxX + 1, y: members.y, width: area.width - members.width - 1, height: paneHeight)
        let detail = Rect(x: area.x + 1, y: members.maxY + 1, width: area.width - 2, height: Self.detailHeight)
        return (members, rules, detail)
    }

    mutating func render(into buffer: inout ScreenBuffer, area: Rect, _ ctx: AppContext) -> Point? {
        let s = ctx.strings
        let theme = ctx.theme
        let dateText = s(.checkDateShown, asOf.vietnamese)
        buffer.write(centre.name, x: area.x + 1, y: area.y, style: theme.labelFocused,
                     maxWidth: area.width - DisplayWidth.of(dateText) - 3)
        buffer.write(dateText, x: area.maxX - DisplayWidth.of(dateText) - 1, y: area.y, style: theme.dim)
        let (left, right, detail) = layout(in: area)
        for y in left.y..<left.maxY { buffer.write("│", x: left.maxX, y: y, style: theme.border) }

        let people = members
        let date = asOf
        var focusedTheme = theme
        if pane != .members { focusedTheme.selection = theme.labelFocused }
        memberTable.render(
            into: &buffer, rect: left,
            columns: [TableColumn(s[.columnPerson]), TableColumn(s[.columnRole], width: 9),
                      TableColumn(s[.columnTerm], width: 12)],
            sortColumn: nil, ascending: true, theme: focusedTheme,
            cells: { row in
                let m = people[row]
                let term: String
                switch m.termState(on: date) {
                case .current: term = s[.termCurrent]
                case .notStarted: term = s[.termNotStarted]
                case .ended: term = s(.termEndedShort, m.termEnd?.vietnamese ?? "")
                }
                return [m.fullName, s.shortName(m.role), term]
            },
            rowStyle: { row in people[row].isCurrent(on: date) ? nil : theme.dim })
        if members.isEmpty {
            buffer.write(s.emptyHint(.boardEmptyHint, .boardEmptyReadOnly, canAdd: ctx.can(.editBoards)), x: left.x + 1, y: left.y + 2, style: theme.dim, maxWidth: left.width - 2)
        }

        let results = report.results
        var rulesTheme = theme
        if pane != .rules { rulesTheme.selection = theme.labelFocused }
        ruleTable.render(
            into: &buffer, rect: right,
            columns: [TableColumn("", width: 1), TableColumn(s(.checklistHeader, report.errorCount, report.warningCount))],
            sortColumn: nil, ascending: true, theme: rulesTheme,
            cells: { row in [s.mark(results[row].outcome), s.text(results[row].rule.title)] },
            rowStyle: { row in results[row].isError ? theme.error : (results[row].isWarning ? theme.warning : theme.ok) })

        buffer.rule(x: area.x, y: left.maxY, width: area.width, style: theme.border)
        var lines: [String] = []
        var styles: [Style?] = []
        for row in pane == .members ? memberDetail(ctx) : ruleDetail(ctx) {
            for line in DisplayWidth.wrap(row.text, width: detail.width) {
                lines.append(line)
                styles.append(row.style)
            }
        }
        DetailPane.draw(lines, into: &buffer, rect: detail, ctx, styles: styles)
        return nil
    }

    func memberDetail(_ ctx: AppContext) -> [(text: String, style: Style?)] {
        let s = ctx.strings
        guard let m = selectedMember else { return [] }
        var person = m.fullName + " · " + s.name(m.sex)
        if let year = m.birthYear { person += " · " + String(year) }
        if !m.phone.isEmpty { person += " · " + m.phone }
        let role = [s.name(m.role), s.name(m.homeBody), s.name(m.position), s.name(m.employment)].joined(separator: " · ")
        let decision = m.decision.isEmpty ? s[.detailNone]
            : s(.decisionSummary, m.decision.number, m.decision.date?.vietnamese ?? "—", m.decision.issuer)
        var term = s(.termFrom, m.termStart?.vietnamese ?? "—")
        if let end = m.termEnd { term += " " + s(.termTo, end.vietnamese) }
        switch m.termState(on: asOf) {
        case .current: term += " " + s[.termOngoing]
        case .notStarted: term += " " + s[.termNotStartedNote]
        case .ended: break
        }
        term += " · " + s(.trainingsThisYear, asOf.year, m.trainings(in: asOf.year).count)
        return [
            (person, ctx.theme.labelFocused), (role + (m.post.isEmpty ? "" : " · " + m.post), nil),
            (s[.detailDecision] + " " + decision, nil), (term, nil),
            (s[.fieldDuties] + ": " + (m.duties.isEmpty ? s[.detailNone] : m.duties), nil),
        ]
    }

    func ruleDetail(_ ctx: AppContext) -> [(text: String, style: Style?)] {
        let s = ctx.strings
        guard let result = selectedResult else { return [] }
        let severity = result.rule.severity == .error ? s[.severityError] : s[.severityWarning]
        var lines: [(text: String, style: Style?)] = [
            (s.mark(result.outcome) + " " + s.text(result.rule.title) + " · " + severity + " · "
                + s.text(result.rule.basis), ctx.theme.labelFocused),
        ]
        let style = result.isError ? ctx.theme.error : (result.isWarning ? ctx.theme.warning : nil)
        for finding in result.findings { lines.append((s.describe(finding), style)) }
        if result.outcome == .pass { lines.append((s[.rulePasses], ctx.theme.ok)) }
        if result.outcome == .fail { lines.append((s[.whatToDo] + " " + s.text(result.rule.remedy), nil)) }
        return lines
    }
}
