import Domain

/// How a document names a unit and its bodies. The word for a unit's kind (xã, phường, đặc khu; tỉnh, thành phố)
/// comes from the official list's type for that unit, never from words inside its name, so "Xã Nho Quan" is a
/// commune and "Phường Hoa Lư" a ward in every mention: the heading, the committee, the chairman, the Study
/// Promotion Association.
public struct UnitWords: Equatable, Sendable {
    /// "xã", "phường", "đặc khu", "tỉnh", "thành phố" (in the catalog's language).
    public let kind: String
    /// "Nghĩa Sơn"
    public let name: String
    /// "xã Nghĩa Sơn", as a sentence names the unit.
    public let full: String
}

extension Strings {
    public func word(for type: UnitType) -> String {
        switch type {
        case .commune: return self[.docUnitCommune]
        case .ward: return self[.docUnitWard]
        case .specialZone: return self[.docUnitSpecialZone]
        case .province: return self[.docUnitProvince]
        case .city: return self[.docUnitCity]
        }
    }

    public func words(_ unit: AdministrativeUnit) -> UnitWords { words(kind: word(for: unit.type), name: unit.short) }

    public func words(_ province: Province) -> UnitWords { words(kind: word(for: province.type), name: province.short) }

    func words(kind: String, name: String) -> UnitWords { UnitWords(kind: kind, name: name, full: self(.docUnitName, kind, name)) }

    /// "UBND phường Hoa Lư"
    public func committee(_ unit: UnitWords) -> String { self(.docCommitteeShort, unit.kind, unit.name) }

    /// "ỦY BAN NHÂN DÂN\nPHƯỜNG HOA LƯ": the committee as the issuer of its own documents.
    public func committeeHeading(_ unit: UnitWords) -> String { self(.docCommitteeHeading, unit.kind, unit.name).uppercased() }

    /// "Nghĩa Sơn, ngày 20 tháng 01 năm 2026"
    public func placeAndDate(_ place: String, _ date: LocalDate) -> String {
        self(.docPlaceDate, place, twoDigits(date.day), twoDigits(date.month), date.year)
    }

    private func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }

    /// A register number, or the blank an office fills by hand when the number is given at issue.
    public func registerNumber(_ number: String?) -> String {
        guard let number, !number.isEmpty else { return "      " }
        return number
    }

    /// "I", "II", ... for the parts of a document.
    public static func roman(_ n: Int) -> String {
        let table: [(Int, String)] = [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        var rest = n, out = ""
        for (value, letters) in table {
            while rest >= value { out += letters; rest -= value }
        }
        return out
    }
}
