import Domain
import Storage
import TerminalUI

/// A teacher, speaker or volunteer of the register: who, what they teach, where they work. Someone who stopped
/// teaching is marked so (kept for the record), never deleted.
struct StaffFormScreen: FormScreen, Equatable {
    enum Action: Sendable, Equatable, FormAction { case formKey(Key), save, cancel }

    enum Field: Hashable, Sendable { case section, name, kind, field, workplace, phone, active }

    let centre: Centre
    let person: StaffMember
    let fields: FormBindings<StaffMember, Field>
    var form: Form<Field>
    var modal: Modal<Action>?
    var viewport = Rect.standardArea

    init(ctx: AppContext, centre: Centre, person: StaffMember?) {
        self.centre = centre
        self.person = person ?? StaffMember(centreID: centre.id ?? 0, fullName: "", kind: .speaker)
        let s = ctx.strings
        let make = FieldMaker<StaffMember, Field>(ctx)
        fields = FormBindings([
            make.section(.section, s.abbreviated(centreName: centre.name)),
            make.text(.name, s[.columnStaffName], help: s[.helpFieldStaffName], \.fullName, max: 120),
            make.choice(.kind, s[.columnStaffKind], help: s[.helpFieldStaffKind], \.kind, name: s.name),
            make.text(.field, s[.fieldStaffField], help: s[.helpFieldStaffField], \.field, max: 200),
            make.text(.workplace, s[.fieldStaffWorkplace], help: s[.helpFieldStaffWorkplace], \.workplace, max: 200),
            make.text(.phone, s[.fieldPhone], help: s[.helpFieldStaffPhone], \.phone, max: 30),
            make.flag(.active, s[.fieldStaffActive], help: s[.helpFieldStaffActive], \.active),
        ])
        form = fields.form(self.person)
        form.isReadOnly = !ctx.can(.editBoards, on: centre)
        form.readOnlyNote = ctx.otherOfficeNote(centreID: centre.id)
    }

    var currentCentreID: Int64? { centre.id }

    func title(_ ctx: AppContext) -> String { ctx.strings[person.id == nil ? .staffAddTitle : .staffEditTitle] }

    func keymap(_ ctx: AppContext) -> Keymap<Action> {
        Keymap([form.isReadOnly ? nil : .saveForm(.save, ctx), .closeForm(.cancel, ctx)].compactMap { $0 })
    }

    mutating func update(_ action: Action, _ ctx: AppContext) -> [AppCommand] {
        let s = ctx.strings
        switch action {
        case .formKey(let key): _ = form.handle(key)
        case .cancel: return [.close]
        case .save:
            guard !form.isReadOnly else { return [] }
            form.clearMessages()
            let (edited, unreadable) = fields.read(form, into: person)
            if let first = unreadable.first { return reject(first.id, first.problem) }
            guard edited.isValid else { return reject(.name, s[.problemRequired]) }
            let saved: StaffMember
            do {
                saved = try ctx.database.saveStaffMember(edited, by: ctx.actor, at: ctx.clock.now)
            } catch {
                return [.message(StatusMessage(s.saveFailure(error), kind: .error))]
            }
            return [.pop, .changed(.evaluation(centreID: centre.id ?? 0)),
                    .message(StatusMessage(s(.staffSaved, saved.fullName)))]
        }
        return []
    }
}
