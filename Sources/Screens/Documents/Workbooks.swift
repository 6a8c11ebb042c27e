import Documents
import Domain
import Foundation
import Storage

/// The Excel workbooks an office hands on: what each holds, by sheet, with numbers and dates typed (the targets
/// workbook is in TargetsWorkbook.swift).
public enum WorkbookKind: String, CaseIterable, Sendable {
    case roster, board, survey, needs, plans, targets
}

public enum Workbooks {
    /// Every centre the office sees: one row each.
    public static func roster(_ source: DocumentSource) throws -> Workbook {
        let s = source.strings
        let centres = try source.centresOfOffice()
        let planned = try source.database.centresWithApprovedAnnualPlan(year: source.today.year)
        let rows = centres.map { c -> [Cell] in
            let commune = c.communeCode.flatMap { source.units.unit(code: $0) }
            let decision = c.establishment
            return [.text(c.code), .text(c.name), .text(commune?.name ?? ""),
                    .text(source.units.province(code: c.provinceCode)?.name ?? ""), .text(c.address), .text(s.name(c.model)),
                    .text(c.isPilot ? s[.docYes] : ""), .text(s.name(c.status)), .text(decision.number),
                    decision.date.map(Cell.date) ?? .empty, .text(decision.issuer), .number(c.venues.count),
                    .number(c.facilities.filter(\.present).count), .number(c.villages.count),
                    .text(planned.contains(c.id ?? 0) ? s[.docYes] : s[.docNo]),
                    c.updatedAt.map { .date(LocalDate(date: $0, timeZone: .current)) } ?? .empty]
        }
        return Workbook(sheets: [Sheet(name: s[.sheetCentres], headers: [
            s[.columnCode], s[.columnName], s[.columnCommune], s[.fieldProvince], s[.fieldAddress], s[.fieldModel],
            s[.fieldPilot], s[.columnStatus], s[.fieldDecisionNumber], s[.fieldDecisionDate], s[.fieldDecisionIssuer],
            s[.sheetColumnVenues], s[.sheetColumnFacilities], s[.sheetColumnVillages],
            s(.sheetColumnAnnualPlan, source.today.year), s[.columnUpdated],
        ], rows: rows)])
    }

    /// The board checks of every working centre on a day: a summary, each failed rule, and the members.
    public static func board(_ source: DocumentSource, asOf: LocalDate) throws -> Workbook {
        let s = source.strings
        let engine = BoardCompliance(table: source.boardRules,
                                     parameters: try source.database.boardParameters(defaults: source.boardRules.parameters),
                                     units: source.units)
        let centres = try source.centresOfOffice().filter { $0.status == .active || $0.status == .suspended }
        var summary: [[Cell]] = [], findings: [[Cell]] = [], members: [[Cell]] = []
        for centre in centres {
            let board = try source.database.boardMembers(centreID: centre.id ?? 0)
            let report = engine.check(centreID: centre.id ?? 0, members: board,
                                      staff: try source.database.staffMembers(centreID: centre.id ?? 0), asOf: asOf)
            let failed = report.results.filter { $0.outcome == .fail }
            summary.append([.text(centre.code), .text(centre.name), .text(s.name(centre.status)),
                            .number(board.filter { $0.isCurrent(on: asOf) }.count), .number(report.errorCount),
                            .number(report.warningCount), .text(failed.first.map { s.text($0.rule.title) } ?? "")])
            for result in failed {
                findings.append([.text(centre.code), .text(centre.name),
                                 .text(result.rule.severity == .error ? s[.severityError] : s[.severityWarning]),
                                 .text(s.text(result.rule.title)), .text(result.findings.map(s.describe).joined(separator: "\n")),
                                 .text(s.text(result.rule.basis)), .text(s.text(result.rule.remedy))])
            }
            for m in board {
                members.append([.text(centre.code), .text(centre.name), .text(m.fullName), .text(s.name(m.role)),
                                .text(s.name(m.position)), .text(s.name(m.homeBody)), .text(m.post), .text(m.decision.number),
                                m.decision.date.map(Cell.date) ?? .empty, .text(m.decision.issuer),
                                m.termStart.map(Cell.date) ?? .empty, m.termEnd.map(Cell.date) ?? .empty,
                                .number(m.trainings(in: asOf.year).count)])
            }
        }
        return Workbook(sheets: [
            Sheet(name: s[.sheetBoardSummary], headers: [
                s[.columnCode], s[.columnName], s[.columnStatus], s[.sheetColumnMembers], s[.columnErrors],
                s[.columnWarnings], s[.columnFirstProblem],
            ], rows: summary),
            Sheet(name: s[.sheetBoardFindings], headers: [
                s[.columnCode], s[.columnName], s[.sheetColumnSeverity], s[.sheetColumnRule], s[.sheetColumnFinding],
                s[.sheetColumnBasis], s[.whatToDo],
            ], rows: findings),
            Sheet(name: s[.sheetBoardMembers], headers: [
                s[.columnCode], s[.columnName], s[.fieldFullName], s[.fieldRole], s[.fieldPosition], s[.fieldHomeBody],
                s[.fieldPost], s[.fieldDecisionNumber], s[.fieldDecisionDate], s[.fieldDecisionIssuer], s[.fieldTermStart],
                s[.fieldTermEnd], s(.sheetColumnTrainings, asOf.year),
            ], rows: members),
        ])
    }

    /// A campaign's forms: with the choices' labels (as the CSV export), with their codes, and the code list.
    public static func survey(_ campaign: SurveyCampaign, _ source: DocumentSource) throws -> Workbook {
        let s = source.strings
        guard let questionnaire = source.questionnaire else { return Workbook(sheets: []) }
        let responses = try source.database.responses(campaignID: campaign.id ?? 0)
        let codes = responses.map { response in
            questionnaire.questions.map { question -> Cell in
                switch response.answers[question.id] {
                case .codes(let codes)?: return .text(codes.map(String.init).joined(separator: "; "))
                case .number(let n)?: return .number(n)
                case .text(let t)?: return .text(t)
                case nil: return .empty
                }
            }
        }
        var codeList: [[Cell]] = []
        for question in questionnaire.questions {
            for choice in questionnaire.choices(for: question) {
                codeList.append([.text(question.id), .text(s.text(question.label)), .number(choice.code), .text(s.text(choice.label))])
            }
        }
        return Workbook(sheets: [
            surveyForms(responses, questionnaire, s),
            Sheet(name: s[.sheetFormsCodes], headers: questionnaire.questions.map(\.id), rows: codes),
            Sheet(name: s[.sheetCodeList], headers: [s[.sheetColumnQuestionID], s[.sheetColumnQuestion],
                                                     s[.sheetColumnCode], s[.sheetColumnLabel]], rows: codeList),
        ])
    }

    /// The forms with their answers in words: the sheet the CSV export of the forms writes.
    static func surveyForms(_ responses: [SurveyResponse], _ questionnaire: Questionnaire, _ s: Strings) -> Sheet {
        Sheet(name: s[.sheetFormsLabels], headers: surveyFormHeaders(questionnaire, s),
              rows: responses.map { surveyFormRow($0, questionnaire, s) })
    }

    static func surveyFormHeaders(_ questionnaire: Questionnaire, _ s: Strings) -> [String] {
        questionnaire.questions.map { s.text($0.label) }
    }

    /// One form's answers in words, in the questionnaire's order.
    static func surveyFormRow(_ response: SurveyResponse, _ questionnaire: Questionnaire, _ s: Strings) -> [Cell] {
        questionnaire.questions.map { question -> Cell in
            switch response.answers[question.id] {
            case .codes(let codes)?: return .text(codes.map { s.label(of: $0, in: question, questionnaire) }.joined(separator: "; "))
            case .number(let n)?: return .number(n)
            case .text(let t)?: return .text(t)
            case nil: return .empty
            }
        }
    }

    /// A campaign's needs: topics (the sheet the CSV export of the needs writes), formats, times, seasons, and
    /// the forms counted against the target.
    public static func needs(_ campaign: SurveyCampaign, _ analysis: NeedsAnalysis, _ source: DocumentSource) -> Workbook {
        let s = source.strings
        guard let questionnaire = source.questionnaire else { return Workbook(sheets: []) }
        let groups: [(StringKey, String, [Tally])] = [
            (.sheetNeedsTopics, "topics", analysis.topics), (.sheetNeedsFormats, "format", analysis.formats),
            (.sheetNeedsTimes, "timeOfDay", analysis.times), (.sheetNeedsSeasons, "season", analysis.seasons),
        ]
        let summary = Sheet(name: s[.sheetNeedsSummary], headers: [s[.sheetColumnRespondents], s[.sheetColumnTarget],
                                                                    s[.sheetColumnCoverage]],
                            rows: [[.number(analysis.respondents), .number(campaign.target), .percent(analysis.coverage)]])
        return Workbook(sheets: groups.map { tallySheet($0.0, $0.1, $0.2, questionnaire, s) } + [summary])
    }

    /// One question's tallies: the choice, how many chose it, the share of the forms.
    static func tallySheet(_ name: StringKey, _ field: String, _ tallies: [Tally], _ questionnaire: Questionnaire,
                           _ s: Strings) -> Sheet {
        let question = questionnaire.question(field)
        return Sheet(name: s[name], headers: [s[.exportTopic], s[.exportCount], s[.exportShare]], rows: tallies.map { tally in
            [.text(question.map { s.label(of: tally.code, in: $0, questionnaire) } ?? String(tally.code)),
             .number(tally.count), .percent(tally.share)]
        })
    }

    /// Plans with their activities and what was done, for the office's centres (one centre, one year if given).
    public static func plans(_ source: DocumentSource, centre: Centre?, year: Int?) throws -> Workbook {
        let s = source.strings
        let centres = try centre.map { [$0] } ?? source.centresOfOffice()
        var planRows: [[Cell]] = [], activityRows: [[Cell]] = []
        for c in centres {
            for plan in try source.database.plans(centreID: c.id ?? 0, year: year) {
                let total = PlanReport.compute(plan).total
                planRows.append([.number(Int(plan.id ?? 0)), .text(c.code), .text(c.name), .text(s.name(plan.kind, month: plan.month)),
                                 .number(plan.year), plan.month.map(Cell.number) ?? .empty, .text(plan.title),
                                 .number(plan.version), .text(s.name(plan.status)), plan.approvedOn.map(Cell.date) ?? .empty,
                                 .number(plan.targetClasses), .number(plan.targetTalks), .number(plan.targetLearners),
                                 .number(plan.activities.count), .number(total.done), .number(plan.totalCost),
                                 .number(total.costSpent)])
                for (index, a) in plan.activities.enumerated() {
                    let topic = a.topic.flatMap { source.questionnaire?.topic($0) }.map { s.text($0.label) } ?? ""
                    let o = a.outcome
                    activityRows.append([.number(Int(plan.id ?? 0)), .text(c.code), .number(index + 1), .text(a.title),
                                         .text(topic), .text(s.name(a.format)), a.effectiveMonth.map(Cell.number) ?? .empty,
                                         a.date.map(Cell.date) ?? .empty, .text(a.venue), .number(a.expectedLearners),
                                         .text(a.responsible), .text(a.speaker), .number(a.cost), .text(s.name(a.costSource)),
                                         .text(s.name(o.state)), o.actualDate.map(Cell.date) ?? .empty, .number(o.participants),
                                         .number(o.women), .number(o.ethnicMinority), .number(o.cost), .text(o.notes)])
                }
            }
        }
        return Workbook(sheets: [
            Sheet(name: s[.sheetPlans], headers: [
                s[.columnID], s[.columnCode], s[.columnName], s[.columnKind], s[.columnYear], s[.columnMonth],
                s[.fieldPlanTitle], s[.sheetColumnVersion], s[.columnStatus], s[.sheetColumnApprovedOn],
                s[.fieldTargetClasses], s[.fieldTargetTalks], s[.fieldTargetLearners], s[.columnActivities],
                s[.sheetColumnDone], s[.sheetColumnCostPlanned], s[.fieldCostSpent],
            ], rows: planRows),
            Sheet(name: s[.sheetActivities], headers: [
                s[.sheetColumnPlanID], s[.columnCode], s[.docColumnNumber], s[.fieldActivityTitle], s[.fieldActivityTopic],
                s[.fieldActivityFormat], s[.columnMonth], s[.fieldActivityDate], s[.fieldActivityVenue],
                s[.fieldExpectedLearners], s[.fieldResponsible], s[.fieldSpeaker], s[.fieldCost], s[.fieldCostSource],
                s[.fieldOutcomeState], s[.fieldActualDate], s[.fieldParticipants], s[.fieldWomen], s[.fieldMinority],
                s[.fieldCostSpent], s[.fieldNotes],
            ], rows: activityRows),
        ])
    }
}
