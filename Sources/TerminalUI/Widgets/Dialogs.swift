/// A yes/no question before anything destructive or legal. The safe answer is chosen unless the user moves.
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

    /// The question wrapped whole (the box grows to hold it), then the two answers.
    public func render(into buffer: inout ScreenBuffer, area: Rect, theme: Theme) {
        let width = min(area.width - 4, max(50, DisplayWidth.of(title) + 8, min(72, DisplayWidth.of(message) + 4)))
        let text = DisplayWidth.wrap(message, width: width - 4)
        let rect = area.centred(width: width, height: text.count + 4)
        buffer.fill(rect, style: theme.normal)
        buffer.box(rect, style: theme.border, title: title, titleStyle: theme.section)
        for (i, line) in text.enumerated() where rect.y + 1 + i < rect.maxY - 3 {
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

/// A list to pick one item from, in a box with its own title, narrowed as the user types.
public struct PickerDialog: Hashable, Sendable {
    public var title: String
    public var list: ChoiceList

    public init(title: String, items: [ChoiceItem], selectedID: String? = nil) {
        self.title = title
        self.list = ChoiceList(items: items, selectedID: selectedID)
    }

    /// As wide as the longest label needs, within the area.
    public mutating func render(into buffer: inout ScreenBuffer, area: Rect, theme: Theme, filterLabel: String,
                                emptyText: String) -> Point {
        let longest = list.items.map { DisplayWidth.of($0.label) }.max() ?? 20
        let width = min(area.width - 2, max(44, DisplayWidth.of(title) + 8, longest + 6))
        let rect = area.centred(width: width, height: min(area.height - 2, list.items.count + 4))
        return list.render(into: &buffer, rect: rect, theme: theme, title: title, filterLabel: filterLabel,
                           emptyText: emptyText)
    }
}

/// Work under way: what it is, how far it got, the speed and the time left; Esc asks to stop it.
public struct ProgressDialog: Hashable, Sendable {
    public var title: String
    public var caption: String
    public var done: Int
    public var total: Int
    /// "12.400 dòng/giây · còn khoảng 8 giây"
    public var detail: String

    public init(title: String, caption: String, done: Int = 0, total: Int = 0, detail: String = "") {
        self.title = title
        self.caption = caption
        self.done = done
        self.total = total
        self.detail = detail
    }

    public func render(into buffer: inout ScreenBuffer, area: Rect, theme: Theme, footer: String) {
        let width = min(area.width - 4, 70)
        let rect = area.centred(width: width, height: 7)
        buffer.fill(rect, style: theme.normal)
        buffer.box(rect, style: theme.border, title: title, titleStyle: theme.section)
        let inner = Rect(x: rect.x + 2, y: rect.y + 1, width: width - 4, height: 5)
        ProgressBar.render(into: &buffer, rect: inner.row(0), done: done, total: total, caption: caption, theme: theme)
        buffer.write(detail, x: inner.x, y: inner.y + 2, style: theme.normal, maxWidth: inner.width)
        buffer.write(footer, x: inner.x, y: inner.y + 4, style: theme.dim, maxWidth: inner.width)
    }
}
