import Domain
import Storage
import TerminalUI

/// One criterion of an evaluation: the director's score, note and evidence override (with its reason), or the
/// officer's score and comment. What the other side wrote is shown read-only above.
struct EvaluationItemFormScreen: FormScreen, Equatable {
    enum Action: Sendable, Equatable, FormAction { case formKey(Key), save, cancel }

    enum Field: Hashable, Sendable {
        case section, points, asks, evidence, suggested, override, reason, selfScore, selfNote, officerScore, comment
    }

    /// Whose part of the item the form edits.
    enum Mode: Equatable, Sendable { case director, officer, readOnly }

    struct Draft {
        var override: Int?
        var reason = ""
        var selfScore: Int?
        var selfNote = ""
        var officerScore: Int?
        var comment = ""
    }

    let centre: Centre
    let set: CriteriaSet
    let item: CriterionItem
    let evaluation: Evaluation
    let isStored: Bool
    let mode: Mode
    let fields: FormBindings<Draft, Field>
    var form: Form<Field>
    var modal: Modal<Action>?
    var viewport = Rect.standardArea

    /// Nil when the criterion is not in the set the evaluation uses.
    init?(ctx: AppContext, centre: Centre, year: Int, itemID: String) {
        let screen = EvaluationScreen(ctx: ctx, centre: centre, year: year)
        guard let set = screen.criteria, let evaluation = screen.evaluation, let item = set.item(itemID),
              let assessed = evaluation.item(itemID) else { return nil }
        self.centre = centre
        self.set = set
        self.item = item
        self.evaluation = evaluation
        isStored = screen.isStored
        mode = screen.mayScore(ctx) ? .director : screen.mayAssess(ctx) ? .officer : .readOnly
        let s = ctx.strings
        let make = FieldMaker<Draft, Field>(ctx)
        var bindings = [
            make.section(.section, s.text(item.title)),
            make.readOnly(.points, s[.fieldMaxPoints], String(item.points)),
            make.readOnly(.asks, s[.detailAsks], s.text(item.asks)),
        ]
        if let value = assessed.evidence {
            bindings.append(make.readOnly(.evidence, s[.detailEvidence],
                                          s.describe(value) + " · " + s(.evidenceFrom, s.source(value.kind))))
            bindings.append(make.readOnly(.suggested, s[.fieldSuggested],
                                          item.suggestedScore(assessed.value).map(String.init) ?? "—"))
        }
        if mode == .director {
            if assessed.evidence != nil {
                bindings.append(make.optionalNumber(.override, s[.fieldOverride], help: s[.helpFieldOverride], \.override,
                                                    digits: 12))
                bindings.append(make.text(.reason, s[.fieldOverrideReason], help: s[.helpFieldOverrideReason], \.reason,
                                          max: 300))
            }
            bindings.append(make.optionalNumber(.selfScore, s(.fieldSelfScore, item.points), help: s[.helpFieldSelfScore],
                                                \.selfScore, digits: 3))
            bindings.append(make.text(.selfNote, s[.detailSelfNote], help: s[.helpFieldSelfNote], \.selfNote, max: 500))
        } else {
            if let value = assessed.override {
                bindings.append(make.readOnly(.override, s[.detailOverride],
                                              s.describe(value) + " · " + assessed.overrideReason))
            }
            bindings.append(make.readOnly(.selfScore, s(.fieldSelfScore, item.points),
                                          assessed.selfScore.map(String.init) ?? "—"))
            if !assessed.selfNote.isEmpty { bindings.append(make.readOnly(.selfNote, s[.detailSelfNote], assessed.selfNote)) }
            bindings.append(make.optionalNumber(.officerScore, s(.fieldOfficerScore, item.points),
                                                help: s[.helpFieldOfficerScore], \.officerScore, digits: 3))
            bindings.append(make.text(.comment, s[.detailOfficerComment], help: s[.helpFieldOfficerComment], \.comment,
                                      max: 500))
        }
        fields = FormBindings(bindings)
        form = fields.form(Draft(override: assessed.override?.achieved, reason: assessed.overrideReason,
                                 selfScore: assessed.selfScore, selfNote: assessed.selfNote,
                                 // Agreeing is the default: the director's score until the officer changes it.
                                 officerScore: assessed.officerScore ?? assessed.selfScore,
                                 comment: assessed.officerComment))
        form.isReadOnly = mode == .readOnly
    }

    var currentCentreID: Int64? { centre.id }

    func title(_ ctx: AppContext) -> String {
        ctx.strings[mode == .officer ? .evaluationAssessItemTitle : .evaluationScoreItemTitle]
    }

    func keymap(_ ctx: AppContext) -> Keymap<Action> {
        Keymap([mode == .readOnly ? nil : .saveForm(.save, ctx), .closeForm(.cancel, ctx)].compactMap { $0 })
    }

    static func field(for refusal: EvaluationRefusal, mode: Mode) -> Field? {
        switch refusal {
        case .scoreOutOfRange: return mode == .officer ? .officerScore : .selfScore
        case .overrideWithoutReason: return .reason
        case .adjustmentWithoutComment: return .comment
        default: return nil
        }
    }

    mutating func update(_ action: Action, _ ctx: AppContext) -> [AppCommand] {
        let s = ctx.strings
        switch action {
        case .formKey(let key): _ = form.handle(key)
        case .cancel: return [.close]
        case .save:
            guard mode != .readOnly, let schedule = try? EvaluationRules.shipped?.schedule(ctx.database) else { return [] }
            form.clearMessages()
            let (draft, unreadable) = fields.read(form, into: Draft())
            if let first = unreadable.first { return reject(first.id, first.problem) }
            var updated = evaluation
            guard let index = updated.items.firstIndex(where: { $0.itemID == item.id }) else { return [] }
            if mode == .director {
                if draft.selfScore == nil { return reject(.selfScore, s[.problemRequired]) }
                updated.items[index].override = draft.override.flatMap { achieved in
                    item.evidence.map { EvidenceValue($0, achieved, updated.items[index].evidence?.outOf ?? 0) }
                }
                updated.items[index].overrideReason = draft.override == nil ? "" : draft.reason
                updated.items[index].selfScore = draft.selfScore
                updated.items[index].selfNote = draft.selfNote
            } else {
                if draft.officerScore == nil { return reject(.officerScore, s[.problemRequired]) }
                updated.items[index].officerScore = draft.officerScore
                updated.items[index].officerComment = draft.comment
            }
            do {
                if mode == .director {
                    try ctx.database.saveSelfAssessment(updated, submit: false, set: set, schedule: schedule,
                                                        by: ctx.actor, at: ctx.clock.now)
                } else {
                    try ctx.database.assessEvaluation(updated, confirm: false, set: set, schedule: schedule,
                                                      by: ctx.actor, at: ctx.clock.now)
                }
            } catch EvaluationStoreError.refused(let refusal) {
                let text = s.describe(refusal, set: set)
                if let field = Self.field(for: refusal, mode: mode) { return reject(field, text) }
                return [.message(StatusMessage(text, kind: .error))]
            } catch {
                return [.message(StatusMessage(s.evaluationFailure(error, set: set), kind: .error))]
            }
            return [.pop, .changed(.evaluation(centreID: centre.id ?? 0)),
                    .message(StatusMessage(s(.evaluationItemSaved, s.text(item.title))))]
        }
        return []
    }
}
