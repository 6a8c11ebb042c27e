import Domain
import Storage
import TerminalUI

/// The centre roster (hồ sơ trung tâm): every centre the office sees, with search, a status filter, sorting
/// by any column, and the details of the selected centre underneath.
struct RosterScreen: KeyedScreen {
    enum Action: Sendable, Equatable {
        case add, edit, history, delete, startSearch, cycleStatusFilter, nextSortColumn, reverseSort
        case board, compliance, menu, settings, quit, accounts, audit, changePassword, signOut, surveys, plans, inbox
        case menuKey(Key)
        case move(Key)
        /// A key typed while the search line is open.
        case searchKey(Key)
        case confirmKey(Key)
    }

    private(set) var entries: [CentreListEntry] = []
    /// `entries` in the listing's order: sorted once per load or sort change, never per keystroke.
    private var sorted: [CentreListEntry] = []
    private(set) var shown: [CentreListEntry] = []
    private(set) var listing = CentreListing()
    var table = TableState()
    private(set) var search = TextField("", maxLength: 60)
    private(set) var isSearching = false
    private(set) var deleteDialog: ConfirmDialog?
    /// Board checklists of the working centres, by centre id, for the board column.
    private(set) var boardReports: [Int64: BoardReport] = [:]
    /// Centres with an approved annual plan for the current year.
    private(set) var approvedPlans: Set<Int64> = []
    var menu: ChoiceList?
    private var pendingDelete: Int64?
    private var loadError: String?

    static let columns: [RosterColumn] = [.code, .name, .commune, .model, .status, .facilities, .updated]

    init(ctx: AppContext) {
        reload(ctx, select: nil)
    }

    var selectedEntry: CentreListEntry? { shown.indices.contains(table.selected) ? shown[table.selected] : nil }

    /// Reads the centres again from the data file, keeping the selection on `select` (a code) if given.
    mutating func reload(_ ctx: AppContext, select code: String?) {
        let keep = code ?? selectedEntry?.centre.code
        do {
            let centres = try ctx.database.centres(provinceCode: ctx.office?.provinceCode)
            entries = centres.filter { centre in ctx.office?.covers(centre, units: ctx.units) ?? true }
                .map { CentreListEntry(centre: $0, units: ctx.units) }
            let boards = try ctx.database.boardMembers(provinceCode: ctx.office?.provinceCode)
            let engine = ctx.boardCompliance
            let today = ctx.clock.today
            approvedPlans = try ctx.database.centresWithApprovedAnnualPlan(year: today.year)
            boardReports = [:]
            for entry in entries where entry.centre.status == .active || entry.centre.status == .suspended {
                boardReports[entry.id] = engine.check(centreID: entry.id, members: boards[entry.id] ?? [], asOf: today)
            }
            loadError = nil
        } catch {
            entries = []
            loadError = ctx.strings.readFailure(error)
        }
        applyListing(keep: keep)
    }

    private mutating func applyListing(keep code: String?) {
        sorted = listing.sort(entries)
        shown = listing.filter(sorted)
        table.setRowCount(shown.count)
        if let code, let index = shown.firstIndex(where: { $0.centre.code == code }) { table.select(index) }
    }

    mutating func centresChanged(select: String?, _ ctx: AppContext) { reload(ctx, select: select) }

    func title(_ ctx: AppContext) -> String { ctx.strings[.rosterTitle] }

    func keymap(_ ctx: AppContext) -> Keymap<Action> {
        let s = ctx.strings
        let edits = ctx.can(.editCentres)
        return Keymap([
            edits ? .function(2, ctrl: "n", also: [.insert], action: .add, label: s[.keyAdd], help: s[.helpRosterAdd]) : nil,
            .function(3, ctrl: "f", also: [.char("/")], action: .startSearch, label: s[.keySearch],
                      help: s[.helpRosterSearch]),
            .function(4, also: [.enter], action: .edit, label: s[.keyEdit], help: s[.helpRosterEdit]),
            .function(5, ctrl: "l", action: .cycleStatusFilter, label: s[.keyFilter], help: s[.helpRosterFilter]),
            .function(6, ctrl: "o", action: .nextSortColumn, label: s[.keySort], help: s[.helpRosterSort]),
            KeyBinding(keys: [.ctrl("r")], action: .reverseSort, help: s[.helpRosterReverse]),
            .function(7, ctrl: "b", action: .board, label: s[.keyBoard], help: s[.helpRosterBoard]),
            edits ? .function(8, also: [.delete], action: .delete, label: s[.keyDelete], help: s[.helpRosterDelete]) : nil,
            .function(9, action: .menu, label: s[.keyMenu], help: s[.helpRosterMenu]),
            KeyBinding(keys: [.ctrl("k")], action: .compliance, help: s[.helpRosterCompliance]),
            KeyBinding(keys: [.ctrl("e")], action: .surveys, help: s[.helpRosterSurveys]),
            KeyBinding(keys: [.ctrl("p")], action: .plans, help: s[.helpRosterPlans]),
            KeyBinding(keys: [.ctrl("w")], action: .inbox, help: s[.helpRosterInbox]),
            KeyBinding(keys: [.ctrl("y")], action: .history, help: s[.helpRosterHistory]),
            KeyBinding(keys: [.ctrl("t")], action: .settings, help: s[.helpRosterSettings]),
            .function(10, ctrl: "q", action: .quit, label: s[.keyQuit], help: s[.helpRosterQuit]),
            KeyBinding(keys: [.up, .down, .pageUp, .pageDown, .home, .end], action: .move(.down),
                       help: s[.helpTableMove]),
        ].compactMap { $0 })
    }

    func action(for key: Key, _ ctx: AppContext) -> Action? {
        if deleteDialog != nil { return .confirmKey(key) }
        if menu != nil { return .menuKey(key) }
        if isSearching { return .searchKey(key) }
        return listAction(for: key, ctx, move: Action.move)
    }

    mutating func update(_ action: Action, _ ctx: AppContext) -> [AppCommand] {
        let s = ctx.strings
        switch action {
        case .move(let key):
            _ = table.handle(key, pageSize: 10)
        case .add:
            guard ctx.can(.editCentres) else { return [] }
            return [.push(CentreFormScreen(ctx: ctx, editing: nil))]
        case .edit:
            guard let entry = selectedEntry else { return [.message(StatusMessage(s[.rosterEmptyHint]))] }
            return [.push(CentreFormScreen(ctx: ctx, editing: entry.centre))]
        case .history:
            guard let entry = selectedEntry else { return [] }
            return [.push(StatusHistoryScreen(ctx: ctx, centre: entry.centre))]
        case .delete:
            return askDelete(ctx)
        case .confirmKey(let key):
            return answerDelete(key, ctx)
        case .startSearch:
            isSearching = true
        case .searchKey(let key):
            switch key {
            case .enter, .tab, .down:
                isSearching = false
            case .escape:
                isSearching = false
                search.setText("")
                listing.query = ""
                applyListing(keep: selectedEntry?.centre.code)
            default:
                if search.handle(key) {
                    let before = listing
                    listing.query = search.text
                    // Typing more letters can only narrow what is shown: filter that, not everything.
                    shown = listing.filter(listing.narrows(before) ? shown : sorted)
                    table.setRowCount(shown.count)
                    table.select(0)
                }
            }
        case .cycleStatusFilter:
            let all: [CentreStatus?] = [nil] + CentreStatus.allCases.map { $0 }
            let index = all.firstIndex(of: listing.status) ?? 0
            listing.status = all[(index + 1) % all.count]
            let keep = selectedEntry?.centre.code
            shown = listing.filter(sorted)
            table.setRowCount(shown.count)
            if let keep, let row = shown.firstIndex(where: { $0.centre.code == keep }) { table.select(row) }
        case .nextSortColumn:
            let index = Self.columns.firstIndex(of: listing.sortColumn) ?? 0
            listing.sortColumn = Self.columns[(index + 1) % Self.columns.count]
            listing.ascending = true
            applyListing(keep: selectedEntry?.centre.code)
        case .reverseSort:
            listing.ascending.toggle()
            applyListing(keep: selectedEntry?.centre.code)
        case .settings:
            return [.push(OfficeSettingsScreen(ctx: ctx, firstRun: false))]
        case .board:
            guard let entry = selectedEntry else { return [.message(StatusMessage(s[.rosterEmptyHint]))] }
            return [.push(BoardScreen(ctx: ctx, centre: entry.centre))]
        case .compliance:
            return [.push(ComplianceScreen(ctx: ctx))]
        case .surveys:
            guard let entry = selectedEntry else { return [.message(StatusMessage(s[.rosterEmptyHint]))] }
            return [.push(CampaignsScreen(ctx: ctx, centre: entry.centre))]
        case .plans:
            guard let entry = selectedEntry else { return [.message(StatusMessage(s[.rosterEmptyHint]))] }
            return [.push(PlansScreen(ctx: ctx, centre: entry.centre))]
        case .inbox:
            return [.push(ApprovalInboxScreen(ctx: ctx))]
        case .menu:
            menu = ChoiceList(items: Self.menuItems(ctx).map { action, key in ChoiceItem(id: "\(action)", label: s[key]) })
        case .menuKey(let key):
            guard var list = menu else { return [] }
            switch list.handle(key) {
            case .picked(let item):
                menu = nil
                guard let chosen = Self.menuItems(ctx).first(where: { "\($0.0)" == item.id })?.0 else { return [] }
                return update(chosen, ctx)
            case .cancelled: menu = nil
            default: menu = list
            }
        case .accounts:
            return [.push(AccountsScreen(ctx: ctx))]
        case .audit:
            return [.push(AuditScreen(ctx: ctx))]
        case .changePassword:
            return [.push(ChangePasswordScreen(ctx: ctx))]
        case .signOut:
            return [.signOut]
        case .quit:
            return [.quit]
        }
        return []
    }

    /// The F9 menu: every place the roster leads to that this person may use, with its shortcut in the label.
    static func menuItems(_ ctx: AppContext) -> [(Action, StringKey)] {
        var items: [(Action, StringKey)] = [(.board, .menuBoard), (.surveys, .menuSurveys), (.plans, .menuPlans)]
        if ctx.can(.approvePlans) { items.append((.inbox, .menuInbox)) }
        items += [(.compliance, .menuCompliance), (.history, .menuHistory)]
        if ctx.can(.editCentres) { items.append((.add, .menuAdd)) }
        items.append((.settings, .menuSettings))
        if ctx.can(.manageAccounts) { items.append((.accounts, .menuAccounts)) }
        if ctx.can(.viewAudit) { items.append((.audit, .menuAudit)) }
        items += [(.changePassword, .menuChangePassword), (.signOut, .menuSignOut), (.quit, .menuQuit)]
        return items
    }

    private mutating func askDelete(_ ctx: AppContext) -> [AppCommand] {
        let s = ctx.strings
        guard ctx.can(.editCentres) else { return [] }
        guard let centre = selectedEntry?.centre, let id = centre.id else { return [] }
        do {
            let records = try ctx.database.records(centreID: id)
            guard records.allowsDeletion else {
                return [.message(StatusMessage(s(.rosterCannotDelete, centre.name), kind: .error))]
            }
        } catch {
            return [.message(StatusMessage(s.readFailure(error), kind: .error))]
        }
        pendingDelete = id
        deleteDialog = ConfirmDialog(title: s[.deleteCentreTitle], message: s(.deleteCentreQuestion, centre.name),
                                     yes: s[.yes], no: s[.no])
        return []
    }

    private mutating func answerDelete(_ key: Key, _ ctx: AppContext) -> [AppCommand] {
        guard var dialog = deleteDialog else { return [] }
        let outcome = dialog.handle(key)
        deleteDialog = dialog
        guard outcome != .pending else { return [] }
        deleteDialog = nil
        defer { pendingDelete = nil }
        guard outcome == .confirmed, let id = pendingDelete else {
            return [.message(StatusMessage(ctx.strings[.deleteCancelled]))]
        }
        let name = selectedEntry?.centre.name ?? ""
        do {
            try ctx.database.deleteCentre(id: id, by: ctx.actor, at: ctx.clock.now)
        } catch CentreStoreError.hasRecords {
            return [.message(StatusMessage(ctx.strings(.rosterCannotDelete, name), kind: .error))]
        } catch {
            return [.message(StatusMessage(ctx.strings.saveFailure(error), kind: .error))]
        }
        reload(ctx, select: nil)
        return [.message(StatusMessage(ctx.strings(.centreDeleted, name)))]
    }

    func statusHint(_ ctx: AppContext) -> StatusMessage? {
        if let loadError { return StatusMessage(loadError, kind: .error) }
        if isSearching { return StatusMessage(ctx.strings[.searchHint]) }
        guard let entry = selectedEntry else { return nil }
        if entry.communeIsUnknown {
            return StatusMessage(ctx.strings(.communeNotInList, entry.centre.communeCode.map(String.init) ?? "—"),
                                 kind: .warning)
        }
        return nil
    }
}
