import Domain
import Foundation
import Storage
import TerminalUI

/// The needs a campaign shows: topics ranked as a bar chart, the preferred formats, times and seasons, the
/// number of respondents against the target, filtered by village, sex, age band and occupation. F4 exports
/// the analysis and the forms as CSV files for Excel.
struct NeedsScreen: KeyedScreen, Equatable {
    enum Action: Sendable, Equatable {
        case village, villagePicked(String), sex, age, occupation, occupationPicked(String), clear
        case export, exportFolder(String), viewWhole, scroll(Key), close
    }

    let campaign: SurveyCampaign
    let centre: Centre
    let questionnaire: Questionnaire
    var filter = NeedsFilter()
    var analysis: NeedsAnalysis
    /// The first topic shown in the chart: ↑ ↓ PgUp PgDn reach every topic, the last one included.
    private(set) var chartScroll = 0
    var modal: Modal<Action>?
    var viewport = Rect.standardArea
    private var loadError: String?

    init(ctx: AppContext, campaign: SurveyCampaign, centre: Centre, questionnaire: Questionnaire) {
        self.campaign = campaign
        self.centre = centre
        self.questionnaire = questionnaire
        analysis = NeedsAnalysis.compute([], campaign: campaign)
        recompute(ctx)
    }

    /// The stored counts under the filter: milliseconds whatever the campaign's size.
    private mutating func recompute(_ ctx: AppContext) {
        do {
            analysis = try ctx.database.needsAnalysis(campaignIDs: [campaign.id ?? 0], filter: filter)
            loadError = nil
        } catch {
            loadError = ctx.strings.readFailure(error)
        }
        chartScroll = 0
    }

    mutating func changed(_ change: Change, _ ctx: AppContext) {
        guard case .survey(_, let id) = change, id == campaign.id else { return }
        recompute(ctx)
    }

    var currentCentreID: Int64? { centre.id }

    /// Rows of the chart in `area`: what is left between the filter lines and the three summary lines.
    static func chartHeight(in area: Rect) -> Int { max(1, area.height - 7) }

    func title(_ ctx: AppContext) -> String { ctx.strings(.needsTitle, centre.code, campaign.year) }

    func keymap(_ ctx: AppContext) -> Keymap<Action> {
        let s = ctx.strings
        return Keymap([
            .function(4, action: .export, label: s[.keyExport], help: s[.helpNeedsExport]),
            .function(5, action: .village, label: s[.keyVillage], help: s[.helpNeedsVillage]),
            .function(6, action: .sex, label: s[.fieldSex], help: s[.helpNeedsSex]),
            .function(7, action: .age, label: s[.keyAge], help: s[.helpNeedsAge]),
            .function(8, action: .occupation, label: s[.keyOccupation], help: s[.helpNeedsOccupation]),
            .function(9, action: .clear, label: s[.keyClearFilters], help: s[.helpAuditClear]),
            .function(10, also: [.escape], action: .close, label: s[.keyClose], help: s[.helpBoardClose]),
            .function(3, also: [.enter], shortcut: .viewWhole, action: .viewWhole, label: s[.keyViewTable],
                      help: s[.helpNeedsViewWhole]),
            KeyBinding(keys: [.up, .down, .pageUp, .pageDown, .home, .end], action: .scroll(.down),
                       help: s[.helpChartScroll]),
        ])
    }

    func action(for key: Key, _ ctx: AppContext) -> Action? {
        key.movesSelection ? .scroll(key) : keymap(ctx).action(for: key)
    }

    mutating func update(_ action: Action, _ ctx: AppContext) -> [AppCommand] {
        let s = ctx.strings
        switch action {
        case .close: return [.pop]
        case .clear:
            filter = NeedsFilter()
            recompute(ctx)
        case .sex:
            filter.sex = filter.sex == nil ? 1 : (filter.sex == 1 ? 2 : nil)
            recompute(ctx)
        case .age:
            let bands: [AgeBand?] = [nil] + AgeBand.allCases.map { $0 }
            let index = bands.firstIndex(of: filter.ageBand) ?? 0
            filter.ageBand = bands[(index + 1) % bands.count]
            recompute(ctx)
        case .village:
            modal = .picker(PickerDialog(title: s[.keyVillage], items: [ChoiceItem(id: "", label: s[.filterAll])]
                                             + centre.villages.map { ChoiceItem(id: $0, label: $0) },
                                         selectedID: filter.village ?? ""),
                            pick: Reply(Action.villagePicked))
        case .villagePicked(let village):
            filter.village = village.isEmpty ? nil : village
            recompute(ctx)
        case .occupation:
            let items = questionnaire.question("occupation").map { questionnaire.choices(for: $0) } ?? []
            modal = .picker(PickerDialog(title: s[.keyOccupation], items: [ChoiceItem(id: "", label: s[.filterAll])]
                                             + items.map { ChoiceItem(id: String($0.code), label: s.text($0.label)) },
                                         selectedID: filter.occupation.map(String.init) ?? ""),
                            pick: Reply(Action.occupationPicked))
        case .occupationPicked(let code):
            filter.occupation = Int(code)
            recompute(ctx)
        case .scroll(let key):
            let page = Self.chartHeight(in: viewport)
            let last = max(0, analysis.topics.count - page)
            switch key {
            case .up: chartScroll = max(0, chartScroll - 1)
            case .down: chartScroll = min(last, chartScroll + 1)
            case .pageUp: chartScroll = max(0, chartScroll - page)
            case .pageDown: chartScroll = min(last, chartScroll + page)
            case .home: chartScroll = 0
            case .end: chartScroll = last
            default: break
            }
        case .viewWhole:
            let lines = wholeAnalysis(ctx)
            view(TextViewer(title: title(ctx), paragraphs: lines.map(\.text),
                            headings: Set(lines.indices.filter { lines[$0].heading })))
        case .export:
            let start = ctx.lastFolder ?? UserFolder.home
            modal = .prompt(PromptDialog(title: s[.exportTitle], label: s[.exportFolderLabel], text: start, maxLength: 300),
                            submit: Reply(Action.exportFolder))
        case .exportFolder(let folder):
            do {
                let paths = try SurveyExport.write(to: UserFolder.resolve(folder), campaign: campaign, centre: centre,
                                                   database: ctx.database, analysis: analysis,
                                                   questionnaire: questionnaire, strings: s)
                ctx.lastFolder = UserFolder.resolve(folder)
                return [.message(StatusMessage(s(.exportDone, paths.joined(separator: ", "))))]
            } catch {
                let problem = (error as? CSVFileError).map(s.describe) ?? s.readFailure(error)
                modal = .prompt(PromptDialog(title: s[.exportTitle], label: s[.exportFolderLabel], text: folder,
                                             maxLength: 300).refused(problem), submit: Reply(Action.exportFolder))
            }
        }
        return []
    }

    /// Every tally of the analysis as text: topics, formats, times and seasons, each with its count and share.
    func wholeAnalysis(_ ctx: AppContext) -> [(text: String, heading: Bool)] {
        let s = ctx.strings
        var lines: [(text: String, heading: Bool)] = [(s[.needsTopicsHeader], true)]
        let groups: [(StringKey, String, [Tally])] = [
            (.needsTopicsHeader, "topics", analysis.topics), (.needsFormats, "format", analysis.formats),
            (.needsTimes, "timeOfDay", analysis.times), (.needsSeasons, "season", analysis.seasons),
        ]
        for (index, group) in groups.enumerated() {
            if index > 0 { lines += [("", false), (s[group.0], true)] }
            let question = questionnaire.question(group.1)
            for tally in group.2 {
                let label = question.map { s.label(of: tally.code, in: $0, questionnaire) } ?? String(tally.code)
                lines.append(("  " + label + "  " + "\(tally.count) (\(Int((tally.share * 100).rounded()))%)", false))
            }
        }
        return lines
    }

    func statusHint(_ ctx: AppContext) -> StatusMessage? {
        if let loadError { return StatusMessage(loadError, kind: .error) }
        return StatusMessage(ctx.strings(.needsCoverage, analysis.respondents, campaign.target,
                                  Int((analysis.coverage * 100).rounded())))
    }

    mutating func render(into buffer: inout ScreenBuffer, area: Rect, _ ctx: AppContext) -> Point? {
        let s = ctx.strings
        let theme = ctx.theme
        let none = s[.filterAll]
        let occupation = filter.occupation.flatMap { code in
            questionnaire.question("occupation").map { s.label(of: code, in: $0, questionnaire) }
        } ?? none
        let filters = [s[.keyVillage] + ": " + (filter.village ?? none),
                       s[.fieldSex] + ": " + (filter.sex.map { $0 == 1 ? s[.sexMale] : s[.sexFemale] } ?? none),
                       s[.keyAge] + ": " + (filter.ageBand.map { s.name($0) } ?? none),
                       s[.keyOccupation] + ": " + occupation]
        buffer.write(filters.joined(separator: " · "), x: area.x + 1, y: area.y, style: theme.label, maxWidth: area.width - 2)
        buffer.write(s(.needsRespondents, analysis.respondents, campaign.target, Int((analysis.coverage * 100).rounded())),
                     x: area.x + 1, y: area.y + 1, style: theme.labelFocused, maxWidth: area.width - 2)
        let topicsQuestion = questionnaire.question("topics")
        let chartHeight = Self.chartHeight(in: area)
        let bars = analysis.topics.dropFirst(chartScroll).prefix(chartHeight).map { tally in
            BarChart.Bar(label: topicsQuestion.map { s.label(of: tally.code, in: $0, questionnaire) } ?? String(tally.code),
                         value: Double(tally.count),
                         caption: "\(tally.count) (\(Int((tally.share * 100).rounded()))%)")
        }
        buffer.write(s[.needsTopicsHeader], x: area.x + 1, y: area.y + 2, style: theme.section)
        if analysis.topics.count > chartHeight {
            let position = s(.chartPosition, chartScroll + 1, min(analysis.topics.count, chartScroll + chartHeight),
                             analysis.topics.count)
            buffer.write(position, x: area.maxX - DisplayWidth.of(position) - 1, y: area.y + 2, style: theme.dim)
        }
        BarChart.render(into: &buffer, rect: Rect(x: area.x + 1, y: area.y + 3, width: area.width - 2, height: chartHeight),
                        bars: Array(bars), labelWidth: 28, captionWidth: 10, theme: theme)
        if analysis.respondents == 0 {
            buffer.write(s[.needsNoRespondents], x: area.x + 2, y: area.y + 4, style: theme.dim)
        }
        var y = area.maxY - 3
        for (field, label) in [("format", s[.needsFormats]), ("timeOfDay", s[.needsTimes]), ("season", s[.needsSeasons])] {
            let tallies = field == "format" ? analysis.formats : (field == "timeOfDay" ? analysis.times : analysis.seasons)
            let question = questionnaire.question(field)
            let text = tallies.map { tally in
                (question.map { s.label(of: tally.code, in: $0, questionnaire) } ?? "") + " \(Int((tally.share * 100).rounded()))%"
            }.joined(separator: " · ")
            buffer.write(label + ": " + text, x: area.x + 1, y: y, style: theme.normal, maxWidth: area.width - 2)
            y += 1
        }
        return nil
    }
}

/// Writing a campaign's forms and needs analysis as CSV files for Excel.
enum SurveyExport {
    /// Writes "<centre>-<year>-phieu.csv" and "<centre>-<year>-nhu-cau.csv" in `folder`; returns their paths.
    /// The analysis ends with the audit trail's head, an anchor `audit verify --anchor` can check later.
    static func write(to folder: String, campaign: SurveyCampaign, centre: Centre, database: AppDatabase,
                      analysis: NeedsAnalysis, questionnaire: Questionnaire, strings s: Strings) throws -> [String] {
        let style = try database.csvStyle()
        let base = (folder as NSString).appendingPathComponent("\(centre.code)-\(campaign.year)")
        let formsPath = base + "-" + s[.exportFormsSuffix] + ".csv"
        let needsPath = base + "-" + s[.exportNeedsSuffix] + ".csv"
        let headers = questionnaire.questions.map { s.text($0.label) }
        // One form at a time from the data file to the CSV file: a campaign of any size costs the same memory.
        try CSVFiles.write(path: formsPath, style: style, headers: headers) { emit in
            try database.forEachResponse(campaignID: campaign.id ?? 0) { response in
                try emit(questionnaire.questions.map { question -> String in
                    guard let answer = response.answers[question.id] else { return "" }
                    switch answer {
                    case .codes(let codes): return codes.map { s.label(of: $0, in: question, questionnaire) }.joined(separator: "; ")
                    case .number(let n): return String(n)
                    case .text(let t): return t
                    }
                })
            }
        }
        let topics = questionnaire.question("topics")
        try CSVFiles.write(
            path: needsPath, style: style, headers: [s[.exportTopic], s[.exportCount], s[.exportShare]],
            rows: analysis.topics.map { tally in
                [topics.map { s.label(of: tally.code, in: $0, questionnaire) } ?? String(tally.code), String(tally.count),
                 style.decimal(tally.share * 100, places: 1) + "%"]
            } + ((try database.auditHead()).map { [[s(.auditHeadLine, $0.printed), "", ""]] } ?? []))
        return [formsPath, needsPath]
    }
}

extension Strings {
    public func describe(_ error: CSVFileError) -> String {
        switch error {
        case .unreadable(let path): return self(.csvUnreadable, path)
        case .notUTF8(let path): return self(.csvNotUTF8, path)
        case .empty(let path): return self(.csvEmpty, path)
        case .unwritable(let path, let reason): return self(.csvUnwritable, path, describe(reason))
        case .recordTooLong(let path, let line, let limit): return self(.csvRecordTooLong, path, line, limit)
        }
    }
}
