/// The numbers written on paper forms ("NS-2026-301", "17", "P0042"): keyed entry proposes the next one.
public enum SerialNumber {
    /// The serial after `serial`: its last run of digits plus one, zero padding kept ("P0099" → "P0100"); nil when
    /// it ends in no digit, so nothing is guessed.
    public static func next(after serial: String) -> String? {
        let chars = Array(serial)
        guard let last = chars.lastIndex(where: \.isASCIIDigit) else { return nil }
        var first = last
        while first > 0 && chars[first - 1].isASCIIDigit { first -= 1 }
        let digits = String(chars[first...last])
        guard let number = Int(digits), number < Int.max else { return nil }
        var next = String(number + 1)
        if next.count < digits.count { next = String(repeating: "0", count: digits.count - next.count) + next }
        return String(chars[..<first]) + next + String(chars[(last + 1)...])
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
