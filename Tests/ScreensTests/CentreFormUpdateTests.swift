import Domain
import Foundation
import Testing
import TerminalUI
@testable import Screens

@MainActor
@Suite struct CentreFormUpdateTests {
    func form(_ h: Harness) throws -> CentreFormScreen { try #require(h.app.stack.last as? CentreFormScreen) }

    /// Opens the add form and picks Xã Nghĩa Hưng by typing "nghia".
    func startAdding(_ h: Harness, name: String) {
        h.press(.function(2))
        h.type(name)
        h.press(.tab)
        h.type("nghia")
        h.press(.enter)
    }

    @Test func addingACentreSavesItAndSelectsItInTheRoster() throws {
        let h = try Harness(.office)
        startAdding(h, name: "Trung tâm học tập cộng đồng xã Nghĩa Hưng")
        #expect(try form(h).form.choice(.commune) == "13891")
        h.press(.function(2))
        let roster = try #require(h.app.stack.last as? RosterScreen)
        #expect(roster.selectedEntry?.centre.code == "TT13891")
        #expect(h.messageLine.contains("Đã lưu TT13891"))
        let saved = try #require(try h.database.centre(code: "TT13891"))
        #expect(saved.name == "Trung tâm học tập cộng đồng xã Nghĩa Hưng")
        #expect(saved.updatedAt == FixedClock(Harness.today).now)
    }

    @Test func anEmptyNameIsRefusedNamingTheFieldAndKeepingWhatWasTyped() throws {
        let h = try Harness(.office)
        startAdding(h, name: "")
        h.press(.tab)
        h.type("Xóm 5")
        h.press(.function(2))
        #expect(h.messageLine == "Tên trung tâm: Không được để trống.")
        #expect(try form(h).form.focusedID == .name)
        #expect(try form(h).form.text(.address) == "Xóm 5")
        #expect(try h.database.allCentres().isEmpty)
    }

    @Test func aFutureEstablishmentDateIsRefusedWhenTheFieldIsLeft() throws {
        let h = try Harness(.office)
        startAdding(h, name: "TTHTCĐ xã Nghĩa Hưng")
        h.focusField(.establishmentDate)
        h.type("22/11/2026")
        h.press(.tab)
        #expect(h.messageLine == "Ngày quyết định: Ngày ở tương lai (sau hôm nay).")
        #expect(h.screen.contains("✗ Ngày quyết định"))
        h.press(.function(2))
        #expect(try h.database.allCentres().isEmpty)
        #expect(try form(h).form.text(.establishmentDate) == "22/11/2026", "what was typed is kept")
        h.press(.ctrl("u"))
        h.type("31/02/2025")
        h.press(.function(2))
        #expect(h.messageLine.hasPrefix("Ngày quyết định: Ngày không hợp lệ"))
    }

    @Test func aSecondCentreForTheSameCommuneAsksFirst() throws {
        let h = try Harness(.office)
        startAdding(h, name: "TTHTCĐ xã Nghĩa Hưng")
        h.press(.function(2))
        startAdding(h, name: "TTHTCĐ xã Nghĩa Hưng (cơ sở 2)")
        #expect(h.screen.contains("! Xã/phường"))
        h.press(.function(2))
        #expect(h.screen.contains("đã có trung tâm «TTHTCĐ xã Nghĩa Hưng»"))
        h.press(.escape)
        #expect(try h.database.allCentres().count == 1)
        #expect(try form(h).form.text(.name) == "TTHTCĐ xã Nghĩa Hưng (cơ sở 2)")
        h.press(.function(2), .char("c"))
        #expect(try h.database.allCentres().map(\.code).sorted() == ["TT13891", "TT13891-2"])
    }

    @Test func changingTheStatusNeedsADecisionAndIsRecorded() throws {
        let h = try Harness(.demo)
        h.press(.function(3))
        h.type("yen mo")
        h.press(.enter, .function(4))
        h.focusField(.status)
        h.type("giai")
        h.press(.enter)
        h.press(.function(2))
        #expect(h.messageLine.hasPrefix("Số QĐ đổi trạng thái: Không được để trống."))
        #expect(h.messageLine.contains("còn 2 lỗi khác"))
        #expect(try form(h).form.focusedID == .statusNumber)
        h.type("77/QĐ-UBND")
        h.press(.tab)
        h.type("20/11/2026")
        h.press(.tab, .tab)
        h.type("Không còn hoạt động")
        h.press(.function(2))
        #expect(h.screen.contains("Ghi «Giải thể» cho TTHTCĐ xã Yên Mô theo quyết định số 77/QĐ-UBND?"),
                "a legal act asks first, naming the centre")
        #expect(try h.database.centre(code: "TT14701")?.status == .active, "nothing saved before the answer")
        h.press(.char("c"))
        let centre = try #require(try h.database.centre(code: "TT14701"))
        #expect(centre.status == .dissolved)
        let history = try h.database.statusHistory(centreID: centre.id!)
        #expect(history.map(\.to) == [.active, .dissolved])
        #expect(history.last?.decision.number == "77/QĐ-UBND")
    }

    @Test func venuesAreAddedAndRemovedWithConfirmation() throws {
        let h = try Harness(.office)
        startAdding(h, name: "TTHTCĐ xã Nghĩa Hưng")
        h.press(.function(5))
        #expect(try form(h).form.focusedID == .venueName(0))
        h.type("Nhà văn hóa xóm 3")
        h.press(.function(5))
        h.type("Trường THCS")
        h.press(.function(8))
        #expect(h.screen.contains("Xóa địa điểm «Trường THCS»"))
        h.press(.char("c"))
        h.press(.function(2))
        let saved = try #require(try h.database.centre(code: "TT13891"))
        #expect(saved.venues.map(\.name) == ["Nhà văn hóa xóm 3"])
    }

    @Test func closingWithChangesAsksAndCtrlCAsksBeforeQuitting() throws {
        let h = try Harness(.office)
        startAdding(h, name: "TTHTCĐ")
        h.press(.ctrl("c"))
        #expect(h.screen.contains("Thoát chương trình"))
        h.press(.enter)
        #expect(h.app.isRunning)
        h.press(.escape)
        #expect(h.screen.contains("Bỏ thay đổi"))
        h.press(.char("k"))
        #expect(h.app.stack.last is CentreFormScreen)
        h.press(.escape, .char("c"))
        #expect(h.app.stack.last is RosterScreen)
        #expect(try h.database.allCentres().isEmpty)
    }

    @Test func f1ExplainsTheCurrentField() throws {
        let h = try Harness(.office)
        h.press(.function(2), .tab, .function(1))
        #expect(h.screen.contains("Xã, phường hoặc đặc khu của trung tâm"))
    }
}
