import Foundation

/// A decision of an authority: establishment, status change, appointment.
public struct Decision: Hashable, Codable, Sendable {
    public var number: String
    public var date: LocalDate?
    public var issuer: String

    public init(number: String = "", date: LocalDate? = nil, issuer: String = "") {
        self.number = number
        self.date = date
        self.issuer = issuer
    }

    public var isEmpty: Bool { number.isEmpty && date == nil && issuer.isEmpty }
}

/// A place where the centre holds activities: the commune hall, a village cultural house, a school...
public struct Venue: Hashable, Codable, Sendable {
    public var name: String
    public var kind: VenueKind
    public var village: String

    public init(name: String, kind: VenueKind, village: String = "") {
        self.name = name
        self.kind = kind
        self.village = village
    }
}

/// One line of the facilities checklist: whether the centre has it, and how many.
public struct FacilityItem: Hashable, Codable, Sendable {
    public var kind: FacilityKind
    public var present: Bool
    public var count: Int

    public init(kind: FacilityKind, present: Bool = false, count: Int = 0) {
        self.kind = kind
        self.present = present
        self.count = count
    }
}

/// A Community Learning Centre (TTHTCĐ) as kept in the roster.
public struct Centre: Hashable, Codable, Sendable, Identifiable {
    public var id: Int64?
    /// Stable short code, "TT" and the commune code ("TT13891"); given at creation, never changed.
    public var code: String
    public var name: String
    public var provinceCode: Int
    public var communeCode: Int?
    public var address: String
    public var establishment: Decision
    public var model: CentreModel
    public var isPilot: Bool
    public var venues: [Venue]
    /// The villages and residential groups (thôn, tổ dân phố) the centre serves, in the order surveys number them.
    public var villages: [String]
    /// One item per ``FacilityKind``, in the catalogue order.
    public var facilities: [FacilityItem]
    /// What "other" equipment is.
    public var otherFacilities: String
    public var status: CentreStatus
    /// The decision behind the current status (for an active centre, empty or its re-establishment).
    public var statusDecision: Decision
    public var statusReason: String
    /// For a merged centre: the code of the centre it was merged into.
    public var mergedInto: String?
    public var updatedAt: Date?

    public init(
        id: Int64? = nil, code: String = "", name: String = "", provinceCode: Int, communeCode: Int? = nil,
        address: String = "", establishment: Decision = Decision(), model: CentreModel = .rural,
        isPilot: Bool = false, venues: [Venue] = [], villages: [String] = [],
        facilities: [FacilityItem] = Centre.emptyFacilities,
        otherFacilities: String = "", status: CentreStatus = .active, statusDecision: Decision = Decision(),
        statusReason: String = "", mergedInto: String? = nil, updatedAt: Date? = nil
    ) {
        self.id = id
        self.code = code
        self.name = name
        self.provinceCode = provinceCode
        self.communeCode = communeCode
        self.address = address
        self.establishment = establishment
        self.model = model
        self.isPilot = isPilot
        self.venues = venues
        self.villages = villages
        self.facilities = facilities
        self.otherFacilities = otherFacilities
        self.status = status
        self.statusDecision = statusDecision
        self.statusReason = statusReason
        self.mergedInto = mergedInto
        self.updatedAt = updatedAt
    }

    public static let emptyFacilities = FacilityKind.allCases.map { FacilityItem(kind: $0) }

    public func facility(_ kind: FacilityKind) -> FacilityItem {
        facilities.first { $0.kind == kind } ?? FacilityItem(kind: kind)
    }

    /// Number of checklist items the centre has, out of the whole checklist.
    public var facilitiesPresent: Int { facilities.filter(\.present).count }

    /// False when the centre points to a commune that is not in the official list (abolished or merged).
    public func hasKnownCommune(in units: UnitDirectory) -> Bool {
        communeCode.map { units.unit(code: $0) != nil } ?? false
    }

    /// Every text in NFC with spaces tidied, as stored.
    public func normalised() -> Centre {
        var copy = self
        copy.name = name.cleanedInput
        copy.address = address.cleanedInput
        copy.establishment = establishment.cleaned()
        copy.statusDecision = statusDecision.cleaned()
        copy.statusReason = statusReason.cleanedInput
        copy.otherFacilities = otherFacilities.cleanedInput
        copy.venues = venues.map { Venue(name: $0.name.cleanedInput, kind: $0.kind, village: $0.village.cleanedInput) }
        copy.villages = villages.map(\.cleanedInput).filter { !$0.isEmpty }
        copy.facilities = FacilityKind.allCases.map { facility($0) }
        return copy
    }
}

extension Decision {
    func cleaned() -> Decision { Decision(number: number.cleanedInput, date: date, issuer: issuer.cleanedInput) }
}

/// A line of a centre's status history: what changed, by which decision, and why.
public struct StatusChange: Hashable, Codable, Sendable {
    public var from: CentreStatus?
    public var to: CentreStatus
    public var decision: Decision
    public var reason: String
    public var mergedInto: String?
    public var recordedAt: Date
    /// Who recorded the change, as "full name (user name)"; empty for a line older than this record.
    public var recordedBy: String

    public init(from: CentreStatus?, to: CentreStatus, decision: Decision, reason: String, mergedInto: String?,
                recordedAt: Date, recordedBy: String) {
        self.from = from
        self.to = to
        self.decision = decision
        self.reason = reason
        self.mergedInto = mergedInto
        self.recordedAt = recordedAt
        self.recordedBy = recordedBy
    }
}

public enum CentreCode {
    /// "TT" and the five-digit commune code; a second centre in the same commune gets "-2", and so on.
    public static func make(communeCode: Int, taken: Set<String>) -> String {
        let base = "TT" + String(format: "%05d", communeCode)
        if !taken.contains(base) { return base }
        var n = 2
        while taken.contains("\(base)-\(n)") { n += 1 }
        return "\(base)-\(n)"
    }
}

/// What a centre holds that forbids deleting it: a centre with records is dissolved, never deleted.
public struct CentreRecords: Equatable, Sendable {
    public var statusChanges: Int
    public var other: Int

    public init(statusChanges: Int, other: Int = 0) {
        self.statusChanges = statusChanges
        self.other = other
    }

    public var allowsDeletion: Bool { statusChanges == 0 && other == 0 }
}
