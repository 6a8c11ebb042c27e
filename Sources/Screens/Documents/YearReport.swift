import Documents
import Domain

/// The centre's year-end report (báo cáo tổng kết). Its parts are a list of sections, each made from the year's
/// facts and left out when it has nothing true to say.
public enum YearReport {
    /// What the sections are made from.
    public struct Facts {
        public let centre: Centre
        public let unit: UnitWords
        public let year: Int
        /// The day the figures stand at: the end of the year, or today while the year runs.
        public let asOf: LocalDate
        public let members: [BoardMember]
        /// The annual plan in force for the year (approved, the latest version), if any.
        public let annualPlan: Plan?
        public let approvedMonthlyPlans: Int
        public let surveys: [PlanDocuments.Survey]
        /// The money of the year: the estimate, the allocation and what was received, by source.
        public let funding: FundingYear
        /// The year's evaluation, if the centre started one, and the maximum of its criteria set.
        public let evaluation: Evaluation?
        public let maximum: Int
    }

    public typealias Section = ReportSection<Facts>

    /// The parts, in order.
    public static let sections: [Section] = [
        Section(heading: .docReportPartSituation, blocks: situation),
        Section(heading: .docReportPartPlan, blocks: planResults),
        Section(heading: .docReportPartLearners, blocks: learners),
        Section(heading: .docReportPartMoney, blocks: money),
        Section(heading: .docReportPartSurvey, blocks: survey),
        Section(heading: .docReportPartEvaluation, blocks: evaluation),
    ]

    public static func facts(centre: Centre, year: Int, source: DocumentSource) throws -> Facts {
        let end = LocalDate(year: year, month: 12, day: 31)!
        let plans = try source.database.plans(centreID: centre.id ?? 0, year: year)
        let annual = plans.filter { $0.kind == .annual && $0.status == .approved }.max { $0.version < $1.version }
        let campaigns = try source.database.campaigns(centreID: centre.id ?? 0).filter { $0.year == year }
        let evaluation = try source.database.evaluation(centreID: centre.id ?? 0, year: year)
        let set = evaluation.flatMap { EvaluationRules.shipped?.set(of: $0, province: source.office?.provinceCode) }
        return Facts(centre: centre, unit: try source.unit(of: centre), year: year, asOf: min(end, source.today),
                     members: try source.database.boardMembers(centreID: centre.id ?? 0), annualPlan: annual,
                     approvedMonthlyPlans: plans.filter { $0.kind == .monthly && $0.status == .approved }.count,
                     surveys: try campaigns.map { PlanDocuments.Survey(campaign: $0, analysis: try source.needs(of: $0)) },
                     funding: try source.database.fundingYear(centreID: centre.id ?? 0, year: year),
                     evaluation: evaluation, maximum: set?.maximum ?? 0)
    }

    public static func document(centre: Centre, year: Int, source: DocumentSource) throws -> OfficialDocument {
        let s = source.strings
        let facts = try facts(centre: centre, year: year, source: source)
        let parts = try sections.parts(facts, source)
        let director = facts.members.first { $0.role == .director && $0.isCurrent(on: source.today) }
        return OfficialDocument(
            kind: .yearReport, superiorBody: s.committee(facts.unit).uppercased(), issuingBody: s[.docCentreIssuer],
            motto: s[.docMotto], slogan: s[.docSlogan], number: s(.docNumberCentreReport, s.registerNumber(nil)),
            placeAndDate: s.placeAndDate(facts.unit.name, source.today), title: s[.docReportTitle],
            subject: s(.docYearReportSubject, year, facts.unit.full), body: PlanDocuments.numbered(parts),
            recipientsLabel: s[.docRecipients],
            recipients: [s(.docRecipientReport, s.committee(facts.unit)), s(.docRecipientStudyPromotion, facts.unit.full),
                         s[.docRecipientArchiveCentre]],
            signingAuthority: "", signerTitle: s[.docDirectorTitle], signerName: director?.fullName ?? "",
            footer: try source.auditFooter())
    }

    // MARK: - Sections

    @Sendable static func situation(_ f: Facts, _ source: DocumentSource) -> [Block]? {
        let s = source.strings
        var blocks: [Block] = []
        let decision = f.centre.establishment
        if !decision.number.isEmpty, let date = decision.date {
            blocks.append(.body(s(.docReportEstablished, decision.number, date.vietnamese, decision.issuer)))
        }
        let current = f.members.filter { $0.isCurrent(on: f.asOf) }
        let directors = current.filter { $0.role == .director }.map(\.fullName)
        let deputies = current.filter { $0.role == .deputyDirector }.map(\.fullName)
        let teachers = current.filter { $0.role == .assignedTeacher }.count
        var board = [s(.docReportBoardSize, current.filter { $0.role.isBoardRole }.count)]
        if !directors.isEmpty { board.append(s(.docReportDirector, directors.joined(separator: ", "))) }
        if !deputies.isEmpty { board.append(s(.docReportDeputies, deputies.joined(separator: ", "))) }
        board.append(s(.docReportTeachers, teachers))
        blocks.append(.body(board.joined(separator: "; ") + "."))
        if !f.centre.venues.isEmpty {
            blocks.append(.body(s(.docReportVenues, f.centre.venues.count, f.centre.venues.map(\.name).joined(separator: ", "))))
        }
        return blocks
    }

    @Sendable static func planResults(_ f: Facts, _ source: DocumentSource) -> [Block]? {
        let s = source.strings
        guard let plan = f.annualPlan else { return [.body(s(.docReportNoPlan, f.year))] }
        var blocks: [Block] = [.body(s(.docReportPlanApproved, plan.title, plan.approvedOn?.vietnamese ?? "",
                                       f.approvedMonthlyPlans))]
        let counted = plan.activities.filter { $0.outcome.state != .cancelled }
        var byFormat: [[String]] = []
        for format in ActivityFormat.allCases {
            let of = counted.filter { $0.format == format }
            guard !of.isEmpty else { continue }
            let done = of.filter { $0.outcome.state == .done }
            byFormat.append([s.name(format), String(of.count), String(done.count),
                             String(of.reduce(0) { $0 + $1.expectedLearners }),
                             String(done.reduce(0) { $0 + $1.outcome.participants })])
        }
        let total = PlanReport.compute(plan).total
        blocks.append(.table(Table(columns: [
            .init(s[.docColumnFormat], weight: 30), .init(s[.docColumnPlanned], weight: 15, alignment: .right),
            .init(s[.docColumnDone], weight: 15, alignment: .right), .init(s[.docColumnLearnersPlanned], weight: 20, alignment: .right),
            .init(s[.docColumnLearnersReached], weight: 20, alignment: .right),
        ], rows: byFormat, totals: [[s[.docTotal], String(total.planned), String(total.done), String(total.learnersPlanned),
                                      String(total.participants)]], leadColumns: 1)))
        let rows = plan.activities.enumerated().map { index, a -> [String] in
            let done = a.outcome.state == .done
            return [String(index + 1), a.title, a.effectiveMonth.map { s(.monthName, $0) } ?? "", s.name(a.outcome.state),
                    a.outcome.actualDate?.vietnamese ?? "", done ? String(a.outcome.participants) : "",
                    done ? String(a.outcome.women) : "", done ? String(a.outcome.ethnicMinority) : "",
                    a.outcome.cost > 0 ? s.amount(a.outcome.cost) : ""]
        }
        blocks.append(.body(s[.docReportActivitiesIntro]))
        blocks.append(.table(Table(columns: [
            .init(s[.docColumnNumber], weight: 5, alignment: .center), .init(s[.docColumnActivity], weight: 24),
            .init(s[.docColumnTime], weight: 9, alignment: .center), .init(s[.docColumnResult], weight: 10),
            .init(s[.docColumnDate], weight: 14, alignment: .center), .init(s[.docColumnLearners], weight: 8, alignment: .right),
            .init(s[.docColumnWomen], weight: 6, alignment: .right), .init(s[.docColumnMinority], weight: 7, alignment: .right),
            .init(s[.docColumnSpent], weight: 12, alignment: .right),
        ], rows: rows, totals: [["", s[.docTotal], "", "", "", String(total.participants), String(total.women),
                                 String(total.ethnicMinority), s.amount(total.costSpent)]])))
        return blocks
    }

    @Sendable static func learners(_ f: Facts, _ source: DocumentSource) -> [Block]? {
        guard let plan = f.annualPlan else { return nil }
        let s = source.strings
        let total = PlanReport.compute(plan).total
        return [.body(s(.docReportLearners, total.participants, total.learnersPlanned, total.women,
                        percent(total.women, of: total.participants), total.ethnicMinority,
                        percent(total.ethnicMinority, of: total.participants)))]
    }

    @Sendable static func money(_ f: Facts, _ source: DocumentSource) -> [Block]? {
        let s = source.strings
        let funding = f.funding
        var received: [Block] = []
        if funding.received > 0 || funding.estimate > 0 || funding.allocated > 0 {
            received.append(.body(s(.docReportMoneyReceived, s.money(funding.estimate), s.money(funding.allocated),
                                    s.money(funding.received),
                                    ReceiptSource.allCases.map { s.name($0) + " " + s.money(funding.received(from: $0)) }
                                        .joined(separator: ", "))))
        }
        guard let plan = f.annualPlan else { return received.isEmpty ? nil : received }
        let total = PlanReport.compute(plan).total
        let counted = plan.activities.filter { $0.outcome.state != .cancelled }
        let rows = CostSource.allCases.compactMap { costSource -> [String]? in
            let of = counted.filter { $0.costSource == costSource }
            let planned = of.reduce(0) { $0 + $1.cost }, spent = of.reduce(0) { $0 + $1.outcome.cost }
            return planned == 0 && spent == 0 ? nil : [s.name(costSource), s.amount(planned), s.amount(spent)]
        }
        return received + [.body(s(.docReportMoney, s.money(total.costPlanned), s.money(total.costSpent))),
                .table(Table(columns: [.init(s[.docColumnSource], weight: 40),
                                       .init(s[.docColumnCostPlanned], weight: 30, alignment: .right),
                                       .init(s[.docColumnSpent], weight: 30, alignment: .right)],
                             rows: rows, totals: [[s[.docTotal], s.amount(total.costPlanned), s.amount(total.costSpent)]],
                             leadColumns: 1))]
    }

    @Sendable static func survey(_ f: Facts, _ source: DocumentSource) -> [Block]? {
        let s = source.strings
        guard !f.surveys.isEmpty else { return [.body(s(.docReportNoSurvey, f.year))] }
        return f.surveys.flatMap { survey -> [Block] in
            [.body(s(.docReportSurveyCoverage, survey.campaign.title, survey.analysis.respondents, survey.campaign.target)),
             .body(PlanDocuments.surveyLine(survey, source))]
        }
    }

    /// The year's evaluation as the evaluation sheet states it: the self-assessment, then the assessment.
    @Sendable static func evaluation(_ f: Facts, _ source: DocumentSource) -> [Block]? {
        let s = source.strings
        guard let e = f.evaluation else { return [.body(s(.docReportNoEvaluation, f.year))] }
        var blocks: [Block] = [.body(s(.docEvaluationSelfResult, e.selfTotal, f.maximum, e.selfRank.map { s.name($0) } ?? "—"))]
        switch e.status {
        case .selfAssessing: blocks.append(.body(s[.docEvaluationInProgress]))
        case .submitted:
            let sent = e.history.last { $0.action == .submit }
            blocks.append(.body(s(.docEvaluationAwaiting, sent.map { EvaluationSheet.day($0.at).vietnamese } ?? "")))
        case .confirmed:
            let confirmed = e.history.last { $0.action == .confirm }
            blocks.append(.body(s(.docEvaluationConfirmed, e.assessedTotal, f.maximum, s.name(e.rank ?? .notMet),
                                  confirmed.map { EvaluationSheet.day($0.at).vietnamese } ?? "")))
        }
        return blocks
    }

    /// A whole percentage, as reports give shares of people.
    static func percent(_ part: Int, of whole: Int) -> Int {
        whole > 0 ? Int((Double(part) * 100 / Double(whole)).rounded()) : 0
    }
}
