import Domain
import Foundation
import GRDB

/// What the audit screen asks for.
public struct AuditFilter: Sendable, Equatable {
    public var username: String?
    /// Matched against the record type and id ("centre", "TT13918", "boardMember 12").
    public var record: String?
    public var from: LocalDate?
    public var to: LocalDate?

    public init(username: String? = nil, record: String? = nil, from: LocalDate? = nil, to: LocalDate? = nil) {
        self.username = username
        self.record = record
        self.from = from
        self.to = to
    }
}

extension AppDatabase {
    /// Appends one entry to the audit trail inside the caller's transaction. Nothing is written when nothing
    /// changed.
    static func audit(_ db: Database, actor: Actor, action: String, recordType: String, recordID: String,
                      changes: [FieldChange], at moment: Date, always: Bool = false) throws {
        guard always || !changes.isEmpty else { return }
        let previous = try String.fetchOne(db, sql: "SELECT hash FROM auditEntry ORDER BY id DESC LIMIT 1")
            ?? AuditChain.genesis
        let id = (try Int64.fetchOne(db, sql: "SELECT max(id) FROM auditEntry") ?? 0) + 1
        let stamp = Timestamp.string(moment)
        let encoded = AuditEntry.encode(changes)
        let hash = AuditChain.hash(id: id, at: stamp, username: actor.username, action: action,
                                   recordType: recordType, recordID: recordID, changes: encoded, previousHash: previous)
        try db.execute(
            sql: """
                INSERT INTO auditEntry(id, at, username, action, recordType, recordID, changes, previousHash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [id, stamp, actor.username, action, recordType, recordID, encoded, previous, hash])
    }

    /// The entries matching a filter, newest first, at most `limit`.
    public func auditEntries(_ filter: AuditFilter = AuditFilter(), limit: Int = 2000) throws -> [AuditEntry] {
        try writer.read { db in
            var conditions: [String] = []
            var arguments: StatementArguments = []
            if let username = filter.username {
                conditions.append("username = ?")
                _ = arguments.append(contentsOf: [username])
            }
            if let record = filter.record?.cleanedInput, !record.isEmpty {
                conditions.append("(recordType || ' ' || recordID) LIKE ?")
                _ = arguments.append(contentsOf: ["%" + record + "%"])
            }
            if let from = filter.from {
                conditions.append("at >= ?")
                _ = arguments.append(contentsOf: [from.iso])
            }
            if let to = filter.to {
                conditions.append("at < ?")
                _ = arguments.append(contentsOf: [to.adding(days: 1).iso])
            }
            let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            _ = arguments.append(contentsOf: [limit])
            return try Row.fetchAll(
                db, sql: "SELECT * FROM auditEntry \(whereClause) ORDER BY id DESC LIMIT ?", arguments: arguments
            ).map { row in
                AuditEntry(id: row["id"], at: Timestamp.date(row["at"]) ?? Date(timeIntervalSince1970: 0),
                           username: row["username"], action: row["action"], recordType: row["recordType"],
                           recordID: row["recordID"], changes: AuditEntry.decode(row["changes"]),
                           previousHash: row["previousHash"], hash: row["hash"])
            }
        }
    }

    /// Checks the whole chain, oldest first, as the rows are stored.
    public func verifyAudit() throws -> AuditChain.Verdict {
        try writer.read { db in try Self.verifyChain(db) }
    }

    static func verifyChain(_ db: Database) throws -> AuditChain.Verdict {
        var walk = AuditChain.Walk()
        let rows = try Row.fetchCursor(db, sql: "SELECT * FROM auditEntry ORDER BY id")
        while let row = try rows.next() {
            let stored = AuditChain.StoredRow(
                id: row["id"], at: row["at"], username: row["username"], action: row["action"],
                recordType: row["recordType"], recordID: row["recordID"], changes: row["changes"],
                previousHash: row["previousHash"], hash: row["hash"])
            if let broken = walk.check(stored) { return broken }
        }
        return walk.verdict
    }
}
