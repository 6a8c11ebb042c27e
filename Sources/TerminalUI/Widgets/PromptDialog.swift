/// A small box that asks for one line of text (a date, a reason), over the screen.
public struct PromptDialog: Hashable, Sendable {
    public var title: String
    public var label: String
    public var field: TextField
    /// A problem with what was typed, shown under the field; the text stays for correcting.
    public var message: String?

    public init(title: String, label: String, text: String = "", maxLength: Int = 200, secure: Bool = false) {
        self.title = title
        self.label = label
        self.field = TextField(text, maxLength: maxLength, secure: secure)
    }

    public enum Outcome: Equatable, Sendable { case editing, submitted(String), cancelled }

    public mutating func handle(_ key: Key) -> Outcome {
        switch key {
        case .enter: return .submitted(field.text)
        case .escape: return .cancelled
        default:
            if field.handle(key) { message = nil }
            return .editing
        }
    }

    public mutating func render(into buffer: inout ScreenBuffer, area: Rect, theme: Theme, footer: String) -> Point {
        let width = min(area.width - 4, 64)
        let labelLines = Array(DisplayWidth.wrap(label, width: width - 4).prefix(3))
        let rect = area.centred(width: width, height: 6 + labelLines.count)
        buffer.fill(rect, style: theme.normal)
        buffer.box(rect, style: theme.border, title: title, titleStyle: theme.section)
        let inner = rect.inset(by: 1)
        for (i, line) in labelLines.enumerated() {
            buffer.write(line, x: inner.x + 1, y: inner.y + i, style: theme.label, maxWidth: inner.width - 2)
        }
        let fieldY = inner.y + labelLines.count
        let cursor = field.render(into: &buffer, rect: Rect(x: inner.x + 1, y: fieldY, width: inner.width - 2, height: 1),
                                  style: theme.inputFocused)
        if let message {
            buffer.write(message, x: inner.x + 1, y: fieldY + 1, style: theme.error, maxWidth: inner.width - 2)
        }
        buffer.write(footer, x: inner.x + 1, y: inner.maxY - 1, style: theme.dim, maxWidth: inner.width - 2)
        return cursor
    }
}
