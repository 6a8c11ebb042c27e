import Crypto
import Domain
import Foundation
import GRDB

/// Each record of a slice as the merge report compares it: kind, stable identity, name, and a digest of its
/// content: its own columns and the rows it holds (a centre's venues, facilities and status changes, a member's
/// trainings, a plan's activities and steps). Ids and links are left out (they are renumbered on arrival), and so
/// is `updatedAt`, which a centre also takes when its board changes: a record is "changed" when what it says is.
enum SliceSummaries {
    /// The rows each kind holds, by the column that points to it.
    static let held: [ExchangeKind: [(table: String, link: String)]] = [
        .centre: [("venue", "centreId"), ("facility", "centreId"), ("centreStatusChange", "centreId")],
        .boardMember: [("training", "memberId")],
        .plan: [("planActivity", "planId"), ("planEvent", "planId")],
    ]

    static func read(_ db: Database, schema: String, centres: String, arguments: StatementArguments = []) throws
        -> [RecordSummary] {
        let centreIDs = "SELECT c.id FROM \(schema).centre c WHERE \(centres)"
        let queries: [(ExchangeKind, String, String)] = [
            (.centre, "centre", "SELECT uid AS identity, code || ' ' || name AS label, * FROM \(schema).centre c WHERE \(centres)"),
            (.boardMember, "boardMember", "SELECT uid AS identity, fullName AS label, * FROM \(schema).boardMember WHERE centreId IN (\(centreIDs))"),
            (.surveyCampaign, "surveyCampaign", "SELECT uid AS identity, title AS label, * FROM \(schema).surveyCampaign WHERE centreId IN (\(centreIDs))"),
            (.surveyResponse, "surveyResponse", """
                SELECT s.uid || '/' || r.serial AS identity,
                       s.title || ' · ' || r.serial || CASE WHEN r.respondentName = '' THEN '' ELSE ' ' || r.respondentName END AS label,
                       r.* FROM \(schema).surveyResponse r JOIN \(schema).surveyCampaign s ON s.id = r.campaignId
                WHERE s.centreId IN (\(centreIDs))
                """),
            (.plan, "plan", "SELECT uid AS identity, title || ' (' || year || ')' AS label, * FROM \(schema).plan WHERE centreId IN (\(centreIDs))"),
        ]
        var summaries: [RecordSummary] = []
        for (kind, table, sql) in queries {
            let children = try heldDigests(db, kind: kind, parent: table, schema: schema, centres: centres, arguments: arguments)
            let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
            while let row = try rows.next() {
                var hasher = SHA256()
                add(row.dropFirst(2), to: &hasher)
                if let id = row["id"] as Int64?, let held = children[id] { hasher.update(data: held) }
                let digest = Self.hex(hasher.finalize().prefix(12))
                summaries.append(RecordSummary(kind: kind.rawValue, uid: row["identity"], name: row["label"], digest: digest))
            }
        }
        return summaries
    }

    /// What the rows a record holds say, by the holder's id (in order, so that moving a venue is a change).
    private static func heldDigests(_ db: Database, kind: ExchangeKind, parent: String, schema: String, centres: String,
                                    arguments: StatementArguments) throws -> [Int64: Data] {
        var digests: [Int64: SHA256] = [:]
        for (table, link) in held[kind] ?? [] {
            let parents = "SELECT c.id FROM \(schema).\(parent) AS c WHERE " + SliceTables.owned(parent, schema: schema, centres: centres)
            let rows = try Row.fetchCursor(db, sql: """
                SELECT * FROM \(schema).\(table) WHERE \(link) IN (\(parents)) ORDER BY \(link), rowid
                """, arguments: arguments)
            while let row = try rows.next() {
                guard let owner = row[link] as Int64? else { continue }
                var hasher = digests[owner] ?? SHA256()
                hasher.update(data: Data(table.utf8))
                add(row.map { $0 }, to: &hasher)
                digests[owner] = hasher
            }
        }
        return digests.mapValues { Data($0.finalize()) }
    }

    /// Each column's name, its value's description and a zero byte, hashed from the strings' own bytes (a
    /// province receives hundreds of thousands of forms: no `Data` made for each).
    private static func add<S: Sequence>(_ columns: S, to hasher: inout SHA256) where S.Element == (String, DatabaseValue) {
        for (column, value) in columns where !isLeftOut(column) {
            update(&hasher, column)
            describe(value) { hasher.update(bufferPointer: $0) }
            withUnsafeBytes(of: UInt8(0)) { hasher.update(bufferPointer: $0) }
        }
    }

    private static func update(_ hasher: inout SHA256, _ text: String) {
        var text = text
        text.withUTF8 { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
    }

    /// The bytes of `value.description`, which quotes a text with `String(reflecting:)`: most texts (ASCII
    /// and Vietnamese letters) come out as themselves between quotes, and are handed over as they are.
    static func describe(_ value: DatabaseValue, _ emit: (UnsafeRawBufferPointer) -> Void) {
        if case .string(var text) = value.storage, quotesAsIs(text) {
            withUnsafeBytes(of: UInt8(ascii: "\"")) { emit($0) }
            text.withUTF8 { emit(UnsafeRawBufferPointer($0)) }
            withUnsafeBytes(of: UInt8(ascii: "\"")) { emit($0) }
        } else {
            var text = value.description
            text.withUTF8 { emit(UnsafeRawBufferPointer($0)) }
        }
    }

    /// Whether `String(reflecting:)` writes this text unchanged between quotes: printable ASCII but for the
    /// quotes and backslash, Latin letters (Vietnamese among them), and combining marks after a letter.
    static func quotesAsIs(_ text: String) -> Bool {
        var first = true
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x22, 0x27, 0x5C: return false
            case 0x20...0x7E, 0xA0...0x24F, 0x1E00...0x1EFF: break
            case 0x300...0x36F where !first: break
            default: return false
            }
            first = false
        }
        return true
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Lower-case hex, two digits a byte (what `String(format: "%02x")` gave, without formatting each byte).
    static func hex<D: Sequence>(_ bytes: D) -> String where D.Element == UInt8 {
        var text: [UInt8] = []
        for byte in bytes {
            text.append(hexDigits[Int(byte >> 4)])
            text.append(hexDigits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    private static func isLeftOut(_ column: String) -> Bool {
        column == "id" || column == "writer" || column == "updatedAt" || column.hasSuffix("Id") || column.hasSuffix("Ids")
    }
}
