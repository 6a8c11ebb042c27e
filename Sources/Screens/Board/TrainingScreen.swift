import Domain
import Storage
import TerminalUI

/// The trainings one member attended: listed newest first, added with a small form, removed after a question.
struct TrainingScreen: KeyedScreen {
    enum Action: Sendable, Equatable {
        case move(Key), add, delete, close, confirmKey(Key)
    }

    let centre: Centre
    private(set) var member: BoardMember
    var table = TableState()
    private(set) var deleteDialog: ConfirmDialog?

    init(ctx: AppContext, centre: Centre, member: BoardMember) {
        self.centre = centre
        self.member = member
        table.setRowCount(member.trainings.count)
    }

    var trainings: [Training] { member.trainings.sorted { $0.date > $1.date } }

    mutating func centresChanged(select: String?, _ ctx: AppContext) {
        if let id = member.id, let fresh = try? ctx.database.boardMember(id: id) { member = fresh }
        table.setRowCount(member.trainings.count)
    }

    func title(_ ctx: AppContext) -> String { ctx.strings(.trainingTitle, member.fullName) }

    func keymap(_ ctx: AppContext) -> Keymap<Action> {
        let s = ctx.strings
        let edits = ctx.can(.editBoards)
        return Keymap([
            edits ? .function(2, ctrl: "n", also: [.insert], action: .add, label: s[.keyAdd], help: s[.helpTrainingAdd]) : nil,
            edits ? .function(8, also: [.delete], action: .delete, label: s[.keyDelete], help: s[.helpTrainingDelete]) : nil,
            .function(10, also: [.escape], action: .close, label: s[.keyClose], help: s[.helpBoardClose]),
            KeyBinding(keys: [.up, .down, .pageUp, .pageDown], action: .move(.down), help: s[.helpTableMove]),
        ].compactMap { $0 })
    }

    func action(for key: Key, _ ctx: AppContext) -> Action? {
        if deleteDialog != nil { return .confirmKey(key) }
        return listAction(for: key, ctx, move: Action.move)
    }

    mutating func update(_ action: Action, _ ctx: AppContext) -> [AppCommand] {
        let s = ctx.strings
        switch action {
        case .move(let key): _ = table.handle(key, pageSize: 10)
        case .add: return [.push(TrainingFormScreen(ctx: ctx, centre: centre, member: member))]
        case .close: return [.pop]
        case .delete:
            guard trainings.indices.contains(table.selected) else { return [] }
            let training = trainings[table.selected]
            deleteDialog = ConfirmDialog(title: s[.trainingDeleteTitle],
                                         message: s(.trainingDeleteQuestion, training.topic, training.date.vietnamese),
                                         yes: s[.yes], no: s[.no])
        case .confirmKey(let key):
            guard var dialog = deleteDialog else { return [] }
            let outcome = dialog.handle(key)
            deleteDialog = outcome == .pending ? dialog : nil
            guard outcome == .confirmed, trainings.indices.contains(table.selected) else { return [] }
            let removed = trainings[table.selected]
            var updated = member
            updated.trainings.removeAll { $0 == removed }
            do {
                member = try ctx.database.saveBoardMember(updated, by: ctx.actor, at: ctx.clock.now)
            } catch {
                return [.message(StatusMessage(s.saveFailure(error), kind: .error))]
            }
            table.setRowCount(member.trainings.count)
            return [.centresChanged(select: centre.code), .message(StatusMessage(s[.trainingDeleted]))]
        }
        return []
    }

    mutating func render(into buffer: inout ScreenBuffer, area: Rect, _ ctx: AppContext) -> Point? {
        let s = ctx.strings
        let theme = ctx.theme
        let year = ctx.clock.today.year
        buffer.write(s(.trainingSummary, member.fullName, year, member.trainings(in: year).count), x: area.x + 1,
                     y: area.y, style: theme.labelFocused, maxWidth: area.width - 2)
        let rows = trainings
        table.render(into: &buffer, rect: Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1),
                     columns: [TableColumn(s[.columnDate], width: 10), TableColumn(s[.fieldTrainingTopic]),
                               TableColumn(s[.columnHours], width: 5, alignRight: true),
                               TableColumn(s[.fieldTrainingOrganiser], width: 24)],
                     sortColumn: nil, ascending: true, theme: theme,
                     cells: { row in [rows[row].date.vietnamese, rows[row].topic, String(rows[row].hours),
                                      rows[row].organiser] })
        if rows.isEmpty {
            buffer.write(s[.trainingEmptyHint], x: area.x + 2, y: area.y + 3, style: theme.dim, maxWidth: area.width - 4)
        }
        if let deleteDialog {
            deleteDialog.render(into: &buffer, area: area, theme: theme)
        }
        return nil
    }
}

/// Adding one training to a member's record.
struct TrainingFormScreen: FormScreen {
    enum Action: Sendable, Equatable, FormAction { case formKey(Key), save, cancel }

    let centre: Centre
    let member: BoardMember
    var form: Form

    init(ctx: AppContext, centre: Centre, member: BoardMember) {
        self.centre = centre
        self.member = member
        let s = ctx.strings
        form = Form(fields: [
            FormField(id: "sec", label: s(.trainingFor, member.fullName), control: .section),
            FormField(id: "date", label: s[.fieldTrainingDate],
                      control: .text(TextField(ctx.clock.today.vietnamese, maxLength: 10)), help: s[.helpFieldDecisionDate]),
            FormField(id: "topic", label: s[.fieldTrainingTopic], control: .text(TextField(maxLength: 200)),
                      help: s[.helpFieldTrainingTopic]),
            FormField(id: "hours", label: s[.fieldTrainingHours],
                      control: .text(TextField("4", maxLength: 3, digitsOnly: true)), help: s[.helpFieldTrainingHours]),
            FormField(id: "organiser", label: s[.fieldTrainingOrganiser], control: .text(TextField(maxLength: 120)),
                      help: s[.helpFieldTrainingOrganiser]),
        ], labelWidth: 24)
    }

    func title(_ ctx: AppContext) -> String { ctx.strings[.trainingAddTitle] }

    func keymap(_ ctx: AppContext) -> Keymap<Action> {
        Keymap([
            .saveForm(.save, ctx),
            .closeForm(.cancel, ctx),
        ])
    }

    mutating func update(_ action: Action, _ ctx: AppContext) -> [AppCommand] {
        let s = ctx.strings
        switch action {
        case .formKey(let key): _ = form.handle(key)
        case .cancel: return [.close]
        case .save:
            form.clearMessages()
            guard let date = LocalDate(typed: form.text("date")) else {
                return fail("date", .dateInvalid, ctx)
            }
            let training = Training(date: date, topic: form.text("topic"), hours: Int(form.text("hours")) ?? 0,
                                    organiser: form.text("organiser"))
            if let issue = MemberValidator.validate(training, today: ctx.clock.today).first {
                return fail(MemberFormFields.id(for: issue.field), issue.problem, ctx)
            }
            var updated = member
            updated.trainings.append(training)
            do {
                try ctx.database.saveBoardMember(updated, by: ctx.actor, at: ctx.clock.now)
            } catch {
                return [.message(StatusMessage(s.saveFailure(error), kind: .error))]
            }
            return [.pop, .centresChanged(select: centre.code), .message(StatusMessage(s(.trainingSaved, training.topic)))]
        }
        return []
    }

    private mutating func fail(_ id: String, _ problem: MemberProblem, _ ctx: AppContext) -> [AppCommand] {
        let text = ctx.strings.describe(problem)
        form.setMessage(text, for: id)
        form.focus(on: id)
        return [.message(StatusMessage((form[id]?.label ?? "") + ": " + text, kind: .error))]
    }
}
