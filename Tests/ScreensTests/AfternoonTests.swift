import Domain
import Foundation
import Testing
import TerminalUI
@testable import Screens

/// What a new user tripped over in an afternoon at the commune office, each fixed and held by a test.
@MainActor
@Suite struct AfternoonTests {
    static let viewer = Account(username: "xem", fullName: "Người Xem", roles: [.viewer])

    /// A person who may not edit reads a read-only form: typing does nothing, a line says why, and closing never
    /// asks to discard "changes".
    @Test func readOnlyFormsLookReadOnly() throws {
        let h = try Harness(.demo, account: Self.viewer)
        h.press(.function(4))
        let form = try #require(h.app.stack.last as? CentreFormScreen)
        #expect(form.form.isReadOnly)
        let before = form.form
        h.type("abc")
        h.press(.char(" "), .backspace)
        #expect((h.app.stack.last as? CentreFormScreen)?.form[.name] == before[.name], "typing changes nothing")
        #expect(h.messageLine == "Chỉ xem: tài khoản của bạn không có quyền sửa mục này.")
        #expect(!h.lines[23].contains("2Lưu"), "no save key")
        h.press(.escape)
        #expect(h.app.stack.last is RosterScreen, "closing asks nothing: nothing was changed")
    }

    /// F10 on the roster asks before quitting, as Ctrl-C does; on a question, F10 does nothing.
    @Test func f10AsksOnTheRosterAndDoesNothingOnAQuestion() throws {
        let h = try Harness(.demo)
        h.press(.function(10))
        #expect(h.screen.contains("Thoát chương trình?"))
        h.press(.function(10))
        #expect(h.app.isRunning && h.screen.contains("Thoát chương trình?"), "F10 does not answer a question")
        #expect(!h.lines[23].contains("10Thoát"), "the key bar shows no screen key while the question is open")
        h.press(.escape)
        h.size = Size(width: 60, height: 20)
        h.press(.function(10))
        #expect(h.app.isRunning, "F10 does nothing on the too-small screen")
        #expect(h.screen.contains("Ctrl-C"), "which says what works there")
    }

    /// With everything saved, Enter on the quit question quits; with something typed and unsaved, Enter keeps it.
    @Test func enterOnTheQuitQuestionQuitsOnlyWhenNothingIsLost() throws {
        let saved = try Harness(.demo)
        saved.press(.function(10), .enter)
        #expect(!saved.app.isRunning)
        let typing = try Harness(.demo)
        typing.app.open(.centreForm(centreID: nil))
        typing.type("Trung tâm mới")
        typing.press(.ctrl("c"))
        #expect(typing.screen.contains("chưa lưu") || typing.screen.contains("chưa được lưu"), "\(typing.screen)")
        typing.press(.enter)
        #expect(typing.app.isRunning, "Enter does not throw away what was typed")
    }

    /// The board as of a date before a member's term shows "chưa bắt đầu", in the table and in the detail pane,
    /// even when the term has an end.
    @Test func aTermNotYetBegunSaysSoEverywhere() throws {
        let h = try Harness(.demo)
        let centre = try #require(try h.database.centre(code: "TT13957"))
        let board = try h.database.boardMembers(centreID: centre.id!)
        var member = try #require(board.first)
        member.termStart = LocalDate(iso: "2026-09-01")
        member.termEnd = LocalDate(iso: "2027-08-31")
        try h.database.saveBoardMember(member, by: .system, at: h.context.clock.now)
        h.app.open(.board(centreID: centre.id!, asOf: LocalDate(iso: "2026-06-30")))
        let screen = try #require(h.app.stack.last as? BoardScreen)
        let row = try #require(screen.members.firstIndex { $0.id == member.id })
        for _ in 0..<row { h.press(.down) }
        let line = try #require(h.lines.first { $0.hasPrefix(member.fullName) })
        #expect(line.contains("chưa bắt đầu"), "the table: \(line)")
        #expect(h.screen.contains("Nhiệm kỳ từ 01/09/2026 đến 31/08/2027 (chưa bắt đầu)"), "the detail pane")
        #expect(!h.screen.contains("(đang giữ)"))
    }

    /// An amendment is a legal step: it asks first, naming the plan, and opens only after yes.
    @Test func openingAnAmendmentAsksNamingThePlanAndItsReason() throws {
        let h = try Harness(.demo, account: Account(username: "giamdoc", fullName: "Trần Văn Minh", roles: [.centreDirector]))
        let approved = try #require(try h.database.plans().first { $0.status == .approved })
        h.app.open(.plan(planID: approved.id!))
        h.press(.function(8))
        let centre = try #require(try h.database.centre(id: approved.centreID))
        guard case .prompt(let dialog, _, _)? = (h.app.stack.last as? PlanEditorScreen)?.modal else {
            Issue.record("F8 asked nothing")
            return
        }
        #expect(dialog.label.contains("Mở bản điều chỉnh của " + h.context.strings.planName(approved, centre: centre)))
        let before = try h.database.plans().count
        h.press(.escape)
        #expect(try h.database.plans().count == before, "Esc leaves it as it was")
        h.press(.function(8), .function(2))
        #expect(h.screen.contains("Điều chỉnh phải ghi lý do."), "no reason, no amendment")
        #expect(try h.database.plans().count == before)
        h.type("Thêm lớp tin học")
        h.press(.enter)
        h.type("cho người cao tuổi")
        h.press(.function(2))
        #expect(try h.database.plans().count == before + 1)
        #expect((h.app.stack.last as? PlanEditorScreen)?.plan.version == approved.version + 1)
        #expect(try h.database.plan(id: approved.id!)?.history.last?.comment == "Thêm lớp tin học\ncho người cao tuổi")
        #expect(h.screen.contains("Bản điều chỉnh lần \(approved.version + 1), lý do: Thêm lớp tin học"),
                "the new version's heading says why it exists:\n\(h.screen)")
        #expect(h.screen.contains("cho người cao tuổi"))
        h.press(.ctrl("y"))
        #expect(h.screen.contains("Thêm lớp tin học"), "and its history:\n\(h.screen)")
    }
}
