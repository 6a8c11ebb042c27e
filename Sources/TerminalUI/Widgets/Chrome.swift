/// The F1-F10 bar at the bottom, in the style of Midnight Commander: a number, then its label. Slots are
/// as wide as their labels need, sharing what is left, so labels are cut only on a narrow terminal.
public enum KeyBar {
    public static func layout(labels: [Int: String], width: Int) -> [Int] {
        let natural = (1...10).map { n in String(n).count + DisplayWidth.of(labels[n] ?? "") + 1 }
        var widths = natural
        var total = widths.reduce(0, +)
        while total > width, let longest = widths.indices.max(by: { widths[$0] < widths[$1] }), widths[longest] > 3 {
            widths[longest] -= 1
            total -= 1
        }
        if total < width {
            let extra = width - total
            for i in widths.indices { widths[i] += extra / 10 + (i < extra % 10 ? 1 : 0) }
        }
        return widths
    }

    public static func render(into buffer: inout ScreenBuffer, row y: Int, width: Int, labels: [Int: String],
                              theme: Theme) {
        buffer.fill(Rect(x: 0, y: y, width: width, height: 1), style: theme.normal)
        var x = 0
        for (index, slot) in layout(labels: labels, width: width).enumerated() {
            let n = index + 1
            let used = buffer.write(String(n), x: x, y: y, style: theme.keyNumber)
            let labelWidth = slot - used - (n == 10 ? 0 : 1)
            if let label = labels[n] {
                buffer.write(DisplayWidth.pad(label, to: labelWidth), x: x + used, y: y, style: theme.keyLabel,
                             maxWidth: labelWidth)
            }
            x += slot
        }
    }
}

/// The message line: one sentence telling what just happened or what is wrong.
public struct StatusMessage: Hashable, Sendable {
    public enum Kind: Hashable, Sendable { case info, warning, error }
    public var text: String
    public var kind: Kind

    public init(_ text: String, kind: Kind = .info) {
        self.text = text
        self.kind = kind
    }

    public func render(into buffer: inout ScreenBuffer, row y: Int, width: Int, theme: Theme) {
        let style: Style
        switch kind {
        case .info: style = theme.info
        case .warning: style = theme.warning
        case .error: style = theme.error
        }
        buffer.fill(Rect(x: 0, y: y, width: width, height: 1), style: theme.normal)
        buffer.write(text, x: 1, y: y, style: style, maxWidth: width - 2)
    }
}

/// A box of text lines over the screen (help, history...), scrolled with ↑ ↓ PgUp PgDn.
public struct TextOverlay: Hashable, Sendable {
    public var title: String
    public var lines: [String]
    public private(set) var scroll = 0

    public init(title: String, lines: [String]) {
        self.title = title
        self.lines = lines
    }

    /// Scrolls; false when the key is not a scrolling key.
    public mutating func handle(_ key: Key, pageSize: Int) -> Bool {
        let maxScroll = max(0, lines.count - pageSize)
        switch key {
        case .up: scroll = max(0, scroll - 1)
        case .down: scroll = min(maxScroll, scroll + 1)
        case .pageUp: scroll = max(0, scroll - pageSize)
        case .pageDown: scroll = min(maxScroll, scroll + pageSize)
        case .home: scroll = 0
        case .end: scroll = maxScroll
        default: return false
        }
        return true
    }

    public func render(into buffer: inout ScreenBuffer, rect: Rect, theme: Theme, footer: String) {
        buffer.fill(rect, style: theme.normal)
        buffer.box(rect, style: theme.border, title: title, titleStyle: theme.section)
        let inner = rect.inset(by: 1)
        for row in 0..<max(0, inner.height - 1) {
            let index = scroll + row
            guard index < lines.count else { break }
            buffer.write(lines[index], x: inner.x + 1, y: inner.y + row, style: theme.normal, maxWidth: inner.width - 2)
        }
        buffer.write(footer, x: inner.x + 1, y: inner.maxY - 1, style: theme.dim, maxWidth: inner.width - 2)
    }

    /// Lines of "keys  what they do", wrapped to the width of the box.
    public static func helpLines(_ entries: [(keys: String, help: String)], width: Int) -> [String] {
        let keyWidth = min(26, entries.map { DisplayWidth.of($0.keys) }.max() ?? 10)
        var lines: [String] = []
        for entry in entries {
            let wrapped = DisplayWidth.wrap(entry.help, width: max(10, width - keyWidth - 2))
            for (i, text) in wrapped.enumerated() {
                let keys = i == 0 ? DisplayWidth.pad(entry.keys, to: keyWidth) : String(repeating: " ", count: keyWidth)
                lines.append(keys + "  " + text)
            }
        }
        return lines
    }
}

/// A yes/no question before anything destructive. The safe answer is chosen unless the user moves.
public struct ConfirmDialog: Hashable, Sendable {
    public var title: String
    public var message: String
    public var yesLabel: String
    public var noLabel: String
    public private(set) var yesSelected: Bool

    public init(title: String, message: String, yes: String, no: String, defaultYes: Bool = false) {
        self.title = title
        self.message = message
        self.yesLabel = yes
        self.noLabel = no
        self.yesSelected = defaultYes
    }

    public enum Outcome: Equatable, Sendable { case pending, confirmed, cancelled }

    /// ← → Tab switch the answer, Enter gives it, Esc says no; the first letter of an answer picks it.
    public mutating func handle(_ key: Key) -> Outcome {
        switch key {
        case .left, .right, .tab, .backTab:
            yesSelected.toggle()
            return .pending
        case .enter: return yesSelected ? .confirmed : .cancelled
        case .escape: return .cancelled
        case .char(let c):
            let typed = VietnameseFirstLetter.of(String(c))
            if typed == VietnameseFirstLetter.of(yesLabel) { return .confirmed }
            if typed == VietnameseFirstLetter.of(noLabel) { return .cancelled }
            return .pending
        default: return .pending
        }
    }

    public func render(into buffer: inout ScreenBuffer, area: Rect, theme: Theme) {
        let width = min(area.width - 4, max(50, DisplayWidth.of(title) + 8, min(70, DisplayWidth.of(message) + 4)))
        let text = DisplayWidth.wrap(message, width: width - 4)
        let rect = area.centred(width: width, height: text.count + 5)
        buffer.fill(rect, style: theme.normal)
        buffer.box(rect, style: theme.border, title: title, titleStyle: theme.section)
        for (i, line) in text.enumerated() {
            buffer.write(line, x: rect.x + 2, y: rect.y + 1 + i, style: theme.normal, maxWidth: width - 4)
        }
        let yes = "[ " + yesLabel + " ]"
        let no = "[ " + noLabel + " ]"
        let total = DisplayWidth.of(yes) + DisplayWidth.of(no) + 4
        let x = rect.x + (rect.width - total) / 2
        let y = rect.maxY - 2
        buffer.write(yes, x: x, y: y, style: yesSelected ? theme.selection : theme.normal)
        buffer.write(no, x: x + DisplayWidth.of(yes) + 4, y: y, style: yesSelected ? theme.normal : theme.selection)
    }
}

enum VietnameseFirstLetter {
    static func of(_ text: String) -> String { String(VietnameseText.fold(text).prefix(1)) }
}
