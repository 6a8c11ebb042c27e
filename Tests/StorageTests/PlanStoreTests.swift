import Domain
import Foundation
import Testing
@testable import Storage

@Suite struct PlanStoreTests {
    let moment = Date(timeIntervalSince1970: 1_763_700_000)

    /// A data file with a director and a leader who have real passwords, and a centre with a 2026 survey.
    func setUp() throws -> (AppDatabase, Actor, Actor, Plan) {
        let database = try AppDatabase.inMemory()
        let admin = try database.createAccount(Account(username: "quantri", fullName: "Q", roles: [.administrator]),
                                               password: "matkhau123", by: .system, at: moment)
        let director = try database.createAccount(Account(username: "giamdoc", fullName: "G", roles: [.centreDirector]),
                                                  password: "matkhau123", by: admin.actor, at: moment).actor
        let leader = try database.createAccount(Account(username: "chutich", fullName: "C", roles: [.communeLeader]),
                                                password: "chutich2026", by: admin.actor, at: moment).actor
        let centre = try database.saveCentre(Centre(name: "TT", provinceCode: 37, communeCode: 13891), by: clerk, at: moment)
        let campaign = try database.saveCampaign(SurveyCampaign(centreID: centre.id!, year: 2026, title: "KS", target: 10),
                                                 by: clerk, at: moment)
        let activities = [PlanActivity(title: "Lớp trồng lúa", topic: 1, expectedLearners: 30, venue: "NVH", month: 3,
                                       responsible: "Trần Văn Minh", cost: 2_000_000)]
        let plan = try database.savePlan(Plan(centreID: centre.id!, year: 2026, title: "KH 2026", campaignIDs: [campaign.id!],
                                              targetClasses: 1, targetLearners: 30, activities: activities),
                                         by: director, at: moment)
        return (database, director, leader, plan)
    }

    @Test func submitReturnResubmitApproveKeepsFourHistoryEntries() throws {
        let (database, director, leader, plan) = try setUp()
        let id = plan.id!
        #expect(plan.status == .draft)
        try database.advancePlan(id: id, .submit, by: director, at: moment)
        #expect(throws: PlanStoreError.readOnly(.submitted)) { try database.savePlan(plan, by: director, at: self.moment) }
        try database.advancePlan(id: id, .returnForRevision, by: leader, comment: "Thêm lớp chăn nuôi", at: moment)
        var returned = try #require(try database.plan(id: id))
        #expect(returned.status == .returned)
        returned.activities.append(PlanActivity(title: "Lớp chăn nuôi", topic: 2, expectedLearners: 20, venue: "NVH",
                                                month: 4, responsible: "Trần Văn Minh"))
        returned.targetClasses = 2
        returned.targetLearners = 50
        try database.savePlan(returned, by: director, at: moment)
        try database.advancePlan(id: id, .submit, by: director, at: moment)
        #expect(throws: AccountError.refused(.wrongCredentials(remaining: 4))) {
            try database.advancePlan(id: id, .approve, by: leader, password: "sai", at: self.moment)
        }
        #expect(throws: PlanStoreError.workflow(.passwordRequired)) {
            try database.advancePlan(id: id, .approve, by: leader, at: self.moment)
        }
        #expect(try database.centresWithApprovedAnnualPlan(year: 2026).isEmpty, "submitted is not approved")
        let approved = try database.advancePlan(id: id, .approve, by: leader, password: "chutich2026", at: moment)
        #expect(approved.status == .approved)
        #expect(try database.centresWithApprovedAnnualPlan(year: 2026) == [plan.centreID])
        #expect(try database.centresWithApprovedAnnualPlan(year: 2025).isEmpty)
        #expect(approved.history.map(\.action) == [.submit, .returnForRevision, .submit, .approve])
        #expect(approved.history[1].comment == "Thêm lớp chăn nuôi")
        #expect(approved.history.map(\.username) == ["giamdoc", "chutich", "giamdoc", "chutich"])
        #expect(throws: PlanStoreError.readOnly(.approved)) { try database.savePlan(approved, by: director, at: self.moment) }
        #expect(try database.verifyAudit() == .intact(entries: try database.auditEntries().count))
    }

    /// Wrong passwords at approval count towards the sign-in lock: the prompt cannot be used to guess.
    @Test func wrongApprovalPasswordsLockTheAccount() throws {
        let (database, director, leader, plan) = try setUp()
        let id = plan.id!
        try database.advancePlan(id: id, .submit, by: director, at: moment)
        for remaining in [4, 3, 2, 1] {
            #expect(throws: AccountError.refused(.wrongCredentials(remaining: remaining))) {
                try database.advancePlan(id: id, .approve, by: leader, password: "doan\(remaining)", at: self.moment)
            }
        }
        let lockedUntil = moment.addingTimeInterval(SignInPolicy.lockout)
        #expect(throws: AccountError.refused(.locked(until: lockedUntil))) {
            try database.advancePlan(id: id, .approve, by: leader, password: "doan0", at: self.moment)
        }
        #expect(throws: AccountError.refused(.locked(until: lockedUntil)), "even the right password waits") {
            try database.advancePlan(id: id, .approve, by: leader, password: "chutich2026", at: self.moment)
        }
        #expect(try database.plan(id: id)?.status == .submitted)
        let later = lockedUntil.addingTimeInterval(1)
        #expect(try database.advancePlan(id: id, .approve, by: leader, password: "chutich2026", at: later).status == .approved)
        // A step refused anyway does not count the password typed for it.
        #expect(throws: PlanStoreError.workflow(.notAllowed(from: .approved, action: .approve))) {
            try database.advancePlan(id: id, .approve, by: leader, password: "sai", at: later)
        }
        #expect(try database.signIn(username: "chutich", password: "chutich2026", at: later) != .refused(.locked(until: lockedUntil)))
    }

    @Test func refusedStepsChangeNothing() throws {
        let (database, director, leader, plan) = try setUp()
        let id = plan.id!
        #expect(throws: PlanStoreError.workflow(.notAllowed(from: .draft, action: .approve))) {
            try database.advancePlan(id: id, .approve, by: leader, password: "chutich2026", at: self.moment)
        }
        try database.advancePlan(id: id, .submit, by: director, at: moment)
        try database.advancePlan(id: id, .returnForRevision, by: leader, comment: "Sửa", at: moment)
        // A director approving their own returned plan: the step does not exist, and they lack the role anyway.
        #expect(throws: PlanStoreError.workflow(.notAllowed(from: .returned, action: .approve))) {
            try database.advancePlan(id: id, .approve, by: director, password: "matkhau123", at: self.moment)
        }
        try database.advancePlan(id: id, .submit, by: director, at: moment)
        #expect(throws: PlanStoreError.workflow(.permissionDenied(PermissionDenied(permission: .approvePlans, username: "giamdoc")))) {
            try database.advancePlan(id: id, .approve, by: director, password: "matkhau123", at: self.moment)
        }
        #expect(throws: PlanStoreError.workflow(.reasonRequired)) {
            try database.advancePlan(id: id, .returnForRevision, by: leader, comment: " ", at: self.moment)
        }
        let stored = try #require(try database.plan(id: id))
        #expect(stored.status == .submitted)
        #expect(stored.history.count == 3)
    }

    @Test func badActivitiesAreRefusedAndNothingChanges() throws {
        let (database, director, _, plan) = try setUp()
        var bad = plan
        bad.activities[0].cost = -1
        #expect(throws: PlanStoreError.invalid([PlanIssue(.negativeCost(activity: 1))])) {
            try database.savePlan(bad, by: director, at: self.moment)
        }
        bad = plan
        bad.activities[0].date = LocalDate(iso: "2025-12-01")
        #expect(throws: PlanStoreError.invalid([PlanIssue(.dateOutsideYear(activity: 1, year: 2026))])) {
            try database.savePlan(bad, by: director, at: self.moment)
        }
        #expect(try database.plan(id: plan.id!) == plan)
        var empty = plan
        empty.activities = []
        try database.savePlan(empty, by: director, at: moment)
        #expect(throws: PlanStoreError.workflow(.checksFailed([PlanIssue(.noActivities),
                                                               PlanIssue(.classesDoNotAddUp(target: 1, activities: 0)),
                                                               PlanIssue(.learnersDoNotAddUp(target: 30, activities: 0))]))) {
            try database.advancePlan(id: plan.id!, .submit, by: director, at: self.moment)
        }
    }

    @Test func anApprovedAmendmentSupersedesTheVersionItAmends() throws {
        let (database, director, leader, plan) = try setUp()
        let id = plan.id!
        try database.advancePlan(id: id, .submit, by: director, at: moment)
        try database.advancePlan(id: id, .approve, by: leader, password: "chutich2026", at: moment)
        #expect(throws: PlanStoreError.workflow(.reasonRequired)) {
            try database.amendPlan(id: id, reason: " \n ", by: director, at: self.moment)
        }
        let amendment = try database.amendPlan(id: id, reason: "Thêm lớp tin học\ncho người cao tuổi", by: director, at: moment)
        #expect(try database.plan(id: id)?.history.last?.comment == "Thêm lớp tin học\ncho người cao tuổi",
                "the reason is kept whole in the approved plan's history")
        #expect(amendment.version == 2 && amendment.amends == id && amendment.status == .draft)
        #expect(amendment.amendmentReason == "Thêm lớp tin học\ncho người cao tuổi",
                "the new version carries its reason, for its heading and its history")
        #expect(try database.plan(id: id)?.amendmentReason == nil, "the version amended is no amendment itself")
        #expect(try database.amendPlan(id: id, reason: "Lần nữa", by: director, at: moment).id == amendment.id, "one open amendment at a time")
        #expect(try database.plan(id: id)?.status == .approved, "the approved plan stays in force meanwhile")
        try database.advancePlan(id: amendment.id!, .submit, by: director, at: moment)
        try database.advancePlan(id: amendment.id!, .approve, by: leader, password: "chutich2026", at: moment)
        #expect(try database.plan(id: id)?.status == .superseded)
        #expect(try database.plan(id: amendment.id!)?.status == .approved)
    }

    @Test func outcomesAreRecordedOnApprovedPlansOnly() throws {
        let (database, director, leader, plan) = try setUp()
        let done = ActivityOutcome(state: .done, actualDate: LocalDate(iso: "2026-03-10"), participants: 28, women: 15)
        #expect(throws: PlanStoreError.readOnly(.draft)) {
            try database.recordOutcome(planID: plan.id!, activityIndex: 0, done, by: director, at: self.moment)
        }
        try database.advancePlan(id: plan.id!, .submit, by: director, at: moment)
        try database.advancePlan(id: plan.id!, .approve, by: leader, password: "chutich2026", at: moment)
        #expect(throws: PermissionDenied(permission: .recordPlanOutcomes, username: "chutich")) {
            try database.recordOutcome(planID: plan.id!, activityIndex: 0, done, by: leader, at: self.moment)
        }
        // What was done is dated in the plan's year, on or after the approval, never in the future.
        let later = moment.addingTimeInterval(120 * 86_400)
        for (date, problem) in [("2025-11-01", PlanProblem.outcomeDateBeforeApproval(activity: 1, approved: LocalDate(date: moment, timeZone: .current))),
                                ("2027-01-05", .outcomeDateOutsideYear(activity: 1, year: 2026))] {
            var wrong = done
            wrong.actualDate = LocalDate(iso: date)
            #expect(throws: PlanStoreError.self) {
                try database.recordOutcome(planID: plan.id!, activityIndex: 0, wrong, by: director, at: later)
            }
            let activity = try #require(try database.plan(id: plan.id!)?.activities.first)
            var attempted = activity
            attempted.outcome = wrong
            let approved = try #require(try database.plan(id: plan.id!))
            #expect(PlanValidator.outcomeIssues(attempted, number: 1, plan: approved, today: LocalDate(date: later, timeZone: .current))
                .map(\.problem).contains(problem), "\(date)")
        }
        #expect(throws: PlanStoreError.invalid([PlanIssue(.outcomeDateInFuture(activity: 1))])) {
            try database.recordOutcome(planID: plan.id!, activityIndex: 0, done, by: director, at: self.moment)
        }
        var spent = done
        spent.cost = 750_000
        let updated = try database.recordOutcome(planID: plan.id!, activityIndex: 0, spent, by: director, at: later)
        #expect(updated.activities[0].outcome == spent, "the cost actually spent is kept")
        #expect(updated.progress == (1, 1))
        #expect(PlanReport.compute(updated).total.costSpent == 750_000)
    }

    @Test(arguments: [Role.administrator, .dataClerk, .communeLeader, .provincialOfficer, .viewer])
    func onlyDirectorsDraftPlans(_ role: Role) throws {
        let (database, _, _, plan) = try setUp()
        let who = Actor(accountID: nil, username: role.rawValue, fullName: "", roles: [role])
        #expect(throws: PermissionDenied(permission: .draftPlans, username: role.rawValue)) {
            try database.savePlan(plan, by: who, at: self.moment)
        }
    }

    @Test func aCentreWithAPlanIsNotDeleted() throws {
        let (database, _, _, plan) = try setUp()
        #expect(try database.records(centreID: plan.centreID).allowsDeletion == false)
    }

    /// The plan and its approval decision take the next numbers of their registers at the approval, once.
    @Test func anApprovedPlanGetsItsRegisterNumbersOnce() throws {
        let (database, director, leader, plan) = try setUp()
        let id = plan.id!
        #expect(try database.registerNumbers(planID: id) == nil, "a draft has no number")
        try database.advancePlan(id: id, .submit, by: director, at: moment)
        try database.advancePlan(id: id, .approve, by: leader, password: "chutich2026", at: moment)
        let first = try #require(try database.registerNumbers(planID: id))
        #expect(first.planNumber >= 1 && first.decisionNumber >= 1)
        let amendment = try database.amendPlan(id: id, reason: "Thêm lớp", by: director, at: moment)
        try database.advancePlan(id: amendment.id!, .submit, by: director, at: moment)
        try database.advancePlan(id: amendment.id!, .approve, by: leader, password: "chutich2026", at: moment)
        let second = try #require(try database.registerNumbers(planID: amendment.id!))
        #expect(second.planNumber == first.planNumber + 1, "the next number of the centre's register")
        #expect(second.decisionNumber == first.decisionNumber + 1, "the next number of the commune's register")
        #expect(try database.registerNumbers(planID: id) == first, "a number given is kept")
    }
}
