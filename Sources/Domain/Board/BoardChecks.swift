/// Why a rule failed (or did not apply), with what the screen needs to say it.
public enum BoardFinding: Hashable, Sendable {
    case directorCount(Int)
    case noDirector
    case directorNotCommuneLeader(name: String)
    case noDeputyFromStudyPromotion
    case noDeputyManagingSchool
    case noAssignedTeacher
    case missingDecision(name: String)
    case decisionNotByCommune(name: String, issuer: String)
    case missingDuties(name: String)
    case vacant(role: BoardRole, since: LocalDate, days: Int)
    case undertrained(name: String, count: Int, year: Int, required: Int)
    /// A teacher or speaker of the centre's register trained fewer times than required this year.
    case staffUndertrained(name: String, kind: StaffKind, count: Int, year: Int, required: Int)
    case severalRoles(name: String, roles: [BoardRole])
}

public enum RuleOutcome: String, Codable, Sendable {
    case pass, fail, notApplicable
}

/// The board of one centre as of a date: what every check looks at.
public struct BoardSnapshot: Sendable {
    public let members: [BoardMember]
    public let asOf: LocalDate
    public let parameters: BoardParameters
    /// The official unit list, which says whether an issuer is a commune's People's Committee.
    public let units: UnitDirectory
    /// Members in office on `asOf`.
    public let current: [BoardMember]
    /// The centre's register of teachers, speakers and volunteers.
    public let staff: [StaffMember]

    public init(members: [BoardMember], staff: [StaffMember] = [], asOf: LocalDate, parameters: BoardParameters,
                units: UnitDirectory) {
        self.members = members
        self.staff = staff
        self.asOf = asOf
        self.parameters = parameters
        self.units = units
        current = members.filter { $0.isCurrent(on: asOf) }
    }

    func current(_ role: BoardRole) -> [BoardMember] { current.filter { $0.role == role } }
}

/// The pure functions behind the rules. Each returns pass, fail (with findings) or not applicable.
extension BoardCheck {
    public func evaluate(_ board: BoardSnapshot) -> (RuleOutcome, [BoardFinding]) {
        switch self {
        case .oneDirector:
            let count = board.current(.director).count
            return count == 1 ? (.pass, []) : (.fail, [.directorCount(count)])
        case .directorLeadsCommuneCommittee:
            let directors = board.current(.director)
            guard !directors.isEmpty else { return (.notApplicable, [.noDirector]) }
            let wrong = directors.filter { !($0.homeBody == .communeCommittee && $0.position.leadsCommuneCommittee) }
            return wrong.isEmpty ? (.pass, []) : (.fail, wrong.map { .directorNotCommuneLeader(name: $0.fullName) })
        case .deputyFromStudyPromotion:
            let found = board.current(.deputyDirector).contains { $0.homeBody == .studyPromotionAssociation }
            return found ? (.pass, []) : (.fail, [.noDeputyFromStudyPromotion])
        case .deputyManagesSchool:
            let found = board.current(.deputyDirector).contains {
                $0.homeBody.isPrimaryOrLowerSecondarySchool && $0.position.managesSchool
            }
            return found ? (.pass, []) : (.fail, [.noDeputyManagingSchool])
        case .assignedTeacher:
            return board.current(.assignedTeacher).isEmpty ? (.fail, [.noAssignedTeacher]) : (.pass, [])
        case .decisionsRecorded:
            let missing = board.current.filter { $0.decision.number.isEmpty || $0.decision.date == nil }
            return missing.isEmpty ? (.pass, []) : (.fail, missing.map { .missingDecision(name: $0.fullName) })
        case .decisionsIssuedByCommune:
            let wrong = board.current.filter { member in
                guard let date = member.decision.date, date >= BoardCheck.twoTierGovernmentStart else { return false }
                return !board.units.isCommuneCommittee(member.decision.issuer)
            }
            return wrong.isEmpty ? (.pass, [])
                : (.fail, wrong.map { .decisionNotByCommune(name: $0.fullName, issuer: $0.decision.issuer) })
        case .dutiesAssigned:
            let missing = board.current.filter { $0.role.isBoardRole && $0.duties.isEmpty }
            return missing.isEmpty ? (.pass, []) : (.fail, missing.map { .missingDuties(name: $0.fullName) })
        case .noLongVacancy:
            return vacancies(board)
        case .managersTrained:
            let managers = board.current.filter(\.role.isManager)
            guard !managers.isEmpty else { return (.notApplicable, []) }
            let year = board.asOf.year
            let required = board.parameters.trainingsPerYear
            let short = managers.filter { $0.trainings(in: year).count < required }
            return short.isEmpty ? (.pass, []) : (.fail, short.map {
                .undertrained(name: $0.fullName, count: $0.trainings(in: year).count, year: year, required: required)
            })
        case .staffTrained:
            // The directive names managers, teachers and speakers; volunteers (cộng tác viên) are not held to it.
            let teaching = board.staff.filter { $0.active && $0.kind != .volunteer }
            guard !teaching.isEmpty else { return (.notApplicable, []) }
            let year = board.asOf.year
            let required = board.parameters.trainingsPerYear
            let short = teaching.filter { !$0.isTrained(year: year, required: required) }
            return short.isEmpty ? (.pass, []) : (.fail, short.map {
                .staffUndertrained(name: $0.fullName, kind: $0.kind, count: $0.trainings(in: year).count, year: year,
                                   required: required)
            })
        case .onePersonOneRole:
            let boardMembers = board.current.filter(\.role.isBoardRole)
            let byPerson = Dictionary(grouping: boardMembers, by: \.personKey).filter { $0.value.count > 1 }
            let findings = byPerson.values.map { group in
                BoardFinding.severalRoles(name: group[0].fullName, roles: group.map(\.role))
            }.sorted { "\($0)" < "\($1)" }
            return findings.isEmpty ? (.pass, []) : (.fail, findings)
        }
    }

    /// The day the two-tier local government began; decisions from then on are issued by the commune.
    public static let twoTierGovernmentStart = LocalDate(year: 2025, month: 7, day: 1)!

    /// The director and the deputies are roles that must be held. One left empty longer than allowed after its
    /// last holder left is a breach; one never filled is left to the other rules.
    private func vacancies(_ board: BoardSnapshot) -> (RuleOutcome, [BoardFinding]) {
        var findings: [BoardFinding] = []
        for role in [BoardRole.director, .deputyDirector] where board.current(role).isEmpty {
            let ended = board.members.filter { $0.role == role }.compactMap(\.termEnd).filter { $0 <= board.asOf }
            guard let lastLeft = ended.max() else { continue }
            let days = lastLeft.days(until: board.asOf)
            if days > board.parameters.vacancyDays {
                findings.append(.vacant(role: role, since: lastLeft, days: days))
            }
        }
        return findings.isEmpty ? (.pass, []) : (.fail, findings)
    }
}
