/// One terminal cell: a grapheme cluster and its style. The right half of a wide character is a
/// continuation cell that holds nothing of its own.
public struct Cell: Hashable, Sendable {
    public var text: String
    public var style: Style
    public var isContinuation: Bool

    public init(_ text: String = " ", style: Style = .plain, isContinuation: Bool = false) {
        self.text = text
        self.style = style
        self.isContinuation = isContinuation
    }
}

/// A whole frame, drawn by the screens and then handed to a ``Terminal``. Tests read its lines.
public struct ScreenBuffer: Sendable, Equatable {
    public let size: Size
    public private(set) var cells: [Cell]

    public init(size: Size) {
        self.size = size
        cells = Array(repeating: Cell(), count: max(0, size.width * size.height))
    }

    public var bounds: Rect { Rect(size: size) }

    /// Two frames are equal when they show the same cells; how they were drawn does not matter.
    public static func == (lhs: ScreenBuffer, rhs: ScreenBuffer) -> Bool { lhs.size == rhs.size && lhs.cells == rhs.cells }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * size.width + x] }
        set { cells[y * size.width + x] = newValue }
    }

    /// What to do with text that does not fit.
    public enum Clip: Sendable {
        /// End what is shown with "…": the reader sees that something was cut (words, names, messages).
        case ellipsis
        /// Cut at the edge without a sign: only for decoration (rules, bars) and inputs with their own markers.
        case hard
    }

    /// Texts that were cut without "…" (`Clip.hard`) while this buffer was drawn, for the layout test.
    public private(set) var hardCuts: [String] = []

    /// Writes `text` from (x, y) within `maxWidth` columns and the buffer's edge; returns the columns used.
    /// What does not fit ends in "…" unless `clip` is `.hard`. A wide character that does not fit becomes a space.
    @discardableResult
    public mutating func write(_ text: String, x: Int, y: Int, style: Style = .plain, maxWidth: Int? = nil,
                               clip: Clip = .ellipsis) -> Int {
        guard y >= 0, y < size.height, x < size.width else { return 0 }
        let limit = min(size.width, x + (maxWidth ?? size.width))
        guard limit > x else { return 0 }
        if clip == .ellipsis, x + DisplayWidth.of(text) > limit {
            return put(DisplayWidth.truncate(text, to: limit - x), x: x, y: y, style: style, limit: limit)
        }
        return put(text, x: x, y: y, style: style, limit: limit)
    }

    private mutating func put(_ text: String, x: Int, y: Int, style: Style, limit: Int) -> Int {
        var column = x
        for character in text {
            let width = DisplayWidth.of(character)
            if width == 0 {
                if column > 0, column - 1 >= x, column - 1 < size.width, column - 1 >= 0 {
                    self[column - 1, y].text.append(character)
                }
                continue
            }
            if column + width > limit {
                if column < limit && column >= 0 { self[column, y] = Cell(" ", style: style) }
                hardCuts.append(text)
                break
            }
            if column >= 0 {
                self[column, y] = Cell(String(character), style: style)
                if width == 2 { self[column + 1, y] = Cell("", style: style, isContinuation: true) }
            }
            column += width
        }
        return column - x
    }

    /// A horizontal rule across `width` columns from (x, y).
    public mutating func rule(x: Int, y: Int, width: Int, style: Style) {
        write(String(repeating: "─", count: max(0, width)), x: x, y: y, style: style, clip: .hard)
    }

    /// Paints every cell of `rect` with spaces in `style`.
    public mutating func fill(_ rect: Rect, style: Style = .plain) {
        let clipped = clip(rect)
        guard !clipped.isEmpty else { return }
        for y in clipped.y..<clipped.maxY {
            for x in clipped.x..<clipped.maxX { self[x, y] = Cell(" ", style: style) }
        }
    }

    /// Restyles the cells of `rect`, keeping their text (for a highlighted row).
    public mutating func restyle(_ rect: Rect, style: Style) {
        let clipped = clip(rect)
        guard !clipped.isEmpty else { return }
        for y in clipped.y..<clipped.maxY {
            for x in clipped.x..<clipped.maxX { self[x, y].style = style }
        }
    }

    /// A frame of box-drawing lines around `rect`, with an optional title in the top edge.
    public mutating func box(_ rect: Rect, style: Style, title: String? = nil, titleStyle: Style? = nil) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let horizontal = String(repeating: "─", count: rect.width - 2)
        write("┌" + horizontal + "┐", x: rect.x, y: rect.y, style: style, clip: .hard)
        write("└" + horizontal + "┘", x: rect.x, y: rect.maxY - 1, style: style, clip: .hard)
        for y in (rect.y + 1)..<(rect.maxY - 1) {
            write("│", x: rect.x, y: y, style: style)
            write("│", x: rect.maxX - 1, y: y, style: style)
        }
        if let title, !title.isEmpty {
            write(" " + title + " ", x: rect.x + 2, y: rect.y, style: titleStyle ?? style, maxWidth: rect.width - 4)
        }
    }

    private func clip(_ rect: Rect) -> Rect {
        let x0 = max(0, rect.x), y0 = max(0, rect.y)
        let x1 = min(size.width, rect.maxX), y1 = min(size.height, rect.maxY)
        return Rect(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
    }

    /// The text of each row, trailing spaces removed: what a test compares against golden text.
    public var lines: [String] {
        (0..<size.height).map { line($0) }
    }

    public func line(_ y: Int) -> String {
        var text = ""
        for x in 0..<size.width where !self[x, y].isContinuation { text += self[x, y].text }
        while text.hasSuffix(" ") { text.removeLast() }
        return text
    }

    /// The whole frame as one text, rows joined by newlines.
    public var text: String { lines.joined(separator: "\n") }
}
