import Foundation

/// The steps of a plan's approval.
public enum PlanAction: String, Codable, CaseIterable, Sendable {
    case submit, approve, returnForRevision, amend, supersede
}

/// Why a step was refused.
public enum WorkflowError: Error, Equatable, Sendable {
    /// The step does not exist from this status (approving a draft, editing an approved plan...).
    case notAllowed(from: PlanStatus, action: PlanAction)
    case permissionDenied(PermissionDenied)
    /// Returning a plan needs a reason.
    case reasonRequired
    /// Approving needs the approver's password again.
    case passwordRequired
    /// The pre-submission checks found errors.
    case checksFailed([PlanIssue])
}

/// The approval workflow as a total state machine: every status and every step has an answer, a next status
/// or a refusal. draft → submitted (a centre director) → approved (a commune leader, password again) or
/// returned (a required reason) → submitted again. An approved plan is read-only; an amendment is a new
/// version that goes through the same steps while the approved one stays in force.
public enum PlanWorkflow {
    /// The permission each step needs.
    public static func permission(for action: PlanAction) -> Permission {
        switch action {
        case .submit, .amend: return .submitPlans
        case .approve, .returnForRevision, .supersede: return .approvePlans
        }
    }

    /// The status a step leads to, or why it cannot be taken.
    public static func next(from status: PlanStatus, _ action: PlanAction, by actor: Actor, comment: String = "",
                            passwordConfirmed: Bool = false, issues: [PlanIssue] = []) -> Result<PlanStatus, WorkflowError> {
        let target: PlanStatus
        switch (status, action) {
        case (.draft, .submit), (.returned, .submit): target = .submitted
        case (.submitted, .approve): target = .approved
        case (.submitted, .returnForRevision): target = .returned
        case (.approved, .amend): target = .approved  // the plan stays; a new draft version is made beside it
        case (.approved, .supersede): target = .superseded
        default: return .failure(.notAllowed(from: status, action: action))
        }
        do {
            try actor.require(permission(for: action))
        } catch let denied as PermissionDenied {
            return .failure(.permissionDenied(denied))
        } catch {
            return .failure(.notAllowed(from: status, action: action))
        }
        if (action == .returnForRevision || action == .amend) && comment.cleanedInput.isEmpty {
            return .failure(.reasonRequired)
        }
        if action == .approve && !passwordConfirmed { return .failure(.passwordRequired) }
        if action == .submit {
            let errors = issues.filter { $0.severity == .error }
            if !errors.isEmpty { return .failure(.checksFailed(errors)) }
        }
        return .success(target)
    }
}
