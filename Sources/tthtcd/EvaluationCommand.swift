import ArgumentParser
import Domain
import Foundation
import Screens
import Storage

/// `tthtcd evaluation list|show`: the year's evaluations for scripts. A centre with no evaluation is listed as
/// not started, never left out.
struct EvaluationCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "evaluation", abstract: CLI.strings[.cliEvaluationAbstract],
                             subcommands: [List.self, Show.self, Print.self])
    }

    struct List: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "list", abstract: CLI.strings[.cliEvaluationListAbstract])
        }

        @Option(name: .long, help: ArgumentHelp(CLI.strings[.cliYearHelp], valueName: "YEAR")) var year: Int?
        @OptionGroup var dataFile: DataFileOptions
        @Flag(name: .long, help: ArgumentHelp(CLI.strings[.cliJsonHelp])) var json = false

        struct Item: Encodable {
            let centre: String
            let name: String
            let year: Int
            let status: String
            let selfTotal: Int?
            let total: Int?
            let maximum: Int
            let selfRank: String?
            let rank: String?
            let lastRank: String?
            let lastRankYear: Int?
            let needsReview: Bool
        }

        func run() throws {
            try dataFile.checkLanguage()
            let units = try CLI.units()
            let rules = try CLI.evaluationRules()
            let database = try dataFile.open(access: .readOnly)
            defer { database.close() }
            let office = try database.officeSettings()
            let year = self.year ?? SystemClock().today.year
            let summaries = try database.evaluationSummaries(year: year)
            let ranks = try database.confirmedRanks()
            let maximum = rules.set(year: year, province: office?.provinceCode)?.maximum ?? 0
            let centres = try database.centres(provinceCode: office?.provinceCode).filter { centre in
                (office?.covers(centre, units: units) ?? true)
                    && (centre.status == .active || centre.status == .suspended || summaries[centre.id ?? 0] != nil)
            }
            let items = centres.map { centre -> Item in
                let summary = summaries[centre.id ?? 0]
                let history = ranks[centre.id ?? 0] ?? [:]
                let last = history.keys.max()
                return Item(centre: centre.code, name: centre.name, year: year,
                            status: summary?.status.rawValue ?? "notStarted", selfTotal: summary?.selfTotal,
                            total: summary.map { $0.status == .selfAssessing ? $0.selfTotal : $0.total },
                            maximum: maximum, selfRank: summary?.selfRank?.rawValue, rank: summary?.rank?.rawValue,
                            lastRank: last.flatMap { history[$0]?.rawValue }, lastRankYear: last,
                            needsReview: RankReview.flaggedYear(history) != nil)
            }
            if json {
                print(try CLIJSON.encode(items))
                return
            }
            let s = CLI.strings
            for (item, centre) in zip(items, centres) {
                let summary = summaries[centre.id ?? 0]
                let status = summary.map { s.name($0.status) } ?? s[.evaluationNotStarted]
                let total = item.total.map { "\($0)/\(maximum)" } ?? "—"
                let rank = summary?.rank.map { s.name($0) } ?? ""
                let review = item.needsReview ? s[.evaluationReviewFlag] : ""
                print([item.centre, centre.name, status, total, rank, review].joined(separator: "\t"))
            }
        }
    }

    struct Show: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "show", abstract: CLI.strings[.cliEvaluationShowAbstract])
        }

        @Argument(help: ArgumentHelp(CLI.strings[.cliCentreHelp], valueName: "CENTRE")) var centre: String
        @Option(name: .long, help: ArgumentHelp(CLI.strings[.cliYearHelp], valueName: "YEAR")) var year: Int
        @OptionGroup var dataFile: DataFileOptions
        @Flag(name: .long, help: ArgumentHelp(CLI.strings[.cliJsonHelp])) var json = false

        func run() throws {
            try dataFile.checkLanguage()
            let units = try CLI.units()
            let rules = try CLI.evaluationRules()
            let boardRules = try CLI.boardRules()
            let database = try dataFile.open(access: .readOnly)
            defer { database.close() }
            let found = try CLI.centre(centre, in: database)
            let office = try database.officeSettings()
            let parameters = try database.boardParameters(defaults: boardRules.parameters)
            let compliance = BoardCompliance(table: boardRules, parameters: parameters, units: units)
            let stored = try database.evaluation(centreID: found.id ?? 0, year: year)
            guard let set = stored.flatMap({ rules.set(of: $0, province: office?.provinceCode) })
                ?? rules.set(year: year, province: office?.provinceCode) else {
                throw CLI.fail(CLI.strings(.cliResourceMissing, "evaluation/criteria.json"))
            }
            // Not started: the evidence the data gives today, and the scores it suggests.
            let evaluation = try stored ?? Evaluation.start(
                centreID: found.id ?? 0, year: year, set: set,
                facts: rules.facts(database, centreID: found.id ?? 0, year: year, compliance: compliance,
                                   today: SystemClock().today))
            let document = EvaluationDocument(evaluation, started: stored != nil, centre: found, set: set,
                                              strings: CLI.strings)
            if json {
                print(try CLIJSON.encode(document.json))
            } else {
                print(document.text, terminator: "")
            }
        }
    }
}

extension EvaluationCommand {
    /// `tthtcd evaluation print CENTRE --year YEAR -o FILE.docx`: the self-assessment and evaluation sheet.
    struct Print: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "print", abstract: CLI.strings[.cliEvaluationPrintAbstract])
        }

        @Argument(help: ArgumentHelp(CLI.strings[.cliCentreHelp], valueName: "CENTRE")) var centre: String
        @Option(name: .long, help: ArgumentHelp(CLI.strings[.cliYearHelp], valueName: "YEAR")) var year: Int
        @OptionGroup var output: OutputOptions
        @OptionGroup var dataFile: DataFileOptions

        func run() throws {
            try dataFile.checkLanguage()
            let path = try output.path([".docx"])
            let rules = try CLI.evaluationRules()
            let database = try dataFile.open(access: .readOnly)
            defer { database.close() }
            let source = try CLI.documentSource(database)
            let found = try CLI.centre(centre, in: database)
            let document = try CLI.making {
                try EvaluationSheet.document(centre: found, year: year, rules: rules, source: source)
            }
            try CLI.writeDocx(document, to: path, force: output.force, dataFile: database.path)
        }
    }
}

/// `tthtcd targets`: the shares of the targets dashboard, overall and by commune, and the ranks.
struct TargetsCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "targets", abstract: CLI.strings[.cliTargetsAbstract])
    }

    @Option(name: .long, help: ArgumentHelp(CLI.strings[.cliYearHelp], valueName: "YEAR")) var year: Int?
    @OptionGroup var dataFile: DataFileOptions
    @Flag(name: .long, help: ArgumentHelp(CLI.strings[.cliJsonHelp])) var json = false

    struct Share: Encodable {
        let measure: String
        let met: Int
        let of: Int
        let percent: Int
        let target: Int
        let reached: Bool
    }

    struct Commune: Encodable {
        let communeCode: Int?
        let communeName: String?
        let shares: [Share]
    }

    struct Output: Encodable {
        let year: Int
        let centres: Int
        let shares: [Share]
        let communes: [Commune]
        let ranks: [String: Int]
        let unranked: Int
    }

    func run() throws {
        try dataFile.checkLanguage()
        let units = try CLI.units()
        let rules = try CLI.evaluationRules()
        let boardRules = try CLI.boardRules()
        let database = try dataFile.open(access: .readOnly)
        defer { database.close() }
        let office = try database.officeSettings()
        let year = self.year ?? SystemClock().today.year
        let parameters = try database.boardParameters(defaults: boardRules.parameters)
        let compliance = BoardCompliance(table: boardRules, parameters: parameters, units: units)
        let facts = try rules.targetFacts(database, year: year, provinceCode: office?.provinceCode,
                                          compliance: compliance, today: SystemClock().today)
            .filter { fact in office?.communeCode == nil || fact.communeCode == office?.communeCode }
        let summary = TargetSummary(facts, targets: rules.catalog.targets)
        func shares(_ list: [TargetShare]) -> [Share] {
            list.map { Share(measure: $0.measure.rawValue, met: $0.met, of: $0.of, percent: $0.percent,
                             target: $0.target, reached: $0.isReached) }
        }
        let output = Output(
            year: year, centres: facts.count, shares: shares(summary.shares),
            communes: summary.byCommune.map { Commune(communeCode: $0.commune,
                                                      communeName: $0.commune.flatMap { units.unit(code: $0)?.name },
                                                      shares: shares($0.shares)) },
            ranks: Dictionary(uniqueKeysWithValues: summary.ranks.map { ($0.key.rawValue, $0.value) }),
            unranked: summary.unranked)
        if json {
            print(try CLIJSON.encode(output))
            return
        }
        let s = CLI.strings
        print(s(.targetsHeading, year, facts.count))
        for share in summary.shares {
            print([s.name(share.measure), "\(share.met)/\(share.of)", "\(share.percent)%",
                   s(.targetsTargetPercent, share.target)].joined(separator: "\t"))
        }
        for rank in Rank.allCases { print([s.name(rank), String(summary.ranks[rank] ?? 0)].joined(separator: "\t")) }
    }
}

extension CLI {
    static func evaluationRules() throws -> EvaluationRules {
        guard let rules = EvaluationRules.shipped else {
            throw fail(strings(.cliResourceMissing, "evaluation/criteria.json"))
        }
        return rules
    }
}
