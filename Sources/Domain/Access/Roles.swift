/// What a person may do. Every write in Storage asks for one of these; screens only hide what will be refused.
public enum Permission: String, CaseIterable, Sendable {
    case manageAccounts, changeSettings, viewAudit
    case editCentres, editBoards, editSurveys
    case draftPlans, submitPlans, recordPlanOutcomes, approvePlans
    case evaluate
    /// The centre director's self-assessment; the money of a centre (estimate, allocation, receipts).
    case selfAssess, recordFunding
    /// Writing this office's bundle and receiving other offices' bundles.
    case exchangeData
}

/// The roles of an office. A person may hold several.
public enum Role: String, CaseIterable, Codable, Sendable, Comparable {
    case administrator, dataClerk, centreDirector, communeLeader, provincialOfficer, viewer

    /// Everybody reads everything; these are the permissions beyond reading.
    public var permissions: Set<Permission> {
        switch self {
        case .administrator: return [.manageAccounts, .changeSettings, .viewAudit, .exchangeData]
        case .dataClerk: return [.editCentres, .editBoards, .editSurveys, .recordFunding, .exchangeData]
        case .centreDirector: return [.draftPlans, .submitPlans, .recordPlanOutcomes, .selfAssess]
        case .communeLeader: return [.approvePlans, .recordFunding]
        case .provincialOfficer: return [.evaluate, .viewAudit, .exchangeData]
        case .viewer: return []
        }
    }

    public static func < (lhs: Role, rhs: Role) -> Bool {
        (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
    }
}

/// Refusal of an action the person's roles do not allow.
public struct PermissionDenied: Error, Equatable, Sendable {
    public let permission: Permission
    public let username: String

    public init(permission: Permission, username: String) {
        self.permission = permission
        self.username = username
    }
}

/// Who is acting: the signed-in person, or the program itself for installation tasks (creating the first
/// administrator, loading the demo), which are recorded in the audit trail under its own name.
public struct Actor: Hashable, Sendable {
    public let accountID: Int64?
    public let username: String
    public let fullName: String
    public let roles: Set<Role>
    /// Where the person may write; reading is never limited.
    public let scope: AccountScope
    private let isSystem: Bool

    public init(accountID: Int64?, username: String, fullName: String, roles: Set<Role>, scope: AccountScope = .office) {
        self.accountID = accountID
        self.username = username
        self.fullName = fullName
        self.roles = roles
        self.scope = scope
        self.isSystem = false
    }

    private init(system username: String) {
        accountID = nil
        self.username = username
        fullName = username
        roles = []
        scope = .office
        isSystem = true
    }

    /// The program itself, for the first run and the demo. Never a signed-in person.
    public static let system = Actor(system: "system")

    /// The `tthtcd exchange` commands, run by whoever holds the data file (0600, their own account), as a script on
    /// the office's PC does: recorded in the audit trail under this name.
    public static let exchangeCommand = Actor(system: "exchange")

    /// The person as a record names them: "Trần Văn Minh (giamdoc)", or the user name alone.
    public var signature: String { fullName.isEmpty ? username : "\(fullName) (\(username))" }

    public func can(_ permission: Permission) -> Bool {
        isSystem || roles.contains { $0.permissions.contains(permission) }
    }

    /// Throws ``PermissionDenied`` unless one of the roles allows `permission`.
    public func require(_ permission: Permission) throws {
        guard can(permission) else { throw PermissionDenied(permission: permission, username: username) }
    }
}
