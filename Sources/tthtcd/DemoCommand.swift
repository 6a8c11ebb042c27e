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

        func run() throws {
            try CLI.checkLanguage(lang)
            let dataset = try CLI.demoDataset()
            let target = CLI.absolute(path)
            do {
                try AppDatabase.createDemo(at: target, dataset: dataset)
            } catch let error as DataFileError {
                throw CLI.fail(CLI.strings.describe(error))
            }
            print(CLI.strings(.cliDemoCreated, target, dataset.centres.count))
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
