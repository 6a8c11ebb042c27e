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
        func lookup(_ type: String, _ sql: String, _ make: (Row) -> AuditSubject) throws -> [String: AuditSubject] {
            guard let wanted = ids[type], !wanted.isEmpty else { return [:] }
            var found: [String: AuditSubject] = [:]
            let list = Array(wanted)
            for start in stride(from: 0, to: list.count, by: 500) {
                let chunk = Array(list[start..<min(list.count, start + 500)])
                let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
                try writer.read { db in
                    for row in try Row.fetchAll(db, sql: sql.replacingOccurrences(of: "$IDS", with: marks),
                                                arguments: StatementArguments(chunk)) {
                        found[row[0] as String] = make(row)
                    }
                }
            }
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
                SELECT CAST(b.id AS TEXT), b.fileName, c.name FROM importBatch b JOIN surveyCampaign s ON s.id = b.campaignId
                JOIN centre c ON c.id = s.centreId WHERE b.id IN ($IDS)
                """) { .importBatch(fileName: $0[1], centreName: $0[2]) }
            byType["account"] = try lookup("account", "SELECT username, fullName FROM account WHERE username IN ($IDS)") {
                .account(username: $0[0], fullName: $0[1])
            }
            var subjects: [Int64: AuditSubject] = [:]
            for entry in entries {
                var subject = byType[entry.recordType]?[Self.recordKey(entry)] ?? Self.subjectFromEntry(entry)
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

    /// The id an entry's record is found by: an activity's outcome ("12/3") belongs to plan 12.
    static func recordKey(_ entry: AuditEntry) -> String {
        entry.recordType == "plan" ? String(entry.recordID.split(separator: "/").first ?? "") : entry.recordID
    }

    static func activityNumber(_ entry: AuditEntry) -> Int? {
        let parts = entry.recordID.split(separator: "/")
        return parts.count == 2 ? Int(parts[1]) : nil
    }

    /// A record the file no longer holds: named by what its own entry said, where it said anything.
    static func subjectFromEntry(_ entry: AuditEntry) -> AuditSubject {
        func field(_ name: String) -> String? {
            entry.changes.first { $0.field == name }.flatMap { $0.before ?? $0.after }.flatMap { $0.isEmpty ? nil : $0 }
        }
        switch entry.recordType {
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
