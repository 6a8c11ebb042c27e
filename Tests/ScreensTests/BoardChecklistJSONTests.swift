import Domain
import Foundation
import Testing
@testable import Basics
@testable import Screens

/// `board check --json` is written straight into bytes; it must be exactly what `JSONEncoder` writes for the
/// same checklist, in both languages, with texts that need escaping and a centre with no findings.
@Suite struct BoardChecklistJSONTests {
    @MainActor
    @Test(arguments: Language.allCases)
    func theStreamedChecklistIsWhatJSONEncoderWrites(_ language: Language) throws {
        let harness = try Harness(.demo, language: language)
        let database = harness.database
        let engine = BoardCompliance(table: Harness.rules, parameters: try database.boardParameters(defaults: Harness.rules.parameters),
                                     units: Harness.units)
        let boards = try database.boardMembers(provinceCode: nil)
        let staff = try database.staffMembers(provinceCode: nil)
        var reports = try database.allCentres().map { centre in
            (centre, engine.check(centreID: centre.id!, members: boards[centre.id!] ?? [], staff: staff[centre.id!] ?? [],
                                  asOf: Harness.today))
        }
        #expect(reports.count > 3)
        #expect(reports.contains { !$0.1.results.flatMap(\.findings).isEmpty }, "findings are part of the output")
        var odd = reports[0].0
        odd.name = "Tên có \"ngoặc\", \\ gạch / chéo\tvà tab\u{1}"
        reports.append((odd, BoardReport(centreID: 0, asOf: Harness.today, results: [])))
        let checklist = BoardChecklistJSON(reports, asOf: Harness.today, strings: try Strings(language: language))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let expected = Array(try encoder.encode(checklist))
        #expect(checklist.bytes == expected)
    }

    @Test func emptyContainersAndNestingAreLaidOutAsJSONEncoderDoes() throws {
        struct Shape: Encodable { let a: [Int]; let b: [String: Int]; let c: [[String]]; let d: Int }
        var json = JSONStreamWriter()
        json.beginObject()
        json.key("a"); json.beginArray(); json.endArray()
        json.key("b"); json.beginObject(); json.endObject()
        json.key("c"); json.beginArray(); json.strings([]); json.strings(["x", "y"]); json.endArray()
        json.field("d", 7)
        json.endObject()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let expected = String(decoding: try encoder.encode(Shape(a: [], b: [:], c: [[], ["x", "y"]], d: 7)), as: UTF8.self)
        #expect(json.text == expected)
    }
}
