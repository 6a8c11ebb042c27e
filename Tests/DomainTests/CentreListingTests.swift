import Foundation
import Testing
@testable import Domain

@Suite struct CentreListingTests {
    let units = ShippedUnits.directory

    func entry(_ code: String, _ name: String, commune: Int, status: CentreStatus = .active) -> CentreListEntry {
        CentreListEntry(centre: Centre(code: code, name: name, provinceCode: 37, communeCode: commune, status: status),
                        units: units)
    }

    var entries: [CentreListEntry] {
        [
            entry("TT13918", "TTHTCĐ xã Nghĩa Sơn", commune: 13918),
            entry("TT14404", "TTHTCĐ xã Cúc Phương", commune: 14404),
            entry("TT13891", "TTHTCĐ xã Nghĩa Hưng", commune: 13891, status: .suspended),
            entry("TT14137", "TTHTCĐ xã Nghĩa Hồng", commune: 14137, status: .merged),
            entry("TT14167", "TTHTCĐ xã Giao Thuỷ", commune: 14167),
        ]
    }

    @Test func sortsNamesInVietnameseOrder() {
        let names = CentreListing().apply(to: entries).map(\.centre.code)
        #expect(names == ["TT14404", "TT14167", "TT14137", "TT13891", "TT13918"])
        var reversed = CentreListing()
        reversed.ascending = false
        #expect(reversed.apply(to: entries).map(\.centre.code) == names.reversed())
    }

    @Test func searchIgnoresMarksAndFiltersByStatus() {
        var listing = CentreListing(query: "nghia hung")
        #expect(listing.apply(to: entries).map(\.centre.code) == ["TT13891"])
        listing.query = "nghia"
        #expect(listing.apply(to: entries).map(\.centre.code) == ["TT14137", "TT13891", "TT13918"])
        listing.status = .suspended
        #expect(listing.apply(to: entries).map(\.centre.code) == ["TT13891"])
        listing = CentreListing(query: "TT1440")
        #expect(listing.apply(to: entries).map(\.centre.code) == ["TT14404"])
    }

    @Test func centresOfAbolishedCommunesAreFlagged() {
        let flagged = entries.filter(\.communeIsUnknown).map(\.centre.code)
        #expect(flagged == ["TT14137"])
    }

    @Test func sortsByStatusAndCommune() {
        let byStatus = CentreListing(sortColumn: .status).apply(to: entries).map(\.centre.status)
        #expect(byStatus == [.active, .active, .active, .suspended, .merged])
        let byCommune = CentreListing(sortColumn: .commune).apply(to: entries).map(\.centre.code)
        #expect(byCommune.first == "TT14137", "an unknown commune has an empty name and comes first")
        #expect(Array(byCommune.dropFirst()) == ["TT14404", "TT14167", "TT13891", "TT13918"])
    }
}
