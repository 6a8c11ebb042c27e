import Foundation

/// Why a step of the evaluation flow is refused.
public enum EvaluationRefusal: Error, Hashable, Sendable {
    case notAllowed(Permission)
    /// The step does not apply where the evaluation stands.
    case wrongStatus(EvaluationStatus?)
    case scoreOutOfRange(itemID: String, points: Int)
    /// An evidence override needs its reason.
    case overrideWithoutReason(itemID: String)
    /// Items the director has not scored (to submit) or the officer has not assessed (to confirm).
    case itemsMissing([String])
    /// The officer changed the director's score without saying why.
    case adjustmentWithoutComment(itemID: String)
    /// A return for revision says what to revise.
    case reasonRequired
}

/// The flow of a year's evaluation: the director self-assesses and submits, the education officer assesses each
/// item (agreeing or adjusting with a comment) and confirms the rank, or returns the assessment. A total
/// function: Storage asks it before every write, so no screen can go round it.
public enum EvaluationWorkflow {
    /// The permission each step takes.
    public static func permission(for action: EvaluationAction) -> Permission {
        switch action {
        case .saveSelf, .submit: return .selfAssess
        case .returnForRevision, .assess, .confirm: return .evaluate
        }
    }

    /// The status after `action` on `evaluation` (whose items hold the new scores), or why it is refused.
    /// `status` is the stored status, nil when no evaluation exists yet.
    public static func next(from status: EvaluationStatus?, _ action: EvaluationAction, evaluation: Evaluation,
                            set: CriteriaSet, by actor: Actor, comment: String = "")
        -> Result<EvaluationStatus, EvaluationRefusal>
    {
        let needed = permission(for: action)
        guard actor.can(needed) else { return .failure(.notAllowed(needed)) }
        switch action {
        case .saveSelf, .submit:
            guard status == nil || status == .selfAssessing else { return .failure(.wrongStatus(status)) }
            if let problem = selfProblem(evaluation, set: set) { return .failure(problem) }
            if action == .saveSelf { return .success(.selfAssessing) }
            let missing = set.items.filter { evaluation.item($0.id)?.selfScore == nil }.map(\.id)
            return missing.isEmpty ? .success(.submitted) : .failure(.itemsMissing(missing))
        case .returnForRevision:
            guard status == .submitted else { return .failure(.wrongStatus(status)) }
            guard !comment.cleanedInput.isEmpty else { return .failure(.reasonRequired) }
            return .success(.selfAssessing)
        case .assess, .confirm:
            guard status == .submitted else { return .failure(.wrongStatus(status)) }
            if let problem = officerProblem(evaluation, set: set) { return .failure(problem) }
            if action == .assess { return .success(.submitted) }
            let missing = set.items.filter { evaluation.item($0.id)?.officerScore == nil }.map(\.id)
            return missing.isEmpty ? .success(.confirmed) : .failure(.itemsMissing(missing))
        }
    }

    static func selfProblem(_ evaluation: Evaluation, set: CriteriaSet) -> EvaluationRefusal? {
        for item in set.items {
            guard let assessed = evaluation.item(item.id) else { continue }
            if let score = assessed.selfScore, !item.accepts(score) {
                return .scoreOutOfRange(itemID: item.id, points: item.points)
            }
            if assessed.override != nil && assessed.overrideReason.cleanedInput.isEmpty {
                return .overrideWithoutReason(itemID: item.id)
            }
        }
        return nil
    }

    static func officerProblem(_ evaluation: Evaluation, set: CriteriaSet) -> EvaluationRefusal? {
        for item in set.items {
            guard let assessed = evaluation.item(item.id), let score = assessed.officerScore else { continue }
            if !item.accepts(score) { return .scoreOutOfRange(itemID: item.id, points: item.points) }
            if assessed.isAdjusted && assessed.officerComment.cleanedInput.isEmpty {
                return .adjustmentWithoutComment(itemID: item.id)
            }
        }
        return nil
    }
}
