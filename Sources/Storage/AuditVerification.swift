import Domain
import Foundation
import GRDB

/// Everything `audit verify` checks, and what it found.
public struct AuditReport: Sendable, Equatable {
    /// Where a head kept outside the table came from.
    public enum AnchorSource: Hashable, Sendable {
        /// A line of the anchor file beside the data file.
        case anchorFile(AuditAnchorRecord)
        /// The last entry of a backup in the backup folder.
        case backup(path: String)
        /// Given with `--anchor`, read off a printed or exported document.
        case given
    }

    public enum AnchorStatus: Hashable, Sendable {
        case matches
        /// The trail no longer reaches that entry: its last entries were deleted.
        case entryGone
        /// The entry is there with another hash: the trail was edited and its chain recomputed.
        case hashDiffers
    }

    public struct AnchorCheck: Hashable, Sendable {
        public let source: AnchorSource
        public let head: AuditHead
        public let status: AnchorStatus
    }

    /// The hash chain read as stored.
    public let chain: AuditChain.Verdict
    /// Append-only triggers that are not in the file.
    public let missingTriggers: [String]
    public let anchors: [AnchorCheck]
    /// Records compared with the trail.
    public let recordsCompared: Int
    public let findings: [AuditRecordFinding]

    public var isIntact: Bool {
        chain.isIntact && missingTriggers.isEmpty && anchors.allSatisfy { $0.status == .matches } && findings.isEmpty
    }

    /// Number of separate signs of tampering.
    public var problemCount: Int {
        (chain.isIntact ? 0 : 1) + missingTriggers.count + anchors.filter { $0.status != .matches }.count
            + findings.count
    }
}

extension AuditChain.Verdict {
    public var isIntact: Bool {
        if case .intact = self { return true }
        return false
    }
}

extension AppDatabase {
    /// The triggers that keep the trail append-only for the program.
    static let auditTriggers = ["auditEntry_noDelete", "auditEntry_noUpdate"]

    /// Checks the trail against itself (the hash chain and the triggers), against heads kept outside the table
    /// (the anchor file, the backups in `backupFolder`, and `anchors` read off documents), and against the live
    /// records, which it replays.
    public func auditReport(anchors given: [AuditHead] = [], backupFolder: String? = nil) throws -> AuditReport {
        var outside: [(AuditReport.AnchorSource, AuditHead)] = given.map { (.given, $0) }
        if lock != nil {
            let records = AuditAnchor.read(dataFile: path)
            outside += records.map { (.anchorFile($0), $0.head) }
            // Backups of this file's own history: not the copies kept when a restore replaced it, and none made
            // before the last restore (they hold the history the restore replaced).
            let restored = records.last { $0.kind == .restore }?.at ?? .distantPast
            for backup in Backup.files(in: backupFolder ?? Backup.defaultFolder(dataFile: path))
            where backup != path && !backup.contains("-" + Backup.beforeRestoreSuffix)
                && Backup.modified(backup) >= restored.addingTimeInterval(-1) {
                if let head = Backup.auditHead(of: backup) { outside.append((.backup(path: backup), head)) }
            }
        }
        return try writer.read { db in
            let chain = try Self.verifyChain(db)
            let present = try Set(String.fetchAll(db, sql: """
                SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'auditEntry'
                    AND sql LIKE '%RAISE(ABORT%'
                """))
            let missing = Self.auditTriggers.filter { !present.contains($0) }
            let checks = try outside.map { source, head in
                let stored = try String.fetchOne(db, sql: "SELECT hash FROM auditEntry WHERE id = ?", arguments: [head.entry])
                let status: AuditReport.AnchorStatus = stored.map { head.matches($0) ? .matches : .hashDiffers } ?? .entryGone
                return AuditReport.AnchorCheck(source: source, head: head, status: status)
            }
            let (compared, findings) = try AuditReplay.compare(db)
            let (received, changed) = try ReceivedAudit.compare(db)
            return AuditReport(chain: chain, missingTriggers: missing, anchors: checks, recordsCompared: compared + received,
                               findings: findings + changed)
        }
    }

    /// The head of the trail now; nil when it is empty.
    public func auditHead() throws -> AuditHead? {
        try writer.read { db in try AuditHead.current(db) }
    }
}
