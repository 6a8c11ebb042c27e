import Documents
import Domain
import Foundation
import Storage

/// Who signs for the People's Committee: the chairman, or a vice-chairman "KT. CHỦ TỊCH".
public enum SignerTitle: Equatable, Sendable { case chairman, viceChairman }

/// What the plan's documents say about its issue and approval. Only what the data file holds is filled: the full
/// name comes from the account of the person who approved; the title from that person's post on a board of the
/// same commune. The register numbers are the ones Storage gave at the approval (see `PlanRegisterNumbers`).
public struct PlanIssueFacts: Equatable, Sendable {
    /// The office's own number for the plan, given when it is issued; nil leaves the blank filled by hand.
    public var registerNumber: String?
    /// The approval decision's number in the commune's register; nil the same way.
    public var decisionNumber: String?
    /// The day of approval, in the office's time zone.
    public var approvedOn: LocalDate?
    /// Empty when the account is gone: the line is left for the name to be written by hand, never the login name.
    public var approverName: String
    public var approverTitle: SignerTitle
}

/// Why a document cannot be made from the data as it stands.
public enum DocumentProblem: Error, Equatable, Sendable {
    /// The centre's commune is not in the official list: the document could not name its kind of unit truly.
    case communeNotInList(centreCode: String)
    /// There is no approval decision to print for a plan that is not approved.
    case planNotApproved(status: PlanStatus)
    /// The office's province (and commune) are not set yet.
    case officeNotSet
    /// The centre has not started its self-assessment of the year: there is no sheet to print.
    case evaluationNotStarted(centreCode: String, year: Int)
    /// No criteria set covers the year (Resources/evaluation/criteria.json).
    case noCriteria(year: Int)
}

/// What documents read besides the record they are about: the data file (names, boards, plans, surveys and the
/// audit trail's head), the unit list, the catalogs and the day. The command line and the screens both make one.
public struct DocumentSource {
    public let database: AppDatabase
    public let units: UnitDirectory
    public let strings: Strings
    public let today: LocalDate
    public let office: OfficeSettings?
    public let questionnaire: Questionnaire?
    public let boardRules: BoardRuleTable

    public init(database: AppDatabase, units: UnitDirectory, strings: Strings, today: LocalDate,
                office: OfficeSettings?, questionnaire: Questionnaire?, boardRules: BoardRuleTable) {
        self.database = database
        self.units = units
        self.strings = strings
        self.today = today
        self.office = office
        self.questionnaire = questionnaire
        self.boardRules = boardRules
    }

    /// The centre's commune as documents name it; refused when the list no longer has it.
    public func unit(of centre: Centre) throws -> UnitWords {
        guard let code = centre.communeCode, let unit = units.unit(code: code) else {
            throw DocumentProblem.communeNotInList(centreCode: centre.code)
        }
        return strings.words(unit)
    }

    /// "Dấu nhật ký: 477:3fa2c1d9e0b41234 …": the audit trail's last entry and the start of its hash, so that
    /// `audit verify --anchor 477:3fa2c1d9e0b41234` checks the data against this paper.
    public func auditFooter() throws -> String {
        guard let head = try database.auditEntries(limit: 1).first else { return strings[.docAuditEmpty] }
        let anchor = "\(head.id):\(head.hash.prefix(16))"
        return strings(.docAuditFooter, anchor)
    }

    /// The centre's director on a day, if the board has one.
    public func director(of centre: Centre, on date: LocalDate) throws -> BoardMember? {
        try database.boardMembers(centreID: centre.id ?? 0).first { $0.role == .director && $0.isCurrent(on: date) }
    }

    /// The issue and approval facts of a plan (see `PlanIssueFacts`).
    public func issue(of plan: Plan, centre: Centre) throws -> PlanIssueFacts {
        let approval = plan.history.last { $0.action == .approve }
        let approvedOn = approval.map { LocalDate(date: $0.at, timeZone: .current) }
        let name = try approval.flatMap { event in
            try database.accounts().first { $0.username == event.username }?.fullName
        } ?? ""
        var title = SignerTitle.chairman
        if !name.isEmpty, let day = approvedOn {
            let folded = VietnameseText.fold(name.cleanedInput)
            let sameCommune = try database.allCentres().filter { $0.communeCode == centre.communeCode }
            for other in sameCommune {
                let posts = try database.boardMembers(centreID: other.id ?? 0).filter {
                    VietnameseText.fold($0.fullName.cleanedInput) == folded && $0.isCurrent(on: day)
                        && $0.position.leadsCommuneCommittee
                }
                if let post = posts.first { title = post.position == .viceChairman ? .viceChairman : .chairman; break }
            }
        }
        let numbers = try plan.id.flatMap { try database.registerNumbers(planID: $0) }
        return PlanIssueFacts(registerNumber: numbers.map { String($0.planNumber) },
                              decisionNumber: numbers.map { String($0.decisionNumber) }, approvedOn: approvedOn,
                              approverName: name, approverTitle: title)
    }

    /// The People's Committee chairman of a commune, as the boards of its centres record the post today.
    public func chairman(ofCommune code: Int) throws -> String {
        for centre in try database.allCentres() where centre.communeCode == code {
            if let member = try database.boardMembers(centreID: centre.id ?? 0)
                .first(where: { $0.position == .chairman && $0.isCurrent(on: today) }) {
                return member.fullName
            }
        }
        return ""
    }

    /// The centres an office sees, in Vietnamese order of their names.
    public func centresOfOffice() throws -> [Centre] {
        guard let office else { throw DocumentProblem.officeNotSet }
        return VietnameseCollation.sorted(try database.centres(provinceCode: office.provinceCode)
            .filter { office.covers($0, units: units) }, by: \.name)
    }
}

extension DocumentSource {
    /// What the screens' documents read: the open data file, the catalogs, the office and the day.
    @MainActor init(_ ctx: AppContext) {
        self.init(database: ctx.database, units: ctx.units, strings: ctx.strings, today: ctx.clock.today,
                  office: ctx.office, questionnaire: ShippedQuestionnaire.current, boardRules: ctx.boardRules)
    }
}
