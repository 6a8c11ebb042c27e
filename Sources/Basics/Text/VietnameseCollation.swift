import Foundation

/// Sorting in Vietnamese alphabetical order: a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y.
/// Letters decide first; tones (none, huyền, hỏi, ngã, sắc, nặng) break ties; then upper before lower case.
public struct CollationKey: Comparable, Hashable, Sendable {
    /// Letters, then a 0, then tones, then a 0, then case: one array, compared in one pass.
    let weights: [UInt32]

    init(primary: [UInt32], secondary: [UInt8], tertiary: [UInt8]) {
        weights = primary + [0] + secondary.map { UInt32($0) + 1 } + [0] + tertiary.map { UInt32($0) + 1 }
    }

    init(weights: [UInt32]) { self.weights = weights }

    public static func < (lhs: CollationKey, rhs: CollationKey) -> Bool {
        // A plain loop: sorting a country's centres compares keys tens of thousands of times.
        lhs.weights.withUnsafeBufferPointer { a in
            rhs.weights.withUnsafeBufferPointer { b in
                let count = min(a.count, b.count)
                var index = 0
                while index < count {
                    if a[index] != b[index] { return a[index] < b[index] }
                    index += 1
                }
                return a.count < b.count
            }
        }
    }
}

public enum VietnameseCollation {
    private static let alphabet: [String] = [
        "a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "f", "g", "h", "i", "j", "k", "l", "m", "n",
        "o", "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "w", "x", "y", "z",
    ]
    private static let letterRank: [String: UInt32] = {
        var ranks: [String: UInt32] = [:]
        for (index, letter) in alphabet.enumerated() { ranks[letter] = 0x1000 + UInt32(index) }
        return ranks
    }()
    /// Tone marks in dictionary order; 0 is the level tone (ngang).
    private static let toneRank: [UInt32: UInt8] = [0x0300: 1, 0x0309: 2, 0x0303: 3, 0x0301: 4, 0x0323: 5]
    /// Marks that make a different letter (ă â ê ô ơ ư), not a tone.
    private static let letterMarks: Set<UInt32> = [0x0306, 0x0302, 0x031B]

    /// The key of a text; compare keys, never the raw strings.
    public static func key(_ text: String) -> CollationKey {
        // Text whose every character is one scalar of the Latin table (the common case, Vietnamese included)
        // is keyed from that table; anything else goes the long way, character by character.
        var primary: [UInt32] = []
        var secondary: [UInt32] = []
        var tertiary: [UInt32] = []
        primary.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            guard let weights = ScalarWeights.of(scalar.value) else { return slowKey(text) }
            if let letter = weights.primary { primary.append(letter) }
            secondary.append(weights.secondary)
            tertiary.append(weights.tertiary)
        }
        return CollationKey(weights: primary + [0] + secondary + [0] + tertiary)
    }

    /// The weights one character of a single scalar gives, computed once by ``slowKey(_:)`` for the Latin
    /// letters, digits and punctuation (below U+0250) and Latin Extended Additional (U+1E00 to U+1EFF, where
    /// the toned Vietnamese vowels are). Carriage returns stay on the long way: CR LF is one character.
    enum ScalarWeights {
        struct Weights {
            let primary: UInt32?
            let secondary: UInt32
            let tertiary: UInt32
        }

        static let latin: [Weights] = (0..<0x250).map { weights(of: $0) }
        static let extended: [Weights] = (0x1E00..<0x1F00).map { weights(of: $0) }

        static func weights(of value: UInt32) -> Weights {
            let key = slowKey(String(Unicode.Scalar(value)!)).weights
            let first = key.firstIndex(of: 0)!
            return Weights(primary: first > 0 ? key[0] : nil, secondary: key[first + 1], tertiary: key[first + 3])
        }

        static func of(_ value: UInt32) -> Weights? {
            if value < 0x250 { return value == 0x0D ? nil : latin[Int(value)] }
            if value >= 0x1E00 && value < 0x1F00 { return extended[Int(value) - 0x1E00] }
            return nil
        }
    }

    /// The definition of the key, character by character after canonical decomposition.
    static func slowKey(_ text: String) -> CollationKey {
        var primary: [UInt32] = []
        var secondary: [UInt8] = []
        var tertiary: [UInt8] = []
        for character in text.nfc {
            let decomposed = String(character).decomposedStringWithCanonicalMapping
            var base = ""
            var tone: UInt8 = 0
            for scalar in decomposed.unicodeScalars {
                if let rank = toneRank[scalar.value] {
                    tone = rank
                } else {
                    base.unicodeScalars.append(scalar)
                }
            }
            let lower = base.lowercased()
            let letter = lower.precomposedStringWithCanonicalMapping
            if let rank = letterRank[letter] {
                primary.append(rank)
            } else if character.isWhitespace {
                primary.append(0x20)
            } else if let scalar = letter.unicodeScalars.first, letterMarks.contains(scalar.value) == false {
                // Digits and punctuation before letters, in code point order.
                primary.append(scalar.value < 0x1000 ? scalar.value + 0x21 : scalar.value + 0x2000)
            }
            secondary.append(tone)
            tertiary.append(base == lower ? 1 : 0)
        }
        return CollationKey(primary: primary, secondary: secondary, tertiary: tertiary)
    }

    /// The key of a person's full name: Vietnamese lists sort by the given name (the last word), then the rest.
    public static func personKey(_ fullName: String) -> CollationKey {
        let words = fullName.cleanedInput.split(separator: " ").map(String.init)
        guard let given = words.last else { return key("") }
        return key(([given] + words.dropLast()).joined(separator: " "))
    }

    /// Sorts values by a text in Vietnamese order, computing each key once. Positions are sorted, not the
    /// values: a country's centres are large values, and moving them about while sorting cost more than comparing
    /// their keys. Equal keys keep their order.
    public static func sorted<T>(_ values: [T], by text: (T) -> String) -> [T] {
        let keys = values.map { key(text($0)) }
        let order = keys.indices.sorted { a, b in
            keys[a] < keys[b] || (!(keys[b] < keys[a]) && a < b)
        }
        return order.map { values[$0] }
    }
}
