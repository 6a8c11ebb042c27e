import Domain
import TerminalUI

/// Drawing of the evaluation: the status line, the criteria table, and the selected criterion's evidence.
extension EvaluationScreen {
    mutating func render(into buffer: inout ScreenBuffer, area: Rect, _ ctx: AppContext) -> Point? {
        let s = ctx.strings
        let theme = ctx.theme
        guard let criteria, let evaluation else {
            buffer.write(loadError ?? "", x: area.x + 1, y: area.y + 1, style: theme.error, maxWidth: area.width - 2)
            return nil
        }
        let rank = evaluation.rank.map { s.name($0) }
            ?? evaluation.selfRank.map { s(.evaluationSelfRank, s.name($0)) } ?? "—"
        // The officer's total says what the TĐ column shows: nothing before any item is assessed, and how many are.
        let assessed = evaluation.items.filter { $0.officerScore != nil }
        let officerTotal = assessed.reduce(0) { $0 + ($1.officerScore ?? 0) }
        let officer = assessed.isEmpty ? "—" : assessed.count == criteria.items.count ? String(officerTotal)
            : s(.evaluationAssessedSoFar, officerTotal, assessed.count, criteria.items.count)
        let summary = s(.evaluationSummary, s.name(status), evaluation.selfTotal, criteria.maximum, officer, rank)
        buffer.write(summary, x: area.x + 1, y: area.y, style: theme.labelFocused, maxWidth: area.width - 2)
        let second = needsReview ? s[.evaluationReviewFlag] : s.text(criteria.basis)
        buffer.write(second, x: area.x + 1, y: area.y + 1, style: needsReview ? theme.warning : theme.dim,
                     maxWidth: area.width - 2)
        let rows = items
        let me = self
        table.render(into: &buffer, rect: tableRect(in: area), columns: columns(s), sortColumn: nil, ascending: true,
                     theme: theme, cells: { row in me.cells(rows[row], ctx) },
                     rowStyle: { row in evaluation.item(rows[row].id)?.isAdjusted == true ? theme.warning : nil })
        let detailTop = tableRect(in: area).maxY
        buffer.rule(x: area.x, y: detailTop, width: area.width, style: theme.border)
        if let item = selectedItem {
            let rect = Rect(x: area.x + 1, y: detailTop + 1, width: area.width - 2, height: area.maxY - detailTop - 1)
            DetailPane.draw(DetailPane.lines(details(item, ctx), width: rect.width), into: &buffer, rect: rect, ctx,
                            firstStyle: theme.labelFocused)
        }
        return nil
    }

    func columns(_ s: Strings) -> [TableColumn] {
        [TableColumn(s[.columnCriterion]), TableColumn(s[.columnEvidence], width: 24),
         TableColumn(s[.columnSelfScore], width: 5, alignRight: true),
         TableColumn(s[.columnOfficerScore], width: 5, alignRight: true),
         TableColumn(s[.columnPoints], width: 4, alignRight: true)]
    }

    func cells(_ item: CriterionItem, _ ctx: AppContext) -> [String] {
        let s = ctx.strings
        let assessed = evaluation?.item(item.id)
        let evidence = assessed?.value.map { (assessed?.override != nil ? "* " : "") + s.describe($0) } ?? s[.evidenceNone]
        return [s.text(item.title), evidence, assessed?.selfScore.map(String.init) ?? "—",
                assessed?.officerScore.map(String.init) ?? "—", String(item.points)]
    }

    /// The criterion whole: its group, what it asks, the evidence and where it came from, the scores and words.
    func details(_ item: CriterionItem, _ ctx: AppContext) -> [(label: String, value: String)] {
        let s = ctx.strings
        let assessed = evaluation?.item(item.id) ?? ItemAssessment(itemID: item.id)
        var rows: [(label: String, value: String)] = [
            ("", (criteria?.group(of: item.id).map { s.text($0.title) + " · " } ?? "") + s.text(item.title)),
        ]
        if let value = assessed.evidence {
            rows.append((s[.detailEvidence], s.describe(value) + " · " + s(.evidenceFrom, s.source(value.kind))))
        } else {
            rows.append((s[.detailEvidence], s[.evidenceNone]))
        }
        if let value = assessed.override {
            rows.append((s[.detailOverride], s.describe(value) + " · " + assessed.overrideReason))
        }
        if !assessed.selfNote.isEmpty { rows.append((s[.detailSelfNote], assessed.selfNote)) }
        if !assessed.officerComment.isEmpty { rows.append((s[.detailOfficerComment], assessed.officerComment)) }
        rows.append((s[.detailAsks], s.text(item.asks)))
        return rows
    }
}
