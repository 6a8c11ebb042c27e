import Documents
import Domain

/// The activity plan (annual or monthly) and the chairman's decision approving it, as official documents.
/// Everything they state comes from the data: a plan that rests on no survey says nothing of survey results, a
/// ward is a ward in every mention, the approver is named by full name and title, and the number is the office's
/// register number or a blank for it, never the database id.
public enum PlanDocuments {
    public static func plan(_ plan: Plan, centre: Centre, source: DocumentSource) throws -> OfficialDocument {
        let s = source.strings
        let unit = try source.unit(of: centre)
        let issue = try source.issue(of: plan, centre: centre)
        // The centre signs the plan when it submits it; a draft is dated the day it is printed.
        let dated = plan.history.last { $0.action == .submit }.map { LocalDate(date: $0.at, timeZone: .current) }
            ?? source.today
        var subject = [plan.title]
        if plan.version > 1 { subject.append(s(.docPlanVersion, plan.version - 1)) }
        if plan.status != .approved && plan.status != .superseded { subject.append(s(.docPlanNotApproved, s.name(plan.status))) }
        if plan.status == .superseded { subject.append(s[.docPlanSuperseded]) }

        var body: [Block] = plan.legalBases.split(separator: "\n").map { .body(String($0)) }
        let surveys = try surveys(of: plan, source: source)
        for survey in surveys { body.append(.body(s(.docPlanSurveyBasis, survey.campaign.year, survey.analysis.respondents))) }
        body.append(.body(s(.docPlanIntro, unit.full, s.period(plan.kind, year: plan.year, month: plan.month).lowercased())))

        var parts: [(String, [Block])] = []
        if !surveys.isEmpty {
            parts.append((s[.docPlanPartSurvey], surveys.map { .body(surveyLine($0, source)) }))
        }
        parts.append((s[.docPlanPartTargets], [.body(s(.docPlanTargets, plan.targetClasses, plan.targetTalks, plan.targetLearners))]))
        parts.append((s[.docPlanPartActivities], [.table(activityTable(plan, source))]))
        var money: [Block] = [.body(s(.docPlanTotalCost, s.money(plan.totalCost)))]
        for costSource in CostSource.allCases {
            let amount = plan.activities.filter { $0.costSource == costSource }.reduce(0) { $0 + $1.cost }
            if amount > 0 { money.append(.item(s(.docPlanCostLine, s.name(costSource), s.money(amount)))) }
        }
        parts.append((s[.docPlanPartMoney], money))
        parts.append((s[.docPlanPartImplementation], [.body(s(.docPlanImplementation, s.committee(unit)))]))
        body += numbered(parts)
        if plan.status == .approved || plan.status == .superseded, let day = issue.approvedOn {
            let title = title(issue.approverTitle, s)
            let sentence = issue.approverName.isEmpty
                ? s(.docPlanApprovedBy, title, s.committee(unit), day.vietnamese)
                : s(.docPlanApprovedByNamed, issue.approverName, title, s.committee(unit), day.vietnamese)
            body.append(.paragraph(Paragraph([Run(sentence, italic: true)], alignment: .justify, indent: .firstLine,
                                             spaceBefore: true)))
        }
        let director = try source.director(of: centre, on: dated)
        return OfficialDocument(
            kind: .plan, superiorBody: s.committee(unit).uppercased(), issuingBody: s[.docCentreIssuer],
            motto: s[.docMotto], slogan: s[.docSlogan], number: s(.docNumberPlan, s.registerNumber(issue.registerNumber)),
            placeAndDate: s.placeAndDate(unit.name, dated), title: s[.docPlanTitle], subject: subject.joined(separator: "\n"),
            body: body, recipientsLabel: s[.docRecipients],
            recipients: [s(.docRecipientReport, s.committee(unit)), s(.docRecipientStudyPromotion, unit.full),
                         s[.docRecipientArchiveCentre]],
            signingAuthority: "", signerTitle: s[.docDirectorTitle], signerName: director?.fullName ?? "",
            footer: try source.auditFooter())
    }

    /// The decision of the People's Committee chairman approving the plan. Only an approved plan has one.
    public static func decision(_ plan: Plan, centre: Centre, source: DocumentSource) throws -> OfficialDocument {
        let s = source.strings
        guard plan.status == .approved || plan.status == .superseded else {
            throw DocumentProblem.planNotApproved(status: plan.status)
        }
        let unit = try source.unit(of: centre)
        let issue = try source.issue(of: plan, centre: centre)
        let dated = issue.approvedOn ?? source.today
        let report = PlanReport.compute(plan).total
        let italic = { (text: String) in
            Block.paragraph(Paragraph([Run(text, italic: true)], alignment: .justify, indent: .firstLine))
        }
        func article(_ number: Int, _ text: String) -> Block {
            .paragraph(Paragraph([Run(s(.docArticle, number), bold: true), Run(" " + text)], alignment: .justify,
                                 indent: .firstLine))
        }
        let body: [Block] = [
            .paragraph(Paragraph([Run(s(.docDecisionAuthority, unit.kind, unit.name).uppercased(), bold: true)],
                                 alignment: .center, keepWithNext: true, spaceBefore: true)),
            italic(s[.docDecisionBasisLaw]), italic(s[.docDecisionBasisRegulation]), italic(s[.docDecisionBasisCircular]),
            italic(s(.docDecisionProposal, unit.full)),
            .paragraph(Paragraph([Run(s[.docDecisionDecides], bold: true)], alignment: .center, keepWithNext: true,
                                 spaceBefore: true)),
            article(1, s(.docDecisionArticle1, plan.title, unit.full, report.planned, report.learnersPlanned,
                         s.money(report.costPlanned))),
            article(2, s(.docDecisionArticle2, unit.full, s.committee(unit))),
            article(3, s(.docDecisionArticle3, unit.full)),
        ]
        let vice = issue.approverTitle == .viceChairman
        return OfficialDocument(
            kind: .decision, superiorBody: "", issuingBody: s.committeeHeading(unit), motto: s[.docMotto],
            slogan: s[.docSlogan], number: s(.docNumberDecision, s.registerNumber(issue.decisionNumber)),
            placeAndDate: s.placeAndDate(unit.name, dated), title: s[.docDecisionTitle],
            subject: s(.docDecisionSubject, plan.title, unit.full), body: body, recipientsLabel: s[.docRecipients],
            recipients: [s[.docRecipientArticle3], s(.docRecipientStudyPromotion, unit.full), s[.docRecipientArchiveOffice]],
            signingAuthority: vice ? s[.docOnBehalfOfChairman] : "",
            signerTitle: vice ? s[.docViceChairmanTitle] : s[.docChairmanTitle], signerName: issue.approverName,
            footer: try source.auditFooter())
    }

    /// "Chủ tịch" or "Phó Chủ tịch", as the approval sentence names the approver.
    static func title(_ title: SignerTitle, _ s: Strings) -> String {
        title == .viceChairman ? s[.docViceChairman] : s[.docChairman]
    }

    /// The activities as a real table: number, content and format, time, place, learners, who is in charge, money.
    static func activityTable(_ plan: Plan, _ source: DocumentSource) -> Table {
        let s = source.strings
        let rows = plan.activities.enumerated().map { index, a -> [String] in
            let topic = a.topic.flatMap { source.questionnaire?.topic($0) }.map { s.text($0.label) } ?? ""
            var who = a.responsible
            if !a.speaker.isEmpty { who += "\n" + s(.docSpeakerLine, a.speaker) }
            if !a.partner.isEmpty { who += "\n" + s(.docPartnerLine, a.partner) }
            return [String(index + 1), (a.title.isEmpty ? topic : a.title) + "\n" + s.name(a.format),
                    a.date?.vietnamese ?? a.effectiveMonth.map { s(.monthName, $0) } ?? "", a.venue,
                    a.expectedLearners > 0 ? String(a.expectedLearners) : "", who,
                    a.cost > 0 ? s.amount(a.cost) : ""]
        }
        let learners = plan.activities.reduce(0) { $0 + $1.expectedLearners }
        return Table(columns: [
            .init(s[.docColumnNumber], weight: 5, alignment: .center), .init(s[.docColumnActivity], weight: 30),
            .init(s[.docColumnTime], weight: 11, alignment: .center), .init(s[.docColumnPlace], weight: 16),
            .init(s[.docColumnLearners], weight: 10, alignment: .right), .init(s[.docColumnResponsible], weight: 16),
            .init(s[.docColumnCost], weight: 12, alignment: .right),
        ], rows: rows, totals: [["", s[.docTotal], "", "", String(learners), "", s.amount(plan.totalCost)]])
    }

    /// A survey campaign with its needs analysis.
    public struct Survey: Sendable {
        public let campaign: SurveyCampaign
        public let analysis: NeedsAnalysis
    }

    /// The surveys the plan rests on, with their needs analysis; none when it rests on none.
    static func surveys(of plan: Plan, source: DocumentSource) throws -> [Survey] {
        try plan.campaignIDs.compactMap { id in
            guard let campaign = try source.database.campaign(id: id) else { return nil }
            return Survey(campaign: campaign, analysis: try source.needs(of: campaign))
        }
    }

    /// "Khảo sát năm 2026: 245 phiếu; nhu cầu được chọn nhiều nhất: …"
    static func surveyLine(_ survey: Survey, _ source: DocumentSource) -> String {
        let s = source.strings
        let topics = source.questionnaire?.question("topics")
        let top = survey.analysis.topics.prefix(3).map { tally in
            let name = topics.flatMap { q in source.questionnaire.map { s.label(of: tally.code, in: q, $0) } } ?? String(tally.code)
            return s(.docSurveyTopic, name, tally.count)
        }
        return top.isEmpty ? s(.docSurveyNoAnswers, survey.campaign.title, survey.analysis.respondents)
            : s(.docSurveyResult, survey.campaign.title, survey.analysis.respondents, top.joined(separator: "; "))
    }

    /// Parts headed "I. …", "II. …" in order, however many there are.
    static func numbered(_ parts: [(String, [Block])]) -> [Block] {
        parts.enumerated().flatMap { index, part in [Block.heading(Strings.roman(index + 1) + ". " + part.0)] + part.1 }
    }
}

extension DocumentSource {
    /// A campaign's needs analysis, all its forms counted (the stored counts).
    public func needs(of campaign: SurveyCampaign) throws -> NeedsAnalysis {
        try database.needsAnalysis(campaignIDs: [campaign.id ?? 0])
    }
}

/// A part of a report: its heading, and its blocks made from the report's facts (nil leaves the part out). The
/// year-end and summary reports are lists of these, so a part (the evaluation, say) is added in one place.
public struct ReportSection<Facts>: Sendable {
    public let heading: StringKey
    public let blocks: @Sendable (Facts, DocumentSource) throws -> [Block]?
}

extension Array {
    /// The parts that have something to say, headed in the catalog's language.
    func parts<Facts>(_ facts: Facts, _ source: DocumentSource) throws -> [(String, [Block])]
    where Element == ReportSection<Facts> {
        try compactMap { section in try section.blocks(facts, source).map { (source.strings[section.heading], $0) } }
    }
}
