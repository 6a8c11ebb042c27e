import AppResources
import Domain
import Foundation
import Testing
@testable import Storage

enum DemoFixture {
    static let dataset = try! DemoDataset.decode(AppResources.data("demo/demo.json"))
}

@Suite struct CentreStoreTests {
    let moment = Date(timeIntervalSince1970: 1_763_700_000)

    func sample() -> Centre {
        Centre(name: "Trung tâm học tập cộng đồng xã Nghĩa Hưng", provinceCode: 37, communeCode: 13891,
               address: "Xóm 5", establishment: Decision(number: "12/QĐ-UBND", date: LocalDate(iso: "2025-07-15"),
                                                         issuer: "UBND xã Nghĩa Hưng"),
               venues: [Venue(name: "Nhà văn hóa xóm 5", kind: .villageCulturalHouse, village: "Xóm 5")])
    }

    @Test func aCentreRoundTripsWithVenuesFacilitiesAndACode() throws {
        let temp = TempFolder()
        let database = try AppDatabase.open(path: temp.path("t.sqlite"))
        defer { database.close() }
        var centre = sample()
        centre.facilities[2] = FacilityItem(kind: .computers, present: true, count: 4)
        let saved = try database.saveCentre(centre, by: clerk, at: moment)
        #expect(saved.code == "TT13891")
        #expect(saved.id != nil)
        let loaded = try #require(try database.centre(code: "TT13891"))
        #expect(loaded.name == centre.name)
        #expect(loaded.venues == centre.venues)
        #expect(loaded.facility(.computers) == FacilityItem(kind: .computers, present: true, count: 4))
        #expect(loaded.establishment == centre.establishment)
        #expect(loaded.updatedAt == moment)
        let second = try database.saveCentre(sample(), by: clerk, at: moment)
        #expect(second.code == "TT13891-2")
    }

    @Test func textIsStoredInNFCSoSearchesMatch() throws {
        let temp = TempFolder()
        let database = try AppDatabase.open(path: temp.path("t.sqlite"))
        defer { database.close() }
        var centre = sample()
        centre.name = centre.name.decomposedStringWithCanonicalMapping
        try database.saveCentre(centre, by: clerk, at: moment)
        let stored = try sqlite3(temp.path("t.sqlite"), "SELECT count(*) FROM centre WHERE name = 'Trung tâm học tập cộng đồng xã Nghĩa Hưng'")
        #expect(stored.trimmingCharacters(in: .whitespacesAndNewlines) == "1")
    }

    @Test func statusChangesAreKeptInTheHistory() throws {
        let database = try AppDatabase.inMemory()
        var centre = try database.saveCentre(sample(), by: clerk, at: moment)
        centre.address = "Xóm 6"
        centre = try database.saveCentre(centre, by: clerk, at: moment.addingTimeInterval(60))
        centre.status = .suspended
        centre.statusDecision = Decision(number: "30/QĐ-UBND", date: LocalDate(iso: "2026-01-05"), issuer: "UBND xã")
        centre.statusReason = "Trụ sở sửa chữa"
        centre = try database.saveCentre(centre, by: clerk, at: moment.addingTimeInterval(120))
        let history = try database.statusHistory(centreID: try #require(centre.id))
        #expect(history.map(\.to) == [.active, .suspended])
        #expect(history[0].from == nil)
        #expect(history[0].decision.number == "12/QĐ-UBND", "entering a centre records its establishment decision")
        #expect(history[1].from == .active)
        #expect(history[1].reason == "Trụ sở sửa chữa")
        #expect(try database.records(centreID: centre.id!) == CentreRecords(statusChanges: 1))
    }

    @Test func anEmptyCentreCanBeDeletedOneWithRecordsCannot() throws {
        let database = try AppDatabase.inMemory()
        let empty = try database.saveCentre(sample(), by: clerk, at: moment)
        try database.deleteCentre(id: empty.id!, by: clerk, at: moment)
        #expect(try database.centre(id: empty.id!) == nil)
        #expect(try database.allCentres().isEmpty)

        var kept = try database.saveCentre(sample(), by: clerk, at: moment)
        kept.status = .dissolved
        kept.statusDecision = Decision(number: "1/QĐ", date: LocalDate(iso: "2026-01-01"), issuer: "UBND")
        kept.statusReason = "Giải thể"
        kept = try database.saveCentre(kept, by: clerk, at: moment)
        #expect(throws: CentreStoreError.hasRecords(CentreRecords(statusChanges: 1))) {
            try database.deleteCentre(id: kept.id!, by: clerk, at: moment)
        }
        #expect(try database.centre(id: kept.id!) != nil)
    }

    @Test func theDemoDatasetLoadsWithItsHistories() throws {
        let temp = TempFolder()
        let path = temp.path("demo.sqlite")
        try AppDatabase.createDemo(at: path, dataset: DemoFixture.dataset)
        #expect(throws: DataFileError.alreadyExists(path: path)) {
            try AppDatabase.createDemo(at: path, dataset: DemoFixture.dataset)
        }
        let database = try AppDatabase.open(path: path, access: .readOnly)
        defer { database.close() }
        let centres = try database.allCentres()
        #expect(centres.count == DemoFixture.dataset.centres.count)
        #expect(Set(centres.map(\.status)) == Set(CentreStatus.allCases))
        let merged = try #require(centres.first { $0.status == .merged })
        #expect(merged.mergedInto == "TT13918")
        let dissolved = try #require(centres.first { $0.status == .dissolved })
        #expect(try database.statusHistory(centreID: dissolved.id!).map(\.to) == [.active, .suspended, .dissolved])
        #expect(try database.officeSettings() == OfficeSettings(provinceCode: 37))
    }

    @Test func aFailedWriteLeavesNothingHalfDone() throws {
        let database = try AppDatabase.inMemory()
        var centre = try database.saveCentre(sample(), by: clerk, at: moment)
        centre.id = 999
        #expect(throws: CentreStoreError.notFound) { try database.saveCentre(centre, by: clerk, at: moment) }
        #expect(try database.allCentres().count == 1)
        #expect(try database.allCentres()[0].venues.count == 1)
    }
}
