/// A column of a table: its title, its width (or a share of what is left), and its alignment.
public struct TableColumn: Hashable, Sendable {
    public var title: String
    /// Fixed width in columns; 0 means "share the remaining width".
    public var width: Int
    public var alignRight: Bool

    public init(_ title: String, width: Int = 0, alignRight: Bool = false) {
        self.title = title
        self.width = width
        self.alignRight = alignRight
    }
}

/// The scrolling and selection of a table. Rows are drawn on demand, so the cost of a frame depends on the
/// height of the screen, never on the number of rows.
public struct TableState: Hashable, Sendable {
    public private(set) var rowCount: Int
    public private(set) var selected: Int
    public private(set) var scroll = 0

    public init(rowCount: Int = 0, selected: Int = 0) {
        self.rowCount = rowCount
        self.selected = 0
        setRowCount(rowCount)
        select(selected)
    }

    public mutating func setRowCount(_ count: Int) {
        rowCount = max(0, count)
        selected = min(selected, max(0, rowCount - 1))
    }

    public mutating func select(_ row: Int) {
        selected = min(max(0, row), max(0, rowCount - 1))
    }

    /// Moves the selection for ↑ ↓ PgUp PgDn Home End; false for any other key.
    public mutating func handle(_ key: Key, pageSize: Int) -> Bool {
        switch key {
        case .up: select(selected - 1)
        case .down: select(selected + 1)
        case .pageUp: select(selected - max(1, pageSize))
        case .pageDown: select(selected + max(1, pageSize))
        case .home: select(0)
        case .end: select(rowCount - 1)
        default: return false
        }
        return true
    }

    /// Widths of the columns laid out in `width`, a space between each.
    public static func layout(_ columns: [TableColumn], width: Int) -> [Int] {
        let fixed = columns.reduce(0) { $0 + $1.width } + max(0, columns.count - 1)
        let flexible = columns.filter { $0.width == 0 }.count
        let share = flexible > 0 ? max(4, (width - fixed) / flexible) : 0
        var widths = columns.map { $0.width == 0 ? share : $0.width }
        if flexible > 0, let last = columns.lastIndex(where: { $0.width == 0 }) {
            widths[last] += max(0, width - fixed - share * flexible)
        }
        return widths
    }

    /// The rows the next ``render(into:rect:columns:sortColumn:ascending:theme:cells:rowStyle:)`` at this height
    /// draws (the selection kept in view): a screen reads or computes what those rows show, and no more.
    public func visibleRange(height: Int) -> Range<Int> {
        let visibleRows = max(0, height - 1)
        var top = scroll
        if selected < top { top = selected }
        if selected >= top + visibleRows { top = selected - visibleRows + 1 }
        top = max(0, min(top, max(0, rowCount - visibleRows)))
        return min(top, rowCount)..<min(top + visibleRows, rowCount)
    }

    /// Draws the header and the visible rows. `cells(row)` gives the texts of a row; `style(row)` its style.
    public mutating func render(
        into buffer: inout ScreenBuffer, rect: Rect, columns: [TableColumn], sortColumn: Int?, ascending: Bool,
        theme: Theme, cells: (Int) -> [String], rowStyle: (Int) -> Style? = { _ in nil }
    ) {
        guard rect.height >= 1 else { return }
        let widths = Self.layout(columns, width: rect.width)
        buffer.fill(rect.row(0), style: theme.header)
        var x = rect.x
        for (index, column) in columns.enumerated() {
            var title = column.title
            if index == sortColumn { title += ascending ? "▲" : "▼" }
            buffer.write(DisplayWidth.pad(title, to: widths[index], alignRight: column.alignRight), x: x, y: rect.y,
                         style: theme.header)
            x += widths[index] + 1
        }
        let visibleRows = rect.height - 1
        scroll = visibleRange(height: rect.height).lowerBound
        for line in 0..<visibleRows {
            let row = scroll + line
            guard row < rowCount else { break }
            let y = rect.y + 1 + line
            let style = row == selected ? theme.selection : (rowStyle(row) ?? theme.normal)
            buffer.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), style: style)
            var x = rect.x
            for (index, text) in cells(row).enumerated() where index < columns.count {
                buffer.write(DisplayWidth.pad(text, to: widths[index], alignRight: columns[index].alignRight),
                             x: x, y: y, style: style, maxWidth: widths[index])
                x += widths[index] + 1
            }
        }
    }
}

extension Key {
    /// ↑ ↓ PgUp PgDn Home End: the keys a table's selection answers to.
    public var movesSelection: Bool {
        switch self {
        case .up, .down, .pageUp, .pageDown, .home, .end: return true
        default: return false
        }
    }
}
