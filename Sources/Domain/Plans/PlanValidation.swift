import Foundation

/// What is wrong with a plan or one of its activities.
public enum PlanProblem: Hashable, Sendable {
    case noActivities
    case missingMonth(activity: Int)
    case missingVenue(activity: Int)
    case missingResponsible(activity: Int)
    case missingTitle(activity: Int)
    /// The plan's target differs from what its activities add up to.
    case classesDoNotAddUp(target: Int, activities: Int)
    case talksDoNotAddUp(target: Int, activities: Int)
    case learnersDoNotAddUp(target: Int, activities: Int)
    /// An annual plan should rest on a survey of its year or the year before.
    case noRecentSurvey(year: Int)
    case dateOutsideYear(activity: Int, year: Int)
    case monthOutsideRange(activity: Int)
    case negativeCost(activity: Int)
    case negativeNumber(activity: Int)
    case titleRequired
    case yearOutOfRange
    case monthRequired
    /// A monthly plan's activity in another month.
    case activityOutsideMonth(activity: Int, month: Int)
    /// More women or ethnic-minority participants than participants.
    case participantsDoNotAddUp(activity: Int)
    /// What was done: its date must fall in the plan's year, on or after the approval, and not in the future.
    case outcomeDateOutsideYear(activity: Int, year: Int)
    case outcomeDateBeforeApproval(activity: Int, approved: LocalDate)
    case outcomeDateInFuture(activity: Int)
    /// An activity recorded as done needs the day it was done.
    case outcomeDateRequired(activity: Int)
    /// Warnings before submission: a plan that plans nothing to learn, nobody to learn it, or no money.
    case noClassesOrTalks, noLearners, noBudget
}

public struct PlanIssue: Hashable, Sendable {
    public let problem: PlanProblem
    public let severity: Severity

    public init(_ problem: PlanProblem, _ severity: Severity = .error) {
        self.problem = problem
        self.severity = severity
    }
}

public enum PlanValidator {
    /// Problems that refuse saving at all: what can never be right (a negative cost, a month 13, a date in
    /// another year). Activity numbers count from 1, as the plan's table shows them.
    public static func entryIssues(_ plan: Plan) -> [PlanIssue] {
        var issues: [PlanIssue] = []
        if plan.title.cleanedInput.isEmpty { issues.append(PlanIssue(.titleRequired)) }
        if !(2000...2100).contains(plan.year) { issues.append(PlanIssue(.yearOutOfRange)) }
        if plan.kind == .monthly && plan.month.map({ !(1...12).contains($0) }) ?? true {
            issues.append(PlanIssue(.monthRequired))
        }
        for (index, activity) in plan.activities.enumerated() {
            issues += entryIssues(activity, number: index + 1, plan: plan)
        }
        return issues
    }

    public static func entryIssues(_ activity: PlanActivity, number: Int, plan: Plan) -> [PlanIssue] {
        var issues: [PlanIssue] = []
        if activity.cost < 0 { issues.append(PlanIssue(.negativeCost(activity: number))) }
        if activity.expectedLearners < 0 || activity.outcome.participants < 0 || activity.outcome.women < 0
            || activity.outcome.ethnicMinority < 0 {
            issues.append(PlanIssue(.negativeNumber(activity: number)))
        }
        if let month = activity.month, !(1...12).contains(month) {
            issues.append(PlanIssue(.monthOutsideRange(activity: number)))
        }
        if let date = activity.date, date.year != plan.year {
            issues.append(PlanIssue(.dateOutsideYear(activity: number, year: plan.year)))
        }
        if plan.kind == .monthly, let month = plan.month, let activityMonth = activity.effectiveMonth, activityMonth != month {
            issues.append(PlanIssue(.activityOutsideMonth(activity: number, month: month)))
        }
        if activity.outcome.women > activity.outcome.participants
            || activity.outcome.ethnicMinority > activity.outcome.participants {
            issues.append(PlanIssue(.participantsDoNotAddUp(activity: number)))
        }
        return issues
    }

    /// The checks of what was done, on an approved plan, as of `today`.
    public static func outcomeIssues(_ activity: PlanActivity, number: Int, plan: Plan, today: LocalDate) -> [PlanIssue] {
        var issues = entryIssues(activity, number: number, plan: plan)
        let outcome = activity.outcome
        if outcome.cost < 0 { issues.append(PlanIssue(.negativeCost(activity: number))) }
        guard let date = outcome.actualDate else {
            if outcome.state == .done { issues.append(PlanIssue(.outcomeDateRequired(activity: number))) }
            return issues
        }
        if date.year != plan.year { issues.append(PlanIssue(.outcomeDateOutsideYear(activity: number, year: plan.year))) }
        if let approved = plan.approvedOn, date < approved {
            issues.append(PlanIssue(.outcomeDateBeforeApproval(activity: number, approved: approved)))
        }
        if date > today { issues.append(PlanIssue(.outcomeDateInFuture(activity: number))) }
        return issues
    }

    /// The checks before submission: the entry checks, then completeness, totals and the survey it rests on.
    /// `campaignYears` are the years of the campaigns the plan names.
    public static func submissionIssues(_ plan: Plan, campaignYears: [Int]) -> [PlanIssue] {
        var issues = entryIssues(plan)
        if plan.activities.isEmpty { issues.append(PlanIssue(.noActivities)) }
        for (index, activity) in plan.activities.enumerated() {
            let number = index + 1
            if activity.title.cleanedInput.isEmpty { issues.append(PlanIssue(.missingTitle(activity: number))) }
            if activity.effectiveMonth == nil { issues.append(PlanIssue(.missingMonth(activity: number))) }
            if activity.venue.cleanedInput.isEmpty { issues.append(PlanIssue(.missingVenue(activity: number))) }
            if activity.responsible.cleanedInput.isEmpty {
                issues.append(PlanIssue(.missingResponsible(activity: number)))
            }
        }
        let classes = plan.activities.filter { $0.format == .classSession }.count
        let talks = plan.activities.filter { $0.format == .talk }.count
        let learners = plan.activities.reduce(0) { $0 + $1.expectedLearners }
        if plan.targetClasses != classes { issues.append(PlanIssue(.classesDoNotAddUp(target: plan.targetClasses, activities: classes))) }
        if plan.targetTalks != talks { issues.append(PlanIssue(.talksDoNotAddUp(target: plan.targetTalks, activities: talks))) }
        if plan.targetLearners != learners {
            issues.append(PlanIssue(.learnersDoNotAddUp(target: plan.targetLearners, activities: learners)))
        }
        if plan.kind == .annual && !campaignYears.contains(where: { $0 == plan.year || $0 == plan.year - 1 }) {
            issues.append(PlanIssue(.noRecentSurvey(year: plan.year), .warning))
        }
        if !plan.activities.isEmpty {
            if plan.targetClasses + plan.targetTalks == 0 { issues.append(PlanIssue(.noClassesOrTalks, .warning)) }
            if plan.targetLearners == 0 { issues.append(PlanIssue(.noLearners, .warning)) }
            if plan.totalCost == 0 { issues.append(PlanIssue(.noBudget, .warning)) }
        }
        return issues
    }

    /// Targets that make the totals add up: what "F5 Tính lại" offers.
    public static func totals(of activities: [PlanActivity]) -> (classes: Int, talks: Int, learners: Int) {
        (activities.filter { $0.format == .classSession }.count, activities.filter { $0.format == .talk }.count,
         activities.reduce(0) { $0 + $1.expectedLearners })
    }
}
