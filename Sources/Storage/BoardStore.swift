import Domain
import Foundation
import GRDB

public enum BoardStoreError: Error, Equatable {
    case notFound
}

extension AppDatabase {
    /// Every appointment of a centre, current and former, with trainings, oldest term first.
    public func boardMembers(centreID: Int64) throws -> [BoardMember] {
        try writer.read { db in
            try Self.fetchMembers(db, BoardMemberRecord.filter(BoardMemberRecord.Columns.centreId == centreID))
        }
    }

    /// Appointments of every centre in a province (or everywhere), grouped by centre.
    public func boardMembers(provinceCode: Int?) throws -> [Int64: [BoardMember]] {
        try writer.read { db in
            let members = try provinceCode.map { code in
                let centres = CentreRecord.filter(CentreRecord.Columns.provinceCode == code).select(CentreRecord.Columns.id)
                return try Self.fetchMembers(db, BoardMemberRecord.filter(centres.contains(BoardMemberRecord.Columns.centreId)))
            } ?? Self.fetchMembers(db, BoardMemberRecord.all())
            return Dictionary(grouping: members, by: \.centreID)
        }
    }

    /// Appointments of some centres (the rows a screen shows), grouped by centre.
    public func boardMembers(centreIDs: [Int64]) throws -> [Int64: [BoardMember]] {
        guard !centreIDs.isEmpty else { return [:] }
        return try writer.read { db in
            Dictionary(grouping: try Self.fetchMembers(db, BoardMemberRecord.filter(centreIDs.contains(BoardMemberRecord.Columns.centreId))),
                       by: \.centreID)
        }
    }

    public func boardMember(id: Int64) throws -> BoardMember? {
        try writer.read { db in try Self.fetchMember(db, id: id) }
    }

    static func fetchMember(_ db: Database, id: Int64) throws -> BoardMember? {
        try fetchMembers(db, BoardMemberRecord.filter(key: id)).first
    }

    /// The members a request selects, oldest term first, each with its trainings.
    static func fetchMembers(_ db: Database, _ request: QueryInterfaceRequest<BoardMemberRecord>) throws -> [BoardMember] {
        let records = try request.order(BoardMemberRecord.Columns.termStart, BoardMemberRecord.Columns.id).fetchAll(db)
        let ids = records.compactMap(\.id)
        var trainings: [Int64: [Training]] = [:]
        if !ids.isEmpty {
            let rows = try TrainingRecord.filter(request.select(BoardMemberRecord.Columns.id).contains(TrainingRecord.Columns.memberId))
                .order(TrainingRecord.Columns.date, TrainingRecord.Columns.id).fetchAll(db)
            for row in rows { trainings[row.memberId, default: []].append(try row.training()) }
        }
        return try records.map { try $0.member(trainings: trainings[$0.id!] ?? []) }
    }

    /// Inserts or updates an appointment and its trainings, in one transaction.
    @discardableResult
    public func saveBoardMember(_ input: BoardMember, by actor: Actor, at moment: Date) throws -> BoardMember {
        try actor.require(.editBoards)
        var member = input.normalised()
        let stamp = Timestamp.string(moment)
        return try writer.write { db in
            let before = try member.id.flatMap { try Self.fetchMember(db, id: $0) }
            if let before { try Self.requireScope(db, actor, centreID: before.centreID) }
            try Self.requireScope(db, actor, centreID: member.centreID)
            if let id = member.id {
                guard let stored = try BoardMemberRecord.fetchOne(db, key: id) else { throw BoardStoreError.notFound }
                try BoardMemberRecord(member, createdAt: stored.createdAt, updatedAt: stamp).update(db)
            } else {
                var record = BoardMemberRecord(member, createdAt: stamp, updatedAt: stamp)
                try record.insert(db)
                member.id = record.id
            }
            let id = member.id!
            try TrainingRecord.filter(TrainingRecord.Columns.memberId == id).deleteAll(db)
            for training in member.trainings {
                var record = TrainingRecord(memberID: id, training)
                try record.insert(db)
            }
            try CentreRecord.filter(key: member.centreID).updateAll(db, CentreRecord.Columns.updatedAt.set(to: stamp))
            let saved = try Self.fetchMember(db, id: id)!
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
            if let days = try Self.settingNumber(db, "board.vacancyDays") { parameters.vacancyDays = days }
            return parameters
        }
    }

    public func saveBoardVacancyDays(_ days: Int, by actor: Actor, at moment: Date) throws {
        try saveSetting("board.vacancyDays", String(days), by: actor, at: moment)
    }
}
