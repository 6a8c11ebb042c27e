import Domain
import Foundation
import GRDB

extension AppDatabase {
    /// The needs of some campaigns (a centre's campaigns of one year, say) under a filter, summed from the
    /// stored counts: the cost depends on how many kinds of respondent there are, not on how many forms.
    /// The target is the campaigns' targets added up.
    public func needsAnalysis(campaignIDs: [Int64], filter: NeedsFilter = NeedsFilter()) throws -> NeedsAnalysis {
        try writer.read { db in
            let ids = campaignIDs.map(String.init).joined(separator: ",")
            let target = try Int.fetchOne(db, sql: "SELECT sum(target) FROM surveyCampaign WHERE id IN (\(ids))") ?? 0
            return try SurveyTallies.analysis(db, campaigns: SQL(sql: ids), target: target, filter: filter)
        }
    }

    /// The needs of a whole province (or of every province in the file): every campaign of the year.
    public func needsAnalysis(provinceCode: Int?, year: Int, filter: NeedsFilter = NeedsFilter()) throws
        -> (analysis: NeedsAnalysis, campaigns: Int)
    {
        try writer.read { db in
            let campaigns: SQL = provinceCode.map { province in
                "SELECT surveyCampaign.id FROM surveyCampaign JOIN centre ON centre.id = surveyCampaign.centreId WHERE surveyCampaign.year = \(year) AND centre.provinceCode = \(province)"
            } ?? "SELECT id FROM surveyCampaign WHERE year = \(year)"
            let row = try Row.fetchOne(db, SQLRequest<Row>(literal: "SELECT count(*), coalesce(sum(target), 0) FROM surveyCampaign WHERE id IN (\(campaigns))"))
            let target: Int = row?[1] ?? 0
            return (try SurveyTallies.analysis(db, campaigns: campaigns, target: target, filter: filter), row?[0] ?? 0)
        }
    }

    /// How many forms a campaign holds (an index count).
    public func responseCount(campaignID: Int64) throws -> Int {
        try writer.read { db in
            try ResponseRecord.filter(ResponseRecord.Columns.campaignId == campaignID).fetchCount(db)
        }
    }

    /// The form entered last in a campaign (for the ditto key), without reading the others.
    public func lastResponse(campaignID: Int64) throws -> SurveyResponse? {
        try writer.read { db in
            try ResponseRecord.filter(ResponseRecord.Columns.campaignId == campaignID)
                .order(ResponseRecord.Columns.id.desc).fetchOne(db)?.response()
        }
    }

    /// A campaign's forms as validation asks about them, one indexed lookup per question.
    public func storedForms(campaignID: Int64) -> StoredForms { StoredForms(database: self, campaignID: campaignID) }

    /// The imports into a campaign, oldest first.
    public func importBatches(campaignID: Int64) throws -> [ImportBatch] {
        try writer.read { db in
            try ImportBatchRecord.filter(ImportBatchRecord.Columns.campaignId == campaignID).order(Column("id"))
                .fetchAll(db).map { try $0.batch() }
        }
    }

    /// Every form of a campaign in entry order, one at a time: an export of a hundred thousand forms holds one.
    public func forEachResponse(campaignID: Int64, _ body: (SurveyResponse) throws -> Void) throws {
        try writer.read { db in
            let forms = try ResponseRecord.filter(ResponseRecord.Columns.campaignId == campaignID)
                .order(ResponseRecord.Columns.id).fetchCursor(db)
            while let form = try forms.next() { try body(try form.response()) }
        }
    }
}

/// One form as a list shows it: serial, person, village, birth year and the topics wanted, read from columns
/// (the topics from the JSON by SQL), with its search text prepared once. A hundred thousand of these fit in a
/// few tens of megabytes, where the forms themselves would take hundreds.
public struct ResponseRow: Sendable, Identifiable, Equatable {
    public let id: Int64
    public let serial: String
    public let respondentName: String
    public let village: String
    public let birthYear: Int?
    public let topics: [Int]
    public let searchable: SearchableText
}

extension AppDatabase {
    /// The forms of a campaign as list rows, in entry order.
    public func responseRows(campaignID: Int64) throws -> [ResponseRow] {
        try writer.read { db in
            let rows = try Row.fetchCursor(db, sql: """
                SELECT id, serial, respondentName, village, birthYear, json_extract(answers, '$.topics.codes')
                FROM surveyResponse WHERE campaignId = ? ORDER BY id
                """, arguments: [campaignID])
            var result: [ResponseRow] = []
            while let row = try rows.next() {
                let serial: String = row[1], name: String = row[2], village: String = row[3]
                let topics = (row[5] as String?).map { text in
                    text.split(whereSeparator: { !$0.isNumber && $0 != "-" }).compactMap { Int($0) }
                } ?? []
                result.append(ResponseRow(id: row[0], serial: serial, respondentName: name, village: village,
                                          birthYear: row[4], topics: topics,
                                          searchable: SearchableText(serial + " " + name + " " + village)))
            }
            return result
        }
    }
}
