import Foundation

extension String {
    /// The canonical composed form. Every string is stored and compared in NFC: SQLite compares bytes,
    /// so an NFD "Nguyễn" typed by one keyboard would never match the NFC "Nguyễn" typed by another.
    public var nfc: String { TextScan.isKnownNFC(self) ? self : precomposedStringWithCanonicalMapping }

    /// NFC with surrounding white space removed, inner runs of white space collapsed to one space, and control
    /// characters (a NUL, a bidirectional override) dropped: nothing stored can cut or disguise a name.
    public var cleanedInput: String {
        if TextScan.isClean(self) { return self }
        return withoutForbiddenControls.nfc.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// A text of several lines (a reason, a comment) as it is kept: each line cleaned, the line breaks kept, blank
    /// lines at the start and the end dropped.
    public var cleanedMultiline: String {
        let lines = nfc.split(whereSeparator: \.isNewline).map { String($0).cleanedInput }
        return lines.drop(while: \.isEmpty).reversed().drop(while: \.isEmpty).reversed().joined(separator: "\n")
    }
}

/// Quick looks at a text that let the common case skip Foundation's normalisation, which costs microseconds
/// per string: an import of a million forms cleans twenty million cells.
enum TextScan {
    /// True when every scalar is one NFC leaves alone whatever surrounds it: below U+0300 (Latin letters,
    /// digits, punctuation, no combining mark) or a precomposed letter of Latin Extended Additional (ạ ả ấ ầ
    /// ẩ ẫ ậ ... ỹ, where Vietnamese lives). False means "not known", never "not NFC".
    static func isKnownNFC(_ text: String) -> Bool {
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v >= 0x300 && !(0x1E00...0x1EFF).contains(v) { return false }
        }
        return true
    }

    /// True when `cleanedInput` would return the text unchanged: known NFC, no white space but single spaces
    /// between words, no control character.
    static func isClean(_ text: String) -> Bool {
        var previousWasSpace = true
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v == 0x20 {
                if previousWasSpace { return false }
                previousWasSpace = true
                continue
            }
            previousWasSpace = false
            if v < 0x20 || (0x7F...0xA0).contains(v) { return false }
            if v >= 0x300 && !(0x1E00...0x1EFF).contains(v) { return false }
        }
        return !previousWasSpace || text.isEmpty
    }
}

/// Vietnamese-aware folding: what a search compares when the user types without marks.
public enum VietnameseText {
    /// Lower case, tone and vowel marks removed, đ mapped to d. "Đường Nghĩa Hưng" -> "duong nghia hung".
    public static func fold(_ text: String) -> String { String(decoding: foldedBytes(text), as: UTF8.self) }

    /// ``fold(_:)`` as UTF-8 bytes, which searching compares.
    static func foldedBytes(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                let byte = UInt8(v)
                bytes.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
            } else if let folded = FoldTable.folded(v) {
                bytes.append(contentsOf: folded)
            } else if isCombiningMark(scalar) {
                continue
            } else {
                return Array(slowFold(text).utf8)
            }
        }
        return bytes
    }

    /// `text.nfc.lowercased()` as UTF-8 bytes. Text of Latin letters (Vietnamese included) is lowered from a
    /// table, letter by letter (their lower case does not depend on their neighbours); anything else goes the
    /// long way. The roster lowers every centre's name, commune and address at each load.
    static func loweredBytes(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                let byte = UInt8(v)
                bytes.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
            } else if let lowered = LowerTable.lowered(v) {
                bytes.append(contentsOf: lowered)
            } else {
                return Array(text.nfc.lowercased().utf8)
            }
        }
        return bytes
    }

    /// The lower case of each Latin letter (U+0080 to U+024F, U+1E00 to U+1EFF), computed once by `lowercased()`.
    enum LowerTable {
        static let latin: [[UInt8]] = (0x80..<0x250).map { Array(String(Unicode.Scalar($0)!).lowercased().utf8) }
        static let extended: [[UInt8]] = (0x1E00..<0x1F00).map { Array(String(Unicode.Scalar($0)!).lowercased().utf8) }

        static func lowered(_ v: UInt32) -> [UInt8]? {
            if v < 0x250 { return latin[Int(v) - 0x80] }
            if v >= 0x1E00 && v < 0x1F00 { return extended[Int(v) - 0x1E00] }
            return nil
        }
    }

    /// The definition of folding, scalar by scalar after canonical decomposition. ``fold(_:)`` gives the same
    /// result from a table for the letters Vietnamese uses.
    static func slowFold(_ text: String) -> String {
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

    /// The folded form of each Latin letter (U+0080 to U+024F, U+1E00 to U+1EFF), computed once by
    /// ``slowFold(_:)``. Folding works letter by letter there: decomposition and lower-casing of these letters
    /// do not depend on their neighbours, and the marks they leave are dropped.
    enum FoldTable {
        static let latin: [[UInt8]] = (0x80..<0x250).map { fold(scalar: $0) }
        static let extended: [[UInt8]] = (0x1E00..<0x1F00).map { fold(scalar: $0) }

        static func fold(scalar value: UInt32) -> [UInt8] {
            Array(VietnameseText.slowFold(String(Unicode.Scalar(value)!)).utf8)
        }

        static func folded(_ v: UInt32) -> [UInt8]? {
            if v < 0x250 { return latin[Int(v) - 0x80] }
            if v >= 0x1E00 && v < 0x1F00 { return extended[Int(v) - 0x1E00] }
            return nil
        }
    }

    /// Whether `needle` occurs in `haystack`, byte for byte (both NFC, so bytes compare as characters do).
    public static func occurs(_ needle: [UInt8], in haystack: [UInt8]) -> Bool { TextQuery.occurs(needle, in: haystack) }

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
        let bytes: [UInt8]

        init(text: String, exact: Bool) {
            self.text = text
            self.exact = exact
            bytes = Array(text.utf8)
        }
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
            Self.occurs(word.bytes, in: word.exact ? text.loweredBytes : text.foldedBytes)
        }
    }

    /// Whether `needle` occurs in `haystack`, byte for byte. Both are NFC, so bytes compare as characters do;
    /// a keystroke in the roster runs this over every centre, and Foundation's `contains` costs far more.
    static func occurs(_ needle: [UInt8], in haystack: [UInt8]) -> Bool {
        guard let first = needle.first else { return true }
        guard needle.count <= haystack.count else { return false }
        return haystack.withUnsafeBufferPointer { h in
            needle.withUnsafeBufferPointer { n in
                var start = 0
                let last = h.count - n.count
                while start <= last {
                    if h[start] == first {
                        var index = 1
                        while index < n.count && h[start + index] == n[index] { index += 1 }
                        if index == n.count { return true }
                    }
                    start += 1
                }
                return false
            }
        }
    }

    public func matches(_ text: String) -> Bool { matches(SearchableText(text)) }
}

/// A text prepared once for repeated searching: its NFC lower-case and folded forms, kept as bytes only (a
/// campaign's list holds one per form, so each copy counts).
public struct SearchableText: Sendable, Hashable {
    let loweredBytes: [UInt8]
    let foldedBytes: [UInt8]

    public init(_ text: String) {
        loweredBytes = VietnameseText.loweredBytes(text)
        foldedBytes = VietnameseText.foldedBytes(text)
    }

    public var lowered: String { String(decoding: loweredBytes, as: UTF8.self) }
    public var folded: String { String(decoding: foldedBytes, as: UTF8.self) }
}
