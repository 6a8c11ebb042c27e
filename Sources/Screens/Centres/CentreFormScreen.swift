import Domain
import Storage
import TerminalUI

/// Adding or editing one centre. Each field is checked when the user leaves it; F2 checks everything,
/// asks about warnings (a second centre for a commune), and saves in one transaction. What was typed is
/// never thrown away by a failed check.
struct CentreFormScreen: FormScreen {
    enum Action: Sendable, Equatable, FormAction {
        case formKey(Key)
        case save, cancel, removeVenue, addVenue
        case confirmKey(Key)
    }

    /// What a pending confirmation is about.
    enum Question: Equatable {
        case saveDespiteWarnings, removeVenue(Int)
    }

    var form: Form
    /// The centre as stored (edit) or the blank one being added.
    let original: Centre
    let isNew: Bool
    private let otherCentres: [Centre]
    private(set) var dirty = false
    private(set) var dialog: ConfirmDialog?
    private(set) var question: Question?

    init(ctx: AppContext, editing: Centre?) {
        let office = ctx.office ?? OfficeSettings(provinceCode: 0)
        let base = editing ?? Centre(provinceCode: office.provinceCode, communeCode: office.communeCode)
        original = base
        isNew = editing == nil
        // Duplicates and mergers are checked within the office's province.
        otherCentres = ((try? ctx.database.centres(provinceCode: base.provinceCode)) ?? [])
            .filter { $0.id == nil || $0.id != base.id }
        form = Form(fields: CentreFormFields.build(base, ctx: ctx, otherCentres: otherCentres))
    }

    var hasUnsavedChanges: Bool { dirty }

    func title(_ ctx: AppContext) -> String {
        isNew ? ctx.strings[.formAddTitle] : ctx.strings(.formEditTitle, original.code)
    }

    func keymap(_ ctx: AppContext) -> Keymap<Action> {
        let s = ctx.strings
        let close = KeyBinding<Action>.closeForm(.cancel, ctx)
        guard ctx.can(.editCentres) else { return Keymap([close]) }
        return Keymap([
            .saveForm(.save, ctx, help: .helpFormSave),
            .function(5, ctrl: "n", action: .addVenue, label: s[.keyAddVenue], help: s[.helpFormAddVenue]),
            .function(8, ctrl: "d", action: .removeVenue, label: s[.keyRemoveVenue], help: s[.helpFormRemoveVenue]),
            close,
        ])
    }

    func action(for key: Key, _ ctx: AppContext) -> Action? {
        if dialog != nil { return .confirmKey(key) }
        return formAction(for: key, ctx)
    }

    mutating func update(_ action: Action, _ ctx: AppContext) -> [AppCommand] {
        switch action {
        case .formKey(let key):
            return handleFormEvent(form.handle(key), ctx)
        case .save:
            return save(ctx, acceptWarnings: false)
        case .cancel:
            return [.close]
        case .addVenue:
            addVenue(ctx)
        case .removeVenue:
            guard let id = form.focusedField?.id, id.hasPrefix("venue."),
                  let index = Int(id.split(separator: ".")[1]) else {
                return [.message(StatusMessage(ctx.strings[.removeVenueHint], kind: .warning))]
            }
            let name = form.text("venue.\(index).name")
            ask(.removeVenue(index), ctx.strings[.removeVenueTitle],
                ctx.strings(.removeVenueQuestion, name.isEmpty ? String(index + 1) : name), ctx)
        case .confirmKey(let key):
            return answer(key, ctx)
        }
        return []
    }

    private mutating func ask(_ topic: Question, _ title: String, _ message: String, _ ctx: AppContext) {
        question = topic
        dialog = ConfirmDialog(title: title, message: message, yes: ctx.strings[.yes], no: ctx.strings[.no])
    }

    private mutating func answer(_ key: Key, _ ctx: AppContext) -> [AppCommand] {
        guard var open = dialog, let topic = question else { return [] }
        let outcome = open.handle(key)
        dialog = open
        guard outcome != .pending else { return [] }
        dialog = nil
        question = nil
        guard outcome == .confirmed else { return [] }
        switch topic {
        case .saveDespiteWarnings: return save(ctx, acceptWarnings: true)
        case .removeVenue(let index):
            var (draft, _) = CentreFormFields.read(form, base: original)
            guard draft.venues.indices.contains(index) else { return [] }
            draft.venues.remove(at: index)
            rebuild(draft, ctx, focus: draft.venues.isEmpty ? "venue.add" : "venue.\(max(0, index - 1)).name")
            dirty = true
        }
        return []
    }

    private mutating func handleFormEvent(_ event: FormEvent, _ ctx: AppContext) -> [AppCommand] {
        switch event {
        case .left(let id):
            showIssues(in: [id], ctx)
            if let field = form[id], let message = field.message {
                let kind: StatusMessage.Kind = field.messageSeverity == .error ? .error : .warning
                return [.message(StatusMessage(field.label + ": " + message, kind: kind))]
            }
        case .changed(let id):
            dirty = true
            if id == "status" {
                let (draft, _) = CentreFormFields.read(form, base: original)
                rebuild(draft, ctx, focus: "status")
            }
            if id == "commune" { showIssues(in: [id], ctx) }
        case .activated("venue.add"):
            addVenue(ctx)
        default:
            break
        }
        return []
    }

    private mutating func addVenue(_ ctx: AppContext) {
        var (draft, _) = CentreFormFields.read(form, base: original)
        draft.venues.append(Venue(name: "", kind: .villageCulturalHouse))
        rebuild(draft, ctx, focus: "venue.\(draft.venues.count - 1).name")
        dirty = true
    }

    /// Lays the fields out again (the venue list or the status changed), keeping messages and focus.
    private mutating func rebuild(_ draft: Centre, _ ctx: AppContext, focus id: String) {
        let messages = form.fields.filter { $0.message != nil }
        var rebuilt = Form(fields: CentreFormFields.build(draft, ctx: ctx, otherCentres: otherCentres))
        // Keep dates exactly as typed, even when they do not parse yet.
        for field in form.fields where field.id.hasSuffix(".date") { rebuilt.setText(field.id, to: field.text) }
        for old in messages { rebuilt.setMessage(old.message, severity: old.messageSeverity, for: old.id) }
        rebuilt.focus(on: id)
        form = rebuilt
    }

    /// Everything the validator and the date parser say about the form as it stands.
    func issues(_ ctx: AppContext) -> (Centre, [CentreIssue]) {
        let (draft, parseIssues) = CentreFormFields.read(form, base: original)
        let context = CentreValidationContext(
            today: ctx.clock.today, units: ctx.units,
            office: ctx.office ?? OfficeSettings(provinceCode: draft.provinceCode),
            storedStatus: isNew ? nil : original.status,
            storedCommuneCode: isNew ? nil : original.communeCode, otherCentres: otherCentres)
        let parsedFields = Set(parseIssues.map(\.field))
        let found = CentreValidator.validate(draft, in: context).filter { !parsedFields.contains($0.field) }
        return (draft, parseIssues + found)
    }

    /// Puts the messages for `ids` on their fields (clearing those that are now fine).
    private mutating func showIssues(in ids: Set<String>, _ ctx: AppContext) {
        let (_, all) = issues(ctx)
        for id in ids {
            let issue = all.filter { CentreFormFields.id(for: $0.field) == id }.max { $0.severity < $1.severity }
            form.setMessage(issue.map { ctx.strings.describe($0.problem) }, severity: issue?.severity ?? .error, for: id)
        }
    }

    private mutating func save(_ ctx: AppContext, acceptWarnings: Bool) -> [AppCommand] {
        let s = ctx.strings
        let (draft, all) = issues(ctx)
        form.clearMessages()
        for issue in all {
            let id = CentreFormFields.id(for: issue.field)
            if form[id]?.message == nil || issue.severity == .error {
                form.setMessage(s.describe(issue.problem), severity: issue.severity, for: id)
            }
        }
        let errors = all.filter { $0.severity == .error }
        if let first = errors.first {
            let id = CentreFormFields.id(for: first.field)
            form.focus(on: id)
            var text = fieldMessage(first, ctx)
            if errors.count > 1 { text += " " + s(.moreProblems, errors.count - 1) }
            return [.message(StatusMessage(text, kind: .error))]
        }
        if let warning = all.first, !acceptWarnings {
            ask(.saveDespiteWarnings, s[.warningTitle], fieldMessage(warning, ctx) + " " + s[.saveAnyway], ctx)
            return []
        }
        do {
            let saved = try ctx.database.saveCentre(draft, by: ctx.actor, at: ctx.clock.now)
            dirty = false
            return [.pop, .centresChanged(select: saved.code),
                    .message(StatusMessage(s(.centreSaved, saved.code, saved.name)))]
        } catch {
            return [.message(StatusMessage(s.saveFailure(error), kind: .error))]
        }
    }

    /// "Tên trung tâm: không được để trống."
    func fieldMessage(_ issue: CentreIssue, _ ctx: AppContext) -> String {
        let label = form[CentreFormFields.id(for: issue.field)]?.label ?? ""
        return label + ": " + ctx.strings.describe(issue.problem)
    }

    mutating func render(into buffer: inout ScreenBuffer, area: Rect, _ ctx: AppContext) -> Point? {
        var cursor = renderForm(&form, into: &buffer, area: area, ctx)
        if let dialog {
            dialog.render(into: &buffer, area: area, theme: ctx.theme)
            cursor = nil
        }
        return cursor
    }
}
