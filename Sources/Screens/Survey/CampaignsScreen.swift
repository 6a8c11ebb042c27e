import Domain
import Storage
import TerminalUI

/// The survey campaigns of one centre, newest first, with their progress against the target. From here a
/// clerk enters forms, finds and corrects them, imports a spreadsheet, or reads the needs analysis.
struct CampaignsScreen: KeyedScreen, Equatable {
    enum Action: Sendable, Equatable { case move(Key), add, edit, enter, responses, needs, importFile, viewWhole, close }

    private(set) var centre: Centre
    private(set) var campaigns: [SurveyCampaign] = []
    private(set) var counts: [Int64: Int] = [:]
    var table = TableState()
    var modal: Modal<Action>?
    var viewport = Rect.standardArea

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

    mutating func changed(_ change: Change, _ ctx: AppContext) {
        switch change {
        case .survey(let id, _) where id == centre.id: reload(ctx)
        case .centre(let code) where code == centre.code: reload(ctx)
        default: break
        }
    }

    var currentCentreID: Int64? { centre.id }

    var selected: SurveyCampaign? { campaigns.indices.contains(table.selected) ? campaigns[table.selected] : nil }

    func title(_ ctx: AppContext) -> String { ctx.strings(.campaignsTitle, centre.code) }

    func keymap(_ ctx: AppContext) -> Keymap<Action> {
        let s = ctx.strings
        let edits = ctx.can(.editSurveys, on: centre)
        return Keymap([
            edits ? .function(2, also: [.insert], shortcut: .add, action: .add, label: s[.keyNewCampaign],
                              help: s[.helpCampaignAdd]) : nil,
            edits ? .function(4, action: .edit, label: s[.keyEdit], help: s[.helpCampaignEdit]) : nil,
            edits ? .function(5, also: [.enter], action: .enter, label: s[.keyEnterForms], help: s[.helpCampaignEnter]) : nil,
            .function(6, also: edits ? [] : [.enter], action: .responses, label: s[.keyForms], help: s[.helpCampaignForms]),
            .function(7, action: .needs, label: s[.keyNeeds], help: s[.helpCampaignNeeds]),
            edits ? .function(8, action: .importFile, label: s[.keyImport], help: s[.helpCampaignImport]) : nil,
            .function(10, also: [.escape], action: .close, label: s[.keyClose], help: s[.helpBoardClose]),
            ListKeys.viewWhole(.viewWhole, ctx),
            ListKeys.move(.move(.down), ctx),
        ].compactMap { $0 })
    }

    func action(for key: Key, _ ctx: AppContext) -> Action? { listAction(for: key, ctx, move: Action.move) }

    func tableRect(in area: Rect) -> Rect { Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1) }

    mutating func update(_ action: Action, _ ctx: AppContext) -> [AppCommand] {
        let s = ctx.strings
        let centreID = centre.id ?? 0
        switch action {
        case .move(let key): _ = table.handle(key, pageSize: Self.pageSize(of: tableRect(in: viewport)))
        case .close: return [.pop]
        case .add: return [.open(.campaignForm(centreID: centreID, campaignID: nil))]
        case .edit:
            guard let id = selected?.id else { return [] }
            return [.open(.campaignForm(centreID: centreID, campaignID: id))]
        case .viewWhole:
            guard let campaign = selected else { return [] }
            view(.row(title: campaign.title, columns: columns(s), cells: cells(campaign)))
        case .enter, .responses, .needs, .importFile:
            guard let id = selected?.id else { return [.message(StatusMessage(s.emptyHint(.campaignsEmptyHint, .campaignsEmptyReadOnly, canAdd: ctx.can(.editSurveys))))] }
            switch action {
            case .enter:
                guard !centre.villages.isEmpty else { return [.message(StatusMessage(s[.surveyNoVillages], kind: .warning))] }
                return [.open(.surveyEntry(campaignID: id, responseID: nil))]
            case .responses: return [.open(.responses(campaignID: id))]
            case .needs: return [.open(.needs(campaignID: id))]
            default: return [.open(.surveyImport(campaignID: id))]
            }
        }
        return []
    }

    func columns(_ s: Strings) -> [TableColumn] {
        [TableColumn(s[.columnID], width: 4, alignRight: true), TableColumn(s[.columnYear], width: 5),
         TableColumn(s[.fieldCampaignTitle]), TableColumn(s[.columnForms], width: 9, alignRight: true),
         TableColumn(s[.columnPeriod], width: 23)]
    }

    func cells(_ c: SurveyCampaign) -> [String] {
        let period = (c.start?.vietnamese ?? "…") + " – " + (c.end?.vietnamese ?? "…")
        return [String(c.id ?? 0), String(c.year), c.title, "\(counts[c.id ?? 0] ?? 0)/\(c.target)", period]
    }

    func statusHint(_ ctx: AppContext) -> StatusMessage? {
        campaigns.isEmpty ? StatusMessage(ctx.strings.emptyHint(.campaignsEmptyHint, .campaignsEmptyReadOnly, canAdd: ctx.can(.editSurveys))) : nil
    }

    mutating func render(into buffer: inout ScreenBuffer, area: Rect, _ ctx: AppContext) -> Point? {
        let s = ctx.strings
        buffer.write(centre.name, x: area.x + 1, y: area.y, style: ctx.theme.labelFocused, maxWidth: area.width - 2)
        let rows = campaigns
        let me = self
        table.render(into: &buffer, rect: tableRect(in: area), columns: me.columns(s), sortColumn: nil, ascending: true,
                     theme: ctx.theme, cells: { row in me.cells(rows[row]) })
        return nil
    }
}

/// Creating or changing a campaign, and the centre's list of villages the forms refer to.
struct CampaignFormScreen: FormScreen, Equatable {
    enum Action: Sendable, Equatable, FormAction { case formKey(Key), save, cancel }

    enum Field: Hashable, Sendable {
        case section, title, year, start, end, responsible, target, sectionMethods, method(SurveyMethod)
        case sectionVillages, villages

        init(_ field: CampaignField) {
            switch field {
            case .title: self = .title
            case .year: self = .year
            case .start: self = .start
            case .end: self = .end
            case .target: self = .target
            case .responsible: self = .responsible
            }
        }
    }

    /// What the form edits: the campaign and the centre's villages.
    struct Draft {
        var campaign: SurveyCampaign
        var villages: [String]
    }

    let centre: Centre
    let original: SurveyCampaign?
    let fields: FormBindings<Draft, Field>
    var form: Form<Field>
    var modal: Modal<Action>?
    var viewport = Rect.standardArea

    init(ctx: AppContext, centre: Centre, campaign: SurveyCampaign?) {
        self.centre = centre
        original = campaign
        let s = ctx.strings
        let year = campaign?.year ?? ctx.clock.today.year
        let base = campaign ?? SurveyCampaign(centreID: centre.id ?? 0, year: year, title: s(.campaignDefaultTitle, year))
        let make = FieldMaker<Draft, Field>(ctx)
        var list = [
            make.section(.section, s[.sectionCampaign]),
            make.text(.title, s[.fieldCampaignTitle], help: s[.helpFieldCampaignTitle], \.campaign.title, max: 120),
            make.number(.year, s[.columnYear], help: s[.helpFieldCampaignYear], \.campaign.year, digits: 4),
            make.date(.start, s[.fieldCampaignStart], help: s[.helpFieldDecisionDate], \.campaign.start),
            make.date(.end, s[.fieldCampaignEnd], help: s[.helpFieldDecisionDate], \.campaign.end),
            make.text(.responsible, s[.fieldCampaignResponsible], help: s[.helpFieldCampaignResponsible],
                      \.campaign.responsible, max: 80),
            make.number(.target, s[.fieldCampaignTarget], help: s[.helpFieldCampaignTarget], \.campaign.target),
            make.section(.sectionMethods, s[.sectionMethods]),
        ]
        for method in SurveyMethod.allCases {
            list.append(FieldBinding(spec: FieldSpec(.method(method), label: s.name(method), help: s[.helpFieldMethods],
                                                     kind: .checkbox),
                                     read: { .flag($0.campaign.methods.contains(method)) },
                                     write: { draft, value in
                                         guard case .flag(let on) = value else { return nil }
                                         let others = draft.campaign.methods.filter { $0 != method }
                                         draft.campaign.methods = SurveyMethod.allCases.filter {
                                             others.contains($0) || (on && $0 == method)
                                         }
                                         return nil
                                     }))
        }
        list += [
            make.section(.sectionVillages, s[.sectionVillages]),
            make.villages(.villages, s[.fieldVillages], help: s[.helpFieldVillages], \.villages),
        ]
        fields = FormBindings(list)
        form = fields.form(Draft(campaign: base, villages: centre.villages))
    }

    var currentCentreID: Int64? { centre.id }

    func title(_ ctx: AppContext) -> String {
        original == nil ? ctx.strings[.campaignAddTitle] : ctx.strings(.campaignEditTitle, original?.id ?? 0)
    }

    func keymap(_ ctx: AppContext) -> Keymap<Action> { Keymap([.saveForm(.save, ctx), .closeForm(.cancel, ctx)]) }

    mutating func update(_ action: Action, _ ctx: AppContext) -> [AppCommand] {
        let s = ctx.strings
        switch action {
        case .formKey(let key): _ = form.handle(key)
        case .cancel: return [.close]
        case .save:
            form.clearMessages()
            let base = Draft(campaign: original ?? SurveyCampaign(centreID: centre.id ?? 0, year: 0), villages: centre.villages)
            let (draft, unreadable) = fields.read(form, into: base)
            if let first = unreadable.first { return reject(first.id, first.problem) }
            if let (field, problem) = CampaignValidator.validate(draft.campaign, today: ctx.clock.today).first {
                return reject(Field(field), s.describe(problem))
            }
            do {
                if draft.villages != centre.villages {
                    var changed = centre
                    changed.villages = draft.villages
                    try ctx.database.saveCentre(changed, by: ctx.actor, at: ctx.clock.now)
                }
                let saved = try ctx.database.saveCampaign(draft.campaign, by: ctx.actor, at: ctx.clock.now)
                var commands: [AppCommand] = [.pop, .changed(.survey(centreID: centre.id ?? 0, campaignID: saved.id ?? 0))]
                if draft.villages != centre.villages { commands.append(.changed(.centre(code: centre.code))) }
                return commands + [.message(StatusMessage(s[.campaignSaved]))]
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
