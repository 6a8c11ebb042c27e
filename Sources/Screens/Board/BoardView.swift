import Domain
import TerminalUI

/// Drawing of the board screen: members beside the checklist, details below.
extension BoardScreen {
    static let detailHeight = 6
    static let memberPaneWidth = 44

    mutating func render(into buffer: inout ScreenBuffer, area: Rect, _ ctx: AppContext) -> Point? {
        let s = ctx.strings
        let theme = ctx.theme
        let dateText = s(.checkDateShown, asOf.vietnamese)
        buffer.write(centre.name, x: area.x + 1, y: area.y, style: theme.labelFocused,
                     maxWidth: area.width - DisplayWidth.of(dateText) - 3)
        buffer.write(dateText, x: area.maxX - DisplayWidth.of(dateText) - 1, y: area.y, style: theme.dim)
        let paneHeight = area.height - 1 - Self.detailHeight - 1
        let left = Rect(x: area.x, y: area.y + 1, width: Self.memberPaneWidth, height: paneHeight)
        let right = Rect(x: left.maxX + 1, y: left.y, width: area.width - left.width - 1, height: paneHeight)
        for y in left.y..<left.maxY { buffer.write("│", x: left.maxX, y: y, style: theme.border) }

        let people = members
        let date = asOf
        var focusedTheme = theme
        if pane != .members { focusedTheme.selection = theme.labelFocused }
        memberTable.render(
            into: &buffer, rect: left,
            columns: [TableColumn(s[.columnPerson]), TableColumn(s[.columnRole], width: 9),
                      TableColumn(s[.columnTerm], width: 10)],
            sortColumn: nil, ascending: true, theme: focusedTheme,
            cells: { row in
                let m = people[row]
                let term = m.isCurrent(on: date) ? s[.termCurrent] : (m.termEnd.map { s(.termEndedShort, $0.vietnamese) } ?? s[.termNotStarted])
                return [m.fullName, s.shortName(m.role), term]
            },
            rowStyle: { row in people[row].isCurrent(on: date) ? nil : theme.dim })
        if members.isEmpty {
            buffer.write(s[.boardEmptyHint], x: left.x + 1, y: left.y + 2, style: theme.dim, maxWidth: left.width - 2)
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

        let detailTop = left.maxY
        buffer.write(String(repeating: "─", count: area.width), x: area.x, y: detailTop, style: theme.border)
        let detail = Rect(x: area.x + 1, y: detailTop + 1, width: area.width - 2, height: Self.detailHeight)
        let lines = pane == .members ? memberDetail(ctx) : ruleDetail(ctx)
        for (i, line) in lines.prefix(Self.detailHeight).enumerated() {
            buffer.write(line.text, x: detail.x, y: detail.y + i, style: line.style ?? theme.normal, maxWidth: detail.width)
        }
        if var prompt = datePrompt {
            let cursor = prompt.render(into: &buffer, area: area, theme: theme, footer: s[.promptFooter])
            datePrompt = prompt
            return cursor
        }
        return nil
    }

    private func memberDetail(_ ctx: AppContext) -> [(text: String, style: Style?)] {
        let s = ctx.strings
        guard let m = selectedMember else { return [] }
        var person = m.fullName + " · " + s.name(m.sex)
        if let year = m.birthYear { person += " · " + String(year) }
        if !m.phone.isEmpty { person += " · " + m.phone }
        let role = [s.name(m.role), s.name(m.homeBody), s.name(m.position), s.name(m.employment)].joined(separator: " · ")
        let decision = m.decision.isEmpty ? s[.detailNone]
            : s(.decisionSummary, m.decision.number, m.decision.date?.vietnamese ?? "—", m.decision.issuer)
        var term = s(.termFrom, m.termStart?.vietnamese ?? "—")
        term += m.termEnd.map { " " + s(.termTo, $0.vietnamese) } ?? " " + s[.termOngoing]
        term += " · " + s(.trainingsThisYear, asOf.year, m.trainings(in: asOf.year).count)
        return [
            (person, ctx.theme.labelFocused), (role + (m.post.isEmpty ? "" : " · " + m.post), nil),
            (s[.detailDecision] + " " + decision, nil), (term, nil),
            (s[.fieldDuties] + ": " + (m.duties.isEmpty ? s[.detailNone] : m.duties), nil),
        ]
    }

    private func ruleDetail(_ ctx: AppContext) -> [(text: String, style: Style?)] {
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
        if result.outcome == .fail {
            for line in DisplayWidth.wrap(s[.whatToDo] + " " + s.text(result.rule.remedy), width: 76) {
                lines.append((line, nil))
            }
        }
        return lines
    }
}
