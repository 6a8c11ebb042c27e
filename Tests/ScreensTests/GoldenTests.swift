import Domain
import Foundation
import Testing
import TerminalUI
@testable import Screens

@MainActor
@Suite struct GoldenTests {
    @Test func rosterOfTheDemoProvince() throws {
        let h = try Harness(.demo)
        expectGolden("roster_demo", h.screen)
    }

    @Test func rosterCutsLongVietnameseNamesAtTheirColumn() throws {
        let h = try Harness(.office) { database in
            var centre = Centre(name: "Trung tâm học tập cộng đồng xã Nghĩa Hưng kết hợp nhà văn hóa và thư viện",
                                provinceCode: 37, communeCode: 13891, address: "Xóm Đông Thượng, thôn Đoài Hạ",
                                model: .culturalHouse, isPilot: true)
            centre.facilities[0] = FacilityItem(kind: .bookcase, present: true, count: 2)
            try database.saveCentre(centre, by: .system, at: FixedClock(Harness.today).now)
            try database.saveCentre(Centre(name: "Trung tâm học tập cộng đồng phường Đông Hoa Lư", provinceCode: 37,
                                           communeCode: 14566, model: .urbanWard), by: .system,
                                   at: FixedClock(Harness.today).now)
        }
        expectGolden("roster_long_names", h.screen)
        let row = try #require(h.lines.first { $0.hasPrefix("TT13891") })
        #expect(row.contains("xã Nghĩa Hưng…  Nghĩa Hưng"), "cut with an ellipsis where the name column ends")
    }

    @Test func newCentreFormWithALongName() throws {
        let h = try Harness(.office)
        h.press(.function(2))
        h.type("Trung tâm học tập cộng đồng xã Nghĩa Hưng kết hợp nhà văn hóa và thư viện xóm Đông")
        h.press(.tab)
        expectGolden("centre_form_new", h.screen)
    }

    @Test func firstRunAsksForTheOffice() throws {
        let h = try Harness(.empty, account: nil)
        expectGolden("first_run_admin", h.screen)
        h.press(.tab)
        h.type("Nguyễn Văn Quản")
        h.press(.tab)
        h.type("matkhau123")
        h.press(.tab)
        h.type("matkhau123")
        h.press(.function(2))
        expectGolden("first_run", h.screen)
        #expect(h.context.account?.roles == [.administrator, .dataClerk])
    }

    @Test func statusHistoryOfADissolvedCentre() throws {
        let h = try Harness(.demo)
        h.press(.function(3))
        h.type("gia thuy")
        h.press(.enter, .ctrl("y"))
        expectGolden("history_dissolved", h.screen)
    }

    @Test func englishWithLangEn() throws {
        let h = try Harness(.demo, language: .en)
        let screen = h.screen
        #expect(screen.contains("Centre roster"))
        #expect(screen.contains("1Help"))
        #expect(screen.contains("Dissolved"))
    }

    @Test func aSmallWindowAsksToBeEnlargedAndLosesNothing() throws {
        let h = try Harness(.office)
        h.press(.function(2))
        h.type("Trung tâm Nghĩa Hưng")
        h.size = Size(width: 60, height: 20)
        h.press(.resize)
        expectGolden("too_small", h.screen)
        h.type("xyz")  // ignored while too small
        h.size = Size(width: 100, height: 30)
        h.press(.resize)
        #expect(h.screen.contains("Trung tâm Nghĩa Hưng"))
        #expect(!h.screen.contains("xyz"))
        h.size = Size(width: 80, height: 24)
        #expect(h.lines[3].contains("Trung tâm Nghĩa Hưng"))
    }
}
