import Domain
import Foundation
import GRDB

public enum SignInResult: Equatable, Sendable {
    case signedIn(Account)
    case refused(SignInPolicy.Refusal)
}

/// Every way of giving a password (the sign-in screen, the idle lock, an approval, a change of password, a
/// command that writes) goes through ``AppDatabase/attempt(_:username:password:at:recordSignIn:)``: one failure
/// counter, read and written in the same transaction, so attempts made in parallel each count. A name that
/// has no account is counted the same way in `signInAttempt`, and its password is checked against a decoy
/// hash, so neither the answer nor the time taken tells a stranger which names exist.
extension AppDatabase {
    /// A hash of no password anyone knows, with the same rounds as real ones.
    static let decoyHash = "pbkdf2-sha256$210000$CvqLDgVN0ELg8ArDP7AIBw==$+WT88JpNb+WXYrRm+MWeJZcFbCsRinQi5TWPsS9cJAI="

    /// Checks a password and keeps count of failures: five in a row lock the name for five minutes.
    public func signIn(username: String, password: String, at moment: Date) throws -> SignInResult {
        try Self.attempt(writer, username: username, password: password, at: moment, recordSignIn: true)
    }

    /// Checks the password of the signed-in person again, before a legal act such as approving a plan. A
    /// wrong answer counts towards the same lock as at sign-in, so the question cannot be used to guess
    /// someone's password on a desk left open.
    @discardableResult
    public func confirmPassword(_ actor: Actor, _ password: String, at moment: Date) throws -> Bool {
        guard try writer.read({ db in try Self.fetchAccount(db, username: actor.username) }) != nil else {
            throw AccountError.notFound
        }
        switch try Self.attempt(writer, username: actor.username, password: password, at: moment, recordSignIn: false) {
        case .signedIn: return true
        case .refused(let refusal): throw AccountError.refused(refusal)
        }
    }

    /// Signs in for a command that writes (`survey import`), before it takes the file or reads its input.
    /// Works while an interface holds the file, so that the command's wrong passwords count too; where the
    /// count cannot be written (a read-only disk), nobody signs in.
    public static func signIn(dataFile requested: String, username: String, password: String, at moment: Date) throws
        -> SignInResult
    {
        let lock = try DataFileLock.acquire(requested, exclusive: false, create: false)
        var current = false
        do {
            defer { if !current { lock.release() } }
            guard try DataFileInspector.inspect(lock, requested: requested, migrator: Migrations.migrator,
                                                fullCheck: false) == .ours
            else { throw DataFileError.empty(path: requested) }
            let queue = try DatabaseQueue(path: lock.path, configuration: configuration())
            current = try queue.read { db in try Migrations.migrator.hasCompletedMigrations(db) }
            if current {
                defer {
                    try? queue.close()
                    lock.release()
                }
                // No entry for a command's sign-in: what it then writes carries the name, and a refused
                // command leaves the file as it was.
                return try attempt(queue, username: username, password: password, at: moment, recordSignIn: false)
            }
            try queue.close()
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw DataFileError.notADatabase(path: requested)
        }
        // A file from an earlier version: no session of this version holds it; bring it up to date first.
        let database = try open(path: requested)
        defer { database.close() }
        return try database.signIn(username: username, password: password, at: moment)
    }

    static func attempt(_ writer: any DatabaseWriter, username: String, password: String, at moment: Date,
                        recordSignIn: Bool) throws -> SignInResult {
        let name = username.cleanedInput.lowercased()
        let before = try writer.read { db in try attemptState(db, name) }
        if let refusal = SignInPolicy.lock(of: before.account, at: moment) { return .refused(refusal) }
        // The slow part, outside the write transaction; an unknown name costs the same.
        let matches = PasswordHasher.verify(password, against: before.hash ?? decoyHash) && before.hash != nil
        return try writer.write { db in
            let current = try attemptState(db, name)
            if let refusal = SignInPolicy.lock(of: current.account, at: moment) { return .refused(refusal) }
            if matches && current.hash == before.hash {
                let (next, refusal) = SignInPolicy.succeeded(current.account)
                if current.account.failedAttempts > 0 || current.account.lockedUntil != nil {
                    try storeAttempts(db, next, known: true)
                }
                if let refusal { return .refused(refusal) }
                if recordSignIn {
                    try audit(db, actor: next.actor, action: "signIn", recordType: Account.auditRecordType,
                              recordID: next.username, changes: [], at: moment, always: true)
                }
                return .signedIn(next)
            }
            let (next, refusal) = SignInPolicy.failed(current.account, at: moment)
            try storeAttempts(db, next, known: current.hash != nil)
            if case .locked = refusal {
                try audit(db, actor: .system, action: "lock", recordType: Account.auditRecordType, recordID: name,
                          changes: [], at: moment, always: true)
            }
            return .refused(refusal)
        }
    }

    /// The account and its hash, or, for a name without an account, its counter alone (hash nil).
    private static func attemptState(_ db: Database, _ name: String) throws -> (account: Account, hash: String?) {
        if let (account, hash) = try fetchAccount(db, username: name) { return (account, hash) }
        let row = try Row.fetchOne(db, sql: "SELECT * FROM signInAttempt WHERE username = ?", arguments: [name])
        return (Account(username: name, fullName: "", roles: [], failedAttempts: row?["failedAttempts"] ?? 0,
                        lockedUntil: (row?["lockedUntil"] as String?).flatMap(Timestamp.date)), nil)
    }

    private static func storeAttempts(_ db: Database, _ account: Account, known: Bool) throws {
        let until = account.lockedUntil.map(Timestamp.string)
        if known {
            try db.execute(sql: "UPDATE account SET failedAttempts = ?, lockedUntil = ? WHERE username = ?",
                           arguments: [account.failedAttempts, until, account.username])
        } else {
            try db.execute(sql: "INSERT OR REPLACE INTO signInAttempt(username, failedAttempts, lockedUntil) VALUES (?, ?, ?)",
                           arguments: [account.username, account.failedAttempts, until])
        }
    }
}
