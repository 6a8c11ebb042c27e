/// Where an account may act. Reading stays open to everybody; the scope limits only writes that belong to a
/// centre: a director limited to their centre drafts and records only there, a commune leader limited to their
/// commune approves only the plans of centres in it, a clerk limited to a commune edits only its centres.
public enum AccountScope: Hashable, Sendable {
    /// The whole office (every account before scopes existed).
    case office
    /// The centres whose commune (unit code) is this one.
    case commune(code: Int)
    /// One centre, by its id in the data file.
    case centre(id: Int64)

    /// Whether a write on the centre `centreID` (nil: a centre not yet saved) lying in commune `communeCode` is
    /// inside this scope. A centre not yet saved is nobody's own centre: only the office or its commune may add it.
    public func covers(centreID: Int64?, communeCode: Int?) -> Bool {
        switch self {
        case .office: return true
        case .commune(let code): return communeCode == code
        case .centre(let id): return centreID == id
        }
    }

    public var isOffice: Bool { self == .office }
}

/// Refusal of a write on a centre outside the account's scope. Carries the centre's name, so the message can say
/// which centre lies outside.
public struct OutOfScope: Error, Equatable, Sendable {
    public let username: String
    public let scope: AccountScope
    public let centreName: String

    public init(username: String, scope: AccountScope, centreName: String) {
        self.username = username
        self.scope = scope
        self.centreName = centreName
    }
}

extension Actor {
    /// Whether the actor's scope covers the centre; the program itself covers everything.
    public func covers(centreID: Int64?, communeCode: Int?) -> Bool {
        scope.covers(centreID: centreID, communeCode: communeCode)
    }

    /// Throws ``PermissionDenied`` unless a role allows `permission`, then ``OutOfScope`` unless the scope covers
    /// the centre.
    public func require(_ permission: Permission, onCentre centreID: Int64?, communeCode: Int?, named name: String) throws {
        try require(permission)
        guard covers(centreID: centreID, communeCode: communeCode) else {
            throw OutOfScope(username: username, scope: scope, centreName: name)
        }
    }
}
