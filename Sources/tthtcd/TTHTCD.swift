import ArgumentParser
import Domain
import Foundation
import NcursesBackend
import Screens
import Storage

@main
struct TTHTCD: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "tthtcd", abstract: CLI.strings[.cliAbstract], discussion: CLI.strings[.cliDiscussion],
            version: CLI.version,
            subcommands: [OpenCommand.self, DemoCommand.self, CentresCommand.self, BoardCommand.self, SurveyCommand.self,
                          PlanCommand.self, EvaluationCommand.self, TargetsCommand.self, ReportCommand.self,
                          ExportCommand.self, AuditCommand.self, BackupCommand.self, RestoreCommand.self, CheckCommand.self,
                          ExchangeCommand.self,
                          BenchCommand.self],
            defaultSubcommand: OpenCommand.self)
    }

    /// ArgumentParser's own entry point, except that an error a command did not turn into a message itself (a
    /// damaged stored value, a full disk, a file the system refused...) is told in the user's language with exit
    /// code 2, never as the library's English text. ArgumentParser keeps its own errors (usage, --help, exit codes).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            refuse(error)
        }
    }

    /// ArgumentParser's own errors (a wrong command line, --help, an exit code a command chose) go out as it
    /// writes them, but a refused command line in the user's words; any other error in the catalog's words.
    static func refuse(_ error: Error) -> Never {
        guard String(reflecting: type(of: error)).hasPrefix("ArgumentParser.") else {
            FileHandle.standardError.write(Data((CLI.strings.describeFileError(error) + "\n").utf8))
            Foundation.exit(2)
        }
        let code = exitCode(for: error)
        if error is ExitCode { exit(withError: error) }
        if code == .success {
            // --help and --version: the help in the user's language, on standard output as ArgumentParser writes it.
            print(UsageMessages.translateHelp(fullMessage(for: error), strings: CLI.strings))
            Foundation.exit(0)
        }
        let text = UsageMessages.translate(message: message(for: error), fullMessage: fullMessage(for: error),
                                           strings: CLI.strings)
        FileHandle.standardError.write(Data((text + "\n").utf8))
        Foundation.exit(code.rawValue)
    }
}

/// The interface itself; the default when no subcommand is named, so `tthtcd --data PATH` opens PATH.
struct OpenCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "open", abstract: CLI.strings[.cliOpenAbstract])
    }

    @OptionGroup var dataFile: DataFileOptions

    @Flag(name: .long, help: ArgumentHelp(CLI.strings[.cliDemoHelp]))
    var demo = false

    func run() throws {
        try dataFile.checkLanguage()
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw CLI.fail(CLI.strings[.cliNoTerminal]) }
        let units = try CLI.units()
        if demo {
            try runDemo(units: units)
            return
        }
        let database = try InteractiveSession.open(dataFile.path)
        let daily = DailyBackupRun(database: database, label: CLI.officeLabel(database, units: units))
        do {
            // A demo file made by `demo create` lists its accounts at sign-in too, while their password is unchanged.
            let demoAccounts = (try? database.unchangedDemoAccounts(of: CLI.demoDataset())) ?? []
            try InteractiveSession.run(database: database, units: units, demoAccounts: demoAccounts)
        } catch {
            daily.cancel()
            try? CLI.finish(database)
            throw error
        }
        daily.finish()
        try CLI.finish(database)
        TerminalRestorer.reraisePendingStop()
    }

    /// A fresh temporary copy of the demo dataset, removed on exit; the user's data file is never opened.
    private func runDemo(units: UnitDirectory) throws {
        let dataset = try CLI.demoDataset()
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("tthtcd-demo-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent(DataLocation.fileName).path
        let database: AppDatabase
        do {
            database = try AppDatabase.open(path: path)
            try database.load(dataset)
        } catch let error as DataFileError {
            throw CLI.fail(CLI.strings.describe(error))
        }
        defer { database.close() }
        try InteractiveSession.run(database: database, units: units, demoAccounts: dataset.accounts)
    }
}
