import Foundation
import Testing
@testable import Domain

enum PlanFixture {
    static func actor(_ roles: Role...) -> Actor {
        Actor(accountID: nil, username: roles.map(\.rawValue).joined(), fullName: "", roles: Set(roles))
    }
    static let director = actor(.centreDirector)
    static let leader = actor(.communeLeader)

    static func activity(_ title: String = "Lớp trồng lúa", month: Int? = 3, format: ActivityFormat = .classSession,
                         learners: Int = 30) -> PlanActivity {
        PlanActivity(title: title, topic: 1, format: format, expectedLearners: learners, venue: "Nhà văn hóa xóm 3",
                     month: month, responsible: "Trần Văn Minh", cost: 1_000_000)
    }

    static func plan(_ activities: [PlanActivity] = [activity(), activity("Nói chuyện pháp luật", month: 5, format: .talk, learners: 80)])
        -> Plan
    {
        let totals = PlanValidator.totals(of: activities)
        return Plan(id: 1, centreID: 1, year: 2026, title: "Kế hoạch năm 2026", campaignIDs: [1],
                    targetClasses: totals.classes, targetTalks: totals.talks, targetLearners: totals.learners,
                    activities: activities)
    }
}

@Suite struct PlanWorkflowTests {
    typealias F = PlanFixture

    /// Every status against every step for each role: the one right answer.
    @Test(arguments: Role.allCases)
    func everyTransitionIsAllowedOrRefusedByRole(_ role: Role) {
        let actor = F.actor(role)
        let moves: [(PlanStatus, PlanAction, PlanStatus)] = [
            (.draft, .submit, .submitted), (.returned, .submit, .submitted), (.submitted, .approve, .approved),
            (.submitted, .returnForRevision, .returned), (.approved, .amend, .approved),
            (.approved, .supersede, .superseded),
        ]
        for status in PlanStatus.allCases {
            for action in PlanAction.allCases {
                let result = PlanWorkflow.next(from: status, action, by: actor, comment: "Lý do", passwordConfirmed: true)
                guard let move = moves.first(where: { $0.0 == status && $0.1 == action }) else {
                    #expect(result == .failure(.notAllowed(from: status, action: action)), "\(status) \(action)")
                    continue
                }
                if role.permissions.contains(PlanWorkflow.permission(for: action)) {
                    #expect(result == .success(move.2), "\(role) \(status) \(action)")
                } else {
                    #expect(result == .failure(.permissionDenied(PermissionDenied(
                        permission: PlanWorkflow.permission(for: action), username: actor.username))), "\(role) \(action)")
                }
            }
        }
    }

    @Test func aReturnNeedsAReasonAndAnApprovalThePassword() {
        #expect(PlanWorkflow.next(from: .submitted, .returnForRevision, by: F.leader, comment: "  ")
            == .failure(.reasonRequired))
        #expect(PlanWorkflow.next(from: .submitted, .approve, by: F.leader, passwordConfirmed: false)
            == .failure(.passwordRequired))
        #expect(PlanWorkflow.next(from: .submitted, .approve, by: F.leader, passwordConfirmed: true) == .success(.approved))
    }

    @Test func aDirectorCannotApproveEvenTheirOwnReturnedPlan() {
        #expect(PlanWorkflow.next(from: .returned, .approve, by: F.director, passwordConfirmed: true)
            == .failure(.notAllowed(from: .returned, action: .approve)))
        #expect(PlanWorkflow.next(from: .submitted, .approve, by: F.director, passwordConfirmed: true)
            == .failure(.permissionDenied(PermissionDenied(permission: .approvePlans, username: F.director.username))))
    }

    @Test func submissionIsRefusedWhileChecksFail() {
        let issues = [PlanIssue(.noActivities)]
        #expect(PlanWorkflow.next(from: .draft, .submit, by: F.director, issues: issues) == .failure(.checksFailed(issues)))
        let warnings = [PlanIssue(.noRecentSurvey(year: 2026), .warning)]
        #expect(PlanWorkflow.next(from: .draft, .submit, by: F.director, issues: warnings) == .success(.submitted),
                "warnings do not block")
    }

    @Test func onlyDraftsAndReturnedPlansAreEditable() {
        #expect(PlanStatus.allCases.filter(\.isEditable) == [.draft, .returned])
    }
}

@Suite struct PlanValidationTests {
    typealias F = PlanFixture

    @Test func aCompletePlanPassesTheChecks() {
        #expect(PlanValidator.submissionIssues(F.plan(), campaignYears: [2026]).isEmpty)
        #expect(PlanValidator.submissionIssues(F.plan(), campaignYears: [2025]).isEmpty, "last year's survey will do")
    }

    @Test func everyActivityNeedsAMonthAVenueAndAPersonInCharge() {
        var plan = F.plan()
        plan.activities[0].month = nil
        plan.activities[1].venue = " "
        plan.activities[1].responsible = ""
        #expect(Set(PlanValidator.submissionIssues(plan, campaignYears: [2026]).map(\.problem))
            == [.missingMonth(activity: 1), .missingVenue(activity: 2), .missingResponsible(activity: 2)])
        plan.activities[0].date = LocalDate(iso: "2026-03-15")
        #expect(!PlanValidator.submissionIssues(plan, campaignYears: [2026]).contains(PlanIssue(.missingMonth(activity: 1))),
                "a date gives the month")
    }

    @Test func totalsMustAddUpAndAPlanNeedsActivities() {
        var plan = F.plan()
        plan.targetClasses = 3
        plan.targetLearners = 100
        #expect(PlanValidator.submissionIssues(plan, campaignYears: [2026]).map(\.problem)
            == [.classesDoNotAddUp(target: 3, activities: 1), .learnersDoNotAddUp(target: 100, activities: 110)])
        #expect(PlanValidator.submissionIssues(F.plan([]), campaignYears: [2026]).map(\.problem) == [.noActivities])
    }

    @Test func anAnnualPlanWithoutARecentSurveyIsAWarning() {
        let issues = PlanValidator.submissionIssues(F.plan(), campaignYears: [2023])
        #expect(issues == [PlanIssue(.noRecentSurvey(year: 2026), .warning)])
        var monthly = F.plan([F.activity()])
        monthly.kind = .monthly
        monthly.month = 3
        #expect(PlanValidator.submissionIssues(monthly, campaignYears: []).isEmpty, "only annual plans need the survey")
    }

    @Test func datesOutsideTheYearNegativeCostsAndBadMonthsAreRefusedAtEntry() {
        var plan = F.plan()
        plan.activities[0].date = LocalDate(iso: "2027-01-10")
        plan.activities[1].cost = -500_000
        plan.activities.append(F.activity("Lớp 13", month: 13))
        #expect(PlanValidator.entryIssues(plan).map(\.problem)
            == [.dateOutsideYear(activity: 1, year: 2026), .negativeCost(activity: 2), .monthOutsideRange(activity: 3)])
        var monthly = F.plan([F.activity(month: 4)])
        monthly.kind = .monthly
        monthly.month = 3
        #expect(PlanValidator.entryIssues(monthly).map(\.problem) == [.activityOutsideMonth(activity: 1, month: 3)])
        var outcome = F.plan([F.activity()])
        outcome.activities[0].outcome = ActivityOutcome(state: .done, participants: 10, women: 12)
        #expect(PlanValidator.entryIssues(outcome).map(\.problem) == [.participantsDoNotAddUp(activity: 1)])
    }
}

@Suite struct PlanDraftingTests {
    typealias F = PlanFixture

    @Test func draftingFromASurveyFollowsTheRankedNeeds() {
        let campaign = SurveyCampaign(id: 1, centreID: 1, year: 2026, target: 10)
        let responses = [[3, 11], [3, 1], [3, 11, 8], [1], [3]].enumerated().map { index, topics in
            SurveyResponse(campaignID: 1, answers: ["serial": .text("\(index)"), "topics": .codes(topics),
                                                    "format": .codes([2])])
        }
        let analysis = NeedsAnalysis.compute(responses, campaign: campaign)
        let drafted = PlanDrafter.activities(from: analysis, topicName: { "Chủ đề \($0)" }, count: 3, venue: "NVH",
                                             responsible: "Trần Văn Minh")
        #expect(drafted.map(\.topic) == [3, 1, 11], "most wanted first; ties by code")
        #expect(drafted.map(\.expectedLearners) == [4, 2, 2])
        #expect(drafted.allSatisfy { $0.format == .talk }, "the preferred format")
        #expect(drafted.map(\.month) == [2, 4, 6])
        #expect(drafted.allSatisfy { $0.venue == "NVH" && $0.responsible == "Trần Văn Minh" })
        var plan = F.plan(drafted)
        plan.campaignIDs = [1]
        #expect(PlanValidator.submissionIssues(plan, campaignYears: [2026]).isEmpty, "a draft that can be submitted")
    }

    @Test func aMonthlyPlanIsDrawnFromTheAnnualOne() {
        var annual = F.plan([F.activity(month: 3), F.activity("B", month: 5), F.activity("C", month: 3, format: .talk)])
        annual.status = .approved
        annual.activities[0].outcome = ActivityOutcome(state: .done, participants: 20)
        let monthly = PlanDrafter.monthly(from: annual, month: 3, title: "Tháng 3")
        #expect(monthly.kind == .monthly && monthly.month == 3)
        #expect(monthly.activities.map(\.title) == ["Lớp trồng lúa", "C"])
        #expect(monthly.activities.allSatisfy { $0.outcome.state == .planned })
        #expect((monthly.targetClasses, monthly.targetTalks) == (1, 1))
        #expect(PlanValidator.submissionIssues(monthly, campaignYears: []).isEmpty)
    }

    @Test func anAmendmentIsTheNextVersionOfTheApprovedPlan() {
        var approved = F.plan()
        approved.status = .approved
        approved.history = [PlanEvent(action: .approve, username: "chutich", at: Date(), comment: "")]
        let draft = PlanDrafter.amendment(of: approved)
        #expect(draft.id == nil && draft.status == .draft && draft.version == 2 && draft.amends == 1)
        #expect(draft.history.isEmpty)
        #expect(draft.activities.map(\.title) == approved.activities.map(\.title))
    }

    @Test func theReportComparesPlannedAndDone() {
        var plan = F.plan([F.activity(month: 3), F.activity("B", month: 3), F.activity("C", month: 5)])
        plan.activities[0].outcome = ActivityOutcome(state: .done, participants: 25)
        plan.activities[2].outcome = ActivityOutcome(state: .cancelled)
        let report = PlanReport.compute(plan)
        #expect(report.byMonth.map(\.key) == [3])
        #expect(report.byMonth[0].planned == 2 && report.byMonth[0].done == 1 && report.byMonth[0].participants == 25)
        #expect(plan.progress.done == 1 && plan.progress.of == 2)
    }
}
