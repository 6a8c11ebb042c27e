import Domain
import Storage

/// Words for the data file's refusals, system errors, backups, checks and the audit verification: every
/// message the C library or SQLite would give in English, said in the user's language.
extension Strings {
    public func describe(_ error: SystemError) -> String {
        switch error {
        case .notFound: return self[.systemNotFound]
        case .permissionDenied: return self[.systemPermissionDenied]
        case .readOnlyMedia: return self[.systemReadOnlyMedia]
        case .diskFull: return self[.systemDiskFull]
        case .isDirectory: return self[.systemIsDirectory]
        case .notADirectory: return self[.systemNotADirectory]
        case .symbolicLinkLoop: return self[.systemSymbolicLinkLoop]
        case .nameTooLong: return self[.systemNameTooLong]
        case .alreadyExists: return self[.systemAlreadyExists]
        case .ioError: return self[.systemIOError]
        case .other(let code): return self(.systemOther, code)
        }
    }

    /// Why a data file was refused, for the command line and the start-up screen.
    public func describe(_ error: DataFileError) -> String {
        switch error {
        case .notADatabase(let path): return self(.fileNotADatabase, path)
        case .foreignDatabase(let path): return self(.fileForeign, path)
        case .damaged(let path, let reason): return self(.fileDamaged, path, describe(reason))
        case .newerVersion(let path): return self(.fileNewer, path)
        case .inUse(let path): return self(.fileInUse, path)
        case .alreadyExists(let path): return self(.fileExists, path)
        case .empty(let path): return self(.fileEmpty, path)
        case .hardLinked(let path, let links): return self(.fileHardLinked, path, links)
        case .notAFile(let path): return self(.fileNotAFile, path)
        case .unreachable(let path, let reason): return self(.fileUnreachable, path, describe(reason))
        }
    }

    public func describe(_ damage: DataFileError.Damage) -> String {
        switch damage {
        case .truncated: return self[.damageTruncated]
        case .misaligned: return self[.damageMisaligned]
        case .integrity(let problems): return self(.damageIntegrity, problems)
        case .unreadable: return self[.damageUnreadable]
        }
    }

    public func describe(_ failure: CloseFailure) -> String {
        self(.closeFailed, failure.path, describe(failure.reason))
    }

    public func describe(_ error: BackupError) -> String {
        switch error {
        case .destination(let path, let reason): return self(.backupFailed, path, describe(reason))
        case .copyDoesNotMatch: return self[.backupCopyBad]
        case .sameAsDataFile: return self[.backupSame]
        case .cancelled: return self[.backupCancelled]
        }
    }

    public func describe(_ error: RestoreError) -> String {
        switch error {
        case .source(let refusal): return describe(refusal)
        case .sameFile(let path): return self(.restoreSameFile, path)
        }
    }

    public func describe(_ error: SurveyStoreError) -> String {
        switch error {
        case .notFound: return self[.storageRecordGone]
        case .duplicateSerial(let serial): return self(.surveyDuplicateSerialStored, serial)
        }
    }

    /// Any error of the file layer (a refusal, a backup, a restore, the system): the sentence to show.
    public func describeFileError(_ error: Error) -> String {
        switch error {
        case let file as DataFileError: return describe(file)
        case let backup as BackupError: return describe(backup)
        case let restore as RestoreError: return describe(restore)
        case let close as CloseFailure: return describe(close)
        case let system as SystemErrorBox: return describe(system.reason)
        default: return saveFailure(error)
        }
    }

    /// "Trung tâm TT13918", "Phiếu khảo sát 3/P0000012": a record as the verification names it.
    public func auditRecordName(type: String, id: String) -> String {
        switch type {
        case "centre": return self(.recordCentre, id)
        case "boardMember": return self(.recordBoardMember, id)
        case "account": return self(.recordAccount, id)
        case "setting": return self(.recordSetting, id)
        case "surveyCampaign": return self(.recordCampaign, id)
        case "surveyResponse": return self(.recordResponse, id)
        case "plan": return self(.recordPlan, id)
        default: return type + " " + id
        }
    }
}
