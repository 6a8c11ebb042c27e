import AppResources
import Foundation
import Testing
@testable import Domain

enum ShippedEvaluation {
    static let catalog: EvaluationCatalog = try! EvaluationCatalog.decode(AppResources.data("evaluation/criteria.json"))
    static var set: CriteriaSet { catalog.set(on: LocalDate(year: 2026, month: 12, day: 31)!, province: 37)! }
}

@Suite struct CriteriaTests {
    let set = ShippedEvaluation.set

    @Test func theDefaultSetHasTheFourGroupsOfLetter2553() {
        #expect(set.groups.map(\.id) == ["management", "activities", "society", "effectiveness"])
        #expect(set.maximum == 100)
        #expect(set.items.allSatisfy { $0.points > 0 && !$0.asks.vi.isEmpty && !$0.asks.en.isEmpty })
        // Every kind of evidence the program holds answers one item.
        #expect(Set(set.items.compactMap(\.evidence)) == Set(EvidenceKind.allCases))
    }

    @Test func aProvincesOwnSetWinsFromItsDate() {
        var catalog = ShippedEvaluation.catalog
        var own = set
        own.id = "nb-2027"
        own.province = 37
        own.effectiveFrom = LocalDate(year: 2027, month: 1, day: 1)!
        catalog.sets.append(own)
        #expect(catalog.set(on: LocalDate(year: 2026, month: 12, day: 31)!, province: 37)?.id == "cv2553-default")
        #expect(catalog.set(on: LocalDate(year: 2027, month: 12, day: 31)!, province: 37)?.id == "nb-2027")
        #expect(catalog.set(on: LocalDate(year: 2027, month: 12, day: 31)!, province: 1)?.id == "cv2553-default")
    }

    /// Every criterion scores its points in proportion to its evidence, rounded.
    @Test(arguments: EvidenceKind.allCases)
    func eachCriterionScoresFromItsEvidence(_ kind: EvidenceKind) throws {
        let item = try #require(set.items.first { $0.evidence == kind })
        var full = EvidenceFacts()
        full.approvedAnnualPlans = 1; full.surveyForms = 120; full.boardErrors = 0; full.people = 6
        full.trainedPeople = 6; full.activitiesPlanned = 4; full.activitiesDone = 4; full.learnersTarget = 100
        full.learnersReached = 130; full.facilitiesPresent = 3; full.fundingReceived = 30; full.fundingEstimate = 20
        #expect(item.suggestedScore(full.value(kind)) == item.points)
        #expect(item.suggestedScore(EvidenceFacts().value(kind)) == 0)
        var half = full
        half.trainedPeople = 3; half.activitiesDone = 2; half.learnersReached = 50; half.fundingReceived = 10
        half.boardErrors = 2; half.approvedAnnualPlans = 0; half.surveyForms = 0; half.facilitiesPresent = 2
        let expected: [EvidenceKind: Int] = [.annualPlan: 0, .surveyThisYear: 0, .boardCompliance: 0, .trainings: 5,
                                             .activitiesDone: 5, .learnersReached: 5, .facilities: 7, .fundingReceived: 5]
        #expect(item.suggestedScore(half.value(kind)) == expected[kind])
    }

    @Test func itemsWithoutEvidenceSuggestNothing() {
        let manual = set.items.filter { $0.evidence == nil }
        #expect(manual.map(\.id) == ["partners", "impact"])
        #expect(manual.allSatisfy { $0.suggestedScore(nil) == nil })
        #expect(manual[0].accepts(0) && manual[0].accepts(10) && !manual[0].accepts(11) && !manual[0].accepts(-1))
    }
}

@Suite struct RankThresholdTests {
    let thresholds = RankThresholds(effectiveFrom: LocalDate(year: 2013, month: 1, day: 1)!, good: 85, fair: 70,
                                    average: 50)

    /// Both sides of each boundary, out of 100 and out of a maximum that does not divide evenly.
    @Test func eachBoundaryFromBothSides() {
        #expect(thresholds.rank(score: 85, maximum: 100) == .good)
        #expect(thresholds.rank(score: 84, maximum: 100) == .fair)
        #expect(thresholds.rank(score: 70, maximum: 100) == .fair)
        #expect(thresholds.rank(score: 69, maximum: 100) == .average)
        #expect(thresholds.rank(score: 50, maximum: 100) == .average)
        #expect(thresholds.rank(score: 49, maximum: 100) == .notMet)
        #expect(thresholds.rank(score: 0, maximum: 100) == .notMet)
        // 85% of 90 is 76.5: 77 reaches it, 76 does not.
        #expect(thresholds.rank(score: 77, maximum: 90) == .good)
        #expect(thresholds.rank(score: 76, maximum: 90) == .fair)
    }

    @Test func aProvinceChangesTheThresholdsFromADate() {
        let own = RankThresholds(effectiveFrom: LocalDate(year: 2026, month: 1, day: 1)!, good: 90, fair: 75, average: 60)
        let schedule = ThresholdSchedule(shipped: [thresholds], province: [own])
        #expect(schedule.rank(score: 86, maximum: 100, year: 2025) == .good)
        #expect(schedule.rank(score: 86, maximum: 100, year: 2026) == .fair)
        #expect(schedule.rank(score: 55, maximum: 100, year: 2025) == .average)
        #expect(schedule.rank(score: 55, maximum: 100, year: 2026) == .notMet)
        #expect(schedule.thresholds(on: LocalDate(year: 2025, month: 12, day: 31)!) == thresholds)
        #expect(schedule.thresholds(on: LocalDate(year: 2026, month: 1, day: 1)!) == own)
    }

    @Test func thresholdsMustRise() {
        #expect(thresholds.isValid)
        #expect(!RankThresholds(effectiveFrom: thresholds.effectiveFrom, good: 70, fair: 70, average: 50).isValid)
        #expect(!RankThresholds(effectiveFrom: thresholds.effectiveFrom, good: 101, fair: 70, average: 50).isValid)
        #expect(!RankThresholds(effectiveFrom: thresholds.effectiveFrom, good: 85, fair: 70, average: 0).isValid)
    }

    @Test func twoYearsAtChuaDatAreFlaggedForReview() {
        #expect(RankReview.flaggedYear([2025: .notMet, 2026: .notMet]) == 2026)
        #expect(RankReview.flaggedYear([2025: .notMet, 2026: .average]) == nil)
        #expect(RankReview.flaggedYear([2024: .notMet, 2026: .notMet]) == nil)
        #expect(RankReview.flaggedYear([2024: .notMet, 2025: .notMet, 2026: .fair]) == nil)
    }
}

@Suite struct EvaluationFlowTests {
    let set = ShippedEvaluation.set
    let director = Actor(accountID: 1, username: "giamdoc", fullName: "", roles: [.centreDirector])
    let officer = Actor(accountID: 2, username: "chuyenvien", fullName: "", roles: [.provincialOfficer])
    let clerk = Actor(accountID: 3, username: "canbo", fullName: "", roles: [.dataClerk])

    func started() -> Evaluation {
        var facts = EvidenceFacts()
        facts.approvedAnnualPlans = 1; facts.boardErrors = 0; facts.facilitiesPresent = 2
        return Evaluation.start(centreID: 1, year: 2026, set: set, facts: facts)
    }

    @Test func startingTakesTheEvidenceAndSuggestsScores() {
        let evaluation = started()
        #expect(evaluation.item("annualPlan")?.selfScore == 10)
        #expect(evaluation.item("facilities")?.selfScore == 7)
        #expect(evaluation.item("survey")?.selfScore == 0)
        #expect(evaluation.item("partners")?.selfScore == nil)
        #expect(evaluation.item("board")?.evidence == EvidenceValue(.boardCompliance, 1, 1))
    }

    @Test func onlyADirectorSubmitsAndOnlyAnOfficerConfirms() {
        var evaluation = started()
        for i in evaluation.items.indices { evaluation.items[i].selfScore = evaluation.items[i].selfScore ?? 5 }
        #expect(EvaluationWorkflow.next(from: .selfAssessing, .submit, evaluation: evaluation, set: set, by: clerk)
            == .failure(.notAllowed(.selfAssess)))
        #expect(EvaluationWorkflow.next(from: .selfAssessing, .submit, evaluation: evaluation, set: set, by: officer)
            == .failure(.notAllowed(.selfAssess)))
        #expect(EvaluationWorkflow.next(from: .selfAssessing, .submit, evaluation: evaluation, set: set, by: director)
            == .success(.submitted))
        for i in evaluation.items.indices { evaluation.items[i].officerScore = evaluation.items[i].selfScore }
        #expect(EvaluationWorkflow.next(from: .submitted, .confirm, evaluation: evaluation, set: set, by: director)
            == .failure(.notAllowed(.evaluate)))
        #expect(EvaluationWorkflow.next(from: .submitted, .confirm, evaluation: evaluation, set: set, by: clerk)
            == .failure(.notAllowed(.evaluate)))
        #expect(EvaluationWorkflow.next(from: .submitted, .confirm, evaluation: evaluation, set: set, by: officer)
            == .success(.confirmed))
        #expect(EvaluationWorkflow.next(from: .confirmed, .assess, evaluation: evaluation, set: set, by: officer)
            == .failure(.wrongStatus(.confirmed)))
    }

    @Test func submittingNeedsEveryItemScoredAndOverridesNeedAReason() {
        var evaluation = started()
        #expect(EvaluationWorkflow.next(from: nil, .submit, evaluation: evaluation, set: set, by: director)
            == .failure(.itemsMissing(["partners", "impact"])))
        #expect(EvaluationWorkflow.next(from: nil, .saveSelf, evaluation: evaluation, set: set, by: director)
            == .success(.selfAssessing))
        let index = evaluation.items.firstIndex { $0.itemID == "survey" }!
        evaluation.items[index].override = EvidenceValue(.surveyThisYear, 80, 0)
        #expect(EvaluationWorkflow.next(from: .selfAssessing, .saveSelf, evaluation: evaluation, set: set, by: director)
            == .failure(.overrideWithoutReason(itemID: "survey")))
        evaluation.items[index].overrideReason = "Phiếu giấy chưa nhập"
        evaluation.items[index].selfScore = 11
        #expect(EvaluationWorkflow.next(from: .selfAssessing, .saveSelf, evaluation: evaluation, set: set, by: director)
            == .failure(.scoreOutOfRange(itemID: "survey", points: 10)))
    }

    @Test func anAdjustmentNeedsACommentAndAReturnAReason() {
        var evaluation = started()
        for i in evaluation.items.indices { evaluation.items[i].selfScore = evaluation.items[i].selfScore ?? 5 }
        let index = evaluation.items.firstIndex { $0.itemID == "impact" }!
        evaluation.items[index].officerScore = 3
        #expect(EvaluationWorkflow.next(from: .submitted, .assess, evaluation: evaluation, set: set, by: officer)
            == .failure(.adjustmentWithoutComment(itemID: "impact")))
        evaluation.items[index].officerComment = "Chưa có báo cáo tổng kết"
        #expect(EvaluationWorkflow.next(from: .submitted, .assess, evaluation: evaluation, set: set, by: officer)
            == .success(.submitted))
        #expect(EvaluationWorkflow.next(from: .submitted, .confirm, evaluation: evaluation, set: set, by: officer)
            == .failure(.itemsMissing(set.items.map(\.id).filter { $0 != "impact" })))
        #expect(EvaluationWorkflow.next(from: .submitted, .returnForRevision, evaluation: evaluation, set: set,
                                        by: officer, comment: "  ") == .failure(.reasonRequired))
        #expect(evaluation.assessedTotal == evaluation.selfTotal - 2)
    }
}

@Suite struct FundingAndTargetTests {
    @Test func receiptsNeedAPositiveAmountAndContributionsADonor() {
        let today = LocalDate(year: 2026, month: 11, day: 1)!
        let gift = FundingReceipt(centreID: 1, date: today, source: .contributions, amount: 0)
        #expect(gift.problems(today: today) == [.amountNotPositive, .donorRequired])
        let later = FundingReceipt(centreID: 1, date: today.adding(days: 1), source: .communeBudget, amount: 5)
        #expect(later.problems(today: today) == [.dateInFuture])
    }

    @Test func theCircular96MinimumAppliesToMountainousCentresOnly() {
        let minimums = ShippedEvaluation.catalog.funding
        var year = FundingYear(centreID: 1, year: 2026)
        year.receipts = [FundingReceipt(centreID: 1, date: LocalDate(year: 2026, month: 3, day: 1)!,
                                        source: .communeBudget, amount: 19_999_999)]
        #expect(year.isBelowMinimum(model: .mountainous, minimums: minimums) == true)
        #expect(year.isBelowMinimum(model: .rural, minimums: minimums) == nil)
        year.receipts[0].amount = 20_000_000
        #expect(year.isBelowMinimum(model: .mountainous, minimums: minimums) == false)
    }

    /// The one-off equipment minimum applies in the year a centre was established, whatever its model.
    @Test func theCircular96EquipmentMinimumAppliesInTheYearOfEstablishment() {
        let minimums = ShippedEvaluation.catalog.funding
        #expect(minimums.newCentreEquipmentMinimum == 30_000_000)
        var year = FundingYear(centreID: 1, year: 2026)
        year.receipts = [FundingReceipt(centreID: 1, date: LocalDate(year: 2026, month: 3, day: 1)!,
                                        source: .programme, amount: 29_999_999)]
        let established = LocalDate(year: 2026, month: 2, day: 10)!
        #expect(year.isBelowEquipmentMinimum(establishedOn: established, minimums: minimums) == true)
        #expect(year.isBelowEquipmentMinimum(establishedOn: LocalDate(year: 2025, month: 7, day: 5)!, minimums: minimums) == nil)
        #expect(year.isBelowEquipmentMinimum(establishedOn: nil, minimums: minimums) == nil)
        year.receipts.append(FundingReceipt(centreID: 1, date: LocalDate(year: 2026, month: 4, day: 1)!,
                                            source: .contributions, amount: 1, donor: "Công ty A"))
        #expect(year.isBelowEquipmentMinimum(establishedOn: established, minimums: minimums) == false)
    }

    @Test func sharesByCommuneAndTheCentresThatFallShort() {
        let centres = [
            CentreTargetFacts(id: 1, code: "A", name: "A", communeCode: 10, met: [.plan, .equipped], rank: .good),
            CentreTargetFacts(id: 2, code: "B", name: "B", communeCode: 10, met: [.plan], rank: nil),
            CentreTargetFacts(id: 3, code: "C", name: "C", communeCode: 20, met: [], rank: .notMet),
        ]
        let summary = TargetSummary(centres, targets: TargetSet())
        let plan = summary.shares.first { $0.measure == .plan }!
        #expect(plan.met == 2 && plan.of == 3 && plan.percent == 67 && !plan.isReached)
        #expect(summary.byCommune.map(\.commune) == [10, 20])
        #expect(summary.byCommune[0].shares.first { $0.measure == .plan }!.isReached)
        #expect(summary.ranks == [.good: 1, .notMet: 1] && summary.unranked == 1)
        #expect(TargetSummary.shortOf(.equipped, in: centres).map(\.code) == ["B", "C"])
    }
}

@Suite struct DemoEvaluationTests {
    let dataset = try! DemoDataset.decode(AppResources.data("demo/demo.json"))

    /// The demo holds a finished evaluation, one in progress and a centre not started, teachers and speakers,
    /// and a year of money; its stored ranks are those the shipped thresholds give its scores.
    @Test func theDemoEvaluationsFollowTheRules() throws {
        let catalog = ShippedEvaluation.catalog
        let schedule = ThresholdSchedule(shipped: catalog.thresholds, province: [])
        let evaluations = dataset.centres.flatMap { $0.evaluations ?? [] }
        #expect(Set(evaluations.map(\.status)) == [.confirmed, .submitted])
        #expect(dataset.centres.contains { $0.centre.name.hasSuffix("Kim Sơn") && ($0.evaluations ?? []).isEmpty })
        #expect(Set(evaluations.map(\.uid)).count == evaluations.count, "stable ids, one each")
        for evaluation in evaluations {
            let set = try #require(catalog.set(id: evaluation.criteriaSetID))
            #expect(evaluation.items.map(\.itemID) == set.items.map(\.id))
            #expect(evaluation.selfRank == schedule.rank(score: evaluation.selfTotal, maximum: set.maximum,
                                                         year: evaluation.year))
            if evaluation.status == .confirmed {
                #expect(evaluation.rank == schedule.rank(score: evaluation.assessedTotal, maximum: set.maximum,
                                                         year: evaluation.year))
                #expect(evaluation.items.allSatisfy { !$0.isAdjusted || !$0.officerComment.isEmpty })
            }
        }
        #expect(!dataset.centres.flatMap { $0.staff ?? [] }.isEmpty)
        #expect(dataset.centres.flatMap { $0.funding ?? [] }.contains { !$0.receipts.isEmpty })
    }

    /// Shares are rounded to the nearest percent, but 100% and 0% say exactly all and none.
    @Test func aShareIsRoundedButNeverClaimsAllOrNone() {
        func percent(_ met: Int, _ of: Int) -> Int { TargetShare(measure: .plan, met: met, of: of, target: 100).percent }
        #expect(percent(7, 11) == 64)
        #expect(percent(1, 3) == 33)
        #expect(percent(199, 200) == 99, "99.5% is not all")
        #expect(percent(1, 300) == 1, "0.3% is not none")
        #expect(percent(0, 5) == 0 && percent(5, 5) == 100 && percent(0, 0) == 0)
    }
}
