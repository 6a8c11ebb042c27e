import Domain
import Storage
import TerminalUI

/// Adding, editing or ending the term of one appointment (a board member or an assigned teacher).
/// Ending a term only sets its end date: the person stays on the board's record as a former member.
struct MemberFormScreen: FormScreen, Equatable {
    enum Action: Sendable, Equatable, FormAction {
        case formKey(Key), save, cancel
    }

    enum Purpose: Hashable, Sendable { case add, edit, endTerm }

    enum Field: Hashable, Sendable {
        case sectionPerson, fullName, sex, birthYear, phone, sectionRole, role, homeBody, position, post, employment
        case duties, sectionDecision, decisionNumber, decisionDate, decisionIssuer, termStart, termEnd

        init(_ field: MemberField) {
            switch field {
            case .fullName: self = .fullName
            case .birthYear: self = .birthYear
            case .role: self = .role
            case .decisionNumber: self = .decisionNumber
            case .decisionDate: self = .decisionDate
            case .decisionIssuer: self = .decisionIssuer
            case .termStart: self = .termStart
            case .termEnd: self = .termEnd
            case .duties: self = .duties
            case .phone: self = .phone
            case .trainingDate, .trainingTopic, .trainingHours: self = .fullName
            }
        }
    }

    var form: Form<Field>
    let fields: FormBindings<BoardMember, Field>
    let original: BoardMember
    let centre: Centre
    let purpose: Purpose
    var modal: Modal<Action>?
    var viewport = Rect.standardArea

    init(ctx: AppContext, centre: Centre, member: BoardMember?, purpose: Purpose) {
        var base = member ?? BoardMember(centreID: centre.id ?? 0, termStart: ctx.clock.today)
        if member == nil, let commune = centre.communeCode.flatMap({ ctx.units.unit(code: $0) }) {
            // "UBND xã Nghĩa Lâm": the unit's name with its type word in lower case.
            base.decision.issuer = ctx.strings(.defaultCommuneIssuer, commune.name.prefix(1).lowercased() + commune.name.dropFirst())
        }
        original = base
        self.centre = centre
        self.purpose = purpose
        fields = Self.bindings(ctx)
        form = fields.form(base)
        form.isReadOnly = !ctx.can(.editBoards, on: centre)
        form.readOnlyNote = ctx.otherOfficeNote(centreID: centre.id)
        if purpose == .endTerm && base.termEnd == nil {
            // Ending a term proposes today: a change the person asked for, so closing asks before dropping it.
            form.setText(.termEnd, to: ctx.clock.today.vietnamese)
            form.markModified()
            form.focus(on: .termEnd)
        }
    }

    @MainActor
    static func bindings(_ ctx: AppContext) -> FormBindings<BoardMember, Field> {
        let s = ctx.strings
        let make = FieldMaker<BoardMember, Field>(ctx)
        let birthYear = FieldBinding<BoardMember, Field>(
            spec: FieldSpec(.birthYear, label: s[.fieldBirthYear], help: s[.helpFieldBirthYear],
                            kind: .text(maxLength: 4, digitsOnly: true)),
            read: { .text($0.birthYear.map(String.init) ?? "") },
            write: { member, value in
                guard case .text(let typed) = value else { return nil }
                member.birthYear = Int(typed)
                return typed.isEmpty || typed.count == 4 ? nil : s.describe(MemberProblem.yearInvalid)
            })
        return FormBindings([
            make.section(.sectionPerson, s[.sectionPerson]),
            make.text(.fullName, s[.fieldFullName], help: s[.helpFieldFullName], \.fullName, max: 120),
            make.choice(.sex, s[.fieldSex], help: s[.helpFieldSex], \.sex, name: s.name),
            birthYear,
            make.text(.phone, s[.fieldPhone], help: s[.helpFieldPhone], \.phone, max: 20),
            make.section(.sectionRole, s[.sectionRole]),
            make.choice(.role, s[.fieldRole], help: s[.helpFieldRole], \.role, name: s.name),
            make.choice(.homeBody, s[.fieldHomeBody], help: s[.helpFieldHomeBody], \.homeBody, name: s.name),
            make.choice(.position, s[.fieldPosition], help: s[.helpFieldPosition], \.position, name: s.name),
            make.text(.post, s[.fieldPost], help: s[.helpFieldPost], \.post),
            make.choice(.employment, s[.fieldEmployment], help: s[.helpFieldEmployment], \.employment, name: s.name),
            make.text(.duties, s[.fieldDuties], help: s[.helpFieldDuties], \.duties, max: 500),
            make.section(.sectionDecision, s[.sectionAppointment]),
            make.text(.decisionNumber, s[.fieldDecisionNumber], help: s[.helpFieldAppointmentNumber], \.decision.number,
                      max: 60),
            make.date(.decisionDate, s[.fieldDecisionDate], help: s[.helpFieldDecisionDate], \.decision.date),
            make.text(.decisionIssuer, s[.fieldDecisionIssuer], help: s[.helpFieldAppointmentIssuer], \.decision.issuer),
            make.date(.termStart, s[.fieldTermStart], help: s[.helpFieldTermStart], \.termStart),
            make.date(.termEnd, s[.fieldTermEnd], help: s[.helpFieldTermEnd], \.termEnd),
        ])
    }

    var currentCentreID: Int64? { centre.id }

    func title(_ ctx: AppContext) -> String {
        switch purpose {
        case .add: return ctx.strings(.memberAddTitle, centre.code)
        case .edit: return ctx.strings(.memberEditTitle, original.fullName)
        case .endTerm: return ctx.strings(.memberEndTitle, original.fullName)
        }
    }

    func keymap(_ ctx: AppContext) -> Keymap<Action> {
        let close = KeyBinding<Action>.closeForm(.cancel, ctx)
        guard !form.isReadOnly else { return Keymap([close]) }
        return Keymap([.saveForm(.save, ctx), close])
    }

    mutating func update(_ action: Action, _ ctx: AppContext) -> [AppCommand] {
        switch action {
        case .formKey(let key):
            if case .left(let id) = form.handle(key) {
                let issue = issues(ctx).1.first { $0.id == id }
                form.setMessage(issue.map { FieldMessage($0.problem) }, for: id)
                if let issue { return [.message(StatusMessage(fieldLabel(id) + ": " + issue.problem, kind: .error))] }
            }
        case .save:
            return save(ctx)
        case .cancel:
            return [.close]
        }
        return []
    }

    func issues(_ ctx: AppContext) -> (BoardMember, [(id: Field, problem: String)]) {
        let (draft, unreadable) = fields.read(form, into: original)
        let unreadableIDs = Set(unreadable.map(\.id))
        let found = MemberValidator.validate(draft, today: ctx.clock.today)
            .map { (id: Field($0.field), problem: ctx.strings.describe($0.problem)) }
            .filter { !unreadableIDs.contains($0.id) }
        return (draft, unreadable + found)
    }

    private mutating func save(_ ctx: AppContext) -> [AppCommand] {
        let s = ctx.strings
        guard !form.isReadOnly else { return [] }
        let (draft, all) = issues(ctx)
        form.clearMessages()
        for issue in all { form.setMessage(FieldMessage(issue.problem), for: issue.id) }
        if let first = all.first {
            form.focus(on: first.id)
            var text = fieldLabel(first.id) + ": " + first.problem
            if all.count > 1 { text += " " + s(.moreProblems, all.count - 1) }
            return [.message(StatusMessage(text, kind: .error))]
        }
        do {
            let saved = try ctx.database.saveBoardMember(draft, by: ctx.actor, at: ctx.clock.now)
            let message = purpose == .endTerm ? s(.memberTermEnded, saved.fullName) : s(.memberSaved, saved.fullName)
            return [.pop, .changed(.board(centreID: centre.id ?? 0)), .message(StatusMessage(message))]
        } catch {
            return [.message(StatusMessage(s.saveFailure(error), kind: .error))]
        }
    }
}
