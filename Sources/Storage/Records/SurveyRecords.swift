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

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let campaignId = Column(CodingKeys.campaignId)
        static let serial = Column(CodingKeys.serial)
        static let answers = Column(CodingKeys.answers)
        static let overrides = Column(CodingKeys.overrides)
    }

    init(_ r: SurveyResponse, createdAt: String, updatedAt: String) {
        id = r.id
        campaignId = r.campaignID
        serial = r.serial
        respondentName = r.respondentName
        village = r.village
        birthYear = r.birthYear
        answers = StoredText.json(r.answers)
        overrides = StoredText.json(r.overrides)
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    func response() throws -> SurveyResponse {
        SurveyResponse(id: id, campaignID: campaignId,
                       answers: try Self.storedJSON(SurveyAnswers.self, answers, Columns.answers),
                       overrides: try Self.storedJSON([SurveyOverride].self, overrides, Columns.overrides))
    }
}
