import AppResources
import Foundation
import Testing
@testable import Domain

/// The shipped unit list, loaded once for every test that needs it.
enum ShippedUnits {
    static let directory: UnitDirectory = {
        let data = try! AppResources.data("units/units.json")
        return try! UnitDirectory.decode(data)
    }()
}

@Suite struct UnitDirectoryTests {
    let units = ShippedUnits.directory

    @Test func holdsThe34ProvincesAnd3321CommuneLevelUnits() {
        #expect(units.provinces.count == 34)
        #expect(units.units.count == 3321)
        #expect(Set(units.units.map(\.code)).count == 3321)
        let types = Dictionary(grouping: units.units, by: \.type).mapValues(\.count)
        #expect(types[.commune] == 2621)
        #expect(types[.ward] == 687)
        #expect(types[.specialZone] == 13)
        #expect(units.units.allSatisfy { units.province(code: $0.province) != nil })
    }

    @Test func namesAreNFCWithoutStraySpaces() {
        for unit in units.units {
            #expect(unit.name == unit.name.nfc)
            #expect(!unit.name.contains("  "))
            #expect(unit.name.hasSuffix(unit.short))
        }
    }

    @Test func looksUpByCode() throws {
        let unit = try #require(units.unit(code: 13891))
        #expect(unit.name == "Xã Nghĩa Hưng")
        #expect(unit.province == 37)
        #expect(units.province(code: 37)?.name == "Tỉnh Ninh Bình")
        #expect(units.province(code: 1)?.name == "Thành phố Hà Nội")
        #expect(units.unit(code: 14137) == nil, "Nghĩa Hồng was abolished in 2025")
    }

    @Test func looksUpByNameIgnoringMarks() {
        let found = units.search("nghia hung", province: 37).map(\.code)
        #expect(found == [13891])
        let nationwide = units.search("nghia hung").map(\.name)
        #expect(nationwide == ["Xã Nghĩa Hưng", "Xã Nghĩa Hưng"], "one in Ninh Bình, one in Nghệ An")
        #expect(units.search("Nghĩa Hưng", province: 40).map(\.code) == [16972])
        #expect(units.search("dak", province: nil).contains { $0.name.hasPrefix("Đặc khu") || $0.name.contains("Đắk") })
        #expect(units.searchProvinces("ninh binh").map(\.code) == [37])
    }

    @Test func unitsOfAProvinceSortInVietnameseOrder() {
        let names = units.units(inProvince: 37).map(\.short)
        #expect(names.count == 129)
        let keys = names.map(VietnameseCollation.key)
        #expect(zip(keys, keys.dropFirst()).allSatisfy { $0 <= $1 })
    }
}
