import Domain
import Storage
import TerminalUI

/// The centre roster (hồ sơ trung tâm): every centre the office sees, with search, a status filter, sorting
/// by any column, and the details of the selected centre underneath.
struct RosterScreen: PrintingScreen, Equatable {
    enum Action: Sendable, Equatable {
        case add, edit, history, delete, deleteConfirmed(centreID: Int64, name: String), startSearch
        case cycleStatusFilter, nextSortColumn, reverseSort, board, menu, quit, viewWhole
        case move(Key), printing(PrintStep)
        /// A key typed while the search line is open (the line is part of the screen, not a pop-up).
        case searchKey(Key)
    }

    private(set) var entries: [CentreListEntry] = []
    /// `entries` in the listing's order: sorted once per load or sort change, never per keystroke.
    private var sorted: [CentreListEntry] = []
    private(set) var shown: [CentreListEntry] = []
    private(set) var listing = CentreListing()
    var table = TableState()
    private(set) var search = TextField("", maxLength: 60)
    private(set) var isSearching = false
    /// Board checklists of working centres, by centre id, for the board column: checked when a row is first
    /// drawn (a screenful, not the whole country, at the start) and kept until the data changes (``reload``).
    private(set) var boardReports: [Int64: BoardReport] = [:]
    /// Centres with an approved annual plan for the current year.
    private(set) var approvedPlans: Set<Int64> = []
    /// At a provincial office holding received centres: their offices' last bundles (the model column gives way).
    private(set) var bundles: RosterBundles?
    private var loadError: String?
    var modal: Modal<Action>?
    var viewport = Rect.standardArea

    static let columns: [RosterColumn] = [.code, .name, .commune, .model, .status, .facilities, .updated]

    init(ctx: AppContext) {
        reload(ctx, select: nil)
        // A person limited to a centre or a commune starts on their own centre (the first of their commune), so the
        // plans, board and surveys opened from here are ones they may work on.
        if !ctx.actor.scope.isOffice,
           let own = shown.firstIndex(where: { ctx.actor.covers(centreID: $0.centre.id, communeCode: $0.centre.communeCode) }) {
            table.select(own)
        }
    }

    /// A person limited to one centre adds none (a commune's clerk adds centres of their commune).
    static func isLimitedToACentre(_ ctx: AppContext) -> Bool {
        if case .centre = ctx.actor.scope { return true }
        return false
    }

    var selectedEntry: CentreListEntry? { shown.indices.contains(table.selected) ? shown[table.selected] : nil }

    /// Reads the centres again from the data file, keeping the selection on `select` (a code) if given.
    mutating func reload(_ ctx: AppContext, select code: String?) {
        let keep = code ?? selectedEntry?.centre.code
        do {
            let centres = try ctx.database.centres(provinceCode: ctx.office?.provinceCode)
            let ranks = try ctx.database.confirmedRanks()
            entries = centres.filter { centre in ctx.office?.covers(centre, units: ctx.units) ?? true }
                .map { CentreListEntry(centre: $0, units: ctx.units, ranks: ranks[$0.id ?? 0] ?? [:]) }
            approvedPlans = try ctx.database.centresWithApprovedAnnualPlan(year: ctx.clock.today.year)
            bundles = try RosterBundles.load(ctx)
            boardReports = [:]
            loadError = nil
        } catch {
            entries = []
            loadError = ctx.strings.readFailure(error)
        }
        applyListing(keep: keep)
    }

    /// Checks the boards of the working centres among `rows` not checked yet (the rows about to be drawn).
    mutating func checkBoards(of rows: ArraySlice<CentreListEntry>, _ ctx: AppContext) {
        let missing = rows.filter { entry in
            (entry.centre.status == .active || entry.centre.status == .suspended) && boardReports[entry.id] == nil
        }.map(\.id)
        guard !missing.isEmpty, let boards = try? ctx.database.boardMembers(centreIDs: missing) else { return }
        let engine = ctx.boardCompliance
        let today = ctx.clock.today
        for id in missing {
            let staff = (try? ctx.database.staffMembers(centreID: id)) ?? []
            boardReports[id] = engine.check(centreID: id, members: boards[id] ?? [], staff: staff, asOf: today)
        }
    }

    private mutating func applyListing(keep code: String?) {
        sorted = listing.sort(entries)
        shown = listing.filter(sorted)
        table.setRowCount(shown.count)
        if let code, let index = shown.firstIndex(where: { $0.centre.code == code }) { table.select(index) }
    }

    mutating func changed(_ change: Change, _ ctx: AppContext) {
        switch change {
        case .centre(let code): reload(ctx, select: code)
        case .board, .plan, .settings, .evaluation: reload(ctx, select: nil)
        case .survey, .accounts: break
        }
    }

    var currentCentreID: Int64? { selectedEntry?.centre.id }

    func title(_ ctx: AppContext) -> String { ctx.strings[.rosterTitle] }

    nonisolated static func printing(_ step: PrintStep) -> Action { .printing(step) }

    /// Every F-key is taken here: "In / Xuất" is Ctrl-A (F1 lists it).
    func printJobs(_ ctx: AppContext) -> [PrintJob] {
        let year = ctx.clock.today.year
        var jobs: [PrintJob] = [.roster, .board(asOf: ctx.clock.today), .plans(centreID: nil, year: year), .summary(year: year)]
        if let id = selectedEntry?.centre.id { jobs.append(.yearReport(centreID: id, year: year)) }
        return jobs
    }

    func keymap(_ ctx: AppContext) -> Keymap<Action> {
        let s = ctx.strings
        let edits = ctx.can(.editCentres, on: selectedEntry?.centre)
        let adds = ctx.can(.editCentres) && !Self.isLimitedToACentre(ctx)
        return Keymap([
            adds ? .function(2, also: [.insert], shortcut: .add, action: .add, label: s[.keyAdd], help: s[.helpRosterAdd]) : nil,
            .function(3, also: [.char("/")], shortcut: .find, action: .startSearch, label: s[.keySearch],
                      help: s[.helpRosterSearch]),
            .function(4, also: [.enter], action: .edit, label: s[edits ? .keyEdit : .keyView], help: s[.helpRosterEdit]),
            .function(5, shortcut: .filter, action: .cycleStatusFilter, label: s[.keyFilter], help: s[.helpRosterFilter]),
            .function(6, action: .nextSortColumn, label: s[.keySort], help: s[.helpRosterSort]),
            .ctrl(.reverseSort, action: .reverseSort, help: s[.helpRosterReverse]),
            .function(7, action: .board, label: s[.keyBoard], help: s[.helpRosterBoard]),
            edits ? .function(8, also: [.delete], action: .delete, label: s[.keyDelete], help: s[.helpRosterDelete]) : nil,
            .function(9, action: .menu, label: s[.keyMenu], help: s[.helpRosterMenu]),
            .ctrl(.history, action: .history, help: s[.helpRosterHistory]),
            printBinding(ctx, function: nil),
            ListKeys.viewWhole(.viewWhole, ctx),
            .function(10, action: .quit, label: s[.keyQuit], help: s[.helpRosterQuit]),
            ListKeys.move(.move(.down), ctx),
        ].compactMap { $0 })
    }

    func action(for key: Key, _ ctx: AppContext) -> Action? {
        if isSearching { return .searchKey(key) }
        return listAction(for: key, ctx, move: Action.move)
    }

    func tableRect(in area: Rect) -> Rect {
        Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1 - detailRows - 1)
    }

    mutating func update(_ action: Action, _ ctx: AppContext) -> [AppCommand] {
        let s = ctx.strings
        switch action {
        case .move(let key):
            _ = table.handle(key, pageSize: Self.pageSize(of: tableRect(in: viewport)))
        case .printing(let step): return printStep(step, ctx)
        case .add:
            guard ctx.can(.editCentres), !Self.isLimitedToACentre(ctx) else { return [] }
            return [.open(.centreForm(centreID: nil))]
        case .edit, .history, .board:
            guard let id = selectedEntry?.centre.id else { return [.message(StatusMessage(s.emptyHint(.rosterEmptyHint, .rosterEmptyReadOnly, canAdd: ctx.can(.editCentres))))] }
            switch action {
            case .edit: return [.open(.centreForm(centreID: id))]
            case .history: return [.open(.statusHistory(centreID: id))]
            default: return [.open(.board(centreID: id, asOf: nil))]
            }
        case .viewWhole:
            guard let entry = selectedEntry else { return [] }
            view(TextViewer.fields(title: entry.centre.name, details(entry, ctx)))
        case .delete:
            return askDelete(ctx)
        case .deleteConfirmed(let id, let name):
            do {
                try ctx.database.deleteCentre(id: id, by: ctx.actor, at: ctx.clock.now)
            } catch CentreStoreError.hasRecords {
                return [.message(StatusMessage(s(.rosterCannotDelete, name), kind: .error))]
            } catch {
                return [.message(StatusMessage(s.saveFailure(error), kind: .error))]
            }
            reload(ctx, select: nil)
            return [.message(StatusMessage(s(.centreDeleted, name)))]
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
            // All, then each status, then each last rank.
            let all: [(CentreStatus?, Rank?)] = [(nil, nil)] + CentreStatus.allCases.map { ($0, nil) }
                + Rank.allCases.map { (nil, $0) }
            let index = all.firstIndex { $0.0 == listing.status && $0.1 == listing.rank } ?? 0
            (listing.status, listing.rank) = all[(index + 1) % all.count]
            let keep = selectedEntry?.centre.code
            shown = listing.filter(sorted)
            table.setRowCount(shown.count)
            if let keep, let row = shown.firstIndex(where: { $0.centre.code == keep }) { table.select(row) }
        case .nextSortColumn:
            // The model column is not shown where the bundle column takes its place.
            let columns = bundles == nil ? Self.columns : Self.columns.filter { $0 != .model }
            let index = columns.firstIndex(of: listing.sortColumn) ?? 0
            listing.sortColumn = columns[(index + 1) % columns.count]
            listing.ascending = true
            applyListing(keep: selectedEntry?.centre.code)
        case .reverseSort:
            listing.ascending.toggle()
            applyListing(keep: selectedEntry?.centre.code)
        case .menu:
            return [.showMenu]
        case .quit:
            return [.quit]
        }
        return []
    }

    private mutating func askDelete(_ ctx: AppContext) -> [AppCommand] {
        let s = ctx.strings
        guard let centre = selectedEntry?.centre, let id = centre.id, ctx.can(.editCentres) else { return [] }
        // Another office's centre: say whose it is, rather than advise a dissolution that cannot be saved here.
        if let note = ctx.otherOfficeNote(centreID: id) { return [.message(StatusMessage(note, kind: .warning))] }
        guard ctx.can(.editCentres, on: centre) else { return [] }
        do {
            let records = try ctx.database.records(centreID: id)
            guard records.allowsDeletion else {
                return [.message(StatusMessage(s(.rosterCannotDelete, centre.name), kind: .error))]
            }
        } catch {
            return [.message(StatusMessage(s.readFailure(error), kind: .error))]
        }
        confirm(s[.deleteCentreTitle], s(.deleteCentreQuestion, centre.name),
                yes: .deleteConfirmed(centreID: id, name: centre.name), ctx)
        return []
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
