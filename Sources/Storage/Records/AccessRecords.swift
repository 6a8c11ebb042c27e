import Domain
import Foundation
import GRDB

/// A row of `account`. The password hash stays in Storage: it never travels with an ``Account``.
struct AccountRecord: Codable, FetchableRecord, MutablePersistableRecord, StoredRecord {
    static let databaseTableName = "account"

    var id: Int64?
    var username: String
    var fullName: String
    /// Role names, comma-separated.
    var roles: String
    var active: Bool
    var passwordHash: String
    var failedAttempts: Int
    var lockedUntil: String?
    var createdAt: String
    var updatedAt: String
    /// The scope: at most one of the two is set; neither means the whole office.
    var scopeCommuneCode: Int?
    var scopeCentreId: Int64?

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let username = Column(CodingKeys.username)
        static let fullName = Column(CodingKeys.fullName)
        static let roles = Column(CodingKeys.roles)
        static let active = Column(CodingKeys.active)
        static let passwordHash = Column(CodingKeys.passwordHash)
        static let failedAttempts = Column(CodingKeys.failedAttempts)
        static let lockedUntil = Column(CodingKeys.lockedUntil)
        static let updatedAt = Column(CodingKeys.updatedAt)
        static let scopeCommuneCode = Column(CodingKeys.scopeCommuneCode)
        static let scopeCentreId = Column(CodingKeys.scopeCentreId)
    }

    init(_ account: Account, passwordHash: String, at stamp: String) {
        id = account.id
        username = account.username
        fullName = account.fullName
        roles = Self.rolesText(account.roles)
        active = account.active
        self.passwordHash = passwordHash
        failedAttempts = account.failedAttempts
        lockedUntil = account.lockedUntil.map(Timestamp.string)
        createdAt = stamp
        updatedAt = stamp
        (scopeCommuneCode, scopeCentreId) = Self.scopeColumns(account.scope)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    static func scopeColumns(_ scope: AccountScope) -> (commune: Int?, centre: Int64?) {
        switch scope {
        case .office: return (nil, nil)
        case .commune(let code): return (code, nil)
        case .centre(let id): return (nil, id)
        }
    }

    func scope() throws -> AccountScope {
        switch (scopeCommuneCode, scopeCentreId) {
        case (nil, nil): return .office
        case (let code?, nil): return .commune(code: code)
        case (nil, let id?): return .centre(id: id)
        case (let code?, let id?): throw Self.failure(Columns.scopeCentreId, "\(code)/\(id)")
        }
    }

    static func rolesText(_ roles: Set<Role>) -> String { StoredText.list(roles.sorted()) }

    func account() throws -> Account {
        Account(id: id, username: username, fullName: fullName, roles: Set(try Self.storedList(roles, Columns.roles)),
                active: active, failedAttempts: failedAttempts,
                lockedUntil: try Self.storedTimestamp(lockedUntil, Columns.lockedUntil), scope: try scope())
    }
}

/// A row of `auditEntry`: append-only, linked to the one before by its hash.
struct AuditEntryRecord: Codable, FetchableRecord, PersistableRecord, StoredRecord {
    static let databaseTableName = "auditEntry"

    var id: Int64
    var at: String
    var username: String
    var action: String
    var recordType: String
    var recordID: String
    /// The changed fields as JSON (``AuditEntry/encode(_:)``).
    var changes: String
    var previousHash: String
    var hash: String

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let at = Column(CodingKeys.at)
        static let username = Column(CodingKeys.username)
        static let recordType = Column(CodingKeys.recordType)
        static let recordID = Column(CodingKeys.recordID)
        static let changes = Column(CodingKeys.changes)
        static let hash = Column(CodingKeys.hash)
    }

    func entry() throws -> AuditEntry {
        AuditEntry(id: id, at: try Self.storedTimestamp(at, Columns.at), username: username, action: action,
                   recordType: recordType, recordID: recordID,
                   changes: try Self.storedJSON([FieldChange].self, changes, Columns.changes),
                   previousHash: previousHash, hash: hash)
    }

    /// The row exactly as stored, for checking the chain (no decoding: the bytes are what is hashed).
    var stored: AuditChain.StoredRow {
        AuditChain.StoredRow(id: id, at: at, username: username, action: action, recordType: recordType,
                             recordID: recordID, changes: changes, previousHash: previousHash, hash: hash)
    }
}

/// A row of `setting`: one key and its value as text.
struct SettingRecord: Codable, FetchableRecord, PersistableRecord, StoredRecord {
    static let databaseTableName = "setting"

    var key: String
    var value: String

    enum Columns {
        static let key = Column(CodingKeys.key)
        static let value = Column(CodingKeys.value)
    }

    /// The value read as a whole number; a stored value that is not one is an error, never ignored.
    func number() throws -> Int {
        guard let number = Int(value) else { throw Self.failure(Columns.value, key + "=" + value) }
        return number
    }
}
