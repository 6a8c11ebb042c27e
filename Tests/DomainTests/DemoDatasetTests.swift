import AppResources
import Foundation
import Testing
@testable import Domain

@Suite struct DemoDatasetTests {
    let dataset = try! DemoDataset.decode(AppResources.data("demo/demo.json"))
    let units = ShippedUnits.directory

    @Test func oneProvinceAboutADozenCommunesAndEveryState() {
        #expect(dataset.office.provinceCode == 37)
        #expect(dataset.centres.allSatisfy { $0.centre.provinceCode == 37 })
        let communes = Set(dataset.centres.compactMap(\.centre.communeCode))
        #expect((10...16).contains(communes.count))
        let finalStates = Set(dataset.centres.map { $0.history.last?.to ?? .active })
        #expect(finalStates == Set(CentreStatus.allCases))
        #expect(dataset.centres.contains { !$0.centre.hasKnownCommune(in: units) && ($0.history.last?.to ?? .active) == .active },
                "one centre still points to an abolished commune")
    }

    @Test func everyCentrePassesTheRulesAsEntered() {
        let today = LocalDate(year: 2026, month: 1, day: 1)!
        for entry in dataset.centres where entry.centre.hasKnownCommune(in: units) {
            let context = CentreValidationContext(today: today, units: units, office: dataset.office)
            #expect(CentreValidator.validate(entry.centre, in: context).isEmpty, "\(entry.centre.name)")
        }
    }
}
