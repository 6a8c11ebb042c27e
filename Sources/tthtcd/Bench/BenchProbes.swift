import ArgumentParser
import Domain
import Foundation
import Screens
import Storage
import TerminalUI

extension BenchCommand {
    /// One measurement in a process of its own, so that its peak memory is its own: `bench run` starts it and
    /// reads the timings it prints (one JSON object of named lists of milliseconds).
    struct Probe: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "probe", abstract: CLI.strings[.cliBenchProbeAbstract],
                                 shouldDisplay: false)
        }

        @Argument(help: ArgumentHelp(CLI.strings[.cliBenchFigureHelp], valueName: "FIGURE")) var figure: String
        @Argument(help: ArgumentHelp(CLI.strings[.cliBenchPathHelp], valueName: "PATH")) var path: String
        @Option(name: .long, help: ArgumentHelp(CLI.strings[.cliBenchRunsHelp], valueName: "N")) var runs = 30

        func run() throws {
            let samples = try MainActor.assumeIsolated { try Probes(path: CLI.absolute(path), runs: runs).run(figure) }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            print(String(decoding: try encoder.encode(samples), as: UTF8.self))
        }
    }
}

/// What the data set's largest campaign and province are: the figures are measured there.
struct BenchFacts: Codable {
    var campaignID: Int64
    var centreID: Int64
    var centreCode: String
    var forms: Int
    var provinceCode: Int
    var provinceForms: Int
    var centres: Int
    var year: Int

    static func read(_ database: AppDatabase) throws -> BenchFacts {
        let counts = try database.responseCounts()
        guard let (campaignID, forms) = counts.max(by: { $0.value < $1.value }),
              let campaign = try database.campaign(id: campaignID),
              let centre = try database.centre(id: campaign.centreID) else {
            throw CLI.fail(CLI.strings(.cliUnknownCampaign, 0))
        }
        let province = try database.officeSettings()?.provinceCode ?? centre.provinceCode
        let inProvince = try database.needsAnalysis(provinceCode: province, year: campaign.year).analysis.respondents
        return BenchFacts(campaignID: campaignID, centreID: centre.id!, centreCode: centre.code, forms: forms,
                          provinceCode: province, provinceForms: inProvince, centres: try database.allCentres().count,
                          year: campaign.year)
    }
}

@MainActor
struct Probes {
    let path: String
    let runs: Int

    func run(_ figure: String) throws -> [String: [Double]] {
        switch figure {
        case "start": try start()
        case "roster-load": return ["load": try rosterLoad()]
        case "roster-search": return ["key": try rosterSearch()]
        case "needs-centre", "needs-province", "needs-filter": return ["query": try needs(figure)]
        case "entry": return try keyedEntry()
        case "screens": return try screens()
        default: throw CLI.fail(CLI.strings(.cliBenchFigureUnknown, figure))
        }
    }

    static func time(_ body: () throws -> Void) rethrows -> Double {
        let started = ContinuousClock.now
        try body()
        return (ContinuousClock.now - started) / .milliseconds(1)
    }

    func context(_ database: AppDatabase, as username: String) throws -> (AppContext, Account) {
        let context = try AppContext(database: database, units: try CLI.units(), strings: CLI.strings,
                                     boardRules: try CLI.boardRules())
        guard let account = try database.accounts().first(where: { $0.username == username }) else {
            throw CLI.fail(CLI.strings[.accountNotFound])
        }
        return (context, account)
    }

    /// Resources, the data file, the roster, the first frame at 80x24, opened as the interface opens it (a
    /// check after an unclean shutdown comes after the first frame); then the file is closed, as quitting
    /// closes it, so that the next run starts from a clean file and not from the crash path (which would check
    /// the whole file first). The parent times the whole process, the close included.
    func start() throws -> Never {
        let database: AppDatabase
        do {
            database = try AppDatabase.open(path: path, options: AppDatabase.Options(checkAfterCrashNow: false))
        } catch let error as DataFileError {
            throw CLI.fail(CLI.strings.describe(error))
        }
        let (context, account) = try context(database, as: "quantri")
        let app = App(context: context, signedIn: account)
        _ = app.render(size: Size(width: 80, height: 24))
        database.close()
        _exit(0)
    }

    /// The roster's whole load for the whole country, as ``RosterScreen`` does it: centres, ranks, search and
    /// sort keys, sorting, and the board checks of the first screenful (the others are checked when drawn).
    func rosterLoad() throws -> [Double] {
        let database = try CLI.open(path, access: .readOnly)
        defer { database.close() }
        let units = try CLI.units()
        let rules = try CLI.boardRules()
        let engine = BoardCompliance(table: rules, parameters: try database.boardParameters(defaults: rules.parameters), units: units)
        let today = LocalDate(year: 2026, month: 3, day: 1)!
        return try (0..<runs).map { _ in
            try Self.time {
                let ranks = try database.confirmedRanks()
                let entries = try database.centres(provinceCode: nil).map {
                    CentreListEntry(centre: $0, units: units, ranks: ranks[$0.id ?? 0] ?? [:])
                }
                let sorted = CentreListing().sort(entries)
                _ = try database.centresWithApprovedAnnualPlan(year: today.year)
                let screenful = sorted.prefix(Self.screenRows).filter { $0.centre.status == .active || $0.centre.status == .suspended }
                let boards = try database.boardMembers(centreIDs: screenful.map(\.id))
                for entry in screenful {
                    _ = engine.check(centreID: entry.id, members: boards[entry.id] ?? [],
                                     staff: try database.staffMembers(centreID: entry.id), asOf: today)
                }
            }
        }
    }

    /// The roster's rows on a 80x24 terminal.
    static let screenRows = 14

    /// Keystrokes in the roster's search over the whole country: typing narrows what was shown, erasing starts
    /// again from the sorted list, as the roster does.
    func rosterSearch() throws -> [Double] {
        let database = try CLI.open(path, access: .readOnly)
        defer { database.close() }
        let units = try CLI.units()
        let sorted = CentreListing().sort(try database.centres(provinceCode: nil).map { CentreListEntry(centre: $0, units: units) })
        var samples: [Double] = []
        let words = ["nghia hung", "Hưng", "phuong 1", "thanh"]
        while samples.count < runs * 4 {
            for word in words {
                var listing = CentreListing()
                var shown = sorted
                let typed = Array(word)
                for count in Array(1...typed.count) + Array((0..<typed.count).reversed()) {
                    let before = listing
                    listing.query = String(typed.prefix(count))
                    samples.append(Self.time { shown = listing.filter(listing.narrows(before) ? shown : sorted) })
                }
            }
        }
        return samples
    }

    func needs(_ figure: String) throws -> [Double] {
        let database = try CLI.open(path, access: .readOnly)
        defer { database.close() }
        let facts = try BenchFacts.read(database)
        switch figure {
        case "needs-centre":
            return try (0..<runs).map { _ in try Self.time { _ = try database.needsAnalysis(campaignIDs: [facts.campaignID]) } }
        case "needs-province":
            return try (0..<runs).map { _ in
                try Self.time { _ = try database.needsAnalysis(provinceCode: facts.provinceCode, year: facts.year) }
            }
        default:
            let villages = try database.centre(id: facts.centreID)?.villages ?? []
            var filters: [NeedsFilter] = [NeedsFilter(sex: 1), NeedsFilter(sex: 2), NeedsFilter()]
            filters += AgeBand.allCases.map { NeedsFilter(ageBand: $0) }
            filters += (1...10).map { NeedsFilter(occupation: $0) }
            filters += villages.prefix(5).map { NeedsFilter(village: $0) }
            filters.append(NeedsFilter(village: villages.first, sex: 2, ageBand: .from30to44, occupation: 1))
            var samples: [Double] = []
            while samples.count < runs {
                for filter in filters {
                    samples.append(try Self.time {
                        _ = try database.needsAnalysis(campaignIDs: [facts.campaignID], filter: filter)
                    })
                }
            }
            return samples
        }
    }

    /// Keyed entry on the largest campaign of a scratch copy: opening the screen, each key typed, each Enter,
    /// and saving a form (its transaction and fsync included).
    func keyedEntry() throws -> [String: [Double]] {
        let database = try CLI.open(path, access: .exclusive)
        defer { database.close() }
        let facts = try BenchFacts.read(database)
        let (context, account) = try context(database, as: "canbo")
        let app = App(context: context, signedIn: account)
        let size = Size(width: 80, height: 24)
        var opening: [Double] = []
        for _ in 0..<runs {
            opening.append(Self.time {
                app.open(measured: .keyedEntry(campaignID: facts.campaignID))
                _ = app.render(size: size)
            })
            app.closeTop()
        }
        guard let centre = try database.centre(id: facts.centreID),
              let campaign = try database.campaign(id: facts.campaignID) else { return ["open": opening] }
        let engine = SurveyEngine(questionnaire: try CLI.questionnaire(), villages: centre.villages)
        let sampler = SampleForms(engine: engine, year: campaign.year)
        var random = SeededRandom(seed: 99)
        var keys: [Double] = [], enters: [Double] = [], saves: [Double] = []
        app.open(measured: .keyedEntry(campaignID: facts.campaignID))
        for number in 1...max(5, runs / 3) {
            var form = sampler.form(serial: "BENCH-\(number)", campaignID: facts.campaignID, using: &random)
            // A name no other form has, and no answer that asks for a reason: the save is not held by a question.
            form.answers["name"] = .text("Người Đo Thử \(number)")
            if form.answers["education"]?.codes == [1] { form.answers["education"] = .codes([2]) }
            form = SurveyResponse(campaignID: form.campaignID, answers: engine.pruned(form.answers))
            var given: SurveyAnswers = [:]
            for question in engine.questionnaire.questions where engine.isRelevant(question, given) {
                let typed = AnswerParser.typed(form.answers[question.id], for: question, villages: centre.villages)
                for character in typed {
                    keys.append(Self.time {
                        app.handle(.char(character), size: size)
                        _ = app.render(size: size)
                    })
                }
                given[question.id] = form.answers[question.id]
                enters.append(Self.time {
                    app.handle(.enter, size: size)
                    _ = app.render(size: size)
                })
            }
            saves.append(Self.time {
                app.handle(.function(2), size: size)
                _ = app.render(size: size)
            })
        }
        return ["open": opening, "key": keys, "enter": enters, "save": saves]
    }

    /// Every screen a provincial office reaches with the national data, opened and drawn in turn: the parent
    /// reads the process's peak memory.
    func screens() throws -> [String: [Double]] {
        let database = try CLI.open(path, access: .readOnly)
        defer { database.close() }
        let facts = try BenchFacts.read(database)
        let (context, account) = try context(database, as: "quantri")
        let app = App(context: context, signedIn: account)
        let plan = try database.plans(centreID: facts.centreID).first?.id
        var screens: [MeasuredScreen] = [
            .board(centreID: facts.centreID), .compliance, .campaigns(centreID: facts.centreID),
            .keyedEntry(campaignID: facts.campaignID), .responses(campaignID: facts.campaignID),
            .needs(campaignID: facts.campaignID), .plans(centreID: facts.centreID), .inbox, .audit,
        ]
        if let plan { screens.append(.plan(planID: plan)) }
        var samples = [Self.time { _ = app.render(size: Size(width: 120, height: 40)) }]
        var peaks = [Self.peakMB()]
        for screen in screens {
            samples.append(Self.time {
                app.open(measured: screen)
                _ = app.render(size: Size(width: 80, height: 24))
                _ = app.render(size: Size(width: 120, height: 40))
            })
            peaks.append(Self.peakMB())
            app.closeTop()
        }
        return ["open": samples, "peakMB": peaks]
    }

    /// The process's peak resident memory so far (VmHWM), in MB: after each screen, which one raised it.
    static func peakMB() -> Double {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") } ?? ""
        return (Double(line.split(separator: " ").dropFirst().first ?? "") ?? 0) / 1024
    }
}
