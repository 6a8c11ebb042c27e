import Domain
import Foundation
import GRDB

/// A row of `plan`: the heading, status and version. Activities and steps are rows of their own tables.
struct PlanRecord: Codable, FetchableRecord, MutablePersistableRecord, StoredRecord {
    static let databaseTableName = "plan"

    var id: Int64?
    var centreId: Int64
    var kind: String
    var year: Int
    var month: Int?
    var title: String
    var legalBases: String
    /// Survey campaign ids, comma-separated.
    var campaignIds: String
    var targetClasses: Int
    var targetTalks: Int
    var targetLearners: Int
    var status: String
    var version: Int
    var amendsPlanId: Int64?
    var createdAt: String
    var updatedAt: String

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let centreId = Column(CodingKeys.centreId)
        static let kind = Column(CodingKeys.kind)
        static let year = Column(CodingKeys.year)
        static let campaignIds = Column(CodingKeys.campaignIds)
        static let status = Column(CodingKeys.status)
        static let amendsPlanId = Column(CodingKeys.amendsPlanId)
        static let updatedAt = Column(CodingKeys.updatedAt)
    }

    /// The columns in the order `init(row:)` reads them.
    static var databaseSelection: [any SQLSelectable] { [
        Column(CodingKeys.id),
        Column(CodingKeys.centreId),
        Column(CodingKeys.kind),
        Column(CodingKeys.year),
        Column(CodingKeys.month),
        Column(CodingKeys.title),
        Column(CodingKeys.legalBases),
        Column(CodingKeys.campaignIds),
        Column(CodingKeys.targetClasses),
        Column(CodingKeys.targetTalks),
        Column(CodingKeys.targetLearners),
        Column(CodingKeys.status),
        Column(CodingKeys.version),
        Column(CodingKeys.amendsPlanId),
        Column(CodingKeys.createdAt),
        Column(CodingKeys.updatedAt),
    ] }

    init(row: Row) throws {
        var columns = ColumnReader(row)
        id = try columns.next()
        centreId = try columns.next()
        kind = try columns.next()
        year = try columns.next()
        month = try columns.next()
        title = try columns.next()
        legalBases = try columns.next()
        campaignIds = try columns.next()
        targetClasses = try columns.next()
        targetTalks = try columns.next()
        targetLearners = try columns.next()
        status = try columns.next()
        version = try columns.next()
        amendsPlanId = try columns.next()
        createdAt = try columns.next()
        updatedAt = try columns.next()
    }

    init(_ p: Plan, createdAt: String, updatedAt: String) {
        id = p.id
        centreId = p.centreID
        kind = p.kind.rawValue
        year = p.year
        month = p.month
        title = p.title
        legalBases = p.legalBases
        campaignIds = p.campaignIDs.map(String.init).joined(separator: ",")
        targetClasses = p.targetClasses
        targetTalks = p.targetTalks
        targetLearners = p.targetLearners
        status = p.status.rawValue
        version = p.version
        amendsPlanId = p.amends
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    func plan(activities: [PlanActivity], history: [PlanEvent]) throws -> Plan {
        Plan(id: id, centreID: centreId, kind: try Self.stored(kind, Columns.kind), year: year, month: month,
             title: title, legalBases: legalBases, campaignIDs: try Self.storedIDs(campaignIds, Columns.campaignIds),
             targetClasses: targetClasses, targetTalks: targetTalks, targetLearners: targetLearners,
             status: try Self.stored(status, Columns.status), version: version, amends: amendsPlanId,
             activities: activities, history: history)
    }
}

/// A row of `planActivity`: one activity as JSON (its fields grow with the regulations without a migration).
struct PlanActivityRecord: Codable, FetchableRecord, MutablePersistableRecord, StoredRecord {
    static let databaseTableName = "planActivity"

    var id: Int64?
    var planId: Int64
    var position: Int
    var content: String

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let planId = Column(CodingKeys.planId)
        static let position = Column(CodingKeys.position)
        static let content = Column(CodingKeys.content)
    }

    init(planID: Int64, position: Int, _ activity: PlanActivity) {
        planId = planID
        self.position = position
        content = Self.content(activity)
    }

    /// The stored JSON of an activity; its row id is the row's, not part of the content.
    static func content(_ activity: PlanActivity) -> String {
        var stored = activity
        stored.id = nil
        return StoredText.json(stored)
    }

    func activity() throws -> PlanActivity {
        var activity = try Self.storedJSON(PlanActivity.self, content, Columns.content)
        activity.id = id
        return activity
    }
}

/// A row of `planEvent`: one step of a plan's approval.
struct PlanEventRecord: Codable, FetchableRecord, MutablePersistableRecord, StoredRecord {
    static let databaseTableName = "planEvent"

    var id: Int64?
    var planId: Int64
    var action: String
    var username: String
    var at: String
    var comment: String

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let planId = Column(CodingKeys.planId)
        static let action = Column(CodingKeys.action)
        static let at = Column(CodingKeys.at)
    }

    /// The columns in the order `init(row:)` reads them.
    static var databaseSelection: [any SQLSelectable] { [
        Column(CodingKeys.id),
        Column(CodingKeys.planId),
        Column(CodingKeys.action),
        Column(CodingKeys.username),
        Column(CodingKeys.at),
        Column(CodingKeys.comment),
    ] }

    init(row: Row) throws {
        var columns = ColumnReader(row)
        id = try columns.next()
        planId = try columns.next()
        action = try columns.next()
        username = try columns.next()
        at = try columns.next()
        comment = try columns.next()
    }

    init(planID: Int64, _ action: PlanAction, username: String, at moment: Date, comment: String) {
        planId = planID
        self.action = action.rawValue
        self.username = username
        at = Timestamp.string(moment)
        self.comment = comment
    }

    func event() throws -> PlanEvent {
        PlanEvent(action: try Self.stored(action, Columns.action), username: username,
                  at: try Self.storedTimestamp(at, Columns.at), comment: comment)
    }
}
