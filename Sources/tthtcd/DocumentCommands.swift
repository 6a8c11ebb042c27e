import ArgumentParser
import Documents
import Domain
import Foundation
import Screens
import Storage

/// The output options of every command that writes a document or a workbook.
struct OutputOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: ArgumentHelp(CLI.strings[.cliOutputHelp], valueName: "FILE")) var output: String?
    @Flag(name: .long, help: ArgumentHelp(CLI.strings[.cliForceHelp])) var force = false

    /// The output path, required, absolute, ending in one of `extensions`.
    func path(_ extensions: [String]) throws -> String {
        guard let output, !output.isEmpty else { throw CLI.fail(CLI.strings[.cliOutputRequired]) }
        guard extensions.contains(where: { output.lowercased().hasSuffix($0) }) else {
            throw CLI.fail(CLI.strings(.cliOutputExtension, extensions.joined(separator: ", "), output))
        }
        return CLI.absolute(output)
    }
}

extension CLI {
    /// What documents read, from a data file opened read-only.
    static func documentSource(_ database: AppDatabase) throws -> DocumentSource {
        DocumentSource(database: database, units: try units(), strings: strings, today: SystemClock().today,
                       office: try database.officeSettings(), questionnaire: try questionnaire(), boardRules: try boardRules())
    }

    /// Runs a document's making and writing; a refusal becomes its sentence and exit code 2.
    static func making<T>(_ work: () throws -> T) throws -> T {
        do {
            return try work()
        } catch let error as DocumentError {
            throw fail(strings.describe(error))
        } catch let problem as DocumentProblem {
            throw fail(strings.describe(problem))
        } catch let error as CSVFileError {
            throw fail(strings.describe(error))
        }
    }

    /// Writes a .docx and says where, and which template made it.
    static func writeDocx(_ document: OfficialDocument, to path: String, force: Bool, dataFile: String) throws {
        let officeTemplate = try making {
            try DocumentFiles.writeDocx(document, to: path, overwrite: force, dataFile: dataFile)
        }
        print(strings(.cliDocWritten, path))
        if let officeTemplate {
            print(strings(.cliDocTemplateOffice, officeTemplate))
        } else {
            print(strings(.cliDocTemplateShipped, document.kind.templateFile))
        }
    }
}

/// `tthtcd report year --year YEAR [--centre CODE] -o FILE.docx`
struct ReportCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "report", abstract: CLI.strings[.cliReportAbstract], subcommands: [Year.self])
    }

    struct Year: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "year", abstract: CLI.strings[.cliReportYearAbstract])
        }

        @Option(name: .long, help: ArgumentHelp(CLI.strings[.cliYearHelp], valueName: "YEAR")) var year: Int
        @Option(name: .long, help: ArgumentHelp(CLI.strings[.cliCentreHelp], valueName: "CODE")) var centre: String?
        @OptionGroup var output: OutputOptions
        @OptionGroup var dataFile: DataFileOptions

        func run() throws {
            try dataFile.checkLanguage()
            let path = try output.path([".docx"])
            let database = try dataFile.open(access: .readOnly)
            defer { database.close() }
            let source = try CLI.documentSource(database)
            let document = try CLI.making {
                if let code = centre {
                    return try YearReport.document(centre: try CLI.centre(code, in: database), year: year, source: source)
                }
                return try SummaryReport.document(year: year, source: source)
            }
            try CLI.writeDocx(document, to: path, force: output.force, dataFile: database.path)
        }
    }
}

/// `tthtcd export roster|board|survey|needs|plans|targets -o FILE.xlsx` (or FILE.csv: the same cells, a file per sheet).
struct ExportCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "export", abstract: CLI.strings[.cliExportAbstract])
    }

    @Argument(help: ArgumentHelp(CLI.strings[.cliExportKindHelp], valueName: "KIND")) var kind: WorkbookKind
    @Option(name: .long, help: ArgumentHelp(CLI.strings[.cliCentreHelp], valueName: "CODE")) var centre: String?
    @Option(name: .long, help: ArgumentHelp(CLI.strings[.cliYearHelp], valueName: "YEAR")) var year: Int?
    @Option(name: .long, help: ArgumentHelp(CLI.strings[.cliCampaignHelp], valueName: "ID")) var campaign: Int64?
    @Option(name: .customLong("as-of"), help: ArgumentHelp(CLI.strings[.cliAsOfHelp], valueName: "DATE")) var asOf: String?
    @OptionGroup var output: OutputOptions
    @OptionGroup var dataFile: DataFileOptions

    func run() throws {
        try dataFile.checkLanguage()
        let path = try output.path([".xlsx", ".csv"])
        let database = try dataFile.open(access: .readOnly)
        defer { database.close() }
        let source = try CLI.documentSource(database)
        let chosenCentre = try centre.map { try CLI.centre($0, in: database) }
        let workbook: Workbook = try CLI.making {
            switch kind {
            case .roster: return try Workbooks.roster(source)
            case .board: return try Workbooks.board(source, asOf: try checkDate())
            case .plans: return try Workbooks.plans(source, centre: chosenCentre, year: year)
            case .targets: return try Workbooks.targets(source, year: year ?? source.today.year, rules: try CLI.evaluationRules())
            case .survey: return try Workbooks.survey(try chosenCampaign(database, chosenCentre), source)
            case .needs:
                let campaign = try chosenCampaign(database, chosenCentre)
                return Workbooks.needs(campaign, try source.needs(of: campaign), source)
            }
        }
        let paths: [String] = try CLI.making {
            if path.lowercased().hasSuffix(".csv") {
                return try DocumentFiles.writeCSV(workbook, to: path, style: database.csvStyle(), overwrite: output.force)
            }
            try DocumentFiles.writeWorkbook(workbook, to: path, overwrite: output.force)
            return [path]
        }
        for written in paths { print(CLI.strings(.cliDocWritten, written)) }
    }

    private func checkDate() throws -> LocalDate {
        guard let asOf else { return SystemClock().today }
        guard let date = LocalDate(iso: asOf) ?? LocalDate(typed: asOf) else { throw CLI.fail(CLI.strings(.cliBadDate, asOf)) }
        return date
    }

    /// The campaign asked for by id, or the centre's campaign of the year.
    private func chosenCampaign(_ database: AppDatabase, _ centre: Centre?) throws -> SurveyCampaign {
        if let campaign {
            guard let found = try database.campaign(id: campaign) else {
                throw CLI.fail(CLI.strings(.cliUnknownCampaign, campaign))
            }
            return found
        }
        guard let centre, let year,
              let found = try database.campaigns(centreID: centre.id ?? 0).last(where: { $0.year == year })
        else { throw CLI.fail(CLI.strings[.cliExportNeedsCampaign]) }
        return found
    }
}

extension WorkbookKind: ExpressibleByArgument {}
