import Foundation

/// The parts of a centre a message can point to.
public enum CentreField: Hashable, Sendable {
    case name, commune, address
    case establishmentNumber, establishmentDate, establishmentIssuer
    case model, status, statusDecisionNumber, statusDecisionDate, statusReason, mergedInto
    case venueName(Int), venueVillage(Int)
    case facilityCount(FacilityKind), otherFacilities
}

public enum CentreProblem: Hashable, Sendable {
    case required
    case tooLong(max: Int)
    case dateInvalid
    case dateInFuture
    case dateBeforeEstablishment
    case communeUnknown
    case communeOutsideProvince
    case communeOutsideOffice
    case mergedIntoSelf
    case mergedIntoUnknown
    case countOutOfRange(max: Int)
    /// Another centre already serves this commune (names the first one). A warning: merging takes time.
    case duplicateCommune(existing: String)
}

public struct CentreIssue: Hashable, Sendable {
    public let field: CentreField
    public let problem: CentreProblem
    public let severity: Severity

    public init(_ field: CentreField, _ problem: CentreProblem, _ severity: Severity = .error) {
        self.field = field
        self.problem = problem
        self.severity = severity
    }
}

/// What the validator needs to know beyond the centre itself.
public struct CentreValidationContext: Sendable {
    public var today: LocalDate
    public var units: UnitDirectory
    public var office: OfficeSettings
    /// The status stored before this edit; nil for a new centre.
    public var storedStatus: CentreStatus?
    /// The commune stored before this edit: a centre may keep an abolished commune (with a warning) until
    /// it is merged, but cannot be given one.
    public var storedCommuneCode: Int?
    /// Every other centre in the file (not the one being edited).
    public var otherCentres: [Centre]

    public init(today: LocalDate, units: UnitDirectory, office: OfficeSettings, storedStatus: CentreStatus? = nil,
                storedCommuneCode: Int? = nil, otherCentres: [Centre] = []) {
        self.today = today
        self.units = units
        self.office = office
        self.storedStatus = storedStatus
        self.storedCommuneCode = storedCommuneCode
        self.otherCentres = otherCentres
    }
}

/// The rules a centre's record must meet before it is saved.
public enum CentreValidator {
    public static let maxNameLength = 200
    public static let maxTextLength = 500
    public static let maxFacilityCount = 9_999

    public static func validate(_ raw: Centre, in context: CentreValidationContext) -> [CentreIssue] {
        let centre = raw.normalised()
        var issues: [CentreIssue] = []
        if centre.name.isEmpty { issues.append(CentreIssue(.name, .required)) }
        if centre.name.count > maxNameLength { issues.append(CentreIssue(.name, .tooLong(max: maxNameLength))) }
        issues += communeIssues(centre, context)
        if centre.address.count > maxTextLength { issues.append(CentreIssue(.address, .tooLong(max: maxTextLength))) }
        if let date = centre.establishment.date, date > context.today {
            issues.append(CentreIssue(.establishmentDate, .dateInFuture))
        }
        issues += statusIssues(centre, context)
        for (index, venue) in centre.venues.enumerated() where venue.name.isEmpty {
            issues.append(CentreIssue(.venueName(index), .required))
        }
        for item in centre.facilities where item.count < 0 || item.count > maxFacilityCount {
            issues.append(CentreIssue(.facilityCount(item.kind), .countOutOfRange(max: maxFacilityCount)))
        }
        if centre.facility(.other).present && centre.otherFacilities.isEmpty {
            issues.append(CentreIssue(.otherFacilities, .required))
        }
        return issues
    }

    static func communeIssues(_ centre: Centre, _ context: CentreValidationContext) -> [CentreIssue] {
        guard let code = centre.communeCode else { return [CentreIssue(.commune, .required)] }
        guard let unit = context.units.unit(code: code) else {
            return [CentreIssue(.commune, .communeUnknown, code == context.storedCommuneCode ? .warning : .error)]
        }
        if unit.province != context.office.provinceCode {
            return [CentreIssue(.commune, .communeOutsideProvince)]
        }
        if let officeCommune = context.office.communeCode, officeCommune != code {
            return [CentreIssue(.commune, .communeOutsideOffice)]
        }
        let live = context.otherCentres.filter { $0.communeCode == code && ($0.status == .active || $0.status == .suspended) }
        if let existing = live.first?.name {
            return [CentreIssue(.commune, .duplicateCommune(existing: existing), .warning)]
        }
        return []
    }

    /// A change of status needs the decision that made it; so does a new centre that starts in any state
    /// but active.
    static func statusIssues(_ centre: Centre, _ context: CentreValidationContext) -> [CentreIssue] {
        var issues: [CentreIssue] = []
        let changed = centre.status != (context.storedStatus ?? .active)
        if changed {
            if centre.statusDecision.number.isEmpty { issues.append(CentreIssue(.statusDecisionNumber, .required)) }
            if centre.statusDecision.date == nil { issues.append(CentreIssue(.statusDecisionDate, .required)) }
            if centre.status.needsReason && centre.statusReason.isEmpty {
                issues.append(CentreIssue(.statusReason, .required))
            }
        }
        if let date = centre.statusDecision.date {
            if date > context.today {
                issues.append(CentreIssue(.statusDecisionDate, .dateInFuture))
            } else if let founded = centre.establishment.date, date < founded {
                issues.append(CentreIssue(.statusDecisionDate, .dateBeforeEstablishment))
            }
        }
        if centre.status == .merged {
            if let target = centre.mergedInto, !target.isEmpty {
                if target == centre.code {
                    issues.append(CentreIssue(.mergedInto, .mergedIntoSelf))
                } else if !context.otherCentres.contains(where: { $0.code == target }) {
                    issues.append(CentreIssue(.mergedInto, .mergedIntoUnknown))
                }
            } else {
                issues.append(CentreIssue(.mergedInto, .required))
            }
        }
        return issues
    }
}
