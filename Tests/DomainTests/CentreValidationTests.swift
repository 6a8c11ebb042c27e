import Foundation
import Testing
@testable import Domain

@Suite struct CentreValidationTests {
    let units = ShippedUnits.directory
    let today = LocalDate(year: 2026, month: 11, day: 21)!
    let office = OfficeSettings(provinceCode: 37)

    func context(_ others: [Centre] = [], stored: Centre? = nil, office: OfficeSettings? = nil)
        -> CentreValidationContext
    {
        CentreValidationContext(today: today, units: units, office: office ?? self.office,
                                storedStatus: stored?.status, storedCommuneCode: stored?.communeCode,
                                otherCentres: others)
    }

    func valid() -> Centre {
        Centre(code: "TT13891", name: "Trung tâm học tập cộng đồng xã Nghĩa Hưng", provinceCode: 37,
               communeCode: 13891, establishment: Decision(number: "12/QĐ-UBND", date: LocalDate(iso: "2025-07-15"),
                                                           issuer: "UBND xã Nghĩa Hưng"))
    }

    @Test func aCompleteCentreHasNoIssues() {
        #expect(CentreValidator.validate(valid(), in: context()).isEmpty)
    }

    @Test func anEmptyNameIsAnError() {
        var centre = valid()
        centre.name = "   "
        #expect(CentreValidator.validate(centre, in: context()) == [CentreIssue(.name, .required)])
    }

    @Test func aFutureEstablishmentDateIsAnErrorAndTodayIsNot() {
        var centre = valid()
        centre.establishment.date = today.adding(days: 1)
        #expect(CentreValidator.validate(centre, in: context()) == [CentreIssue(.establishmentDate, .dateInFuture)])
        centre.establishment.date = today
        #expect(CentreValidator.validate(centre, in: context()).isEmpty)
    }

    @Test func aSecondLiveCentreForTheSameCommuneIsAWarning() {
        var other = valid()
        other.code = "TT13891"
        other.name = "TTHTCĐ cũ"
        let issues = CentreValidator.validate(valid(), in: context([other]))
        #expect(issues == [CentreIssue(.commune, .duplicateCommune(existing: "TTHTCĐ cũ"), .warning)])
        other.status = .dissolved
        #expect(CentreValidator.validate(valid(), in: context([other])).isEmpty, "a dissolved one does not count")
    }

    @Test func theCommuneMustBeChosenKnownAndInTheOfficesArea() {
        var centre = valid()
        centre.communeCode = nil
        #expect(CentreValidator.validate(centre, in: context()) == [CentreIssue(.commune, .required)])
        centre.communeCode = 16972
        #expect(CentreValidator.validate(centre, in: context()) == [CentreIssue(.commune, .communeOutsideProvince)])
        centre.communeCode = 13918
        let communeOffice = OfficeSettings(provinceCode: 37, communeCode: 13891)
        #expect(CentreValidator.validate(centre, in: context(office: communeOffice))
            == [CentreIssue(.commune, .communeOutsideOffice)])
        centre.communeCode = 14137
        #expect(CentreValidator.validate(centre, in: context()) == [CentreIssue(.commune, .communeUnknown)])
    }

    @Test func anAbolishedCommuneAlreadyStoredIsOnlyAWarning() {
        var centre = valid()
        centre.communeCode = 14137
        #expect(CentreValidator.validate(centre, in: context(stored: centre))
            == [CentreIssue(.commune, .communeUnknown, .warning)])
    }

    @Test func aChangeOfStatusNeedsItsDecisionAndReason() {
        let stored = valid()
        var centre = stored
        centre.status = .dissolved
        let issues = Set(CentreValidator.validate(centre, in: context(stored: stored)))
        #expect(issues == [CentreIssue(.statusDecisionNumber, .required), CentreIssue(.statusDecisionDate, .required),
                           CentreIssue(.statusReason, .required)])
        centre.statusDecision = Decision(number: "5/QĐ-UBND", date: LocalDate(iso: "2025-01-01"), issuer: "UBND")
        centre.statusReason = "Sáp xếp"
        #expect(CentreValidator.validate(centre, in: context(stored: stored))
            == [CentreIssue(.statusDecisionDate, .dateBeforeEstablishment)])
        centre.statusDecision.date = today
        #expect(CentreValidator.validate(centre, in: context(stored: stored)).isEmpty)
    }

    @Test func reactivatingNeedsADecisionButNoReason() {
        var stored = valid()
        stored.status = .suspended
        var centre = stored
        centre.status = .active
        #expect(Set(CentreValidator.validate(centre, in: context(stored: stored)))
            == [CentreIssue(.statusDecisionNumber, .required), CentreIssue(.statusDecisionDate, .required)])
    }

    @Test func aMergerNamesAnotherExistingCentre() {
        let stored = valid()
        var centre = stored
        centre.status = .merged
        centre.statusDecision = Decision(number: "9/QĐ", date: today, issuer: "UBND")
        centre.statusReason = "Sắp xếp đơn vị hành chính"
        #expect(CentreValidator.validate(centre, in: context(stored: stored)) == [CentreIssue(.mergedInto, .required)])
        centre.mergedInto = centre.code
        #expect(CentreValidator.validate(centre, in: context(stored: stored))
            == [CentreIssue(.mergedInto, .mergedIntoSelf)])
        centre.mergedInto = "TT99999"
        #expect(CentreValidator.validate(centre, in: context(stored: stored))
            == [CentreIssue(.mergedInto, .mergedIntoUnknown)])
        var target = valid()
        target.code = "TT13918"
        target.communeCode = 13918
        centre.mergedInto = "TT13918"
        #expect(CentreValidator.validate(centre, in: context([target], stored: stored)).isEmpty)
    }

    @Test func venuesNeedNamesAndOtherEquipmentNeedsSaying() {
        var centre = valid()
        centre.venues = [Venue(name: "Nhà văn hóa thôn 1", kind: .villageCulturalHouse), Venue(name: " ", kind: .school)]
        centre.facilities[FacilityKind.allCases.firstIndex(of: .other)!] = FacilityItem(kind: .other, present: true)
        centre.facilities[0].count = -1
        #expect(Set(CentreValidator.validate(centre, in: context())) == [
            CentreIssue(.venueName(1), .required), CentreIssue(.otherFacilities, .required),
            CentreIssue(.facilityCount(.bookcase), .countOutOfRange(max: CentreValidator.maxFacilityCount)),
        ])
    }

    @Test func codesFollowTheCommuneAndNeverCollide() {
        #expect(CentreCode.make(communeCode: 13891, taken: []) == "TT13891")
        #expect(CentreCode.make(communeCode: 13891, taken: ["TT13891"]) == "TT13891-2")
        #expect(CentreCode.make(communeCode: 4, taken: ["TT00004", "TT00004-2"]) == "TT00004-3")
    }

    @Test func normalisingMakesEveryTextNFC() {
        var centre = valid()
        centre.name = " Trung tâm  Nghĩa Hưng ".decomposedStringWithCanonicalMapping
        centre.venues = [Venue(name: "Nhà văn hóa".decomposedStringWithCanonicalMapping, kind: .other)]
        let clean = centre.normalised()
        #expect(clean.name == "Trung tâm Nghĩa Hưng")
        #expect(clean.name.unicodeScalars.count == "Trung tâm Nghĩa Hưng".unicodeScalars.count)
        #expect(clean.venues[0].name == "Nhà văn hóa")
    }
}
