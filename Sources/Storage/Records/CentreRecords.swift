import Domain
import Foundation
import GRDB

/// A row of `centre`: the centre's own profile. Venues and facilities are rows of their own tables.
struct CentreRecord: Codable, FetchableRecord, MutablePersistableRecord, StoredRecord {
    static let databaseTableName = "centre"

    var id: Int64?
    var code: String
    var name: String
    var provinceCode: Int
    var communeCode: Int?
    var address: String
    var establishmentNumber: String
    var establishmentDate: String?
    var establishmentIssuer: String
    var model: String
    var isPilot: Bool
    var otherFacilities: String
    var status: String
    var statusDecisionNumber: String
    var statusDecisionDate: String?
    var statusDecisionIssuer: String
    var statusReason: String
    var mergedInto: String?
    var createdAt: String
    var updatedAt: String
    /// The villages as a JSON array of names.
    var villages: String

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let code = Column(CodingKeys.code)
        static let provinceCode = Column(CodingKeys.provinceCode)
        static let establishmentDate = Column(CodingKeys.establishmentDate)
        static let model = Column(CodingKeys.model)
        static let status = Column(CodingKeys.status)
        static let statusDecisionDate = Column(CodingKeys.statusDecisionDate)
        static let updatedAt = Column(CodingKeys.updatedAt)
        static let villages = Column(CodingKeys.villages)
    }

    /// The columns in the order `init(row:)` reads them.
    static var databaseSelection: [any SQLSelectable] { [
        Column(CodingKeys.id),
        Column(CodingKeys.code),
        Column(CodingKeys.name),
        Column(CodingKeys.provinceCode),
        Column(CodingKeys.communeCode),
        Column(CodingKeys.address),
        Column(CodingKeys.establishmentNumber),
        Column(CodingKeys.establishmentDate),
        Column(CodingKeys.establishmentIssuer),
        Column(CodingKeys.model),
        Column(CodingKeys.isPilot),
        Column(CodingKeys.otherFacilities),
        Column(CodingKeys.status),
        Column(CodingKeys.statusDecisionNumber),
        Column(CodingKeys.statusDecisionDate),
        Column(CodingKeys.statusDecisionIssuer),
        Column(CodingKeys.statusReason),
        Column(CodingKeys.mergedInto),
        Column(CodingKeys.createdAt),
        Column(CodingKeys.updatedAt),
        Column(CodingKeys.villages),
    ] }

    init(row: Row) throws {
        var columns = ColumnReader(row)
        id = try columns.next()
        code = try columns.next()
        name = try columns.next()
        provinceCode = try columns.next()
        communeCode = try columns.next()
        address = try columns.next()
        establishmentNumber = try columns.next()
        establishmentDate = try columns.next()
        establishmentIssuer = try columns.next()
        model = try columns.next()
        isPilot = try columns.next()
        otherFacilities = try columns.next()
        status = try columns.next()
        statusDecisionNumber = try columns.next()
        statusDecisionDate = try columns.next()
        statusDecisionIssuer = try columns.next()
        statusReason = try columns.next()
        mergedInto = try columns.next()
        createdAt = try columns.next()
        updatedAt = try columns.next()
        villages = try columns.next()
    }

    /// The row for a centre; `createdAt` is kept from the stored row when there is one.
    init(_ c: Centre, createdAt: String, updatedAt: String) {
        id = c.id
        code = c.code
        name = c.name
        provinceCode = c.provinceCode
        communeCode = c.communeCode
        address = c.address
        establishmentNumber = c.establishment.number
        establishmentDate = c.establishment.date?.iso
        establishmentIssuer = c.establishment.issuer
        model = c.model.rawValue
        isPilot = c.isPilot
        otherFacilities = c.otherFacilities
        status = c.status.rawValue
        statusDecisionNumber = c.statusDecision.number
        statusDecisionDate = c.statusDecision.date?.iso
        statusDecisionIssuer = c.statusDecision.issuer
        statusReason = c.statusReason
        mergedInto = c.status == .merged ? c.mergedInto : nil
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        villages = StoredText.json(c.villages)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    func centre(venues: [Venue], facilities: [FacilityItem]) throws -> Centre {
        guard let villages = AnswersJSON.decodeStrings(self.villages) else { throw Self.failure(Columns.villages, self.villages) }
        return Centre(
            id: id, code: code, name: name, provinceCode: provinceCode, communeCode: communeCode, address: address,
            establishment: Decision(number: establishmentNumber,
                                    date: try Self.storedDate(establishmentDate, Columns.establishmentDate),
                                    issuer: establishmentIssuer),
            model: try Self.stored(model, Columns.model), isPilot: isPilot, venues: venues,
            villages: villages,
            facilities: FacilityKind.allCases.map { kind in
                facilities.first { $0.kind == kind } ?? FacilityItem(kind: kind)
            },
            otherFacilities: otherFacilities, status: try Self.stored(status, Columns.status),
            statusDecision: Decision(number: statusDecisionNumber,
                                     date: try Self.storedDate(statusDecisionDate, Columns.statusDecisionDate),
                                     issuer: statusDecisionIssuer),
            statusReason: statusReason, mergedInto: mergedInto,
            updatedAt: try Self.storedTimestamp(updatedAt, Columns.updatedAt) as Date)
    }
}

/// A row of `venue`: one place of a centre, in the centre's order.
struct VenueRecord: Codable, FetchableRecord, MutablePersistableRecord, StoredRecord {
    static let databaseTableName = "venue"

    var id: Int64?
    var centreId: Int64
    var position: Int
    var name: String
    var kind: String
    var village: String

    enum Columns {
        static let centreId = Column(CodingKeys.centreId)
        static let position = Column(CodingKeys.position)
        static let kind = Column(CodingKeys.kind)
    }

    /// The columns in the order `init(row:)` reads them.
    static var databaseSelection: [any SQLSelectable] { [
        Column(CodingKeys.id),
        Column(CodingKeys.centreId),
        Column(CodingKeys.position),
        Column(CodingKeys.name),
        Column(CodingKeys.kind),
        Column(CodingKeys.village),
    ] }

    init(row: Row) throws {
        var columns = ColumnReader(row)
        id = try columns.next()
        centreId = try columns.next()
        position = try columns.next()
        name = try columns.next()
        kind = try columns.next()
        village = try columns.next()
    }

    init(centreID: Int64, position: Int, _ venue: Venue) {
        centreId = centreID
        self.position = position
        name = venue.name
        kind = venue.kind.rawValue
        village = venue.village
    }

    func venue() throws -> Venue { Venue(name: name, kind: try Self.stored(kind, Columns.kind), village: village) }
}

/// A row of `facility`: one line of a centre's facilities checklist.
struct FacilityRecord: Codable, FetchableRecord, PersistableRecord, StoredRecord {
    static let databaseTableName = "facility"

    var centreId: Int64
    var kind: String
    var present: Bool
    var count: Int

    enum Columns {
        static let centreId = Column(CodingKeys.centreId)
        static let kind = Column(CodingKeys.kind)
    }

    /// The columns in the order `init(row:)` reads them.
    static var databaseSelection: [any SQLSelectable] { [
        Column(CodingKeys.centreId),
        Column(CodingKeys.kind),
        Column(CodingKeys.present),
        Column(CodingKeys.count),
    ] }

    init(row: Row) throws {
        var columns = ColumnReader(row)
        centreId = try columns.next()
        kind = try columns.next()
        present = try columns.next()
        count = try columns.next()
    }

    init(centreID: Int64, _ item: FacilityItem) {
        centreId = centreID
        kind = item.kind.rawValue
        present = item.present
        count = item.count
    }

    func item() throws -> FacilityItem {
        FacilityItem(kind: try Self.stored(kind, Columns.kind), present: present, count: count)
    }
}

/// A row of `centreStatusChange`: one line of a centre's status history.
struct StatusChangeRecord: Codable, FetchableRecord, MutablePersistableRecord, StoredRecord {
    static let databaseTableName = "centreStatusChange"

    var id: Int64?
    var centreId: Int64
    var fromStatus: String?
    var toStatus: String
    var decisionNumber: String
    var decisionDate: String?
    var decisionIssuer: String
    var reason: String
    var mergedInto: String?
    var recordedAt: String
    var recordedBy: String

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let centreId = Column(CodingKeys.centreId)
        static let fromStatus = Column(CodingKeys.fromStatus)
        static let toStatus = Column(CodingKeys.toStatus)
        static let decisionDate = Column(CodingKeys.decisionDate)
        static let recordedAt = Column(CodingKeys.recordedAt)
    }

    init(centreID: Int64, _ change: StatusChange) {
        centreId = centreID
        fromStatus = change.from?.rawValue
        toStatus = change.to.rawValue
        decisionNumber = change.decision.number
        decisionDate = change.decision.date?.iso
        decisionIssuer = change.decision.issuer
        reason = change.reason
        mergedInto = change.mergedInto
        recordedAt = Timestamp.string(change.recordedAt)
        recordedBy = change.recordedBy
    }

    func change() throws -> StatusChange {
        StatusChange(
            from: try Self.stored(fromStatus, Columns.fromStatus), to: try Self.stored(toStatus, Columns.toStatus),
            decision: Decision(number: decisionNumber, date: try Self.storedDate(decisionDate, Columns.decisionDate),
                               issuer: decisionIssuer),
            reason: reason, mergedInto: mergedInto,
            recordedAt: try Self.storedTimestamp(recordedAt, Columns.recordedAt), recordedBy: recordedBy)
    }
}
