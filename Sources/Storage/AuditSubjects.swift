import Domain
import Foundation
import GRDB

extension AppDatabase {
    /// What each entry is about, by entry id: one query per record type for the ids the entries name, so a
    /// screen of entries costs a handful of lookups whatever the size of the trail.
    public func auditSubjects(for entries: [AuditEntry]) throws -> [Int64: AuditSubject] {
        var ids: [String: Set<String>] = [:]
        for entry in entries { ids[entry.recordType, default: []].insert(Self.recordKey(entry)) }
        // Each query's first column is the record's id as the entry holds it, as text.
        // Each query's first column is the record's id as the entry holds it, as text.
        func lookup(_ type: String, _ sql: String, _ make: (Row) -> AuditSubject) throws -> [String: AuditSubject] {
            var found: [String: AuditSubject] = [:]
            try forEachRow(sql, ids: Array(ids[type] ?? [])) { found[$0[0] as String] = make($0) }
            return found
        }
        do {
            var byType: [String: [String: AuditSubject]] = [:]
            byType["centre"] = try lookup("centre", "SELECT code, name FROM centre WHERE code IN ($IDS)") {
                .centre(name: $0[1])
            }
            byType["boardMember"] = try lookup("boardMember", """
                SELECT CAST(m.id AS TEXT), m.fullName, m.sex, c.name FROM boardMember m JOIN centre c ON c.id = m.centreId
                WHERE m.id IN ($IDS)
                """) { .boardMember(fullName: $0[1], sex: Sex(rawValue: $0[2]), centreName: $0[3]) }
            byType["plan"] = try lookup("plan", """
                SELECT CAST(p.id AS TEXT), p.title, c.name FROM plan p JOIN centre c ON c.id = p.centreId WHERE p.id IN ($IDS)
                """) { .plan(title: $0[1], centreName: $0[2], activity: nil) }
            byType["surveyCampaign"] = try lookup("surveyCampaign", """
                SELECT CAST(s.id AS TEXT), s.title, c.name FROM surveyCampaign s JOIN centre c ON c.id = s.centreId WHERE s.id IN ($IDS)
                """) { .campaign(title: $0[1], centreName: $0[2]) }
            byType["surveyResponse"] = try lookup("surveyResponse", """
                SELECT CAST(r.id AS TEXT), r.serial, c.name FROM surveyResponse r JOIN surveyCampaign s ON s.id = r.campaignId
                JOIN centre c ON c.id = s.centreId WHERE r.id IN ($IDS)
                """) { .response(serial: $0[1], centreName: $0[2]) }
            byType["importBatch"] = try lookup("importBatch", """
                SELECT CAST(b.id AS TEXT), b.fileName, c.name, b.rows, s.title FROM importBatch b
                JOIN surveyCampaign s ON s.id = b.campaignId JOIN centre c ON c.id = s.centreId WHERE b.id IN ($IDS)
                """) { row in
                let file: String = row[1]
                return file.isEmpty ? .importedForms(rows: row[3], campaignTitle: row[4], centreName: row[2])
                    : .importBatch(fileName: file, centreName: row[2])
            }
            byType["account"] = try lookup("account", "SELECT username, fullName FROM account WHERE username IN ($IDS)") {
                .account(username: $0[0], fullName: $0[1])
            }
            byType["evaluation"] = try lookup("evaluation", "SELECT code, name FROM centre WHERE code IN ($IDS)") {
                .centre(name: $0[1])
            }
            byType["staffMember"] = try lookup("staffMember", """
                SELECT CAST(m.id AS TEXT), m.fullName, c.name FROM staffMember m JOIN centre c ON c.id = m.centreId
                WHERE m.id IN ($IDS)
                """) { .staffMember(fullName: $0[1], centreName: $0[2]) }
            byType["fundingReceipt"] = try lookup("fundingReceipt", """
                SELECT CAST(r.id AS TEXT), r.date, r.amount, c.name FROM fundingReceipt r JOIN centre c ON c.id = r.centreId
                WHERE r.id IN ($IDS)
                """) { .receipt(date: $0[1], amount: $0[2], centreName: $0[3]) }
            let centreNames = try auditCentreNames(for: entries)
            var subjects: [Int64: AuditSubject] = [:]
            for entry in entries {
                var subject = byType[entry.recordType]?[Self.recordKey(entry)].map { Self.completed($0, entry) }
                    ?? Self.subjectFromEntry(entry, centreNames: centreNames)
                if case .plan(let title, let centre, nil) = subject, let activity = Self.activityNumber(entry) {
                    subject = .plan(title: title, centreName: centre, activity: activity)
                }
                subjects[entry.id] = subject
            }
            return subjects
        } catch {
            throw StorageError(error)
        }
    }

    /// The names of the centres the entries point to by id (a record's `centreID` field, a year's money), so
    /// that the trail says "TTHTCĐ xã Nghĩa Sơn" where the record holds a number.
    public func auditCentreNames(for entries: [AuditEntry]) throws -> [Int64: String] {
        var ids = Set<Int64>()
        for entry in entries {
            if entry.recordType == "fundingYear", let id = Self.leadingNumber(entry.recordID) { ids.insert(id) }
            ids.formUnion(Self.referencedIDs(entry, field: "centreID"))
            // An account limited to a centre: "centre:7".
            for change in entry.changes where entry.recordType == Account.auditRecordType && change.field == "scope" {
                for value in [change.before, change.after] {
                    if let value, value.hasPrefix("centre:"), let id = Int64(value.dropFirst("centre:".count)) { ids.insert(id) }
                }
            }
        }
        return try namesByID("SELECT id, name FROM centre WHERE id IN ($IDS)", ids)
    }

    /// The titles of the survey campaigns the entries point to by id (an import's campaign, a plan's surveys).
    public func auditCampaignTitles(for entries: [AuditEntry]) throws -> [Int64: String] {
        var ids = Set<Int64>()
        for entry in entries {
            ids.formUnion(Self.referencedIDs(entry, field: "campaign"))
            ids.formUnion(Self.referencedIDs(entry, field: "campaigns"))
        }
        return try namesByID("SELECT id, title FROM surveyCampaign WHERE id IN ($IDS)", ids)
    }

    /// The ids a field holds before and after, as a number or a comma-separated list.
    private static func referencedIDs(_ entry: AuditEntry, field: String) -> Set<Int64> {
        var ids = Set<Int64>()
        for change in entry.changes where change.field == field {
            for value in [change.before, change.after] {
                for part in (value ?? "").split(separator: ",") {
                    if let id = Int64(part.trimmingCharacters(in: .whitespaces)) { ids.insert(id) }
                }
            }
        }
        return ids
    }

    /// A name for each id: the query's first column is the id, its second the name.
    private func namesByID(_ sql: String, _ ids: Set<Int64>) throws -> [Int64: String] {
        var names: [Int64: String] = [:]
        do {
            try forEachRow(sql, ids: Array(ids)) { names[$0[0]] = $0[1] }
        } catch {
            throw StorageError(error)
        }
        return names
    }

    /// Runs `sql` with `$IDS` standing for the ids, 500 to a query (SQLite's limit on parameters is near).
    private func forEachRow<ID: DatabaseValueConvertible>(_ sql: String, ids: [ID], _ body: (Row) -> Void) throws {
        for start in stride(from: 0, to: ids.count, by: 500) {
            let chunk = Array(ids[start..<min(ids.count, start + 500)])
            let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
            try writer.read { db in
                for row in try Row.fetchAll(db, sql: sql.replacingOccurrences(of: "$IDS", with: marks),
                                            arguments: StatementArguments(chunk)) {
                    body(row)
                }
            }
        }
    }

    /// The id an entry's record is found by: an activity's outcome ("12/3") belongs to plan 12; an evaluation
    /// ("TT14329 2026") is found by its centre's code.
    static func recordKey(_ entry: AuditEntry) -> String {
        switch entry.recordType {
        case "plan": return String(entry.recordID.split(separator: "/").first ?? "")
        case "evaluation": return String(entry.recordID.split(separator: " ").first ?? "")
        case "importBatch": return String(entry.recordID.split(separator: "/").last ?? "")
        default: return entry.recordID
        }
    }

    /// What the looked-up name lacks and the entry's id holds: an evaluation's year.
    static func completed(_ subject: AuditSubject, _ entry: AuditEntry) -> AuditSubject {
        guard entry.recordType == "evaluation", case .centre(let name) = subject else { return subject }
        return .evaluation(year: trailingNumber(entry.recordID) ?? 0, centreName: name)
    }

    private static func leadingNumber(_ id: String) -> Int64? { id.split(separator: " ").first.flatMap { Int64($0) } }
    private static func trailingNumber(_ id: String) -> Int? {
        id.split(separator: " ").count == 2 ? id.split(separator: " ").last.flatMap { Int($0) } : nil
    }

    static func activityNumber(_ entry: AuditEntry) -> Int? {
        let parts = entry.recordID.split(separator: "/")
        return parts.count == 2 ? Int(parts[1]) : nil
    }

    /// A record the file no longer holds: named by what its own entry said, where it said anything.
    static func subjectFromEntry(_ entry: AuditEntry, centreNames: [Int64: String] = [:]) -> AuditSubject {
        func field(_ name: String) -> String? {
            entry.changes.first { $0.field == name }.flatMap { $0.before ?? $0.after }.flatMap { $0.isEmpty ? nil : $0 }
        }
        let centreName = field("centreID").flatMap { Int64($0) }.flatMap { centreNames[$0] } ?? ""
        switch entry.recordType {
        case "fundingYear":
            if let id = leadingNumber(entry.recordID), let year = trailingNumber(entry.recordID) {
                return .fundingYear(year: year, centreName: centreNames[id] ?? "")
            }
        case "fundingReceipt":
            if let date = field("date"), let amount = field("amount").flatMap({ Int($0) }) {
                return .receipt(date: date, amount: amount, centreName: centreName)
            }
        case "staffMember": if let name = field("fullName") { return .staffMember(fullName: name, centreName: centreName) }
        case "evaluation":
            if let year = trailingNumber(entry.recordID) { return .evaluation(year: year, centreName: centreName) }
        case "centre": if let name = field("name") { return .centre(name: name) }
        case "boardMember":
            if let name = field("fullName") {
                return .boardMember(fullName: name, sex: field("sex").flatMap(Sex.init(rawValue:)), centreName: "")
            }
        case "plan": if let title = field("title") { return .plan(title: title, centreName: "", activity: activityNumber(entry)) }
        case "surveyCampaign": if let title = field("title") { return .campaign(title: title, centreName: "") }
        case "account": return .account(username: entry.recordID, fullName: field("fullName") ?? "")
        case "setting": return .setting(key: entry.recordID)
        case "dataset": return .dataset
        default: break
        }
        return .unknown(recordType: entry.recordType, recordID: entry.recordID)
    }
}
