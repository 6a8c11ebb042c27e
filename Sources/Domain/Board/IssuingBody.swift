/// Reads who issued a decision from the words an official typed ("UBND xã Nghĩa Sơn", "Ủy ban nhân dân
/// phường Hoa Lư", "Chủ tịch UBND huyện Nghĩa Hưng").
public enum IssuingBody {
    /// Whether the issuer is a commune-level People's Committee (xã, phường or đặc khu) or its chairman.
    public static func isCommuneCommittee(_ issuer: String) -> Bool {
        // Bytes, not Foundation's `contains`: the roster checks every member of every board.
        let folded = [0x20] + VietnameseText.fold(issuer.cleanedInput).utf8.filter { $0 != UInt8(ascii: ".") } + [0x20]
        func has(_ words: String) -> Bool { VietnameseText.occurs(Array(words.utf8), in: folded) }
        let committee = has(" ubnd ") || has("uy ban nhan dan")
        let upperLevel = has(" huyen ") || has(" tinh ") || has(" thanh pho ") || has(" quan ") || has(" thi xa ")
        let communeLevel = has(" xa ") || has(" phuong ") || has(" dac khu ")
        return committee && communeLevel && !upperLevel
    }
}
