import Domain
import Foundation
import Testing
import TerminalUI
@testable import Screens

@MainActor
@Suite struct BoardScreenTests {
    func board(_ h: Harness) throws -> BoardScreen { try #require(h.app.stack.last as? BoardScreen) }
    func memberForm(_ h: Harness) throws -> MemberFormScreen { try #require(h.app.stack.last as? MemberFormScreen) }

    /// Opens the board of the demo centre whose search text is `query`.
    func openBoard(_ h: Harness, _ query: String) {
        h.press(.function(3))
        h.type(query)
        h.press(.enter, .function(7))
    }

    /// Tabs through the member form until the field `id` has focus.
    func focus(_ h: Harness, _ id: MemberFormScreen.Field) throws {
        for _ in 0..<30 where try memberForm(h).form.focusedID != id { h.press(.tab) }
        #expect(try memberForm(h).form.focusedID == id)
    }

    @Test func boardOfNghiaLamAt80x24() throws {
        let h = try Harness(.demo)
        openBoard(h, "nghia lam")
        expectGolden("board_nghia_lam", h.screen)
        h.press(.tab, .down, .down)
        expectGolden("board_nghia_lam_rule", h.screen)
    }

    @Test func complianceOfTheProvinceAt80x24() throws {
        let h = try Harness(.demo)
        h.press(.ctrl("k"))
        expectGolden("compliance", h.screen)
    }

    @Test func theRosterShowsEachBoardsStatus() throws {
        let h = try Harness(.demo)
        let lines = h.lines
        #expect(lines.first { $0.hasPrefix("TT13918") }?.contains(" ✓ ") == true)
        #expect(lines.first { $0.hasPrefix("TT13957") }?.contains(" ✗1 ") == true)
        #expect(lines.first { $0.hasPrefix("TT14398") }?.contains(" ✗") == false, "a dissolved centre has no board")
    }

    @Test func addingTheMissingDeputyMakesTheRulePass() throws {
        let h = try Harness(.demo)
        openBoard(h, "nghia lam")
        #expect(try board(h).report.result(for: "deputy-study-promotion")?.outcome == .fail)
        h.press(.function(2))
        h.type("Lê Thị Hồng")
        try focus(h, .role)
        h.type("pho")
        h.press(.enter)
        try focus(h, .homeBody)
        h.type("khuyen")
        h.press(.enter)
        try focus(h, .duties)
        h.type("Vận động người học")
        try focus(h, .decisionNumber)
        h.type("130/QĐ-UBND")
        h.press(.tab)
        h.type("20/11/2026")
        h.press(.function(2))
        #expect(h.messageLine == "Đã lưu Lê Thị Hồng.")
        let report = try board(h).report
        #expect(report.result(for: "deputy-study-promotion")?.outcome == .pass)
        #expect(report.errorCount == 0)
        #expect(report.result(for: "managers-trained")?.outcome == .fail, "the new deputy has no training yet")
    }

    @Test func badInputIsRefusedNamingTheField() throws {
        let h = try Harness(.demo)
        openBoard(h, "nghia lam")
        h.press(.function(2))
        h.type("Trần Văn Nhỏ")
        try focus(h, .birthYear)
        h.type("2010")
        h.press(.tab)
        #expect(h.messageLine == "Năm sinh: Với năm sinh này người đó chưa đủ 18 tuổi.")
        try focus(h, .decisionDate)
        h.type("30/11/2026")
        h.press(.tab)
        #expect(h.messageLine == "Ngày quyết định: Ngày ở tương lai (sau hôm nay).")
        try focus(h, .termStart)
        h.press(.ctrl("u"))
        h.type("01/09/2026")
        h.press(.tab)
        h.type("01/08/2026")
        h.press(.function(2))
        #expect(h.messageLine.hasPrefix("Năm sinh: Với năm sinh này người đó chưa đủ 18 tuổi."))
        #expect(h.messageLine.contains("còn 2 lỗi khác"))
        #expect(h.screen.contains("✗ Ngày cuối giữ vị trí"))
        #expect(try memberForm(h).form.text(.termEnd) == "01/08/2026", "what was typed is kept")
        #expect(try h.database.boardMembers(centreID: try #require(h.database.centre(code: "TT13957")?.id)).count == 4)
    }

    @Test func endingATermKeepsThePersonAsAFormerMember() throws {
        let h = try Harness(.demo)
        openBoard(h, "nghia lam")
        #expect(try board(h).selectedMember?.fullName == "Hoàng Văn Nam")
        h.press(.function(5))
        #expect(try memberForm(h).form.focusedID == .termEnd)
        #expect(try memberForm(h).form.text(.termEnd) == "21/11/2026")
        h.press(.function(2))
        let b = try board(h)
        #expect(b.members.count == 4)
        #expect(b.members.first { $0.fullName == "Hoàng Văn Nam" }?.termEnd == LocalDate(iso: "2026-11-21"))
        #expect(b.report.result(for: "one-director")?.outcome == .pass, "in office on his last day")
        h.press(.function(7))
        h.press(.ctrl("u"))
        h.type("22/12/2026")
        h.press(.enter)
        #expect(try board(h).members.last?.fullName == "Hoàng Văn Nam", "former members are listed last")
        #expect(try board(h).report.result(for: "one-director")?.outcome == .fail)
        #expect(try board(h).report.result(for: "no-long-vacancy")?.outcome == .fail, "31 days after he left")
        h.press(.function(7), .ctrl("u"))
        h.type("31/02/2026")
        h.press(.enter)
        #expect(h.screen.contains("Ngày không hợp lệ"))
    }

    @Test func trainingsAreAddedAndCountForTheRule() throws {
        let h = try Harness(.demo)
        openBoard(h, "cuc phuong")
        #expect(try board(h).report.result(for: "managers-trained")?.outcome == .fail)
        h.press(.function(6))
        #expect(h.screen.contains("Hà Văn Páo: năm 2026 đã tập huấn 1 lần."))
        h.press(.function(2), .tab)
        h.type("Chuyển đổi số trong TTHTCĐ")
        h.press(.function(2))
        #expect(h.messageLine.hasPrefix("Đã ghi tập huấn"))
        #expect(h.screen.contains("đã tập huấn 2 lần"))
        h.press(.function(10))
        #expect(try board(h).report.result(for: "managers-trained")?.outcome == .pass)
        h.press(.function(6), .function(8), .char("c"))
        #expect(h.screen.contains("đã tập huấn 1 lần"))
    }

    @Test func complianceFiltersByRuleAndOpensTheBoard() throws {
        let h = try Harness(.demo)
        h.press(.ctrl("k"))
        let screen = try #require(h.app.stack.last as? ComplianceScreen)
        #expect(screen.rows.count == 12, "active and suspended centres")
        h.press(.function(5))
        h.type("khuyen")
        h.press(.enter)
        let filtered = try #require(h.app.stack.last as? ComplianceScreen)
        #expect(filtered.shown.map(\.centre.code).contains("TT13957"))
        #expect(!filtered.shown.map(\.centre.code).contains("TT13918"))
        h.press(.enter)
        #expect(try board(h).centre.code == filtered.shown[0].centre.code)
        h.press(.function(10))
        #expect(h.app.stack.last is ComplianceScreen)
    }

    @Test func theMenuLeadsEverywhere() throws {
        let h = try Harness(.demo)
        h.press(.function(9))
        #expect(h.screen.contains("Kiểm tra Ban giám đốc mọi trung tâm"))
        h.type("lich su")
        h.press(.enter)
        #expect(h.app.stack.last is StatusHistoryScreen)
    }

    @Test func theVacancyLimitIsChangedInSettings() throws {
        let h = try Harness(.demo)
        h.press(.ctrl("t"))
        let form = try #require(h.app.stack.last as? OfficeSettingsScreen).form
        #expect(form.text(.vacancyDays) == "30")
        for _ in 0..<3 { h.press(.tab) }
        h.press(.ctrl("u"))
        h.type("0")
        h.press(.function(2))
        #expect(h.messageLine.contains("Phải là số ngày từ 1 đến 365"))
        h.press(.ctrl("u"))
        h.type("45")
        h.press(.function(2))
        #expect(h.context.boardCompliance.parameters.vacancyDays == 45)
    }

    /// The board check counts a suspended centre, and says so: its "working" centres are those the targets count.
    @Test func theBoardCheckSaysWhichCentresAreSuspended() throws {
        let h = try Harness(.demo)
        let screen = ComplianceScreen(ctx: h.context)
        let targets = TargetsScreen(ctx: h.context, year: h.context.clock.today.year)
        let working = screen.rows.filter { $0.centre.status == .active }.count
        #expect(working == targets.centres.count)
        let hint = try #require(screen.statusHint(h.context)).text
        #expect(hint.contains("(\(working) hoạt động, 1 tạm đình chỉ)"), "\(hint)")
    }
}
