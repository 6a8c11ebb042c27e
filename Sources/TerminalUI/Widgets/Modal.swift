/// What turns a typed text or a picked item into a screen's action: usually an enum case with a payload,
/// `Reply(Action.reasonEntered)`. Two replies are equal when they make the same actions from the same inputs, so
/// a test can state a whole screen state with a modal open.
public struct Reply<Action: Equatable & Sendable>: Equatable, Sendable {
    private let make: @Sendable (String) -> Action

    public init(_ make: @escaping @Sendable (String) -> Action) { self.make = make }

    public func callAsFunction(_ input: String) -> Action { make(input) }

    public static func == (lhs: Reply, rhs: Reply) -> Bool {
        ["", "\u{1}"].allSatisfy { lhs.make($0) == rhs.make($0) }
    }
}

/// The one pop-up a screen may have open: a question, a prompt, a list to pick from, a text to read whole, or work
/// in progress. It carries the action to send when it is answered; the app routes keys to it and draws it, so
/// screens keep no pop-up state or key-forwarding actions of their own.
public enum Modal<Action: Equatable & Sendable>: Equatable, Sendable {
    /// Yes sends `yes`; no (or Esc) sends `no` when given, else just closes.
    case confirm(ConfirmDialog, yes: Action, no: Action? = nil)
    /// Enter (or F2 in a prompt of several lines) sends `submit` with the text; Esc sends `cancel` or closes.
    case prompt(PromptDialog, submit: Reply<Action>, cancel: Action? = nil)
    /// Enter sends `pick` with the chosen item's id; Esc closes.
    case picker(PickerDialog, pick: Reply<Action>)
    /// Scrolling keys scroll; any other key closes it.
    case viewer(TextViewer)
    /// Only Esc does something: it sends `cancel`, when the work can be stopped.
    case progress(ProgressDialog, cancel: Action?)

    public enum Outcome: Equatable, Sendable {
        /// Still open, possibly changed.
        case open
        case closed
        /// Closed, and this action is to be sent to the screen.
        case send(Action)
    }

    /// Gives a key to the modal. On `.closed` and `.send` the caller removes it (the screen's `update` may then
    /// open it again, e.g. a prompt refused with its problem).
    public mutating func handle(_ key: Key) -> Outcome {
        switch self {
        case .confirm(var dialog, let yes, let no):
            switch dialog.handle(key) {
            case .pending:
                self = .confirm(dialog, yes: yes, no: no)
                return .open
            case .confirmed: return .send(yes)
            case .cancelled: return no.map { .send($0) } ?? .closed
            }
        case .prompt(var dialog, let submit, let cancel):
            switch dialog.handle(key) {
            case .editing:
                self = .prompt(dialog, submit: submit, cancel: cancel)
                return .open
            case .submitted(let text): return .send(submit(text))
            case .cancelled: return cancel.map { .send($0) } ?? .closed
            }
        case .picker(var dialog, let pick):
            switch dialog.list.handle(key) {
            case .picked(let item): return .send(pick(item.id))
            case .cancelled: return .closed
            case .handled, .ignored:
                self = .picker(dialog, pick: pick)
                return .open
            }
        case .viewer(var viewer):
            guard viewer.handle(key) else { return .closed }
            self = .viewer(viewer)
            return .open
        case .progress(_, let cancel):
            guard key == .escape, let cancel else { return .open }
            return .send(cancel)
        }
    }

    /// Draws the modal over `area`; returns the cursor of a prompt or picker.
    public mutating func render(into buffer: inout ScreenBuffer, area: Rect, theme: Theme, labels: ModalLabels) -> Point? {
        switch self {
        case .confirm(let dialog, _, _):
            dialog.render(into: &buffer, area: area, theme: theme)
            return nil
        case .prompt(var dialog, let submit, let cancel):
            let cursor = dialog.render(into: &buffer, area: area, theme: theme,
                                       footer: dialog.isMultiline ? labels.multilineFooter : labels.promptFooter)
            self = .prompt(dialog, submit: submit, cancel: cancel)
            return cursor
        case .picker(var dialog, let pick):
            let cursor = dialog.render(into: &buffer, area: area, theme: theme, filterLabel: labels.pickerFilter,
                                       emptyText: labels.pickerEmpty)
            self = .picker(dialog, pick: pick)
            return cursor
        case .viewer(var viewer):
            let width = min(area.width - 2, 78)
            let rows = viewer.rows(width: width - 4).count
            let rect = area.centred(width: width, height: min(area.height, max(6, rows + 3)))
            viewer.render(into: &buffer, rect: rect, theme: theme, footer: labels.viewerFooter)
            self = .viewer(viewer)
            return nil
        case .progress(let dialog, let cancel):
            dialog.render(into: &buffer, area: area, theme: theme, footer: cancel == nil ? "" : labels.progressFooter)
            return nil
        }
    }
}

/// The texts the modals show around what the screen gave them, from the string catalogs.
public struct ModalLabels: Sendable {
    public var viewerFooter: String
    public var promptFooter: String
    public var multilineFooter: String
    public var pickerFilter: String
    public var pickerEmpty: String
    public var progressFooter: String

    public init(viewerFooter: String, promptFooter: String, multilineFooter: String, pickerFilter: String,
                pickerEmpty: String, progressFooter: String) {
        self.viewerFooter = viewerFooter
        self.promptFooter = promptFooter
        self.multilineFooter = multilineFooter
        self.pickerFilter = pickerFilter
        self.pickerEmpty = pickerEmpty
        self.progressFooter = progressFooter
    }
}
