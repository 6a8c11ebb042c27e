import Domain
import Foundation
import GRDB

/// Many records in one transaction, for a program that fills a data file (the benchmark's generator): the
/// same rows the screens' saves write, each through its record's prepared statement, and one audit entry for
/// the whole load instead of one a record.
public struct BulkWriter {
    let db: Database
    let stamp: String
    let moment: Date
    /// Who loads, named on each line of status history.
    let recordedBy: String
    private var codes: Set<String>
    /// What was written, by kind ("centre", "boardMember", ...), for the audit entry.
    public private(set) var counts: [String: Int] = [:]

    init(_ db: Database, by actor: Actor, at moment: Date) throws {
        self.db = db
        self.moment = moment
        recordedBy = actor.signature
        stamp = Timestamp.string(moment)
        codes = try Set(String.fetchAll(db, CentreRecord.select(CentreRecord.Columns.code)))
    }

    /// A centre as first entered (its code given from its commune), with venues, facilities and the first
    /// line of its history; a status other than active adds the line of that change.
    @discardableResult
    public mutating func add(_ input: Centre) throws -> Centre {
        var centre = input.normalised()
        centre.code = CentreCode.make(communeCode: centre.communeCode ?? 0, taken: codes)
        codes.insert(centre.code)
        var record = CentreRecord(centre, createdAt: stamp, updatedAt: stamp)
        try record.insert(db)
        centre.id = record.id
        try AppDatabase.writeChildren(db, centreID: record.id!, centre)
        try AppDatabase.appendStatusChange(db, centreID: record.id!, StatusChange(
            from: nil, to: .active, decision: centre.establishment, reason: "", mergedInto: nil, recordedAt: moment,
            recordedBy: recordedBy))
        if centre.status != .active {
            try AppDatabase.appendStatusChange(db, centreID: record.id!, StatusChange(
                from: .active, to: centre.status, decision: centre.statusDecision, reason: centre.statusReason,
                mergedInto: centre.mergedInto, recordedAt: moment, recordedBy: recordedBy))
        }
        counts["centre", default: 0] += 1
        return centre
    }

    public mutating func add(_ input: BoardMember) throws {
        let member = input.normalised()
        var record = BoardMemberRecord(member, createdAt: stamp, updatedAt: stamp)
        try record.insert(db)
        for training in member.trainings {
            var row = TrainingRecord(memberID: record.id!, training)
            try row.insert(db)
        }
        counts["boardMember", default: 0] += 1
    }

    @discardableResult
    public mutating func add(_ input: SurveyCampaign) throws -> SurveyCampaign {
        var campaign = input
        var record = CampaignRecord(campaign, createdAt: stamp, updatedAt: stamp)
        try record.insert(db)
        campaign.id = record.id
        counts["surveyCampaign", default: 0] += 1
        return campaign
    }

    /// A plan with its activities and the steps of its history as given.
    @discardableResult
    public mutating func add(_ input: Plan) throws -> Plan {
        var plan = input
        try AppDatabase.storePlan(db, &plan, at: moment)
        for step in input.history {
            var event = PlanEventRecord(planID: plan.id!, step.action, username: step.username, at: step.at,
                                        comment: step.comment)
            try event.insert(db)
            if step.action == .approve { try DocumentRegister.issue(db, planID: plan.id!, at: step.at) }
        }
        counts["plan", default: 0] += 1
        counts["planActivity", default: 0] += plan.activities.count
        return plan
    }
}

extension AppDatabase {
    /// Writes what `body` adds in one transaction, with one audit entry that counts it.
    @discardableResult
    public func bulkLoad(by actor: Actor, at moment: Date, _ body: (inout BulkWriter) throws -> Void) throws
        -> [String: Int]
    {
        for permission in [Permission.editCentres, .editBoards, .editSurveys, .draftPlans] {
            try actor.require(permission)
        }
        return try writer.write { db in
            var bulk = try BulkWriter(db, by: actor, at: moment)
            try body(&bulk)
            try Self.audit(db, actor: actor, action: "bulkLoad", recordType: "dataset", recordID: "",
                           changes: AuditDiff.changes(before: nil, after: bulk.counts.mapValues(String.init)),
                           at: moment)
            return bulk.counts
        }
    }

    /// Adds forms to one campaign as they are produced, in one transaction: all or nothing, one import batch,
    /// one audit entry, and the memory of one form at a time.
    @discardableResult
    public func importResponses(campaignID: Int64, fileName: String, sha256: String, by actor: Actor, at moment: Date,
                                _ produce: (_ add: (SurveyResponse) throws -> Void) throws -> Void) throws -> ImportBatch {
        try actor.require(.editSurveys)
        return try writer.write { db in
            try db.execute(sql: "PRAGMA cache_size = -65536")
            defer { try? db.execute(sql: "PRAGMA cache_size = -2000") }
            try Self.requireScope(db, actor, campaignID: campaignID)
            var inserter = try ResponseInserter(db, campaignID: campaignID, fileName: fileName, sha256: sha256,
                                                by: actor, at: moment)
            try produce { response in
                guard response.campaignID == campaignID else { throw SurveyStoreError.notFound }
                try inserter.add(response)
            }
            return try inserter.finish(by: actor, at: moment)
        }
    }
}
