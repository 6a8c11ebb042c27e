/// A small box that asks for a text over the screen: one line (a date, a folder, a password), or several lines
/// (the reason a plan is returned, a comment) that wrap and are kept whole.
public struct PromptDialog: Hashable, Sendable {
    public enum Input: Hashable, Sendable {
        case line(TextField)
        case lines(TextArea)
    }

    public var title: String
    public var label: String
    public var input: Input
    /// A problem with what was typed, shown under the field; the text stays for correcting.
    public var message: String?

    public init(title: String, label: String, text: String = "", maxLength: Int = 200, secure: Bool = false) {
        self.title = title
        self.label = label
        self.input = .line(TextField(text, maxLength: maxLength, secure: secure))
    }

    /// A prompt of several lines: Enter starts a new line, F2 (Alt-2, Ctrl-S) sends.
    public init(title: String, label: String, multilineText text: String, maxLength: Int = 2000) {
        self.title = title
        self.label = label
        self.input = .lines(TextArea(text, maxLength: maxLength))
    }

    public var isMultiline: Bool { if case .lines = input { return true } else { return false } }

    public var text: String {
        switch input {
        case .line(let field): return field.text
        case .lines(let area): return area.text
        }
    }

    /// Empties the input (after a wrong password).
    public mutating func clear() {
        switch input {
        case .line(var field): field.setText(""); input = .line(field)
        case .lines(var area): area.setText(""); input = .lines(area)
        }
    }

    /// The same prompt showing why the text was refused; the text stays unless `keepText` is false.
    public func refused(_ problem: String, keepText: Bool = true) -> PromptDialog {
        var copy = self
        if !keepText { copy.clear() }
        copy.message = problem
        return copy
    }

    public enum Outcome: Equatable, Sendable { case editing, submitted(String), cancelled }

    public mutating func handle(_ key: Key) -> Outcome {
        switch key {
        case .escape: return .cancelled
        case .function(2), .alt("2"), .ctrl("s"): return .submitted(text)
        default: break
        }
        switch input {
        case .line(var field):
            if key == .enter { return .submitted(field.text) }
            if field.handle(key) { message = nil }
            input = .line(field)
        case .lines(var area):
            if area.handle(key) { message = nil }
            input = .lines(area)
        }
        return .editing
    }

    /// Draws the box in the middle of `area`: the label (wrapped whole), the input, a problem, the footer.
    public mutating func render(into buffer: inout ScreenBuffer, area: Rect, theme: Theme, footer: String) -> Point {
        let width = min(area.width - 4, isMultiline ? 72 : 64)
        let inner = width - 4
        let labelLines = DisplayWidth.wrap(label, width: inner)
        let messageLines = message.map { DisplayWidth.wrap($0, width: inner) } ?? []
        let footerLines = DisplayWidth.wrap(footer, width: inner)
        let inputHeight = isMultiline ? 5 : 1
        let height = min(area.height, labelLines.count + inputHeight + messageLines.count + footerLines.count + 2)
        let rect = area.centred(width: width, height: height)
        buffer.fill(rect, style: theme.normal)
        buffer.box(rect, style: theme.border, title: title, titleStyle: theme.section)
        var y = rect.y + 1
        for line in labelLines where y < rect.maxY - 1 {
            buffer.write(line, x: rect.x + 2, y: y, style: theme.label, maxWidth: inner)
            y += 1
        }
        let inputRect = Rect(x: rect.x + 2, y: y, width: inner, height: min(inputHeight, rect.maxY - 1 - y))
        let cursor: Point
        switch input {
        case .line(var field):
            cursor = field.render(into: &buffer, rect: inputRect, style: theme.inputFocused)
            input = .line(field)
        case .lines(var area):
            cursor = area.render(into: &buffer, rect: inputRect, style: theme.inputFocused)
            input = .lines(area)
        }
        y += inputRect.height
        for line in messageLines + footerLines where y < rect.maxY - 1 {
            let isMessage = y - inputRect.maxY < messageLines.count
            buffer.write(line, x: rect.x + 2, y: y, style: isMessage ? theme.error : theme.dim, maxWidth: inner)
            y += 1
        }
        return cursor
    }
}
