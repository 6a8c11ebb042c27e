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

    /// Each topic is proposed the way those who asked for it want it: the format and season most chosen among them,
    /// not the village's favourites; the learners are those who asked.
    @Test func draftingFromASurveyFollowsWhatThoseWhoAskedWant() {
        func form(_ topics: [Int], format: Int, season: Int, time: Int) -> SurveyAnswers {
            ["topics": .codes(topics), "format": .codes([format]), "season": .codes([season]), "timeOfDay": .codes([time])]
        }
        // Topic 3 (aquaculture) wanted by four, mostly as talks after Tết; topic 1 (crops) by three, as model visits in
        // the summer. Overall the favourite format is the talk: topic 1 must not get it.
        let answers = [form([3, 11], format: 2, season: 3, time: 3), form([3, 1], format: 3, season: 2, time: 1),
                       form([3, 11, 8], format: 2, season: 3, time: 3), form([1], format: 3, season: 2, time: 1),
                       form([3], format: 2, season: 1, time: 3), form([1], format: 1, season: 2, time: 2)]
        let demand = TopicDemand.compute(answers)
        #expect(demand.map(\.topic) == [3, 1, 11, 8], "most wanted first; ties by code")
        let drafted = PlanDrafter.activities(from: demand, count: 3, title: { "Chủ đề \($0.topic) buổi \($0.timeOfDay ?? 0)" },
                                             venue: "NVH", responsible: "Trần Văn Minh")
        #expect(drafted.map(\.topic) == [3, 1, 11])
        #expect(drafted.map(\.expectedLearners) == [4, 3, 2], "the count of those who chose the topic")
        #expect(drafted.map(\.format) == [.talk, .modelVisit, .talk], "each topic's own favourite format")
        #expect(drafted[0].month == 2 && drafted[1].month == 6 && drafted[2].month == 3,
                "months of each topic's favourite season, taken in turn")
        #expect(drafted.map(\.title) == ["Chủ đề 3 buổi 3", "Chủ đề 1 buổi 1", "Chủ đề 11 buổi 3"])
        #expect(drafted.allSatisfy { $0.venue == "NVH" && $0.responsible == "Trần Văn Minh" })
        var plan = F.plan(drafted)
        plan.campaignIDs = [1]
        let issues = PlanValidator.submissionIssues(plan, campaignYears: [2026])
        #expect(issues.allSatisfy { $0.severity == .warning }, "a draft that can be submitted")
        #expect(issues.map(\.problem) == [.noBudget], "its activities have no cost yet: F5 says so")
    }

    @Test func theChecksWarnOfAPlanWithNothingToLearnNobodyToLearnAndNoMoney() {
        var plan = F.plan([F.activity(format: .modelVisit)])
        plan.activities[0].expectedLearners = 0
        plan.activities[0].cost = 0
        plan.targetLearners = 0
        plan.targetClasses = 0
        let problems = PlanValidator.submissionIssues(plan, campaignYears: [2026]).map(\.problem)
        #expect(problems.contains(.noClassesOrTalks) && problems.contains(.noLearners) && problems.contains(.noBudget))
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
