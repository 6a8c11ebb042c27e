import Domain
import Storage

/// Words for plans, from the catalog.
extension Strings {
    public func name(_ status: PlanStatus) -> String {
        switch status {
        case .draft: return self[.planDraft]
        case .submitted: return self[.planSubmitted]
        case .returned: return self[.planReturned]
        case .approved: return self[.planApproved]
        case .superseded: return self[.planSuperseded]
        }
    }

    public func name(_ kind: PlanKind, month: Int?) -> String {
        switch kind {
        case .annual: return self[.planKindAnnual]
        case .monthly: return month.map { self(.planKindMonthly, $0) } ?? self[.planKindMonthlyAny]
        case .learningWeek: return self[.planKindWeek]
        }
    }

    /// "Năm 2026", "Tháng 3/2026": the period a plan covers, for headings.
    public func period(_ kind: PlanKind, year: Int, month: Int?) -> String {
        switch kind {
        case .annual: return self(.planPeriodAnnual, year)
        case .monthly: return month.map { self(.planPeriodMonthly, $0, year) } ?? self(.planPeriodAnnual, year)
        case .learningWeek: return self(.planPeriodWeek, year)
        }
    }

    /// The title a new plan gets until someone writes their own.
    public func defaultTitle(_ kind: PlanKind, year: Int, month: Int?) -> String {
        switch kind {
        case .annual: return self(.planDefaultTitle, year)
        case .monthly: return month.map { self(.planDefaultTitleMonthly, $0, year) } ?? self(.planDefaultTitle, year)
        case .learningWeek: return self(.planDefaultTitleWeek, year)
        }
    }

    public func name(_ format: ActivityFormat) -> String {
        switch format {
        case .classSession: return self[.formatClass]
        case .talk: return self[.formatTalk]
        case .training: return self[.formatTraining]
        case .modelVisit: return self[.formatModelVisit]
        case .club: return self[.formatClub]
        case .campaign: return self[.formatCampaign]
        }
    }

    public func name(_ source: CostSource) -> String {
        switch source {
        case .communeBudget: return self[.sourceCommuneBudget]
        case .programme: return self[.sourceProgramme]
        case .contributions: return self[.sourceContributions]
        case .other: return self[.sourceOther]
        }
    }

    public func name(_ state: ActivityState) -> String {
        switch state {
        case .planned: return self[.statePlanned]
        case .done: return self[.stateDone]
        case .postponed: return self[.statePostponed]
        case .cancelled: return self[.stateCancelled]
        }
    }

    public func name(_ action: PlanAction) -> String {
        switch action {
        case .submit: return self[.actionSubmit]
        case .approve: return self[.actionApprove]
        case .returnForRevision: return self[.actionReturn]
        case .amend: return self[.actionAmend]
        case .supersede: return self[.actionSupersede]
        }
    }

    public func describe(_ problem: PlanProblem) -> String {
        switch problem {
        case .noActivities: return self[.planNoActivities]
        case .missingMonth(let n): return self(.planMissingMonth, n)
        case .missingVenue(let n): return self(.planMissingVenue, n)
        case .missingResponsible(let n): return self(.planMissingResponsible, n)
        case .missingTitle(let n): return self(.planMissingTitle, n)
        case .classesDoNotAddUp(let target, let found): return self(.planClassesDoNotAddUp, target, found)
        case .talksDoNotAddUp(let target, let found): return self(.planTalksDoNotAddUp, target, found)
        case .learnersDoNotAddUp(let target, let found): return self(.planLearnersDoNotAddUp, target, found)
        case .noRecentSurvey(let year): return self(.planNoRecentSurvey, year - 1, year)
        case .dateOutsideYear(let n, let year): return self(.planDateOutsideYear, n, year)
        case .monthOutsideRange(let n): return self(.planMonthOutsideRange, n)
        case .negativeCost(let n): return self(.planNegativeCost, n)
        case .negativeNumber(let n): return self(.planNegativeNumber, n)
        case .titleRequired: return self[.planTitleRequired]
        case .yearOutOfRange: return self[.campaignYearOutOfRange]
        case .monthRequired: return self[.planMonthRequired]
        case .activityOutsideMonth(let n, let month): return self(.planActivityOutsideMonth, n, month)
        case .participantsDoNotAddUp(let n): return self(.planParticipantsDoNotAddUp, n)
        case .outcomeDateOutsideYear(let n, let year): return self(.outcomeDateOutsideYear, n, year)
        case .outcomeDateBeforeApproval(let n, let approved): return self(.outcomeDateBeforeApproval, n, approved.vietnamese)
        case .outcomeDateInFuture(let n): return self(.outcomeDateInFuture, n)
        case .outcomeDateRequired(let n): return self(.outcomeDateRequired, n)
        case .noClassesOrTalks: return self[.planNoClassesOrTalks]
        case .noLearners: return self[.planNoLearners]
        case .noBudget: return self[.planNoBudget]
        }
    }

    /// Why a plan step or save was refused.
    public func planFailure(_ error: Error) -> String {
        switch error {
        case PlanStoreError.readOnly(let status): return self(.planReadOnly, name(status))
        case PlanStoreError.invalid(let issues): return issues.first.map { describe($0.problem) } ?? self[.planInvalid]
        case PlanStoreError.notFound: return self[.planNotFound]
        case PlanStoreError.workflow(let workflow):
            switch workflow {
            case .notAllowed(let from, let action): return self(.planStepNotAllowed, name(action), name(from))
            case .permissionDenied(let denied): return saveFailure(denied)
            case .reasonRequired: return self[.planReasonRequired]
            case .passwordRequired: return self[.planPasswordRequired]
            case .checksFailed(let issues):
                let first = issues.first.map { describe($0.problem) } ?? ""
                return issues.count > 1 ? first + " " + self(.moreProblems, issues.count - 1) : first
            }
        default: return saveFailure(error)
        }
    }

    /// "1.500.000 đ": amounts the Vietnamese way.
    public func money(_ value: Int) -> String { self(.moneyAmount, amount(value)) }

    /// An amount in groups of three digits, without the currency ("4.500.000"), for tables whose column names it.
    public func amount(_ amount: Int) -> String {
        let digits = String(abs(amount))
        var groups: [String] = []
        var end = digits.endIndex
        while end > digits.startIndex {
            let start = digits.index(end, offsetBy: -3, limitedBy: digits.startIndex) ?? digits.startIndex
            groups.insert(String(digits[start..<end]), at: 0)
            end = start
        }
        return (amount < 0 ? "-" : "") + groups.joined(separator: ".")
    }
}
