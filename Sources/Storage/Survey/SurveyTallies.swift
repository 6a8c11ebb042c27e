import Domain
import Foundation
import GRDB

/// The stored counts of the needs analysis (`surveyTally`), kept in the same transaction as every save,
/// import and delete of a form, so the analysis sums a few thousand rows instead of reading every form.
enum SurveyTallies {
    static let table = "surveyTally"

    /// Adds a tally's counts to a campaign's (negative counts take forms away). Rows that reach zero go.
    static func apply(_ db: Database, campaignID: Int64, _ tally: NeedsTally) throws {
        let upsert = try db.cachedStatement(sql: """
            INSERT INTO surveyTally(campaignId, village, sex, ageBand, occupation, question, code, n)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT DO UPDATE SET n = n + excluded.n
            """)
        let upsertTotal = try db.cachedStatement(sql: """
            INSERT INTO surveyTotal(campaignId, question, code, n) VALUES (?, ?, ?, ?)
            ON CONFLICT DO UPDATE SET n = n + excluded.n
            """)
        var emptied: [NeedsTally.Key] = []
        var totals: [String: [Int: Int]] = [:]
        for (key, n) in tally.counts where n != 0 {
            try upsert.execute(arguments: arguments(campaignID, key) + [n])
            totals[key.question, default: [:]][key.code, default: 0] += n
            if n < 0 { emptied.append(key) }
        }
        for (question, codes) in totals {
            for (code, n) in codes where n != 0 { try upsertTotal.execute(arguments: [campaignID, question, code, n]) }
        }
        guard !emptied.isEmpty else { return }
        let prune = try db.cachedStatement(sql: """
            DELETE FROM surveyTally WHERE campaignId = ? AND village = ? AND sex = ? AND ageBand = ? AND occupation = ?
                AND question = ? AND code = ? AND n <= 0
            """)
        for key in emptied { try prune.execute(arguments: arguments(campaignID, key)) }
        let pruneTotal = try db.cachedStatement(sql: """
            DELETE FROM surveyTotal WHERE campaignId = ? AND question = ? AND code = ? AND n <= 0
            """)
        for key in emptied { try pruneTotal.execute(arguments: [campaignID, key.question, key.code]) }
    }

    private static func arguments(_ campaignID: Int64, _ key: NeedsTally.Key) -> StatementArguments {
        [campaignID, key.cell.village, key.cell.sex, key.cell.ageBand, key.cell.occupation, key.question, key.code]
    }

    /// One form in, out (times -1) or changed (the old one out, the new one in).
    static func add(_ db: Database, _ response: SurveyResponse, times: Int = 1) throws {
        guard let year = try CampaignRecord.select(CampaignRecord.Columns.year, as: Int.self)
            .filter(key: response.campaignID).fetchOne(db) else { return }
        var tally = NeedsTally()
        tally.add(response, year: year, times: times)
        try apply(db, campaignID: response.campaignID, tally)
    }

    /// Counts every form of a campaign again (its year changed, so did the age bands), or of every campaign.
    static func rebuild(_ db: Database, campaignID: Int64? = nil) throws {
        let years = try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT id, year FROM surveyCampaign")
            .map { ($0[0] as Int64, $0[1] as Int) })
        for table in ["surveyTally", "surveyTotal"] {
            if let campaignID {
                try db.execute(sql: "DELETE FROM \(table) WHERE campaignId = ?", arguments: [campaignID])
            } else {
                try db.execute(sql: "DELETE FROM \(table)")
            }
        }
        let forms = try Row.fetchCursor(
            db, sql: "SELECT id, campaignId, answers, overrides FROM surveyResponse \(campaignID == nil ? "" : "WHERE campaignId = ?") ORDER BY campaignId",
            arguments: campaignID.map { [$0] } ?? [])
        var current: Int64?
        var tally = NeedsTally()
        while let row = try forms.next() {
            let campaign: Int64 = row[1]
            if campaign != current {
                if let current { try apply(db, campaignID: current, tally) }
                current = campaign
                tally = NeedsTally()
            }
            let response = try ResponseRecord.response(id: row[0], campaignID: campaign, answers: row[2], overrides: row[3])
            tally.add(response, year: years[campaign] ?? 0)
        }
        if let current { try apply(db, campaignID: current, tally) }
    }

    /// The analysis of the campaigns a subquery selects (`SELECT id FROM surveyCampaign ...`), under a filter.
    static func analysis(_ db: Database, campaigns: SQL, target: Int, filter: NeedsFilter) throws -> NeedsAnalysis {
        var conditions: [SQL] = ["campaignId IN (\(campaigns))"]
        if let village = filter.village { conditions.append("village = \(village)") }
        if let sex = filter.sex { conditions.append("sex = \(sex)") }
        if let band = filter.ageBand { conditions.append("ageBand = \(band.index)") }
        if let occupation = filter.occupation { conditions.append("occupation = \(occupation)") }
        // Without a filter, the totals by campaign answer: a few dozen rows a campaign.
        let table: SQL = conditions.count == 1 ? "surveyTotal" : "surveyTally"
        let sql: SQL = "SELECT question, code, sum(n) FROM \(table) WHERE \(conditions.joined(separator: " AND ")) GROUP BY question, code"
        var respondents = 0
        var counts: [String: [Int: Int]] = [:]
        let rows = try Row.fetchCursor(db, SQLRequest<Row>(literal: sql))
        while let row = try rows.next() {
            let question: String = row[0]
            if question == NeedsTally.formsQuestion {
                respondents += row[2] as Int
            } else {
                counts[question, default: [:]][row[1], default: 0] += row[2] as Int
            }
        }
        return NeedsAnalysis.from(respondents: respondents, counts: counts, target: target)
    }
}
