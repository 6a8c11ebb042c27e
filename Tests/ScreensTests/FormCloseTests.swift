import Domain
import Testing
import TerminalUI
@testable import Screens

/// Closing a form (Esc, F10) or quitting asks first once something was typed, for every form screen
/// through the one mechanism (`AppCommand.close` and `Form.isModified`).
@MainActor
@Suite struct FormCloseTests {
    /// A director's new draft plan for Nghĩa Sơn, with its activity form open.
    func openActivityForm() throws -> Harness {
        let h = try Harness(.demo, account: nil)
        h.type("giamdoc")
        h.press(.tab)
        h.type("demo2026")
        h.press(.enter, .function(3))
        h.type("nghia son")
        h.press(.enter, .ctrl("p"), .function(2), .function(2), .function(3))
        #expect(h.app.stack.last is ActivityFormScreen)
        return h
    }

    @Test func anUntouchedFormClosesAtOnce() throws {
        let h = try openActivityForm()
        h.press(.escape)
        #expect(h.app.stack.last is PlanEditorScreen)
    }

    @Test func typingThenEscapeAsksAndNoKeepsTheTyping() throws {
        let h = try openActivityForm()
        h.type("Lớp nuôi ong")
        h.press(.escape)
        #expect(h.screen.contains("Bỏ thay đổi"))
        #expect(h.screen.contains("Các thay đổi chưa được lưu. Đóng và bỏ chúng?"))
        h.press(.escape)  // no
        let form = try #require(h.app.stack.last as? ActivityFormScreen)
        #expect(form.form.text(.title) == "Lớp nuôi ong")
        h.press(.function(10))
        h.press(.char("c"))  // Có
        let editor = try #require(h.app.stack.last as? PlanEditorScreen)
        #expect(editor.plan.activities.isEmpty, "nothing saved")
    }

    @Test func quittingWithATypedFormAsksFirst() throws {
        let h = try openActivityForm()
        h.type("Lớp nuôi ong")
        h.press(.ctrl("c"))
        #expect(h.screen.contains("Thoát chương trình"))
        #expect(h.app.isRunning)
        h.press(.escape)
        #expect(h.app.isRunning && h.app.stack.last is ActivityFormScreen)
    }
}
