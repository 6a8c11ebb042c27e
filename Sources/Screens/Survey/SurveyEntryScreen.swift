import Domain
import Storage
import TerminalUI

/// Keyed entry of paper forms, heads-down: numbers select choices, Enter moves on (skipping questions that do
/// not apply), F2 saves and opens the next blank form, F5 copies the previous form's answer, F7 lists every
/// problem. Warnings can be kept with a reason that is stored with the form.
struct SurveyEntryScreen: KeyedScreen, Equatable {
    enum Action: Sendable, Equatable {
        /// A key typed into the focused answer (the answers are the screen itself, not a pop-up).
        case fieldKey(Key)
        case next, previous, save, ditto, check, close
        /// From the list of problems: go to this question.
        case jumpTo(String)
        /// The reason typed for keeping the warnings, or none given.
        case reasonGiven(String), reasonCancelled
    }

    let campaign: SurveyCampaign
    let centre: Centre
    let engine: SurveyEngine
    /// The form being edited; nil while entering new ones.
    private(set) var editing: SurveyResponse?
    private(set) var inputs: [String: TextField] = [:]
    private(set) var focus = 0
    private(set) var messages: [String: FieldMessage] = [:]
    /// The answers of the form saved last, for the ditto key.
    private(set) var previous: SurveyAnswers?
    /// The campaign's forms as validation asks about them: indexed lookups, so opening the screen and each
    /// Enter cost the same in a campaign of ten forms or of a hundred thousand.
    let forms: StoredForms
    /// Forms in the campaign, for the count shown after each save.
    private(set) var savedCount = 0
    private var pendingWarnings: [SurveyIssue] = []
    /// The form number proposed for the blank form: keeping it is not typing.
    private(set) var proposedSerial: String?
    var scroll = 0
    var modal: Modal<Action>?
    var viewport = Rect.standardArea

    var questionnaire: Questionnaire { engine.questionnaire }

    init(ctx: AppContext, campaign: SurveyCampaign, centre: Centre, questionnaire: Questionnaire,
         editing: SurveyResponse? = nil) {
        self.campaign = campaign
        self.centre = centre
        self.engine = SurveyEngine(questionnaire: questionnaire, villages: centre.villages)
        self.editing = editing
        forms = ctx.database.storedForms(campaignID: campaign.id ?? 0)
        savedCount = (try? ctx.database.responseCount(campaignID: campaign.id ?? 0)) ?? 0
        let last = try? ctx.database.lastResponse(campaignID: campaign.id ?? 0)
        previous = last?.answers
        if let editing { load(editing.answers) } else { loadNext(after: last?.serial) }
    }

    private mutating func load(_ answers: SurveyAnswers) {
        inputs = [:]
        for question in questionnaire.questions {
            let typed = AnswerParser.typed(answers[question.id], for: question, villages: centre.villages)
            inputs[question.id] = TextField(typed, maxLength: question.maxLength ?? 40,
                                            digitsOnly: question.type == .year || question.type == .integer)
        }
        messages = [:]
        focus = 0
    }

    /// A blank form whose number follows the last one saved ("NS-2026-301" after "NS-2026-300").
    private mutating func loadNext(after serial: String?) {
        load([:])
        proposedSerial = serial.flatMap(SerialNumber.next(after:))
        if let next = proposedSerial, var field = inputs["serial"] {
            field.setText(next)
            inputs["serial"] = field
        }
    }

    /// What the inputs say, questions that do not apply left out.
    var answers: SurveyAnswers {
        var result: SurveyAnswers = [:]
        for question in questionnaire.questions {
            if let value = AnswerParser.parse(inputs[question.id]?.text ?? "", for: question, villages: centre.villages) {
                result[question.id] = value
            }
        }
        return engine.pruned(result)
    }

    /// Indices of the questions that apply now.
    var relevant: [Int] {
        let current = answers
        return questionnaire.questions.indices.filter { engine.isRelevant(questionnaire.questions[$0], current) }
    }

    var focusedQuestion: Question { questionnaire.questions[focus] }

    /// Something typed would be lost: a new form with more than its proposed number, or a changed answer.
    var hasUnsavedChanges: Bool {
        guard editing == nil else { return editingChanged }
        return inputs.contains { id, field in !field.text.isEmpty && !(id == "serial" && field.text == proposedSerial) }
    }

    private var editingChanged: Bool { editing.map { $0.answers != answers } ?? false }

    var currentCentreID: Int64? { centre.id }

    func title(_ ctx: AppContext) -> String {
        editing.map { ctx.strings(.surveyEditTitle, $0.serial) } ?? ctx.strings(.surveyEntryTitle, centre.code)
    }

    func keymap(_ ctx: AppContext) -> Keymap<Action> {
        let s = ctx.strings
        return Keymap([
            .function(2, shortcut: .save, action: .save, label: s[editing == nil ? .keySaveNext : .keySave],
                      help: s[.helpSurveySave]),
            .function(5, action: .ditto, label: s[.keyDitto], help: s[.helpSurveyDitto]),
            .function(7, action: .check, label: s[.keyCheck], help: s[.helpSurveyCheck]),
            .closeForm(.close, ctx),
            KeyBinding(keys: [.enter, .tab, .down], action: .next, help: s[.helpSurveyNext]),
            KeyBinding(keys: [.backTab, .up], action: .previous, help: s[.helpFormPrevious]),
        ])
    }

    func helpEntries(_ ctx: AppContext) -> [(keys: String, help: String)] {
        let s = ctx.strings
        var entries: [(keys: String, help: String)] = [(s.text(focusedQuestion.label), s.text(focusedQuestion.help)), ("", "")]
        entries += codeLines(ctx).map { ("", $0) } + [("", "")]
        entries += keymap(ctx).helpLines
        entries.append(("0-9 Space", s[.helpSurveyCodes]))
        return entries
    }

    func action(for key: Key, _ ctx: AppContext) -> Action? { keymap(ctx).action(for: key) ?? .fieldKey(key) }

    mutating func update(_ action: Action, _ ctx: AppContext) -> [AppCommand] {
        let s = ctx.strings
        switch action {
        case .fieldKey(let key):
            let id = focusedQuestion.id
            if var field = inputs[id], field.handle(key) {
                inputs[id] = field
                messages[id] = nil
            }
        case .next:
            // A value with an error keeps the cursor on it: the clerk corrects it there, not in the next field.
            let left = focusedQuestion.id
            let commands = showIssue(for: left, ctx)
            if messages[left]?.severity != .error { move(by: 1) }
            return commands
        case .previous:
            move(by: -1)
        case .ditto:
            let question = focusedQuestion
            let typed = AnswerParser.typed(previous?[question.id], for: question, villages: centre.villages)
            guard !typed.isEmpty else { return [.message(StatusMessage(s[.surveyNothingToCopy], kind: .warning))] }
            var field = inputs[question.id] ?? TextField()
            field.setText(typed)
            inputs[question.id] = field
            move(by: 1)
        case .check:
            let issues = currentIssues()
            guard !issues.isEmpty else { return [.message(StatusMessage(s[.surveyNoProblems]))] }
            modal = .picker(PickerDialog(title: s[.surveyProblemsTitle], items: issues.map { issue in
                let question = questionnaire.question(issue.field)
                return ChoiceItem(id: issue.field, label: Marks.symbol(issue.severity) + " "
                                  + (question.map { s.text($0.label) } ?? issue.field) + ": " + s.describe(issue.problem))
            }), pick: Reply(Action.jumpTo))
        case .jumpTo(let id):
            focusOn(id)
        case .save:
            return save(ctx, reason: nil)
        case .reasonCancelled:
            if let first = pendingWarnings.first { focusOn(first.field) }
        case .reasonGiven(let reason):
            guard !reason.cleanedInput.isEmpty else {
                askReason(problem: s[.surveyReasonRequired], ctx)
                return []
            }
            return save(ctx, reason: reason.cleanedInput)
        case .close:
            return [.close]
        }
        return []
    }

    /// Moves to the next (or previous) question that applies.
    private mutating func move(by step: Int) {
        let applying = relevant
        guard let position = applying.firstIndex(of: focus) ?? applying.firstIndex(where: { $0 > focus }) else { return }
        let target = position + step
        if applying.indices.contains(target) { focus = applying[target] }
    }

    private mutating func focusOn(_ id: String) {
        if let index = questionnaire.questions.firstIndex(where: { $0.id == id }) { focus = index }
    }

    private var response: SurveyResponse {
        SurveyResponse(id: editing?.id, campaignID: campaign.id ?? 0, answers: answers, overrides: editing?.overrides ?? [])
    }

    func currentIssues() -> [SurveyIssue] { issues(of: response) }

    /// Every problem of a form. Should the data file not answer about the other forms, the answers are still
    /// checked, and saving checks the serial again.
    private func issues(of draft: SurveyResponse) -> [SurveyIssue] {
        (try? engine.validate(draft, duplicates: forms)) ?? engine.validate(draft)
    }

    /// Shows the problem of the question just left, if it has one.
    private mutating func showIssue(for id: String, _ ctx: AppContext) -> [AppCommand] {
        guard let issue = currentIssues().first(where: { $0.field == id }),
              inputs[id].map({ !$0.text.isEmpty }) == true || issue.problem != .required else {
            messages[id] = nil
            return []
        }
        let text = ctx.strings.describe(issue.problem)
        messages[id] = FieldMessage(text, severity: issue.severity)
        let label = questionnaire.question(id).map { ctx.strings.text($0.label) } ?? id
        return [.message(StatusMessage(label + ": " + text, kind: issue.severity == .error ? .error : .warning))]
    }

    private mutating func save(_ ctx: AppContext, reason: String?) -> [AppCommand] {
        let s = ctx.strings
        var draft = response
        var issues = issues(of: draft)
        if let reason {
            draft.overrides += issues.filter { $0.severity == .warning }.map { SurveyOverride(checkID: $0.checkID, reason: reason) }
            issues = self.issues(of: draft)
        }
        messages = [:]
        for issue in issues { messages[issue.field] = FieldMessage(s.describe(issue.problem), severity: issue.severity) }
        if let error = issues.first(where: { $0.severity == .error }) {
            focusOn(error.field)
            let label = questionnaire.question(error.field).map { s.text($0.label) } ?? error.field
            var text = label + ": " + s.describe(error.problem)
            let count = issues.filter { $0.severity == .error }.count
            if count > 1 { text += " " + s(.moreProblems, count - 1) }
            return [.message(StatusMessage(text, kind: .error))]
        }
        if !issues.isEmpty {
            pendingWarnings = issues
            askReason(problem: nil, ctx)
            return []
        }
        do {
            let saved = try ctx.database.saveResponse(draft, by: ctx.actor, at: ctx.clock.now)
            let changed = AppCommand.changed(.survey(centreID: centre.id ?? 0, campaignID: campaign.id ?? 0))
            if editing != nil {
                return [.pop, changed, .message(StatusMessage(s(.surveySavedEdit, saved.serial)))]
            }
            savedCount += 1
            previous = saved.answers
            loadNext(after: saved.serial)
            return [changed,
                    .message(StatusMessage(s(.surveySaved, saved.serial, savedCount, campaign.target)))]
        } catch SurveyStoreError.duplicateSerial {
            focusOn("serial")
            return [.message(StatusMessage(s.text(questionnaire.question("serial")!.label) + ": "
                                               + s[.surveyDuplicateSerial], kind: .error))]
        } catch {
            return [.message(StatusMessage(s.saveFailure(error), kind: .error))]
        }
    }

    /// Asks why the warnings should be kept; the reason is stored with the form.
    private mutating func askReason(problem: String?, _ ctx: AppContext) {
        let s = ctx.strings
        guard let warning = pendingWarnings.first else { return }
        let label = questionnaire.question(warning.field).map { s.text($0.label) } ?? warning.field
        var dialog = PromptDialog(title: s[.warningTitle],
                                  label: s(.surveyOverrideQuestion, label + ": " + s.describe(warning.problem)))
        if let problem { dialog = dialog.refused(problem) }
        modal = .prompt(dialog, submit: Reply(Action.reasonGiven), cancel: .reasonCancelled)
    }

    func statusHint(_ ctx: AppContext) -> StatusMessage? {
        guard let message = messages[focusedQuestion.id] else {
            return StatusMessage(ctx.strings.text(focusedQuestion.help))
        }
        return StatusMessage(ctx.strings.text(focusedQuestion.label) + ": " + message.text,
                             kind: message.severity == .error ? .error : .warning)
    }
}
