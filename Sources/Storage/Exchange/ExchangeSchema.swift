import GRDB

/// The schema step of exchange bundles (issue 13): a stable identity for every record, the office that wrote
/// it, the one-writer rule as triggers, and what the office knows of the offices it exchanges with.
///
/// - `uid`: a random 128-bit hex identity on centres, board members, survey campaigns and plans, filled by a
///   trigger when a row is inserted without one (the stores never need to know) and copied as is by a bundle. A
///   survey form's identity is its campaign's uid and its serial (already unique in its campaign); every other
///   row (venues, trainings, activities...) belongs to one of these and travels with it.
/// - `centre.writer`: NULL for this office's own records; the writing office's id ("X13918") for a slice
///   received in a bundle. Everything under a centre has the centre's writer.
/// - A received record is never changed, removed or added to by this office: the triggers refuse it unless the
///   one transaction that replaces a slice has opened `exchangeGate`.
enum ExchangeSchema {
    /// The message of the triggers' refusal, recognised by `StorageFailure`.
    static let refusal = "tthtcd: a record received from another office is read-only"

    static let identified = ["centre", "boardMember", "surveyCampaign", "plan"]

    /// Each guarded table and the expression giving the writer of a row (`R` stands for OLD or NEW).
    static let guarded: [(table: String, writer: String)] = {
        let byCentre = "(SELECT writer FROM centre WHERE id = R.centreId)"
        return [
            ("centre", "R.writer"),
            ("venue", byCentre), ("facility", byCentre), ("centreStatusChange", byCentre),
            ("boardMember", byCentre), ("surveyCampaign", byCentre), ("plan", byCentre),
            ("training", "(SELECT c.writer FROM boardMember m JOIN centre c ON c.id = m.centreId WHERE m.id = R.memberId)"),
            ("surveyResponse", "(SELECT c.writer FROM surveyCampaign s JOIN centre c ON c.id = s.centreId WHERE s.id = R.campaignId)"),
            ("importBatch", "(SELECT c.writer FROM surveyCampaign s JOIN centre c ON c.id = s.centreId WHERE s.id = R.campaignId)"),
            ("planActivity", "(SELECT c.writer FROM plan p JOIN centre c ON c.id = p.centreId WHERE p.id = R.planId)"),
            ("planEvent", "(SELECT c.writer FROM plan p JOIN centre c ON c.id = p.centreId WHERE p.id = R.planId)"),
        ]
    }()

    static func migrate(_ db: Database) throws {
        for table in identified {
            try db.alter(table: table) { t in t.add(column: "uid", .text) }
            try db.execute(sql: "UPDATE \(table) SET uid = lower(hex(randomblob(16)))")
            try db.create(index: "\(table)_uid", on: table, columns: ["uid"], options: .unique)
            try db.execute(sql: """
                CREATE TRIGGER \(table)_identity AFTER INSERT ON \(table) WHEN NEW.uid IS NULL
                BEGIN UPDATE \(table) SET uid = lower(hex(randomblob(16))) WHERE id = NEW.id; END
                """)
        }
        try db.alter(table: "centre") { t in t.add(column: "writer", .text) }
        try db.create(index: "centre_writer", on: "centre", columns: ["writer"])
        // Open only inside the transaction that replaces a received slice (one row, removed before it commits).
        try db.create(table: "exchangeGate") { t in t.column("open", .integer).notNull() }
        for (table, writer) in guarded {
            for (event, row) in [("INSERT", "NEW"), ("UPDATE", "OLD"), ("DELETE", "OLD")] {
                let expression = writer.replacingOccurrences(of: "R.", with: "\(row).")
                try db.execute(sql: """
                    CREATE TRIGGER \(table)_oneWriter_\(event.lowercased()) BEFORE \(event) ON \(table)
                    WHEN \(expression) IS NOT NULL AND NOT EXISTS (SELECT 1 FROM exchangeGate)
                    BEGIN SELECT RAISE(ABORT, '\(refusal)'); END
                    """)
            }
        }
        // The offices this one has received bundles from: the key pinned at the first exchange, the last bundle.
        try db.create(table: "exchangePeer") { t in
            t.primaryKey("writer", .text)
            t.column("level", .text).notNull()
            t.column("code", .integer).notNull()
            t.column("name", .text).notNull()
            t.column("provinceCode", .integer).notNull()
            t.column("publicKey", .text).notNull()
            t.column("pinnedAt", .text).notNull()
            t.column("lastSequence", .integer).notNull()
            t.column("lastWrittenAt", .text).notNull()
            t.column("lastReceivedAt", .text).notNull()
            t.column("counts", .text).notNull()
        }
        // Every bundle received: the audit heads before and after, and the merge report as it was shown.
        try db.create(table: "exchangeReceipt") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("writer", .text).notNull().references("exchangePeer", onDelete: .restrict)
            t.column("sequence", .integer).notNull()
            t.column("writtenAt", .text).notNull()
            t.column("receivedAt", .text).notNull()
            t.column("username", .text).notNull()
            t.column("fileName", .text).notNull()
            t.column("sha256", .text).notNull()
            t.column("previousAuditHead", .text)
            t.column("auditHead", .text)
            t.column("report", .text).notNull()
        }
        try db.create(index: "exchangeReceipt_writer", on: "exchangeReceipt", columns: ["writer", "sequence"])
    }
}
