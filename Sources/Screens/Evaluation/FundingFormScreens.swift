import Domain
import Storage
import TerminalUI

/// The year's estimate (prepared by the commune Hội Khuyến học) and the amount the commune allocated.
struct FundingPlanFormScreen: FormScreen, Equatable {
    enum Action: Sendable, Equatable, FormAction { case formKey(Key), save, cancel }

    enum Field: Hashable, Sendable { case section, estimate, preparedBy, allocated, note }

    let centre: Centre
    let funding: FundingYear
    let fields: FormBindings<FundingYear, Field>
    var form: Form<Field>
    var modal: Modal<Action>?
    var viewport = Rect.standardArea

    init(ctx: AppContext, centre: Centre, year: Int) {
        self.centre = centre
        var funding = (try? ctx.database.fundingYear(centreID: centre.id ?? 0, year: year))
            ?? FundingYear(centreID: centre.id ?? 0, year: year)
        if funding.preparedBy.isEmpty { funding.preparedBy = ctx.strings[.fundingDefaultPreparer] }
        self.funding = funding
        let s = ctx.strings
        let make = FieldMaker<FundingYear, Field>(ctx)
        fields = FormBindings([
            make.section(.section, s(.fundingTitle, year, s.abbreviated(centreName: centre.name))),
            make.amount(.estimate, s[.fieldEstimate], help: s[.helpFieldEstimate], \.estimate),
            make.text(.preparedBy, s[.fieldPreparedBy], help: s[.helpFieldPreparedBy], \.preparedBy, max: 120),
            make.amount(.allocated, s[.fieldAllocated], help: s[.helpFieldAllocated], \.allocated),
            make.text(.note, s[.fieldNotes], help: s[.helpFieldFundingNote], \.note, max: 300),
        ])
        form = fields.form(funding)
        form.isReadOnly = !ctx.can(.recordFunding, on: centre)
        form.readOnlyNote = ctx.otherOfficeNote(centreID: centre.id)
    }

    var currentCentreID: Int64? { centre.id }

    func title(_ ctx: AppContext) -> String { ctx.strings[.fundingPlanTitle] }

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
            let (edited, unreadable) = fields.read(form, into: funding)
            if let first = unreadable.first { return reject(first.id, first.problem) }
            do {
                try ctx.database.saveFundingPlan(edited, by: ctx.actor, at: ctx.clock.now)
            } catch {
                return [.message(StatusMessage(s.saveFailure(error), kind: .error))]
            }
            return [.pop, .changed(.evaluation(centreID: centre.id ?? 0)), .message(StatusMessage(s[.fundingPlanSaved]))]
        }
        return []
    }
}

/// Money received: the date, the source (commune budget, programme or project, contribution), the amount, and
/// the programme's or donor's name (required for a contribution).
struct ReceiptFormScreen: FormScreen, Equatable {
    enum Action: Sendable, Equatable, FormAction { case formKey(Key), save, cancel }

    enum Field: Hashable, Sendable { case section, date, source, amount, donor, note }

    struct Draft {
        var date: LocalDate?
        var source = ReceiptSource.communeBudget
        var amount = 0
        var donor = ""
        var note = ""
    }

    let centre: Centre
    let year: Int
    let fields: FormBindings<Draft, Field>
    var form: Form<Field>
    var modal: Modal<Action>?
    var viewport = Rect.standardArea

    init(ctx: AppContext, centre: Centre, year: Int) {
        self.centre = centre
        self.year = year
        let s = ctx.strings
        let make = FieldMaker<Draft, Field>(ctx)
        fields = FormBindings([
            make.section(.section, s(.fundingTitle, year, s.abbreviated(centreName: centre.name))),
            make.date(.date, s[.columnDate], help: s[.helpFieldReceiptDate], \.date),
            make.choice(.source, s[.fieldReceiptSource], help: s[.helpFieldReceiptSource], \.source, name: s.name),
            make.amount(.amount, s[.fieldAmount], help: s[.helpFieldAmount], \.amount),
            make.text(.donor, s[.fieldDonor], help: s[.helpFieldDonor], \.donor, max: 200),
            make.text(.note, s[.fieldNotes], help: s[.helpFieldReceiptNote], \.note, max: 300),
        ])
        let today = ctx.clock.today
        form = fields.form(Draft(date: today.year == year ? today : LocalDate(year: year, month: 12, day: 31)))
    }

    var currentCentreID: Int64? { centre.id }

    func title(_ ctx: AppContext) -> String { ctx.strings[.receiptAddTitle] }

    func keymap(_ ctx: AppContext) -> Keymap<Action> { Keymap([.saveForm(.save, ctx), .closeForm(.cancel, ctx)]) }

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
            guard date.year == year else { return reject(.date, s(.receiptOutsideYear, year)) }
            let receipt = FundingReceipt(centreID: centre.id ?? 0, date: date, source: draft.source, amount: draft.amount,
                                         donor: draft.donor, note: draft.note)
            if let problem = receipt.problems(today: ctx.clock.today).first {
                switch problem {
                case .amountNotPositive: return reject(.amount, s[.receiptAmountRequired])
                case .donorRequired: return reject(.donor, s[.receiptDonorRequired])
                case .dateInFuture: return reject(.date, s[.problemDateInFuture])
                }
            }
            do {
                try ctx.database.addReceipt(receipt, today: ctx.clock.today, by: ctx.actor, at: ctx.clock.now)
            } catch {
                return [.message(StatusMessage(s.saveFailure(error), kind: .error))]
            }
            return [.pop, .changed(.evaluation(centreID: centre.id ?? 0)),
                    .message(StatusMessage(s(.receiptSaved, s.money(receipt.amount))))]
        }
        return []
    }
}
