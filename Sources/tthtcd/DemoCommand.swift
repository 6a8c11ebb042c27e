import ArgumentParser
import Foundation
import Screens
import Storage
import Domain

struct DemoCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "demo", abstract: CLI.strings[.cliDemoAbstract],
                             subcommands: [Create.self])
    }

    struct Create: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "create", abstract: CLI.strings[.cliDemoCreateAbstract])
        }

        @Argument(help: ArgumentHelp(CLI.strings[.cliDemoPathHelp], valueName: "PATH"))
        var path: String

        @Option(name: .long, help: ArgumentHelp(CLI.strings[.cliLangHelp], valueName: "vi|en"))
        var lang: String?

        @Option(name: .long, help: ArgumentHelp(CLI.strings[.cliDemoCommuneHelp], valueName: "CODE"))
        var commune: Int?

        @Flag(name: .long, help: ArgumentHelp(CLI.strings[.cliDemoOfficeOnlyHelp] + " " + CLI.strings[.cliDemoCommuneOfficeHelp]))
        var officeOnly = false

        func run() throws {
            try CLI.checkLanguage(lang)
            let dataset = try CLI.demoDataset()
            let target = CLI.absolute(path)
            var part = AppDatabase.DemoPart.whole
            var count = dataset.centres.count
            if let commune, officeOnly {
                // A commune's office with no centre: any commune of the demo's province.
                guard try CLI.units().unit(code: commune)?.province == dataset.office.provinceCode else {
                    throw CLI.fail(CLI.strings(.cliDemoUnknownCommune, commune))
                }
                part = .communeOfficeOnly(commune)
                count = 0
            } else if let commune {
                count = dataset.centres.filter { $0.centre.communeCode == commune }.count
                guard count > 0 else { throw CLI.fail(CLI.strings(.cliDemoUnknownCommune, commune)) }
                part = .commune(commune)
            } else if officeOnly {
                part = .officeOnly
                count = 0
            }
            do {
                try AppDatabase.createDemo(at: target, dataset: dataset, part: part)
            } catch let error as DataFileError {
                throw CLI.fail(CLI.strings.describe(error))
            }
            print(CLI.strings(.cliDemoCreated, target, count))
            CLI.printDemoAccounts(dataset.accounts)
        }
    }
}

extension CLI {
    /// The demo accounts with their password, one per line, so a trainer can hand them out.
    static func printDemoAccounts(_ accounts: [DemoDataset.DemoAccount]) {
        guard !accounts.isEmpty else { return }
        print(strings[.cliDemoAccountsHeading])
        for account in accounts {
            let roles = account.roles.map { strings.name($0) }.joined(separator: ", ")
            print("  " + DisplayWidth.pad(account.username, to: 12) + DisplayWidth.pad(account.password, to: 10) + roles)
        }
    }
}
