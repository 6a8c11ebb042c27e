import ArgumentParser
import Domain
import Foundation
import Screens
import Storage

/// One figure of the benchmark: what was measured, its median and 99th percentile, its peak memory, the same
/// work done by the sqlite3 tool where there is one, and the target it is held to.
struct BenchFigure: Encodable {
    let id: String
    let name: String
    let unit: String
    let median: Double
    let p99: Double
    let peakMB: Double?
    let samples: Int
    let floorMedian: Double?
    let floor: String?
    let target: String?
    let met: Bool?
}

/// The targets of the issue, by figure: the statistic held to a bound.
struct BenchTarget {
    enum Statistic { case median, p99, peak }
    let statistic: Statistic
    let bound: Double
    let unit: String

    func check(median: Double, p99: Double, peak: Double?) -> Bool? {
        switch statistic {
        case .median: return median <= bound
        case .p99: return p99 <= bound
        case .peak: return peak.map { $0 <= bound }
        }
    }

    var text: String {
        let value = bound >= 10 ? String(Int(bound.rounded())) : String(format: "%.1f", bound)
        switch statistic {
        case .median: return "≤ \(value) \(unit)"
        case .p99: return "p99 ≤ \(value) \(unit)"
        case .peak: return "≤ \(value) MB"
        }
    }
}

enum Percentile {
    static func of(_ samples: [Double], _ fraction: Double) -> Double {
        guard !samples.isEmpty else { return 0 }
        let sorted = samples.sorted()
        return sorted[min(sorted.count - 1, max(0, Int((Double(sorted.count) * fraction).rounded(.up)) - 1))]
    }
}

extension BenchCommand {
    struct Run: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "run", abstract: CLI.strings[.cliBenchRunAbstract])
        }

        @Argument(help: ArgumentHelp(CLI.strings[.cliBenchPathHelp], valueName: "PATH")) var path: String
        @Option(name: .long, help: ArgumentHelp(CLI.strings[.cliBenchRunsHelp], valueName: "N")) var runs: Int?
        @Option(name: .customLong("import-rows"), help: ArgumentHelp(CLI.strings[.cliBenchImportRowsHelp], valueName: "N"))
        var importRows: Int?
        @Flag(name: .long, help: ArgumentHelp(CLI.strings[.cliJsonHelp])) var json = false
        @Option(name: .long, help: ArgumentHelp(CLI.strings[.cliBenchOnlyHelp], valueName: "GROUPS")) var only: String?

        func run() throws {
            let target = CLI.absolute(path)
            guard FileManager.default.fileExists(atPath: target) else {
                throw CLI.fail(CLI.strings.describe(DataFileError.unreachable(path: target, reason: .notFound)))
            }
            var groups = Set(BenchRunner.Group.allCases)
            if let only {
                groups = []
                for name in only.split(separator: ",") {
                    guard let group = BenchRunner.Group(rawValue: name.trimmingCharacters(in: .whitespaces)) else {
                        throw CLI.fail(CLI.strings(.cliBenchFigureUnknown, String(name)))
                    }
                    groups.insert(group)
                }
            }
            let runner = try BenchRunner(dataFile: target, runs: max(3, runs ?? 30), importRows: max(1, importRows ?? 1_000_000),
                                         questionnaire: try CLI.questionnaire(), groups: groups)
            let report = try runner.measureAll { figure in
                if !json { print(BenchTable.line(figure)) }
            }
            if json {
                print(try CLIJSON.encode(report))
            } else {
                print(BenchTable.footer(report))
            }
        }
    }
}

/// The machine and the data set, printed above the figures.
struct BenchReport: Encodable {
    let machine: String
    let cores: Int
    let memoryGB: Double
    let sqlite: String
    let dataFile: String
    let dataFileMB: Double
    let auditMB: Double
    let facts: BenchFacts
    let figures: [BenchFigure]
}
