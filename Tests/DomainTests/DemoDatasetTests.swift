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

    @Test func theDemoBoardsShowEveryRuleBothPassingAndFailing() {
        let asOf = LocalDate(iso: "2026-11-21")!
        let engine = BoardCompliance(table: BoardFixture.table, units: ShippedUnits.directory)
        let reports = dataset.centres.filter { !$0.board.isEmpty }.map { entry in
            engine.check(centreID: 0, members: entry.board, staff: entry.staff ?? [], asOf: asOf)
        }
        for rule in BoardFixture.table.rules(on: asOf) {
            let outcomes = Set(reports.compactMap { $0.result(for: rule.id)?.outcome })
            #expect(outcomes.contains(.pass), "\(rule.id) passes somewhere")
            #expect(outcomes.contains(.fail), "\(rule.id) fails somewhere")
        }
        let nghiaLam = dataset.centres.first { $0.centre.communeCode == 13957 }!
        let report = engine.check(centreID: 0, members: nghiaLam.board, staff: nghiaLam.staff ?? [], asOf: asOf)
        #expect(report.results.filter { $0.outcome == .fail }.map(\.rule.id) == ["deputy-study-promotion"],
                "Nghĩa Lâm lacks only its Hội Khuyến học deputy: the end-to-end test adds one")
    }

    @Test func everyDemoAppointmentPassesTheEntryChecks() {
        let today = LocalDate(iso: "2026-11-21")!
        for entry in dataset.centres {
            for member in entry.board {
                #expect(MemberValidator.validate(member, today: today).isEmpty, "\(member.fullName)")
            }
        }
    }

    @Test func everyCentrePassesTheRulesAsEntered() {
        let today = LocalDate(year: 2026, month: 1, day: 1)!
        for entry in dataset.centres where entry.centre.hasKnownCommune(in: units) {
            let context = CentreValidationContext(today: today, units: units, office: dataset.office)
            #expect(CentreValidator.validate(entry.centre, in: context).isEmpty, "\(entry.centre.name)")
        }
    }
}
