import Domain
import Storage
import TerminalUI

/// A centre's money for a year: the estimate the Hội Khuyến học prepared, the commune's allocation, what was
/// received by source, what the activities' outcomes record as spent, and the Circular 96/2008 minimum where it
/// applies: the yearly one of a mountainous commune's centre, and the one-off equipment money of a centre in the
/// year it was established. Receipts are listed below.
struct FundingScreen: KeyedScreen, Equatable {
    enum Action: Sendable, Equatable {
        case move(Key), addReceipt, editPlan, delete, deleteConfirmed(Int64), askYear, yearEntered(String), viewWhole
        case close
    }

    let centre: Centre
    private(set) var year: Int
    private(set) var funding: FundingYear
    private var loadError: String?
    var table = TableState()
    var modal: Modal<Action>?
    var viewport = Rect.standardArea

    /// The figures, a blank line, then the receipts (at the same place whether or not a minimum applies, unless
    /// both do).
    func headerHeight(_ ctx: AppContext) -> Int { max(7, figures(ctx).count + 1) }

    init(ctx: AppContext, centre: Centre, year: Int) {
        self.centre = centre
        self.year = year
        funding = FundingYear(centreID: centre.id ?? 0, year: year)
        reload(ctx)
    }

    var selected: FundingReceipt? {
        funding.receipts.indices.contains(table.selected) ? funding.receipts[table.selected] : nil
    }

    mutating func reload(_ ctx: AppContext) {
        do {
            funding = try ctx.database.fundingYear(centreID: centre.id ?? 0, year: year)
            loadError = nil
        } catch {
            loadError = ctx.strings.readFailure(error)
        }
        table.setRowCount(funding.receipts.count)
    }

    mutating func changed(_ change: Change, _ ctx: AppContext) {
        switch change {
        case .evaluation(let id) where id == centre.id: reload(ctx)
        case .plan(let id, _) where id == centre.id: reload(ctx)
        default: break
        }
    }

    var currentCentreID: Int64? { centre.id }

    func title(_ ctx: AppContext) -> String {
        ctx.strings(.fundingTitle, year, ctx.strings.abbreviated(centreName: centre.name))
    }

    func keymap(_ ctx: AppContext) -> Keymap<Action> {
        let s = ctx.strings
        let edits = ctx.can(.recordFunding, on: centre)
        return Keymap([
            edits ? .function(2, also: [.insert], shortcut: .add, action: .addReceipt, label: s[.keyAdd],
                              help: s[.helpFundingAddReceipt]) : nil,
            .function(3, action: .askYear, label: s[.keyYear], help: s[.helpEvaluationsYear]),
            edits ? .function(4, action: .editPlan, label: s[.keyEstimate], help: s[.helpFundingPlan]) : nil,
            edits ? .function(8, also: [.delete], action: .delete, label: s[.keyDelete], help: s[.helpFundingDelete]) : nil,
            ListKeys.viewWhole(.viewWhole, ctx),
            .function(10, also: [.escape], action: .close, label: s[.keyClose], help: s[.helpBoardClose]),
            ListKeys.move(.move(.down), ctx),
        ].compactMap { $0 })
    }

    func action(for key: Key, _ ctx: AppContext) -> Action? { listAction(for: key, ctx, move: Action.move) }

    func tableRect(in area: Rect, _ ctx: AppContext) -> Rect {
        let header = headerHeight(ctx)
        return Rect(x: area.x, y: area.y + header, width: area.width, height: area.height - header)
    }

    mutating func update(_ action: Action, _ ctx: AppContext) -> [AppCommand] {
        let s = ctx.strings
        let id = centre.id ?? 0
        switch action {
        case .move(let key): _ = table.handle(key, pageSize: Self.pageSize(of: tableRect(in: viewport, ctx)))
        case .close: return [.pop]
        case .addReceipt: return ctx.can(.recordFunding, on: centre) ? [.open(.receiptForm(centreID: id, year: year))] : []
        case .editPlan: return ctx.can(.recordFunding, on: centre) ? [.open(.fundingPlan(centreID: id, year: year))] : []
        case .viewWhole:
            guard let receipt = selected else { return [] }
            view(.row(title: s.name(receipt.source), columns: columns(s), cells: cells(receipt, s)))
        case .delete:
            guard ctx.can(.recordFunding, on: centre), let receipt = selected, let receiptID = receipt.id else { return [] }
            confirm(s[.fundingDeleteTitle], s(.fundingDeleteQuestion, s.money(receipt.amount), receipt.date.vietnamese),
                    yes: .deleteConfirmed(receiptID), ctx)
        case .deleteConfirmed(let receiptID):
            do {
                try ctx.database.deleteReceipt(id: receiptID, by: ctx.actor, at: ctx.clock.now)
            } catch {
                return [.message(StatusMessage(s.saveFailure(error), kind: .error))]
            }
            reload(ctx)
            return [.changed(.evaluation(centreID: id)), .message(StatusMessage(s[.fundingDeleted]))]
        case .askYear: askYear(String(year), ctx, answer: Reply(Action.yearEntered))
        case .yearEntered(let text):
            guard let typed = readYear(text, ctx, answer: Reply(Action.yearEntered)) else { return [] }
            year = typed
            reload(ctx)
        }
        return []
    }

    func columns(_ s: Strings) -> [TableColumn] {
        [TableColumn(s[.columnDate], width: 10), TableColumn(s[.fieldReceiptSource], width: 19),
         TableColumn(s[.fieldAmount], width: 14, alignRight: true), TableColumn(s[.fieldDonor]),
         TableColumn(s[.fieldNotes], width: 16)]
    }

    func cells(_ receipt: FundingReceipt, _ s: Strings) -> [String] {
        [receipt.date.vietnamese, s.name(receipt.source), s.money(receipt.amount), receipt.donor, receipt.note]
    }

    /// The figures above the receipts, one per line.
    func figures(_ ctx: AppContext) -> [(text: String, warning: Bool)] {
        let s = ctx.strings
        var lines: [(String, Bool)] = [
            (s(.fundingEstimateLine, s.money(funding.estimate), s.money(funding.allocated)), false),
            (s(.fundingPreparedLine, funding.preparedBy.isEmpty ? "—" : funding.preparedBy), false),
            (s(.fundingReceivedLine, s.money(funding.received)), false),
            ("  " + ReceiptSource.allCases.map { s.name($0) + " " + s.money(funding.received(from: $0)) }
                .joined(separator: " · "), false),
            (s(.fundingSpentLine, s.money(funding.spent), s.money(funding.received - funding.spent)), false),
        ]
        if let minimums = EvaluationRules.shipped?.catalog.funding,
           let below = funding.isBelowMinimum(model: centre.model, minimums: minimums) {
            lines.append((s(below ? .fundingBelowMinimum : .fundingMeetsMinimum,
                            s.money(minimums.mountainousYearlyMinimum)), below))
        }
        if let minimums = EvaluationRules.shipped?.catalog.funding,
           let below = funding.isBelowEquipmentMinimum(establishedOn: centre.establishment.date, minimums: minimums) {
            lines.append((s(below ? .fundingBelowEquipmentMinimum : .fundingMeetsEquipmentMinimum,
                            s.money(minimums.newCentreEquipmentMinimum), year), below))
        }
        return lines
    }

    mutating func render(into buffer: inout ScreenBuffer, area: Rect, _ ctx: AppContext) -> Point? {
        let s = ctx.strings
        let theme = ctx.theme
        for (row, line) in figures(ctx).enumerated() {
            buffer.write(line.text, x: area.x + 1, y: area.y + row, style: line.warning ? theme.warning : theme.normal,
                         maxWidth: area.width - 2)
        }
        let receipts = funding.receipts
        let me = self
        table.render(into: &buffer, rect: tableRect(in: area, ctx), columns: columns(s), sortColumn: nil, ascending: true,
                     theme: theme, cells: { row in me.cells(receipts[row], s) })
        if receipts.isEmpty {
            buffer.write(loadError ?? s.emptyHint(.fundingEmptyHint, .fundingEmptyReadOnly, canAdd: ctx.can(.recordFunding)),
                         x: area.x + 2, y: tableRect(in: area, ctx).y + 2,
                         style: theme.dim, maxWidth: area.width - 4)
        }
        return nil
    }
}
