import Domain
import Storage
import TerminalUI

/// The trainings one member attended: listed newest first, added with a small form, removed after a question.
struct TrainingScreen: KeyedScreen, Equatable {
    enum Action: Sendable, Equatable {
        case move(Key), add, delete, deleteConfirmed(Training), viewWhole, close
    }

    let centre: Centre
    private(set) var member: BoardMember
    var table = TableState()
    var modal: Modal<Action>?
    var viewport = Rect.standardArea

    init(ctx: AppContext, centre: Centre, member: BoardMember) {
        self.centre = centre
        self.member = member
        table.setRowCount(member.trainings.count)
    }

    var trainings: [Training] { member.trainings.sorted { $0.date > $1.date } }

    var selected: Training? { trainings.indices.contains(table.selected) ? trainings[table.selected] : nil }

    mutating func changed(_ change: Change, _ ctx: AppContext) {
        guard change == .board(centreID: centre.id ?? 0) else { return }
        if let id = member.id, let fresh = try? ctx.database.boardMember(id: id) { member = fresh }
        table.setRowCount(member.trainings.count)
    }

    var currentCentreID: Int64? { centre.id }

    func title(_ ctx: AppContext) -> String { ctx.strings(.trainingTitle, member.fullName) }

    func keymap(_ ctx: AppContext) -> Keymap<Action> {
        let s = ctx.strings
        let edits = ctx.can(.editBoards, on: centre)
        return Keymap([
            edits ? .function(2, also: [.insert], shortcut: .add, action: .add, label: s[.keyAdd], help: s[.helpTrainingAdd]) : nil,
            edits ? .function(8, also: [.delete], action: .delete, label: s[.keyDelete], help: s[.helpTrainingDelete]) : nil,
            .function(10, also: [.escape], action: .close, label: s[.keyClose], help: s[.helpBoardClose]),
            ListKeys.viewWhole(.viewWhole, ctx),
            ListKeys.move(.move(.down), ctx),
        ].compactMap { $0 })
    }

    func action(for key: Key, _ ctx: AppContext) -> Action? { listAction(for: key, ctx, move: Action.move) }

    func tableRect(in area: Rect) -> Rect { Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1) }

    mutating func update(_ action: Action, _ ctx: AppContext) -> [AppCommand] {
        let s = ctx.strings
        switch action {
        case .move(let key): _ = table.handle(key, pageSize: Self.pageSize(of: tableRect(in: viewport)))
        case .add: return [.open(.trainingForm(memberID: member.id ?? 0))]
        case .close: return [.pop]
        case .viewWhole:
            guard let training = selected else { return [] }
            view(.row(title: member.fullName, columns: columns(s), cells: cells(training)))
        case .delete:
            guard ctx.can(.editBoards, on: centre), let training = selected else { return [] }
            confirm(s[.trainingDeleteTitle], s(.trainingDeleteQuestion, training.topic, training.date.vietnamese),
                    yes: .deleteConfirmed(training), ctx)
        case .deleteConfirmed(let removed):
            var updated = member
            updated.trainings.removeAll { $0 == removed }
            do {
                member = try ctx.database.saveBoardMember(updated, by: ctx.actor, at: ctx.clock.now)
            } catch {
                return [.message(StatusMessage(s.saveFailure(error), kind: .error))]
            }
            table.setRowCount(member.trainings.count)
            return [.changed(.board(centreID: centre.id ?? 0)), .message(StatusMessage(s[.trainingDeleted]))]
        }
        return []
    }

    func columns(_ s: Strings) -> [TableColumn] {
        [TableColumn(s[.columnDate], width: 10), TableColumn(s[.fieldTrainingTopic]),
         TableColumn(s[.columnHours], width: 5, alignRight: true), TableColumn(s[.fieldTrainingOrganiser], width: 24)]
    }

    func cells(_ training: Training) -> [String] {
        [training.date.vietnamese, training.topic, String(training.hours), training.organiser]
    }

    mutating func render(into buffer: inout ScreenBuffer, area: Rect, _ ctx: AppContext) -> Point? {
        let s = ctx.strings
        let theme = ctx.theme
        let year = ctx.clock.today.year
        buffer.write(s(.trainingSummary, member.fullName, year, member.trainings(in: year).count), x: area.x + 1,
                     y: area.y, style: theme.labelFocused, maxWidth: area.width - 2)
        let rows = trainings
        let me = self
        table.render(into: &buffer, rect: tableRect(in: area), columns: me.columns(s), sortColumn: nil, ascending: true,
                     theme: theme, cells: { row in me.cells(rows[row]) })
        if rows.isEmpty {
            buffer.write(s.emptyHint(.trainingEmptyHint, .trainingEmptyReadOnly, canAdd: ctx.can(.editBoards)), x: area.x + 2, y: area.y + 3, style: theme.dim, maxWidth: area.width - 4)
        }
        return nil
    }
}

/// Adding one training to the record of a board member, or of a teacher, speaker or volunteer of the register.
struct TrainingFormScreen: FormScreen, Equatable {
    enum Action: Sendable, Equatable, FormAction { case formKey(Key), save, cancel }

    enum Field: Hashable, Sendable { case section, date, topic, hours, organiser }

    /// Whose record the training goes to.
    enum Trainee: Equatable, Sendable {
        case member(BoardMember)
        case staff(StaffMember)

        var fullName: String {
            switch self {
            case .member(let member): return member.fullName
            case .staff(let person): return person.fullName
            }
        }

        var centreID: Int64 {
            switch self {
            case .member(let member): return member.centreID
            case .staff(let person): return person.centreID
            }
        }
    }

    struct Draft {
        var date: LocalDate?
        var topic = ""
        var hours = 4
        var organiser = ""
    }

    let trainee: Trainee
    let fields: FormBindings<Draft, Field>
    var form: Form<Field>
    var modal: Modal<Action>?
    var viewport = Rect.standardArea

    init(ctx: AppContext, trainee: Trainee) {
        self.trainee = trainee
        let s = ctx.strings
        let make = FieldMaker<Draft, Field>(ctx)
        fields = FormBindings([
            make.section(.section, s(.trainingFor, trainee.fullName)),
            make.date(.date, s[.fieldTrainingDate], help: s[.helpFieldDecisionDate], \.date),
            make.text(.topic, s[.fieldTrainingTopic], help: s[.helpFieldTrainingTopic], \.topic),
            make.number(.hours, s[.fieldTrainingHours], help: s[.helpFieldTrainingHours], \.hours, digits: 3),
            make.text(.organiser, s[.fieldTrainingOrganiser], help: s[.helpFieldTrainingOrganiser], \.organiser, max: 120),
        ])
        form = fields.form(Draft(date: ctx.clock.today))
    }

    var currentCentreID: Int64? { trainee.centreID }

    func title(_ ctx: AppContext) -> String { ctx.strings[.trainingAddTitle] }

    func keymap(_ ctx: AppContext) -> Keymap<Action> { Keymap([.saveForm(.save, ctx), .closeForm(.cancel, ctx)]) }

    static func field(for issue: MemberField) -> Field {
        switch issue {
        case .trainingDate: return .date
        case .trainingHours: return .hours
        default: return .topic
        }
    }

    mutating func update(_ action: Action, _ ctx: AppContext) -> [AppCommand] {
        let s = ctx.strings
        switch action {
        case .formKey(let key): _ = form.handle(key)
        case .cancel: return [.close]
        case .save:
            form.clearMessages()
            let (draft, unreadable) = fields.read(form, into: Draft())
            if let first = unreadable.first { return reject(first.id, first.problem) }
            guard let date = draft.date else { return reject(.date, s[.problemRequired]) }
            let training = Training(date: date, topic: draft.topic, hours: draft.hours, organiser: draft.organiser)
            if let issue = MemberValidator.validate(training, today: ctx.clock.today).first {
                return reject(Self.field(for: issue.field), s.describe(issue.problem))
            }
            let change: Change
            do {
                switch trainee {
                case .member(var member):
                    member.trainings.append(training)
                    try ctx.database.saveBoardMember(member, by: ctx.actor, at: ctx.clock.now)
                    change = .board(centreID: member.centreID)
                case .staff(var person):
                    person.trainings.append(training)
                    try ctx.database.saveStaffMember(person, by: ctx.actor, at: ctx.clock.now)
                    change = .evaluation(centreID: person.centreID)
                }
            } catch {
                return [.message(StatusMessage(s.saveFailure(error), kind: .error))]
            }
            return [.pop, .changed(change), .message(StatusMessage(s(.trainingSaved, training.topic)))]
        }
        return []
    }
}
