import Foundation

/// The one place XML text is made. Every document part (Word, Excel, their packaging) is an `XElement` tree
/// serialised here, so whatever a user typed, `<b>`, `&`, quotes, control characters, NFD marks or emoji, reaches
/// the file escaped and well formed, and nothing else in the code concatenates XML.
public enum XMLWriter {
    /// `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` and the element, as UTF-8 bytes.
    public static func document(_ root: XElement) -> Data {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        write(root, into: &out)
        return Data(out.utf8)
    }

    /// The element alone, without a declaration.
    public static func string(_ element: XElement) -> String {
        var out = ""
        write(element, into: &out)
        return out
    }

    static func write(_ element: XElement, into out: inout String) {
        precondition(isName(element.name), "not an XML name: \(element.name)")
        out += "<" + element.name
        for (name, value) in element.attributes {
            precondition(isName(name), "not an XML name: \(name)")
            out += " " + name + "=\"" + escapeAttribute(value) + "\""
        }
        guard !element.children.isEmpty else {
            out += "/>"
            return
        }
        out += ">"
        for child in element.children {
            switch child {
            case .element(let inner): write(inner, into: &out)
            case .text(let text): out += escapeText(text)
            }
        }
        out += "</" + element.name + ">"
    }

    /// Text content: NFC, characters XML 1.0 cannot hold dropped, `&`, `<` and `>` escaped.
    public static func escapeText(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in legal(text).unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            // A carriage return would be read back as a line feed: keep it as typed.
            case "\r": out += "&#13;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// An attribute value: as text, and quotes, tabs and line breaks as references so that they survive the
    /// reader's attribute normalisation.
    public static func escapeAttribute(_ text: String) -> String {
        var out = ""
        for scalar in legal(text).unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t": out += "&#9;"
            case "\n": out += "&#10;"
            case "\r": out += "&#13;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The text in NFC without the characters XML 1.0 forbids (C0 controls other than tab, line feed and
    /// carriage return; U+FFFE and U+FFFF). A file holding one is refused whole by Word and LibreOffice.
    public static func legal(_ text: String) -> String {
        let nfc = text.precomposedStringWithCanonicalMapping
        guard nfc.unicodeScalars.contains(where: { !isLegal($0) }) else { return nfc }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: nfc.unicodeScalars.filter(isLegal))
        return String(out)
    }

    static func isLegal(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: return true
        case 0x0..<0x20: return false
        case 0xFFFE, 0xFFFF: return false
        default: return true
        }
    }

    /// Element and attribute names come from the code and the templates, never from users; a name that is not
    /// one is a programming error.
    static func isName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, !name.isEmpty else { return false }
        let start = CharacterSet.letters.union(CharacterSet(charactersIn: "_:"))
        let rest = start.union(.decimalDigits).union(CharacterSet(charactersIn: "-."))
        return start.contains(first) && name.unicodeScalars.allSatisfy { rest.contains($0) }
    }
}
