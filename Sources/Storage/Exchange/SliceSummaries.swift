import Crypto
import Domain
import Foundation
import GRDB

/// Each record of a slice as the merge report compares it: kind, stable identity, name, and a digest of its own
/// columns. Ids and links are left out of the digest (they are renumbered on arrival); `updatedAt`, which every
/// save of a record and of what it holds (venues, trainings, activities) moves, is in it.
enum SliceSummaries {
    static func read(_ db: Database, schema: String, centres: String, arguments: StatementArguments = []) throws
        -> [RecordSummary] {
        let centreIDs = "SELECT c.id FROM \(schema).centre c WHERE \(centres)"
        let queries: [(ExchangeKind, String)] = [
            (.centre, "SELECT uid AS identity, code || ' ' || name AS label, * FROM \(schema).centre c WHERE \(centres)"),
            (.boardMember, "SELECT uid AS identity, fullName AS label, * FROM \(schema).boardMember WHERE centreId IN (\(centreIDs))"),
            (.surveyCampaign, "SELECT uid AS identity, title AS label, * FROM \(schema).surveyCampaign WHERE centreId IN (\(centreIDs))"),
            (.surveyResponse, """
                SELECT s.uid || '/' || r.serial AS identity,
                       s.title || ' · ' || r.serial || CASE WHEN r.respondentName = '' THEN '' ELSE ' ' || r.respondentName END AS label,
                       r.* FROM \(schema).surveyResponse r JOIN \(schema).surveyCampaign s ON s.id = r.campaignId
                WHERE s.centreId IN (\(centreIDs))
                """),
            (.plan, "SELECT uid AS identity, title || ' (' || year || ')' AS label, * FROM \(schema).plan WHERE centreId IN (\(centreIDs))"),
        ]
        var summaries: [RecordSummary] = []
        for (kind, sql) in queries {
            let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
            while let row = try rows.next() {
                var hasher = SHA256()
                for (column, value) in row.dropFirst(2) where !isLink(column) {
                    hasher.update(data: Data(column.utf8))
                    hasher.update(data: Data(value.description.utf8))
                    hasher.update(data: Data([0]))
                }
                let digest = hasher.finalize().prefix(12).map { String(format: "%02x", $0) }.joined()
                summaries.append(RecordSummary(kind: kind.rawValue, uid: row["identity"], name: row["label"], digest: digest))
            }
        }
        return summaries
    }

    private static func isLink(_ column: String) -> Bool {
        column == "id" || column == "writer" || column.hasSuffix("Id") || column.hasSuffix("Ids")
    }
}
