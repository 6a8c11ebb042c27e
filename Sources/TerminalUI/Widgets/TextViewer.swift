/// A box that shows a text whole: paragraphs wrap at the box's width, ↑ ↓ PgUp PgDn Home End scroll to every
/// line (the last one included), and the position shows when there is more than fits. Help, history, reports,
/// a row of a table in full.
public struct TextViewer: Hashable, Sendable {
    public var title: String
    /// Paragraphs; each wraps to the width it is drawn at. An empty string is a blank line.
    public var paragraphs: [String]
    /// Paragraphs drawn with the heading style (section titles in a report).
    public var headings: Set<Int>
    public private(set) var scroll = 0
    /// Wrapped rows and visible rows of the last frame: what the scrolling keys measure against.
    private var rowCount = 0
    private var pageSize = 10

    public init(title: String, paragraphs: [String], headings: Set<Int> = []) {
        self.title = title
        self.paragraphs = paragraphs
        self.headings = headings
    }

    /// Lines of "label   value", the label column as wide as the widest label (capped), values wrapping under
    /// themselves: a record shown whole.
    public static func fields(title: String, _ rows: [(label: String, value: String)]) -> TextViewer {
        let rows = rows.map { row in
            (label: row.label.hasSuffix(":") ? String(row.label.dropLast()) : row.label, value: row.value)
        }
        let labelWidth = min(30, rows.map { DisplayWidth.of($0.label) }.max() ?? 0)
        return TextViewer(title: title, paragraphs: rows.map { row in
            (DisplayWidth.of(row.label) > labelWidth ? row.label : DisplayWidth.pad(row.label, to: labelWidth)) + "  "
                + row.value
        })
    }

    /// Lines of "keys  what they do": the help box.
    public static func help(title: String, _ entries: [(keys: String, help: String)]) -> TextViewer {
        let keyWidth = min(26, entries.map { DisplayWidth.of($0.keys) }.max() ?? 10)
        let paragraphs = entries.map { entry -> String in
            entry.keys.isEmpty && entry.help.isEmpty ? "" : DisplayWidth.pad(entry.keys, to: keyWidth) + "  " + entry.help
        }
        return TextViewer(title: title, paragraphs: paragraphs)
    }

    /// Scrolls; false when the key is not a scrolling key (the modal then closes on it).
    public mutating func handle(_ key: Key) -> Bool {
        // Before the first frame the rows are not laid out yet: go as far as asked, the frame clamps.
        let maxScroll = rowCount > 0 ? max(0, rowCount - pageSize) : Int.max / 2
        switch key {
        case .up: scroll = max(0, scroll - 1)
        case .down: scroll = min(maxScroll, scroll + 1)
        case .pageUp: scroll = max(0, scroll - max(1, pageSize - 1))
        case .pageDown: scroll = min(maxScroll, scroll + max(1, pageSize - 1))
        case .home: scroll = 0
        case .end: scroll = maxScroll
        default: return false
        }
        return true
    }

    /// The wrapped rows at `width`, with whether each is a heading. The lines after the first of a paragraph (its
    /// wrapped rest, and the lines after each newline in it) hang under the value of a "label  value" line.
    public func rows(width: Int) -> [(text: String, heading: Bool)] {
        var rows: [(String, Bool)] = []
        for (index, paragraph) in paragraphs.enumerated() {
            let heading = headings.contains(index)
            let indent = String(paragraph.prefix(while: { $0 == " " }))
            let parts = paragraph.dropFirst(indent.count).split(separator: "\n", omittingEmptySubsequences: false)
                .map(String.init)
            let hanging = Self.hangingIndent(parts.first ?? "")
            let pad = indent + String(repeating: " ", count: hanging)
            let padWidth = max(4, width - DisplayWidth.of(pad))
            for (k, part) in parts.enumerated() {
                if k > 0 {
                    for line in DisplayWidth.wrap(part, width: padWidth) { rows.append((pad + line, heading)) }
                    continue
                }
                let wrapped = DisplayWidth.wrap(part, width: max(4, width - DisplayWidth.of(indent)))
                rows.append((indent + (wrapped.first ?? ""), heading))
                guard wrapped.count > 1 else { continue }
                let rest = wrapped.dropFirst().joined(separator: " ")
                for line in DisplayWidth.wrap(rest, width: padWidth) { rows.append((pad + line, heading)) }
            }
        }
        return rows
    }

    /// Columns before the value of a "label  value" line (two spaces end the label), else 0.
    static func hangingIndent(_ text: String) -> Int {
        guard let range = text.range(of: "  ") else { return 0 }
        let label = text[..<range.lowerBound]
        let rest = text[range.upperBound...]
        let spaces = rest.prefix(while: { $0 == " " }).count
        let column = DisplayWidth.of(String(label)) + 2 + spaces
        return column <= 40 ? column : 0
    }

    public mutating func render(into buffer: inout ScreenBuffer, rect: Rect, theme: Theme, footer: String) {
        buffer.fill(rect, style: theme.normal)
        buffer.box(rect, style: theme.border, title: title, titleStyle: theme.section)
        let inner = rect.inset(by: 1)
        let rows = self.rows(width: inner.width - 2)
        rowCount = rows.count
        pageSize = max(1, inner.height - 1)
        scroll = min(scroll, max(0, rowCount - pageSize))
        for line in 0..<pageSize {
            let index = scroll + line
            guard index < rows.count else { break }
            buffer.write(rows[index].text, x: inner.x + 1, y: inner.y + line,
                         style: rows[index].heading ? theme.section : theme.normal, maxWidth: inner.width - 2)
        }
        var foot = footer
        if rowCount > pageSize { foot = "\(min(rowCount, scroll + pageSize))/\(rowCount) · " + footer }
        buffer.write(foot, x: inner.x + 1, y: inner.maxY - 1, style: theme.dim, maxWidth: inner.width - 2)
    }
}
