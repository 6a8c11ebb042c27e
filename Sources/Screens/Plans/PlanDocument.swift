import Domain
import Foundation
import TerminalUI

/// A plan as a Vietnamese administrative document in plain text, ready for a printer: the issuing body and
/// the national motto side by side, number, place and date, title, the body in numbered parts, recipients
/// and the signature blocks.
public enum PlanDocument {
    static let width = 80

    public static func render(_ plan: Plan, centre: Centre, communeName: String, placeName: String, date: LocalDate,
                              director: String, strings s: Strings) -> String {
        var lines: [String] = []
        func twoColumns(_ left: String, _ right: String) {
            let half = width / 2
            lines.append(center(left, half) + center(right, width - half))
        }
        let body = s(.docIssuingBody, communeName.uppercased())
        twoColumns(body, s[.docMotto])
        twoColumns(s[.docCentreHeading], s[.docMottoLine2])
        twoColumns(s(.docNumber, plan.id ?? 0, plan.year), "───────────────")
        lines.append(String(repeating: " ", count: width / 2)
                     + center(s(.docPlaceDate, placeName, String(format: "%02d", date.day), String(format: "%02d", date.month),
                                date.year), width / 2))
        lines.append("")
        lines.append(center(s[.docPlanWord], width))
        for line in DisplayWidth.wrap(plan.title, width: width - 10) { lines.append(center(line, width)) }
        if plan.version > 1 { lines.append(center(s(.docVersion, plan.version), width)) }
        lines.append(center("──────────", width))
        lines.append("")
        for basis in plan.legalBases.split(separator: "\n") where !basis.isEmpty {
            lines += DisplayWidth.wrap(String(basis), width: width)
        }
        lines.append("")
        lines.append(s[.docPart1])
        lines += indented(s(.docTargets, plan.targetClasses, plan.targetTalks, plan.targetLearners)
            .trimmingCharacters(in: .whitespaces))
        lines.append("")
        lines.append(s[.docPart2])
        let questionnaire = ShippedQuestionnaire.current
        for (index, a) in plan.activities.enumerated() {
            let topic = a.topic.flatMap { questionnaire?.topic($0) }.map { s.text($0.label) }
            let title = a.title.isEmpty ? (topic ?? "") : a.title
            lines += DisplayWidth.wrap("\(index + 1). \(title) (\(s.name(a.format)))", width: width)
            var detail = [s(.docWhen, a.date?.vietnamese ?? a.effectiveMonth.map { s(.monthName, $0) } ?? "—"),
                          s(.docWhere, a.venue)]
            if a.expectedLearners > 0 { detail.append(s(.docLearners, a.expectedLearners)) }
            lines += indented(detail.joined(separator: "; "))
            var who = [s(.docResponsible, a.responsible)]
            if !a.speaker.isEmpty { who.append(s(.docSpeaker, a.speaker)) }
            if !a.partner.isEmpty { who.append(s(.docPartner, a.partner)) }
            lines += indented(who.joined(separator: "; "))
            if a.cost > 0 { lines.append("   " + s(.docCost, s.money(a.cost), s.name(a.costSource))) }
        }
        lines.append("")
        lines.append(s[.docPart3])
        lines.append(s(.docTotalCost, s.money(plan.totalCost)))
        for source in CostSource.allCases {
            let amount = plan.activities.filter { $0.costSource == source }.reduce(0) { $0 + $1.cost }
            if amount > 0 { lines.append("   - " + s.name(source) + ": " + s.money(amount)) }
        }
        lines.append("")
        lines.append(s[.docPart4])
        lines += indented(s[.docImplementation].trimmingCharacters(in: .whitespaces))
        lines.append("")
        let approved = plan.history.last(where: { $0.action == .approve })
        let leftBlock = [s[.docRecipients], s[.docRecipient1], s[.docRecipient2], s[.docRecipient3]]
        let rightBlock = [s[.docDirectorTitle], s[.docSignHint], "", "", director]
        for i in 0..<max(leftBlock.count, rightBlock.count) {
            let left = i < leftBlock.count ? leftBlock[i] : ""
            let right = i < rightBlock.count ? rightBlock[i] : ""
            lines.append(DisplayWidth.pad(left, to: width / 2) + center(right, width / 2))
        }
        lines.append("")
        lines.append(center(s[.docApprovalTitle], width))
        if let approved {
            lines.append(center(s(.docApprovedOn, approved.username, Timestamp.display(approved.at)), width))
        } else {
            lines.append(center(s(.docNotApproved, s.name(plan.status)), width))
        }
        return lines.map { $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }
            .joined(separator: "\n") + "\n"
    }

    /// A paragraph wrapped with every line indented, as the parts of a document are.
    static func indented(_ text: String, by indent: Int = 3) -> [String] {
        DisplayWidth.wrap(text, width: width - indent).map { String(repeating: " ", count: indent) + $0 }
    }

    static func center(_ text: String, _ width: Int) -> String {
        let w = DisplayWidth.of(text)
        guard w < width else { return text }
        let left = (width - w) / 2
        return String(repeating: " ", count: left) + text + String(repeating: " ", count: width - w - left)
    }
}
