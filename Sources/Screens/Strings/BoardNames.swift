import Domain

/// Words for the board's values and the rule engine's findings, from the catalog.
extension Strings {
    public func name(_ role: BoardRole) -> String {
        switch role {
        case .director: return self[.roleDirector]
        case .deputyDirector: return self[.roleDeputyDirector]
        case .member: return self[.roleMember]
        case .assignedTeacher: return self[.roleAssignedTeacher]
        }
    }

    public func shortName(_ role: BoardRole) -> String {
        switch role {
        case .director: return self[.roleDirectorShort]
        case .deputyDirector: return self[.roleDeputyDirectorShort]
        case .member: return self[.roleMemberShort]
        case .assignedTeacher: return self[.roleAssignedTeacherShort]
        }
    }

    public func name(_ body: HomeBody) -> String {
        switch body {
        case .communeCommittee: return self[.bodyCommuneCommittee]
        case .primarySchool: return self[.bodyPrimarySchool]
        case .lowerSecondarySchool: return self[.bodyLowerSecondarySchool]
        case .otherSchool: return self[.bodyOtherSchool]
        case .studyPromotionAssociation: return self[.bodyStudyPromotion]
        case .womensUnion: return self[.bodyWomensUnion]
        case .farmersUnion: return self[.bodyFarmersUnion]
        case .youthUnion: return self[.bodyYouthUnion]
        case .veteransAssociation: return self[.bodyVeterans]
        case .culturalHouse: return self[.bodyCulturalHouse]
        case .other: return self[.bodyOther]
        }
    }

    public func name(_ position: Position) -> String {
        switch position {
        case .chairman: return self[.positionChairman]
        case .viceChairman: return self[.positionViceChairman]
        case .principal: return self[.positionPrincipal]
        case .vicePrincipal: return self[.positionVicePrincipal]
        case .associationPresident: return self[.positionAssociationPresident]
        case .associationVicePresident: return self[.positionAssociationVicePresident]
        case .secretary: return self[.positionSecretary]
        case .official: return self[.positionOfficial]
        case .teacher: return self[.positionTeacher]
        case .other: return self[.positionOther]
        }
    }

    public func name(_ sex: Sex) -> String { sex == .female ? self[.sexFemale] : self[.sexMale] }

    public func name(_ employment: Employment) -> String {
        employment == .concurrent ? self[.employmentConcurrent] : self[.employmentFullTime]
    }

    /// The rule's own words in the user's language.
    public func text(_ bilingual: BilingualText) -> String { language == .en ? bilingual.en : bilingual.vi }

    public func describe(_ finding: BoardFinding) -> String {
        switch finding {
        case .directorCount(let n): return self(.findingDirectorCount, n)
        case .noDirector: return self[.findingNoDirector]
        case .directorNotCommuneLeader(let name): return self(.findingDirectorNotLeader, name)
        case .noDeputyFromStudyPromotion: return self[.findingNoDeputyStudyPromotion]
        case .noDeputyManagingSchool: return self[.findingNoDeputySchool]
        case .noAssignedTeacher: return self[.findingNoTeacher]
        case .missingDecision(let name): return self(.findingMissingDecision, name)
        case .decisionNotByCommune(let name, let issuer):
            return self(.findingDecisionNotByCommune, name, issuer.isEmpty ? self[.detailNone] : issuer)
        case .missingDuties(let name): return self(.findingMissingDuties, name)
        case .vacant(let role, let since, let days): return self(.findingVacant, name(role), since.vietnamese, days)
        case .undertrained(let name, let count, let year, let required):
            return self(.findingUndertrained, name, count, year, required)
        case .staffUndertrained(let person, let kind, let count, let year, let required):
            return self(.findingStaffUndertrained, person, name(kind), count, year, required)
        case .severalRoles(let name, let roles):
            return self(.findingSeveralRoles, name, roles.count, roles.map { self.name($0) }.joined(separator: ", "))
        }
    }

    public func describe(_ problem: MemberProblem) -> String {
        switch problem {
        case .required: return self[.problemRequired]
        case .dateInvalid: return self[.problemDateInvalid]
        case .dateInFuture: return self[.problemDateInFuture]
        case .yearInvalid: return self[.problemYearInvalid]
        case .underAge(let minimum): return self(.problemUnderAge, minimum)
        case .tooOld: return self[.problemTooOld]
        case .endBeforeStart: return self[.problemEndBeforeStart]
        case .hoursOutOfRange: return self[.problemHoursOutOfRange]
        }
    }

    /// "✓", "✗" or "–" for a rule's outcome.
    public func mark(_ outcome: RuleOutcome) -> String {
        switch outcome {
        case .pass: return "✓"
        case .fail: return "✗"
        case .notApplicable: return "–"
        }
    }
}
