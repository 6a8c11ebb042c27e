import Domain
import Foundation
import Storage
import TerminalUI

/// Importing forms from a CSV file (Excel, KoboToolbox, ODK): pick the file from a folder list, check how its
/// columns map to the questions (only the header and a few rows are read for that), then check and import
/// every row on a thread of its own (``ImportJob``) while a progress box shows rows, speed and time left; Esc
/// stops it with nothing imported. The mapping is saved before the check, so it outlives a refused file. Any
/// problem imports nothing and writes a report beside the file.
struct ImportScreen: KeyedScreen {
    enum Stage: Equatable {
        case choosingFile
        case mapping
        case running
        case failed(reportPath: String)
        case done(count: Int)
    }

    enum Action: Sendable, Equatable {
        case move(Key), chooseFile, picked(String), fileChosen(String), changeMapping, columnMapped(String), run
        case cancel, viewProblems, backToMapping, close
    }

    /// Data rows read to show examples beside each column.
    static let sampleRows = 3

    let campaign: SurveyCampaign
    let centre: Centre
    let importer: SurveyImport
    var stage = Stage.choosingFile
    var path = ""
    var headers: [String] = []
    var samples: [[String]] = []
    var mapping: [String: String] = [:]
    var job: ImportJob?
    var report: ImportProblemReport?
    var columns = TableState()
    var modal: Modal<Action>?
    var viewport = Rect.standardArea

    init(ctx: AppContext, campaign: SurveyCampaign, centre: Centre, questionnaire: Questionnaire) {
        self.campaign = campaign
        self.centre = centre
        importer = SurveyImport(engine: SurveyEngine(questionnaire: questionnaire, villages: centre.villages))
        openFolder(startFolder(ctx), ctx)
    }

    var currentCentreID: Int64? { centre.id }

    var hasPendingWork: Bool { job != nil }

    /// Quitting during an import asks first, as for unsaved work.
    var hasUnsavedChanges: Bool { job != nil }

    func title(_ ctx: AppContext) -> String { ctx.strings(.importScreenTitle, campaign.title) }

    func keymap(_ ctx: AppContext) -> Keymap<Action> {
        let s = ctx.strings
        var bindings: [KeyBinding<Action>] = []
        switch stage {
        case .mapping:
            bindings.append(.function(2, shortcut: .save, action: .run, label: s[.keyCheckImport], help: s[.helpImportRun]))
            bindings.append(.function(4, also: [.enter], action: .changeMapping, label: s[.keyMapColumn],
                                      help: s[.helpImportMap]))
        case .failed:
            bindings.append(.function(2, shortcut: .save, action: .run, label: s[.keyCheckImport], help: s[.helpImportRun]))
            bindings.append(.function(3, also: [.enter], shortcut: .viewWhole, action: .viewProblems,
                                      label: s[.keyViewProblems], help: s[.helpImportProblems]))
            bindings.append(.function(4, action: .backToMapping, label: s[.keyMapColumn], help: s[.helpImportBackToMapping]))
        case .choosingFile, .running, .done:
            break
        }
        if stage != .running {
            bindings.append(.function(5, action: .chooseFile, label: s[.keyChooseFile], help: s[.helpImportChooseFile]))
        }
        bindings.append(.function(10, also: [.escape], action: .close, label: s[.keyClose], help: s[.helpBoardClose]))
        if stage == .mapping { bindings.append(ListKeys.move(.move(.down), ctx)) }
        return Keymap(bindings)
    }

    /// F1 explains the file the import expects before the keys.
    func helpEntries(_ ctx: AppContext) -> [(keys: String, help: String)] {
        let s = ctx.strings
        let about: [(StringKey, StringKey)] = [
            (.importHelpFileLabel, .importHelpFile), (.importHelpColumnsLabel, .importHelpColumns),
            (.importHelpAnswersLabel, .importHelpAnswers), (.importHelpFormatLabel, .importHelpFormat),
            (.importHelpKoboLabel, .importHelpKobo), (.importHelpProblemsLabel, .importHelpProblems),
        ]
        return about.map { (s[$0.0], s[$0.1]) } + [("", "")] + keymap(ctx).helpLines
    }

    func statusHint(_ ctx: AppContext) -> StatusMessage? {
        stage == .choosingFile ? StatusMessage(ctx.strings[.importChooseHint]) : nil
    }

    func action(for key: Key, _ ctx: AppContext) -> Action? { listAction(for: key, ctx, move: Action.move) }

    func tableRect(in area: Rect) -> Rect { Rect(x: area.x, y: area.y + 2, width: area.width, height: area.height - 2) }

    mutating func update(_ action: Action, _ ctx: AppContext) -> [AppCommand] {
        let s = ctx.strings
        switch action {
        case .move(let key): _ = columns.handle(key, pageSize: Self.pageSize(of: tableRect(in: viewport)))
        case .close: return [.pop]
        case .chooseFile: openFolder(path.isEmpty ? startFolder(ctx) : (path as NSString).deletingLastPathComponent, ctx)
        case .picked(let id): return picked(id, ctx)
        case .fileChosen(let text): return fileChosen(text.cleanedInput, ctx)
        case .changeMapping:
            guard headers.indices.contains(columns.selected) else { return [] }
            let header = headers[columns.selected]
            let items = [ChoiceItem(id: SurveyImport.ignore, label: s[.importIgnoreColumn])]
                + importer.engine.questionnaire.questions.map { ChoiceItem(id: $0.id, label: s.text($0.label)) }
            modal = .picker(PickerDialog(title: s(.importMapTitle, header), items: items, selectedID: mapping[header]),
                            pick: Reply(Action.columnMapped))
        case .columnMapped(let question):
            guard headers.indices.contains(columns.selected) else { return [] }
            mapping[headers[columns.selected]] = question
        case .backToMapping: stage = .mapping
        case .viewProblems:
            guard let report else { return [] }
            let questionnaire = importer.engine.questionnaire
            view(TextViewer(title: s[.importProblemsTitle],
                            paragraphs: report.problems.map { s.line($0, questionnaire) } + [""] + s.summary(report)))
        case .run: return start(ctx)
        case .cancel:
            job?.cancel()
            modal = .progress(progressDialog(ctx), cancel: nil)
        }
        return []
    }

    /// Saves the mapping (so a refused file keeps it), then starts the check and import on their own thread.
    private mutating func start(_ ctx: AppContext) -> [AppCommand] {
        guard !headers.isEmpty, job == nil else { return [] }
        // Only a header row: nothing is written, not even the column mapping.
        if samples.isEmpty { return [.message(StatusMessage(ctx.strings(.importNothing, path), kind: .warning))] }
        do {
            try ctx.database.saveImportMapping(mapping, for: SurveyImport.signature(of: headers), by: ctx.actor,
                                               at: ctx.clock.now)
        } catch {
            return [.message(StatusMessage(ctx.strings.saveFailure(error), kind: .error))]
        }
        let file = SurveyFileImport(path: path, campaignID: campaign.id ?? 0, importer: importer, mapping: mapping)
        job = ImportJob.start(file, into: ctx.database, by: ctx.actor, at: ctx.clock.now)
        report = nil
        stage = .running
        modal = .progress(progressDialog(ctx), cancel: .cancel)
        return []
    }

    /// Takes the import's latest figures into the progress box, or its outcome once it has ended.
    mutating func tick(_ ctx: AppContext) -> [AppCommand] {
        guard let job else { return [] }
        guard let outcome = job.outcome else {
            if case .progress(_, let cancel)? = modal { modal = .progress(progressDialog(ctx), cancel: cancel) }
            return []
        }
        self.job = nil
        modal = nil
        return finish(outcome, ctx)
    }

    /// Quitting or signing out mid-import: stop it and wait, so the write is rolled back before the file closes.
    mutating func stopPendingWork() {
        job?.cancel()
        job?.wait(seconds: 60)
        job = nil
    }

    private mutating func finish(_ outcome: ImportJob.Outcome, _ ctx: AppContext) -> [AppCommand] {
        let s = ctx.strings
        switch outcome {
        case .imported(let batch):
            stage = .done(count: batch.rows)
            return [.changed(.survey(centreID: centre.id ?? 0, campaignID: campaign.id ?? 0)),
                    .message(StatusMessage(s(.importDone, batch.rows)))]
        case .cancelled:
            stage = .mapping
            return [.message(StatusMessage(s[.importCancelled], kind: .warning))]
        case .empty:
            stage = .mapping
            return [.message(StatusMessage(s(.importNothing, path), kind: .warning))]
        case .refused(let check):
            report = check.report
            let reportPath = ImportReport.path(for: path)
            do {
                try ImportReport.write(check.report, to: reportPath, style: ctx.database.csvStyle(), strings: s,
                                       questionnaire: importer.engine.questionnaire)
            } catch {
                stage = .mapping
                return [.message(StatusMessage(
                    s.describe(error as? CSVFileError ?? .unwritable(path: reportPath, reason: SystemError(error))), kind: .error))]
            }
            stage = .failed(reportPath: reportPath)
            return [.message(StatusMessage(s(.importFailed, check.report.total, reportPath), kind: .error))]
        case .failed(let error):
            stage = .mapping
            let text: String
            switch error {
            case let error as CSVFileError: text = s.describe(error)
            case SurveyFileImportError.changedSinceCheck, SurveyStoreError.duplicateSerial(_):
                text = s(.importChangedSinceCheck, path)
            default: text = s.saveFailure(error)
            }
            return [.message(StatusMessage(text, kind: .error))]
        }
    }

    /// What the progress box shows now: the pass, rows done against the file's rows (estimated from the bytes
    /// read while checking), rows a second and time left.
    func progressDialog(_ ctx: AppContext) -> ProgressDialog {
        let s = ctx.strings
        let title = s[.importTitle]
        if job?.isCancelling == true { return ProgressDialog(title: title, caption: s[.importCancelling]) }
        guard let progress = job?.progress else {
            return ProgressDialog(title: title, caption: s[.importCheckingCaption], detail: s[.importStarting])
        }
        let total = progress.totalRows
            ?? (progress.fraction > 0 ? max(progress.rows, Int((Double(progress.rows) / progress.fraction).rounded())) : 0)
        let caption = progress.phase == .checking ? s[.importCheckingCaption] : s[.importWritingCaption]
        // Before the first rows are read there is nothing to count: no "0/0".
        guard total > 0 else { return ProgressDialog(title: title, caption: caption, detail: s[.importStarting]) }
        return ProgressDialog(title: title, caption: caption, done: progress.rows, total: total, detail: s.describe(progress))
    }
}
