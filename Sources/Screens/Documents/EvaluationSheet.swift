import Documents
import Domain
import Foundation

/// The self-assessment and evaluation sheet (phiếu tự đánh giá và đánh giá, xếp loại) of a centre for a year,
/// issued by the centre: every criterion with the evidence the data gave, the points it carries, the director's
/// score and the education officer's, the comments of both sides, the ranks and the steps taken. Only what was
/// stored is printed: a year the centre has not started is refused rather than filled with suggested scores.
public enum EvaluationSheet {
    /// What the sections are made from.
    public struct Facts {
        public let centre: Centre
        public let unit: UnitWords
        public let evaluation: Evaluation
        public let set: CriteriaSet
        public let schedule: ThresholdSchedule
        /// The centre's confirmed ranks by year (the review flag).
        public let ranks: [Int: Rank]
        /// Full names of the accounts this office knows, by login name; a step by someone else names nobody.
        public let names: [String: String]
    }

    public typealias Section = ReportSection<Facts>

    /// The parts, in order.
    public static let sections: [Section] = [
        Section(heading: .docEvaluationPartGeneral, blocks: general),
        Section(heading: .docEvaluationPartItems, blocks: items),
        Section(heading: .docEvaluationPartComments, blocks: comments),
        Section(heading: .docEvaluationPartResult, blocks: result),
        Section(heading: .docEvaluationPartHistory, blocks: history),
    ]

    public static func facts(centre: Centre, year: Int, rules: EvaluationRules, source: DocumentSource) throws -> Facts {
        guard let evaluation = try source.database.evaluation(centreID: centre.id ?? 0, year: year) else {
            throw DocumentProblem.evaluationNotStarted(centreCode: centre.code, year: year)
        }
        guard let set = rules.set(of: evaluation, province: source.office?.provinceCode) else {
            throw DocumentProblem.noCriteria(year: year)
        }
        let names = Dictionary(try source.database.accounts().map { ($0.username, $0.fullName) }) { first, _ in first }
        return Facts(centre: centre, unit: try source.unit(of: centre), evaluation: evaluation, set: set,
                     schedule: try rules.schedule(source.database),
                     ranks: try source.database.confirmedRanks()[centre.id ?? 0] ?? [:], names: names)
    }

    public static func document(centre: Centre, year: Int, rules: EvaluationRules, source: DocumentSource) throws
        -> OfficialDocument
    {
        let s = source.strings
        let facts = try facts(centre: centre, year: year, rules: rules, source: source)
        let parts = try sections.parts(facts, source)
        let director = try source.director(of: centre, on: source.today)
        var recipients = [s(.docRecipientReport, s.committee(facts.unit))]
        if let province = source.units.province(code: centre.provinceCode) {
            recipients.append(s(.docRecipientAssessor, s(.docEducationDepartmentOf, s.words(province).full)))
        }
        recipients.append(s[.docRecipientArchiveCentre])
        return OfficialDocument(
            kind: .evaluation, superiorBody: s.committee(facts.unit).uppercased(), issuingBody: s[.docCentreIssuer],
            motto: s[.docMotto], slogan: s[.docSlogan], number: s(.docNumberEvaluation, s.registerNumber(nil)),
            placeAndDate: s.placeAndDate(facts.unit.name, source.today), title: s[.docEvaluationTitle],
            subject: s(.docEvaluationSubject, facts.unit.full, year), body: PlanDocuments.numbered(parts),
            recipientsLabel: s[.docRecipients], recipients: recipients, signingAuthority: "",
            signerTitle: s[.docDirectorTitle], signerName: director?.fullName ?? "", footer: try source.auditFooter())
    }

    // MARK: - Sections

    @Sendable static func general(_ f: Facts, _ source: DocumentSource) -> [Block]? {
        let s = source.strings
        return [.body(s(.docEvaluationGeneral, f.centre.name, f.centre.code, f.evaluation.year, s.name(f.evaluation.status))),
                .body(s(.docEvaluationBasis, s.text(f.set.basis), f.set.maximum))]
    }

    /// One table: a row per group with its subtotals, a row per item numbered within its group, the totals.
    @Sendable static func items(_ f: Facts, _ source: DocumentSource) -> [Block]? {
        let s = source.strings
        let e = f.evaluation
        var rows: [[String]] = []
        for (g, group) in f.set.groups.enumerated() {
            let assessed = group.items.map { e.item($0.id) ?? ItemAssessment(itemID: $0.id) }
            let selfSum = assessed.reduce(0) { $0 + ($1.selfScore ?? 0) }
            let officerSum = assessed.compactMap(\.officerScore).isEmpty ? nil
                : assessed.reduce(0) { $0 + ($1.officerScore ?? $1.selfScore ?? 0) }
            rows.append([String(g + 1), s.text(group.title).uppercased(), "",
                         String(group.items.reduce(0) { $0 + $1.points }), String(selfSum), officerSum.map(String.init) ?? ""])
            for (i, item) in group.items.enumerated() {
                let a = assessed[i]
                rows.append(["\(g + 1).\(i + 1)", s.text(item.title), evidence(a, s), String(item.points),
                             a.selfScore.map(String.init) ?? "", a.officerScore.map(String.init) ?? ""])
            }
        }
        let assessed = e.items.contains { $0.officerScore != nil }
        return [.table(Table(columns: [
            .init(s[.docColumnNumber], weight: 6, alignment: .center), .init(s[.docColumnCriterion], weight: 36),
            .init(s[.docColumnEvidence], weight: 28), .init(s[.docColumnMaximum], weight: 10, alignment: .center),
            .init(s[.docColumnSelfScore], weight: 10, alignment: .center),
            .init(s[.docColumnOfficerScore], weight: 10, alignment: .center),
        ], rows: rows, totals: [["", s[.docTotal], "", String(f.set.maximum), String(e.selfTotal),
                                 assessed ? String(e.assessedTotal) : ""]]))]
    }

    /// The evidence as the sheet states it: the data's value, the director's correction and its reason.
    static func evidence(_ a: ItemAssessment, _ s: Strings) -> String {
        guard let found = a.evidence else { return a.override.map { s.describe($0) } ?? s[.evidenceNone] }
        guard let override = a.override else { return s.describe(found) }
        return s(.docEvaluationOverride, s.describe(found), s.describe(override), a.overrideReason)
    }

    @Sendable static func comments(_ f: Facts, _ source: DocumentSource) -> [Block]? {
        let s = source.strings
        var blocks: [Block] = []
        for (g, group) in f.set.groups.enumerated() {
            for (i, item) in group.items.enumerated() {
                guard let a = f.evaluation.item(item.id) else { continue }
                let number = "\(g + 1).\(i + 1)"
                if !a.selfNote.isEmpty { blocks.append(.item(s(.docEvaluationSelfNote, number, s.text(item.title), a.selfNote))) }
                if !a.officerComment.isEmpty {
                    blocks.append(.item(s(.docEvaluationOfficerComment, number, s.text(item.title), a.officerComment)))
                }
            }
        }
        return blocks.isEmpty ? [.body(s[.docEvaluationNoComments])] : blocks
    }

    @Sendable static func result(_ f: Facts, _ source: DocumentSource) -> [Block]? {
        let s = source.strings
        let e = f.evaluation
        let selfRank = e.selfRank ?? f.schedule.rank(score: e.selfTotal, maximum: f.set.maximum, year: e.year)
        var blocks: [Block] = [.body(s(.docEvaluationSelfResult, e.selfTotal, f.set.maximum, s.name(selfRank)))]
        switch e.status {
        case .selfAssessing:
            blocks.append(.body(s[.docEvaluationInProgress]))
        case .submitted:
            let sent = e.history.last { $0.action == .submit }
            blocks.append(.body(s(.docEvaluationAwaiting, sent.map { day($0.at).vietnamese } ?? "")))
        case .confirmed:
            let confirmed = e.history.last { $0.action == .confirm }
            var sentence = s(.docEvaluationConfirmed, e.assessedTotal, f.set.maximum, s.name(e.rank ?? .notMet),
                             confirmed.map { day($0.at).vietnamese } ?? "")
            if let name = confirmed.flatMap({ f.names[$0.username] }), !name.isEmpty {
                sentence += " " + s(.docEvaluationConfirmedBy, name)
            }
            blocks.append(.paragraph(Paragraph([Run(sentence, bold: true)], alignment: .justify, indent: .firstLine)))
        }
        if RankReview.flaggedYear(f.ranks) == e.year {
            blocks.append(.body(s(.docEvaluationReview, e.year - 1, e.year)))
        }
        return blocks
    }

    @Sendable static func history(_ f: Facts, _ source: DocumentSource) -> [Block]? {
        let s = source.strings
        guard !f.evaluation.history.isEmpty else { return nil }
        return f.evaluation.history.map { event in
            var line = s(.docEvaluationEvent, day(event.at).vietnamese, s.name(event.action))
            if let name = f.names[event.username], !name.isEmpty { line += " " + s(.docEvaluationEventBy, name) }
            if !event.comment.isEmpty { line += ": " + event.comment }
            return .item(line + ".")
        }
    }

    /// The day of a step, in the office's time zone.
    static func day(_ moment: Date) -> LocalDate { LocalDate(date: moment, timeZone: .current) }
}
