import Domain
import Foundation
import GRDB

public enum BoardStoreError: Error, Equatable {
    case notFound
}

extension AppDatabase {
    /// Every appointment of a centre, current and former, with trainings, oldest term first.
    public func boardMembers(centreID: Int64) throws -> [BoardMember] {
        try writer.read { db in try Self.fetchMembers(db, condition: "centreId = ?", arguments: [centreID]) }
    }

    /// Appointments of every centre in a province (or everywhere), grouped by centre.
    public func boardMembers(provinceCode: Int?) throws -> [Int64: [BoardMember]] {
        try writer.read { db in
            let members = try provinceCode.map {
                try Self.fetchMembers(db, condition: "centreId IN (SELECT id FROM centre WHERE provinceCode = ?)",
                                      arguments: [$0])
            } ?? Self.fetchMembers(db, condition: "1", arguments: [])
            return Dictionary(grouping: members, by: \.centreID)
        }
    }

    public func boardMember(id: Int64) throws -> BoardMember? {
        try writer.read { db in try Self.fetchMembers(db, condition: "id = ?", arguments: [id]).first }
    }

    static func fetchMembers(_ db: Database, condition: String, arguments: StatementArguments) throws -> [BoardMember] {
        let rows = try Row.fetchAll(
            db, sql: "SELECT * FROM boardMember WHERE \(condition) ORDER BY termStart, id", arguments: arguments)
        let ids = rows.map { $0["id"] as Int64 }
        var trainings: [Int64: [Training]] = [:]
        if !ids.isEmpty {
            let placeholders = Array(repeating: "?", count: ids.count).joined(separator: ",")
            for row in try Row.fetchAll(db, sql: "SELECT * FROM training WHERE memberId IN (\(placeholders)) ORDER BY date, id",
                                        arguments: StatementArguments(ids)) {
                guard let date = LocalDate(iso: row["date"]) else { continue }
                trainings[row["memberId"], default: []].append(
                    Training(id: row["id"], date: date, topic: row["topic"], hours: row["hours"],
                             organiser: row["organiser"]))
            }
        }
        return rows.map { row in
            let id: Int64 = row["id"]
            return BoardMember(
                id: id, centreID: row["centreId"], fullName: row["fullName"],
                sex: Sex(rawValue: row["sex"]) ?? .male, birthYear: row["birthYear"],
                role: BoardRole(rawValue: row["role"]) ?? .member,
                homeBody: HomeBody(rawValue: row["homeBody"]) ?? .other,
                position: Position(rawValue: row["position"]) ?? .other, post: row["post"],
                employment: Employment(rawValue: row["employment"]) ?? .concurrent,
                decision: Decision(number: row["decisionNumber"], date: CentreRows.date(row["decisionDate"]),
                                   issuer: row["decisionIssuer"]),
                termStart: CentreRows.date(row["termStart"]), termEnd: CentreRows.date(row["termEnd"]),
                duties: row["duties"], phone: row["phone"], trainings: trainings[id] ?? [])
        }
    }

    /// Inserts or updates an appointment and its trainings, in one transaction.
    @discardableResult
    public func saveBoardMember(_ input: BoardMember, by actor: Actor, at moment: Date) throws -> BoardMember {
        try actor.require(.editBoards)
        var member = input.normalised()
        let stamp = Timestamp.string(moment)
        return try writer.write { db in
            let before = try member.id.flatMap { try Self.fetchMembers(db, condition: "id = ?", arguments: [$0]).first }
            let arguments: StatementArguments = [
                "centreId": member.centreID, "fullName": member.fullName, "sex": member.sex.rawValue,
                "birthYear": member.birthYear, "role": member.role.rawValue, "homeBody": member.homeBody.rawValue,
                "position": member.position.rawValue, "post": member.post, "employment": member.employment.rawValue,
                "decisionNumber": member.decision.number, "decisionDate": member.decision.date?.iso,
                "decisionIssuer": member.decision.issuer, "termStart": member.termStart?.iso,
                "termEnd": member.termEnd?.iso, "duties": member.duties, "phone": member.phone, "stamp": stamp,
            ]
            let columns = ["centreId", "fullName", "sex", "birthYear", "role", "homeBody", "position", "post",
                           "employment", "decisionNumber", "decisionDate", "decisionIssuer", "termStart", "termEnd",
                           "duties", "phone"]
            if let id = member.id {
                guard try Int.fetchOne(db, sql: "SELECT count(*) FROM boardMember WHERE id = ?", arguments: [id]) == 1
                else { throw BoardStoreError.notFound }
                var args = arguments
                _ = args.append(contentsOf: ["id": id])
                try db.execute(
                    sql: "UPDATE boardMember SET \(columns.map { "\($0) = :\($0)" }.joined(separator: ", ")), updatedAt = :stamp WHERE id = :id",
                    arguments: args)
            } else {
                try db.execute(
                    sql: "INSERT INTO boardMember(\(columns.joined(separator: ", ")), createdAt, updatedAt) VALUES (\(columns.map { ":" + $0 }.joined(separator: ", ")), :stamp, :stamp)",
                    arguments: arguments)
                member.id = db.lastInsertedRowID
            }
            let id = member.id!
            try db.execute(sql: "DELETE FROM training WHERE memberId = ?", arguments: [id])
            for training in member.trainings {
                try db.execute(
                    sql: "INSERT INTO training(memberId, date, topic, hours, organiser) VALUES (?, ?, ?, ?, ?)",
                    arguments: [id, training.date.iso, training.topic, training.hours, training.organiser])
            }
            try db.execute(sql: "UPDATE centre SET updatedAt = ? WHERE id = ?", arguments: [stamp, member.centreID])
            let saved = try Self.fetchMembers(db, condition: "id = ?", arguments: [id])[0]
            try Self.audit(db, actor: actor, action: before == nil ? "create" : "update",
                           recordType: BoardMember.auditRecordType, recordID: String(id),
                           changes: AuditDiff.changes(before: before?.auditFields, after: saved.auditFields), at: moment)
            return saved
        }
    }

    /// Board parameters the office changed from the rule table's defaults.
    public func boardParameters(defaults: BoardParameters) throws -> BoardParameters {
        try writer.read { db in
            var parameters = defaults
            if let days = try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = 'board.vacancyDays'")
                .flatMap({ Int($0) }) {
                parameters.vacancyDays = days
            }
            return parameters
        }
    }

    public func saveBoardVacancyDays(_ days: Int, by actor: Actor, at moment: Date) throws {
        try saveSetting("board.vacancyDays", String(days), by: actor, at: moment)
    }
}
