import Domain
import Foundation
import GRDB

public enum FundingStoreError: Error, Equatable {
    case notFound
    case invalid([FundingReceipt.Problem])
}

extension AppDatabase {
    /// A centre's money for a year: estimate and allocation, receipts by date, and what the done activities of
    /// its approved plans record as spent (summed by SQL).
    public func fundingYear(centreID: Int64, year: Int) throws -> FundingYear {
        try writer.read { db in
            var funding = FundingYear(centreID: centreID, year: year)
            if let row = try FundingYearRecord.fetchOne(db, key: ["centreId": centreID, "year": year]) {
                funding.estimate = row.estimate
                funding.preparedBy = row.preparedBy
                funding.allocated = row.allocated
                funding.note = row.note
            }
            funding.receipts = try ReceiptRecord.filter(ReceiptRecord.Columns.centreId == centreID
                                                        && ReceiptRecord.Columns.year == year)
                .order(ReceiptRecord.Columns.date, ReceiptRecord.Columns.id).fetchAll(db).map { try $0.receipt() }
            funding.spent = try Int.fetchOne(db, sql: """
                SELECT coalesce(sum(json_extract(a.content, '$.outcome.cost')), 0)
                FROM planActivity a JOIN plan p ON p.id = a.planId
                WHERE p.centreId = ? AND p.year = ? AND p.status = 'approved'
                  AND json_extract(a.content, '$.outcome.state') = 'done'
                """, arguments: [centreID, year]) ?? 0
            return funding
        }
    }

    /// Saves the year's estimate (prepared by the Hội Khuyến học) and the commune's allocation.
    public func saveFundingPlan(_ funding: FundingYear, by actor: Actor, at moment: Date) throws {
        try actor.require(.recordFunding)
        try writer.write { db in
            try Self.requireScope(db, actor, centreID: funding.centreID)
            // A centre received from another office (or handed over to its commune) is that office's to write.
            try Self.requireSelfSide(db, centreID: funding.centreID)
            let before = try FundingYearRecord.fetchOne(db, key: ["centreId": funding.centreID, "year": funding.year])
            let record = FundingYearRecord(centreId: funding.centreID, year: funding.year, estimate: max(0, funding.estimate),
                                           preparedBy: funding.preparedBy.cleanedInput,
                                           allocated: max(0, funding.allocated), note: funding.note.cleanedInput,
                                           updatedAt: Timestamp.string(moment))
            try record.upsert(db)
            func fields(_ r: FundingYearRecord) -> [String: String] {
                FundingYear(centreID: r.centreId, year: r.year, estimate: r.estimate, preparedBy: r.preparedBy,
                            allocated: r.allocated, note: r.note).auditFields
            }
            try Self.audit(db, actor: actor, action: before == nil ? "create" : "update",
                           recordType: FundingYear.auditRecordType, recordID: "\(funding.centreID) \(funding.year)",
                           changes: AuditDiff.changes(before: before.map(fields), after: fields(record)), at: moment)
        }
    }

    /// Records money received.
    @discardableResult
    public func addReceipt(_ input: FundingReceipt, today: LocalDate, by actor: Actor, at moment: Date) throws
        -> FundingReceipt
    {
        try actor.require(.recordFunding)
        var receipt = input
        receipt.donor = receipt.donor.cleanedInput
        receipt.note = receipt.note.cleanedInput
        let problems = receipt.problems(today: today)
        guard problems.isEmpty else { throw FundingStoreError.invalid(problems) }
        return try writer.write { db in
            try Self.requireScope(db, actor, centreID: receipt.centreID)
            try Self.requireSelfSide(db, centreID: receipt.centreID)
            var record = ReceiptRecord(receipt, createdAt: Timestamp.string(moment))
            try record.insert(db)
            receipt.id = record.id
            try Self.audit(db, actor: actor, action: "create", recordType: FundingReceipt.auditRecordType,
                           recordID: String(record.id!), changes: AuditDiff.changes(before: nil, after: receipt.auditFields),
                           at: moment)
            return receipt
        }
    }

    /// Removes a receipt entered by mistake (the audit trail keeps what it said).
    public func deleteReceipt(id: Int64, by actor: Actor, at moment: Date) throws {
        try actor.require(.recordFunding)
        try writer.write { db in
            guard let record = try ReceiptRecord.fetchOne(db, key: id) else { throw FundingStoreError.notFound }
            try Self.requireScope(db, actor, centreID: record.centreId)
            try Self.requireSelfSide(db, centreID: record.centreId)
            try ReceiptRecord.deleteOne(db, key: id)
            try Self.audit(db, actor: actor, action: "delete", recordType: FundingReceipt.auditRecordType,
                           recordID: String(id), changes: AuditDiff.changes(before: try record.receipt().auditFields, after: nil),
                           at: moment)
        }
    }
}
