import Domain
import Foundation
import Storage

/// An evaluation as a document: the text `evaluation show` prints and the screen shows whole, and the JSON
/// scripts read (stable English keys, ISO times).
public struct EvaluationDocument {
    public struct Evidence: Encodable {
        let kind: String
        let achieved: Int
        let outOf: Int
        let text: String
        let source: String
    }

    public struct Override: Encodable {
        let achieved: Int
        let outOf: Int
        let reason: String
    }

    public struct Item: Encodable {
        let id: String
        let group: String
        let title: String
        let points: Int
        let evidence: Evidence?
        let override: Override?
        let suggestedScore: Int?
        let selfScore: Int?
        let selfNote: String
        let officerScore: Int?
        let officerComment: String
        let adjusted: Bool
    }

    public struct Event: Encodable {
        let action: String
        let by: String
        let at: String
        let comment: String
    }

    public struct JSON: Encodable {
        let centre: String
        let name: String
        let year: Int
        let status: String
        let criteriaSet: String
        let maximum: Int
        let selfTotal: Int
        let total: Int
        let selfRank: String?
        let rank: String?
        let items: [Item]
        let history: [Event]
    }

    let evaluation: Evaluation
    let started: Bool
    let centre: Centre
    let set: CriteriaSet
    let strings: Strings

    public init(_ evaluation: Evaluation, started: Bool, centre: Centre, set: CriteriaSet, strings: Strings) {
        self.evaluation = evaluation
        self.started = started
        self.centre = centre
        self.set = set
        self.strings = strings
    }

    public var json: JSON {
        let s = strings
        let items = set.groups.flatMap { group in
            group.items.map { item -> Item in
                let assessed = evaluation.item(item.id) ?? ItemAssessment(itemID: item.id)
                return Item(
                    id: item.id, group: group.id, title: s.text(item.title), points: item.points,
                    evidence: assessed.evidence.map {
                        Evidence(kind: $0.kind.rawValue, achieved: $0.achieved, outOf: $0.outOf, text: s.describe($0),
                                 source: s.source($0.kind))
                    },
                    override: assessed.override.map { Override(achieved: $0.achieved, outOf: $0.outOf, reason: assessed.overrideReason) },
                    suggestedScore: item.suggestedScore(assessed.value), selfScore: assessed.selfScore,
                    selfNote: assessed.selfNote, officerScore: assessed.officerScore,
                    officerComment: assessed.officerComment, adjusted: assessed.isAdjusted)
            }
        }
        return JSON(centre: centre.code, name: centre.name, year: evaluation.year,
                    status: started ? evaluation.status.rawValue : "notStarted", criteriaSet: set.id,
                    maximum: set.maximum, selfTotal: evaluation.selfTotal, total: evaluation.total,
                    selfRank: evaluation.selfRank?.rawValue, rank: evaluation.rank?.rawValue, items: items,
                    history: evaluation.history.map {
                        Event(action: $0.action.rawValue, by: $0.username, at: Timestamp.string($0.at), comment: $0.comment)
                    })
    }

    /// The document as lines of text: heading, each group with its items, the totals and the history.
    public var lines: [String] {
        let s = strings
        var lines = [s(.evaluationHeading, centre.name, evaluation.year),
                     s(.evaluationStatusLine, s.name(started ? evaluation.status : nil), evaluation.total, set.maximum,
                       evaluation.rank.map { s.name($0) } ?? "—"),
                     s.text(set.basis), ""]
        for group in set.groups {
            lines.append(s.text(group.title).uppercased())
            for item in group.items {
                let assessed = evaluation.item(item.id) ?? ItemAssessment(itemID: item.id)
                lines.append(s(.evaluationItemLine, s.text(item.title), assessed.selfScore.map(String.init) ?? "—",
                               assessed.officerScore.map(String.init) ?? "—", item.points))
                if let value = assessed.evidence {
                    lines.append("   " + s(.evaluationEvidenceLine, s.describe(value), s.source(value.kind)))
                }
                if let value = assessed.override {
                    lines.append("   " + s(.evaluationOverrideLine, s.describe(value), assessed.overrideReason))
                }
                if !assessed.selfNote.isEmpty { lines.append("   " + s(.evaluationSelfNoteLine, assessed.selfNote)) }
                if !assessed.officerComment.isEmpty {
                    lines.append("   " + s(.evaluationOfficerLine, assessed.officerComment))
                }
                lines.append("   " + s(.evaluationAsksLine, s.text(item.asks)))
            }
            lines.append("")
        }
        for event in evaluation.history {
            lines.append(s(.evaluationHistoryLine, Timestamp.display(event.at), event.username, s.name(event.action),
                           event.comment))
        }
        return lines
    }

    public var text: String { lines.joined(separator: "\n") + "\n" }
}
