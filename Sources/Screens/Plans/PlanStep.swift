import Domain
import Storage
import TerminalUI

/// The steps of a plan's workflow as the screens take them: each legal act asks first (a question naming the plan,
/// the approver's password, the reason for a return), then goes through Storage, which asks the domain's state
/// machine and the permissions.
enum PlanFlow: Equatable, Sendable {
    case submit(planID: Int64), submitConfirmed(planID: Int64)
    case approve(planID: Int64), password(planID: Int64, text: String)
    case giveBack(planID: Int64), reason(planID: Int64, text: String)
    case amend(planID: Int64), amendReason(planID: Int64, text: String)
}

/// A screen that offers the workflow's steps (the plans list, the editor, the inbox).
protocol PlanFlowScreen: KeyedScreen {
    /// The screen's action that carries a workflow step.
    nonisolated static func flow(_ step: PlanFlow) -> Action
    /// Whether an amendment opens in place of this screen (the editor of the approved version) or on top of it.
    var amendmentReplacesScreen: Bool { get }
}

extension PlanFlowScreen {
    var amendmentReplacesScreen: Bool { false }

    /// Takes a step, or asks what it needs first.
    mutating func take(_ step: PlanFlow, _ ctx: AppContext) -> [AppCommand] {
        let s = ctx.strings
        let id: Int64
        switch step {
        case .submit(let planID), .submitConfirmed(let planID), .approve(let planID), .password(let planID, _),
             .giveBack(let planID), .reason(let planID, _), .amend(let planID), .amendReason(let planID, _):
            id = planID
        }
        guard let plan = try? ctx.database.plan(id: id), let centre = try? ctx.database.centre(id: plan.centreID) else {
            return [.message(StatusMessage(s[.planNotFound], kind: .error))]
        }
        let name = s.planName(plan, centre: centre)
        switch step {
        case .submit:
            if let refusal = PlanSteps.refusal(.submit, plan, ctx) { return refusal }
            // The checks refuse before the question: there is nothing to confirm while errors remain.
            let years = plan.campaignIDs.compactMap { try? ctx.database.campaign(id: $0)?.year }
            let errors = PlanValidator.submissionIssues(plan, campaignYears: years).filter { $0.severity == .error }
            if !errors.isEmpty {
                return [.message(StatusMessage(s.planFailure(PlanStoreError.workflow(.checksFailed(errors))), kind: .error))]
            }
            modal = .confirm(ConfirmDialog(title: s[.submitTitle], message: s(.submitQuestion, name), yes: s[.yes],
                                           no: s[.no]), yes: Self.flow(.submitConfirmed(planID: id)))
        case .approve:
            if let refusal = PlanSteps.refusal(.approve, plan, ctx) { return refusal }
            askPassword(id, s.planNameWithYear(plan, centre: centre), problem: nil, ctx)
        case .giveBack:
            if let refusal = PlanSteps.refusal(.returnForRevision, plan, ctx) { return refusal }
            askReason(id, name, text: "", problem: nil, ctx)
        case .amend:
            if let refusal = PlanSteps.refusal(.amend, plan, ctx) { return refusal }
            askAmendmentReason(id, name, text: "", problem: nil, ctx)
        case .submitConfirmed:
            return PlanSteps.done(.submit, ctx) { try ctx.database.advancePlan(id: id, .submit, by: ctx.actor, at: ctx.clock.now) }
                .commands(ctx)
        case .password(_, let password):
            switch PlanSteps.done(.approve, ctx, {
                try ctx.database.advancePlan(id: id, .approve, by: ctx.actor, password: password, at: ctx.clock.now)
            }) {
            case .failed(let problem): askPassword(id, s.planNameWithYear(plan, centre: centre), problem: problem, ctx)
            case let outcome: return outcome.commands(ctx)
            }
        case .reason(_, let text):
            guard !text.cleanedMultiline.isEmpty else {
                askReason(id, name, text: text, problem: s[.planReasonRequired], ctx)
                return []
            }
            switch PlanSteps.done(.returnForRevision, ctx, {
                try ctx.database.advancePlan(id: id, .returnForRevision, by: ctx.actor, comment: text.cleanedMultiline,
                                             at: ctx.clock.now)
            }) {
            case .failed(let problem): askReason(id, name, text: text, problem: problem, ctx)
            case let outcome: return outcome.commands(ctx)
            }
        case .amendReason(_, let text):
            guard !text.cleanedMultiline.isEmpty else {
                askAmendmentReason(id, name, text: text, problem: s[.amendReasonRequired], ctx)
                return []
            }
            do {
                let amendment = try ctx.database.amendPlan(id: id, reason: text, by: ctx.actor, at: ctx.clock.now)
                let editor = Route.plan(planID: amendment.id ?? 0)
                return [.changed(.plan(centreID: plan.centreID, planID: id)), amendmentReplacesScreen ? .replace(editor) : .open(editor),
                        .message(StatusMessage(s(.planAmendmentOpened, amendment.version)))]
            } catch {
                return [.message(StatusMessage(s.planFailure(error), kind: .error))]
            }
        }
        return []
    }

    private mutating func askPassword(_ id: Int64, _ name: String, problem: String?, _ ctx: AppContext) {
        let s = ctx.strings
        var dialog = PromptDialog(title: s[.approveTitle], label: s(.approvePasswordLabel, name, ctx.actor.fullName),
                                  maxLength: 128, secure: true)
        if let problem { dialog = dialog.refused(problem, keepText: false) }
        modal = .prompt(dialog, submit: Reply { Self.flow(.password(planID: id, text: $0)) })
    }

    /// Opening an amendment is a legal step: the dialog names the plan, says the approved version stays in force,
    /// and asks why (the reason goes into the plan's history). Esc leaves everything as it was.
    private mutating func askAmendmentReason(_ id: Int64, _ name: String, text: String, problem: String?,
                                             _ ctx: AppContext) {
        let s = ctx.strings
        var dialog = PromptDialog(title: s[.amendTitle], label: s(.amendQuestion, name), multilineText: text,
                                  maxLength: 2000)
        if let problem { dialog = dialog.refused(problem) }
        modal = .prompt(dialog, submit: Reply { Self.flow(.amendReason(planID: id, text: $0)) })
    }

    private mutating func askReason(_ id: Int64, _ name: String, text: String, problem: String?, _ ctx: AppContext) {
        let s = ctx.strings
        var dialog = PromptDialog(title: s[.returnTitle], label: s(.returnReasonLabel, name), multilineText: text,
                                  maxLength: 2000)
        if let problem { dialog = dialog.refused(problem) }
        modal = .prompt(dialog, submit: Reply { Self.flow(.reason(planID: id, text: $0)) })
    }
}

/// Taking a workflow step through Storage.
enum PlanSteps {
    /// The result of a step: done (with the plan as it now is), or refused with the reason in words.
    enum Outcome {
        case done(Plan, PlanAction)
        case failed(String)

        @MainActor
        func commands(_ ctx: AppContext) -> [AppCommand] {
            switch self {
            case .done(let plan, let action):
                return [.changed(.plan(centreID: plan.centreID, planID: plan.id ?? 0)),
                        .message(StatusMessage(PlanSteps.doneMessage(action, plan, ctx)))]
            case .failed(let problem):
                return [.message(StatusMessage(problem, kind: .error))]
            }
        }
    }

    @MainActor
    static func done(_ action: PlanAction, _ ctx: AppContext, _ step: () throws -> Plan) -> Outcome {
        do {
            return .done(try step(), action)
        } catch {
            return .failed(ctx.strings.planFailure(error))
        }
    }

    /// Refuses at once what the person may not do, rather than ask a question or a password first.
    @MainActor
    static func refusal(_ action: PlanAction, _ plan: Plan, _ ctx: AppContext) -> [AppCommand]? {
        if case .failure(let error) = PlanWorkflow.next(from: plan.status, action, by: ctx.actor, comment: "x",
                                                        passwordConfirmed: true),
           !(error == .passwordRequired || error == .reasonRequired) {
            return [.message(StatusMessage(ctx.strings.planFailure(PlanStoreError.workflow(error)), kind: .error))]
        }
        // Outside the person's scope: said before any question or password, as Storage would refuse it.
        if let centre = try? ctx.database.centre(id: plan.centreID),
           !ctx.actor.covers(centreID: centre.id, communeCode: centre.communeCode) {
            let refusal = OutOfScope(username: ctx.actor.username, scope: ctx.actor.scope, centreName: centre.name)
            return [.message(StatusMessage(ctx.strings.describe(refusal), kind: .error))]
        }
        return nil
    }

    /// "Đã trình kế hoạch «…»."
    @MainActor
    static func doneMessage(_ action: PlanAction, _ plan: Plan, _ ctx: AppContext) -> String {
        let s = ctx.strings
        switch action {
        case .submit: return s(.planSubmittedMessage, plan.title)
        case .approve, .supersede: return s(.planApprovedMessage, plan.title)
        case .returnForRevision: return s(.planReturnedMessage, plan.title)
        case .amend: return s(.planAmendmentOpened, plan.version)
        }
    }
}
