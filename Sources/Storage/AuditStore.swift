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
    /// A centre: its own entries and those of its board (trainings included), surveys, forms, imports, plans,
    /// evaluations, people who teach and money.
    public var centre: (id: Int64, code: String)? {
        get { centreID.map { ($0, centreCode) } }
        set { centreID = newValue?.id; centreCode = newValue?.code ?? "" }
    }
    private var centreID: Int64?
    private var centreCode = ""

    public init(username: String? = nil, record: String? = nil, from: LocalDate? = nil, to: LocalDate? = nil) {
        self.username = username
        self.record = record
        self.from = from
        self.to = to
    }

    /// The entries of a centre and of every record that belongs to it. A record removed since keeps its place
    /// through the centre it named in its own entry.
    static let centreCondition = """
        ((recordType = 'centre' AND recordID = :code)
         OR (recordType = 'evaluation' AND recordID LIKE :code || ' %')
         OR (recordType = 'fundingYear' AND recordID LIKE :idText || ' %')
         OR (recordType = 'staffMember' AND CAST(recordID AS INTEGER) IN (SELECT id FROM staffMember WHERE centreId = :id))
         OR (recordType = 'fundingReceipt' AND CAST(recordID AS INTEGER) IN (SELECT id FROM fundingReceipt WHERE centreId = :id))
         OR (recordType IN ('boardMember', 'plan', 'surveyCampaign', 'evaluation', 'staffMember', 'fundingYear',
                            'fundingReceipt') AND EXISTS (
               SELECT 1 FROM json_each(auditEntry.changes) AS j WHERE json_extract(j.value, '$.field') = 'centreID'
               AND (json_extract(j.value, '$.before') = :idText OR json_extract(j.value, '$.after') = :idText)))
         OR (recordType = 'boardMember' AND CAST(recordID AS INTEGER) IN (SELECT id FROM boardMember WHERE centreId = :id))
         OR (recordType = 'plan' AND CAST(recordID AS INTEGER) IN (SELECT id FROM plan WHERE centreId = :id))
         OR (recordType = 'surveyCampaign' AND CAST(recordID AS INTEGER) IN (SELECT id FROM surveyCampaign WHERE centreId = :id))
         OR (recordType = 'surveyResponse' AND CAST(recordID AS INTEGER) IN (
               SELECT r.id FROM surveyResponse r JOIN surveyCampaign s ON s.id = r.campaignId WHERE s.centreId = :id))
         OR (recordType = 'importBatch' AND CAST(recordID AS INTEGER) IN (
               SELECT b.id FROM importBatch b JOIN surveyCampaign s ON s.id = b.campaignId WHERE s.centreId = :id)))
        """
}

extension AppDatabase {
    /// Appends one entry to the audit trail inside the caller's transaction. Nothing is written when nothing
    /// changed.
    static func audit(_ db: Database, actor: Actor, action: String, recordType: String, recordID: String,
                      changes: [FieldChange], at moment: Date, always: Bool = false) throws {
        guard always || !changes.isEmpty else { return }
        let last = try AuditEntryRecord.select(AuditEntryRecord.Columns.id, AuditEntryRecord.Columns.hash)
            .order(AuditEntryRecord.Columns.id.desc).asRequest(of: Row.self).fetchOne(db)
        let previous: String = last?[1] ?? AuditChain.genesis
        let id = (last?[0] as Int64? ?? 0) + 1
        let stamp = Timestamp.string(moment)
        let encoded = AuditEntry.encode(changes)
        let hash = AuditChain.hash(id: id, at: stamp, username: actor.username, action: action,
                                   recordType: recordType, recordID: recordID, changes: encoded, previousHash: previous)
        try AuditEntryRecord(id: id, at: stamp, username: actor.username, action: action, recordType: recordType,
                             recordID: recordID, changes: encoded, previousHash: previous, hash: hash).insert(db)
    }

    /// The entries matching a filter, newest first, at most `limit`.
    public func auditEntries(_ filter: AuditFilter = AuditFilter(), limit: Int = 2000) throws -> [AuditEntry] {
        try writer.read { db in
            typealias Columns = AuditEntryRecord.Columns
            var request = AuditEntryRecord.all()
            if let username = filter.username { request = request.filter(Columns.username == username) }
            if let record = filter.record?.cleanedInput, !record.isEmpty {
                request = request.filter(sql: "(recordType || ' ' || recordID) LIKE ?", arguments: ["%" + record + "%"])
            }
            if let (id, code) = filter.centre {
                request = request.filter(sql: AuditFilter.centreCondition,
                                         arguments: ["code": code, "id": id, "idText": String(id)])
            }
            if let from = filter.from { request = request.filter(Columns.at >= from.iso) }
            if let to = filter.to { request = request.filter(Columns.at < to.adding(days: 1).iso) }
            return try request.order(Columns.id.desc).limit(limit).fetchAll(db).map { try $0.entry() }
        }
    }

    /// Checks the whole chain, oldest first, as the rows are stored.
    public func verifyAudit() throws -> AuditChain.Verdict {
        try writer.read { db in try Self.verifyChain(db) }
    }

    /// Entry by entry from a cursor: the memory does not grow with the trail.
    static func verifyChain(_ db: Database) throws -> AuditChain.Verdict {
        var walk = AuditChain.Walk()
        let rows = try AuditEntryRecord.order(AuditEntryRecord.Columns.id).fetchCursor(db)
        while let row = try rows.next() {
            if let broken = walk.check(row.stored) { return broken }
        }
        return walk.verdict
    }
}
