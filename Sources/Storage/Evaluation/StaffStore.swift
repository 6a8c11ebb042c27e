import Domain
import Foundation
import GRDB

public enum StaffStoreError: Error, Equatable {
    case notFound
    case nameRequired
}

extension AppDatabase {
    /// A centre's register of teachers, speakers and volunteers, by name, each with the trainings attended.
    public func staffMembers(centreID: Int64) throws -> [StaffMember] {
        try writer.read { db in
            try Self.fetchStaff(db, StaffRecord.filter(StaffRecord.Columns.centreId == centreID))
        }
    }

    /// Every centre's register in a province (all when nil), by centre: what the board checks of every centre read.
    public func staffMembers(provinceCode: Int?) throws -> [Int64: [StaffMember]] {
        try writer.read { db in
            let staff = try provinceCode.map { code in
                let centres = CentreRecord.filter(CentreRecord.Columns.provinceCode == code).select(CentreRecord.Columns.id)
                return try Self.fetchStaff(db, StaffRecord.filter(centres.contains(StaffRecord.Columns.centreId)))
            } ?? Self.fetchStaff(db, StaffRecord.all())
            return Dictionary(grouping: staff, by: \.centreID)
        }
    }

    public func staffMember(id: Int64) throws -> StaffMember? {
        try writer.read { db in try Self.fetchStaff(db, StaffRecord.filter(key: id)).first }
    }

    static func fetchStaff(_ db: Database, _ request: QueryInterfaceRequest<StaffRecord>) throws -> [StaffMember] {
        let records = try request.order(StaffRecord.Columns.id).fetchAll(db)
        var trainings: [Int64: [Training]] = [:]
        let rows = try StaffTrainingRecord
            .filter(request.select(StaffRecord.Columns.id).contains(StaffTrainingRecord.Columns.staffId))
            .order(StaffTrainingRecord.Columns.date).fetchAll(db)
        for row in rows { trainings[row.staffId, default: []].append(try row.training()) }
        let members = try records.map { try $0.member(trainings: trainings[$0.id!] ?? []) }
        return members.sorted { VietnameseCollation.key($0.fullName) < VietnameseCollation.key($1.fullName) }
    }

    /// Inserts or updates a person of the register and their trainings, in one transaction.
    @discardableResult
    public func saveStaffMember(_ input: StaffMember, by actor: Actor, at moment: Date) throws -> StaffMember {
        try actor.require(.editBoards)
        var member = input.normalised()
        guard member.isValid else { throw StaffStoreError.nameRequired }
        let stamp = Timestamp.string(moment)
        return try writer.write { db in
            let before = try member.id.flatMap { try Self.fetchStaff(db, StaffRecord.filter(key: $0)).first }
            if let before { try Self.requireScope(db, actor, centreID: before.centreID) }
            try Self.requireScope(db, actor, centreID: member.centreID)
            // A centre received from another office (or handed over to its commune) is that office's to write.
            if let before { try Self.requireSelfSide(db, centreID: before.centreID) }
            try Self.requireSelfSide(db, centreID: member.centreID)
            if let id = member.id {
                guard let stored = try StaffRecord.fetchOne(db, key: id) else { throw StaffStoreError.notFound }
                member.uid = stored.uid
                try StaffRecord(member, createdAt: stored.createdAt, updatedAt: stamp).update(db)
            } else {
                var record = StaffRecord(member, createdAt: stamp, updatedAt: stamp)
                try record.insert(db)
                member.id = record.id
            }
            let id = member.id!
            try StaffTrainingRecord.filter(StaffTrainingRecord.Columns.staffId == id).deleteAll(db)
            for training in member.trainings {
                var record = StaffTrainingRecord(staffID: id, training)
                try record.insert(db)
            }
            let saved = try Self.fetchStaff(db, StaffRecord.filter(key: id)).first!
            try Self.audit(db, actor: actor, action: before == nil ? "create" : "update",
                           recordType: StaffMember.auditRecordType, recordID: String(id),
                           changes: AuditDiff.changes(before: before?.auditFields, after: saved.auditFields), at: moment)
            return saved
        }
    }
}
