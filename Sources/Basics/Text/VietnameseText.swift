import Foundation

extension String {
    /// The canonical composed form. Every string is stored and compared in NFC: SQLite compares bytes,
    /// so an NFD "Nguyễn" typed by one keyboard would never match the NFC "Nguyễn" typed by another.
    public var nfc: String { precomposedStringWithCanonicalMapping }

    /// NFC with surrounding white space removed, inner runs of white space collapsed to one space, and control
    /// characters (a NUL, a bidirectional override) dropped: nothing stored can cut or disguise a name.
    public var cleanedInput: String {
        withoutForbiddenControls.nfc.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// A text of several lines (a reason, a comment) as it is kept: each line cleaned, the line breaks kept, blank
    /// lines at the start and the end dropped.
    public var cleanedMultiline: String {
        let lines = nfc.split(whereSeparator: \.isNewline).map { String($0).cleanedInput }
        return lines.drop(while: \.isEmpty).reversed().drop(while: \.isEmpty).reversed().joined(separator: "\n")
    }
}

/// Vietnamese-aware folding: what a search compares when the user types without marks.
public enum VietnameseText {
    /// Lower case, tone and vowel marks removed, đ mapped to d. "Đường Nghĩa Hưng" -> "duong nghia hung".
    public static func fold(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.decomposedStringWithCanonicalMapping.lowercased().unicodeScalars {
            if isCombiningMark(scalar) { continue }
            if scalar == "đ" { scalars.append("d") } else { scalars.append(scalar) }
        }
        return String(scalars)
    }

    /// True when the text carries any Vietnamese mark (a tone, a vowel mark or đ).
    public static func hasMarks(_ text: String) -> Bool {
        fold(text) != text.nfc.lowercased()
    }

    static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
        (0x0300...0x036F).contains(scalar.value) || (0x1AB0...0x1AFF).contains(scalar.value)
            || (0x1DC0...0x1DFF).contains(scalar.value)
    }
}

/// A search query as typed: every word must occur in the text. A word typed without marks matches with or
/// without marks ("nghia" finds "Nghĩa"); a word typed with marks must match exactly, case aside.
public struct TextQuery: Sendable, Equatable {
    struct Word: Sendable, Equatable {
        let text: String
        let exact: Bool
    }
    let words: [Word]

    public init(_ query: String) {
        words = query.nfc.split(whereSeparator: { $0.isWhitespace }).map { piece in
            let word = String(piece)
            if VietnameseText.hasMarks(word) {
                return Word(text: word.lowercased(), exact: true)
            }
            return Word(text: VietnameseText.fold(word), exact: false)
        }
    }

    public var isEmpty: Bool { words.isEmpty }

    /// Whether every word of the query occurs in `text`. Use ``SearchableText`` to fold a text once.
    public func matches(_ text: SearchableText) -> Bool {
        words.allSatisfy { word in
            word.exact ? text.lowered.contains(word.text) : text.folded.contains(word.text)
        }
    }

    public func matches(_ text: String) -> Bool { matches(SearchableText(text)) }
}

/// A text prepared once for repeated searching: its NFC lower-case and folded forms.
public struct SearchableText: Sendable, Hashable {
    public let lowered: String
    public let folded: String

    public init(_ text: String) {
        lowered = text.nfc.lowercased()
        folded = VietnameseText.fold(text)
    }
}
