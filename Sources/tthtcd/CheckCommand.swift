import ArgumentParser
import Foundation
import Screens
import Storage

/// `tthtcd check`: SQLite's whole-file check on demand. Exit 0 intact, 1 damaged, 2 refused.
struct CheckCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "check", abstract: CLI.strings[.cliCheckAbstract])
    }

    @OptionGroup var dataFile: DataFileOptions

    func run() throws {
        try dataFile.checkLanguage()
        let s = CLI.strings
        let database = try dataFile.open(access: .readOnly)
        defer { database.close() }
        let progress = CLI.ProgressLine()
        progress.show(s(.checkRunning, database.path))
        let outcome = try IntegrityCheck(database: database, scope: .complete).run { _ in }
        progress.clear()
        if case .damaged(let problems) = outcome {
            print(s(.checkDamaged, database.path, problems))
            throw ExitCode(1)
        }
        print(s(.checkIntact, database.path))
    }
}
