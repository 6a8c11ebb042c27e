import Domain
import Storage
import TerminalUI

/// The board (Ban giám đốc) of one centre: current and former members on the left, the checklist of the
/// rules in force on the chosen date on the right, and the details of what is selected underneath.
struct BoardScreen: KeyedScreen {
    enum Pane: Equatable { case members, rules }

    enum Action: Sendable, Equatable {
        case move(Key), switchPane, add, edit, endTerm, trainings, changeDate, close
        case promptKey(Key)
    }

    private(set) var centre: Centre
    private(set) var members: [BoardMember] = []
    private(set) var report: BoardReport
    private(set) var asOf: LocalDate
    private(set) var pane = Pane.members
    var memberTable = TableState()
    var ruleTable = TableState()
    var datePrompt: PromptDialog?
    private var loadError: String?

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
            loadError = nil
        } catch {
            loadError = ctx.strings.readFailure(error)
        }
        report = ctx.boardCompliance.check(centreID: centre.id ?? 0, members: members, asOf: asOf)
        memberTable.setRowCount(members.count)
        ruleTable.setRowCount(report.results.count)
    }

    mutating func centresChanged(select: String?, _ ctx: AppContext) { reload(ctx) }

    var selectedMember: BoardMember? {
        members.indices.contains(memberTable.selected) ? members[memberTable.selected] : nil
    }

    var selectedResult: RuleResult? {
        report.results.indices.contains(ruleTable.selected) ? report.results[ruleTable.selected] : nil
    }

    func title(_ ctx: AppContext) -> String { ctx.strings(.boardTitle, centre.code) }

    func keymap(_ ctx: AppContext) -> Keymap<Action> {
        let s = ctx.strings
        let edits = ctx.can(.editBoards)
        return Keymap([
            edits ? .function(2, ctrl: "n", also: [.insert], action: .add, label: s[.keyAddPerson], help: s[.helpBoardAdd]) : nil,
            .function(4, also: [.enter], action: .edit, label: s[edits ? .keyEdit : .keyView], help: s[.helpBoardEdit]),
            edits ? .function(5, ctrl: "e", action: .endTerm, label: s[.keyEndTerm], help: s[.helpBoardEndTerm]) : nil,
            .function(6, ctrl: "t", action: .trainings, label: s[.keyTrainings], help: s[.helpBoardTrainings]),
            .function(7, ctrl: "d", action: .changeDate, label: s[.keyCheckDate], help: s[.helpBoardDate]),
            .function(10, also: [.escape], action: .close, label: s[.keyClose], help: s[.helpBoardClose]),
            KeyBinding(keys: [.tab, .backTab, .left, .right], action: .switchPane, help: s[.helpBoardSwitch]),
            KeyBinding(keys: [.up, .down, .pageUp, .pageDown], action: .move(.down), help: s[.helpTableMove]),
        ].compactMap { $0 })
    }

    func action(for key: Key, _ ctx: AppContext) -> Action? {
        if datePrompt != nil { return .promptKey(key) }
        return listAction(for: key, ctx, move: Action.move)
    }

    mutating func update(_ action: Action, _ ctx: AppContext) -> [AppCommand] {
        let s = ctx.strings
        switch action {
        case .move(let key):
            if pane == .members { _ = memberTable.handle(key, pageSize: 8) } else { _ = ruleTable.handle(key, pageSize: 8) }
        case .switchPane:
            pane = pane == .members ? .rules : .members
        case .add:
            guard ctx.can(.editBoards) else { return [] }
            return [.push(MemberFormScreen(ctx: ctx, centre: centre, member: nil, purpose: .add))]
        case .edit:
            if pane == .rules { pane = .members; return [] }
            guard let member = selectedMember else { return [.message(StatusMessage(s[.boardEmptyHint]))] }
            return [.push(MemberFormScreen(ctx: ctx, centre: centre, member: member, purpose: .edit))]
        case .endTerm:
            guard ctx.can(.editBoards), pane == .members, let member = selectedMember else { return [] }
            guard member.termEnd == nil else {
                return [.message(StatusMessage(s(.memberAlreadyLeft, member.fullName), kind: .warning))]
            }
            return [.push(MemberFormScreen(ctx: ctx, centre: centre, member: member, purpose: .endTerm))]
        case .trainings:
            guard pane == .members, let member = selectedMember else { return [] }
            return [.push(TrainingScreen(ctx: ctx, centre: centre, member: member))]
        case .changeDate:
            datePrompt = PromptDialog(title: s[.checkDateTitle], label: s[.checkDateLabel], text: asOf.vietnamese,
                                      maxLength: 10)
        case .promptKey(let key):
            return answerDatePrompt(key, ctx)
        case .close:
            return [.pop]
        }
        return []
    }

    private mutating func answerDatePrompt(_ key: Key, _ ctx: AppContext) -> [AppCommand] {
        guard var prompt = datePrompt else { return [] }
        switch prompt.handle(key) {
        case .editing:
            datePrompt = prompt
        case .cancelled:
            datePrompt = nil
        case .submitted(let text):
            guard let date = LocalDate(typed: text) else {
                prompt.message = ctx.strings[.problemDateInvalid]
                datePrompt = prompt
                return []
            }
            datePrompt = nil
            asOf = date
            reload(ctx)
            return [.message(StatusMessage(ctx.strings(.checkDateSet, date.vietnamese)))]
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
