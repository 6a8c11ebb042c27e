import Domain
import Storage
import TerminalUI

/// The survey campaigns of one centre, newest first, with their progress against the target. From here a
/// clerk enters forms, finds and corrects them, imports a spreadsheet, or reads the needs analysis.
struct CampaignsScreen: KeyedScreen {
    enum Action: Sendable, Equatable { case move(Key), add, edit, enter, responses, needs, importFile, close }

    private(set) var centre: Centre
    private(set) var campaigns: [SurveyCampaign] = []
    private(set) var counts: [Int64: Int] = [:]
    var table = TableState()

    init(ctx: AppContext, centre: Centre) {
        self.centre = centre
        reload(ctx)
    }

    mutating func reload(_ ctx: AppContext) {
        if let id = centre.id, let fresh = try? ctx.database.centre(id: id) { centre = fresh }
        campaigns = (try? ctx.database.campaigns(centreID: centre.id ?? 0)) ?? []
        counts = (try? ctx.database.responseCounts()) ?? [:]
        table.setRowCount(campaigns.count)
    }

    mutating func centresChanged(select: String?, _ ctx: AppContext) { reload(ctx) }

    var selected: SurveyCampaign? { campaigns.indices.contains(table.selected) ? campaigns[table.selected] : nil }

    func title(_ ctx: AppContext) -> String { ctx.strings(.campaignsTitle, centre.code) }

    func keymap(_ ctx: AppContext) -> Keymap<Action> {
        let s = ctx.strings
        let edits = ctx.can(.editSurveys)
        return Keymap([
            edits ? .function(2, ctrl: "n", also: [.insert], action: .add, label: s[.keyNewCampaign], help: s[.helpCampaignAdd]) : nil,
            edits ? .function(4, action: .edit, label: s[.keyEdit], help: s[.helpCampaignEdit]) : nil,
            edits ? .function(5, also: [.enter], action: .enter, label: s[.keyEnterForms], help: s[.helpCampaignEnter]) : nil,
            .function(6, ctrl: "f", action: .responses, label: s[.keyForms], help: s[.helpCampaignForms]),
            .function(7, ctrl: "a", action: .needs, label: s[.keyNeeds], help: s[.helpCampaignNeeds]),
            edits ? .function(8, action: .importFile, label: s[.keyImport], help: s[.helpCampaignImport]) : nil,
            .function(10, also: [.escape], action: .close, label: s[.keyClose], help: s[.helpBoardClose]),
            KeyBinding(keys: [.up, .down, .pageUp, .pageDown], action: .move(.down), help: s[.helpTableMove]),
        ].compactMap { $0 })
    }

    func action(for key: Key, _ ctx: AppContext) -> Action? {
        return listAction(for: key, ctx, move: Action.move)
    }

    mutating func update(_ action: Action, _ ctx: AppContext) -> [AppCommand] {
        let s = ctx.strings
        guard let questionnaire = ShippedQuestionnaire.current else {
            return [.message(StatusMessage(s(.cliResourceMissing, "survey/questionnaire-v1.json"), kind: .error))]
        }
        switch action {
        case .move(let key): _ = table.handle(key, pageSize: 10)
        case .close: return [.pop]
        case .add: return [.push(CampaignFormScreen(ctx: ctx, centre: centre, campaign: nil))]
        case .edit:
            guard let campaign = selected else { return [] }
            return [.push(CampaignFormScreen(ctx: ctx, centre: centre, campaign: campaign))]
        case .enter, .responses, .needs, .importFile:
            guard let campaign = selected else { return [.message(StatusMessage(s[.campaignsEmptyHint]))] }
            switch action {
            case .enter:
                guard !centre.villages.isEmpty else { return [.message(StatusMessage(s[.surveyNoVillages], kind: .warning))] }
                return [.push(SurveyEntryScreen(ctx: ctx, campaign: campaign, centre: centre, questionnaire: questionnaire))]
            case .responses:
                return [.push(ResponseListScreen(ctx: ctx, campaign: campaign, centre: centre, questionnaire: questionnaire))]
            case .needs:
                return [.push(NeedsScreen(ctx: ctx, campaign: campaign, centre: centre, questionnaire: questionnaire))]
            default:
                return [.push(ImportScreen(ctx: ctx, campaign: campaign, centre: centre, questionnaire: questionnaire))]
            }
        }
        return []
    }

    func statusHint(_ ctx: AppContext) -> StatusMessage? {
        campaigns.isEmpty ? StatusMessage(ctx.strings[.campaignsEmptyHint]) : nil
    }

    mutating func render(into buffer: inout ScreenBuffer, area: Rect, _ ctx: AppContext) -> Point? {
        let s = ctx.strings
        buffer.write(centre.name, x: area.x + 1, y: area.y, style: ctx.theme.labelFocused, maxWidth: area.width - 2)
        let rows = campaigns
        let counts = self.counts
        table.render(
            into: &buffer, rect: Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1),
            columns: [TableColumn(s[.columnID], width: 4, alignRight: true), TableColumn(s[.columnYear], width: 5),
                      TableColumn(s[.fieldCampaignTitle]), TableColumn(s[.columnForms], width: 9, alignRight: true),
                      TableColumn(s[.columnPeriod], width: 23)],
            sortColumn: nil, ascending: true, theme: ctx.theme,
            cells: { row in
                let c = rows[row]
                let period = (c.start?.vietnamese ?? "…") + " – " + (c.end?.vietnamese ?? "…")
                return [String(c.id ?? 0), String(c.year), c.title, "\(counts[c.id ?? 0] ?? 0)/\(c.target)", period]
            })
        return nil
    }
}

/// Creating or changing a campaign, and the centre's list of villages the forms refer to.
struct CampaignFormScreen: FormScreen {
    enum Action: Sendable, Equatable, FormAction { case formKey(Key), save, cancel }

    let centre: Centre
    let original: SurveyCampaign?
    var form: Form

    init(ctx: AppContext, centre: Centre, campaign: SurveyCampaign?) {
        self.centre = centre
        original = campaign
        let s = ctx.strings
        let year = campaign?.year ?? ctx.clock.today.year
        var fields: [FormField] = [
            FormField(id: "sec", label: s[.sectionCampaign], control: .section),
            FormField(id: "title", label: s[.fieldCampaignTitle],
                      control: .text(TextField(campaign?.title ?? s(.campaignDefaultTitle, year), maxLength: 120)),
                      help: s[.helpFieldCampaignTitle]),
            FormField(id: "year", label: s[.columnYear], control: .text(TextField(String(year), maxLength: 4, digitsOnly: true)),
                      help: s[.helpFieldCampaignYear]),
            FormField(id: "start", label: s[.fieldCampaignStart],
                      control: .text(TextField(campaign?.start?.vietnamese ?? "", maxLength: 10)), help: s[.helpFieldDecisionDate]),
            FormField(id: "end", label: s[.fieldCampaignEnd],
                      control: .text(TextField(campaign?.end?.vietnamese ?? "", maxLength: 10)), help: s[.helpFieldDecisionDate]),
            FormField(id: "responsible", label: s[.fieldCampaignResponsible],
                      control: .text(TextField(campaign?.responsible ?? "", maxLength: 80)), help: s[.helpFieldCampaignResponsible]),
            FormField(id: "target", label: s[.fieldCampaignTarget],
                      control: .text(TextField(campaign.map { String($0.target) } ?? "", maxLength: 6, digitsOnly: true)),
                      help: s[.helpFieldCampaignTarget]),
            FormField(id: "sec.methods", label: s[.sectionMethods], control: .section),
        ]
        for method in SurveyMethod.allCases {
            fields.append(FormField(id: "method." + method.rawValue, label: s.name(method),
                                    control: .checkbox(campaign?.methods.contains(method) ?? false), help: s[.helpFieldMethods]))
        }
        fields.append(FormField(id: "sec.villages", label: s[.sectionVillages], control: .section))
        fields.append(FormField(id: "villages", label: s[.fieldVillages],
                                control: .text(TextField(centre.villages.joined(separator: "; "), maxLength: 2000)),
                                help: s[.helpFieldVillages]))
        form = Form(fields: fields, labelWidth: 28)
    }

    func title(_ ctx: AppContext) -> String {
        original == nil ? ctx.strings[.campaignAddTitle] : ctx.strings(.campaignEditTitle, original?.id ?? 0)
    }

    func keymap(_ ctx: AppContext) -> Keymap<Action> {
        Keymap([
            .saveForm(.save, ctx),
            .closeForm(.cancel, ctx),
        ])
    }

    mutating func update(_ action: Action, _ ctx: AppContext) -> [AppCommand] {
        let s = ctx.strings
        switch action {
        case .formKey(let key): _ = form.handle(key)
        case .cancel: return [.close]
        case .save:
            form.clearMessages()
            func date(_ id: String) -> (LocalDate?, Bool) {
                let text = form.text(id)
                if text.isEmpty { return (nil, true) }
                let value = LocalDate(typed: text)
                return (value, value != nil)
            }
            let (start, startOK) = date("start")
            let (end, endOK) = date("end")
            if !startOK { return rejectField(&form, "start", s[.problemDateInvalid]) }
            if !endOK { return rejectField(&form, "end", s[.problemDateInvalid]) }
            var campaign = original ?? SurveyCampaign(centreID: centre.id ?? 0, year: 0)
            campaign.title = form.text("title")
            campaign.year = Int(form.text("year")) ?? 0
            campaign.start = start
            campaign.end = end
            campaign.responsible = form.text("responsible")
            campaign.target = Int(form.text("target")) ?? 0
            campaign.methods = SurveyMethod.allCases.filter { form.isChecked("method." + $0.rawValue) }
            if let (field, problem) = CampaignValidator.validate(campaign, today: ctx.clock.today).first {
                let id: String
                switch field {
                case .title: id = "title"
                case .year: id = "year"
                case .start: id = "start"
                case .end: id = "end"
                case .target: id = "target"
                case .responsible: id = "responsible"
                }
                return rejectField(&form, id, s.describe(problem))
            }
            let villages = form.text("villages").split(separator: ";").map { String($0).cleanedInput }.filter { !$0.isEmpty }
            do {
                if villages != centre.villages {
                    var changed = centre
                    changed.villages = villages
                    try ctx.database.saveCentre(changed, by: ctx.actor, at: ctx.clock.now)
                }
                try ctx.database.saveCampaign(campaign, by: ctx.actor, at: ctx.clock.now)
                return [.pop, .centresChanged(select: centre.code), .message(StatusMessage(s[.campaignSaved]))]
            } catch {
                return [.message(StatusMessage(s.saveFailure(error), kind: .error))]
            }
        }
        return []
    }
}

extension Strings {
    func describe(_ problem: CampaignProblem) -> String {
        switch problem {
        case .required: return self[.problemRequired]
        case .yearOutOfRange: return self[.campaignYearOutOfRange]
        case .endBeforeStart: return self[.campaignEndBeforeStart]
        case .targetOutOfRange: return self[.campaignTargetOutOfRange]
        case .dateOutsideYear: return self[.campaignDateOutsideYear]
        }
    }
}
