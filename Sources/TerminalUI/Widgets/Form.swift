/// What kind of input a field is: part of the form's description, which does not change while the person types.
public enum FieldKind: Hashable, Sendable {
    case text(maxLength: Int, digitsOnly: Bool = false, secure: Bool = false)
    case checkbox
    /// One of `items`, chosen in a pop-up list that filters as the user types.
    case choice([ChoiceItem])
    /// A checklist line with a count: Space ticks it, digits give the count.
    case checkCount(maxDigits: Int)
    /// Enter activates it; shows its caption.
    case button(String)
    /// A section title between groups of fields; never focused.
    case section
    /// Shown, not editable.
    case readOnly(String)
}

/// One field of a form's description: a typed id (an enum per form, so a misspelt id does not compile), the label,
/// the help F1 shows for it, and its kind.
public struct FieldSpec<ID: Hashable & Sendable>: Hashable, Sendable {
    public let id: ID
    public var label: String
    public var help: String
    public var kind: FieldKind

    public init(_ id: ID, label: String, help: String = "", kind: FieldKind) {
        self.id = id
        self.label = label
        self.help = help
        self.kind = kind
    }

    public var isFocusable: Bool {
        switch kind {
        case .section, .readOnly: return false
        default: return true
        }
    }
}

/// A value as the program reads and writes it, whatever the field's editing state.
public enum FieldValue: Hashable, Sendable {
    case text(String)
    case flag(Bool)
    case choice(String?)
    case count(present: Bool, count: String)
}

/// A field's input while the person edits it (the text fields keep their cursor and scroll).
enum FieldInput: Hashable, Sendable {
    case text(TextField)
    case flag(Bool)
    case choice(String?)
    case count(present: Bool, count: TextField)
    case none

    init(kind: FieldKind, value: FieldValue?) {
        switch (kind, value) {
        case (.text(let max, let digits, let secure), let value):
            var text = ""
            if case .text(let typed)? = value { text = typed }
            self = .text(TextField(text, maxLength: max, digitsOnly: digits, secure: secure))
        case (.checkbox, .flag(let on)?): self = .flag(on)
        case (.checkbox, _): self = .flag(false)
        case (.choice, .choice(let id)?): self = .choice(id)
        case (.choice, _): self = .choice(nil)
        case (.checkCount(let digits), .count(let present, let count)?):
            self = .count(present: present, count: TextField(count, maxLength: digits, digitsOnly: true))
        case (.checkCount(let digits), _): self = .count(present: false, count: TextField(maxLength: digits, digitsOnly: true))
        default: self = .none
        }
    }

    var value: FieldValue? {
        switch self {
        case .text(let field): return .text(field.text)
        case .flag(let on): return .flag(on)
        case .choice(let id): return .choice(id)
        case .count(let present, let count): return .count(present: present, count: count.text)
        case .none: return nil
        }
    }
}

/// A problem shown beside a field and on the message line.
public struct FieldMessage: Hashable, Sendable {
    public var text: String
    public var severity: Severity
    public init(_ text: String, severity: Severity = .error) {
        self.text = text
        self.severity = severity
    }
}

/// What happened to the form after a key, for the screen to act on.
public enum FormEvent<ID: Hashable & Sendable>: Equatable, Sendable {
    case ignored
    case handled
    /// Focus moved away from this field: the moment to validate it.
    case left(ID)
    case activated(ID)
    case changed(ID)
}

/// A vertical form of labelled fields, one a row, scrolling to keep the focused field in view. The description
/// (`specs`: ids, labels, help, kinds) is kept apart from the state (values, focus, scroll, the open list, messages).
/// Tab, Enter and ↓ go forward, Shift-Tab and ↑ back; a choice field opens its pop-up on Enter, Space or a letter.
public struct Form<ID: Hashable & Sendable>: Hashable, Sendable {
    public private(set) var specs: [FieldSpec<ID>]
    private var inputs: [ID: FieldInput] = [:]
    public private(set) var messages: [ID: FieldMessage] = [:]
    public private(set) var focus: Int
    public private(set) var popup: ChoiceList?
    private var scroll = 0
    /// True once the person has changed a value (by keys; values set by the program do not count), so that
    /// closing the form can ask before throwing the typing away.
    public private(set) var isModified = false
    /// A form the person may read but not change: keys move between fields and nothing else.
    public var isReadOnly = false
    /// Why the form is read-only, when the screen knows better than "no permission" (another office's record).
    public var readOnlyNote: String?

    public init(_ specs: [FieldSpec<ID>], values: [ID: FieldValue] = [:]) {
        self.specs = specs
        self.focus = specs.firstIndex(where: \.isFocusable) ?? 0
        for spec in specs { inputs[spec.id] = FieldInput(kind: spec.kind, value: values[spec.id]) }
    }

    /// A new description (fields added or removed, e.g. a venue): values, messages and focus of the fields that
    /// remain are kept.
    public mutating func reshape(_ newSpecs: [FieldSpec<ID>], values: [ID: FieldValue] = [:], focusOn id: ID? = nil) {
        let focusedID = focusedSpec?.id
        var newInputs: [ID: FieldInput] = [:]
        for spec in newSpecs {
            if let value = values[spec.id] {
                newInputs[spec.id] = FieldInput(kind: spec.kind, value: value)
            } else if let kept = inputs[spec.id], specs.first(where: { $0.id == spec.id })?.kind == spec.kind {
                newInputs[spec.id] = kept
            } else {
                newInputs[spec.id] = FieldInput(kind: spec.kind, value: nil)
            }
        }
        specs = newSpecs
        inputs = newInputs
        messages = messages.filter { id, _ in newSpecs.contains { $0.id == id } }
        popup = nil
        let target = id ?? focusedID
        focus = target.flatMap { t in newSpecs.firstIndex { $0.id == t && $0.isFocusable } }
            ?? min(focus, max(0, newSpecs.count - 1))
        if !newSpecs.indices.contains(focus) || !newSpecs[focus].isFocusable {
            focus = newSpecs.firstIndex(where: \.isFocusable) ?? 0
        }
    }

    public var focusedSpec: FieldSpec<ID>? { specs.indices.contains(focus) ? specs[focus] : nil }
    public var focusedID: ID? { focusedSpec?.id }

    public func spec(_ id: ID) -> FieldSpec<ID>? { specs.first { $0.id == id } }

    public func contains(_ id: ID) -> Bool { inputs[id] != nil }

    public mutating func focus(on id: ID) {
        if let i = specs.firstIndex(where: { $0.id == id }), specs[i].isFocusable {
            focus = i
            popup = nil
        }
    }

    public mutating func setMessage(_ message: FieldMessage?, for id: ID) { messages[id] = message }

    public func message(_ id: ID) -> FieldMessage? { messages[id] }

    public mutating func clearMessages() { messages = [:] }

    // MARK: Values

    public subscript(id: ID) -> FieldValue? { inputs[id]?.value }

    public func text(_ id: ID) -> String {
        switch inputs[id] {
        case .text(let field)?: return field.text
        case .count(_, let count)?: return count.text
        default:
            if case .readOnly(let value)? = spec(id)?.kind { return value }
            return ""
        }
    }

    public func isChecked(_ id: ID) -> Bool {
        switch inputs[id] {
        case .flag(let on)?: return on
        case .count(let on, _)?: return on
        default: return false
        }
    }

    public func choice(_ id: ID) -> String? {
        if case .choice(let selected)? = inputs[id] { return selected }
        return nil
    }

    /// Sets a value from the program (not counted as the person's change).
    public mutating func set(_ id: ID, to value: FieldValue) {
        guard let spec = spec(id) else { return }
        inputs[id] = FieldInput(kind: spec.kind, value: value)
    }

    public mutating func setText(_ id: ID, to text: String) { set(id, to: .text(text)) }

    public mutating func setChoice(_ id: ID, to choice: String?) { set(id, to: .choice(choice)) }

    /// Counts a change the program made at the person's request (a line removed) as theirs.
    public mutating func markModified() { isModified = true }

    // MARK: Keys

    public mutating func handle(_ key: Key) -> FormEvent<ID> {
        let event = route(key)
        if case .changed(let id) = event {
            isModified = true
            // A mark said what was wrong with the value then; the person has changed it, so it no longer stands.
            messages[id] = nil
        }
        return event
    }

    private mutating func route(_ key: Key) -> FormEvent<ID> {
        if popup != nil { return handlePopup(key) }
        guard specs.indices.contains(focus) else { return .ignored }
        switch key {
        case .tab, .down: return move(by: 1)
        case .backTab, .up: return move(by: -1)
        case .pageDown: return move(by: 8)
        case .pageUp: return move(by: -8)
        default: break
        }
        let id = specs[focus].id
        if isReadOnly { return key == .enter ? move(by: 1) : .ignored }
        switch inputs[id] {
        case .text(var field)?:
            if key == .enter { return move(by: 1) }
            let before = field.text
            guard field.handle(key) else { return .ignored }
            inputs[id] = .text(field)
            return field.text != before ? .changed(id) : .handled
        case .flag(let on)?:
            if key == .char(" ") {
                inputs[id] = .flag(!on)
                return .changed(id)
            }
            return key == .enter ? move(by: 1) : .ignored
        case .count(let on, var count)?:
            if key == .char(" ") {
                inputs[id] = .count(present: !on, count: count)
                return .changed(id)
            }
            if key == .enter { return move(by: 1) }
            guard count.handle(key) else { return .ignored }
            inputs[id] = .count(present: on || (Int(count.text) ?? 0) > 0, count: count)
            return .changed(id)
        case .choice(let selected)?:
            guard case .choice(let items) = specs[focus].kind else { return .ignored }
            switch key {
            case .enter, .char(" "):
                popup = ChoiceList(items: items, selectedID: selected)
                return .handled
            case .delete:
                inputs[id] = .choice(nil)
                return .changed(id)
            default:
                guard let c = key.printable else { return .ignored }
                popup = ChoiceList(items: items, selectedID: selected, filter: String(c))
                return .handled
            }
        default:
            if case .button = specs[focus].kind { return key == .enter || key == .char(" ") ? .activated(id) : .ignored }
            return .ignored
        }
    }

    private mutating func handlePopup(_ key: Key) -> FormEvent<ID> {
        guard var list = popup else { return .ignored }
        let outcome = list.handle(key)
        popup = list
        switch outcome {
        case .picked(let item):
            popup = nil
            inputs[specs[focus].id] = .choice(item.id)
            return .changed(specs[focus].id)
        case .cancelled:
            popup = nil
            return .handled
        case .handled: return .handled
        case .ignored: return .ignored
        }
    }

    /// Moves focus by `step` focusable fields; reports the field left.
    public mutating func move(by step: Int) -> FormEvent<ID> {
        let left = specs[focus].id
        var index = focus
        var remaining = abs(step)
        let direction = step > 0 ? 1 : -1
        while remaining > 0 {
            var next = index + direction
            while specs.indices.contains(next) && !specs[next].isFocusable { next += direction }
            guard specs.indices.contains(next) else { break }
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

    /// The label column: as wide as the longest label needs, but never more than two fifths of the form, so that
    /// values keep room. A longer label ends in "…" and is read whole in the field's help (F1). Two blanks always
    /// part a label from its value, so that "vị trí 30" never reads as one phrase.
    public func labelWidth(for width: Int) -> Int {
        let longest = specs.filter { $0.kind != .section }.map { DisplayWidth.of($0.label) }.max() ?? 10
        return min(longest + Self.labelMargin + 2, max(12, width * 2 / 5))
    }

    /// The mark column before a label, and the blanks after it.
    static var labelMargin: Int { 2 }

    /// Draws the form; returns the cursor position for a focused text input.
    public mutating func render(into buffer: inout ScreenBuffer, rect: Rect, theme: Theme, labels: Labels) -> Point? {
        guard rect.height > 0, !specs.isEmpty else { return nil }
        if focus < scroll { scroll = focus }
        if focus >= scroll + rect.height { scroll = focus - rect.height + 1 }
        // Show the section title above the first field of a section when scrolling up to it.
        if scroll > 0 && scroll == focus && specs[scroll - 1].kind == .section { scroll -= 1 }
        var cursor: Point?
        let labelWidth = self.labelWidth(for: rect.width)
        let valueX = rect.x + labelWidth
        let valueWidth = rect.width - labelWidth
        for row in 0..<rect.height {
            let index = scroll + row
            guard index < specs.count else { break }
            let y = rect.y + row
            let spec = specs[index]
            let focused = index == focus
            if spec.kind == .section {
                buffer.write(spec.label, x: rect.x, y: y, style: theme.section, maxWidth: rect.width)
                continue
            }
            if let message = messages[spec.id] {
                buffer.write(Marks.symbol(message.severity), x: rect.x, y: y,
                             style: message.severity == .error ? theme.error : theme.warning)
            }
            buffer.write(spec.label, x: rect.x + Self.labelMargin, y: y, style: focused ? theme.labelFocused : theme.label,
                         maxWidth: labelWidth - Self.labelMargin - 2)
            let valueRect = Rect(x: valueX, y: y, width: valueWidth, height: 1)
            let inputStyle = isReadOnly ? theme.normal : (focused ? theme.inputFocused : theme.input)
            switch (spec.kind, inputs[spec.id]) {
            case (.text, .text(var text)?):
                let width = min(valueWidth, max(20, text.maxLength + 1))
                let point = text.render(into: &buffer, rect: Rect(x: valueX, y: y, width: width, height: 1),
                                        style: inputStyle, focused: focused)
                // Keep the field's own scroll position only while it has focus.
                if focused {
                    inputs[spec.id] = .text(text)
                    cursor = point
                }
            case (.checkbox, .flag(let on)?):
                buffer.write(on ? "[x]" : "[ ]", x: valueX, y: y, style: focused ? inputStyle : theme.normal)
                if focused { cursor = Point(x: valueX + 1, y: y) }
            case (.checkCount, .count(let on, var count)?):
                buffer.write(on ? "[x]" : "[ ]", x: valueX, y: y, style: focused ? inputStyle : theme.normal)
                let point = count.render(into: &buffer, rect: Rect(x: valueX + 4, y: y, width: 6, height: 1),
                                         style: inputStyle, focused: focused)
                if focused { cursor = point }
            case (.choice(let items), .choice(let selected)?):
                let label = items.first { $0.id == selected }?.label ?? labels.none
                buffer.fill(valueRect, style: inputStyle)
                buffer.write(label, x: valueX, y: y, style: inputStyle, maxWidth: valueWidth - 2)
                if !isReadOnly { buffer.write("▾", x: valueRect.maxX - 1, y: y, style: inputStyle) }
            case (.button(let caption), _):
                buffer.write("[ " + caption + " ]", x: valueX, y: y, style: focused ? theme.selection : theme.normal,
                             maxWidth: valueWidth)
            case (.readOnly(let value), _):
                buffer.write(value, x: valueX, y: y, style: theme.dim, maxWidth: valueWidth)
            default:
                break
            }
        }
        if var list = popup {
            let fieldRow = rect.y + (focus - scroll)
            let height = min(12, max(4, list.visible.count + 3))
            let below = rect.maxY - (fieldRow + 1)
            let top = below >= height ? fieldRow + 1 : max(rect.y, fieldRow - height)
            let box = Rect(x: max(rect.x, valueX - 2), y: top, width: min(rect.width, valueWidth + 2), height: height)
            cursor = list.render(into: &buffer, rect: box, theme: theme, title: specs[focus].label,
                                 filterLabel: labels.filter, emptyText: labels.noMatch)
            popup = list
        }
        return cursor
    }
}
