import Domain
import Storage
import TerminalUI

/// The rank thresholds a province sets, from a date on: where Tốt, Khá and Trung bình begin, in percent of the
/// criteria's maximum (below Trung bình is Chưa đạt). The thresholds in force are listed above the form; a new
/// line applies to every year whose last day falls on or after its date.
struct ThresholdsScreen: FormScreen, Equatable {
    enum Action: Sendable, Equatable, FormAction { case formKey(Key), save, cancel }

    enum Field: Hashable, Sendable { case current, section, from, good, fair, average }

    struct Draft {
        var from: LocalDate?
        var good = 0
        var fair = 0
        var average = 0
    }

    let fields: FormBindings<Draft, Field>
    var form: Form<Field>
    var modal: Modal<Action>?
    var viewport = Rect.standardArea

    init(ctx: AppContext) {
        let s = ctx.strings
        let schedule = EvaluationRules.shipped.flatMap { try? $0.schedule(ctx.database) }
        let entries = schedule?.entries ?? []
        let current = entries.map { s(.thresholdsLine, $0.effectiveFrom.vietnamese, $0.good, $0.fair, $0.average) }
            .joined(separator: "; ")
        let latest = schedule?.thresholds(on: ctx.clock.today)
        let make = FieldMaker<Draft, Field>(ctx)
        fields = FormBindings([
            make.readOnly(.current, s[.thresholdsCurrent], current.isEmpty ? "—" : current),
            make.section(.section, s[.thresholdsNew]),
            make.date(.from, s[.fieldThresholdsFrom], help: s[.helpFieldThresholdsFrom], \.from),
            make.number(.good, s[.fieldThresholdGood], help: s[.helpFieldThreshold], \.good, digits: 3),
            make.number(.fair, s[.fieldThresholdFair], help: s[.helpFieldThreshold], \.fair, digits: 3),
            make.number(.average, s[.fieldThresholdAverage], help: s[.helpFieldThreshold], \.average, digits: 3),
        ])
        let today = ctx.clock.today
        form = fields.form(Draft(from: LocalDate(year: today.year + 1, month: 1, day: 1), good: latest?.good ?? 85,
                                 fair: latest?.fair ?? 70, average: latest?.average ?? 50))
        form.isReadOnly = !ctx.can(.changeSettings)
    }

    func title(_ ctx: AppContext) -> String { ctx.strings[.thresholdsTitle] }

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
            let (draft, unreadable) = fields.read(form, into: Draft())
            if let first = unreadable.first { return reject(first.id, first.problem) }
            guard let from = draft.from else { return reject(.from, s[.problemRequired]) }
            let thresholds = RankThresholds(effectiveFrom: from, good: draft.good, fair: draft.fair, average: draft.average)
            guard thresholds.isValid else { return reject(.good, s[.thresholdsInvalid]) }
            do {
                try ctx.database.saveRankThresholds(thresholds, by: ctx.actor, at: ctx.clock.now)
            } catch {
                return [.message(StatusMessage(s.evaluationFailure(error, set: nil), kind: .error))]
            }
            return [.pop, .changed(.settings), .message(StatusMessage(s(.thresholdsSaved, from.vietnamese)))]
        }
        return []
    }
}
