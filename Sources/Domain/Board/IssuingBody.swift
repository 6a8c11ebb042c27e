/// Reads who issued a decision from the words an official typed ("UBND xã Nghĩa Sơn", "Ủy ban nhân dân
/// phường Hoa Lư", "Chủ tịch UBND đặc khu Phú Quốc"). Whether the body is a commune-level People's Committee is
/// decided from the official unit list, never from words inside a name: "Xã Nho Quan" is a commune although its
/// name holds "quan", and "thị xã" is not one although it holds "xã".
public enum IssuingBody {
    /// Whether the issuer is the People's Committee (or its chairman) of a commune-level unit of the list.
    public static func isCommuneCommittee(_ issuer: String, units: UnitDirectory) -> Bool {
        let words = Self.words(issuer)
        // The words after the committee's name: "ubnd" or "uy ban nhan dan".
        var start: Int?
        for index in words.indices {
            if words[index] == "ubnd" { start = index + 1; break }
            if words.count > index + 3, words[index..<index + 4] == ["uy", "ban", "nhan", "dan"] { start = index + 4; break }
        }
        guard let start else { return false }
        // The unit named there, by its full name with its type word ("xa nho quan"), as the list spells it.
        for length in 2...min(10, max(2, words.count - start)) where start + length <= words.count {
            if units.isCommuneLevelName(words[start..<start + length].joined(separator: " ")) { return true }
        }
        return false
    }

    /// A name or an issuer as words to compare: folded (no marks, đ as d, lower case), dots dropped, commas and
    /// dashes as spaces ("Phường Cam Ly - Đà Lạt" and "phuong cam ly da lat" give the same words).
    public static func words(_ text: String) -> [String] {
        VietnameseText.fold(text.cleanedInput).replacingOccurrences(of: ".", with: "")
            .split(whereSeparator: { $0 == " " || $0 == "," || $0 == "-" || $0 == "–" }).map(String.init)
    }
}
