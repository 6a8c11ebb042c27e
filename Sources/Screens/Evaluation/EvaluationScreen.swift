import Domain
import Storage
import TerminalUI

/// A centre's evaluation of one year: the criteria with the evidence the data gives, the director's scores and
/// the education officer's. The director scores and submits; the officer assesses each item, returns the
/// assessment or confirms the rank. "In / Xuất" (F5) writes the sheet as a Word document.
struct EvaluationScreen: PrintingScreen, Equatable {
    enum Action: Sendable, Equatable {
        case move(Key), edit, save, submit, submitConfirmed, returnAsked, returnReason(String), agreeAll
        case confirmRank, confirmConfirmed, history, viewWhole, close, printing(PrintStep)
    }

    nonisolated static func printing(_ step: PrintStep) -> Action { .printing(step) }

    func printJobs(_ ctx: AppContext) -> [PrintJob] { [.evaluation(centreID: centre.id ?? 0, year: year)] }

    let centre: Centre
    let year: Int
    private(set) var criteria: CriteriaSet?
    /// The stored evaluation, or one started from the evidence (saved by the director's first save).
    private(set) var evaluation: Evaluation?
    private(set) var isStored = false
    private(set) var needsReview = false
    private(set) var schedule: ThresholdSchedule?
    private(set) var loadError: String?
    /// The sides this office writes (see `EvaluationExchange`): a received centre's self-assessment and, at a
    /// commune office, the province's assessment are shown, never edited.
    private(set) var sides = EvaluationSides(selfSide: true, officerSide: true)
    var table = TableState()
    var modal: Modal<Action>?
    var viewport = Rect.standardArea

    static let detailHeight = 5

    init(ctx: AppContext, centre: Centre, year: Int) {
        self.centre = centre
        self.year = year
        reload(ctx)
    }

    var items: [CriterionItem] { criteria?.items ?? [] }
    var selectedItem: CriterionItem? { items.indices.contains(table.selected) ? items[table.selected] : nil }

    /// The status as stored; nil while not started.
    var status: EvaluationStatus? { isStored ? evaluation?.status : nil }
    func mayScore(_ ctx: AppContext) -> Bool {
        ctx.can(.selfAssess, on: centre) && sides.selfSide && (status == nil || status == .selfAssessing)
    }
    func mayAssess(_ ctx: AppContext) -> Bool { ctx.can(.evaluate, on: centre) && sides.officerSide && status == .submitted }


    mutating func reload(_ ctx: AppContext) {
        do {
            guard let rules = EvaluationRules.shipped else { throw EvaluationRules.Missing() }
            let province = ctx.office?.provinceCode
            let stored = try ctx.database.evaluation(centreID: centre.id ?? 0, year: year)
            sides = try ctx.database.evaluationSides(centreID: centre.id ?? 0)
            criteria = stored.flatMap { rules.set(of: $0, province: province) } ?? rules.set(year: year, province: province)
            schedule = try rules.schedule(ctx.database)
            isStored = stored != nil
            if let criteria, stored == nil || stored?.status == .selfAssessing {
                // While the director may still change it, the evidence is read afresh (saved with the next save).
                let facts = try rules.facts(ctx.database, centreID: centre.id ?? 0, year: year,
                                            compliance: ctx.boardCompliance, today: ctx.clock.today)
                if var found = stored {
                    found.refresh(from: facts, set: criteria)
                    evaluation = found
                } else {
                    evaluation = Evaluation.start(centreID: centre.id ?? 0, year: year, set: criteria, facts: facts)
                }
            } else {
                evaluation = stored
            }
            needsReview = RankReview.flaggedYear(try ctx.database.confirmedRanks()[centre.id ?? 0] ?? [:]) != nil
            loadError = criteria == nil ? ctx.strings[.evaluationNoCriteria] : nil
        } catch {
            loadError = ctx.strings.readFailure(error)
        }
        table.setRowCount(items.count)
    }

    mutating func changed(_ change: Change, _ ctx: AppContext) {
        switch change {
        case .evaluation(let id) where id == centre.id: reload(ctx)
        case .board(let id) where id == centre.id: reload(ctx)
        case .plan(let id, _) where id == centre.id: reload(ctx)
        case .survey(let id, _) where id == centre.id: reload(ctx)
        case .centre(let code) where code == centre.code: reload(ctx)
        case .settings: reload(ctx)
        default: break
        }
    }

    var currentCentreID: Int64? { centre.id }

    func title(_ ctx: AppContext) -> String {
        ctx.strings(.evaluationTitle, year, ctx.strings.abbreviated(centreName: centre.name))
    }

    func keymap(_ ctx: AppContext) -> Keymap<Action> {
        let s = ctx.strings
        let scores = mayScore(ctx), assesses = mayAssess(ctx)
        return Keymap([
            scores ? .function(2, shortcut: .save, action: .save, label: s[.keySave], help: s[.helpEvaluationSave]) : nil,
            .function(4, also: [.enter], action: .edit, label: s[scores ? .keyScore : assesses ? .keyAssess : .keyView],
                      help: s[assesses ? .helpEvaluationAssess : .helpEvaluationScore]),
            assesses ? .function(6, action: .agreeAll, label: s[.keyAgreeAll], help: s[.helpEvaluationAgreeAll]) : nil,
            scores ? .function(7, action: .submit, label: s[.keySubmit], help: s[.helpEvaluationSubmit]) : nil,
            assesses ? .function(7, action: .returnAsked, label: s[.keyReturn], help: s[.helpEvaluationReturn]) : nil,
            assesses ? .function(8, action: .confirmRank, label: s[.keyConfirmRank], help: s[.helpEvaluationConfirm]) : nil,
            printBinding(ctx, function: 5),
            .ctrl(.history, action: .history, help: s[.helpEvaluationHistory]),
            ListKeys.viewWhole(.viewWhole, ctx),
            .function(10, also: [.escape], action: .close, label: s[.keyClose], help: s[.helpBoardClose]),
            ListKeys.move(.move(.down), ctx),
        ].compactMap { $0 })
    }

    func action(for key: Key, _ ctx: AppContext) -> Action? { listAction(for: key, ctx, move: Action.move) }

    /// The criteria table takes what its rows need, leaving at least `detailHeight` lines to the selected one.
    func tableRect(in area: Rect) -> Rect {
        let most = area.height - 2 - Self.detailHeight - 1
        return Rect(x: area.x, y: area.y + 2, width: area.width, height: max(2, min(most, items.count + 1)))
    }

    mutating func update(_ action: Action, _ ctx: AppContext) -> [AppCommand] {
        let s = ctx.strings
        if case .printing(let step) = action {
            // Only what was stored is printed: a year not started has no sheet yet.
            guard isStored else {
                return [.message(StatusMessage(s.describe(DocumentProblem.evaluationNotStarted(centreCode: centre.code, year: year)),
                                               kind: .error))]
            }
            return printStep(step, ctx)
        }
        guard let criteria, var evaluation else {
            return action == .close ? [.pop] : [.message(StatusMessage(loadError ?? "", kind: .error))]
        }
        let id = centre.id ?? 0
        switch action {
        case .move(let key): _ = table.handle(key, pageSize: Self.pageSize(of: tableRect(in: viewport)))
        case .close: return [.pop]
        case .edit:
            guard let item = selectedItem else { return [] }
            guard mayScore(ctx) || mayAssess(ctx) else { return update(.viewWhole, ctx) }
            return [.open(.evaluationItem(centreID: id, year: year, itemID: item.id))]
        case .viewWhole:
            guard let item = selectedItem else { return [] }
            view(TextViewer.fields(title: s.text(item.title), details(item, ctx)))
        case .history:
            let document = EvaluationDocument(evaluation, started: isStored, centre: centre, set: criteria, strings: s)
            view(TextViewer(title: title(ctx), paragraphs: document.lines))
        case .save, .submitConfirmed:
            guard mayScore(ctx), let schedule else { return [] }
            do {
                self.evaluation = try ctx.database.saveSelfAssessment(evaluation, submit: action == .submitConfirmed,
                                                                      set: criteria, schedule: schedule, by: ctx.actor,
                                                                      at: ctx.clock.now)
            } catch {
                return [.message(StatusMessage(s.evaluationFailure(error, set: criteria), kind: .error))]
            }
            isStored = true
            return [.changed(.evaluation(centreID: id)),
                    .message(StatusMessage(s[action == .save ? .evaluationSaved : .evaluationSubmittedMessage]))]
        case .submit:
            guard mayScore(ctx) else { return [] }
            let rank = schedule?.rank(score: evaluation.selfTotal, maximum: criteria.maximum, year: year)
            confirm(s[.evaluationSubmitTitle], s(.evaluationSubmitQuestion, evaluation.selfTotal, criteria.maximum,
                                                 rank.map { s.name($0) } ?? "—"), yes: .submitConfirmed, ctx)
        case .returnAsked:
            guard mayAssess(ctx) else { return [] }
            modal = .prompt(PromptDialog(title: s[.evaluationReturnTitle], label: s[.evaluationReturnLabel],
                                         multilineText: ""), submit: Reply(Action.returnReason))
        case .returnReason(let reason):
            do {
                self.evaluation = try ctx.database.returnEvaluation(centreID: id, year: year, reason: reason, set: criteria,
                                                                    by: ctx.actor, at: ctx.clock.now)
            } catch EvaluationStoreError.refused(.reasonRequired) {
                modal = .prompt(PromptDialog(title: s[.evaluationReturnTitle], label: s[.evaluationReturnLabel],
                                             multilineText: reason).refused(s[.evaluationReturnReasonRequired]),
                                submit: Reply(Action.returnReason))
                return []
            } catch {
                return [.message(StatusMessage(s.evaluationFailure(error, set: criteria), kind: .error))]
            }
            return [.changed(.evaluation(centreID: id)), .message(StatusMessage(s[.evaluationReturnedMessage]))]
        case .agreeAll:
            guard mayAssess(ctx), let schedule else { return [] }
            for index in evaluation.items.indices where evaluation.items[index].officerScore == nil {
                evaluation.items[index].officerScore = evaluation.items[index].selfScore
            }
            do {
                self.evaluation = try ctx.database.assessEvaluation(evaluation, confirm: false, set: criteria, schedule: schedule,
                                                                    by: ctx.actor, at: ctx.clock.now)
            } catch {
                return [.message(StatusMessage(s.evaluationFailure(error, set: criteria), kind: .error))]
            }
            return [.changed(.evaluation(centreID: id)), .message(StatusMessage(s[.evaluationAgreedMessage]))]
        case .confirmRank:
            guard mayAssess(ctx), let schedule else { return [] }
            let missing = criteria.items.filter { evaluation.item($0.id)?.officerScore == nil }
            guard missing.isEmpty else {
                return [.message(StatusMessage(s.describe(.itemsMissing(missing.map(\.id)), set: criteria), kind: .error))]
            }
            let rank = schedule.rank(score: evaluation.assessedTotal, maximum: criteria.maximum, year: year)
            confirm(s[.evaluationConfirmTitle], s(.evaluationConfirmQuestion, evaluation.assessedTotal, criteria.maximum,
                                                  s.name(rank), centre.name), yes: .confirmConfirmed, ctx)
        case .confirmConfirmed:
            guard mayAssess(ctx), let schedule else { return [] }
            do {
                self.evaluation = try ctx.database.assessEvaluation(evaluation, confirm: true, set: criteria, schedule: schedule,
                                                                    by: ctx.actor, at: ctx.clock.now)
            } catch {
                return [.message(StatusMessage(s.evaluationFailure(error, set: criteria), kind: .error))]
            }
            return [.changed(.evaluation(centreID: id)),
                    .message(StatusMessage(s(.evaluationConfirmedMessage, s.name(self.evaluation?.rank ?? .notMet))))]
        case .printing: break
        }
        return []
    }

    func statusHint(_ ctx: AppContext) -> StatusMessage? {
        if let loadError { return StatusMessage(loadError, kind: .error) }
        if needsReview { return StatusMessage(ctx.strings[.evaluationReviewFlag], kind: .warning) }
        if !sides.officerSide && (status == .submitted || status == .confirmed) {
            return StatusMessage(ctx.strings[.evaluationAssessedByProvince])
        }
        if !sides.selfSide && (status == nil || status == .selfAssessing) {
            return StatusMessage(ctx.strings[.evaluationSelfByCommune])
        }
        if !isStored && ctx.can(.selfAssess) { return StatusMessage(ctx.strings[.evaluationStartHint]) }
        return nil
    }
}
