/// Which office this installation serves. A provincial office sees every centre of its province; a commune
/// office sees the centres of its commune (and, so they can be fixed, those of its province whose commune
/// is no longer in the official list).
public struct OfficeSettings: Hashable, Codable, Sendable {
    public var provinceCode: Int
    public var communeCode: Int?

    public init(provinceCode: Int, communeCode: Int? = nil) {
        self.provinceCode = provinceCode
        self.communeCode = communeCode
    }

    public var isProvincial: Bool { communeCode == nil }

    /// Whether a centre belongs to what this office sees.
    public func covers(_ centre: Centre, units: UnitDirectory) -> Bool {
        guard centre.provinceCode == provinceCode else { return false }
        guard let commune = communeCode else { return true }
        return centre.communeCode == commune || !centre.hasKnownCommune(in: units)
    }
}
