import ArgumentParser
import Domain
import Foundation
import Screens
import Storage

struct SurveyCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "survey", abstract: CLI.strings[.cliSurveyAbstract],
                             subcommands: [Campaigns.self, Needs.self, Import.self])
    }

    struct Campaigns: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "campaigns", abstract: CLI.strings[.cliSurveyCampaignsAbstract])
        }

        @Option(name: .long, help: ArgumentHelp(CLI.strings[.cliCentreHelp], valueName: "CODE")) var centre: String?
        @OptionGroup var dataFile: DataFileOptions
        @Flag(name: .long, help: ArgumentHelp(CLI.strings[.cliJsonHelp])) var json = false

        struct Item: Encodable {
            let id: Int64
            let centre: String
            let year: Int
            let title: String
            let methods: [String]
            let start: String?
            let end: String?
            let responsible: String
            let target: Int
            let responses: Int
        }

        func run() throws {
            try dataFile.checkLanguage()
            let database = try dataFile.open(access: .readOnly)
            defer { database.close() }
            let codes = try database.centreCodes()
            var campaigns = try database.campaigns()
            if let code = centre {
                let chosen = try CLI.centre(code, in: database)
                campaigns = campaigns.filter { $0.centreID == chosen.id }
            }
            let counts = try database.responseCounts()
            let items = campaigns.map { c in
                Item(id: c.id ?? 0, centre: codes[c.centreID] ?? "", year: c.year, title: c.title,
                     methods: c.methods.map(\.rawValue), start: c.start?.iso, end: c.end?.iso, responsible: c.responsible,
                     target: c.target, responses: counts[c.id ?? 0] ?? 0)
            }
            if json {
                print(try CLIJSON.encode(items))
            } else {
                for item in items {
                    print(["#\(item.id)", item.centre, String(item.year), "\(item.responses)/\(item.target)", item.title]
                        .joined(separator: "\t"))
                }
            }
        }
    }

    struct Needs: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "needs", abstract: CLI.strings[.cliSurveyNeedsAbstract])
        }

        @Option(name: .long, help: ArgumentHelp(CLI.strings[.cliNeedsCentreHelp], valueName: "CODE")) var centre: String?
        @Option(name: .long, help: ArgumentHelp(CLI.strings[.cliProvinceHelp], valueName: "CODE")) var province: Int?
        @Option(name: .long, help: ArgumentHelp(CLI.strings[.cliYearHelp], valueName: "YEAR")) var year: Int
        @Option(name: .long, help: ArgumentHelp(CLI.strings[.cliVillageHelp], valueName: "NAME")) var village: String?
        @Option(name: .long, help: ArgumentHelp(CLI.strings[.cliSexHelp], valueName: "CODE")) var sex: Int?
        @Option(name: .customLong("age-band"), help: ArgumentHelp(CLI.strings[.cliAgeBandHelp], valueName: "BAND"))
        var ageBand: String?
        @Option(name: .long, help: ArgumentHelp(CLI.strings[.cliOccupationHelp], valueName: "CODE")) var occupation: Int?
        @OptionGroup var dataFile: DataFileOptions
        @Flag(name: .long, help: ArgumentHelp(CLI.strings[.cliJsonHelp])) var json = false

        struct TallyItem: Encodable {
            let code: Int
            let label: String
            let count: Int
            let share: Double
        }

        struct Document: Encodable {
            let centre: String?
            let province: Int?
            let year: Int
            let campaigns: [Int64]
            let respondents: Int
            let target: Int
            let coverage: Double
            let topics: [TallyItem]
            let formats: [TallyItem]
            let times: [TallyItem]
            let seasons: [TallyItem]
        }

        static let bands: [String: AgeBand] = ["under15": .under15, "15-29": .from15to29, "30-44": .from30to44,
                                               "45-59": .from45to59, "60+": .over60]

        func run() throws {
            try dataFile.checkLanguage()
            let s = CLI.strings
            guard centre == nil || province == nil else { throw CLI.fail(s[.cliCentreOrProvince]) }
            var filter = NeedsFilter(village: village?.cleanedInput, sex: sex, occupation: occupation)
            if let ageBand {
                guard let band = Self.bands[ageBand.lowercased()] else { throw CLI.fail(s(.cliBadAgeBand, ageBand)) }
                filter.ageBand = band
            }
            let questionnaire = try CLI.questionnaire()
            let database = try dataFile.open(access: .readOnly)
            defer { database.close() }
            let analysis: NeedsAnalysis
            let campaignIDs: [Int64]
            var scopeProvince: Int?
            var centreCode: String?
            if let centre {
                let chosen = try CLI.centre(centre, in: database)
                centreCode = chosen.code
                let campaigns = try database.campaigns(centreID: chosen.id ?? 0).filter { $0.year == year }
                guard !campaigns.isEmpty else { throw CLI.fail(s(.cliNoCampaign, chosen.code, year)) }
                campaignIDs = campaigns.compactMap(\.id)
                analysis = try database.needsAnalysis(campaignIDs: campaignIDs, filter: filter)
            } else {
                scopeProvince = try province ?? database.officeSettings()?.provinceCode
                let (found, count) = try database.needsAnalysis(provinceCode: scopeProvince, year: year, filter: filter)
                guard count > 0 else { throw CLI.fail(s(.cliNoCampaignInScope, year)) }
                analysis = found
                campaignIDs = []
            }
            func items(_ tallies: [Tally], _ field: String) -> [TallyItem] {
                let question = questionnaire.question(field)
                return tallies.map { tally in
                    let label = question.flatMap { q in questionnaire.choices(for: q).first { $0.code == tally.code } }
                        .map { s.text($0.label) } ?? String(tally.code)
                    return TallyItem(code: tally.code, label: label, count: tally.count,
                                     share: (tally.share * 1000).rounded() / 1000)
                }
            }
            let document = Document(
                centre: centreCode, province: scopeProvince, year: year,
                campaigns: campaignIDs, respondents: analysis.respondents, target: analysis.target,
                coverage: (analysis.coverage * 1000).rounded() / 1000,
                topics: items(analysis.topics, "topics"), formats: items(analysis.formats, "format"),
                times: items(analysis.times, "timeOfDay"), seasons: items(analysis.seasons, "season"))
            if json {
                print(try CLIJSON.encode(document))
            } else {
                print(s(.needsRespondents, document.respondents, document.target, Int((document.coverage * 100).rounded())))
                for (rank, topic) in document.topics.enumerated() {
                    print(String(format: "%2d. ", rank + 1) + topic.label + "\t\(topic.count)\t"
                          + String(format: "%.1f%%", topic.share * 100))
                }
            }
        }
    }

    /// Imports a CSV file into a campaign, all rows or none; a refused file gets a report beside it. The file
    /// is streamed twice (checked, then written), so its size does not matter; progress goes to standard
    /// error when that is a terminal.
    struct Import: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "import", abstract: CLI.strings[.cliSurveyImportAbstract])
        }

        @Argument(help: ArgumentHelp(CLI.strings[.cliImportFileHelp], valueName: "FILE")) var file: String
        @Option(name: .long, help: ArgumentHelp(CLI.strings[.cliCampaignHelp], valueName: "ID")) var campaign: Int64
        @Option(name: .long, help: ArgumentHelp(CLI.strings[.cliUserHelp], valueName: "NAME")) var user: String
        @OptionGroup var dataFile: DataFileOptions

        /// The password is checked first, before the file is locked or the CSV read, and counts towards the
        /// same lock as the interface's. Then everything is checked on a read-only connection, so a refused file
        /// leaves the data file byte-for-byte as it was; only a clean, non-empty file opens it for writing.
        func run() throws {
            try dataFile.checkLanguage()
            let s = CLI.strings
            let questionnaire = try CLI.questionnaire()
            let password = CLI.readPassword(for: user)
            let account = try CLI.signIn(user, password, dataFile: dataFile.path)
            let path = CLI.absolute(file)
            let headers: [String]
            do {
                headers = try CSVStream(path: path).headers
            } catch let error as CSVFileError {
                throw CLI.fail(s.describe(error))
            }
            let reader = try dataFile.open(access: .readOnly)
            guard let target = try reader.campaign(id: campaign), let centre = try reader.centre(id: target.centreID) else {
                reader.close()
                throw CLI.fail(s(.cliUnknownCampaign, campaign))
            }
            let importer = SurveyImport(engine: SurveyEngine(questionnaire: questionnaire, villages: centre.villages))
            let signature = SurveyImport.signature(of: headers)
            let mapping = try reader.importMapping(for: signature) ?? importer.suggestedMapping(for: headers)
            let job = SurveyFileImport(path: path, campaignID: campaign, importer: importer, mapping: mapping)
            let progress = CLI.ProgressLine()
            let check: ImportCheck
            do {
                check = try reader.checkSurveyFile(job, progress: progress.show)
                progress.clear()
            } catch let error as CSVFileError {
                progress.clear()
                reader.close()
                throw CLI.fail(s.describe(error))
            }
            let style = (try? reader.csvStyle()) ?? .semicolon
            reader.close()
            if !check.isClean {
                let report = ImportReport.path(for: path)
                do {
                    try ImportReport.write(check.report, to: report, style: style, strings: s, questionnaire: questionnaire)
                } catch let error as CSVFileError {
                    throw CLI.fail(s.describe(error))
                }
                print(s(.importFailed, check.report.total, report))
                for problem in check.report.problems.prefix(10) {
                    print("  " + s.line(problem, questionnaire))
                }
                for line in s.summary(check.report) { print(line) }
                throw ExitCode(1)
            }
            guard check.rows > 0 else { throw CLI.fail(s(.importNothing, path)) }
            let database = try dataFile.open(access: .exclusive)
            let imported: Int
            do {
                let batch = try database.importSurveyFile(job, checked: check, by: account.actor, at: Date(),
                                                          progress: progress.show)
                progress.clear()
                try database.saveImportMapping(mapping, for: signature, by: account.actor, at: Date())
                imported = batch.rows
            } catch {
                progress.clear()
                try? CLI.finish(database)
                switch error {
                case SurveyFileImportError.changedSinceCheck, SurveyStoreError.duplicateSerial:
                    // Another import (or a session) saved forms since the check: nothing of this file was kept.
                    throw CLI.fail(s(.importChangedSinceCheck, path))
                case let error as CSVFileError: throw CLI.fail(s.describe(error))
                default: throw CLI.fail(s.saveFailure(error))
                }
            }
            try CLI.finish(database)
            print(s(.importDone, imported))
        }
    }
}

enum CLIJSON {
    /// What JSONEncoder wrote (pretty, sorted keys, slashes as they are), written faster (``ScriptJSON``).
    static func encode<T: Encodable>(_ value: T) throws -> String { try ScriptJSON.encode(value) }
}

extension CLI {
    /// The password of a command that writes: asked at the terminal, or the first line of standard input when it
    /// is not a terminal (scripts).
    static func readPassword(for username: String) -> String {
        if isatty(STDIN_FILENO) == 1, let typed = getpass(strings(.cliPasswordPrompt, username)) {
            return String(cString: typed)
        }
        return readLine(strippingNewline: true) ?? ""
    }

    /// Signs in for a command that writes: the same counter, lock and answers as the interface's, even while
    /// an interface holds the file. A refusal exits with code 2.
    static func signIn(_ username: String, _ password: String, dataFile: String) throws -> Account {
        let result: SignInResult
        do {
            result = try AppDatabase.signIn(dataFile: dataFile, username: username, password: password, at: Date())
        } catch let error as DataFileError {
            throw fail(strings.describe(error))
        } catch {
            throw fail(strings.saveFailure(error))
        }
        switch result {
        case .signedIn(let account): return account
        case .refused(let refusal): throw fail(strings.describe(refusal))
        }
    }
}
