import Domain
import Storage
import TerminalUI

/// Adding or editing one centre. Each field is checked when the user leaves it; F2 checks everything,
/// asks about warnings (a second centre for a commune), and saves in one transaction. What was typed is
/// never thrown away by a failed check. A person who may not edit centres reads the form, read-only.
struct CentreFormScreen: FormScreen, Equatable {
    enum Action: Sendable, Equatable, FormAction {
        case formKey(Key)
        case save, saveDespiteWarnings, saveWithNewStatus, cancel, removeVenue, removeVenueConfirmed(Int), addVenue
    }

    typealias Field = CentreFormField

    var form: Form<Field>
    private(set) var fields: FormBindings<Centre, Field>
    /// The centre as stored (edit) or the blank one being added.
    let original: Centre
    let isNew: Bool
    private let otherCentres: [Centre]
    /// The centre the fields were laid out for: the original with as many venues as the form shows, so that
    /// reading the form back has a place for each venue's values.
    private var shape: Centre
    var modal: Modal<Action>?
    var viewport = Rect.standardArea

    init(ctx: AppContext, editing: Centre?) {
        let office = ctx.office ?? OfficeSettings(provinceCode: 0)
        let base = editing ?? Centre(provinceCode: office.provinceCode, communeCode: office.communeCode)
        original = base
        isNew = editing == nil
        // Duplicates and mergers are checked within the office's province.
        otherCentres = ((try? ctx.database.centres(provinceCode: base.provinceCode)) ?? [])
            .filter { $0.id == nil || $0.id != base.id }
        fields = CentreFormFields.bindings(for: base, ctx: ctx, otherCentres: otherCentres)
        shape = base
        form = fields.form(base)
        form.isReadOnly = isNew ? !ctx.can(.editCentres) || RosterScreen.isLimitedToACentre(ctx)
            : !ctx.can(.editCentres, on: editing)
        form.readOnlyNote = ctx.otherOfficeNote(centreID: editing?.id)
    }

    var currentCentreID: Int64? { original.id }

    func title(_ ctx: AppContext) -> String {
        isNew ? ctx.strings[.formAddTitle] : ctx.strings(.formEditTitle, original.code)
    }

    func keymap(_ ctx: AppContext) -> Keymap<Action> {
        let s = ctx.strings
        let close = KeyBinding<Action>.closeForm(.cancel, ctx)
        guard !form.isReadOnly else { return Keymap([close]) }
        return Keymap([
            .saveForm(.save, ctx, help: .helpFormSave),
            .function(5, shortcut: .add, action: .addVenue, label: s[.keyAddVenue], help: s[.helpFormAddVenue]),
            .function(8, action: .removeVenue, label: s[.keyRemoveVenue], help: s[.helpFormRemoveVenue]),
            close,
        ])
    }

    mutating func update(_ action: Action, _ ctx: AppContext) -> [AppCommand] {
        let s = ctx.strings
        switch action {
        case .formKey(let key):
            return handleFormEvent(form.handle(key), ctx)
        case .save:
            return save(ctx, acceptWarnings: false)
        case .saveDespiteWarnings:
            return save(ctx, acceptWarnings: true)
        case .saveWithNewStatus:
            return save(ctx, acceptWarnings: true, statusConfirmed: true)
        case .cancel:
            return [.close]
        case .addVenue:
            guard !form.isReadOnly else { return [] }
            var draft = fields.read(form, into: shape).0
            draft.venues.append(Venue(name: "", kind: .villageCulturalHouse))
            relayout(draft, ctx, venuesFrom: draft, focus: .venueName(draft.venues.count - 1))
        case .removeVenue:
            guard !form.isReadOnly, let index = form.focusedID?.venueIndex else {
                return [.message(StatusMessage(s[.removeVenueHint], kind: .warning))]
            }
            let name = form.text(.venueName(index))
            confirm(s[.removeVenueTitle], s(.removeVenueQuestion, name.isEmpty ? String(index + 1) : name),
                    yes: .removeVenueConfirmed(index), ctx)
        case .removeVenueConfirmed(let index):
            var draft = fields.read(form, into: shape).0
            guard draft.venues.indices.contains(index) else { return [] }
            draft.venues.remove(at: index)
            form.markModified()
            relayout(draft, ctx, venuesFrom: draft, focus: draft.venues.isEmpty ? .addVenue : .venueName(max(0, index - 1)))
            return [.message(StatusMessage(s[.venueRemoved]))]
        }
        return []
    }

    private mutating func handleFormEvent(_ event: FormEvent<Field>, _ ctx: AppContext) -> [AppCommand] {
        switch event {
        case .left(let id):
            showIssues(in: [id], ctx)
            if let message = form.message(id) {
                return [.message(StatusMessage(fieldLabel(id) + ": " + message.text,
                                               kind: message.severity == .error ? .error : .warning))]
            }
        case .changed(.status):
            // "Merged into" appears or goes with the status.
            relayout(fields.read(form, into: shape).0, ctx, venuesFrom: nil, focus: .status)
        case .changed(.commune):
            showIssues(in: [.commune], ctx)
        case .activated(.addVenue):
            return update(.addVenue, ctx)
        default:
            break
        }
        return []
    }

    /// Lays the fields out again for `draft` (its venues or its status changed), keeping what was typed (dates
    /// too, even those that do not read yet) and the messages; the venues' values come from `venuesFrom` when
    /// their numbering changed.
    private mutating func relayout(_ draft: Centre, _ ctx: AppContext, venuesFrom renumbered: Centre?, focus: Field) {
        fields = CentreFormFields.bindings(for: draft, ctx: ctx, otherCentres: otherCentres)
        shape = draft
        var values: [Field: FieldValue] = [:]
        if let renumbered {
            for (id, value) in fields.values(renumbered) where id.venueIndex != nil { values[id] = value }
        }
        form.reshape(fields.specs, values: values, focusOn: focus)
    }

    /// Everything the validator and the date reading say about the form as it stands.
    func issues(_ ctx: AppContext) -> (Centre, [(id: Field, problem: String, severity: Severity)]) {
        let (draft, unreadable) = fields.read(form, into: shape)
        let context = CentreValidationContext(
            today: ctx.clock.today, units: ctx.units,
            office: ctx.office ?? OfficeSettings(provinceCode: draft.provinceCode),
            storedStatus: isNew ? nil : original.status,
            storedCommuneCode: isNew ? nil : original.communeCode, otherCentres: otherCentres)
        let unreadableIDs = Set(unreadable.map(\.id))
        let found = CentreValidator.validate(draft, in: context)
            .filter { !unreadableIDs.contains(Field($0.field)) }
            .map { (id: Field($0.field), problem: ctx.strings.describe($0.problem), severity: $0.severity) }
        return (draft, unreadable.map { ($0.id, $0.problem, Severity.error) } + found)
    }

    /// Puts the messages for `ids` on their fields (clearing those that are now fine).
    private mutating func showIssues(in ids: Set<Field>, _ ctx: AppContext) {
        let all = issues(ctx).1
        for id in ids {
            let issue = all.filter { $0.id == id }.max { $0.severity < $1.severity }
            form.setMessage(issue.map { FieldMessage($0.problem, severity: $0.severity) }, for: id)
        }
    }

    private mutating func save(_ ctx: AppContext, acceptWarnings: Bool, statusConfirmed: Bool = false) -> [AppCommand] {
        let s = ctx.strings
        guard !form.isReadOnly else { return [] }
        let (draft, all) = issues(ctx)
        form.clearMessages()
        for issue in all where form.message(issue.id) == nil || issue.severity == .error {
            form.setMessage(FieldMessage(issue.problem, severity: issue.severity), for: issue.id)
        }
        let errors = all.filter { $0.severity == .error }
        if let first = errors.first {
            form.focus(on: first.id)
            var text = fieldLabel(first.id) + ": " + first.problem
            if errors.count > 1 { text += " " + s(.moreProblems, errors.count - 1) }
            return [.message(StatusMessage(text, kind: .error))]
        }
        if let warning = all.first, !acceptWarnings {
            confirm(s[.warningTitle], fieldLabel(warning.id) + ": " + warning.problem + " " + s[.saveAnyway],
                    yes: .saveDespiteWarnings, ctx)
            return []
        }
        // Suspending, dissolving or merging a centre is a legal act by decision: ask first, naming the centre.
        if !statusConfirmed, draft.status != .active, isNew || draft.status != original.status {
            let name = s.abbreviated(centreName: draft.name)
            confirm(s[.statusChangeTitle], s(.statusChangeQuestion, s.name(draft.status), name,
                                             draft.statusDecision.number), yes: .saveWithNewStatus, ctx)
            return []
        }
        do {
            let saved = try ctx.database.saveCentre(draft, by: ctx.actor, at: ctx.clock.now)
            return [.pop, .changed(.centre(code: saved.code)), .message(StatusMessage(s(.centreSaved, saved.code, saved.name)))]
        } catch {
            return [.message(StatusMessage(s.saveFailure(error), kind: .error))]
        }
    }
}
