/// Terminal column widths, measured per grapheme cluster (`Character`): combining marks take no column,
/// East Asian wide characters and emoji take two, everything else one.
public enum DisplayWidth {
    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if first.value < 0x20 || (0x7F..<0xA0).contains(first.value) { return 0 }
        if scalars.allSatisfy(isZeroWidth) { return 0 }
        if isWide(first) || scalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
        return 1
    }

    public static func of(_ text: String) -> Int { text.reduce(0) { $0 + of($1) } }

    static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return true
        default: return scalar.value == 0x200B
        }
    }

    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if scalar.properties.isEmojiPresentation { return true }
        return (0x1100...0x115F).contains(v) || (0x2E80...0x303E).contains(v) || (0x3041...0x33FF).contains(v)
            || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xA000...0xA4CF).contains(v)
            || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v)
            || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v) || (0x20000...0x3FFFD).contains(v)
    }

    /// The text cut to fit `width` columns, ending in "…" when something was cut.
    public static func truncate(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        if of(text) <= width { return text }
        var result = ""
        var used = 0
        for character in text {
            let w = of(character)
            if used + w > width - 1 { break }
            result.append(character)
            used += w
        }
        while result.last?.isWhitespace == true { result.removeLast() }
        return result + "…"
    }

    /// The text cut or padded with spaces to exactly `width` columns.
    public static func pad(_ text: String, to width: Int, alignRight: Bool = false) -> String {
        let cut = truncate(text, to: width)
        let gap = String(repeating: " ", count: max(0, width - of(cut)))
        return alignRight ? gap + cut : cut + gap
    }

    /// The text followed by spaces up to `width` columns; a longer text is kept whole, with two spaces after it.
    public static func column(_ text: String, _ width: Int) -> String {
        let used = of(text)
        return text + String(repeating: " ", count: used < width ? width - used : 2)
    }

    /// Splits a text into lines of at most `width` columns, breaking at spaces where it can.
    /// The words of a line, with a currency sign that follows a number ("4.500.000 đ") kept with it: a line that
    /// begins with "đ" alone reads as a stray letter.
    private static func keepingUnitsWithTheirNumbers(_ words: [Substring]) -> [String] {
        var result: [String] = []
        for word in words {
            let isUnit = word.first == "đ" && (word.count == 1 || (word.count == 2 && word.last!.isPunctuation))
            if isUnit, let previous = result.last, previous.last?.isNumber == true {
                result[result.count - 1] = previous + " " + word
            } else {
                result.append(String(word))
            }
        }
        return result
    }

    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            for word in keepingUnitsWithTheirNumbers(paragraph.split(separator: " ", omittingEmptySubsequences: false)) {
                let candidate = line.isEmpty ? word : line + " " + word
                if of(candidate) <= width {
                    line = candidate
                } else {
                    if !line.isEmpty { lines.append(line) }
                    var rest = word
                    while of(rest) > width {
                        var head = ""
                        var used = 0
                        for character in rest {
                            let w = of(character)
                            if used + w > width && !head.isEmpty { break }
                            head.append(character)
                            used += w
                        }
                        lines.append(head)
                        rest = String(rest.dropFirst(head.count))
                    }
                    line = rest
                }
            }
            lines.append(line)
        }
        return lines
    }
}
