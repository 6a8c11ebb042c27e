import Domain
import TerminalUI

/// Actions of a form screen: one of them carries a key typed into the form.
protocol FormAction { static func formKey(_ key: Key) -> Self }

/// A screen that is mostly one form. What every such screen shares: keys go to an open choice list first,
/// then to the keymap, then into the focused field; the help explains the focused field before the keys;
/// the message line shows the focused field's problem; the form fills the screen's area.
protocol FormScreen: KeyedScreen where Action: FormAction {
    var form: Form { get set }
}

extension FormScreen {
    /// The routing every form screen starts from; screens with their own dialogs check those first.
    func formAction(for key: Key, _ ctx: AppContext) -> Action {
        if form.popup != nil { return .formKey(key) }
        return keymap(ctx).action(for: key) ?? .formKey(key)
    }

    func action(for key: Key, _ ctx: AppContext) -> Action? { formAction(for: key, ctx) }

    var hasUnsavedChanges: Bool { form.isModified }

    func helpEntries(_ ctx: AppContext) -> [(keys: String, help: String)] { formHelp(form, keymap(ctx).helpLines, ctx) }

    func statusHint(_ ctx: AppContext) -> StatusMessage? { formStatusHint(form, ctx) }

    mutating func render(into buffer: inout ScreenBuffer, area: Rect, _ ctx: AppContext) -> Point? {
        renderForm(&form, into: &buffer, area: area, ctx)
    }
}

extension KeyBinding {
    /// F2 (Alt-2, Ctrl-S): check and save, the same key in every form.
    @MainActor
    static func saveForm(_ action: Action, _ ctx: AppContext, help: StringKey = .helpCheckAndSave) -> KeyBinding {
        .function(2, ctrl: "s", action: action, label: ctx.strings[.keySave], help: ctx.strings[help])
    }

    /// F10 (Alt-0, Esc): close the form, asking first if something typed would be lost.
    @MainActor
    static func closeForm(_ action: Action, _ ctx: AppContext) -> KeyBinding {
        .function(10, also: [.escape], action: action, label: ctx.strings[.keyClose], help: ctx.strings[.helpFormCancel])
    }
}

@MainActor
func formHelp(_ form: Form, _ keys: [(keys: String, help: String)], _ ctx: AppContext) -> [(keys: String, help: String)] {
    let s = ctx.strings
    var entries: [(keys: String, help: String)] = []
    if let field = form.focusedField, !field.help.isEmpty {
        entries.append((field.label.trimmingCharacters(in: .whitespaces), field.help))
        entries.append(("", ""))
    }
    entries += keys
    entries.append(("Tab · ↓ · Enter", s[.helpFormNext]))
    entries.append(("Shift-Tab · ↑", s[.helpFormPrevious]))
    entries.append(("Space", s[.helpFormToggle]))
    entries.append(("← → Home End", s[.helpFormEditKeys]))
    entries.append(("Ctrl-U", s[.helpFormClearField]))
    return entries
}

@MainActor
func formStatusHint(_ form: Form, _ ctx: AppContext) -> StatusMessage? {
    guard let field = form.focusedField else { return nil }
    if let message = field.message {
        return StatusMessage(field.label.trimmingCharacters(in: .whitespaces) + ": " + message,
                             kind: field.messageSeverity == .error ? .error : .warning)
    }
    return form.popup != nil ? StatusMessage(ctx.strings[.choiceHint]) : nil
}

@MainActor
func renderForm(_ form: inout Form, into buffer: inout ScreenBuffer, area: Rect, _ ctx: AppContext) -> Point? {
    let s = ctx.strings
    let labels = Form.Labels(filter: s[.choiceFilter], noMatch: s[.choiceNoMatch], none: s[.choiceNone])
    return form.render(into: &buffer, rect: Rect(x: area.x + 1, y: area.y + 1, width: area.width - 2,
                                                 height: area.height - 1), theme: ctx.theme, labels: labels)
}

/// Marks a field as refused: its message under the field, the cursor on it, and the same words on the
/// status line, so the person sees what to fix and where.
@MainActor
func rejectField(_ form: inout Form, _ id: String, _ text: String) -> [AppCommand] {
    form.setMessage(text, for: id)
    form.focus(on: id)
    return [.message(StatusMessage((form[id]?.label.trimmingCharacters(in: .whitespaces) ?? "") + ": " + text, kind: .error))]
}
