import Domain
import Storage

/// Words for the domain's values, from the catalog.
extension Strings {
    public func name(_ status: CentreStatus) -> String {
        switch status {
        case .active: return self[.statusActive]
        case .suspended: return self[.statusSuspended]
        case .dissolved: return self[.statusDissolved]
        case .merged: return self[.statusMerged]
        }
    }

    /// At most ten columns, for the roster.
    public func shortName(_ status: CentreStatus) -> String {
        status == .suspended ? self[.statusSuspendedShort] : name(status)
    }

    public func name(_ model: CentreModel) -> String {
        switch model {
        case .rural: return self[.modelRural]
        case .mountainous: return self[.modelMountainous]
        case .urbanWard: return self[.modelUrbanWard]
        case .culturalHouse: return self[.modelCulturalHouse]
        }
    }

    /// A few letters for the roster's narrow column.
    public func shortName(_ model: CentreModel) -> String {
        switch model {
        case .rural: return self[.modelRuralShort]
        case .mountainous: return self[.modelMountainousShort]
        case .urbanWard: return self[.modelUrbanWardShort]
        case .culturalHouse: return self[.modelCulturalHouseShort]
        }
    }

    public func name(_ kind: VenueKind) -> String {
        switch kind {
        case .communeHall: return self[.venueCommuneHall]
        case .villageCulturalHouse: return self[.venueVillageCulturalHouse]
        case .school: return self[.venueSchool]
        case .library: return self[.venueLibrary]
        case .other: return self[.venueOther]
        }
    }

    public func name(_ kind: FacilityKind) -> String {
        switch kind {
        case .bookcase: return self[.facilityBookcase]
        case .tablesAndChairs: return self[.facilityTablesAndChairs]
        case .computers: return self[.facilityComputers]
        case .internet: return self[.facilityInternet]
        case .loudspeaker: return self[.facilityLoudspeaker]
        case .projector: return self[.facilityProjector]
        case .other: return self[.facilityOther]
        }
    }

    /// The sentence for a problem, without the field name.
    public func describe(_ problem: CentreProblem) -> String {
        switch problem {
        case .required: return self[.problemRequired]
        case .tooLong(let max): return self(.problemTooLong, max)
        case .dateInvalid: return self[.problemDateInvalid]
        case .dateInFuture: return self[.problemDateInFuture]
        case .dateBeforeEstablishment: return self[.problemDateBeforeEstablishment]
        case .communeUnknown: return self[.problemCommuneUnknown]
        case .communeOutsideProvince: return self[.problemCommuneOutsideProvince]
        case .communeOutsideOffice: return self[.problemCommuneOutsideOffice]
        case .mergedIntoSelf: return self[.problemMergedIntoSelf]
        case .mergedIntoUnknown: return self[.problemMergedIntoUnknown]
        case .countOutOfRange(let max): return self(.problemCountOutOfRange, max)
        case .duplicateCommune(let existing): return self(.problemDuplicateCommune, existing)
        }
    }

    /// "Trung tâm học tập cộng đồng xã X" as "xã X" in the roster, whose every line is a centre.
    public func withoutCentrePrefix(_ centreName: String) -> String {
        let long = self[.centreLongPrefix]
        guard VietnameseText.fold(centreName).hasPrefix(VietnameseText.fold(long) + " ") else { return centreName }
        return String(centreName.dropFirst(long.count + 1))
    }

    /// "Trung tâm học tập cộng đồng xã X" shortened to "TTHTCĐ xã X" where columns are narrow.
    public func abbreviated(centreName: String) -> String {
        let long = self[.centreLongPrefix]
        let short = self[.centreShortPrefix]
        let folded = VietnameseText.fold(centreName)
        if folded.hasPrefix(VietnameseText.fold(long)) {
            return short + String(centreName.dropFirst(long.count))
        }
        return centreName
    }
}
