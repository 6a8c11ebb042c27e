/// Reads who issued a decision from the words an official typed ("UBND xã Nghĩa Sơn", "Ủy ban nhân dân
/// phường Hoa Lư", "Chủ tịch UBND huyện Nghĩa Hưng").
public enum IssuingBody {
    /// Whether the issuer is a commune-level People's Committee (xã, phường or đặc khu) or its chairman.
    public static func isCommuneCommittee(_ issuer: String) -> Bool {
        let folded = " " + VietnameseText.fold(issuer.cleanedInput).replacingOccurrences(of: ".", with: "") + " "
        let committee = folded.contains(" ubnd ") || folded.contains("uy ban nhan dan")
        let upperLevel = folded.contains(" huyen ") || folded.contains(" tinh ") || folded.contains(" thanh pho ")
            || folded.contains(" quan ") || folded.contains(" thi xa ")
        let communeLevel = folded.contains(" xa ") || folded.contains(" phuong ") || folded.contains(" dac khu ")
        return committee && communeLevel && !upperLevel
    }
}
