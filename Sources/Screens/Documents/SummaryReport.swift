import Documents
import Domain

/// The office's summary of all its centres for a year: a commune's, issued by its People's Committee, or a
/// province's, issued by its Department of Education. Like the year-end report it is a list of sections.
public enum SummaryReport {
    public struct Facts {
        public let year: Int
        public let asOf: LocalDate
        public let centres: [Centre]
        public let rows: [CentreYear]
    }

    /// One centre's year in figures.
    public struct CentreYear {
        public let centre: Centre
        public let board: BoardReport
        public let annualPlan: Plan?
        public let total: PlanReport.Line?
        public let forms: Int
        /// The confirmed rank of the year, if any.
        public let rank: Rank?
    }

    public typealias Section = ReportSection<Facts>

    public static let sections: [Section] = [
        Section(heading: .docSummaryPartCentres, blocks: centres),
        Section(heading: .docSummaryPartResults, blocks: results),
        Section(heading: .docSummaryPartSurvey, blocks: survey),
        Section(heading: .docSummaryPartEvaluation, blocks: evaluation),
    ]

    public static func facts(year: Int, source: DocumentSource) throws -> Facts {
        let centres = try source.centresOfOffice()
        let asOf = min(LocalDate(year: year, month: 12, day: 31)!, source.today)
        let engine = BoardCompliance(table: source.boardRules,
                                     parameters: try source.database.boardParameters(defaults: source.boardRules.parameters),
                                     units: source.units)
        let counts = try source.database.responseCounts()
        let campaigns = try source.database.campaigns()
        let evaluations = try source.database.evaluationSummaries(year: year)
        let rows = try centres.filter { $0.status == .active || $0.status == .suspended }.map { centre -> CentreYear in
            let id = centre.id ?? 0
            let plans = try source.database.plans(centreID: id, year: year)
            let annual = plans.filter { $0.kind == .annual && $0.status == .approved }.max { $0.version < $1.version }
            let forms = campaigns.filter { $0.centreID == id && $0.year == year }.reduce(0) { $0 + (counts[$1.id ?? 0] ?? 0) }
            return CentreYear(centre: centre, board: engine.check(centreID: id, members: try source.database.boardMembers(centreID: id),
                                                                  staff: try source.database.staffMembers(centreID: id), asOf: asOf),
                              annualPlan: annual, total: annual.map { PlanReport.compute($0).total }, forms: forms,
                              rank: evaluations[id].flatMap { $0.status == .confirmed ? $0.rank : nil })
        }
        return Facts(year: year, asOf: asOf, centres: centres, rows: rows)
    }

    public static func document(year: Int, source: DocumentSource) throws -> OfficialDocument {
        let s = source.strings
        guard let office = source.office, let province = source.units.province(code: office.provinceCode) else {
            throw DocumentProblem.officeNotSet
        }
        let facts = try facts(year: year, source: source)
        let parts = try sections.parts(facts, source)
        let provinceWords = s.words(province)
        let body = PlanDocuments.numbered(parts)
        if let code = office.communeCode, let commune = source.units.unit(code: code) {
            let unit = s.words(commune)
            return OfficialDocument(
                kind: .summaryReport, superiorBody: "", issuingBody: s.committeeHeading(unit), motto: s[.docMotto],
                slogan: s[.docSlogan], number: s(.docNumberCommuneReport, s.registerNumber(nil)),
                placeAndDate: s.placeAndDate(unit.name, source.today), title: s[.docReportTitle],
                subject: s(.docSummarySubject, year, unit.full), body: body, recipientsLabel: s[.docRecipients],
                recipients: [s(.docRecipientReport, s(.docEducationDepartmentOf, provinceWords.full)),
                             s(.docRecipientStudyPromotion, unit.full), s[.docRecipientArchiveOffice]],
                signingAuthority: s[.docOnBehalfOfCommittee], signerTitle: s[.docChairmanTitle],
                signerName: try source.chairman(ofCommune: code), footer: try source.auditFooter())
        }
        return OfficialDocument(
            kind: .summaryReport, superiorBody: s.committee(provinceWords).uppercased(),
            issuingBody: s[.docEducationDepartment], motto: s[.docMotto], slogan: s[.docSlogan],
            number: s(.docNumberProvinceReport, s.registerNumber(nil)),
            placeAndDate: s.placeAndDate(provinceWords.name, source.today), title: s[.docReportTitle],
            subject: s(.docSummarySubject, year, provinceWords.full), body: body, recipientsLabel: s[.docRecipients],
            recipients: [s(.docRecipientReport, s.committee(provinceWords)), s[.docRecipientArchiveOffice]],
            // The department's director is not in the data: the name is written by hand.
            signingAuthority: "", signerTitle: s[.docDirectorTitle], signerName: "", footer: try source.auditFooter())
    }

    @Sendable static func centres(_ f: Facts, _ source: DocumentSource) -> [Block]? {
        let s = source.strings
        let count = { (status: CentreStatus) in f.centres.filter { $0.status == status }.count }
        return [.body(s(.docSummaryCentres, f.centres.count, count(.active), count(.suspended), count(.dissolved),
                        count(.merged)))]
    }

    @Sendable static func results(_ f: Facts, _ source: DocumentSource) -> [Block]? {
        let s = source.strings
        guard !f.rows.isEmpty else { return [.body(s[.docSummaryNoCentres])] }
        let rows = f.rows.enumerated().map { index, row -> [String] in
            let board = row.board.isCompliant ? s[.docBoardCompliant] : s(.docBoardErrors, row.board.errorCount)
            let done = row.total.map { "\($0.done)/\($0.planned)" } ?? ""
            return [String(index + 1), s.abbreviated(centreName: row.centre.name), board,
                    row.annualPlan == nil ? s[.docNo] : s[.docYes], done,
                    row.total.map { String($0.participants) } ?? "", row.total.map { String($0.women) } ?? "",
                    row.total.map { String($0.ethnicMinority) } ?? "",
                    row.total.map { s.amount($0.costSpent) } ?? "", String(row.forms)]
        }
        let sum = { (value: (PlanReport.Line) -> Int) in f.rows.compactMap(\.total).reduce(0) { $0 + value($1) } }
        let totals = [["", s[.docTotal], s(.docCompliantCount, f.rows.filter { $0.board.isCompliant }.count, f.rows.count),
                       s(.docCompliantCount, f.rows.filter { $0.annualPlan != nil }.count, f.rows.count),
                       "\(sum(\.done))/\(sum(\.planned))", String(sum(\.participants)), String(sum(\.women)),
                       String(sum(\.ethnicMinority)), s.amount(sum(\.costSpent)), String(f.rows.reduce(0) { $0 + $1.forms })]]
        return [.body(s(.docSummaryResultsIntro, f.rows.count, f.asOf.vietnamese)),
                .table(Table(columns: [
                    .init(s[.docColumnNumber], weight: 5, alignment: .center), .init(s[.docColumnCentre], weight: 20),
                    .init(s[.docColumnBoard], weight: 10, alignment: .center),
                    .init(s[.docColumnAnnualPlan], weight: 9, alignment: .center),
                    .init(s[.docColumnActivitiesDone], weight: 10, alignment: .center),
                    .init(s[.docColumnLearners], weight: 9, alignment: .right), .init(s[.docColumnWomen], weight: 7, alignment: .right),
                    .init(s[.docColumnMinority], weight: 7, alignment: .right), .init(s[.docColumnSpent], weight: 13, alignment: .right),
                    .init(s[.docColumnForms], weight: 8, alignment: .right),
                ], rows: rows, totals: totals))]
    }

    /// How many working centres were ranked, and at which rank.
    @Sendable static func evaluation(_ f: Facts, _ source: DocumentSource) -> [Block]? {
        let s = source.strings
        guard !f.rows.isEmpty else { return nil }
        let ranked = f.rows.compactMap(\.rank)
        let counts = Rank.allCases.map { rank in s.name(rank) + " " + String(ranked.filter { $0 == rank }.count) }
        return [.body(s(.docSummaryEvaluation, f.year, ranked.count, f.rows.count, counts.joined(separator: ", "),
                        f.rows.count - ranked.count))]
    }

    @Sendable static func survey(_ f: Facts, _ source: DocumentSource) -> [Block]? {
        let s = source.strings
        let surveyed = f.rows.filter { $0.forms > 0 }.count
        return [.body(s(.docSummarySurvey, surveyed, f.rows.count, f.year, f.rows.reduce(0) { $0 + $1.forms }))]
    }
}
