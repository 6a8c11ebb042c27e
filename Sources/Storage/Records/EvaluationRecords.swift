import Domain
import Foundation
import GRDB

/// A row of `evaluation`: a centre's evaluation of one year, its totals and ranks as columns for the roster's
/// filter and the dashboard's counts.
struct EvaluationRecord: Codable, FetchableRecord, MutablePersistableRecord, StoredRecord {
    static let databaseTableName = "evaluation"

    var id: Int64?
    var uid: String
    var centreId: Int64
    var year: Int
    var criteriaSetId: String
    var status: String
    var selfTotal: Int
    var total: Int
    var selfRank: String?
    var rank: String?
    var createdAt: String
    var updatedAt: String

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let centreId = Column(CodingKeys.centreId)
        static let year = Column(CodingKeys.year)
        static let status = Column(CodingKeys.status)
        static let rank = Column(CodingKeys.rank)
        static let selfRank = Column(CodingKeys.selfRank)
    }

    init(_ e: Evaluation, createdAt: String, updatedAt: String) {
        id = e.id
        uid = e.uid
        centreId = e.centreID
        year = e.year
        criteriaSetId = e.criteriaSetID
        status = e.status.rawValue
        selfTotal = e.selfTotal
        total = e.total
        selfRank = e.selfRank?.rawValue
        rank = e.rank?.rawValue
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    func evaluation(items: [ItemAssessment], history: [EvaluationEvent]) throws -> Evaluation {
        Evaluation(id: id, uid: uid, centreID: centreId, year: year, criteriaSetID: criteriaSetId,
                   status: try Self.stored(status, Columns.status), items: items,
                   selfRank: try Self.stored(selfRank, Columns.selfRank), rank: try Self.stored(rank, Columns.rank),
                   history: history)
    }
}

/// A row of `evaluationItem`: one criterion as assessed, the evidence in typed columns.
struct EvaluationItemRecord: Codable, FetchableRecord, PersistableRecord, StoredRecord {
    static let databaseTableName = "evaluationItem"

    var evaluationId: Int64
    var itemId: String
    var position: Int
    var evidenceKind: String?
    var evidenceAchieved: Int?
    var evidenceOutOf: Int?
    var evidenceDetail: Int?
    var overrideAchieved: Int?
    var overrideOutOf: Int?
    var overrideReason: String
    var selfScore: Int?
    var selfNote: String
    var officerScore: Int?
    var officerComment: String

    enum Columns {
        static let evaluationId = Column(CodingKeys.evaluationId)
        static let position = Column(CodingKeys.position)
        static let evidenceKind = Column(CodingKeys.evidenceKind)
    }

    init(evaluationID: Int64, position: Int, _ item: ItemAssessment) {
        evaluationId = evaluationID
        itemId = item.itemID
        self.position = position
        evidenceKind = (item.evidence ?? item.override)?.kind.rawValue
        evidenceAchieved = item.evidence?.achieved
        evidenceOutOf = item.evidence?.outOf
        evidenceDetail = item.evidence?.detail
        overrideAchieved = item.override?.achieved
        overrideOutOf = item.override?.outOf
        overrideReason = item.overrideReason
        selfScore = item.selfScore
        selfNote = item.selfNote
        officerScore = item.officerScore
        officerComment = item.officerComment
    }

    func item() throws -> ItemAssessment {
        let kind: EvidenceKind? = try Self.stored(evidenceKind, Columns.evidenceKind)
        let evidence = kind.flatMap { k in
            evidenceAchieved.map { EvidenceValue(k, $0, evidenceOutOf ?? 0, detail: evidenceDetail ?? 0) }
        }
        let override = kind.flatMap { k in overrideAchieved.map { EvidenceValue(k, $0, overrideOutOf ?? 0) } }
        return ItemAssessment(itemID: itemId, evidence: evidence, override: override, overrideReason: overrideReason,
                              selfScore: selfScore, selfNote: selfNote, officerScore: officerScore,
                              officerComment: officerComment)
    }
}

/// A row of `evaluationEvent`: a step of the flow, who took it, when, with what comment.
struct EvaluationEventRecord: Codable, FetchableRecord, MutablePersistableRecord, StoredRecord {
    static let databaseTableName = "evaluationEvent"

    var id: Int64?
    var evaluationId: Int64
    var action: String
    var username: String
    var at: String
    var comment: String

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let evaluationId = Column(CodingKeys.evaluationId)
        static let action = Column(CodingKeys.action)
        static let at = Column(CodingKeys.at)
    }

    func event() throws -> EvaluationEvent {
        EvaluationEvent(action: try Self.stored(action, Columns.action), username: username,
                        at: try Self.storedTimestamp(at, Columns.at), comment: comment)
    }
}

/// A row of `staffMember`: a teacher, speaker or volunteer of a centre.
struct StaffRecord: Codable, FetchableRecord, MutablePersistableRecord, StoredRecord {
    static let databaseTableName = "staffMember"

    var id: Int64?
    var uid: String
    var centreId: Int64
    var fullName: String
    var kind: String
    var field: String
    var workplace: String
    var phone: String
    var active: Bool
    var createdAt: String
    var updatedAt: String

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let centreId = Column(CodingKeys.centreId)
        static let kind = Column(CodingKeys.kind)
        static let fullName = Column(CodingKeys.fullName)
    }

    init(_ s: StaffMember, createdAt: String, updatedAt: String) {
        id = s.id
        uid = s.uid
        centreId = s.centreID
        fullName = s.fullName
        kind = s.kind.rawValue
        field = s.field
        workplace = s.workplace
        phone = s.phone
        active = s.active
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    func member(trainings: [Training]) throws -> StaffMember {
        StaffMember(id: id, uid: uid, centreID: centreId, fullName: fullName, kind: try Self.stored(kind, Columns.kind),
                    field: field, workplace: workplace, phone: phone, active: active, trainings: trainings)
    }
}

/// A row of `staffTraining`.
struct StaffTrainingRecord: Codable, FetchableRecord, MutablePersistableRecord, StoredRecord {
    static let databaseTableName = "staffTraining"

    var id: Int64?
    var staffId: Int64
    var date: String
    var topic: String
    var hours: Int
    var organiser: String

    enum Columns {
        static let staffId = Column(CodingKeys.staffId)
        static let date = Column(CodingKeys.date)
    }

    init(staffID: Int64, _ t: Training) {
        staffId = staffID
        date = t.date.iso
        topic = t.topic
        hours = t.hours
        organiser = t.organiser
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    func training() throws -> Training {
        Training(id: id, date: try Self.storedDate(date, Columns.date), topic: topic, hours: hours, organiser: organiser)
    }
}

/// A row of `fundingYear`: the estimate and the allocation of a centre's year.
struct FundingYearRecord: Codable, FetchableRecord, PersistableRecord, StoredRecord {
    static let databaseTableName = "fundingYear"

    var centreId: Int64
    var year: Int
    var estimate: Int
    var preparedBy: String
    var allocated: Int
    var note: String
    var updatedAt: String
}

/// A row of `fundingReceipt`.
struct ReceiptRecord: Codable, FetchableRecord, MutablePersistableRecord, StoredRecord {
    static let databaseTableName = "fundingReceipt"

    var id: Int64?
    var uid: String
    var centreId: Int64
    var year: Int
    var date: String
    var source: String
    var amount: Int
    var donor: String
    var note: String
    var createdAt: String

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let centreId = Column(CodingKeys.centreId)
        static let year = Column(CodingKeys.year)
        static let date = Column(CodingKeys.date)
        static let source = Column(CodingKeys.source)
    }

    init(_ r: FundingReceipt, createdAt: String) {
        id = r.id
        uid = r.uid
        centreId = r.centreID
        year = r.date.year
        date = r.date.iso
        source = r.source.rawValue
        amount = r.amount
        donor = r.donor
        note = r.note
        self.createdAt = createdAt
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    func receipt() throws -> FundingReceipt {
        FundingReceipt(id: id, uid: uid, centreID: centreId, date: try Self.storedDate(date, Columns.date),
                       source: try Self.stored(source, Columns.source), amount: amount, donor: donor, note: note)
    }
}
