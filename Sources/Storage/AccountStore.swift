import Domain
import Foundation
import GRDB

public enum AccountError: Error, Equatable {
    case usernameTaken
    case invalidUsername
    case notFound
    case wrongPassword
    case password(SignInPolicy.PasswordProblem)
    /// The last active administrator cannot lose the role or be switched off.
    case lastAdministrator
    /// A password asked again (to approve) was wrong, or the account is locked.
    case refused(SignInPolicy.Refusal)
    /// The scope names a centre the file does not hold.
    case scopeCentreGone
}

extension AppDatabase {
    public func hasAccounts() throws -> Bool {
        try writer.read { db in try AccountRecord.fetchCount(db) > 0 }
    }

    public func accounts() throws -> [Account] {
        try writer.read { db in
            try AccountRecord.order(AccountRecord.Columns.username).fetchAll(db).map { try $0.account() }
        }
    }

    static func fetchAccount(_ db: Database, username: String) throws -> (Account, String)? {
        guard let record = try AccountRecord.filter(AccountRecord.Columns.username == username.cleanedInput.lowercased())
            .fetchOne(db) else { return nil }
        return (try record.account(), record.passwordHash)
    }

    /// Creates an account. The first account of a data file is created by the program itself (first run);
    /// every later one needs the administrator's permission.
    @discardableResult
    public func createAccount(_ input: Account, password: String, by actor: Actor, at moment: Date) throws -> Account {
        var account = input
        account.username = input.username.cleanedInput.lowercased()
        account.fullName = input.fullName.cleanedInput
        guard Account.isValidUsername(account.username) else { throw AccountError.invalidUsername }
        if let problem = SignInPolicy.check(newPassword: password, confirmation: password, username: account.username) {
            throw AccountError.password(problem)
        }
        let hash = try PasswordHasher.hash(password)
        return try writer.write { db in
            let isFirst = try AccountRecord.fetchCount(db) == 0
            if actor == .system {
                guard isFirst else { throw PermissionDenied(permission: .manageAccounts, username: actor.username) }
            } else {
                try actor.require(.manageAccounts)
            }
            guard try Self.fetchAccount(db, username: account.username) == nil else { throw AccountError.usernameTaken }
            try Self.checkScope(db, account.scope)
            var record = AccountRecord(account, passwordHash: hash, at: Timestamp.string(moment))
            try record.insert(db)
            account.id = record.id
            try Self.audit(db, actor: actor, action: "create", recordType: Account.auditRecordType,
                           recordID: account.username, changes: AuditDiff.changes(before: nil, after: account.auditFields),
                           at: moment)
            return account
        }
    }

    /// Stores an account whose hash was computed elsewhere (the demo dataset ships its hashes).
    func insertAccount(_ db: Database, _ account: Account, passwordHash: String, at moment: Date) throws {
        var record = AccountRecord(account, passwordHash: passwordHash, at: Timestamp.string(moment))
        try record.insert(db)
        try Self.audit(db, actor: .system, action: "create", recordType: Account.auditRecordType,
                       recordID: account.username, changes: AuditDiff.changes(before: nil, after: account.auditFields),
                       at: moment)
    }


    /// A person changes their own password, giving the old one.
    public func changeOwnPassword(_ actor: Actor, old: String, new: String, confirmation: String, at moment: Date) throws {
        guard let (account, _) = try writer.read({ db in try Self.fetchAccount(db, username: actor.username) })
        else { throw AccountError.notFound }
        // The old password is a guess like any other: it counts towards the same lock.
        do {
            try confirmPassword(actor, old, at: moment)
        } catch AccountError.refused(.wrongCredentials) {
            throw AccountError.wrongPassword
        }
        if let problem = SignInPolicy.check(newPassword: new, confirmation: confirmation, username: account.username) {
            throw AccountError.password(problem)
        }
        try storePassword(for: account, new, by: actor, at: moment)
    }

    /// The administrator sets a new password for someone who forgot theirs.
    public func resetPassword(username: String, to new: String, by actor: Actor, at moment: Date) throws {
        try actor.require(.manageAccounts)
        guard let (account, _) = try writer.read({ db in try Self.fetchAccount(db, username: username) })
        else { throw AccountError.notFound }
        if let problem = SignInPolicy.check(newPassword: new, confirmation: new, username: account.username) {
            throw AccountError.password(problem)
        }
        try storePassword(for: account, new, by: actor, at: moment)
    }

    private func storePassword(for account: Account, _ password: String, by actor: Actor, at moment: Date) throws {
        let hash = try PasswordHasher.hash(password)
        try writer.write { db in
            try AccountRecord.filter(key: account.id).updateAll(
                db, AccountRecord.Columns.passwordHash.set(to: hash), AccountRecord.Columns.failedAttempts.set(to: 0),
                AccountRecord.Columns.lockedUntil.set(to: nil),
                AccountRecord.Columns.updatedAt.set(to: Timestamp.string(moment)))
            // The entry says that the password changed, never what it is.
            try Self.audit(db, actor: actor, action: "passwordChanged", recordType: Account.auditRecordType,
                           recordID: account.username, changes: [], at: moment, always: true)
        }
    }

    /// The administrator changes a person's name, roles, scope or active flag.
    @discardableResult
    public func updateAccount(_ input: Account, by actor: Actor, at moment: Date) throws -> Account {
        try actor.require(.manageAccounts)
        return try writer.write { db in
            guard let (stored, _) = try Self.fetchAccount(db, username: input.username) else { throw AccountError.notFound }
            var account = stored
            account.fullName = input.fullName.cleanedInput
            account.roles = input.roles
            account.active = input.active
            account.scope = input.scope
            try Self.checkScope(db, account.scope)
            let losesAdmin = stored.roles.contains(.administrator) && stored.active
                && (!account.roles.contains(.administrator) || !account.active)
            if losesAdmin {
                let admins = try Self.accountsInDB(db).filter { $0.active && $0.roles.contains(.administrator) }
                if admins.count <= 1 { throw AccountError.lastAdministrator }
            }
            try AccountRecord.filter(key: account.id).updateAll(
                db, AccountRecord.Columns.fullName.set(to: account.fullName),
                AccountRecord.Columns.roles.set(to: AccountRecord.rolesText(account.roles)),
                AccountRecord.Columns.active.set(to: account.active),
                AccountRecord.Columns.scopeCommuneCode.set(to: AccountRecord.scopeColumns(account.scope).commune),
                AccountRecord.Columns.scopeCentreId.set(to: AccountRecord.scopeColumns(account.scope).centre),
                AccountRecord.Columns.updatedAt.set(to: Timestamp.string(moment)))
            try Self.audit(db, actor: actor, action: "update", recordType: Account.auditRecordType,
                           recordID: account.username,
                           changes: AuditDiff.changes(before: stored.auditFields, after: account.auditFields), at: moment)
            return account
        }
    }

    /// A centre scope must name a centre of the file.
    static func checkScope(_ db: Database, _ scope: AccountScope) throws {
        if case .centre(let id) = scope, try CentreRecord.fetchOne(db, key: id) == nil { throw AccountError.scopeCentreGone }
    }

    static func accountsInDB(_ db: Database) throws -> [Account] {
        try AccountRecord.fetchAll(db).map { try $0.account() }
    }

    /// Minutes of inactivity before the screen locks (default 10).
    public func idleLockMinutes() throws -> Int {
        try writer.read { db in
            try Self.settingNumber(db, "session.idleMinutes") ?? 10
        }
    }

    public func saveIdleLockMinutes(_ minutes: Int, by actor: Actor, at moment: Date) throws {
        try saveSetting("session.idleMinutes", String(minutes), by: actor, at: moment)
    }
}

extension AppDatabase {
    /// The demo accounts this file still holds with their demo password, active: a trainer opening any demo
    /// file (not only the one `--demo` makes) sees whom to sign in as. An account whose password was changed,
    /// or that was removed or deactivated, is not listed: its demo password no longer opens it.
    public func unchangedDemoAccounts(of dataset: DemoDataset) throws -> [DemoDataset.DemoAccount] {
        do {
            let stored = try writer.read { db in
                try AccountRecord.filter(dataset.accounts.map(\.username).contains(AccountRecord.Columns.username))
                    .fetchAll(db)
            }
            let hashes = Dictionary(stored.filter(\.active).map { ($0.username, $0.passwordHash) },
                                    uniquingKeysWith: { first, _ in first })
            return dataset.accounts.filter { hashes[$0.username] == $0.passwordHash }
        } catch {
            throw StorageError(error)
        }
    }
}
