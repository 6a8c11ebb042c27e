import Domain
import Storage
import TerminalUI

/// The board (Ban giám đốc) of one centre: current and former members on the left, the checklist of the
/// rules in force on the chosen date on the right, and the details of what is selected underneath.
struct BoardScreen: KeyedScreen, Equatable {
    enum Pane: Equatable { case members, rules }

    enum Action: Sendable, Equatable {
        case move(Key), switchPane, add, edit, endTerm, trainings, changeDate, dateEntered(String), viewWhole, close
    }

    private(set) var centre: Centre
    private(set) var members: [BoardMember] = []
    /// The centre's register of teachers and speakers: the training rule covers them too.
    private(set) var staff: [StaffMember] = []
    private(set) var report: BoardReport
    private(set) var asOf: LocalDate
    private(set) var pane = Pane.members
    var memberTable = TableState()
    var ruleTable = TableState()
    private var loadError: String?
    var modal: Modal<Action>?
    var viewport = Rect.standardArea

    init(ctx: AppContext, centre: Centre, asOf: LocalDate? = nil) {
        self.centre = centre
        self.asOf = asOf ?? ctx.clock.today
        report = BoardReport(centreID: centre.id ?? 0, asOf: self.asOf, results: [])
        reload(ctx)
    }

    /// Current members first (director, deputies, members, teachers), then those who left, latest first.
    static func ordered(_ members: [BoardMember], asOf: LocalDate) -> [BoardMember] {
        let roleOrder = Dictionary(uniqueKeysWithValues: BoardRole.allCases.enumerated().map { ($1, $0) })
        let current = members.filter { $0.isCurrent(on: asOf) }.sorted {
            (roleOrder[$0.role] ?? 0, VietnameseCollation.personKey($0.fullName))
                < (roleOrder[$1.role] ?? 0, VietnameseCollation.personKey($1.fullName))
        }
        let former = members.filter { !$0.isCurrent(on: asOf) }.sorted {
            ($0.termEnd ?? $0.termStart ?? asOf) > ($1.termEnd ?? $1.termStart ?? asOf)
        }
        return current + former
    }

    mutating func reload(_ ctx: AppContext) {
        do {
            if let id = centre.id, let fresh = try ctx.database.centre(id: id) { centre = fresh }
            members = Self.ordered(try ctx.database.boardMembers(centreID: centre.id ?? 0), asOf: asOf)
            staff = try ctx.database.staffMembers(centreID: centre.id ?? 0)
            loadError = nil
        } catch {
            loadError = ctx.strings.readFailure(error)
        }
        report = ctx.boardCompliance.check(centreID: centre.id ?? 0, members: members, staff: staff, asOf: asOf)
        memberTable.setRowCount(members.count)
        ruleTable.setRowCount(report.results.count)
    }

    mutating func changed(_ change: Change, _ ctx: AppContext) {
        switch change {
        case .board(let id) where id == centre.id: reload(ctx)
        case .evaluation(let id) where id == centre.id: reload(ctx)  // the register of people who teach
        case .centre(let code) where code == centre.code: reload(ctx)
        case .settings: reload(ctx)
        default: break
        }
    }

    var currentCentreID: Int64? { centre.id }

    var selectedMember: BoardMember? {
        members.indices.contains(memberTable.selected) ? members[memberTable.selected] : nil
    }

    var selectedResult: RuleResult? {
        report.results.indices.contains(ruleTable.selected) ? report.results[ruleTable.selected] : nil
    }

    func title(_ ctx: AppContext) -> String { ctx.strings(.boardTitle, centre.code) }

    func keymap(_ ctx: AppContext) -> Keymap<Action> {
        let s = ctx.strings
        let edits = ctx.can(.editBoards, on: centre)
        return Keymap([
            edits ? .function(2, also: [.insert], shortcut: .add, action: .add, label: s[.keyAddPerson], help: s[.helpBoardAdd]) : nil,
            .function(4, also: [.enter], action: .edit, label: s[edits ? .keyEdit : .keyView], help: s[.helpBoardEdit]),
            edits ? .function(5, action: .endTerm, label: s[.keyEndTerm], help: s[.helpBoardEndTerm]) : nil,
            .function(6, action: .trainings, label: s[.keyTrainings], help: s[.helpBoardTrainings]),
            .function(7, action: .changeDate, label: s[.keyCheckDate], help: s[.helpBoardDate]),
            .function(10, also: [.escape], action: .close, label: s[.keyClose], help: s[.helpBoardClose]),
            KeyBinding(keys: [.tab, .backTab, .left, .right], action: .switchPane, help: s[.helpBoardSwitch]),
            ListKeys.viewWhole(.viewWhole, ctx),
            ListKeys.move(.move(.down), ctx),
        ].compactMap { $0 })
    }

    func action(for key: Key, _ ctx: AppContext) -> Action? { listAction(for: key, ctx, move: Action.move) }

    mutating func update(_ action: Action, _ ctx: AppContext) -> [AppCommand] {
        let s = ctx.strings
        let centreID = centre.id ?? 0
        switch action {
        case .move(let key):
            let page = Self.pageSize(of: layout(in: viewport).members)
            if pane == .members { _ = memberTable.handle(key, pageSize: page) } else { _ = ruleTable.handle(key, pageSize: page) }
        case .switchPane:
            pane = pane == .members ? .rules : .members
        case .add:
            guard ctx.can(.editBoards, on: centre) else { return [] }
            return [.open(.memberForm(centreID: centreID, memberID: nil, purpose: .add))]
        case .edit:
            if pane == .rules { pane = .members; return [] }
            guard let member = selectedMember, let id = member.id else { return [.message(StatusMessage(s.emptyHint(.boardEmptyHint, .boardEmptyReadOnly, canAdd: ctx.can(.editBoards))))] }
            return [.open(.memberForm(centreID: centreID, memberID: id, purpose: .edit))]
        case .endTerm:
            guard ctx.can(.editBoards, on: centre), pane == .members, let member = selectedMember, let id = member.id else { return [] }
            guard member.termEnd == nil else {
                return [.message(StatusMessage(s(.memberAlreadyLeft, member.fullName), kind: .warning))]
            }
            return [.open(.memberForm(centreID: centreID, memberID: id, purpose: .endTerm))]
        case .trainings:
            guard pane == .members, let id = selectedMember?.id else { return [] }
            return [.open(.trainings(memberID: id))]
        case .changeDate:
            askCheckDate(asOf.vietnamese, ctx, answer: Reply(Action.dateEntered))
        case .dateEntered(let text):
            guard let date = readCheckDate(text, ctx, answer: Reply(Action.dateEntered)) else { return [] }
            asOf = date
            reload(ctx)
            return [.message(StatusMessage(s(.checkDateSet, date.vietnamese)))]
        case .viewWhole:
            let rows = pane == .members ? memberDetail(ctx) : ruleDetail(ctx)
            guard !rows.isEmpty else { return [] }
            view(TextViewer(title: rows[0].text, paragraphs: rows.dropFirst().map(\.text)))
        case .close:
            return [.pop]
        }
        return []
    }

    func statusHint(_ ctx: AppContext) -> StatusMessage? {
        if let loadError { return StatusMessage(loadError, kind: .error) }
        let s = ctx.strings
        if report.errorCount == 0 && report.warningCount == 0 { return StatusMessage(s[.boardAllPass]) }
        return StatusMessage(s(.boardSummary, report.errorCount, report.warningCount),
                             kind: report.errorCount > 0 ? .error : .warning)
    }
}
