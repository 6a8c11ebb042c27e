import Domain
import Foundation
import GRDB
import Testing
@testable import Storage

/// A data file written by the version before "v6-province-scale" opens, is migrated in one step, and keeps
/// every form's answers; the new person keys and counts agree with the forms.
@Suite struct MigrationTests {
    static func fixture(_ temp: TempFolder) throws -> String {
        let source = try #require(Bundle.module.url(forResource: "demo-v5", withExtension: "sqlite",
                                                    subdirectory: "Fixtures"))
        let path = temp.path("tthtcd.sqlite")
        try FileManager.default.copyItem(atPath: source.path, toPath: path)
        return path
    }

    @Test func theDemoFileOfThePreviousVersionKeepsEveryAnswer() throws {
        let temp = TempFolder()
        let path = try Self.fixture(temp)
        // What the previous version stored, read with its own decoder before anything is migrated.
        var before: [Int64: (campaign: Int64, answers: SurveyAnswers)] = [:]
        let queue = try DatabaseQueue(path: path)
        try queue.read { db in
            #expect(try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations").last == "v5-plans")
            for row in try Row.fetchAll(db, sql: "SELECT id, campaignId, answers FROM surveyResponse") {
                before[row[0]] = (row[1], try JSONDecoder().decode(SurveyAnswers.self, from: Data((row[2] as String).utf8)))
            }
        }
        try queue.close()
        #expect(before.count == 420)

        let database = try AppDatabase.open(path: path)
        defer { database.close() }
        #expect(try database.appliedMigrations() == AppDatabase.knownMigrations)
        var seen = 0
        for campaign in try database.campaigns() {
            let forms = try database.responses(campaignID: campaign.id!)
            for form in forms {
                let old = try #require(before[form.id!])
                #expect(form.campaignID == old.campaign)
                #expect(form.answers == old.answers, "form \(form.id!)")
                seen += 1
            }
            for filter in [NeedsFilter(), NeedsFilter(sex: 2), NeedsFilter(ageBand: .from30to44),
                           NeedsFilter(occupation: 1), NeedsFilter(village: campaign.centreID == 0 ? nil : forms.first?.village)] {
                #expect(try database.needsAnalysis(campaignIDs: [campaign.id!], filter: filter)
                    == NeedsAnalysis.compute(forms, campaign: campaign, filter: filter), "\(filter)")
            }
        }
        #expect(seen == before.count, "every form is still there")
        let keys = try database.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT id, personKey, importBatchId FROM surveyResponse")
        }
        for row in keys {
            let form = try #require(try database.writer.read { db in try ResponseRecord.fetchOne(db, key: row[0] as Int64) })
            #expect(row[1] as String? == (try form.response()).personKey)
            #expect(row[2] as Int64? == nil, "forms imported before batches were kept belong to none")
        }
    }

    /// Lines of status history written before the program kept who recorded them take the name from the audit
    /// entry of the same centre and moment; new lines carry the person who saved.
    @Test func statusHistoryLearnsWhoFromTheAuditTrail() throws {
        let temp = TempFolder()
        let database = try AppDatabase.open(path: try Self.fixture(temp))
        defer { database.close() }
        let centres = try database.centres(provinceCode: nil)
        var lines = 0
        for centre in centres {
            for change in try database.statusHistory(centreID: centre.id!) {
                #expect(change.recordedBy == "system", "\(centre.code) \(change.to)")
                lines += 1
            }
        }
        #expect(lines == 18)
        var centre = try #require(centres.first { $0.status == .active })
        centre.status = .suspended
        centre.statusDecision = Decision(number: "5/QĐ-UBND", date: LocalDate(iso: "2026-03-01"), issuer: "UBND xã Nghĩa Sơn")
        centre.statusReason = "Sửa trụ sở"
        let clerk = Actor(accountID: nil, username: "canbo", fullName: "Lê Thị Hoa", roles: [.dataClerk])
        _ = try database.saveCentre(centre, by: clerk, at: Date(timeIntervalSince1970: 1_770_000_000))
        #expect(try database.statusHistory(centreID: centre.id!).last?.recordedBy == "Lê Thị Hoa (canbo)")
    }

    /// The plan list's sums, read from typed columns since v14, equal what the activities themselves say, in a
    /// file migrated from the previous version and after an outcome is recorded (the triggers keep them).
    @Test func planSumsFromColumnsEqualTheActivities() throws {
        let temp = TempFolder()
        let database = try AppDatabase.open(path: try Self.fixture(temp))
        defer { database.close() }
        func check() throws {
            let plans = Dictionary(uniqueKeysWithValues: try database.plans().map { ($0.id!, $0) })
            let summaries = try database.planSummaries()
            #expect(summaries.count == plans.count)
            for summary in summaries {
                let plan = try #require(plans[summary.plan.id!])
                #expect(summary.activities == plan.activities.count)
                #expect(summary.done == plan.activities.filter { $0.outcome.state == .done }.count, "plan \(plan.id!)")
                #expect(summary.totalCost == plan.totalCost, "plan \(plan.id!)")
            }
        }
        try check()
        let approved = try #require(try database.plans().first { $0.status == .approved && !$0.activities.isEmpty })
        let before = try #require(try database.planSummaries().first { $0.plan.id == approved.id })
        let index = try #require(approved.activities.firstIndex { $0.outcome.state != .done })
        let chairman = Actor(accountID: nil, username: "giamdoc", fullName: "", roles: [.centreDirector])
        _ = try database.recordOutcome(planID: approved.id!, activityIndex: index,
                                       ActivityOutcome(state: .done, actualDate: approved.activities[index].date ?? LocalDate(iso: "2026-03-01"),
                                                       participants: 20, cost: 1_000_000),
                                       by: chairman, at: Date(timeIntervalSince1970: 1_830_000_000))
        let after = try #require(try database.planSummaries().first { $0.plan.id == approved.id })
        #expect(after.done == before.done + 1)
        try check()
    }
}
