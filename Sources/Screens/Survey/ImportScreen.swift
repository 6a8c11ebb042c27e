import Domain
import Foundation
import Storage
import TerminalUI

/// Importing forms from a CSV file (Excel, KoboToolbox, ODK): choose the file, check how its columns map to
/// the questions (the mapping is saved for the next file with the same columns), then check every row with a
/// progress bar. Any problem imports nothing and writes a report beside the file.
struct ImportScreen: KeyedScreen {
    enum Stage: Equatable {
        case choosingFile
        case mapping
        case checking
        case failed(reportPath: String)
        case done(count: Int)
    }

    enum Action: Sendable, Equatable {
        case move(Key), chooseFile, fileChosen(String), changeMapping, columnMapped(String), run, viewProblems, close
    }

    let campaign: SurveyCampaign
    let centre: Centre
    let importer: SurveyImport
    private(set) var stage = Stage.choosingFile
    private(set) var path = ""
    private(set) var table: CSVTable?
    private(set) var mapping: [String: String] = [:]
    private(set) var run: ImportRun?
    var columns = TableState()
    var modal: Modal<Action>?
    var viewport = Rect.standardArea

    init(ctx: AppContext, campaign: SurveyCampaign, centre: Centre, questionnaire: Questionnaire, path: String = "") {
        self.campaign = campaign
        self.centre = centre
        importer = SurveyImport(engine: SurveyEngine(questionnaire: questionnaire, villages: centre.villages))
        let start = path.isEmpty ? (ProcessInfo.processInfo.environment["HOME"] ?? "") + "/" : path
        askFile(start, problem: nil, ctx)
    }

    /// Asks for the file; Esc before any file was read closes the screen.
    private mutating func askFile(_ text: String, problem: String?, _ ctx: AppContext) {
        var dialog = PromptDialog(title: ctx.strings[.importTitle], label: ctx.strings[.importFileLabel], text: text,
                                  maxLength: 400)
        if let problem { dialog = dialog.refused(problem) }
        modal = .prompt(dialog, submit: Reply(Action.fileChosen), cancel: table == nil ? .close : nil)
    }

    var currentCentreID: Int64? { centre.id }

    var hasPendingWork: Bool { stage == .checking }

    func title(_ ctx: AppContext) -> String { ctx.strings(.importScreenTitle, campaign.title) }

    func keymap(_ ctx: AppContext) -> Keymap<Action> {
        let s = ctx.strings
        var bindings: [KeyBinding<Action>] = []
        if stage == .mapping {
            bindings.append(.function(2, shortcut: .save, action: .run, label: s[.keyCheckImport], help: s[.helpImportRun]))
            bindings.append(.function(4, also: [.enter], action: .changeMapping, label: s[.keyMapColumn],
                                      help: s[.helpImportMap]))
        }
        if case .failed = stage {
            bindings.append(.function(3, also: [.enter], shortcut: .viewWhole, action: .viewProblems,
                                      label: s[.keyViewProblems], help: s[.helpImportProblems]))
        }
        if stage != .checking {
            bindings.append(.function(5, action: .chooseFile, label: s[.keyChooseFile], help: s[.helpImportChooseFile]))
        }
        bindings.append(.function(10, also: [.escape], action: .close, label: s[.keyClose], help: s[.helpBoardClose]))
        bindings.append(ListKeys.move(.move(.down), ctx))
        return Keymap(bindings)
    }

    func action(for key: Key, _ ctx: AppContext) -> Action? { listAction(for: key, ctx, move: Action.move) }

    func tableRect(in area: Rect) -> Rect { Rect(x: area.x, y: area.y + 2, width: area.width, height: area.height - 2) }

    mutating func update(_ action: Action, _ ctx: AppContext) -> [AppCommand] {
        let s = ctx.strings
        switch action {
        case .move(let key): _ = columns.handle(key, pageSize: Self.pageSize(of: tableRect(in: viewport)))
        case .close: return [.pop]
        case .chooseFile:
            askFile(path.isEmpty ? (ProcessInfo.processInfo.environment["HOME"] ?? "") + "/" : path, problem: nil, ctx)
        case .fileChosen(let text):
            let chosen = text.cleanedInput
            do {
                let read = try CSVFiles.read(path: chosen)
                path = chosen
                table = read
                let saved = try? ctx.database.importMapping(for: SurveyImport.signature(of: read.headers))
                mapping = saved ?? importer.suggestedMapping(for: read.headers)
                columns.setRowCount(read.headers.count)
                stage = .mapping
                return [.message(StatusMessage(s(.importRead, read.rows.count, read.headers.count)))]
            } catch let error as CSVFileError {
                askFile(text, problem: s.describe(error), ctx)
            } catch {
                askFile(text, problem: s.readFailure(error), ctx)
            }
        case .changeMapping:
            guard let headers = table?.headers, headers.indices.contains(columns.selected) else { return [] }
            let header = headers[columns.selected]
            let items = [ChoiceItem(id: SurveyImport.ignore, label: s[.importIgnoreColumn])]
                + importer.engine.questionnaire.questions.map { ChoiceItem(id: $0.id, label: s.text($0.label)) }
            modal = .picker(PickerDialog(title: s(.importMapTitle, header), items: items, selectedID: mapping[header]),
                            pick: Reply(Action.columnMapped))
        case .columnMapped(let question):
            guard let headers = table?.headers, headers.indices.contains(columns.selected) else { return [] }
            mapping[headers[columns.selected]] = question
        case .viewProblems:
            guard let run else { return [] }
            view(TextViewer(title: s[.importProblemsTitle], paragraphs: run.problems.map { problem in
                s(.importProblemLine, problem.row + 1, problem.column, problem.value, s.describe(problem.reason))
            }))
        case .run:
            guard let table else { return [] }
            let existing = (try? ctx.database.responses(campaignID: campaign.id ?? 0)) ?? []
            run = ImportRun(importer: importer, headers: table.headers, rows: table.rows, mapping: mapping,
                            campaignID: campaign.id ?? 0, existing: existing)
            stage = .checking
        }
        return []
    }

    /// Checks the next slice of rows; at the end, imports everything or writes the report.
    mutating func tick(_ ctx: AppContext) -> [AppCommand] {
        guard stage == .checking, var current = run else { return [] }
        let finished = current.step(rows: 200)
        run = current
        guard finished else { return [] }
        return finish(ctx)
    }

    private mutating func finish(_ ctx: AppContext) -> [AppCommand] {
        let s = ctx.strings
        guard let run, let table else { return [] }
        if run.problems.isEmpty && run.responses.isEmpty {
            // Only a header row: nothing is written, not even the column mapping.
            stage = .mapping
            return [.message(StatusMessage(s(.importNothing, path), kind: .warning))]
        }
        if run.problems.isEmpty {
            do {
                try ctx.database.importResponses(run.responses, fileName: (path as NSString).lastPathComponent,
                                                 sha256: try CSVFiles.sha256(path: path), by: ctx.actor,
                                                 at: ctx.clock.now)
                try? ctx.database.saveImportMapping(mapping, for: SurveyImport.signature(of: table.headers), by: ctx.actor,
                                                    at: ctx.clock.now)
                stage = .done(count: run.responses.count)
                return [.changed(.survey(centreID: centre.id ?? 0, campaignID: campaign.id ?? 0)),
                        .message(StatusMessage(s(.importDone, run.responses.count)))]
            } catch {
                stage = .mapping
                return [.message(StatusMessage(s.saveFailure(error), kind: .error))]
            }
        }
        let report = ImportReport.path(for: path)
        do {
            try ImportReport.write(run.problems, to: report, style: ctx.database.csvStyle(), strings: s)
        } catch {
            stage = .mapping
            return [.message(StatusMessage(s.describe(error as? CSVFileError ?? .unwritable(path: report, reason: SystemError(error))),
                                           kind: .error))]
        }
        stage = .failed(reportPath: report)
        return [.message(StatusMessage(s(.importFailed, run.problems.count, report), kind: .error))]
    }

    mutating func render(into buffer: inout ScreenBuffer, area: Rect, _ ctx: AppContext) -> Point? {
        let s = ctx.strings
        let theme = ctx.theme
        buffer.write(path.isEmpty ? s[.importChooseFile] : path, x: area.x + 1, y: area.y, style: theme.labelFocused,
                     maxWidth: area.width - 2)
        switch stage {
        case .choosingFile:
            break
        case .mapping:
            renderMapping(into: &buffer, area: area, ctx)
        case .checking:
            if let run {
                ProgressBar.render(into: &buffer, rect: Rect(x: area.x + 2, y: area.y + 3, width: area.width - 4, height: 1),
                                   done: run.processed, total: run.rows.count, caption: s[.importChecking], theme: theme)
            }
        case .failed(let report):
            let problems = run?.problems ?? []
            buffer.write(s(.importFailed, problems.count, report), x: area.x + 1, y: area.y + 2, style: theme.error,
                         maxWidth: area.width - 2)
            let room = area.height - 5
            let shown = problems.count > room ? Array(problems.prefix(room - 1)) : problems
            if problems.count > room {
                buffer.write(s(.importMoreProblems, problems.count - shown.count), x: area.x + 2, y: area.maxY - 1,
                             style: theme.dim, maxWidth: area.width - 4)
            }
            for (i, problem) in shown.enumerated() {
                let line = s(.importProblemLine, problem.row + 1, problem.column, problem.value, s.describe(problem.reason))
                buffer.write(line, x: area.x + 2, y: area.y + 4 + i, style: theme.normal, maxWidth: area.width - 4)
            }
        case .done(let count):
            buffer.write(s(.importDone, count), x: area.x + 1, y: area.y + 2, style: theme.ok, maxWidth: area.width - 2)
        }
        return nil
    }

    private mutating func renderMapping(into buffer: inout ScreenBuffer, area: Rect, _ ctx: AppContext) {
        let s = ctx.strings
        guard let table else { return }
        let sample = table.rows.first ?? []
        let mapping = self.mapping
        let questionnaire = importer.engine.questionnaire
        buffer.write(s(.importRead, table.rows.count, table.headers.count), x: area.x + 1, y: area.y + 1,
                     style: ctx.theme.dim, maxWidth: area.width - 2)
        columns.render(
            into: &buffer, rect: tableRect(in: area),
            columns: [TableColumn(s[.importColumnHeader], width: 24), TableColumn(s[.importColumnSample], width: 20),
                      TableColumn(s[.importColumnQuestion])],
            sortColumn: nil, ascending: true, theme: ctx.theme,
            cells: { row in
                let header = table.headers[row]
                let target: String
                switch mapping[header] {
                case nil: target = s[.importUnmapped]
                case SurveyImport.ignore?: target = s[.importIgnoreColumn]
                case let id?: target = questionnaire.question(id).map { s.text($0.label) } ?? id
                }
                return [header, row < sample.count ? sample[row] : "", target]
            },
            rowStyle: { row in mapping[table.headers[row]] == nil ? ctx.theme.warning : nil })
    }
}

/// The per-row report of a refused import, written beside the file: spreadsheet row, column, value, reason.
public enum ImportReport {
    public static func path(for csv: String) -> String {
        let url = URL(fileURLWithPath: csv)
        return url.deletingPathExtension().path + "-loi-nhap.csv"
    }

    public static func write(_ problems: [ImportProblem], to path: String, style: CSVStyle, strings s: Strings) throws {
        try write(ImportProblemReport(problems), to: path, style: style, strings: s)
    }

    /// The problems kept in full, then the total and the count of each kind.
    public static func write(_ report: ImportProblemReport, to path: String, style: CSVStyle, strings s: Strings) throws {
        var rows = report.problems.map { [String($0.row + 1), $0.column, $0.value, s.describe($0.reason)] }
        rows.append([])
        rows.append([s[.importReportTotal], String(report.total)])
        for kind in ImportProblem.Kind.allCases {
            if let count = report.countByKind[kind] { rows.append([s.name(kind), String(count)]) }
        }
        if report.omitted > 0 { rows.append([s(.importReportOmitted, report.problems.count, report.omitted)]) }
        try CSVFiles.write(path: path, style: style, headers: [s[.reportRow], s[.reportColumn], s[.reportValue], s[.reportReason]],
                           rows: rows)
    }
}
