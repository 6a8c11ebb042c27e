import Domain
import Storage
import TerminalUI

/// A workflow step that asks something first: the approver's password, or the reason for a return.
/// Screens that offer approval hold one of these while it is open.
struct PlanStepPrompt {
    let planID: Int64
    let action: PlanAction
    var dialog: PromptDialog

    /// Nil when the step needs no question (submission, amendment): then it is taken at once.
    @MainActor
    static func open(_ action: PlanAction, planID: Int64, _ ctx: AppContext) -> PlanStepPrompt? {
        let s = ctx.strings
        switch action {
        case .approve:
            return PlanStepPrompt(planID: planID, action: action,
                                  dialog: PromptDialog(title: s[.approveTitle], label: s(.approvePasswordLabel, ctx.actor.fullName),
                                                       maxLength: 128, secure: true))
        case .returnForRevision:
            return PlanStepPrompt(planID: planID, action: action,
                                  dialog: PromptDialog(title: s[.returnTitle], label: s[.returnReasonLabel], maxLength: 500))
        default:
            return nil
        }
    }

    enum Outcome { case editing, cancelled, done([AppCommand]) }

    @MainActor
    mutating func handle(_ key: Key, _ ctx: AppContext) -> Outcome {
        switch dialog.handle(key) {
        case .editing: return .editing
        case .cancelled: return .cancelled
        case .submitted(let text):
            do {
                let plan = try PlanSteps.take(action, planID: planID, text: text, ctx)
                return .done([.centresChanged(select: nil), .message(StatusMessage(PlanSteps.doneMessage(action, plan, ctx)))])
            } catch {
                dialog.field.setText("")
                dialog.message = ctx.strings.planFailure(error)
                return .editing
            }
        }
    }
}

/// Taking a workflow step through Storage (which asks the domain's state machine and the permissions).
enum PlanSteps {
    @MainActor
    static func take(_ action: PlanAction, planID: Int64, text: String = "", _ ctx: AppContext) throws -> Plan {
        switch action {
        case .approve:
            return try ctx.database.advancePlan(id: planID, .approve, by: ctx.actor, password: text, at: ctx.clock.now)
        case .returnForRevision:
            return try ctx.database.advancePlan(id: planID, .returnForRevision, by: ctx.actor, comment: text, at: ctx.clock.now)
        case .amend:
            return try ctx.database.amendPlan(id: planID, by: ctx.actor, at: ctx.clock.now)
        case .submit, .supersede:
            return try ctx.database.advancePlan(id: planID, action, by: ctx.actor, at: ctx.clock.now)
        }
    }

    /// "Đã trình kế hoạch «…»."
    @MainActor
    static func doneMessage(_ action: PlanAction, _ plan: Plan, _ ctx: AppContext) -> String {
        let s = ctx.strings
        switch action {
        case .submit: return s(.planSubmittedMessage, plan.title)
        case .approve: return s(.planApprovedMessage, plan.title)
        case .returnForRevision: return s(.planReturnedMessage, plan.title)
        case .amend: return s(.planAmendmentOpened, plan.version)
        case .supersede: return s(.planApprovedMessage, plan.title)
        }
    }

    /// Submits, approves, returns or amends: at once, or after the prompt's question.
    @MainActor
    static func start(_ action: PlanAction, plan: Plan, prompt: inout PlanStepPrompt?, _ ctx: AppContext) -> [AppCommand] {
        guard let id = plan.id else { return [] }
        if let opened = PlanStepPrompt.open(action, planID: id, ctx) {
            // Refuse at once what the person may not do, rather than ask for a password first.
            if case .failure(let error) = PlanWorkflow.next(from: plan.status, action, by: ctx.actor, comment: "x",
                                                            passwordConfirmed: true),
               !(error == .passwordRequired || error == .reasonRequired) {
                return [.message(StatusMessage(ctx.strings.planFailure(PlanStoreError.workflow(error)), kind: .error))]
            }
            prompt = opened
            return []
        }
        do {
            let result = try take(action, planID: id, ctx)
            return [.centresChanged(select: nil), .message(StatusMessage(doneMessage(action, result, ctx)))]
        } catch {
            return [.message(StatusMessage(ctx.strings.planFailure(error), kind: .error))]
        }
    }

    /// Opens (or reopens) the amendment of an approved plan and shows it in the editor: in place of the
    /// editor of the approved version, or on top of the plans list.
    @MainActor
    static func amend(_ plan: Plan, of centre: Centre, replacingEditor: Bool, _ ctx: AppContext) -> [AppCommand] {
        guard let id = plan.id else { return [] }
        do {
            let amendment = try take(.amend, planID: id, ctx)
            let editor = PlanEditorScreen(ctx: ctx, centre: centre, plan: amendment)
            return [.centresChanged(select: nil), replacingEditor ? .replace(editor) : .push(editor),
                    .message(StatusMessage(doneMessage(.amend, amendment, ctx)))]
        } catch {
            return [.message(StatusMessage(ctx.strings.planFailure(error), kind: .error))]
        }
    }

    /// Gives a key to the open prompt. Returns the step's commands once it is taken (the prompt then
    /// closes and the caller reloads); nil while the prompt is still open or was cancelled.
    @MainActor
    static func forward(_ key: Key, to prompt: inout PlanStepPrompt?, _ ctx: AppContext) -> [AppCommand]? {
        guard var open = prompt else { return nil }
        switch open.handle(key, ctx) {
        case .editing: prompt = open
        case .cancelled: prompt = nil
        case .done(let commands):
            prompt = nil
            return commands
        }
        return nil
    }
}
