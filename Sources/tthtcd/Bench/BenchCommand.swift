import ArgumentParser
import Domain
import Foundation
import Screens
import Storage

/// `tthtcd bench`: a national data set and the figures the province-scale targets are measured by.
struct BenchCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "bench", abstract: CLI.strings[.cliBenchAbstract],
                             subcommands: [Generate.self, Run.self, Probe.self, ExchangeBench.self])
    }

    /// Writes a national data set through the storage layer's bulk paths.
    struct Generate: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "generate", abstract: CLI.strings[.cliBenchGenerateAbstract])
        }

        @Argument(help: ArgumentHelp(CLI.strings[.cliBenchPathHelp], valueName: "PATH")) var path: String
        @Option(name: .long, help: ArgumentHelp(CLI.strings[.cliBenchCentresHelp], valueName: "N")) var centres: Int?
        @Option(name: .long, help: ArgumentHelp(CLI.strings[.cliBenchResponsesHelp], valueName: "M"))
        var responses: Int?
        @Option(name: .long, help: ArgumentHelp(CLI.strings[.cliBenchPlansHelp], valueName: "P")) var plans: Int?
        @Option(name: .long, help: ArgumentHelp(CLI.strings[.cliBenchActivitiesHelp], valueName: "A"))
        var activities: Int?
        @Option(name: .long, help: ArgumentHelp(CLI.strings[.cliBenchSeedHelp], valueName: "S")) var seed: UInt64?

        func run() throws {
            let s = CLI.strings
            let target = CLI.absolute(path)
            if let size = (try? FileManager.default.attributesOfItem(atPath: target))?[.size] as? Int, size > 0 {
                throw CLI.fail(s.describe(DataFileError.alreadyExists(path: target)))
            }
            // The defaults are said by the help texts ("mặc định 1.000.000"), not by ArgumentParser a second time.
            let plans = max(0, plans ?? 10_000)
            let generator = DatasetGenerator(directory: try CLI.units(), questionnaire: try CLI.questionnaire(),
                                             centres: centres, responses: max(0, responses ?? 1_000_000), plans: plans,
                                             activities: max(plans, activities ?? 100_000), seed: seed ?? 2026)
            let database = try CLI.open(target, access: .exclusive)
            defer { database.close() }
            let started = ContinuousClock.now
            let written = try DatasetWriter(generator: generator, database: database).write { done, total in
                guard isatty(STDERR_FILENO) == 1 else { return }
                FileHandle.standardError.write(Data(("\r\u{1B}[K" + s(.benchGeneratingForms, done, total)).utf8))
            }
            if isatty(STDERR_FILENO) == 1 { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
            let seconds = (ContinuousClock.now - started) / .seconds(1)
            print(s(.benchGenerated, target, written.centres, written.forms, written.plans, written.activities,
                    DatasetGenerator.password, s.duration(seconds: seconds)))
        }
    }
}

/// Writes what the generator draws: accounts and the office first, then each province's centres, boards,
/// campaigns and plans in one bulk transaction, then each campaign's forms as one import.
struct DatasetWriter {
    let generator: DatasetGenerator
    let database: AppDatabase

    struct Written {
        var centres = 0
        var forms = 0
        var plans = 0
        var activities = 0
    }

    func write(progress: (Int, Int) -> Void) throws -> Written {
        let moment = DatasetGenerator.moment
        let admin = try database.createAccount(
            Account(username: "quantri", fullName: "Quản trị viên", roles: [.administrator, .dataClerk]),
            password: DatasetGenerator.password, by: .system, at: moment)
        for (username, name, role) in [("canbo", "Cán bộ nhập liệu", Role.dataClerk),
                                       ("giamdoc", "Giám đốc trung tâm", .centreDirector),
                                       ("chutich", "Chủ tịch UBND xã", .communeLeader)] {
            try database.createAccount(Account(username: username, fullName: name, roles: [role]),
                                       password: DatasetGenerator.password, by: admin.actor, at: moment)
        }
        let counts = generator.formCounts()
        let largest = counts.indices.max { counts[$0] < counts[$1] } ?? 0
        try database.saveOfficeSettings(OfficeSettings(provinceCode: generator.units[largest].province),
                                        by: admin.actor, at: moment)
        var random = SeededRandom(seed: generator.seed)
        let activityCounts = generator.activityCounts()
        var nextPlan = 0
        var written = Written()
        var campaigns: [(SurveyCampaign, [String], Int)] = []
        let provinces = Dictionary(grouping: generator.units.indices, by: { generator.units[$0].province })
        for province in provinces.keys.sorted() {
            try database.bulkLoad(by: .system, at: moment) { bulk in
                for index in provinces[province]! {
                    let centre = try bulk.add(generator.centre(generator.units[index], &random))
                    for member in generator.board(centre, &random) { try bulk.add(member) }
                    let campaign = try bulk.add(generator.campaign(centre, forms: counts[index]))
                    campaigns.append((campaign, centre.villages, counts[index]))
                    let share = generator.plans / generator.units.count + (index < generator.plans % generator.units.count ? 1 : 0)
                    for number in 0..<share where nextPlan < activityCounts.count {
                        let plan = try bulk.add(generator.plan(centre, index: number, activities: activityCounts[nextPlan],
                                                               campaignID: campaign.id, &random))
                        nextPlan += 1
                        written.plans += 1
                        written.activities += plan.activities.count
                    }
                    written.centres += 1
                }
            }
        }
        let clerk = Actor(accountID: nil, username: "canbo", fullName: "Cán bộ nhập liệu", roles: [.dataClerk])
        for (campaign, villages, count) in campaigns where count > 0 {
            let sampler = SampleForms(engine: SurveyEngine(questionnaire: generator.questionnaire, villages: villages),
                                      year: campaign.year)
            var forms = SeededRandom(seed: generator.seed ^ UInt64(campaign.id!))
            let code = String(format: "%05d", campaign.centreID)
            try database.importResponses(campaignID: campaign.id!, fileName: "phieu-\(code).csv", sha256: "", by: clerk,
                                         at: moment) { add in
                for number in 1...count {
                    try add(sampler.form(serial: "\(code)-\(String(format: "%06d", number))", campaignID: campaign.id!,
                                         using: &forms))
                }
            }
            written.forms += count
            progress(written.forms, generator.responses)
        }
        return written
    }
}
