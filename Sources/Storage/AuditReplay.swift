import Domain
import Foundation
import GRDB

/// A record whose live state the audit trail does not explain.
public struct AuditRecordFinding: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// The record differs from what its last entry left: changed outside the program. The changes go
        /// from what the trail says to what the file holds.
        case changedWithoutEntry(lastEntry: Int64, changes: [FieldChange])
        /// In the file, but no entry ever created it (or it came back after an entry deleted it).
        case notLogged
        /// The trail says it exists, but it is gone from the file.
        case deletedWithoutEntry(lastEntry: Int64)
        /// The slice received from another office (`office`, its name; the record id is its writer) no longer holds
        /// what its last receipt, entry `receipt`, recorded: a received record was changed outside the program.
        case receivedChanged(receipt: Int64, office: String)
    }

    public let recordType: String
    public let recordID: String
    public let kind: Kind
}

/// Replays the audit trail, record by record, and compares what it leaves with the live records. Each kind
/// of record is read in the order of its audit key on both sides and merged, so memory stays proportional
/// to one record, not to the file.
enum AuditReplay {
    /// One kind of audited record: how to list the live ones by their audit key, and their fields.
    struct Source {
        let recordType: String
        /// The table, aliased `c` in the queries.
        let table: String
        /// The audit record id, an SQL expression over `c`.
        let key: String
        /// What `fields` needs besides the key.
        let columns: String
        /// The rows the replay covers: imported forms are vouched for by their import's one entry (file, SHA-256,
        /// rows, serials), not field by field, so they and the entries under their numbers are left out.
        var covered = "1"
        let fields: (Database, Row) throws -> [String: String]

        /// Whether the rows belong to a centre, and so to a slice that travels between offices.
        var isHeldByCentre: Bool { SliceTables.tables.contains { $0.name == table } }

        /// The covered rows that also meet `condition` (an SQL condition over `c`), in the order of their key. The
        /// columns come first: records decode the table's columns by position.
        func sql(_ condition: String = "1") -> String {
            "SELECT \(columns), \(key) AS key FROM main.\(table) AS c WHERE (\(covered)) AND (\(condition)) ORDER BY key"
        }
    }

    static var sources: [Source] {
        [
            Source(recordType: Centre.auditRecordType, table: "centre", key: "c.code", columns: "c.id") { db, row in
                try AppDatabase.fetchCentre(db, id: row["id"])?.auditFields ?? [:]
            },
            Source(recordType: BoardMember.auditRecordType, table: "boardMember", key: "CAST(c.id AS TEXT)",
                   columns: "c.id") { db, row in
                try AppDatabase.fetchMembers(db, BoardMemberRecord.filter(key: row["id"] as Int64?)).first?.auditFields ?? [:]
            },
            Source(recordType: Account.auditRecordType, table: "account", key: "c.username", columns: "c.*") { _, row in
                try AccountRecord(row: row).account().auditFields
            },
            Source(recordType: "setting", table: "setting", key: "c.key", columns: "c.value") { _, row in
                ["value": row["value"]]
            },
            Source(recordType: "surveyCampaign", table: "surveyCampaign", key: "CAST(c.id AS TEXT)", columns: "c.*") { _, row in
                AppDatabase.auditFields(try CampaignRecord(row: row).campaign())
            },
            Source(recordType: "surveyResponse", table: "surveyResponse", key: "c.campaignId || '/' || c.serial",
                   columns: "c.*", covered: "c.importBatchId IS NULL") { _, row in
                var fields = AppDatabase.auditFields(try ResponseRecord(row: row).response())
                // The name, village and birth year are also kept in columns of their own: a column changed alone
                // shows as that answer changed.
                let columns: [(String, String)] = [
                    ("name", row["respondentName"] ?? ""), ("village", row["village"] ?? ""),
                    ("birthYear", (row["birthYear"] as Int?).map(String.init) ?? ""),
                ]
                for (field, stored) in columns where stored != (fields[field] ?? "") { fields[field] = stored }
                return fields
            },
            Source(recordType: "plan", table: "plan", key: "CAST(c.id AS TEXT)", columns: "c.id") { db, row in
                guard let plan = try AppDatabase.fetchPlan(db, id: row["id"]) else { return [:] }
                return AppDatabase.auditFields(plan)
            },
        ]
    }

    static let importedFormsLeftOut = """
        AND recordID NOT IN (SELECT campaignId || '/' || serial FROM surveyResponse WHERE importBatchId IS NOT NULL)
        """

    /// Every record the trail does not explain, and how many records were compared.
    static func compare(_ db: Database) throws -> (compared: Int, findings: [AuditRecordFinding]) {
        let outcomes = try outcomeEntries(db)
        var compared = 0
        var findings: [AuditRecordFinding] = []
        for source in sources {
            let entrySQL = """
                SELECT id, action, recordID, changes FROM auditEntry WHERE recordType = ?
                \(source.recordType == "plan" ? "AND instr(recordID, '/') = 0" : "")
                \(source.recordType == "surveyResponse" ? Self.importedFormsLeftOut : "") ORDER BY recordID, id
                """
            var trail = Replayed(try Row.fetchCursor(db, sql: entrySQL, arguments: [source.recordType]))
            // Records received from another office are vouched for by their receipt (``ReceivedAudit``).
            let live = try Row.fetchCursor(db, sql: source.sql(ReceivedAudit.notReceived(source)))
            var pendingLive = try live.next()
            var pendingTrail = try trail.next()
            while pendingLive != nil || pendingTrail != nil {
                let liveKey: String? = pendingLive?["key"]
                let order = compareKeys(liveKey, pendingTrail?.recordID)
                if order == .live {
                    findings.append(AuditRecordFinding(recordType: source.recordType, recordID: liveKey!, kind: .notLogged))
                    compared += 1
                    pendingLive = try live.next()
                } else if order == .trail {
                    let record = pendingTrail!
                    if let last = record.lastEntry, record.state != nil {
                        findings.append(AuditRecordFinding(recordType: source.recordType, recordID: record.recordID,
                                                           kind: .deletedWithoutEntry(lastEntry: last)))
                    }
                    pendingTrail = try trail.next()
                } else {
                    let record = pendingTrail!
                    compared += 1
                    var expected = record.state
                    if source.recordType == "plan", let state = expected {
                        expected = withOutcomes(state, planID: record.recordID, outcomes: outcomes)
                    }
                    let actual = try source.fields(db, pendingLive!)
                    if let expected {
                        let changes = AuditDiff.changes(before: expected, after: actual)
                        if !changes.isEmpty {
                            findings.append(AuditRecordFinding(
                                recordType: source.recordType, recordID: record.recordID,
                                kind: .changedWithoutEntry(lastEntry: record.lastEntry ?? 0, changes: changes)))
                        }
                    } else {
                        findings.append(AuditRecordFinding(recordType: source.recordType, recordID: record.recordID,
                                                           kind: .notLogged))
                    }
                    pendingLive = try live.next()
                    pendingTrail = try trail.next()
                }
            }
        }
        return (compared, findings)
    }

    private enum Side { case live, trail, both }

    /// Which side holds the smaller key, in SQLite's byte order (the order both queries use).
    private static func compareKeys(_ live: String?, _ trail: String?) -> Side {
        guard let live else { return .trail }
        guard let trail else { return .live }
        if live == trail { return .both }
        return live.utf8.lexicographicallyPrecedes(trail.utf8) ? .live : .trail
    }

    /// The outcome last recorded for each activity ("plan id/activity number"), which is kept in its own
    /// entries rather than in the plan's.
    private static func outcomeEntries(_ db: Database) throws -> [String: String] {
        var outcomes: [String: String] = [:]
        let rows = try Row.fetchCursor(db, sql: """
            SELECT recordID, changes FROM auditEntry WHERE recordType = 'plan' AND instr(recordID, '/') > 0 ORDER BY id
            """)
        while let row = try rows.next() {
            if let after = AuditEntry.decode(row["changes"]).first(where: { $0.field == "outcome" })?.after {
                outcomes[row["recordID"]] = after
            }
        }
        return outcomes
    }

    /// A plan's replayed fields with each activity's outcome as its own entries left it.
    private static func withOutcomes(_ fields: [String: String], planID: String, outcomes: [String: String])
        -> [String: String]
    {
        var result = fields
        for (field, value) in fields where field.hasPrefix("activity.") {
            let number = field.dropFirst("activity.".count)
            guard let outcome = outcomes["\(planID)/\(number)"],
                  var activity = try? JSONDecoder().decode(PlanActivity.self, from: Data(value.utf8)),
                  let recorded = try? JSONDecoder().decode(ActivityOutcome.self, from: Data(outcome.utf8))
            else { continue }
            activity.outcome = recorded
            result[field] = PlanActivityRecord.content(activity)
        }
        return result
    }

    /// The trail of one kind of record, folded record by record: each entry's "after" values applied in order.
    struct Replayed {
        struct Record {
            let recordID: String
            /// Nil when the last entry deleted it.
            let state: [String: String]?
            let lastEntry: Int64?
        }

        private var cursor: RowCursor
        private var lookahead: Row?
        private var started = false

        init(_ cursor: RowCursor) { self.cursor = cursor }

        mutating func next() throws -> Record? {
            if !started {
                started = true
                lookahead = try cursor.next()?.copy()
            }
            guard let first = lookahead else { return nil }
            let recordID: String = first["recordID"]
            var state: [String: String]?
            var lastEntry: Int64?
            var row: Row? = first
            while let current = row, current["recordID"] as String == recordID {
                let changes = AuditEntry.decode(current["changes"])
                let action: String = current["action"]
                if action == "delete" || action == ReceivedAudit.handedOver {
                    state = nil
                    lastEntry = current["id"]
                } else if !changes.isEmpty {
                    // A record taken over from the province starts from what the hand-over brought.
                    var fields = action == ReceivedAudit.takenOver ? [:] : state ?? [:]
                    for change in changes {
                        if let after = change.after { fields[change.field] = after } else { fields[change.field] = nil }
                    }
                    state = fields.isEmpty ? nil : fields
                    lastEntry = current["id"]
                }
                row = try cursor.next()?.copy()
            }
            lookahead = row
            return Record(recordID: recordID, state: state, lastEntry: lastEntry)
        }
    }
}
