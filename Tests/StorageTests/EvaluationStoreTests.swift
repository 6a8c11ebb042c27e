import AppResources
import Domain
import Foundation
import Testing
@testable import Storage

@Suite struct EvaluationStoreTests {
    /// 15 January 2026, when the plan is approved, and 18 November 2026, when the year is assessed.
    let early = Date(timeIntervalSince1970: 1_768_435_200)
    let moment = Date(timeIntervalSince1970: 1_795_000_000)
    let catalog = try! EvaluationCatalog.decode(AppResources.data("evaluation/criteria.json"))
    var set: CriteriaSet { catalog.set(on: EvaluationCatalog.referenceDate(year: 2026), province: 37)! }
    var schedule: ThresholdSchedule { ThresholdSchedule(shipped: catalog.thresholds, province: []) }
    let director = Actor(accountID: nil, username: "giamdoc", fullName: "G", roles: [.centreDirector])
    let officer = Actor(accountID: nil, username: "chuyenvien", fullName: "C", roles: [.provincialOfficer])
    let day = LocalDate(year: 2026, month: 6, day: 1)!

    /// A centre whose year is recorded: an approved plan of two activities (one done with 45 participants, the
    /// plan targets 60), 12 survey forms, a director trained twice and a deputy once, a speaker trained twice,
    /// a bookcase and tables but no computer, 15 of an estimated 20 million received.
    func recordedYear() throws -> (AppDatabase, Centre) {
        let database = try AppDatabase.inMemory()
        let adminAccount = try database.createAccount(Account(username: "quantri", fullName: "Q", roles: [.administrator]),
                                                      password: "matkhau123", by: .system, at: moment)
        let leader = try database.createAccount(Account(username: "chutich", fullName: "C", roles: [.communeLeader]),
                                                password: "chutich2026", by: adminAccount.actor, at: moment).actor
        var centre = Centre(name: "TT Nghĩa Sơn", provinceCode: 37, communeCode: 13918)
        centre.facilities = FacilityKind.allCases.map { kind in
            FacilityItem(kind: kind, present: kind == .bookcase || kind == .tablesAndChairs, count: 1)
        }
        centre = try database.saveCentre(centre, by: clerk, at: moment)
        let id = centre.id!
        let trained = [Training(date: LocalDate(year: 2026, month: 3, day: 1)!, topic: "A", hours: 4, organiser: ""),
                       Training(date: LocalDate(year: 2026, month: 8, day: 1)!, topic: "B", hours: 4, organiser: "")]
        try database.saveBoardMember(BoardMember(centreID: id, fullName: "Trần Văn Minh", role: .director,
                                                 termStart: LocalDate(year: 2025, month: 7, day: 1)!, trainings: trained),
                                     by: clerk, at: moment)
        try database.saveBoardMember(BoardMember(centreID: id, fullName: "Nguyễn Thị Hoa", role: .deputyDirector,
                                                 termStart: LocalDate(year: 2025, month: 7, day: 1)!,
                                                 trainings: [trained[0]]), by: clerk, at: moment)
        try database.saveBoardMember(BoardMember(centreID: id, fullName: "Người cũ", role: .deputyDirector,
                                                 termStart: LocalDate(year: 2020, month: 1, day: 1)!,
                                                 termEnd: LocalDate(year: 2024, month: 1, day: 1)!), by: clerk, at: moment)
        try database.saveStaffMember(StaffMember(centreID: id, fullName: "Lê Văn Báo", kind: .speaker, field: "Pháp luật",
                                                 trainings: trained), by: clerk, at: moment)
        try database.saveStaffMember(StaffMember(centreID: id, fullName: "Cộng tác viên", kind: .volunteer),
                                     by: clerk, at: moment)
        let campaign = try database.saveCampaign(SurveyCampaign(centreID: id, year: 2026, title: "KS", target: 10),
                                                 by: clerk, at: moment)
        try database.importResponses((1...12).map { SurveyResponse(campaignID: campaign.id!, answers: ["serial": .text("NS-\($0)")]) },
                                    by: clerk, at: moment)
        let plan = try database.savePlan(Plan(centreID: id, year: 2026, title: "KH", campaignIDs: [campaign.id!],
                                              targetClasses: 2, targetLearners: 60, activities: [
            PlanActivity(title: "Lớp 1", expectedLearners: 30, venue: "NVH", month: 3, responsible: "Trần Văn Minh",
                         cost: 1_000_000),
            PlanActivity(title: "Lớp 2", expectedLearners: 30, venue: "NVH", month: 9, responsible: "Trần Văn Minh"),
        ]), by: director, at: moment)
        try database.advancePlan(id: plan.id!, .submit, by: director, at: early)
        try database.advancePlan(id: plan.id!, .approve, by: leader, password: "chutich2026", at: early)
        try database.recordOutcome(planID: plan.id!, activityIndex: 0,
                                   ActivityOutcome(state: .done, actualDate: day, participants: 45, cost: 900_000),
                                   by: director, at: moment)
        let funder = Actor(accountID: nil, username: "canbo", fullName: "", roles: [.dataClerk])
        try database.saveFundingPlan(FundingYear(centreID: id, year: 2026, estimate: 20_000_000,
                                                 preparedBy: "Hội Khuyến học xã", allocated: 18_000_000),
                                     by: funder, at: moment)
        try database.addReceipt(FundingReceipt(centreID: id, date: day, source: .communeBudget, amount: 10_000_000),
                                today: day, by: funder, at: moment)
        try database.addReceipt(FundingReceipt(centreID: id, date: day, source: .contributions, amount: 5_000_000,
                                               donor: "Công ty Thủy sản Nghĩa Sơn"), today: day, by: funder, at: moment)
        return (database, centre)
    }

    @Test func eachPieceOfEvidenceIsTakenFromTheRecords() throws {
        let (database, centre) = try recordedYear()
        let facts = try database.evidenceFacts(centreID: centre.id!, year: 2026, boardErrors: 2, trainingsRequired: 2)
        #expect(facts.approvedAnnualPlans == 1)
        #expect(facts.surveyForms == 12)
        #expect(facts.boardErrors == 2)
        // Director, deputy (the former deputy left before the year) and the speaker; the volunteer is not counted.
        #expect(facts.people == 3)
        #expect(facts.trainedPeople == 2)
        #expect(facts.activitiesPlanned == 2 && facts.activitiesDone == 1)
        #expect(facts.learnersTarget == 60 && facts.learnersReached == 45)
        #expect(facts.facilitiesPresent == 2)
        #expect(facts.fundingReceived == 15_000_000 && facts.fundingEstimate == 20_000_000)
        let other = try database.evidenceFacts(centreID: centre.id!, year: 2025, boardErrors: nil, trainingsRequired: 2)
        #expect(other.approvedAnnualPlans == 0 && other.surveyForms == 0 && other.fundingReceived == 0)
        #expect(other.trainedPeople == 0)
    }

    @Test func moneyOfAYearByReceiptsAndSpending() throws {
        let (database, centre) = try recordedYear()
        let year = try database.fundingYear(centreID: centre.id!, year: 2026)
        #expect(year.estimate == 20_000_000 && year.allocated == 18_000_000)
        #expect(year.received(from: .contributions) == 5_000_000 && year.receipts.last?.donor == "Công ty Thủy sản Nghĩa Sơn")
        #expect(year.spent == 900_000)
        let funder = Actor(accountID: nil, username: "canbo", fullName: "", roles: [.dataClerk])
        #expect(throws: FundingStoreError.invalid([.donorRequired])) {
            try database.addReceipt(FundingReceipt(centreID: centre.id!, date: self.day, source: .contributions,
                                                   amount: 1), today: self.day, by: funder, at: self.moment)
        }
        #expect(throws: PermissionDenied(permission: .recordFunding, username: "giamdoc")) {
            try database.addReceipt(FundingReceipt(centreID: centre.id!, date: self.day, source: .communeBudget,
                                                   amount: 1), today: self.day, by: self.director, at: self.moment)
        }
        try database.deleteReceipt(id: year.receipts[0].id!, by: funder, at: moment)
        #expect(try database.fundingYear(centreID: centre.id!, year: 2026).received == 5_000_000)
    }

    @Test func directorSubmitsOfficerAdjustsAndConfirmsWithHistoryAndAudit() throws {
        let (database, centre) = try recordedYear()
        let facts = try database.evidenceFacts(centreID: centre.id!, year: 2026, boardErrors: 0, trainingsRequired: 2)
        var evaluation = Evaluation.start(centreID: centre.id!, year: 2026, set: set, facts: facts)
        for i in evaluation.items.indices where evaluation.items[i].selfScore == nil { evaluation.items[i].selfScore = 8 }
        #expect(throws: PermissionDenied(permission: .selfAssess, username: "chuyenvien")) {
            try database.saveSelfAssessment(evaluation, submit: true, set: self.set, schedule: self.schedule,
                                            by: self.officer, at: self.moment)
        }
        #expect(throws: PermissionDenied(permission: .selfAssess, username: "canbo")) {
            try database.saveSelfAssessment(evaluation, submit: true, set: self.set, schedule: self.schedule,
                                            by: clerk, at: self.moment)
        }
        let submitted = try database.saveSelfAssessment(evaluation, submit: true, set: set, schedule: schedule,
                                                        by: director, at: moment)
        #expect(submitted.status == .submitted)
        #expect(submitted.selfRank == schedule.rank(score: submitted.selfTotal, maximum: 100, year: 2026))
        // The director's scores cannot be changed once submitted.
        #expect(throws: EvaluationStoreError.refused(.wrongStatus(.submitted))) {
            try database.saveSelfAssessment(submitted, submit: false, set: self.set, schedule: self.schedule,
                                            by: self.director, at: self.moment)
        }
        var assessed = submitted
        for i in assessed.items.indices { assessed.items[i].officerScore = assessed.items[i].selfScore }
        let impact = assessed.items.firstIndex { $0.itemID == "impact" }!
        assessed.items[impact].officerScore = 4
        assessed.items[impact].selfScore = 10 // ignored: the officer's save keeps the director's column
        #expect(throws: EvaluationStoreError.refused(.adjustmentWithoutComment(itemID: "impact"))) {
            try database.assessEvaluation(assessed, confirm: true, set: self.set, schedule: self.schedule,
                                          by: self.officer, at: self.moment)
        }
        #expect(throws: PermissionDenied(permission: .evaluate, username: "giamdoc")) {
            try database.assessEvaluation(assessed, confirm: true, set: self.set, schedule: self.schedule,
                                          by: self.director, at: self.moment)
        }
        assessed.items[impact].officerComment = "Chưa có báo cáo tổng kết năm"
        let confirmed = try database.assessEvaluation(assessed, confirm: true, set: set, schedule: schedule,
                                                      by: officer, at: moment)
        #expect(confirmed.status == .confirmed)
        #expect(confirmed.item("impact")?.selfScore == 8 && confirmed.item("impact")?.officerScore == 4)
        #expect(confirmed.assessedTotal == submitted.selfTotal - 4)
        #expect(confirmed.rank == schedule.rank(score: confirmed.assessedTotal, maximum: 100, year: 2026))
        #expect(confirmed.history.map(\.action) == [.submit, .confirm])
        #expect(confirmed.history.map(\.username) == ["giamdoc", "chuyenvien"])
        #expect(try database.confirmedRanks()[centre.id!] == [2026: confirmed.rank!])
        #expect(try database.evaluationSummaries(year: 2026)[centre.id!]?.rank == confirmed.rank)
        let trail = try database.auditEntries(AuditFilter(record: "evaluation"))
        #expect(trail.map(\.action) == ["confirm", "submit"])
        #expect(trail[0].changes.contains { $0.field == "item.impact.officer" && $0.after == "4 Chưa có báo cáo tổng kết năm" })
        #expect(try database.verifyAudit() == .intact(entries: try database.auditEntries().count))
        // A centre with records cannot be deleted.
        #expect(try !database.records(centreID: centre.id!).allowsDeletion)
    }

    @Test func aReturnSendsItBackWithItsReason() throws {
        let (database, centre) = try recordedYear()
        var evaluation = Evaluation.start(centreID: centre.id!, year: 2026, set: set, facts: EvidenceFacts())
        for i in evaluation.items.indices { evaluation.items[i].selfScore = 5 }
        try database.saveSelfAssessment(evaluation, submit: true, set: set, schedule: schedule, by: director, at: moment)
        #expect(throws: EvaluationStoreError.refused(.reasonRequired)) {
            try database.returnEvaluation(centreID: centre.id!, year: 2026, reason: " ", set: self.set,
                                          by: self.officer, at: self.moment)
        }
        let returned = try database.returnEvaluation(centreID: centre.id!, year: 2026, reason: "Bổ sung minh chứng",
                                                     set: set, by: officer, at: moment)
        #expect(returned.status == .selfAssessing && returned.history.last?.comment == "Bổ sung minh chứng")
    }

    @Test func thresholdsFromADateAreKeptInTheSettings() throws {
        let database = try AppDatabase.inMemory()
        let own = RankThresholds(effectiveFrom: LocalDate(year: 2027, month: 1, day: 1)!, good: 90, fair: 75, average: 60)
        #expect(throws: PermissionDenied(permission: .changeSettings, username: "chuyenvien")) {
            try database.saveRankThresholds(own, by: self.officer, at: self.moment)
        }
        #expect(throws: EvaluationStoreError.invalidThresholds) {
            try database.saveRankThresholds(RankThresholds(effectiveFrom: own.effectiveFrom, good: 50, fair: 75, average: 60),
                                            by: admin, at: self.moment)
        }
        try database.saveRankThresholds(own, by: admin, at: moment)
        #expect(try database.provinceThresholds() == [own])
        let schedule = ThresholdSchedule(shipped: catalog.thresholds, province: try database.provinceThresholds())
        #expect(schedule.rank(score: 88, maximum: 100, year: 2026) == .good)
        #expect(schedule.rank(score: 88, maximum: 100, year: 2027) == .fair)
    }

    @Test func targetFactsCountByCentre() throws {
        let (database, centre) = try recordedYear()
        var empty = Centre(name: "TT Nghĩa Lâm", provinceCode: 37, communeCode: 13957)
        empty = try database.saveCentre(empty, by: clerk, at: moment)
        let facts = try database.targetFacts(year: 2026, provinceCode: 37, compliantBoards: [empty.id!])
        #expect(facts.count == 2)
        let recorded = try #require(facts.first { $0.id == centre.id })
        #expect(recorded.met == [.plan, .funded, .surveyed])
        #expect(facts.first { $0.id == empty.id }?.met == [.board])
        #expect(try database.targetFacts(year: 2025, provinceCode: 37, compliantBoards: []).allSatisfy { $0.met.isEmpty })
        #expect(try database.targetFacts(year: 2026, provinceCode: 1, compliantBoards: []).isEmpty)
    }
}
