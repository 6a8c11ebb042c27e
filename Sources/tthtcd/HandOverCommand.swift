import ArgumentParser
import Domain
import Foundation
import Screens
import Storage

extension ExchangeCommand {
    /// `tthtcd exchange handover --commune CODE [--to FOLDER] | --undo`: at a provincial office, hands the centres it
    /// keyed for a commune over to that commune's office (prints the bundle's path), or takes the hand-over back
    /// while the commune has sent nothing. Exit 0 done, 1 refused (the hand-over is closed or empty), 2 bad input.
    struct HandOverCommand: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "handover", abstract: CLI.strings[.cliExchangeHandoverAbstract])
        }

        @Option(name: .long, help: ArgumentHelp(CLI.strings[.cliHandOverCommuneHelp], valueName: "CODE"))
        var commune: Int

        @Option(name: .long, help: ArgumentHelp(CLI.strings[.cliExchangeToHelp], valueName: "FOLDER"))
        var to: String?

        @Flag(name: .long, help: ArgumentHelp(CLI.strings[.cliHandOverUndoHelp]))
        var undo = false

        @OptionGroup var dataFile: DataFileOptions

        func run() throws {
            try dataFile.checkLanguage()
            let s = CLI.strings
            if undo && to != nil { throw CLI.fail(s[.cliHandOverUndoWithTo]) }
            let folder = URL(fileURLWithPath: (CLI.absolute(to ?? ".") as NSString).standardizingPath)
            if !undo {
                var isFolder: ObjCBool = false
                guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
                    throw CLI.fail(s(.exchangeNoFolder, folder.path))
                }
            }
            let database = try dataFile.open(access: .exclusive)
            defer { database.close() }
            let units = try CLI.units()
            // As the screen's picker: a commune no longer in the unit list has no office to receive its centres.
            guard units.unit(code: commune) != nil else { throw CLI.fail(s(.receiveWalkCommuneNotInList, commune)) }
            let office = try ExchangeCommand.office(database)
            do {
                if undo {
                    let count = try database.takeBackHandOver(commune: commune, by: .exchangeCommand, at: Date())
                    print(s(.handOverTakenBack, count, s.communeName(commune, units: units)))
                } else {
                    let bundle = try database.exportHandOver(commune: commune, to: folder, office: office,
                                                             programVersion: CLI.version, by: .exchangeCommand, at: Date())
                    print(bundle.url.path)
                }
            } catch let error as HandOverError {
                FileHandle.standardError.write(Data((s.describe(error, units: units) + "\n").utf8))
                throw ExitCode(1)
            } catch let error as DataFileError {
                throw CLI.fail(s.describe(error))
            }
        }
    }
}
