import AppResources
import Domain
import Foundation
import GRDB
import Testing
@testable import Storage

/// Storage refuses every write on a centre outside the account's scope, with ``OutOfScope`` naming the centre, and
/// nothing is written; the same write inside the scope goes through. A real SQLite file in a temporary folder.
@Suite struct ScopeStoreTests {
    let moment = Date(timeIntervalSince1970: 1_768_435_200)
    let temp = TempFolder()

    /// Two centres in two communes, each with a campaign; returns the file and the two centres.
    func twoCommunes() throws -> (AppDatabase, Centre, Centre) {
        let database = try AppDatabase.open(path: temp.path("tthtcd.sqlite"))
        let own = try database.saveCentre(Centre(name: "Trung tâm học tập cộng đồng xã Nghĩa Sơn", provinceCode: 37,
                                                 communeCode: 13918), by: clerk, at: moment)
        let other = try database.saveCentre(Centre(name: "Trung tâm học tập cộng đồng xã Kim Sơn", provinceCode: 37,
                                                   communeCode: 14638), by: clerk, at: moment)
        return (database, own, other)
    }

    func refusal(_ actor: Actor, _ centre: Centre) -> OutOfScope {
        OutOfScope(username: actor.username, scope: actor.scope, centreName: centre.name)
    }

    func auditCount(_ database: AppDatabase) throws -> Int { try database.auditEntries().count }

    @Test func aDirectorLimitedToACentreDraftsAndRecordsOnlyThere() throws {
        let (database, own, other) = try twoCommunes()
        defer { database.close() }
        let director = Actor(accountID: nil, username: "giamdoc", fullName: "G", roles: [.centreDirector],
                             scope: .centre(id: own.id!))
        let activity = PlanActivity(title: "Lớp tin học", topic: 1, expectedLearners: 20, venue: "NVH", month: 3,
                                    responsible: "Trần Văn Minh", cost: 1_000_000)
        let entries = try auditCount(database)
        #expect(throws: refusal(director, other)) {
            try database.savePlan(Plan(centreID: other.id!, year: 2026, title: "KH", activities: [activity]),
                                  by: director, at: self.moment)
        }
        #expect(try database.plans(centreID: other.id!).isEmpty, "nothing written")
        #expect(try auditCount(database) == entries)
        let mine = try database.savePlan(Plan(centreID: own.id!, year: 2026, title: "KH", activities: [activity]),
                                         by: director, at: moment)
        // Moving one's own draft to another centre is the same refusal.
        var moved = mine
        moved.centreID = other.id!
        #expect(throws: refusal(director, other)) { try database.savePlan(moved, by: director, at: self.moment) }

        // A plan of the other centre, drafted by a whole-office director: not submitted, amended or recorded here.
        let office = Actor(accountID: nil, username: "giamdoc2", fullName: "", roles: [.centreDirector])
        let theirs = try database.savePlan(Plan(centreID: other.id!, year: 2026, title: "KH", activities: [activity]),
                                           by: office, at: moment)
        #expect(throws: refusal(director, other)) {
            try database.advancePlan(id: theirs.id!, .submit, by: director, at: self.moment)
        }
        #expect(try database.plan(id: theirs.id!)?.status == .draft)
        #expect(throws: refusal(director, other)) {
            try database.amendPlan(id: theirs.id!, reason: "x", by: director, at: self.moment)
        }
        #expect(throws: refusal(director, other)) {
            try database.recordOutcome(planID: theirs.id!, activityIndex: 0, ActivityOutcome(), by: director,
                                       at: self.moment)
        }
        // The self-assessment of the other centre.
        let catalog = try EvaluationCatalog.decode(AppResources.data("evaluation/criteria.json"))
        let set = try #require(catalog.set(on: EvaluationCatalog.referenceDate(year: 2026), province: 37))
        let schedule = ThresholdSchedule(shipped: catalog.thresholds, province: [])
        let facts = try database.evidenceFacts(centreID: other.id!, year: 2026, boardErrors: 0, trainingsRequired: 2)
        #expect(throws: refusal(director, other)) {
            try database.saveSelfAssessment(Evaluation.start(centreID: other.id!, year: 2026, set: set, facts: facts),
                                            submit: false, set: set, schedule: schedule, by: director, at: self.moment)
        }
        #expect(try database.evaluation(centreID: other.id!, year: 2026) == nil)
        let ownFacts = try database.evidenceFacts(centreID: own.id!, year: 2026, boardErrors: 0, trainingsRequired: 2)
        _ = try database.saveSelfAssessment(Evaluation.start(centreID: own.id!, year: 2026, set: set, facts: ownFacts),
                                            submit: false, set: set, schedule: schedule, by: director, at: moment)
        #expect(try database.verifyAudit() == .intact(entries: try auditCount(database)))
    }

    @Test func aLeaderLimitedToACommuneApprovesAndReturnsOnlyItsPlans() throws {
        let (database, own, other) = try twoCommunes()
        defer { database.close() }
        let admin = try database.createAccount(Account(username: "quantri", fullName: "Q", roles: [.administrator]),
                                               password: "matkhau123", by: .system, at: moment)
        let leader = try database.createAccount(Account(username: "chutich", fullName: "C", roles: [.communeLeader],
                                                        scope: .commune(code: 13918)),
                                                password: "chutich2026", by: admin.actor, at: moment).actor
        #expect(leader.scope == .commune(code: 13918), "the scope is stored and read back")
        let director = Actor(accountID: nil, username: "giamdoc", fullName: "G", roles: [.centreDirector])
        let activity = PlanActivity(title: "Lớp tin học", topic: 1, expectedLearners: 20, venue: "NVH", month: 3,
                                    responsible: "Trần Văn Minh", cost: 1_000_000)
        var plans: [Int64] = []
        for centre in [own, other] {
            let plan = try database.savePlan(Plan(centreID: centre.id!, year: 2026, title: "KH 2026", targetClasses: 1,
                                                  targetLearners: 20, activities: [activity]), by: director, at: moment)
            try database.advancePlan(id: plan.id!, .submit, by: director, at: moment)
            plans.append(plan.id!)
        }
        func failures() throws -> Int? { try database.accounts().first { $0.username == "chutich" }?.failedAttempts }
        let before = try failures()
        #expect(throws: refusal(leader, other)) {
            try database.advancePlan(id: plans[1], .approve, by: leader, password: "chutich2026", at: self.moment)
        }
        #expect(try failures() == before, "the password was not even checked")
        #expect(throws: refusal(leader, other)) {
            try database.advancePlan(id: plans[1], .returnForRevision, by: leader, comment: "Thiếu", at: self.moment)
        }
        #expect(try database.plan(id: plans[1])?.status == .submitted)
        let approved = try database.advancePlan(id: plans[0], .approve, by: leader, password: "chutich2026", at: moment)
        #expect(approved.status == .approved)
    }

    @Test func aClerkLimitedToACommuneEditsOnlyItsCentresBoardsSurveysAndMoney() throws {
        let (database, own, other) = try twoCommunes()
        defer { database.close() }
        let scoped = Actor(accountID: nil, username: "canbo", fullName: "", roles: [.dataClerk], scope: .commune(code: 13918))
        let entries = try auditCount(database)
        var renamed = other
        renamed.address = "Thôn 1"
        #expect(throws: refusal(scoped, other)) { try database.saveCentre(renamed, by: scoped, at: self.moment) }
        // Moving one's own centre out of the commune, or adding a centre in another one.
        var moved = own
        moved.communeCode = 14638
        #expect(throws: refusal(scoped, moved)) { try database.saveCentre(moved, by: scoped, at: self.moment) }
        let elsewhere = Centre(name: "TT mới", provinceCode: 37, communeCode: 14638)
        #expect(throws: refusal(scoped, elsewhere)) { try database.saveCentre(elsewhere, by: scoped, at: self.moment) }
        #expect(throws: refusal(scoped, other)) { try database.deleteCentre(id: other.id!, by: scoped, at: self.moment) }
        #expect(throws: refusal(scoped, other)) {
            try database.saveBoardMember(BoardMember(centreID: other.id!, fullName: "Nguyễn Văn A"), by: scoped, at: self.moment)
        }
        #expect(throws: refusal(scoped, other)) {
            try database.saveStaffMember(StaffMember(centreID: other.id!, fullName: "Lê Văn B", kind: .speaker),
                                         by: scoped, at: self.moment)
        }
        #expect(throws: refusal(scoped, other)) {
            try database.saveCampaign(SurveyCampaign(centreID: other.id!, year: 2026, title: "KS", target: 10),
                                      by: scoped, at: self.moment)
        }
        let theirCampaign = try database.saveCampaign(SurveyCampaign(centreID: other.id!, year: 2026, title: "KS", target: 10),
                                                      by: clerk, at: moment)
        let entriesBefore = try auditCount(database)
        #expect(throws: refusal(scoped, other)) {
            try database.saveResponse(SurveyResponse(campaignID: theirCampaign.id!, answers: ["serial": .text("1")]),
                                      by: scoped, at: self.moment)
        }
        #expect(throws: refusal(scoped, other)) {
            try database.importResponses([SurveyResponse(campaignID: theirCampaign.id!, answers: ["serial": .text("2")])],
                                         by: scoped, at: self.moment)
        }
        #expect(throws: refusal(scoped, other)) {
            try database.saveFundingPlan(FundingYear(centreID: other.id!, year: 2026, estimate: 1_000_000),
                                         by: scoped, at: self.moment)
        }
        #expect(throws: refusal(scoped, other)) {
            try database.addReceipt(FundingReceipt(centreID: other.id!, date: LocalDate(year: 2026, month: 1, day: 2)!,
                                                   source: .communeBudget, amount: 1_000_000),
                                    today: LocalDate(year: 2026, month: 1, day: 15)!, by: scoped, at: self.moment)
        }
        #expect(try database.responses(campaignID: theirCampaign.id!).isEmpty)
        #expect(try auditCount(database) == entriesBefore, "no refused write left an entry")
        #expect(entriesBefore == entries + 1, "only the office clerk's campaign was written")

        // Inside the commune, every one of them goes through.
        var mine = own
        mine.address = "Thôn 2"
        try database.saveCentre(mine, by: scoped, at: moment)
        try database.saveBoardMember(BoardMember(centreID: own.id!, fullName: "Nguyễn Văn A"), by: scoped, at: moment)
        let campaign = try database.saveCampaign(SurveyCampaign(centreID: own.id!, year: 2026, title: "KS", target: 10),
                                                 by: scoped, at: moment)
        try database.saveResponse(SurveyResponse(campaignID: campaign.id!, answers: ["serial": .text("1")]), by: scoped,
                                  at: moment)
        try database.saveFundingPlan(FundingYear(centreID: own.id!, year: 2026, estimate: 1_000_000), by: scoped, at: moment)
        try database.saveCentre(Centre(name: "TT mới", provinceCode: 37, communeCode: 13918), by: scoped, at: moment)
        #expect(try database.verifyAudit() == .intact(entries: try auditCount(database)))
    }

    @Test func theAdministratorSetsAScopeAndTheTrailReplaysIt() throws {
        let (database, own, _) = try twoCommunes()
        defer { database.close() }
        let admin = try database.createAccount(Account(username: "quantri", fullName: "Q", roles: [.administrator]),
                                               password: "matkhau123", by: .system, at: moment)
        var director = try database.createAccount(Account(username: "giamdoc", fullName: "G", roles: [.centreDirector]),
                                                  password: "matkhau123", by: admin.actor, at: moment)
        #expect(director.scope == .office)
        director.scope = .centre(id: own.id!)
        #expect(throws: PermissionDenied(permission: .manageAccounts, username: "giamdoc")) {
            try database.updateAccount(director, by: director.actor, at: self.moment)
        }
        try database.updateAccount(director, by: admin.actor, at: moment)
        #expect(try database.accounts().first { $0.username == "giamdoc" }?.scope == .centre(id: own.id!))
        director.scope = .centre(id: 999)
        #expect(throws: AccountError.scopeCentreGone) { try database.updateAccount(director, by: admin.actor, at: self.moment) }
        director.scope = .commune(code: 13918)
        try database.updateAccount(director, by: admin.actor, at: moment)
        let entry = try #require(try database.auditEntries().first)  // newest first
        #expect(entry.changes == [FieldChange(field: "scope", before: "centre:\(own.id!)", after: "commune:13918")])
        director.scope = .office
        try database.updateAccount(director, by: admin.actor, at: moment)
        #expect(try database.auditEntries().first?.changes == [FieldChange(field: "scope", before: "commune:13918", after: nil)])
        let report = try database.auditReport()
        #expect(report.findings.isEmpty, "the trail explains every scope the accounts hold")
    }

    /// A file of the version before scopes: its accounts open whole-office, and their trail still replays.
    @Test func accountsOfAnOlderFileStayWholeOffice() throws {
        let path = try MigrationTests.fixture(temp)
        let queue = try DatabaseQueue(path: path)
        let (columns, count) = try queue.read { db in
            (try db.columns(in: "account").map(\.name), try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM account") ?? 0)
        }
        #expect(!columns.contains("scopeCentreId") && count > 0)
        try queue.close()
        let database = try AppDatabase.open(path: path)
        defer { database.close() }
        #expect(try database.appliedMigrations().last == AccountScopeMigration.name)
        let accounts = try database.accounts()
        #expect(!accounts.isEmpty && accounts.allSatisfy { $0.scope == .office })
        #expect(try database.auditReport().findings.filter { $0.recordType == Account.auditRecordType }.isEmpty)
    }
}
