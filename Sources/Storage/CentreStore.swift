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
            let scope = provinceCode.map { CentreRecord.filter(CentreRecord.Columns.provinceCode == $0) } ?? CentreRecord.all()
            let ids = scope.select(CentreRecord.Columns.id)
            let venues = try Dictionary(grouping: VenueRecord.filter(ids.contains(VenueRecord.Columns.centreId))
                .order(VenueRecord.Columns.centreId, VenueRecord.Columns.position).fetchAll(db), by: \.centreId)
            let facilities = try Dictionary(grouping: FacilityRecord.filter(ids.contains(FacilityRecord.Columns.centreId))
                .fetchAll(db), by: \.centreId)
            return try scope.order(CentreRecord.Columns.code).fetchAll(db).map { record in
                try Self.centre(record, venues: venues[record.id!] ?? [], facilities: facilities[record.id!] ?? [])
            }
        }
    }

    /// Every centre's code by id, without reading the centres (lists that name centres by code).
    public func centreCodes() throws -> [Int64: String] {
        try writer.read { db in
            var codes: [Int64: String] = [:]
            for row in try Row.fetchAll(db, CentreRecord.select(CentreRecord.Columns.id, CentreRecord.Columns.code)) {
                codes[row[0]] = row[1]
            }
            return codes
        }
    }

    public func centre(id: Int64) throws -> Centre? {
        try writer.read { db in try Self.fetchCentre(db, id: id) }
    }

    public func centre(code: String) throws -> Centre? {
        try writer.read { db in
            guard let record = try CentreRecord.filter(CentreRecord.Columns.code == code.cleanedInput).fetchOne(db)
            else { return nil }
            return try Self.centre(db, record)
        }
    }

    static func fetchCentre(_ db: Database, id: Int64) throws -> Centre? {
        try CentreRecord.fetchOne(db, key: id).map { try centre(db, $0) }
    }

    static func centre(_ db: Database, _ record: CentreRecord) throws -> Centre {
        let id = record.id!
        return try centre(record, venues: VenueRecord.filter(VenueRecord.Columns.centreId == id)
                            .order(VenueRecord.Columns.position).fetchAll(db),
                          facilities: FacilityRecord.filter(FacilityRecord.Columns.centreId == id).fetchAll(db))
    }

    static func centre(_ record: CentreRecord, venues: [VenueRecord], facilities: [FacilityRecord]) throws -> Centre {
        try record.centre(venues: venues.map { try $0.venue() }, facilities: facilities.map { try $0.item() })
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
            if let id = centre.id { try Self.requireScope(db, actor, centreID: id) }
            try Self.requireScope(actor, centre: centre)
            if let id = centre.id {
                guard let previous, let stored = try CentreRecord.fetchOne(db, key: id) else {
                    throw CentreStoreError.notFound
                }
                centre.code = previous.code
                try CentreRecord(centre, createdAt: stored.createdAt, updatedAt: stamp).update(db)
            } else {
                let taken = try Set(String.fetchAll(db, CentreRecord.select(CentreRecord.Columns.code)))
                centre.code = CentreCode.make(communeCode: centre.communeCode ?? 0, taken: taken)
                var record = CentreRecord(centre, createdAt: stamp, updatedAt: stamp)
                try record.insert(db)
                centre.id = record.id
            }
            let id = centre.id!
            try Self.writeChildren(db, centreID: id, centre)
            if previous == nil {
                try Self.appendStatusChange(db, centreID: id, StatusChange(
                    from: nil, to: centre.status,
                    decision: centre.status == .active ? centre.establishment : centre.statusDecision,
                    reason: centre.statusReason, mergedInto: centre.mergedInto, recordedAt: moment,
                    recordedBy: actor.signature))
            } else if let previous, previous.status != centre.status {
                try Self.appendStatusChange(db, centreID: id, StatusChange(
                    from: previous.status, to: centre.status, decision: centre.statusDecision,
                    reason: centre.statusReason, mergedInto: centre.mergedInto, recordedAt: moment,
                    recordedBy: actor.signature))
            }
            let saved = try Self.fetchCentre(db, id: id)!
            try Self.audit(db, actor: actor, action: previous == nil ? "create" : "update",
                           recordType: Centre.auditRecordType, recordID: saved.code,
                           changes: AuditDiff.changes(before: previous?.auditFields, after: saved.auditFields),
                           at: moment)
            return saved
        }
    }

    static func writeChildren(_ db: Database, centreID: Int64, _ centre: Centre) throws {
        try VenueRecord.filter(VenueRecord.Columns.centreId == centreID).deleteAll(db)
        for (position, venue) in centre.venues.enumerated() {
            var record = VenueRecord(centreID: centreID, position: position, venue)
            try record.insert(db)
        }
        try FacilityRecord.filter(FacilityRecord.Columns.centreId == centreID).deleteAll(db)
        for item in centre.facilities { try FacilityRecord(centreID: centreID, item).insert(db) }
    }

    static func appendStatusChange(_ db: Database, centreID: Int64, _ change: StatusChange) throws {
        var record = StatusChangeRecord(centreID: centreID, change)
        try record.insert(db)
    }

    /// The status history of a centre, oldest first; the first line is its creation in the roster.
    public func statusHistory(centreID: Int64) throws -> [StatusChange] {
        try writer.read { db in
            try StatusChangeRecord.filter(StatusChangeRecord.Columns.centreId == centreID)
                .order(StatusChangeRecord.Columns.id).fetchAll(db).map { try $0.change() }
        }
    }

    /// What a centre holds besides its own profile. The creation line of its history does not count.
    public func records(centreID: Int64) throws -> CentreRecords {
        try writer.read { db in try Self.records(db, centreID: centreID) }
    }

    static func records(_ db: Database, centreID: Int64) throws -> CentreRecords {
        let changes = try StatusChangeRecord
            .filter(StatusChangeRecord.Columns.centreId == centreID && StatusChangeRecord.Columns.fromStatus != nil)
            .fetchCount(db)
        var other = 0
        for table in dependentTables where try db.tableExists(table) {
            other += try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table) WHERE centreId = ?",
                                      arguments: [centreID]) ?? 0
        }
        return CentreRecords(statusChanges: changes, other: other)
    }

    /// Tables whose rows are a centre's records.
    static var dependentTables: [String] {
        ["boardMember", "surveyCampaign", "plan", "evaluation", "staffMember", "fundingYear", "fundingReceipt"]
    }

    /// Deletes a centre that holds no records; a centre with records must be dissolved instead.
    public func deleteCentre(id: Int64, by actor: Actor, at moment: Date) throws {
        try actor.require(.editCentres)
        try writer.write { db in
            guard let centre = try Self.fetchCentre(db, id: id) else { throw CentreStoreError.notFound }
            try Self.requireScope(db, actor, centreID: id)
            let records = try Self.records(db, centreID: id)
            guard records.allowsDeletion else { throw CentreStoreError.hasRecords(records) }
            try CentreRecord.deleteOne(db, key: id)
            try Self.audit(db, actor: actor, action: "delete", recordType: Centre.auditRecordType, recordID: centre.code,
                           changes: AuditDiff.changes(before: centre.auditFields, after: nil), at: moment)
        }
    }
}
