import Basics
import Domain

/// The board checklist as scripts read it (`board check --json`): stable English keys, texts in the chosen
/// language. A country's checklist is some fifteen megabytes, so it is written straight into bytes
/// (``JSONStreamWriter``, keys in order); the `Encodable` shape below is what it must equal byte for byte,
/// which a test checks against `JSONEncoder`.
public struct BoardChecklistJSON: Encodable, Sendable {
    struct Rule: Encodable {
        let basis: String
        let findings: [String]
        let id: String
        let outcome: String
        let severity: String
        let title: String
    }

    struct CentreItem: Encodable {
        let code: String
        let errors: Int
        let name: String
        let rules: [Rule]
        let warnings: Int
    }

    let asOf: String
    let centres: [CentreItem]

    public init(_ reports: [(Centre, BoardReport)], asOf: LocalDate, strings s: Strings) {
        self.asOf = asOf.iso
        centres = reports.map { centre, report in
            CentreItem(code: centre.code, errors: report.errorCount, name: centre.name,
                       rules: report.results.map { result in
                           Rule(basis: s.text(result.rule.basis), findings: result.findings.map(s.describe),
                                id: result.rule.id, outcome: result.outcome.rawValue,
                                severity: result.rule.severity.rawValue, title: s.text(result.rule.title))
                       }, warnings: report.warningCount)
        }
    }

    /// The JSON, as `JSONEncoder` with `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]` writes this value.
    public var bytes: [UInt8] {
        var json = JSONStreamWriter(capacity: 1 << 20)
        json.beginObject()
        json.field("asOf", asOf)
        json.key("centres")
        json.beginArray()
        for centre in centres {
            json.beginObject()
            json.field("code", centre.code)
            json.field("errors", centre.errors)
            json.field("name", centre.name)
            json.key("rules")
            json.beginArray()
            for rule in centre.rules {
                json.beginObject()
                json.field("basis", rule.basis)
                json.key("findings")
                json.strings(rule.findings)
                json.field("id", rule.id)
                json.field("outcome", rule.outcome)
                json.field("severity", rule.severity)
                json.field("title", rule.title)
                json.endObject()
            }
            json.endArray()
            json.field("warnings", centre.warnings)
            json.endObject()
        }
        json.endArray()
        json.endObject()
        return json.bytes
    }
}
