import ArgumentParser
import Domain
import Foundation
import Screens
import Storage

/// `tthtcd exchange export|import|status|handover`: bundles on a USB stick between a commune office and its province.
struct ExchangeCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "exchange", abstract: CLI.strings[.cliExchangeAbstract],
                             subcommands: [Export.self, Import.self, Status.self, HandOverCommand.self])
    }

    /// This office, as its bundles name it; exit 2 when the office was never set up.
    static func office(_ database: AppDatabase) throws -> ExchangeOffice {
        guard let settings = try database.officeSettings() else { throw CLI.fail(CLI.strings[.exchangeOfficeNotSet]) }
        return ExchangeOffice(settings: settings, units: try CLI.units())
    }

    struct Export: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "export", abstract: CLI.strings[.cliExchangeExportAbstract])
        }

        @Option(name: .long, help: ArgumentHelp(CLI.strings[.cliExchangeToHelp], valueName: "FOLDER"))
        var to: String?

        @OptionGroup var dataFile: DataFileOptions

        func run() throws {
            try dataFile.checkLanguage()
            let folder = URL(fileURLWithPath: CLI.absolute(to ?? "."))
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
                throw CLI.fail(CLI.strings(.exchangeNoFolder, folder.path))
            }
            let database = try dataFile.open(access: .exclusive)
            defer { database.close() }
            do {
                let bundle = try database.exportBundle(to: folder, office: try ExchangeCommand.office(database),
                                                       programVersion: CLI.version, by: .exchangeCommand, at: Date())
                print(bundle.url.path)
            } catch let error as DataFileError {
                throw CLI.fail(CLI.strings.describe(error))
            }
        }
    }

    struct Import: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "import", abstract: CLI.strings[.cliExchangeImportAbstract])
        }

        @Argument(help: ArgumentHelp(CLI.strings[.cliExchangeFilesHelp], valueName: "FILE"))
        var files: [String]

        @Flag(name: .long, help: ArgumentHelp(CLI.strings[.cliJsonHelp]))
        var json = false

        @OptionGroup var dataFile: DataFileOptions

        func run() throws {
            try dataFile.checkLanguage()
            let s = CLI.strings
            let urls = files.map { URL(fileURLWithPath: CLI.absolute($0)) }
            if let missing = urls.first(where: { !FileManager.default.isReadableFile(atPath: $0.path) }) {
                throw CLI.fail(s(.exchangeNoFile, missing.path))
            }
            let database = try dataFile.open(access: .exclusive)
            defer { database.close() }
            let receiver = try ExchangeCommand.office(database)
            var results: [ExchangeJSON.Result] = []
            var refused = false
            for url in urls {
                do {
                    let received = try database.receiveBundle(at: url, receiver: receiver, by: .exchangeCommand, at: Date())
                    results.append(ExchangeJSON.Result(received))
                    if !json { print(ExchangeText.report(received, strings: s, limit: 20).joined(separator: "\n") + "\n") }
                } catch let problem as BundleProblem {
                    refused = true
                    let reason = s.describe(problem, units: try? CLI.units())
                    results.append(ExchangeJSON.Result(file: url.path, refused: reason))
                    if !json { print(s(.exchangeRefusedLine, url.lastPathComponent, reason) + "\n") }
                }
            }
            if json { print(try ExchangeJSON.encode(results)) }
            if refused { throw ExitCode(1) }
        }
    }

    struct Status: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "status", abstract: CLI.strings[.cliExchangeStatusAbstract])
        }

        @Flag(name: .long, help: ArgumentHelp(CLI.strings[.cliJsonHelp]))
        var json = false

        @OptionGroup var dataFile: DataFileOptions

        func run() throws {
            try dataFile.checkLanguage()
            let database = try dataFile.open(access: .readOnly)
            defer { database.close() }
            let peers = try database.exchangePeers()
            let days = try database.exchangeStaleDays()
            let now = Date()
            if json {
                print(try ExchangeJSON.encode(peers.map { ExchangeJSON.Peer($0, now: now, staleDays: days) }))
            } else if peers.isEmpty {
                print(CLI.strings[.exchangeNoPeers])
            } else {
                for line in ExchangeText.status(peers, now: now, staleDays: days, strings: CLI.strings) { print(line) }
            }
        }
    }
}

/// The JSON scripts read: stable English keys, ISO dates.
enum ExchangeJSON {
    struct Result: Encodable {
        let file: String
        let received: Bool
        let refused: String?
        let office: String?
        let sequence: Int?
        let firstExchange: Bool?
        let fingerprint: String?
        let counts: [String: Int]?
        let added: [MergeReport.Entry]?
        let changed: [MergeReport.Entry]?
        let removed: [MergeReport.Entry]?

        init(_ received: ReceivedBundle) {
            file = received.url.path
            self.received = true
            refused = nil
            office = received.manifest.office.writerID
            sequence = received.manifest.sequence
            firstExchange = received.firstExchange
            fingerprint = received.fingerprint
            counts = received.report.counts
            added = received.report.added
            changed = received.report.changed
            removed = received.report.removed
        }

        init(file: String, refused: String) {
            self.file = file
            received = false
            self.refused = refused
            office = nil; sequence = nil; firstExchange = nil; fingerprint = nil; counts = nil
            added = nil; changed = nil; removed = nil
        }
    }

    struct Peer: Encodable {
        let office: String
        let name: String
        let sequence: Int
        let writtenAt: String
        let receivedAt: String
        let daysSilent: Int
        let stale: Bool
        let fingerprint: String
        let counts: [String: Int]

        init(_ peer: PeerStatus, now: Date, staleDays: Int) {
            office = peer.office.writerID
            name = peer.office.name
            sequence = peer.lastSequence
            writtenAt = Timestamp.string(peer.lastWrittenAt)
            receivedAt = Timestamp.string(peer.lastReceivedAt)
            daysSilent = peer.daysSilent(asOf: now)
            stale = peer.isStale(asOf: now, days: staleDays)
            fingerprint = peer.fingerprint
            counts = peer.counts
        }
    }

    static func encode<T: Encodable>(_ value: T) throws -> String { try ScriptJSON.encode(value) }
}
