/// One option of a choice list: a stable id, the label shown, and the same label prepared for search.
public struct ChoiceItem: Hashable, Sendable {
    public let id: String
    public let label: String
    let searchable: SearchableText
    /// The part of the label that names the item itself (a screen's title, not its group): items whose own
    /// name matches come first, so "chi tieu" offers "Chỉ tiêu" before the other screens of its group.
    let ownName: SearchableText?

    public init(id: String, label: String, searchText: String? = nil, ownName: String? = nil) {
        self.id = id
        self.label = label
        self.searchable = SearchableText(searchText ?? label)
        self.ownName = ownName.map(SearchableText.init)
    }
}

/// A list to pick one item from, narrowed as the user types ("nghia" keeps "Xã Nghĩa Hưng").
public struct ChoiceList: Hashable, Sendable {
    public let items: [ChoiceItem]
    public private(set) var filter: TextField
    /// Indices into `items` that match the filter, in order.
    public private(set) var visible: [Int]
    public private(set) var selected: Int
    private var scroll = 0

    public init(items: [ChoiceItem], selectedID: String? = nil, filter: String = "") {
        self.items = items
        self.filter = TextField(filter, maxLength: 60)
        self.visible = Array(items.indices)
        self.selected = 0
        applyFilter()
        if filter.isEmpty, let selectedID, let index = visible.firstIndex(where: { items[$0].id == selectedID }) {
            selected = index
        }
    }

    public var selectedItem: ChoiceItem? { visible.indices.contains(selected) ? items[visible[selected]] : nil }

    /// Narrows the list to what matches; the first match is then the one Enter takes.
    private mutating func applyFilter() {
        let query = TextQuery(filter.text)
        visible = query.isEmpty ? Array(items.indices) : items.indices.filter { query.matches(items[$0].searchable) }
        if !query.isEmpty {
            // One pass, order kept within each part: a picker may hold a country's communes.
            var byOwnName: [Int] = [], others: [Int] = []
            for index in visible {
                if items[index].ownName.map(query.matches) ?? false { byOwnName.append(index) } else { others.append(index) }
            }
            visible = byOwnName + others
        }
        selected = 0
        scroll = 0
    }

    public enum Outcome: Equatable, Sendable { case handled, picked(ChoiceItem), cancelled, ignored }

    public mutating func handle(_ key: Key, pageSize: Int = 8) -> Outcome {
        switch key {
        case .up: selected = max(0, selected - 1)
        case .down: selected = min(max(0, visible.count - 1), selected + 1)
        case .pageUp: selected = max(0, selected - pageSize)
        case .pageDown: selected = min(max(0, visible.count - 1), selected + pageSize)
        case .enter, .tab:
            return selectedItem.map { .picked($0) } ?? .handled
        case .escape: return .cancelled
        default:
            let before = filter.text
            guard filter.handle(key) else { return .ignored }
            if filter.text != before { applyFilter() }
        }
        return .handled
    }

    /// Draws the list in a box at `rect`: the filter on the first line, then the matching items.
    public mutating func render(into buffer: inout ScreenBuffer, rect: Rect, theme: Theme, title: String,
                                filterLabel: String, emptyText: String) -> Point {
        buffer.fill(rect, style: theme.normal)
        buffer.box(rect, style: theme.border, title: title, titleStyle: theme.section)
        let inner = rect.inset(by: 1)
        guard inner.height >= 2 else { return Point(x: inner.x, y: inner.y) }
        let labelWidth = buffer.write(filterLabel + " ", x: inner.x, y: inner.y, style: theme.label)
        let cursor = filter.render(
            into: &buffer, rect: Rect(x: inner.x + labelWidth, y: inner.y, width: inner.width - labelWidth, height: 1),
            style: theme.inputFocused)
        let rows = inner.height - 1
        if selected < scroll { scroll = selected }
        if selected >= scroll + rows { scroll = selected - rows + 1 }
        if visible.isEmpty {
            buffer.write(emptyText, x: inner.x, y: inner.y + 1, style: theme.dim, maxWidth: inner.width)
        }
        for row in 0..<rows {
            let index = scroll + row
            guard index < visible.count else { break }
            let y = inner.y + 1 + row
            let style = index == selected ? theme.selection : theme.normal
            buffer.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), style: style)
            buffer.write(" " + items[visible[index]].label, x: inner.x, y: y, style: style, maxWidth: inner.width)
        }
        if visible.count > rows {
            buffer.write("\(selected + 1)/\(visible.count)", x: inner.maxX - 9, y: rect.maxY - 1, style: theme.border)
        }
        return cursor
    }
}
