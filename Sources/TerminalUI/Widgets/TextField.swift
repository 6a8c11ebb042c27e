/// A one-line text editor. The cursor moves by `Character` (grapheme cluster), never by byte or code point;
/// the text is kept in NFC, so a mark typed or pasted after its vowel joins it. Long text scrolls
/// horizontally, with ‹ and › showing that more lies beyond the edge.
public struct TextField: Hashable, Sendable {
    public private(set) var text: String
    /// Cursor position, in characters from the start.
    public private(set) var cursor: Int
    /// First character shown.
    private var scroll = 0
    public var maxLength: Int
    /// Accepts only digits (counts, years).
    public var digitsOnly: Bool
    /// Shows a bullet for each character (passwords).
    public var isSecure: Bool

    public init(_ text: String = "", maxLength: Int = 500, digitsOnly: Bool = false, secure: Bool = false) {
        self.text = text.nfc
        self.cursor = self.text.count
        self.maxLength = maxLength
        self.digitsOnly = digitsOnly
        self.isSecure = secure
    }

    /// What is drawn: the text, or one bullet per character for a password.
    private var shownText: String { isSecure ? String(repeating: "•", count: text.count) : text }

    public mutating func setText(_ newText: String) {
        text = newText.nfc
        cursor = text.count
        scroll = 0
    }

    /// Inserts typed or pasted text at the cursor; what would pass `maxLength` is dropped.
    public mutating func insert(_ typed: String) {
        let piece = typed.filter { c in
            c.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value != 0x7F } && (!digitsOnly || c.isASCII && c.isNumber)
        }
        (text, cursor) = TextInsertion.insert(piece, into: text, at: cursor, maxLength: maxLength)
    }

    /// Handles an editing key; false when the key is not an editing key.
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(text.count, cursor + 1)
        case .home: cursor = 0
        case .end: cursor = text.count
        case .backspace:
            guard cursor > 0 else { return true }
            var chars = Array(text)
            chars.remove(at: cursor - 1)
            text = String(chars)
            cursor -= 1
        case .delete:
            guard cursor < text.count else { return true }
            var chars = Array(text)
            chars.remove(at: cursor)
            text = String(chars)
        case .ctrl("u"):
            text = ""
            cursor = 0
        default:
            guard let c = key.printable else { return false }
            insert(String(c))
        }
        return true
    }

    /// Draws the field into one row; returns where the cursor goes. A field without focus shows its start.
    @discardableResult
    public mutating func render(into buffer: inout ScreenBuffer, rect: Rect, style: Style, focused: Bool = true)
        -> Point
    {
        let width = max(1, rect.width)
        buffer.fill(Rect(x: rect.x, y: rect.y, width: width, height: 1), style: style)
        let chars = Array(shownText)
        if !focused {
            let full = shownText
            let shown = DisplayWidth.of(full) <= width ? full : String(DisplayWidth.truncate(full, to: width).dropLast()) + "›"
            buffer.write(shown, x: rect.x, y: rect.y, style: style, maxWidth: width)
            return Point(x: rect.x, y: rect.y)
        }
        if cursor < scroll { scroll = cursor }
        // Keep the cursor inside, one column spare for the › marker.
        while scroll < cursor && widthOf(chars[scroll..<cursor]) > width - 2 { scroll += 1 }
        var column = rect.x
        if scroll > 0 {
            buffer.write("‹", x: column, y: rect.y, style: style)
            column += 1
        }
        var cursorColumn = column
        var index = scroll
        while index < chars.count {
            let w = DisplayWidth.of(chars[index])
            if column + w > rect.x + width - (index < chars.count - 1 ? 1 : 0) {
                buffer.write("›", x: rect.x + width - 1, y: rect.y, style: style)
                break
            }
            if index == cursor { cursorColumn = column }
            buffer.write(String(chars[index]), x: column, y: rect.y, style: style)
            column += w
            index += 1
        }
        if cursor >= index { cursorColumn = min(column, rect.x + width - 1) }
        return Point(x: cursorColumn, y: rect.y)
    }

    private func widthOf(_ chars: ArraySlice<Character>) -> Int { chars.reduce(0) { $0 + DisplayWidth.of($1) } }
}

/// Putting typed text into a text at the cursor, kept NFC (a mark typed after its vowel joins it) and within a
/// length: what the one-line and the many-line editors share.
enum TextInsertion {
    /// The new text and cursor; what would pass `maxLength` is dropped from the end of `piece`.
    static func insert(_ piece: String, into text: String, at cursor: Int, maxLength: Int) -> (String, Int) {
        var piece = piece
        let chars = Array(text)
        let prefix = String(chars[..<cursor])
        let suffix = String(chars[cursor...])
        while !piece.isEmpty {
            let head = (prefix + piece).nfc
            let whole = (head + suffix).nfc
            if whole.count <= maxLength { return (whole, min(head.count, whole.count)) }
            piece.removeLast()
        }
        return (text, cursor)
    }
}
