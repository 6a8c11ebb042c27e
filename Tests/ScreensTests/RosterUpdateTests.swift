import Domain
import Foundation
import Testing
import TerminalUI
@testable import Screens

@MainActor
@Suite struct RosterUpdateTests {
    func roster(_ h: Harness) throws -> RosterScreen { try #require(h.app.stack.last as? RosterScreen) }

    @Test func searchNarrowsAsYouTypeWithoutMarks() throws {
        let h = try Harness(.demo)
        #expect(try roster(h).shown.count == 14)
        h.press(.function(3))
        h.type("nghia")
        #expect(try roster(h).shown.map(\.centre.code) == ["TT14137", "TT13957", "TT13918"])
        h.type(" lam")
        #expect(try roster(h).shown.map(\.centre.code) == ["TT13957"])
        h.press(.enter)
        #expect(try !roster(h).isSearching)
        h.press(.function(3), .escape)
        #expect(try roster(h).shown.count == 14)
    }

    @Test func theStatusFilterCyclesThroughEveryState() throws {
        let h = try Harness(.demo)
        var counts: [Int] = []
        for _ in 0..<9 {
            h.press(.function(5))
            counts.append(try roster(h).shown.count)
        }
        // Each status, then each last rank: no Tốt, Hoa Lư and Cúc Phương Khá, no Trung bình, Yên Mô Chưa đạt.
        #expect(counts == [11, 1, 1, 1, 0, 2, 0, 1, 14])
        #expect(h.screen.contains("Trạng thái: Tất cả"))
    }

    @Test func sortingMovesToTheNextColumnAndReverses() throws {
        let h = try Harness(.demo)
        h.press(.function(6))
        #expect(try roster(h).listing.sortColumn == .commune)
        h.press(.ctrl("r"))
        #expect(try !roster(h).listing.ascending)
        #expect(try roster(h).shown.first?.centre.code == "TT14701", "Yên Mô last in Vietnamese order, first reversed")
    }

    @Test func aCentreWithRecordsCannotBeDeleted() throws {
        let h = try Harness(.demo)
        h.press(.function(3))
        h.type("gia thuy")
        h.press(.enter, .function(8))
        #expect(h.messageLine.contains("Không thể xóa"))
        #expect(try roster(h).modal == nil)
    }

    @Test func anEmptyCentreIsDeletedOnlyAfterConfirmation() throws {
        let h = try Harness(.demo)
        h.press(.function(3))
        h.type("tam diep")
        h.press(.enter, .function(8))
        #expect(h.screen.contains("Xóa hẳn"))
        h.press(.enter)  // the safe answer, "Không", is chosen
        #expect(try roster(h).entries.count == 14)
        h.press(.function(8), .left, .enter)
        #expect(try roster(h).entries.count == 13)
        #expect(try h.database.centre(code: "TT14362") == nil)
        #expect(h.messageLine.contains("Đã xóa"))
    }

    @Test func centresOfAbolishedCommunesAreFlagged() throws {
        let h = try Harness(.demo)
        h.press(.function(3))
        h.type("khanh cu")
        h.press(.enter)
        #expect(h.messageLine.contains("Mã xã 14614 không còn trong danh mục"))
        #expect(h.lines.contains { $0.hasPrefix("TT14614") && $0.contains("! 14614") })
    }

    @Test func helpListsEveryKeyOfTheScreen() throws {
        let h = try Harness(.demo)
        h.press(.function(1))
        for text in ["F2 · Alt-2 · Ctrl-N", "Thêm một trung tâm mới", "F7 · Alt-7"] {
            #expect(h.screen.contains(text), "\(text)")
        }
        h.press(.end)
        #expect(h.screen.contains("Ctrl-C · Ctrl-Q"))
        #expect(h.screen.contains("Ctrl-B") && h.screen.contains("Mở: Ban giám đốc"), "scrolled to the keys of every screen")
        h.press(.escape)
        #expect(!h.screen.contains("Thêm một trung tâm mới"))
    }

    @Test func quittingFromTheRosterAsksFirst() throws {
        let h = try Harness(.demo)
        h.press(.function(10))
        #expect(h.screen.contains("Thoát chương trình?"))
        h.press(.escape)
        #expect(h.app.isRunning, "no keeps the program open")
        h.press(.function(10), .char("c"))
        #expect(!h.app.isRunning)
    }
}

/// The board column is checked for the rows drawn, not for every centre at the start (issue 11: work
/// proportional to the screen); scrolled through, it shows for every centre what checking every board showed.
@MainActor
@Suite struct RosterBoardColumnTests {
    @Test func boardsAreCheckedAsRowsAreDrawnAndAgreeWithCheckingEveryBoard() throws {
        let communes = Harness.units.units(inProvince: 37).prefix(40)
        let h = try Harness(.demo) { database in
            for (number, unit) in communes.enumerated() {
                try database.saveCentre(Centre(name: "Trung tâm học tập cộng đồng thử \(number)", provinceCode: 37,
                                               communeCode: unit.code), by: .system, at: Date())
            }
        }
        _ = h.screen
        let roster = try #require(h.app.stack.last as? RosterScreen)
        #expect(roster.entries.count == 54)
        #expect(!roster.boardReports.isEmpty && roster.boardReports.count <= 14, "one screenful checked at the start")

        let engine = h.context.boardCompliance
        let boards = try h.database.boardMembers(provinceCode: 37)
        let staff = try h.database.staffMembers(provinceCode: 37)
        let working = roster.entries.filter { $0.centre.status == .active || $0.centre.status == .suspended }
        var expected: [Int64: BoardReport] = [:]
        for entry in working {
            expected[entry.id] = engine.check(centreID: entry.id, members: boards[entry.id] ?? [], staff: staff[entry.id] ?? [],
                                              asOf: Harness.today)
        }
        #expect(expected.values.contains { $0.errorCount == 0 } && expected.values.contains { $0.errorCount > 0 })
        for _ in 0..<10 {
            h.press(.pageDown)
            _ = h.screen
        }
        let scrolled = try #require(h.app.stack.last as? RosterScreen)
        #expect(scrolled.boardReports == expected)
        let marks = h.lines.compactMap { line in
            scrolled.shown.first { line.hasPrefix($0.centre.code + " ") }.map { (line, $0) }
        }
        #expect(!marks.isEmpty)
        for (line, entry) in marks where expected[entry.id] != nil {
            #expect(line.contains(" " + RosterScreen.boardMark(expected[entry.id])), "\(line)")
        }
    }
}
