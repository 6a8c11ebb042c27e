import Documents
import Domain
import Storage

/// Words for accounts, roles, permissions and the audit trail, from the catalog.
extension Strings {
    public func name(_ role: Role) -> String {
        switch role {
        case .administrator: return self[.roleAdministrator]
        case .dataClerk: return self[.roleDataClerk]
        case .centreDirector: return self[.roleCentreDirector]
        case .communeLeader: return self[.roleCommuneLeader]
        case .provincialOfficer: return self[.roleProvincialOfficer]
        case .viewer: return self[.roleViewer]
        }
    }

    public func name(_ permission: Permission) -> String {
        switch permission {
        case .manageAccounts: return self[.permissionManageAccounts]
        case .changeSettings: return self[.permissionChangeSettings]
        case .viewAudit: return self[.permissionViewAudit]
        case .editCentres: return self[.permissionEditCentres]
        case .editBoards: return self[.permissionEditBoards]
        case .editSurveys: return self[.permissionEditSurveys]
        case .draftPlans: return self[.permissionDraftPlans]
        case .submitPlans: return self[.permissionSubmitPlans]
        case .recordPlanOutcomes: return self[.permissionRecordOutcomes]
        case .approvePlans: return self[.permissionApprovePlans]
        case .evaluate: return self[.permissionEvaluate]
        case .selfAssess: return self[.permissionSelfAssess]
        case .recordFunding: return self[.permissionRecordFunding]
        case .exchangeData: return self[.permissionExchangeData]
        }
    }

    public func describe(_ refusal: SignInPolicy.Refusal) -> String {
        switch refusal {
        case .wrongCredentials(let remaining): return self(.signInRefused, remaining)
        case .inactive: return self[.signInInactive]
        case .locked(let until): return self(.signInLocked, Timestamp.display(until))
        }
    }

    public func describe(_ problem: SignInPolicy.PasswordProblem) -> String {
        switch problem {
        case .tooShort(let minimum): return self(.passwordTooShort, minimum)
        case .mismatch: return self[.passwordMismatch]
        case .sameAsUsername: return self[.passwordSameAsUsername]
        }
    }

    /// Why a write failed, in words a user can act on.
    public func saveFailure(_ error: Error) -> String {
        switch error {
        case let denied as PermissionDenied: return self(.permissionDenied, denied.username, name(denied.permission))
        case let scope as OutOfScope: return describe(scope)
        case let account as AccountError:
            switch account {
            case .usernameTaken: return self[.accountUsernameTaken]
            case .invalidUsername: return self[.accountInvalidUsername]
            case .notFound: return self[.accountNotFound]
            case .wrongPassword: return self[.accountWrongPassword]
            case .password(let problem): return describe(problem)
            case .lastAdministrator: return self[.accountLastAdministrator]
            // Asked again of the person signed in: their name is known, so the password alone is wrong.
            case .refused(.wrongCredentials(let remaining)): return self(.signInWrongPassword, remaining)
            case .refused(let refusal): return describe(refusal)
            case .scopeCentreGone: return self[.accountScopeCentreGone]
            }
        case let survey as SurveyStoreError: return describe(survey)
        case let backup as BackupError: return describe(backup)
        case is BackupSettingError:
            return self(.backupKeepDaysOutOfRange, BackupPolicy.keepDaysRange.lowerBound, BackupPolicy.keepDaysRange.upperBound)
        case let file as DataFileError: return describe(file)
        case let system as SystemErrorBox: return self(.errorSaving, describe(system.reason))
        // The refusals of the other parts, for callers that do not know which part threw (the command line).
        case is PlanStoreError: return planFailure(error)
        case EvaluationStoreError.notFound: return self[.storageRecordGone]
        case is EvaluationStoreError: return evaluationFailure(error, set: nil)
        case let csv as CSVFileError: return describe(csv)
        case let document as DocumentError: return describe(document)
        case let problem as DocumentProblem: return describe(problem)
        case let bundle as BundleProblem: return describe(bundle)
        case let handOver as HandOverError: return describe(handOver, units: nil)
        case let restore as RestoreError: return describe(restore)
        case let close as CloseFailure: return describe(close)
        default:
            if let failure = StorageFailure(error) { return describe(failure) }
            return self(.errorSaving, describeCause(error))
        }
    }

    /// Why reading failed: the storage's reason when there is one, else the system's reason in words.
    public func readFailure(_ error: Error) -> String {
        StorageFailure(error).map(describe) ?? self(.errorReadingData, describeCause(error))
    }

    /// The cause of an error that has no words of its own, in the user's language: the system's reason ("ổ đĩa đã
    /// đầy"), else "an unexpected error" with its technical code as a suffix. Never the library's English text.
    public func describeCause(_ error: Error) -> String {
        if let reason = SystemError(cause: error) { return describe(reason) }
        return self(.errorUnexpected, SystemError.technicalCode(error))
    }

    /// "TTHTCĐ xã Kim Sơn nằm ngoài phạm vi làm việc của tài khoản giamdoc…"
    public func describe(_ refusal: OutOfScope) -> String {
        self(.outOfScope, refusal.centreName.isEmpty ? self[.scopeThisCentre] : abbreviated(centreName: refusal.centreName),
             refusal.username)
    }

    public func describe(_ failure: StorageFailure) -> String {
        switch failure {
        case .diskFull: return self[.storageDiskFull]
        case .unwritable: return self[.storageUnwritable]
        case .busy: return self[.storageBusy]
        case .recordGone: return self[.storageRecordGone]
        case .corruptValue(let table, let column, let value): return self(.storageCorruptValue, table, column, value)
        case .receivedRecord: return self[.storageReceivedRecord]
        }
    }
}

extension Strings {
    /// An empty list's line: "… Nhấn F2 để thêm." for someone who may add, and for someone who may not, the same
    /// without a key that would be refused.
    public func emptyHint(_ hint: StringKey, _ readOnly: StringKey, canAdd: Bool) -> String {
        self[canAdd ? hint : readOnly]
    }
}
