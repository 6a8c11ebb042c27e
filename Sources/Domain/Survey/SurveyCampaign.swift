import Foundation

/// How answers were collected.
public enum SurveyMethod: String, Codable, CaseIterable, Sendable {
    case villageMeeting, householdForm, interview, mailbox, socialNetwork
}

/// A learning-needs survey of one centre in one year.
public struct SurveyCampaign: Hashable, Codable, Sendable, Identifiable {
    public var id: Int64?
    public var centreID: Int64
    public var year: Int
    public var title: String
    public var methods: [SurveyMethod]
    public var start: LocalDate?
    public var end: LocalDate?
    public var responsible: String
    /// How many respondents the campaign aims for.
    public var target: Int
    public var questionnaireVersion: Int

    public init(id: Int64? = nil, centreID: Int64, year: Int, title: String = "", methods: [SurveyMethod] = [],
                start: LocalDate? = nil, end: LocalDate? = nil, responsible: String = "", target: Int = 0,
                questionnaireVersion: Int = 1) {
        self.id = id
        self.centreID = centreID
        self.year = year
        self.title = title
        self.methods = methods
        self.start = start
        self.end = end
        self.responsible = responsible
        self.target = target
        self.questionnaireVersion = questionnaireVersion
    }
}

public enum CampaignField: Hashable, Sendable { case title, year, start, end, target, responsible }

public enum CampaignProblem: Hashable, Sendable { case required, yearOutOfRange, endBeforeStart, targetOutOfRange, dateOutsideYear }

public enum CampaignValidator {
    public static func validate(_ c: SurveyCampaign, today: LocalDate) -> [(CampaignField, CampaignProblem)] {
        var issues: [(CampaignField, CampaignProblem)] = []
        if c.title.cleanedInput.isEmpty { issues.append((.title, .required)) }
        if !(2000...(today.year + 1)).contains(c.year) { issues.append((.year, .yearOutOfRange)) }
        if let start = c.start, start.year != c.year && start.year != c.year - 1 { issues.append((.start, .dateOutsideYear)) }
        if let start = c.start, let end = c.end, end < start { issues.append((.end, .endBeforeStart)) }
        if !(1...100_000).contains(c.target) { issues.append((.target, .targetOutOfRange)) }
        return issues
    }
}

/// One import of a file into a campaign: what the audit trail records of it, and what each imported form
/// points to.
public struct ImportBatch: Hashable, Sendable, Identifiable {
    public var id: Int64?
    public var campaignID: Int64
    /// The file's name (without its folder), or "" for forms given by a program.
    public var fileName: String
    /// SHA-256 of the file's bytes, in hex.
    public var sha256: String
    public var rows: Int
    public var firstSerial: String
    public var lastSerial: String
    public var username: String
    public var importedAt: Date

    public init(id: Int64? = nil, campaignID: Int64, fileName: String, sha256: String, rows: Int = 0,
                firstSerial: String = "", lastSerial: String = "", username: String, importedAt: Date) {
        self.id = id
        self.campaignID = campaignID
        self.fileName = fileName
        self.sha256 = sha256
        self.rows = rows
        self.firstSerial = firstSerial
        self.lastSerial = lastSerial
        self.username = username
        self.importedAt = importedAt
    }

    /// What the audit entry of the import says.
    public var auditFields: [String: String] {
        ["campaign": String(campaignID), "file": fileName, "sha256": sha256, "rows": String(rows),
         "serials": firstSerial == lastSerial ? firstSerial : firstSerial + " – " + lastSerial]
    }
}
