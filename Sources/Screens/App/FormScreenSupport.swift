import Domain
import TerminalUI

/// Actions of a form screen: one of them carries a key typed into the form.
protocol FormAction { static func formKey(_ key: Key) -> Self }

/// A screen that is mostly one form. What every such screen shares: keys go to an open choice list first,
/// then to the keymap, then into the focused field; the help explains the focused field before the keys;
/// the message line shows the focused field's problem; the form fills the screen's area. A read-only form
/// (the person may not change it) says so, and closing it never asks about changes.
protocol FormScreen: KeyedScreen where Action: FormAction {
    associatedtype Field: Hashable & Sendable
    var form: Form<Field> { get set }
}

extension FormScreen {
    /// The routing every form screen starts from.
    func formAction(for key: Key, _ ctx: AppContext) -> Action {
        if form.popup != nil { return .formKey(key) }
        return keymap(ctx).action(for: key) ?? .formKey(key)
    }

    func action(for key: Key, _ ctx: AppContext) -> Action? { formAction(for: key, ctx) }

    var hasUnsavedChanges: Bool { !form.isReadOnly && form.isModified }

    func helpEntries(_ ctx: AppContext) -> [(keys: String, help: String)] { formHelp(form, keymap(ctx).helpLines, ctx) }

    func statusHint(_ ctx: AppContext) -> StatusMessage? { formStatusHint(form, ctx) }

    mutating func render(into buffer: inout ScreenBuffer, area: Rect, _ ctx: AppContext) -> Point? {
        renderForm(&form, into: &buffer, area: area, ctx)
    }

    /// Marks a field as refused: its mark beside the field, the cursor on it, and the same words on the status
    /// line, so the person sees what to fix and where.
    mutating func reject(_ id: Field, _ text: String, severity: Severity = .error) -> [AppCommand] {
        form.setMessage(FieldMessage(text, severity: severity), for: id)
        form.focus(on: id)
        return [.message(StatusMessage(fieldLabel(id) + ": " + text, kind: severity == .error ? .error : .warning))]
    }

    func fieldLabel(_ id: Field) -> String { form.spec(id)?.label ?? "" }
}

extension KeyBinding {
    /// F2 (Alt-2, Ctrl-S): check and save, the same key in every form.
    @MainActor
    static func saveForm(_ action: Action, _ ctx: AppContext, help: StringKey = .helpCheckAndSave) -> KeyBinding {
        .function(2, shortcut: .save, action: action, label: ctx.strings[.keySave], help: ctx.strings[help])
    }

    /// F10 (Alt-0, Esc): close the form, asking first if something typed would be lost.
    @MainActor
    static func closeForm(_ action: Action, _ ctx: AppContext) -> KeyBinding {
        .function(10, also: [.escape], action: action, label: ctx.strings[.keyClose], help: ctx.strings[.helpFormCancel])
    }
}

@MainActor
func formHelp<ID>(_ form: Form<ID>, _ keys: [(keys: String, help: String)], _ ctx: AppContext)
    -> [(keys: String, help: String)]
{
    let s = ctx.strings
    var entries: [(keys: String, help: String)] = []
    if form.isReadOnly { entries += [(s[.readOnlyMark], s[.readOnlyFormHelp]), ("", "")] }
    if let field = form.focusedSpec, !field.help.isEmpty {
        entries.append((field.label, field.help))
        entries.append(("", ""))
    }
    entries += keys
    entries.append(("Tab · ↓ · Enter", s[.helpFormNext]))
    entries.append(("Shift-Tab · ↑", s[.helpFormPrevious]))
    if !form.isReadOnly {
        entries.append(("Space", s[.helpFormToggle]))
        entries.append(("← → Home End", s[.helpFormEditKeys]))
        entries.append(("Ctrl-U", s[.helpFormClearField]))
    }
    return entries
}

@MainActor
func formStatusHint<ID>(_ form: Form<ID>, _ ctx: AppContext) -> StatusMessage? {
    if form.isReadOnly { return StatusMessage(form.readOnlyNote ?? ctx.strings[.readOnlyFormHint], kind: .warning) }
    guard let field = form.focusedSpec else { return nil }
    if let message = form.message(field.id) {
        return StatusMessage(field.label + ": " + message.text, kind: message.severity == .error ? .error : .warning)
    }
    return form.popup != nil ? StatusMessage(ctx.strings[.choiceHint]) : nil
}

@MainActor
func renderForm<ID>(_ form: inout Form<ID>, into buffer: inout ScreenBuffer, area: Rect, _ ctx: AppContext) -> Point? {
    let s = ctx.strings
    let labels = Form<ID>.Labels(filter: s[.choiceFilter], noMatch: s[.choiceNoMatch], none: s[.choiceNone])
    let cursor = form.render(into: &buffer, rect: Rect(x: area.x + 1, y: area.y + 1, width: area.width - 2,
                                                       height: area.height - 1), theme: ctx.theme, labels: labels)
    return form.isReadOnly && form.popup == nil ? nil : cursor
}
