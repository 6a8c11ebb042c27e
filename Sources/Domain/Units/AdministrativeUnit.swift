import Foundation

/// The kinds of administrative unit in the two-tier system in force since 1 July 2025.
public enum UnitType: String, Codable, Sendable, CaseIterable {
    case province, city, commune, ward, specialZone
}

/// A province or a centrally-run city (34 in all).
public struct Province: Hashable, Codable, Sendable {
    public let code: Int
    /// Full name with its type word: "Tỉnh Ninh Bình", "Thành phố Hà Nội".
    public let name: String
    /// Name without the type word, used for sorting: "Ninh Bình".
    public let short: String
    public let type: UnitType
}

/// A commune-level unit: xã, phường or đặc khu (3,321 in all). A centre belongs to exactly one.
public struct AdministrativeUnit: Hashable, Codable, Sendable {
    public let code: Int
    /// Full name with its type word: "Xã Nghĩa Hưng".
    public let name: String
    public let short: String
    public let type: UnitType
    public let province: Int

    public init(code: Int, name: String, short: String, type: UnitType, province: Int) {
        self.code = code
        self.name = name
        self.short = short
        self.type = type
        self.province = province
    }
}
