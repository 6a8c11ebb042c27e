import ArgumentParser
import Domain
import Foundation
import Screens
import Storage

struct AuditCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "audit", abstract: CLI.strings[.cliAuditAbstract], subcommands: [Verify.self])
    }

    /// Walks the hash chain of the audit trail and names the first entry that does not check out.
    struct Verify: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "verify", abstract: CLI.strings[.cliAuditVerifyAbstract])
        }

        @OptionGroup var dataFile: DataFileOptions


        func run() throws {
            try dataFile.checkLanguage()
            let database = try dataFile.open(access: .readOnly)
            defer { database.close() }
            let s = CLI.strings
            switch try database.verifyAudit() {
            case .intact(let count):
                print(s(.cliAuditIntact, count))
            case .broken(let id, let reason):
                let why = reason == .contentChanged ? s[.auditReasonContent] : s[.auditReasonLink]
                print(s(.cliAuditBroken, id, why))
                throw ExitCode(1)
            }
        }
    }
}
