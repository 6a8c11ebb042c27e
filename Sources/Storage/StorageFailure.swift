import GRDB

/// What went wrong below a read or a write, in terms a person can act on. Screens describe these instead
/// of SQLite's own words, and never need to know GRDB.
public enum StorageFailure: Equatable, Sendable {
    /// The disk is full: nothing was written.
    case diskFull
    /// The file or its folder cannot be written (read-only disk, permissions, a USB stick pulled out).
    case unwritable
    /// Another program holds the file for too long.
    case busy
    /// The record is no longer in the file.
    case recordGone
    /// A stored value this version cannot read (changed by another program, or damaged): which table, column
    /// and value, so that it can be repaired.
    case corruptValue(table: String, column: String, value: String)
    /// The record was received from another office (its writer) and is read-only here.
    case receivedRecord

    /// Nil for errors that are not about the storage itself (a refused permission, a workflow rule...).
    public init?(_ error: Error) {
        switch error {
        case let wrapped as StorageError:
            self.init(wrapped.underlying)
        case let database as DatabaseError:
            if database.message?.contains(ExchangeSchema.refusal) == true {
                self = .receivedRecord
                return
            }
            switch database.resultCode {
            case .SQLITE_FULL: self = .diskFull
            case .SQLITE_READONLY, .SQLITE_IOERR, .SQLITE_CANTOPEN, .SQLITE_PERM: self = .unwritable
            case .SQLITE_BUSY, .SQLITE_LOCKED: self = .busy
            default: return nil
            }
        case CentreStoreError.notFound, BoardStoreError.notFound, SurveyStoreError.notFound, PlanStoreError.notFound,
             EvaluationStoreError.notFound:
            self = .recordGone
        case EvaluationStoreError.readOnlyHere:
            self = .receivedRecord
        case let stored as StoredValueError:
            self = .corruptValue(table: stored.table, column: stored.column, value: stored.value)
        default:
            return nil
        }
    }
}
