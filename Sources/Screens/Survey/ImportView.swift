import Domain
import Foundation
import Storage
import TerminalUI

/// What the import screen draws: the file, then the mapping of its columns, the refused rows, or the count.
extension ImportScreen {
    mutating func render(into buffer: inout ScreenBuffer, area: Rect, _ ctx: AppContext) -> Point? {
        let s = ctx.strings
        let theme = ctx.theme
        buffer.write(path.isEmpty ? s[.importChooseFile] : path, x: area.x + 1, y: area.y, style: theme.labelFocused,
                     maxWidth: area.width - 2)
        switch stage {
        case .choosingFile:
            break
        case .mapping, .running:
            renderMapping(into: &buffer, area: area, ctx)
        case .failed(let reportPath):
            renderProblems(into: &buffer, area: area, reportPath: reportPath, ctx)
        case .done(let count):
            buffer.write(s(.importDone, count), x: area.x + 1, y: area.y + 2, style: theme.ok, maxWidth: area.width - 2)
        }
        return nil
    }

    /// The refusal and where its report is, then as many problems as fit, each wrapped whole; F3 shows them all.
    private func renderProblems(into buffer: inout ScreenBuffer, area: Rect, reportPath: String, _ ctx: AppContext) {
        let s = ctx.strings
        let theme = ctx.theme
        let width = area.width - 4
        let problems = report?.problems ?? []
        let total = report?.total ?? 0
        var y = area.y + 1
        for line in DisplayWidth.wrap(s(.importFailed, total, reportPath), width: area.width - 2) where y < area.maxY {
            buffer.write(line, x: area.x + 1, y: y, style: theme.error)
            y += 1
        }
        y += 1
        let questionnaire = importer.engine.questionnaire
        var shown = 0
        for problem in problems {
            let lines = DisplayWidth.wrap(s.line(problem, questionnaire), width: width - 2)
            // The last row is kept for the count of those not shown.
            guard y + lines.count < area.maxY - (total > shown + 1 ? 1 : 0) else { break }
            for (i, line) in lines.enumerated() {
                buffer.write(line, x: area.x + (i == 0 ? 2 : 4), y: y, style: theme.normal)
                y += 1
            }
            shown += 1
        }
        if total > shown {
            buffer.write(s(.importMoreProblems, total - shown), x: area.x + 2, y: area.maxY - 1, style: theme.dim,
                         maxWidth: width)
        }
    }

    private mutating func renderMapping(into buffer: inout ScreenBuffer, area: Rect, _ ctx: AppContext) {
        let s = ctx.strings
        let headers = self.headers
        let sample = samples.first ?? []
        let mapping = self.mapping
        let questionnaire = importer.engine.questionnaire
        buffer.write(columnsRead(s), x: area.x + 1, y: area.y + 1, style: ctx.theme.dim, maxWidth: area.width - 2)
        columns.render(
            into: &buffer, rect: tableRect(in: area),
            columns: [TableColumn(s[.importColumnHeader], width: 24), TableColumn(s[.importColumnSample], width: 20),
                      TableColumn(s[.importColumnQuestion])],
            sortColumn: nil, ascending: true, theme: ctx.theme,
            cells: { row in
                let header = headers[row]
                let target: String
                switch mapping[header] {
                case nil: target = s[.importUnmapped]
                case SurveyImport.ignore? where SurveyImport.isMetadataColumn(header): target = s[.importMetadataColumn]
                case SurveyImport.ignore?: target = s[.importIgnoreColumn]
                case let id?: target = questionnaire.question(id).map { s.text($0.label) } ?? id
                }
                return [header, row < sample.count ? sample[row] : "", target]
            },
            rowStyle: { row in mapping[headers[row]] == nil ? ctx.theme.warning : nil })
    }
}
