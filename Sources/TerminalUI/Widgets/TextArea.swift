/// A text editor of several lines, for a reason, a comment or a note that must be read whole later. Lines wrap at
/// the edge (at spaces where possible); Enter starts a new line. The cursor moves by `Character`, the text stays NFC.
public struct TextArea: Hashable, Sendable {
    public private(set) var text: String
    /// Cursor position, in characters from the start.
    public private(set) var cursor: Int
    public var maxLength: Int
    /// First visual row shown.
    private var scroll = 0
    /// The width the rows were last laid out for; ↑ and ↓ move by those rows.
    private var layoutWidth = 40

    public init(_ text: String = "", maxLength: Int = 2000) {
        self.text = text.nfc
        self.cursor = self.text.count
        self.maxLength = maxLength
    }

    public mutating func setText(_ newText: String) {
        text = newText.nfc
        cursor = text.count
        scroll = 0
    }

    /// One visual row: the characters `start..<end` of the text.
    struct Row: Equatable { let start: Int; let end: Int }

    /// The text cut into rows of at most `width` columns: at each newline, and at the last space that fits.
    static func rows(_ chars: [Character], width: Int) -> [Row] {
        let width = max(1, width)
        var rows: [Row] = []
        var start = 0
        var used = 0
        var lastSpace: Int?
        var index = 0
        while index < chars.count {
            let c = chars[index]
            if c == "\n" {
                rows.append(Row(start: start, end: index))
                start = index + 1
                used = 0
                lastSpace = nil
                index += 1
                continue
            }
            let w = DisplayWidth.of(c)
            if used + w > width && index > start {
                let cut = lastSpace.map { $0 + 1 } ?? index
                rows.append(Row(start: start, end: cut))
                start = cut
                used = chars[start..<index].reduce(0) { $0 + DisplayWidth.of($1) }
                lastSpace = nil
                continue
            }
            if c == " " { lastSpace = index }
            used += w
            index += 1
        }
        rows.append(Row(start: start, end: chars.count))
        return rows
    }

    /// Handles an editing key; false when the key is not one (the dialog then decides).
    public mutating func handle(_ key: Key) -> Bool {
        var chars = Array(text)
        switch key {
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(chars.count, cursor + 1)
        case .up, .down:
            let rows = Self.rows(chars, width: layoutWidth)
            let (row, column) = Self.position(of: cursor, in: rows, chars: chars)
            let target = key == .up ? row - 1 : row + 1
            guard rows.indices.contains(target) else { return true }
            cursor = Self.index(atColumn: column, of: rows[target], chars: chars)
        case .home:
            let rows = Self.rows(chars, width: layoutWidth)
            cursor = rows[Self.position(of: cursor, in: rows, chars: chars).row].start
        case .end:
            let rows = Self.rows(chars, width: layoutWidth)
            cursor = rows[Self.position(of: cursor, in: rows, chars: chars).row].end
        case .backspace:
            guard cursor > 0 else { return true }
            chars.remove(at: cursor - 1)
            text = String(chars)
            cursor -= 1
        case .delete:
            guard cursor < chars.count else { return true }
            chars.remove(at: cursor)
            text = String(chars)
        case .enter:
            insert("\n")
        case .ctrl("u"):
            setText("")
        default:
            guard let c = key.printable else { return false }
            insert(String(c))
        }
        return true
    }

    /// Inserts typed or pasted text at the cursor; what would pass `maxLength` is dropped.
    public mutating func insert(_ typed: String) {
        let piece = typed.filter { c in c == "\n" || c.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value != 0x7F } }
        (text, cursor) = TextInsertion.insert(piece, into: text, at: cursor, maxLength: maxLength)
    }

    static func position(of cursor: Int, in rows: [Row], chars: [Character]) -> (row: Int, column: Int) {
        for (i, row) in rows.enumerated() where cursor >= row.start && (cursor < row.end || cursor == row.end
            && (i == rows.count - 1 || rows[i + 1].start > cursor)) {
            return (i, chars[row.start..<cursor].reduce(0) { $0 + DisplayWidth.of($1) })
        }
        return (max(0, rows.count - 1), 0)
    }

    static func index(atColumn column: Int, of row: Row, chars: [Character]) -> Int {
        var used = 0
        var index = row.start
        while index < row.end && used + DisplayWidth.of(chars[index]) <= column {
            used += DisplayWidth.of(chars[index])
            index += 1
        }
        return index
    }

    /// Draws the visible rows in `rect`; returns where the cursor goes.
    @discardableResult
    public mutating func render(into buffer: inout ScreenBuffer, rect: Rect, style: Style) -> Point {
        buffer.fill(rect, style: style)
        layoutWidth = max(1, rect.width - 1)
        let chars = Array(text)
        let rows = Self.rows(chars, width: layoutWidth)
        let (row, column) = Self.position(of: cursor, in: rows, chars: chars)
        if row < scroll { scroll = row }
        if row >= scroll + rect.height { scroll = row - rect.height + 1 }
        for line in 0..<rect.height {
            let index = scroll + line
            guard index < rows.count else { break }
            buffer.write(String(chars[rows[index].start..<rows[index].end]), x: rect.x, y: rect.y + line, style: style,
                         maxWidth: rect.width, clip: .hard)
        }
        if scroll > 0 { buffer.write("↑", x: rect.maxX - 1, y: rect.y, style: style) }
        if scroll + rect.height < rows.count { buffer.write("↓", x: rect.maxX - 1, y: rect.maxY - 1, style: style) }
        return Point(x: rect.x + min(column, rect.width - 1), y: rect.y + row - scroll)
    }
}
