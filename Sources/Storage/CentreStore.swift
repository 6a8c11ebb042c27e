import Domain
import Foundation
import GRDB

/// Why a centre could not be saved or deleted, beyond what ``CentreValidator`` checks.
public enum CentreStoreError: Error, Equatable {
    case notFound
    /// The centre has records (status history, and later boards, surveys, plans): dissolve it instead.
    case hasRecords(CentreRecords)
}

extension AppDatabase {
    /// Every centre in the file, with venues and facilities.
    public func allCentres() throws -> [Centre] { try centres(provinceCode: nil) }

    /// The centres of one province (or of every province), with venues and facilities.
    public func centres(provinceCode: Int?) throws -> [Centre] {
        try writer.read { db in
            let venues = try CentreRows.venuesByCentre(db, provinceCode: provinceCode)
            let facilities = try CentreRows.facilitiesByCentre(db, provinceCode: provinceCode)
            let rows = try provinceCode.map {
                try Row.fetchAll(db, sql: "SELECT * FROM centre WHERE provinceCode = ? ORDER BY code", arguments: [$0])
            } ?? Row.fetchAll(db, sql: "SELECT * FROM centre ORDER BY code")
            return rows.map { row in
                let id: Int64 = row["id"]
                return CentreRows.centre(from: row, venues: venues[id] ?? [], facilities: facilities[id] ?? [])
            }
        }
    }

    public func centre(id: Int64) throws -> Centre? {
        try writer.read { db in try Self.fetchCentre(db, id: id) }
    }

    public func centre(code: String) throws -> Centre? {
        try writer.read { db in
            guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM centre WHERE code = ?",
                                              arguments: [code.cleanedInput]) else { return nil }
            return try Self.fetchCentre(db, id: id)
        }
    }

    static func fetchCentre(_ db: Database, id: Int64) throws -> Centre? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM centre WHERE id = ?", arguments: [id]) else {
            return nil
        }
        let venues = try CentreRows.venuesByCentre(db, centreID: id)[id] ?? []
        let facilities = try CentreRows.facilitiesByCentre(db, centreID: id)[id] ?? []
        return CentreRows.centre(from: row, venues: venues, facilities: facilities)
    }

    /// Inserts or updates a centre in one transaction. A new centre gets its code; a change of status is
    /// appended to the status history. Validation is the caller's (``CentreValidator``); this only stores.
    @discardableResult
    public func saveCentre(_ input: Centre, by actor: Actor, at moment: Date) throws -> Centre {
        try actor.require(.editCentres)
        var centre = input.normalised()
        let stamp = Timestamp.string(moment)
        return try writer.write { db in
            let previous = try centre.id.flatMap { try Self.fetchCentre(db, id: $0) }
            if let id = centre.id {
                guard let previous else { throw CentreStoreError.notFound }
                centre.code = previous.code
                var args = CentreRows.arguments(centre)
                _ = args.append(contentsOf: ["id": id, "updatedAt": stamp])
                let assignments = CentreRows.columns.filter { $0 != "code" }.map { "\($0) = :\($0)" }
                try db.execute(
                    sql: "UPDATE centre SET \(assignments.joined(separator: ", ")), updatedAt = :updatedAt WHERE id = :id",
                    arguments: args)
            } else {
                let taken = try Set(String.fetchAll(db, sql: "SELECT code FROM centre"))
                centre.code = CentreCode.make(communeCode: centre.communeCode ?? 0, taken: taken)
                var args = CentreRows.arguments(centre)
                _ = args.append(contentsOf: ["createdAt": stamp, "updatedAt": stamp])
                let names = CentreRows.columns + ["createdAt", "updatedAt"]
                try db.execute(
                    sql: "INSERT INTO centre(\(names.joined(separator: ", "))) VALUES (\(names.map { ":" + $0 }.joined(separator: ", ")))",
                    arguments: args)
                centre.id = db.lastInsertedRowID
            }
            let id = centre.id!
            try CentreRows.writeChildren(db, centreID: id, centre)
            if previous == nil {
                try Self.appendStatusChange(db, centreID: id, StatusChange(
                    from: nil, to: centre.status,
                    decision: centre.status == .active ? centre.establishment : centre.statusDecision,
                    reason: centre.statusReason, mergedInto: centre.mergedInto, recordedAt: moment))
            } else if let previous, previous.status != centre.status {
                try Self.appendStatusChange(db, centreID: id, StatusChange(
                    from: previous.status, to: centre.status, decision: centre.statusDecision,
                    reason: centre.statusReason, mergedInto: centre.mergedInto, recordedAt: moment))
            }
            let saved = try Self.fetchCentre(db, id: id)!
            try Self.audit(db, actor: actor, action: previous == nil ? "create" : "update",
                           recordType: Centre.auditRecordType, recordID: saved.code,
                           changes: AuditDiff.changes(before: previous?.auditFields, after: saved.auditFields),
                           at: moment)
            return saved
        }
    }

    static func appendStatusChange(_ db: Database, centreID: Int64, _ change: StatusChange) throws {
        try db.execute(
            sql: """
                INSERT INTO centreStatusChange(centreId, fromStatus, toStatus, decisionNumber, decisionDate,
                    decisionIssuer, reason, mergedInto, recordedAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [centreID, change.from?.rawValue, change.to.rawValue, change.decision.number,
                        change.decision.date?.iso, change.decision.issuer, change.reason, change.mergedInto,
                        Timestamp.string(change.recordedAt)])
    }

    /// The status history of a centre, oldest first; the first line is its creation in the roster.
    public func statusHistory(centreID: Int64) throws -> [StatusChange] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM centreStatusChange WHERE centreId = ? ORDER BY id",
                             arguments: [centreID]).map { row in
                StatusChange(
                    from: (row["fromStatus"] as String?).flatMap(CentreStatus.init(rawValue:)),
                    to: CentreStatus(rawValue: row["toStatus"]) ?? .active,
                    decision: Decision(number: row["decisionNumber"], date: CentreRows.date(row["decisionDate"]),
                                       issuer: row["decisionIssuer"]),
                    reason: row["reason"], mergedInto: row["mergedInto"],
                    recordedAt: Timestamp.date(row["recordedAt"]) ?? Date(timeIntervalSince1970: 0))
            }
        }
    }

    /// What a centre holds besides its own profile. The creation line of its history does not count.
    public func records(centreID: Int64) throws -> CentreRecords {
        try writer.read { db in try Self.records(db, centreID: centreID) }
    }

    static func records(_ db: Database, centreID: Int64) throws -> CentreRecords {
        let changes = try Int.fetchOne(
            db, sql: "SELECT count(*) FROM centreStatusChange WHERE centreId = ? AND fromStatus IS NOT NULL",
            arguments: [centreID]) ?? 0
        var other = 0
        for table in dependentTables where try db.tableExists(table) {
            other += try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table) WHERE centreId = ?",
                                      arguments: [centreID]) ?? 0
        }
        return CentreRecords(statusChanges: changes, other: other)
    }

    /// Tables whose rows are a centre's records.
    static var dependentTables: [String] { ["boardMember", "surveyCampaign", "plan"] }

    /// Deletes a centre that holds no records; a centre with records must be dissolved instead.
    public func deleteCentre(id: Int64, by actor: Actor, at moment: Date) throws {
        try actor.require(.editCentres)
        try writer.write { db in
            guard let centre = try Self.fetchCentre(db, id: id) else { throw CentreStoreError.notFound }
            let records = try Self.records(db, centreID: id)
            guard records.allowsDeletion else { throw CentreStoreError.hasRecords(records) }
            try db.execute(sql: "DELETE FROM centre WHERE id = ?", arguments: [id])
            try Self.audit(db, actor: actor, action: "delete", recordType: Centre.auditRecordType, recordID: centre.code,
                           changes: AuditDiff.changes(before: centre.auditFields, after: nil), at: moment)
        }
    }
}
