import Domain
import Storage

/// Words for the evaluation, the register of people who teach, the money and the targets.
extension Strings {
    public func name(_ status: EvaluationStatus) -> String {
        switch status {
        case .selfAssessing: return self[.evaluationSelfAssessing]
        case .submitted: return self[.evaluationSubmitted]
        case .confirmed: return self[.evaluationConfirmed]
        }
    }

    /// "Chưa bắt đầu" for a centre without an evaluation.
    public func name(_ status: EvaluationStatus?) -> String { status.map { name($0) } ?? self[.evaluationNotStarted] }

    public func name(_ rank: Rank) -> String {
        switch rank {
        case .good: return self[.rankGood]
        case .fair: return self[.rankFair]
        case .average: return self[.rankAverage]
        case .notMet: return self[.rankNotMet]
        }
    }

    /// Two letters for the roster's narrow column.
    public func shortName(_ rank: Rank) -> String {
        switch rank {
        case .good: return self[.rankGoodShort]
        case .fair: return self[.rankFairShort]
        case .average: return self[.rankAverageShort]
        case .notMet: return self[.rankNotMetShort]
        }
    }

    public func name(_ action: EvaluationAction) -> String {
        switch action {
        case .saveSelf: return self[.evaluationActionStart]
        case .submit: return self[.evaluationActionSubmit]
        case .returnForRevision: return self[.evaluationActionReturn]
        case .assess: return self[.evaluationActionAssess]
        case .confirm: return self[.evaluationActionConfirm]
        }
    }

    /// Where a piece of evidence comes from in the program.
    public func source(_ kind: EvidenceKind) -> String {
        switch kind {
        case .annualPlan: return self[.evidenceSourcePlan]
        case .surveyThisYear: return self[.evidenceSourceSurvey]
        case .boardCompliance: return self[.evidenceSourceBoard]
        case .trainings: return self[.evidenceSourceTrainings]
        case .activitiesDone: return self[.evidenceSourceActivities]
        case .learnersReached: return self[.evidenceSourceLearners]
        case .facilities: return self[.evidenceSourceFacilities]
        case .fundingReceived: return self[.evidenceSourceFunding]
        }
    }

    /// The value of a piece of evidence in words.
    public func describe(_ value: EvidenceValue) -> String {
        switch value.kind {
        case .annualPlan: return self[value.achieved > 0 ? .evidencePlanYes : .evidencePlanNo]
        case .surveyThisYear: return self(.evidenceSurveyForms, value.achieved)
        case .boardCompliance:
            return value.achieved > 0 ? self[.evidenceBoardCompliant] : self(.evidenceBoardErrors, value.detail)
        case .trainings: return self(.evidenceTrained, value.achieved, value.outOf)
        case .activitiesDone: return self(.evidenceActivitiesDone, value.achieved, value.outOf)
        case .learnersReached: return self(.evidenceLearners, value.achieved, value.outOf)
        case .facilities: return self(.evidenceFacilities, value.achieved, value.outOf)
        case .fundingReceived: return self(.evidenceFunding, money(value.achieved), money(value.outOf))
        }
    }

    public func name(_ measure: TargetMeasure) -> String {
        switch measure {
        case .plan: return self[.targetPlan]
        case .equipped: return self[.targetEquipped]
        case .funded: return self[.targetFunded]
        case .board: return self[.targetBoard]
        case .surveyed: return self[.targetSurveyed]
        case .evaluated: return self[.targetEvaluated]
        }
    }

    /// A few letters for the dashboard's table by commune.
    public func shortName(_ measure: TargetMeasure) -> String {
        switch measure {
        case .plan: return self[.targetPlanShort]
        case .equipped: return self[.targetEquippedShort]
        case .funded: return self[.targetFundedShort]
        case .board: return self[.targetBoardShort]
        case .surveyed: return self[.targetSurveyedShort]
        case .evaluated: return self[.targetEvaluatedShort]
        }
    }

    public func name(_ kind: StaffKind) -> String {
        switch kind {
        case .teacher: return self[.staffTeacher]
        case .speaker: return self[.staffSpeaker]
        case .volunteer: return self[.staffVolunteer]
        }
    }

    public func name(_ source: ReceiptSource) -> String {
        switch source {
        case .communeBudget: return self[.receiptCommuneBudget]
        case .programme: return self[.receiptProgramme]
        case .contributions: return self[.receiptContributions]
        }
    }

    /// Why a step of the evaluation was refused.
    public func describe(_ refusal: EvaluationRefusal, set: CriteriaSet?) -> String {
        func title(_ id: String) -> String { set?.item(id).map { text($0.title) } ?? id }
        switch refusal {
        case .notAllowed(let permission): return self(.evaluationNotAllowed, name(permission))
        case .wrongStatus(let status): return self(.evaluationWrongStatus, name(status))
        case .scoreOutOfRange(let id, let points): return self(.evaluationScoreOutOfRange, title(id), points)
        case .overrideWithoutReason(let id): return self(.evaluationOverrideReason, title(id))
        case .itemsMissing(let ids): return self(.evaluationItemsMissing, ids.count, ids.map(title).joined(separator: "; "))
        case .adjustmentWithoutComment(let id): return self(.evaluationAdjustComment, title(id))
        case .reasonRequired: return self[.evaluationReturnReasonRequired]
        }
    }

    /// A failed evaluation write: the flow's refusal, or the storage's reason.
    public func evaluationFailure(_ error: Error, set: CriteriaSet?) -> String {
        if case EvaluationStoreError.refused(let refusal) = error { return describe(refusal, set: set) }
        if case EvaluationStoreError.invalidThresholds = error { return self[.thresholdsInvalid] }
        if let denied = error as? PermissionDenied { return self(.evaluationNotAllowed, name(denied.permission)) }
        // The store's other refusals (another office's side, a record gone) are storage failures: saying them
        // through `saveFailure` would come back here, since it sends every evaluation error to this function.
        if error is EvaluationStoreError {
            return StorageFailure(error).map(describe) ?? self(.errorSaving, describeCause(error))
        }
        return saveFailure(error)
    }
}
