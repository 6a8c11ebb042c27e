import Domain
import Foundation
import GRDB

/// A row of `surveyCampaign`.
struct CampaignRecord: Codable, FetchableRecord, MutablePersistableRecord, StoredRecord {
    static let databaseTableName = "surveyCampaign"

    var id: Int64?
    var centreId: Int64
    var year: Int
    var title: String
    /// Method names, comma-separated.
    var methods: String
    var startDate: String?
    var endDate: String?
    var responsible: String
    var target: Int
    var questionnaireVersion: Int
    var createdAt: String
    var updatedAt: String

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let centreId = Column(CodingKeys.centreId)
        static let year = Column(CodingKeys.year)
        static let methods = Column(CodingKeys.methods)
        static let startDate = Column(CodingKeys.startDate)
        static let endDate = Column(CodingKeys.endDate)
    }

    /// The columns in the order `init(row:)` reads them.
    static var databaseSelection: [any SQLSelectable] { [
        Column(CodingKeys.id),
        Column(CodingKeys.centreId),
        Column(CodingKeys.year),
        Column(CodingKeys.title),
        Column(CodingKeys.methods),
        Column(CodingKeys.startDate),
        Column(CodingKeys.endDate),
        Column(CodingKeys.responsible),
        Column(CodingKeys.target),
        Column(CodingKeys.questionnaireVersion),
        Column(CodingKeys.createdAt),
        Column(CodingKeys.updatedAt),
    ] }

    init(row: Row) throws {
        var columns = ColumnReader(row)
        id = try columns.next()
        centreId = try columns.next()
        year = try columns.next()
        title = try columns.next()
        methods = try columns.next()
        startDate = try columns.next()
        endDate = try columns.next()
        responsible = try columns.next()
        target = try columns.next()
        questionnaireVersion = try columns.next()
        createdAt = try columns.next()
        updatedAt = try columns.next()
    }

    init(_ c: SurveyCampaign, createdAt: String, updatedAt: String) {
        id = c.id
        centreId = c.centreID
        year = c.year
        title = c.title
        methods = StoredText.list(c.methods)
        startDate = c.start?.iso
        endDate = c.end?.iso
        responsible = c.responsible
        target = c.target
        questionnaireVersion = c.questionnaireVersion
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    func campaign() throws -> SurveyCampaign {
        SurveyCampaign(
            id: id, centreID: centreId, year: year, title: title, methods: try Self.storedList(methods, Columns.methods),
            start: try Self.storedDate(startDate, Columns.startDate), end: try Self.storedDate(endDate, Columns.endDate),
            responsible: responsible, target: target, questionnaireVersion: questionnaireVersion)
    }
}

/// A row of `surveyResponse`: one filled-in form. The answers are JSON by question id (the questionnaire is
/// data and grows without a migration); serial, name, village and birth year are columns of their own.
struct ResponseRecord: Codable, FetchableRecord, MutablePersistableRecord, StoredRecord {
    static let databaseTableName = "surveyResponse"

    var id: Int64?
    var campaignId: Int64
    var serial: String
    var respondentName: String
    var village: String
    var birthYear: Int?
    var answers: String
    var overrides: String
    var createdAt: String
    var updatedAt: String
    /// The import that brought the form in; nil for a form keyed or edited on screen.
    var importBatchId: Int64?
    /// ``SurveyResponse/personKey``, indexed: the possible-duplicate check is one lookup.
    var personKey: String?

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let campaignId = Column(CodingKeys.campaignId)
        static let serial = Column(CodingKeys.serial)
        static let respondentName = Column(CodingKeys.respondentName)
        static let village = Column(CodingKeys.village)
        static let birthYear = Column(CodingKeys.birthYear)
        static let answers = Column(CodingKeys.answers)
        static let overrides = Column(CodingKeys.overrides)
        static let importBatchId = Column(CodingKeys.importBatchId)
        static let personKey = Column(CodingKeys.personKey)
    }

    init(_ r: SurveyResponse, createdAt: String, updatedAt: String, importBatchID: Int64? = nil) {
        id = r.id
        campaignId = r.campaignID
        serial = r.serial
        respondentName = r.respondentName
        village = r.village
        birthYear = r.birthYear
        answers = AnswersJSON.encode(r.answers)
        overrides = r.overrides.isEmpty ? "[]" : StoredText.json(r.overrides)
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        importBatchId = importBatchID
        personKey = r.personKey
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    func response() throws -> SurveyResponse {
        try Self.response(id: id, campaignID: campaignId, answers: answers, overrides: overrides)
    }

    static func response(id: Int64?, campaignID: Int64, answers: String, overrides: String) throws -> SurveyResponse {
        guard let decoded = AnswersJSON.decode(answers) else { throw failure(Columns.answers, answers) }
        return SurveyResponse(
            id: id, campaignID: campaignID, answers: decoded,
            overrides: overrides == "[]" ? [] : try storedJSON([SurveyOverride].self, overrides, Columns.overrides))
    }
}

/// A row of `importBatch`.
struct ImportBatchRecord: Codable, FetchableRecord, MutablePersistableRecord, StoredRecord {
    static let databaseTableName = "importBatch"

    var id: Int64?
    var campaignId: Int64
    var fileName: String
    var sha256: String
    var rows: Int
    var firstSerial: String
    var lastSerial: String
    var username: String
    var importedAt: String

    enum Columns {
        static let campaignId = Column(CodingKeys.campaignId)
        static let importedAt = Column(CodingKeys.importedAt)
    }

    init(_ b: ImportBatch) {
        id = b.id
        campaignId = b.campaignID
        fileName = b.fileName
        sha256 = b.sha256
        rows = b.rows
        firstSerial = b.firstSerial
        lastSerial = b.lastSerial
        username = b.username
        importedAt = Timestamp.string(b.importedAt)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    func batch() throws -> ImportBatch {
        ImportBatch(id: id, campaignID: campaignId, fileName: fileName, sha256: sha256, rows: rows,
                    firstSerial: firstSerial, lastSerial: lastSerial, username: username,
                    importedAt: try Self.storedTimestamp(importedAt, Columns.importedAt))
    }
}
