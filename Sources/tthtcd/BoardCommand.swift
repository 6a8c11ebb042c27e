import ArgumentParser
import Domain
import Foundation
import Screens
import Storage

struct BoardCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "board", abstract: CLI.strings[.cliBoardAbstract], subcommands: [Check.self])
    }

    /// Prints the board checklist of one centre or of every working centre. Exit code 0 when no centre has an
    /// error, 1 when some centre has one, 2 on bad input.
    struct Check: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "check", abstract: CLI.strings[.cliBoardCheckAbstract])
        }

        @Option(name: .long, help: ArgumentHelp(CLI.strings[.cliCentreHelp], valueName: "CODE"))
        var centre: String?

        @Option(name: .customLong("as-of"), help: ArgumentHelp(CLI.strings[.cliAsOfHelp], valueName: "DATE"))
        var asOf: String?

        @OptionGroup var dataFile: DataFileOptions

        @Flag(name: .long, help: ArgumentHelp(CLI.strings[.cliJsonHelp]))
        var json = false


        func run() throws {
            try dataFile.checkLanguage()
            let date: LocalDate
            if let asOf {
                guard let parsed = LocalDate(iso: asOf) ?? LocalDate(typed: asOf) else {
                    throw CLI.fail(CLI.strings(.cliBadDate, asOf))
                }
                date = parsed
            } else {
                date = SystemClock().today
            }
            let rules = try CLI.boardRules()
            let database = try dataFile.open(access: .readOnly)
            defer { database.close() }
            var centres = try database.allCentres()
            if let code = centre {
                centres = centres.filter { $0.code.caseInsensitiveCompare(code.cleanedInput) == .orderedSame }
                guard !centres.isEmpty else { throw CLI.fail(CLI.strings(.cliUnknownCentre, code)) }
            } else {
                centres = centres.filter { $0.status == .active || $0.status == .suspended }
            }
            let engine = BoardCompliance(table: rules, parameters: try database.boardParameters(defaults: rules.parameters),
                                         units: try CLI.units())
            let boards = try database.boardMembers(provinceCode: nil)
            let staff = try database.staffMembers(provinceCode: nil)
            let reports = VietnameseCollation.sorted(centres, by: \.name).map { centre in
                (centre, engine.check(centreID: centre.id ?? 0, members: boards[centre.id ?? 0] ?? [],
                                      staff: staff[centre.id ?? 0] ?? [], asOf: date))
            }
            if json {
                FileHandle.standardOutput.write(Data(BoardChecklistJSON(reports, asOf: date, strings: CLI.strings).bytes + [0x0A]))
            } else {
                print(BoardText.render(reports, asOf: date))
            }
            if reports.contains(where: { $0.1.errorCount > 0 }) { throw ExitCode(1) }
        }
    }
}

/// The checklist as a person reads it in a terminal.
enum BoardText {
    static func render(_ reports: [(Centre, BoardReport)], asOf: LocalDate) -> String {
        let s = CLI.strings
        var lines = [s(.checkDateShown, asOf.vietnamese)]
        for (centre, report) in reports {
            lines.append("")
            lines.append("\(centre.code) \(centre.name): " + s(.cliBoardCounts, report.errorCount, report.warningCount))
            for result in report.results {
                lines.append("  \(s.mark(result.outcome)) \(s.text(result.rule.title)) [\(s.text(result.rule.basis))]")
                for finding in result.findings { lines.append("      " + s.describe(finding)) }
            }
        }
        return lines.joined(separator: "\n")
    }
}
