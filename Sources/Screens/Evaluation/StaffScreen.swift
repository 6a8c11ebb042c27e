import Domain
import Storage
import TerminalUI

/// A centre's register of teachers, speakers and volunteers (outside the board), with their field and how many
/// trainings each attended this year against the rule's two.
struct StaffScreen: KeyedScreen, Equatable {
    enum Action: Sendable, Equatable { case move(Key), add, edit, addTraining, viewWhole, close }

    let centre: Centre
    private(set) var people: [StaffMember] = []
    private var loadError: String?
    var table = TableState()
    var modal: Modal<Action>?
    var viewport = Rect.standardArea

    init(ctx: AppContext, centre: Centre) {
        self.centre = centre
        reload(ctx)
    }

    var selected: StaffMember? { people.indices.contains(table.selected) ? people[table.selected] : nil }

    mutating func reload(_ ctx: AppContext) {
        do {
            // Those still teaching first, each group by name.
            let all = try ctx.database.staffMembers(centreID: centre.id ?? 0)
            people = all.filter(\.active) + all.filter { !$0.active }
            loadError = nil
        } catch {
            people = []
            loadError = ctx.strings.readFailure(error)
        }
        table.setRowCount(people.count)
    }

    mutating func changed(_ change: Change, _ ctx: AppContext) {
        if change == .evaluation(centreID: centre.id ?? 0) || change == .settings { reload(ctx) }
    }

    var currentCentreID: Int64? { centre.id }

    func title(_ ctx: AppContext) -> String { ctx.strings(.staffTitle, ctx.strings.abbreviated(centreName: centre.name)) }

    func keymap(_ ctx: AppContext) -> Keymap<Action> {
        let s = ctx.strings
        let edits = ctx.can(.editBoards, on: centre)
        return Keymap([
            edits ? .function(2, also: [.insert], shortcut: .add, action: .add, label: s[.keyAdd], help: s[.helpStaffAdd]) : nil,
            .function(4, also: [.enter], action: .edit, label: s[edits ? .keyEdit : .keyView], help: s[.helpStaffEdit]),
            edits ? .function(6, action: .addTraining, label: s[.keyTraining], help: s[.helpStaffTraining]) : nil,
            ListKeys.viewWhole(.viewWhole, ctx),
            .function(10, also: [.escape], action: .close, label: s[.keyClose], help: s[.helpBoardClose]),
            ListKeys.move(.move(.down), ctx),
        ].compactMap { $0 })
    }

    func action(for key: Key, _ ctx: AppContext) -> Action? { listAction(for: key, ctx, move: Action.move) }

    func tableRect(in area: Rect) -> Rect { Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1) }

    mutating func update(_ action: Action, _ ctx: AppContext) -> [AppCommand] {
        let s = ctx.strings
        let id = centre.id ?? 0
        switch action {
        case .move(let key): _ = table.handle(key, pageSize: Self.pageSize(of: tableRect(in: viewport)))
        case .close: return [.pop]
        case .add: return ctx.can(.editBoards, on: centre) ? [.open(.staffForm(centreID: id, staffID: nil))] : []
        case .edit:
            guard let person = selected else { return [.message(StatusMessage(s.emptyHint(.staffEmptyHint, .staffEmptyReadOnly, canAdd: ctx.can(.editBoards))))] }
            return [.open(.staffForm(centreID: id, staffID: person.id))]
        case .addTraining:
            guard ctx.can(.editBoards, on: centre), let person = selected, let staffID = person.id else { return [] }
            return [.open(.staffTraining(staffID: staffID))]
        case .viewWhole:
            guard let person = selected else { return [] }
            var rows: [(label: String, value: String)] = zip(columns(s, ctx), cells(person, ctx)).map { ($0.title, $1) }
            rows.append((s[.fieldPhone], person.phone))
            for training in person.trainings.reversed() {
                rows.append((training.date.vietnamese, "\(training.topic) · \(training.hours)h · \(training.organiser)"))
            }
            view(TextViewer.fields(title: person.fullName, rows))
        }
        return []
    }

    func columns(_ s: Strings, _ ctx: AppContext) -> [TableColumn] {
        [TableColumn(s[.columnStaffName], width: 22), TableColumn(s[.columnStaffKind], width: 13),
         TableColumn(s[.fieldStaffField]), TableColumn(s(.columnTrainingsYear, ctx.clock.today.year), width: 8),
         TableColumn(s[.columnStaffActive], width: 8)]
    }

    func cells(_ person: StaffMember, _ ctx: AppContext) -> [String] {
        let s = ctx.strings
        let year = ctx.clock.today.year
        let required = ctx.boardCompliance.parameters.trainingsPerYear
        let count = person.trainings(in: year).count
        // Volunteers are outside the training rule (managers, teachers and speakers: domain brief, rule 6).
        let mark = person.kind == .volunteer ? "" : (count >= required ? " ✓" : " ✗")
        return [person.fullName, s.name(person.kind), [person.field, person.workplace].filter { !$0.isEmpty }
            .joined(separator: " · "), "\(count)/\(required)" + mark, s[person.active ? .yes : .staffLeft]]
    }

    mutating func render(into buffer: inout ScreenBuffer, area: Rect, _ ctx: AppContext) -> Point? {
        let s = ctx.strings
        let theme = ctx.theme
        let required = ctx.boardCompliance.parameters.trainingsPerYear
        let year = ctx.clock.today.year
        let covered = people.filter { $0.active && $0.kind != .volunteer }
        let trained = covered.filter { $0.isTrained(year: year, required: required) }.count
        buffer.write(s(.staffSummary, people.filter(\.active).count, trained, covered.count, required), x: area.x + 1,
                     y: area.y, style: theme.labelFocused, maxWidth: area.width - 2)
        let rows = people
        let me = self
        table.render(into: &buffer, rect: tableRect(in: area), columns: columns(s, ctx), sortColumn: nil,
                     ascending: true, theme: theme, cells: { row in me.cells(rows[row], ctx) },
                     rowStyle: { row in rows[row].active ? nil : theme.dim })
        if rows.isEmpty {
            buffer.write(loadError ?? s.emptyHint(.staffEmptyHint, .staffEmptyReadOnly, canAdd: ctx.can(.editBoards)), x: area.x + 2, y: area.y + 3, style: theme.dim,
                         maxWidth: area.width - 4)
        }
        return nil
    }
}
