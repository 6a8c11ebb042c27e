/// The input a form field holds.
public enum FormControl: Hashable, Sendable {
    case text(TextField)
    case checkbox(Bool)
    /// One of `items`, chosen in a pop-up list that filters as the user types.
    case choice(selectedID: String?, items: [ChoiceItem])
    /// A checklist line with a count: Space ticks it, digits give the count.
    case checkCount(present: Bool, count: TextField)
    /// Enter activates it; shows its caption.
    case button(String)
    /// A section title between groups of fields; never focused.
    case section
    /// Shown, not editable.
    case readOnly(String)
}

public struct FormField: Hashable, Sendable {
    public let id: String
    public var label: String
    public var control: FormControl
    /// A problem found when the field was left or the form was checked.
    public var message: String?
    public var messageSeverity: Severity
    /// What F1 says about this field.
    public var help: String

    public init(id: String, label: String, control: FormControl, help: String = "") {
        self.id = id
        self.label = label
        self.control = control
        self.message = nil
        self.messageSeverity = .error
        self.help = help
    }

    public var isFocusable: Bool {
        switch control {
        case .section, .readOnly: return false
        default: return true
        }
    }

    public var text: String {
        switch control {
        case .text(let field): return field.text
        case .checkCount(_, let count): return count.text
        case .readOnly(let value): return value
        default: return ""
        }
    }
}

/// What happened to the form after a key, for the screen to act on.
public enum FormEvent: Equatable, Sendable {
    case ignored
    case handled
    /// Focus moved away from this field: the moment to validate it.
    case left(String)
    case activated(String)
    case changed(String)
}

/// A vertical form of labelled fields, one a row, scrolling to keep the focused field in view.
/// Tab, Enter and ↓ go forward, Shift-Tab and ↑ back; a choice field opens its pop-up on Enter, Space or any
/// letter typed.
public struct Form: Hashable, Sendable {
    public var fields: [FormField]
    public private(set) var focus: Int
    public private(set) var popup: ChoiceList?
    private var scroll = 0
    public var labelWidth: Int
    /// True once the person has changed a value (by keys; values set by the program do not count), so that
    /// closing the form can ask before throwing the typing away.
    public private(set) var isModified = false

    public init(fields: [FormField], labelWidth: Int = 28) {
        self.fields = fields
        self.labelWidth = labelWidth
        self.focus = fields.firstIndex(where: \.isFocusable) ?? 0
    }

    public var focusedField: FormField? { fields.indices.contains(focus) ? fields[focus] : nil }

    public func index(of id: String) -> Int? { fields.firstIndex { $0.id == id } }

    public subscript(id: String) -> FormField? {
        get { index(of: id).map { fields[$0] } }
        set {
            guard let i = index(of: id), let newValue else { return }
            fields[i] = newValue
        }
    }

    public mutating func focus(on id: String) {
        if let i = index(of: id), fields[i].isFocusable {
            focus = i
            popup = nil
        }
    }

    public mutating func setMessage(_ message: String?, severity: Severity = .error, for id: String) {
        guard let i = index(of: id) else { return }
        fields[i].message = message
        fields[i].messageSeverity = severity
    }

    public mutating func clearMessages() {
        for i in fields.indices { fields[i].message = nil }
    }

    // MARK: Values

    public func text(_ id: String) -> String { self[id]?.text ?? "" }

    public func isChecked(_ id: String) -> Bool {
        switch self[id]?.control {
        case .checkbox(let on)?: return on
        case .checkCount(let on, _)?: return on
        default: return false
        }
    }

    public func choice(_ id: String) -> String? {
        if case .choice(let selected, _)? = self[id]?.control { return selected }
        return nil
    }

    public mutating func setChoice(_ id: String, to value: String?) {
        guard let i = index(of: id), case .choice(_, let items) = fields[i].control else { return }
        fields[i].control = .choice(selectedID: value, items: items)
    }

    public mutating func setText(_ id: String, to value: String) {
        guard let i = index(of: id), case .text(var field) = fields[i].control else { return }
        field.setText(value)
        fields[i].control = .text(field)
    }

    // MARK: Keys

    public mutating func handle(_ key: Key) -> FormEvent {
        let event = route(key)
        if case .changed = event { isModified = true }
        return event
    }

    private mutating func route(_ key: Key) -> FormEvent {
        if popup != nil { return handlePopup(key) }
        guard fields.indices.contains(focus) else { return .ignored }
        switch key {
        case .tab, .down: return move(by: 1)
        case .backTab, .up: return move(by: -1)
        case .pageDown: return move(by: 8)
        case .pageUp: return move(by: -8)
        default: break
        }
        let id = fields[focus].id
        switch fields[focus].control {
        case .text(var field):
            if key == .enter { return move(by: 1) }
            guard field.handle(key) else { return .ignored }
            let changed = field.text != fields[focus].text
            fields[focus].control = .text(field)
            return changed ? .changed(id) : .handled
        case .checkbox(let on):
            if key == .char(" ") {
                fields[focus].control = .checkbox(!on)
                return .changed(id)
            }
            return key == .enter ? move(by: 1) : .ignored
        case .checkCount(let on, var count):
            if key == .char(" ") {
                fields[focus].control = .checkCount(present: !on, count: count)
                return .changed(id)
            }
            if key == .enter { return move(by: 1) }
            guard count.handle(key) else { return .ignored }
            let present = on || (Int(count.text) ?? 0) > 0
            fields[focus].control = .checkCount(present: present, count: count)
            return .changed(id)
        case .choice(let selected, let items):
            switch key {
            case .enter, .char(" "):
                popup = ChoiceList(items: items, selectedID: selected)
                return .handled
            case .delete:
                fields[focus].control = .choice(selectedID: nil, items: items)
                return .changed(id)
            default:
                guard let c = key.printable else { return .ignored }
                popup = ChoiceList(items: items, selectedID: selected, filter: String(c))
                return .handled
            }
        case .button:
            return key == .enter || key == .char(" ") ? .activated(id) : .ignored
        case .section, .readOnly:
            return .ignored
        }
    }

    private mutating func handlePopup(_ key: Key) -> FormEvent {
        guard var list = popup else { return .ignored }
        let outcome = list.handle(key)
        popup = list
        switch outcome {
        case .picked(let item):
            popup = nil
            setChoice(fields[focus].id, to: item.id)
            return .changed(fields[focus].id)
        case .cancelled:
            popup = nil
            return .handled
        case .handled: return .handled
        case .ignored: return .ignored
        }
    }

    /// Moves focus by `step` focusable fields; reports the field left.
    public mutating func move(by step: Int) -> FormEvent {
        let left = fields[focus].id
        var index = focus
        var remaining = abs(step)
        let direction = step > 0 ? 1 : -1
        while remaining > 0 {
            var next = index + direction
            while fields.indices.contains(next) && !fields[next].isFocusable { next += direction }
            guard fields.indices.contains(next) else { break }
            index = next
            remaining -= 1
        }
        guard index != focus else { return .handled }
        focus = index
        return .left(left)
    }

    // MARK: Drawing

    public struct Labels: Sendable {
        public var filter: String
        public var noMatch: String
        public var none: String
        public init(filter: String, noMatch: String, none: String) {
            self.filter = filter
            self.noMatch = noMatch
            self.none = none
        }
    }

    /// Draws the form; returns the cursor position for a focused text input.
    public mutating func render(into buffer: inout ScreenBuffer, rect: Rect, theme: Theme, labels: Labels) -> Point? {
        guard rect.height > 0 else { return nil }
        if focus < scroll { scroll = focus }
        if focus >= scroll + rect.height { scroll = focus - rect.height + 1 }
        // Show the section title above the first field of a section when scrolling up to it.
        if scroll > 0 && scroll == focus && fields[scroll - 1].control == .section { scroll -= 1 }
        var cursor: Point?
        let valueX = rect.x + labelWidth
        let valueWidth = rect.width - labelWidth
        for row in 0..<rect.height {
            let index = scroll + row
            guard index < fields.count else { break }
            let y = rect.y + row
            let field = fields[index]
            let focused = index == focus
            if field.control == .section {
                buffer.write(field.label, x: rect.x, y: y, style: theme.section, maxWidth: rect.width)
                continue
            }
            let marker = field.message == nil ? " " : (field.messageSeverity == .error ? "!" : "?")
            let markerStyle = field.messageSeverity == .error ? theme.error : theme.warning
            buffer.write(marker, x: rect.x, y: y, style: markerStyle)
            buffer.write(field.label, x: rect.x + 1, y: y, style: focused ? theme.labelFocused : theme.label,
                         maxWidth: labelWidth - 2)
            let valueRect = Rect(x: valueX, y: y, width: valueWidth, height: 1)
            let inputStyle = focused ? theme.inputFocused : theme.input
            switch field.control {
            case .text(var text):
                // Keep the field's own scroll position only while it has focus.
                defer { if focused { fields[index].control = .text(text) } }
                let width = min(valueWidth, max(20, text.maxLength + 1))
                let point = text.render(into: &buffer, rect: Rect(x: valueX, y: y, width: width, height: 1),
                                        style: inputStyle, focused: focused)
                if focused { cursor = point }
            case .checkbox(let on):
                buffer.write(on ? "[x]" : "[ ]", x: valueX, y: y, style: focused ? inputStyle : theme.normal)
                if focused { cursor = Point(x: valueX + 1, y: y) }
            case .checkCount(let on, var count):
                buffer.write(on ? "[x]" : "[ ]", x: valueX, y: y, style: focused ? inputStyle : theme.normal)
                let point = count.render(into: &buffer, rect: Rect(x: valueX + 4, y: y, width: 6, height: 1),
                                         style: inputStyle, focused: focused)
                if focused { cursor = point }
            case .choice(let selected, let items):
                let label = items.first { $0.id == selected }?.label ?? labels.none
                buffer.fill(valueRect, style: inputStyle)
                buffer.write(label, x: valueX, y: y, style: inputStyle, maxWidth: valueWidth - 2)
                buffer.write("▾", x: valueRect.maxX - 1, y: y, style: inputStyle)
            case .button(let caption):
                buffer.write("[ " + caption + " ]", x: valueX, y: y, style: focused ? theme.selection : theme.normal)
            case .readOnly(let value):
                buffer.write(value, x: valueX, y: y, style: theme.dim, maxWidth: valueWidth)
            case .section:
                break
            }
        }
        if var list = popup {
            let fieldRow = rect.y + (focus - scroll)
            let height = min(12, max(4, list.visible.count + 3))
            let below = rect.maxY - (fieldRow + 1)
            let top = below >= height ? fieldRow + 1 : max(rect.y, fieldRow - height)
            let box = Rect(x: max(rect.x, valueX - 2), y: top, width: min(rect.width, valueWidth + 2), height: height)
            cursor = list.render(into: &buffer, rect: box, theme: theme, title: fields[focus].label,
                                 filterLabel: labels.filter, emptyText: labels.noMatch)
            popup = list
        }
        return cursor
    }
}
