import Domain
import Foundation
import GRDB

/// A row of `boardMember`: one appointment to a centre.
struct BoardMemberRecord: Codable, FetchableRecord, MutablePersistableRecord, StoredRecord {
    static let databaseTableName = "boardMember"

    var id: Int64?
    var centreId: Int64
    var fullName: String
    var sex: String
    var birthYear: Int?
    var role: String
    var homeBody: String
    var position: String
    var post: String
    var employment: String
    var decisionNumber: String
    var decisionDate: String?
    var decisionIssuer: String
    var termStart: String?
    var termEnd: String?
    var duties: String
    var phone: String
    var createdAt: String
    var updatedAt: String

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let centreId = Column(CodingKeys.centreId)
        static let sex = Column(CodingKeys.sex)
        static let role = Column(CodingKeys.role)
        static let homeBody = Column(CodingKeys.homeBody)
        static let position = Column(CodingKeys.position)
        static let employment = Column(CodingKeys.employment)
        static let decisionDate = Column(CodingKeys.decisionDate)
        static let termStart = Column(CodingKeys.termStart)
        static let termEnd = Column(CodingKeys.termEnd)
    }

    /// The columns in the order `init(row:)` reads them.
    static var databaseSelection: [any SQLSelectable] { [
        Column(CodingKeys.id),
        Column(CodingKeys.centreId),
        Column(CodingKeys.fullName),
        Column(CodingKeys.sex),
        Column(CodingKeys.birthYear),
        Column(CodingKeys.role),
        Column(CodingKeys.homeBody),
        Column(CodingKeys.position),
        Column(CodingKeys.post),
        Column(CodingKeys.employment),
        Column(CodingKeys.decisionNumber),
        Column(CodingKeys.decisionDate),
        Column(CodingKeys.decisionIssuer),
        Column(CodingKeys.termStart),
        Column(CodingKeys.termEnd),
        Column(CodingKeys.duties),
        Column(CodingKeys.phone),
        Column(CodingKeys.createdAt),
        Column(CodingKeys.updatedAt),
    ] }

    init(row: Row) throws {
        var columns = ColumnReader(row)
        id = try columns.next()
        centreId = try columns.next()
        fullName = try columns.next()
        sex = try columns.next()
        birthYear = try columns.next()
        role = try columns.next()
        homeBody = try columns.next()
        position = try columns.next()
        post = try columns.next()
        employment = try columns.next()
        decisionNumber = try columns.next()
        decisionDate = try columns.next()
        decisionIssuer = try columns.next()
        termStart = try columns.next()
        termEnd = try columns.next()
        duties = try columns.next()
        phone = try columns.next()
        createdAt = try columns.next()
        updatedAt = try columns.next()
    }

    init(_ m: BoardMember, createdAt: String, updatedAt: String) {
        id = m.id
        centreId = m.centreID
        fullName = m.fullName
        sex = m.sex.rawValue
        birthYear = m.birthYear
        role = m.role.rawValue
        homeBody = m.homeBody.rawValue
        position = m.position.rawValue
        post = m.post
        employment = m.employment.rawValue
        decisionNumber = m.decision.number
        decisionDate = m.decision.date?.iso
        decisionIssuer = m.decision.issuer
        termStart = m.termStart?.iso
        termEnd = m.termEnd?.iso
        duties = m.duties
        phone = m.phone
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    func member(trainings: [Training]) throws -> BoardMember {
        BoardMember(
            id: id, centreID: centreId, fullName: fullName, sex: try Self.stored(sex, Columns.sex), birthYear: birthYear,
            role: try Self.stored(role, Columns.role), homeBody: try Self.stored(homeBody, Columns.homeBody),
            position: try Self.stored(position, Columns.position), post: post,
            employment: try Self.stored(employment, Columns.employment),
            decision: Decision(number: decisionNumber, date: try Self.storedDate(decisionDate, Columns.decisionDate),
                               issuer: decisionIssuer),
            termStart: try Self.storedDate(termStart, Columns.termStart),
            termEnd: try Self.storedDate(termEnd, Columns.termEnd), duties: duties, phone: phone, trainings: trainings)
    }
}

/// A row of `training`: a session a member attended.
struct TrainingRecord: Codable, FetchableRecord, MutablePersistableRecord, StoredRecord {
    static let databaseTableName = "training"

    var id: Int64?
    var memberId: Int64
    var date: String
    var topic: String
    var hours: Int
    var organiser: String

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let memberId = Column(CodingKeys.memberId)
        static let date = Column(CodingKeys.date)
    }

    /// The columns in the order `init(row:)` reads them.
    static var databaseSelection: [any SQLSelectable] { [
        Column(CodingKeys.id),
        Column(CodingKeys.memberId),
        Column(CodingKeys.date),
        Column(CodingKeys.topic),
        Column(CodingKeys.hours),
        Column(CodingKeys.organiser),
    ] }

    init(row: Row) throws {
        var columns = ColumnReader(row)
        id = try columns.next()
        memberId = try columns.next()
        date = try columns.next()
        topic = try columns.next()
        hours = try columns.next()
        organiser = try columns.next()
    }

    init(memberID: Int64, _ t: Training) {
        memberId = memberID
        date = t.date.iso
        topic = t.topic
        hours = t.hours
        organiser = t.organiser
    }

    func training() throws -> Training {
        Training(id: id, date: try Self.storedDate(date, Columns.date), topic: topic, hours: hours, organiser: organiser)
    }
}
