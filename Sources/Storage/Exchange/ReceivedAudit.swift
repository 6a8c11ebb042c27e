import Crypto
import Domain
import Foundation
import GRDB

/// The audit trail of records that travel between offices (issue 13). A received slice's history is the sending
/// office's trail: here its receipt vouches for it, as an import's one entry vouches for its forms, and the replay
/// leaves it out. The receipt's entry keeps a digest of the slice as it was received, so that a received record
/// changed outside the program is still found. A hand-over moves records from one trail to the other: at the
/// commune one entry per record taken over gives the replay the state its later entries build on; at the province
/// one entry per record ends its trail when the commune's first bundle replaces it.
enum ReceivedAudit {
    /// The action of the entries that end the province's trail of the records it handed over.
    static let handedOver = "handedOver"
    /// The action of the entries that start the commune's trail of the records it took over.
    static let takenOver = "takenOver"

    /// The centres received from another office: those of an office a bundle came from. The centres a province
    /// handed over stay under its own trail until the commune's first bundle replaces them.
    static let receivedCentres = "c.writer IS NOT NULL AND c.writer IN (SELECT writer FROM main.exchangePeer)"

    /// A condition over a source's table (aliased `c`) that leaves out its received rows.
    static func notReceived(_ source: AuditReplay.Source) -> String {
        guard source.isHeldByCentre else { return "1" }
        return "NOT (\(SliceTables.owned(source.table, schema: "main", centres: receivedCentres)))"
    }

    /// At the province, before the first bundle of `writer` replaces what was handed over to it: the handed-over
    /// records leave this office's trail, one entry each with the fields they had.
    static func endHandedOver(_ db: Database, writer: String, by actor: Actor, at moment: Date) throws {
        let received = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM exchangePeer WHERE writer = ?)",
                                         arguments: [writer]) ?? false
        guard !received else { return }
        try appendEntries(db, centres: "c.writer = ?", arguments: [writer], action: handedOver, by: actor, at: moment)
    }

    /// At the commune, after a hand-over's centres were copied (their new ids in `temp.exchangeMap`): the records
    /// start this office's trail, one entry each with the fields they arrived with.
    static func startTakenOver(_ db: Database, by actor: Actor, at moment: Date) throws {
        try appendEntries(db, centres: "c.id IN (SELECT new FROM temp.exchangeMap WHERE tbl = 'centre')", arguments: [],
                          action: takenOver, by: actor, at: moment)
    }

    /// One entry for each audited record of the chosen centres, with its fields as the replay reads them.
    private static func appendEntries(_ db: Database, centres: String, arguments: StatementArguments, action: String,
                                      by actor: Actor, at moment: Date) throws {
        for source in AuditReplay.sources where source.isHeldByCentre {
            let condition = SliceTables.owned(source.table, schema: "main", centres: centres)
            for row in try Row.fetchAll(db, sql: source.sql(condition), arguments: arguments) {
                let fields = try source.fields(db, row)
                let changes = action == takenOver ? AuditDiff.changes(before: nil, after: fields)
                    : AuditDiff.changes(before: fields, after: nil)
                try AppDatabase.audit(db, actor: actor, action: action, recordType: source.recordType,
                                      recordID: row["key"], changes: changes, at: moment, always: true)
            }
        }
    }

    /// What `writer`'s slice holds here, as one SHA-256 over the merge report's digest of each record (its own
    /// columns and the rows it holds, not ids), in the order of their kind and identity; and how many records.
    static func digest(_ db: Database, writer: String) throws -> (records: Int, digest: String) {
        digest(try SliceSummaries.read(db, schema: "main", centres: "c.writer = ?", arguments: [writer]))
    }

    /// The same over summaries already read (receiving reads the bundle's once for the merge report).
    static func digest(_ records: [RecordSummary]) -> (records: Int, digest: String) {
        let summaries = records.sorted { ($0.kind, $0.uid) < ($1.kind, $1.uid) }
        var hasher = SHA256()
        for summary in summaries {
            hasher.update(data: Data("\(summary.kind)\u{0}\(summary.uid)\u{0}\(summary.digest)\n".utf8))
        }
        return (summaries.count, SliceSummaries.hex(hasher.finalize()))
    }

    /// The field of a receipt's entry that keeps the digest.
    static let digestField = "digest"

    /// Each received slice compared with the digest its last receipt kept. Receipts written before digests were
    /// kept are not checked.
    static func compare(_ db: Database) throws -> (compared: Int, findings: [AuditRecordFinding]) {
        var compared = 0
        var findings: [AuditRecordFinding] = []
        for peer in try Row.fetchAll(db, sql: "SELECT writer, name FROM exchangePeer ORDER BY writer") {
            let writer: String = peer["writer"]
            guard let receipt = try Row.fetchOne(db, sql: """
                    SELECT id, changes FROM auditEntry WHERE recordType = 'exchange' AND recordID = ? AND action = 'receive'
                    ORDER BY id DESC LIMIT 1
                    """, arguments: [writer]),
                  let kept = AuditEntry.decode(receipt["changes"]).first(where: { $0.field == digestField })?.after
            else { continue }
            let (records, digest) = try Self.digest(db, writer: writer)
            compared += records
            if digest != kept {
                findings.append(AuditRecordFinding(recordType: "exchange", recordID: writer,
                                                   kind: .receivedChanged(receipt: receipt["id"], office: peer["name"])))
            }
        }
        return (compared, findings)
    }
}
