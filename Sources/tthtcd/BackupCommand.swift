import ArgumentParser
import Domain
import Foundation
import Screens
import Storage

/// `tthtcd backup`: a checked copy made with SQLite's online backup API, safe while the interface runs.
struct BackupCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "backup", abstract: CLI.strings[.cliBackupAbstract])
    }

    @OptionGroup var dataFile: DataFileOptions

    @Option(name: .customLong("to"), help: ArgumentHelp(CLI.strings[.cliBackupToHelp], valueName: "FOLDER"))
    var folder: String?

    func run() throws {
        try dataFile.checkLanguage()
        let s = CLI.strings
        let units = try CLI.units()
        let database = try dataFile.open(access: .readOnly)
        defer { database.close() }
        let target = folder.map(CLI.absolute) ?? Backup.defaultFolder(dataFile: database.path)
        let progress = CLI.ProgressLine()
        do {
            let summary = try database.backup(to: target, label: CLI.officeLabel(database, units: units), at: Date(),
                                              createFolder: folder == nil) { done in
                progress.show(s(.backupProgress, Int(done * 100)))
                return true
            }
            progress.clear()
            let c = summary.contents
            print(s(.backupDone, summary.path, c.centres, c.responses, c.plans, c.auditEntries, c.head?.printed ?? "—"))
        } catch let error as BackupError {
            progress.clear()
            throw CLI.fail(s.describe(error))
        }
    }
}

/// `tthtcd restore FILE`: replaces the data file with a checked backup, keeping the current file.
struct RestoreCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "restore", abstract: CLI.strings[.cliRestoreAbstract])
    }

    @Argument(help: ArgumentHelp(CLI.strings[.cliRestoreFileHelp], valueName: "FILE")) var file: String
    @OptionGroup var dataFile: DataFileOptions

    func run() throws {
        try dataFile.checkLanguage()
        let s = CLI.strings
        let units = try CLI.units()
        let source = CLI.absolute(file)
        let label: String = {
            guard let backup = try? AppDatabase.open(path: source, access: .readOnly) else { return Backup.label(office: "") }
            defer { backup.close() }
            return CLI.officeLabel(backup, units: units)
        }()
        let target = dataFile.path
        do {
            let summary = try AppDatabase.restore(from: source, into: target, label: label, at: Date())
            let c = summary.contents
            if let kept = summary.kept {
                print(s(.restoreDone, summary.dataFile, source, c.centres, c.responses, c.plans, kept))
            } else {
                print(s(.restoreDoneNoPrevious, summary.dataFile, source, c.centres, c.responses, c.plans))
            }
        } catch {
            throw CLI.fail(s.describeFileError(error))
        }
    }
}
