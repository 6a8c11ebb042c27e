import Documents
import Domain
import Foundation
import Storage
import TerminalUI

/// One thing "In / Xuất" can make, with what it is made from.
enum PrintJob: Equatable, Sendable {
    case plan(planID: Int64), decision(planID: Int64), yearReport(centreID: Int64, year: Int), summary(year: Int)
    case roster, board(asOf: LocalDate), plans(centreID: Int64?, year: Int?)
    case needs(campaignID: Int64, filter: NeedsFilter), survey(campaignID: Int64), surveyCSV(campaignID: Int64, filter: NeedsFilter)
    case evaluation(centreID: Int64, year: Int), targets(year: Int)
}

/// The steps of "In / Xuất": pick what to make (when there is a choice), type the folder, confirm an overwrite.
enum PrintStep: Equatable, Sendable {
    case open
    case picked(String)
    case folder(PrintJob, String)
    case overwrite(PrintJob, String)
}

/// A screen with "In / Xuất" (the plan editor, the roster, the board checks, the needs): it names what it offers;
/// the steps are the same everywhere. Files go into the folder typed, are said on the message line, and nothing is
/// opened by itself.
protocol PrintingScreen: KeyedScreen {
    /// The screen's action that carries a step.
    nonisolated static func printing(_ step: PrintStep) -> Action
    /// What can be made from what the screen shows, in the order offered.
    func printJobs(_ ctx: AppContext) -> [PrintJob]
}

extension PrintingScreen {
    mutating func printStep(_ step: PrintStep, _ ctx: AppContext) -> [AppCommand] {
        let s = ctx.strings
        switch step {
        case .open:
            let jobs = printJobs(ctx)
            if jobs.count == 1 { return printStep(.picked("0"), ctx) }
            modal = .picker(PickerDialog(title: s[.printTitle],
                                         items: jobs.enumerated().map { ChoiceItem(id: String($0.offset), label: PrintJobs.label($0.element, ctx)) },
                                         selectedID: "0"),
                            pick: Reply { Self.printing(.picked($0)) })
        case .picked(let index):
            let jobs = printJobs(ctx)
            guard let i = Int(index), jobs.indices.contains(i) else { return [] }
            askFolder(jobs[i], folder: ctx.lastFolder ?? UserFolder.home, problem: nil, ctx)
        case .folder(let job, let typed):
            let folder = PrintJobs.folder(typed)
            if let existing = PrintJobs.paths(job, in: folder, ctx).first(where: { FileManager.default.fileExists(atPath: $0) }) {
                modal = .confirm(ConfirmDialog(title: s[.printOverwriteTitle], message: s(.printOverwriteQuestion, existing),
                                               yes: s[.yes], no: s[.no]),
                                 yes: Self.printing(.overwrite(job, folder)))
                return []
            }
            return write(job, folder, overwrite: false, ctx)
        case .overwrite(let job, let folder):
            return write(job, folder, overwrite: true, ctx)
        }
        return []
    }

    private mutating func write(_ job: PrintJob, _ folder: String, overwrite: Bool, _ ctx: AppContext) -> [AppCommand] {
        do {
            let done = try PrintJobs.make(job, in: folder, overwrite: overwrite, ctx)
            ctx.lastFolder = folder
            return [.message(StatusMessage(done))]
        } catch {
            askFolder(job, folder: folder, problem: ctx.strings.documentFailure(error), ctx)
            return []
        }
    }

    private mutating func askFolder(_ job: PrintJob, folder: String, problem: String?, _ ctx: AppContext) {
        let s = ctx.strings
        var dialog = PromptDialog(title: s[.printFolderTitle], label: s[.printFolderLabel], text: folder, maxLength: 300)
        if let problem { dialog = dialog.refused(problem) }
        modal = .prompt(dialog, submit: Reply { Self.printing(.folder(job, $0)) })
    }

    /// The key: an F-key where the screen has one free, and Ctrl-A on every screen that prints.
    func printBinding(_ ctx: AppContext, function: Int?) -> KeyBinding<Action> {
        let s = ctx.strings
        guard let function else { return .ctrl(.printExport, action: Self.printing(.open), help: s[.helpPrintExport]) }
        return .function(function, shortcut: .printExport, action: Self.printing(.open), label: s[.keyPrintExport],
                         help: s[.helpPrintExport])
    }
}

/// Making each job's files: names, paths and the writing itself.
@MainActor
enum PrintJobs {
    static func label(_ job: PrintJob, _ ctx: AppContext) -> String {
        let s = ctx.strings
        switch job {
        case .plan: return s[.printPlanDocx]
        case .decision: return s[.printDecisionDocx]
        case .yearReport(_, let year): return s(.printYearReportDocx, year)
        case .summary(let year): return s(.printSummaryDocx, year)
        case .roster: return s[.printRosterXlsx]
        case .board: return s[.printBoardXlsx]
        case .plans: return s[.printPlansXlsx]
        case .needs: return s[.printNeedsXlsx]
        case .survey: return s[.printSurveyXlsx]
        case .surveyCSV: return s[.printSurveyCsv]
        case .evaluation(_, let year): return s(.printEvaluationDocx, year)
        case .targets(let year): return s(.printTargetsXlsx, year)
        }
    }

    /// "~/Tài liệu" and relative folders as the user meant them.
    static func folder(_ typed: String) -> String { UserFolder.resolve(typed) }

    /// The files a job writes in `folder`.
    static func paths(_ job: PrintJob, in folder: String, _ ctx: AppContext) -> [String] {
        let s = ctx.strings
        func file(_ stem: StringKey, _ parts: [String], _ ext: String) -> String {
            (folder as NSString).appendingPathComponent(([s[stem]] + parts).joined(separator: "-") + "." + ext)
        }
        let centreCode = { (id: Int64) in (try? ctx.database.centre(id: id))?.code ?? String(id) }
        let plan = { (id: Int64) in try? ctx.database.plan(id: id) }
        let campaign = { (id: Int64) in try? ctx.database.campaign(id: id) }
        switch job {
        case .plan(let id):
            guard let p = plan(id) else { return [] }
            return [file(.fileStemPlan, [centreCode(p.centreID), String(p.year)] + (p.month.map { [String($0)] } ?? []) + ["v\(p.version)"], "docx")]
        case .decision(let id):
            guard let p = plan(id) else { return [] }
            return [file(.fileStemDecision, [centreCode(p.centreID), String(p.year), "v\(p.version)"], "docx")]
        case .yearReport(let centreID, let year): return [file(.fileStemYearReport, [centreCode(centreID), String(year)], "docx")]
        case .summary(let year): return [file(.fileStemSummary, [String(year)], "docx")]
        case .roster: return [file(.fileStemRoster, [ctx.clock.today.iso], "xlsx")]
        case .board(let asOf): return [file(.fileStemBoard, [asOf.iso], "xlsx")]
        case .plans(let centreID, let year):
            return [file(.fileStemPlans, (centreID.map { [centreCode($0)] } ?? []) + (year.map { [String($0)] } ?? []), "xlsx")]
        case .needs(let id, _):
            guard let c = campaign(id) else { return [] }
            return [file(.fileStemNeeds, [centreCode(c.centreID), String(c.year)], "xlsx")]
        case .survey(let id):
            guard let c = campaign(id) else { return [] }
            return [file(.fileStemSurvey, [centreCode(c.centreID), String(c.year)], "xlsx")]
        case .surveyCSV(let id, _):
            guard let c = campaign(id), let centre = try? ctx.database.centre(id: c.centreID) else { return [] }
            return SurveyExport.paths(in: folder, campaign: c, centre: centre, strings: s)
        case .evaluation(let centreID, let year): return [file(.fileStemEvaluation, [centreCode(centreID), String(year)], "docx")]
        case .targets(let year): return [file(.fileStemTargets, [String(year)], "xlsx")]
        }
    }

    /// Writes the job's files; returns the sentence for the message line.
    static func make(_ job: PrintJob, in folder: String, overwrite: Bool, _ ctx: AppContext) throws -> String {
        let s = ctx.strings
        let source = DocumentSource(ctx)
        let paths = paths(job, in: folder, ctx)
        guard let path = paths.first else { return s[.planNotFound] }
        func docx(_ document: OfficialDocument) throws -> String {
            let office = try DocumentFiles.writeDocx(document, to: path, overwrite: overwrite, dataFile: ctx.database.path)
            return office.map { s(.printDoneTemplate, path, $0) } ?? s(.printDoneShippedTemplate, path, document.kind.templateFile)
        }
        func xlsx(_ workbook: Workbook) throws -> String {
            try DocumentFiles.writeWorkbook(workbook, to: path, overwrite: overwrite)
            return s(.printDone, path)
        }
        func planAndCentre(_ id: Int64) throws -> (Plan, Centre) {
            guard let plan = try ctx.database.plan(id: id), let centre = try ctx.database.centre(id: plan.centreID) else {
                throw PlanStoreError.notFound
            }
            return (plan, centre)
        }
        func campaign(_ id: Int64) throws -> SurveyCampaign {
            guard let campaign = try ctx.database.campaign(id: id) else { throw PlanStoreError.notFound }
            return campaign
        }
        switch job {
        case .plan(let id):
            let (plan, centre) = try planAndCentre(id)
            return try docx(try PlanDocuments.plan(plan, centre: centre, source: source))
        case .decision(let id):
            let (plan, centre) = try planAndCentre(id)
            return try docx(try PlanDocuments.decision(plan, centre: centre, source: source))
        case .yearReport(let centreID, let year):
            guard let centre = try ctx.database.centre(id: centreID) else { throw PlanStoreError.notFound }
            return try docx(try YearReport.document(centre: centre, year: year, source: source))
        case .summary(let year): return try docx(try SummaryReport.document(year: year, source: source))
        case .roster: return try xlsx(try Workbooks.roster(source))
        case .board(let asOf): return try xlsx(try Workbooks.board(source, asOf: asOf))
        case .plans(let centreID, let year):
            let centre = try centreID.flatMap { try ctx.database.centre(id: $0) }
            return try xlsx(try Workbooks.plans(source, centre: centre, year: year))
        case .needs(let id, let filter):
            let c = try campaign(id)
            let analysis = try ctx.database.needsAnalysis(campaignIDs: [id], filter: filter)
            return try xlsx(Workbooks.needs(c, analysis, source))
        case .survey(let id): return try xlsx(try Workbooks.survey(try campaign(id), source))
        case .surveyCSV(let id, let filter):
            let c = try campaign(id)
            guard let centre = try ctx.database.centre(id: c.centreID), let questionnaire = source.questionnaire else {
                throw PlanStoreError.notFound
            }
            let written = try SurveyExport.write(to: folder, campaign: c, centre: centre, database: ctx.database,
                                                 analysis: try ctx.database.needsAnalysis(campaignIDs: [id], filter: filter),
                                                 questionnaire: questionnaire, strings: s, overwrite: overwrite)
            return s(.printDone, written.joined(separator: ", "))
        case .evaluation(let centreID, let year):
            guard let centre = try ctx.database.centre(id: centreID) else { throw PlanStoreError.notFound }
            guard let rules = EvaluationRules.shipped else { throw DocumentProblem.noCriteria(year: year) }
            return try docx(try EvaluationSheet.document(centre: centre, year: year, rules: rules, source: source))
        case .targets(let year):
            guard let rules = EvaluationRules.shipped else { throw DocumentProblem.noCriteria(year: year) }
            return try xlsx(try Workbooks.targets(source, year: year, rules: rules))
        }
    }
}
