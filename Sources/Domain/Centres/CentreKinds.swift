/// How a centre is organised; models differ for rural and mountainous communes and for urban wards.
public enum CentreModel: String, Codable, CaseIterable, Sendable {
    case rural, mountainous, urbanWard, culturalHouse
}

/// Where a centre stands legally. Every change is made by a decision of the commune People's Committee.
public enum CentreStatus: String, Codable, CaseIterable, Sendable {
    case active, suspended, dissolved, merged

    /// A suspension, dissolution or merger must say why.
    public var needsReason: Bool { self != .active }
}

/// The kinds of place where a centre runs its activities.
public enum VenueKind: String, Codable, CaseIterable, Sendable {
    case communeHall, villageCulturalHouse, school, library, other
}

/// The equipment the district plans count ("100% of centres equipped").
public enum FacilityKind: String, Codable, CaseIterable, Sendable {
    case bookcase, tablesAndChairs, computers, internet, loudspeaker, projector, other
}
