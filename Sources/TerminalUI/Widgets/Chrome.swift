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

    public var style: KeyPath<Theme, Style> {
        switch kind {
        case .info: return \.info
        case .warning: return \.warning
        case .error: return \.error
        }
    }

    /// The message wrapped to `width`, at most `maxLines` lines; the last one ends in "…" if even that is not
    /// enough (the screen that says it keeps the whole text where the person can read it).
    public func lines(width: Int, maxLines: Int = 3) -> [String] {
        let wrapped = DisplayWidth.wrap(text, width: max(1, width - 2))
        guard wrapped.count > maxLines else { return wrapped }
        var kept = Array(wrapped.prefix(maxLines))
        kept[maxLines - 1] = DisplayWidth.truncate(kept[maxLines - 1] + " " + wrapped[maxLines], to: width - 2)
        return kept
    }

    /// Draws the message with its last line on row `y`, growing upwards over the screen when it wraps.
    public func render(into buffer: inout ScreenBuffer, row y: Int, width: Int, theme: Theme) {
        let lines = self.lines(width: width)
        let top = y - (lines.count - 1)
        for (i, line) in lines.enumerated() {
            buffer.fill(Rect(x: 0, y: top + i, width: width, height: 1), style: theme.normal)
            buffer.write(line, x: 1, y: top + i, style: theme[keyPath: style], maxWidth: width - 2)
        }
        if lines.isEmpty { buffer.fill(Rect(x: 0, y: y, width: width, height: 1), style: theme.normal) }
    }
}
