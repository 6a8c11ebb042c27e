import ArgumentParser
import Domain
import Foundation
import Screens
import Storage

struct AuditCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "audit", abstract: CLI.strings[.cliAuditAbstract], subcommands: [Verify.self])
    }

    /// Checks the trail: its hash chain and triggers, its head against every anchor kept outside the table,
    /// and a replay of it against the live records. Exit 0 intact, 1 altered, 2 a refused file or bad input.
    struct Verify: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "verify", abstract: CLI.strings[.cliAuditVerifyAbstract])
        }

        @OptionGroup var dataFile: DataFileOptions

        @Option(name: .customLong("anchor"), help: ArgumentHelp(CLI.strings[.cliAnchorHelp], valueName: "N:HASH"))
        var anchors: [String] = []

        func run() throws {
            try dataFile.checkLanguage()
            let s = CLI.strings
            let given = try anchors.map { text in
                // Copied off paper, an anchor may come with the sentence's full stop.
                let typed = text.trimmingCharacters(in: CharacterSet(charactersIn: ". ").union(.whitespacesAndNewlines))
                guard let head = AuditHead(parsing: typed) else { throw CLI.fail(s(.cliBadAnchor, text)) }
                return head
            }
            let database = try dataFile.open(access: .readOnly)
            defer { database.close() }
            let report = try database.auditReport(anchors: given)
            for line in AuditReportText.lines(report, strings: s) { print(line) }
            if !report.isIntact { throw ExitCode(1) }
        }
    }
}

/// The verification as a person reads it: one line per check, then every record that does not match.
enum AuditReportText {
    static func lines(_ report: AuditReport, strings s: Strings) -> [String] {
        var lines: [String] = []
        switch report.chain {
        case .intact(let count): lines.append(s(.verifyChainIntact, count))
        case .broken(let id, let reason):
            lines.append(s(.cliAuditBroken, id, reason == .contentChanged ? s[.auditReasonContent] : s[.auditReasonLink]))
        }
        if report.missingTriggers.isEmpty {
            lines.append(s[.verifyTriggersPresent])
        } else {
            lines += report.missingTriggers.map { s(.verifyTriggerMissing, $0) }
        }
        if report.anchors.isEmpty { lines.append(s[.verifyNoAnchors]) }
        for anchor in report.anchors {
            let name = source(anchor.source, strings: s)
            switch anchor.status {
            case .matches: lines.append(s(.verifyAnchorMatches, name, anchor.head.entry))
            case .entryGone: lines.append(s(.verifyAnchorEntryGone, name, anchor.head.entry))
            case .hashDiffers: lines.append(s(.verifyAnchorHashDiffers, name, anchor.head.entry))
            }
        }
        if report.findings.isEmpty {
            lines.append(s(.verifyRecordsMatch, report.recordsCompared))
        } else {
            lines.append(s(.verifyRecordsCompared, report.recordsCompared, report.findings.count))
            for finding in report.findings {
                let record = s.auditRecordName(type: finding.recordType, id: finding.recordID)
                switch finding.kind {
                case .changedWithoutEntry(let last, let changes):
                    let fields = changes.map { s(.verifyFieldChange, $0.field, $0.before ?? "", $0.after ?? "") }
                    lines.append("  " + s(.verifyChangedWithoutEntry, record, last, fields.joined(separator: "; ")))
                case .notLogged:
                    lines.append("  " + s(.verifyNotLogged, record))
                case .deletedWithoutEntry(let last):
                    lines.append("  " + s(.verifyDeletedWithoutEntry, record, last))
                case .receivedChanged(let receipt, let office):
                    lines.append("  " + s(.verifyReceivedChanged, office, receipt))
                }
            }
        }
        lines.append(report.isIntact ? s[.verifyIntact] : s(.verifyAltered, report.problemCount))
        return lines
    }

    static func source(_ source: AuditReport.AnchorSource, strings s: Strings) -> String {
        switch source {
        case .given: return s[.anchorSourceGiven]
        case .backup(let path): return s(.anchorSourceBackup, (path as NSString).lastPathComponent)
        case .anchorFile(let record):
            let date = Timestamp.display(record.at)
            switch record.kind {
            case .head: return s(.anchorSourceFile, date)
            case .backup: return s(.anchorSourceBackupRecord, date, record.note)
            case .restore: return s(.anchorSourceRestore, date, (record.note as NSString).lastPathComponent)
            }
        }
    }
}
