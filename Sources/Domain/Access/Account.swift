import Foundation

/// A person who signs in. The password hash is kept by Storage in the accounts table only; it never travels
/// with this value.
public struct Account: Hashable, Sendable, Identifiable {
    public var id: Int64?
    public var username: String
    public var fullName: String
    public var roles: Set<Role>
    public var active: Bool
    public var failedAttempts: Int
    public var lockedUntil: Date?
    /// Where the person may write (``AccountScope``); the whole office unless the administrator limits it.
    public var scope: AccountScope

    public init(id: Int64? = nil, username: String, fullName: String, roles: Set<Role>, active: Bool = true,
                failedAttempts: Int = 0, lockedUntil: Date? = nil, scope: AccountScope = .office) {
        self.id = id
        self.username = username
        self.fullName = fullName
        self.roles = roles
        self.active = active
        self.failedAttempts = failedAttempts
        self.lockedUntil = lockedUntil
        self.scope = scope
    }

    public var actor: Actor { Actor(accountID: id, username: username, fullName: fullName, roles: roles, scope: scope) }

    /// Usernames are lower-case letters, digits, dot, dash and underscore, 3 to 32 of them.
    public static func isValidUsername(_ name: String) -> Bool {
        (3...32).contains(name.count) && name.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || "._-".contains($0)) }
    }
}

/// The sign-in rules: five wrong passwords in a row lock the name for five minutes. A wrong name and a wrong
/// password get the same answer, counted the same way, so that trying names tells nothing about which exist.
public enum SignInPolicy {
    public static let maxFailures = 5
    public static let lockout: TimeInterval = 5 * 60
    public static let minimumPasswordLength = 8

    public enum Refusal: Equatable, Sendable {
        /// The name or the password is wrong: which one is not said.
        case wrongCredentials(remaining: Int)
        /// Said only to someone who gave the right password.
        case inactive
        case locked(until: Date)
    }

    /// Whether the name may try now (it is not locked). Checked before the password.
    public static func lock(of account: Account, at now: Date) -> Refusal? {
        if let until = account.lockedUntil, until > now { return .locked(until: until) }
        return nil
    }

    /// The account after a wrong password (or an unknown name, counted under that name): counted, and
    /// locked at the fifth.
    public static func failed(_ account: Account, at now: Date) -> (Account, Refusal) {
        var next = account
        if let until = account.lockedUntil, until <= now { next.failedAttempts = 0; next.lockedUntil = nil }
        next.failedAttempts += 1
        if next.failedAttempts >= maxFailures {
            next.lockedUntil = now.addingTimeInterval(lockout)
            next.failedAttempts = 0
            return (next, .locked(until: next.lockedUntil!))
        }
        return (next, .wrongCredentials(remaining: maxFailures - next.failedAttempts))
    }

    /// The account after a right password: the count starts again. A switched-off account is refused only
    /// now, so that the refusal never tells a stranger the name exists.
    public static func succeeded(_ account: Account) -> (Account, Refusal?) {
        var next = account
        next.failedAttempts = 0
        next.lockedUntil = nil
        return (next, account.active ? nil : .inactive)
    }

    public enum PasswordProblem: Equatable, Sendable { case tooShort(minimum: Int), mismatch, sameAsUsername }

    public static func check(newPassword: String, confirmation: String, username: String) -> PasswordProblem? {
        if newPassword.count < minimumPasswordLength { return .tooShort(minimum: minimumPasswordLength) }
        if newPassword != confirmation { return .mismatch }
        if newPassword.lowercased() == username.lowercased() { return .sameAsUsername }
        return nil
    }
}
