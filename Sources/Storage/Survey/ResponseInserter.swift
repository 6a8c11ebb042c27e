import Domain
import Foundation
import GRDB

/// Many forms into one campaign, inside the caller's transaction: one prepared statement for every row, the
/// counts of the needs analysis added up in memory and written once at the end, one import batch that every
/// form points to, and one audit entry for the whole batch.
struct ResponseInserter {
    let db: Database
    let year: Int
    private(set) var batch: ImportBatch
    private let insert: Statement
    private let stamp: String
    private var tally = NeedsTally()

    init(_ db: Database, campaignID: Int64, fileName: String, sha256: String, by actor: Actor, at moment: Date) throws {
        guard let year = try CampaignRecord.select(CampaignRecord.Columns.year, as: Int.self)
            .filter(key: campaignID).fetchOne(db) else { throw SurveyStoreError.notFound }
        self.db = db
        self.year = year
        stamp = Timestamp.string(moment)
        var record = ImportBatchRecord(ImportBatch(campaignID: campaignID, fileName: fileName, sha256: sha256,
                                                   username: actor.username, importedAt: moment))
        try record.insert(db)
        batch = try record.batch()
        insert = try db.makeStatement(sql: """
            INSERT INTO surveyResponse(campaignId, serial, respondentName, village, birthYear, answers, overrides,
                createdAt, updatedAt, importBatchId, personKey)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
    }

    /// A form made ready to store, by a pure function that may run on any core: cleaned as
    /// ``AppDatabase/saveResponse(_:by:at:)`` cleans, its answers as JSON, its person key and its counts.
    struct Prepared: Sendable {
        let response: SurveyResponse
        let answers: String
        let overrides: String
        let personKey: String?
    }

    static func prepare(_ input: SurveyResponse, year: Int) -> Prepared {
        let response = AppDatabase.cleaned(input)
        return Prepared(response: response, answers: AnswersJSON.encode(response.answers),
                        overrides: response.overrides.isEmpty ? "[]" : StoredText.json(response.overrides),
                        personKey: response.personKey)
    }

    /// Stores one form, refusing a serial the campaign already has.
    mutating func add(_ input: SurveyResponse) throws { try add(Self.prepare(input, year: year)) }

    mutating func add(_ prepared: Prepared) throws {
        let response = prepared.response
        let serial = response.serial
        do {
            try insert.execute(arguments: [
                batch.campaignID, serial, response.respondentName, response.village, response.birthYear,
                prepared.answers, prepared.overrides, stamp, stamp, batch.id, prepared.personKey,
            ])
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
            throw SurveyStoreError.duplicateSerial(serial)
        }
        tally.add(response, year: year)
        if batch.rows == 0 { batch.firstSerial = serial }
        batch.lastSerial = serial
        batch.rows += 1
    }

    /// Writes the counts, completes the batch and appends its audit entry.
    mutating func finish(by actor: Actor, at moment: Date) throws -> ImportBatch {
        try SurveyTallies.apply(db, campaignID: batch.campaignID, tally)
        tally = NeedsTally()
        try ImportBatchRecord(batch).update(db)
        try AppDatabase.audit(db, actor: actor, action: "import", recordType: "importBatch",
                              recordID: "\(batch.campaignID)/\(batch.id!)",
                              changes: AuditDiff.changes(before: nil, after: batch.auditFields), at: moment)
        return batch
    }
}
