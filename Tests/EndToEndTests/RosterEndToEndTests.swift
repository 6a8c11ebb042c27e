import Foundation
import Testing

/// The roster from the real program in a real terminal (tmux), as the "done when" describes.
@Suite(.serialized, .enabled(if: Program.tmuxAvailable, "tmux is not installed"))
struct RosterEndToEndTests {
    let name = "Trung tâm học tập cộng đồng xã Nghĩa Hưng"

    @Test func firstRunThenAddFindRestartAndList() throws {
        let sandbox = Sandbox()
        let data = sandbox.path("office.sqlite")
        var session = try TmuxSession(["--data", data], sandbox: sandbox)
        // The very first run creates the administrator, then sets up the office.
        try session.waitFor("Tạo tài khoản quản trị")
        try session.press("Tab")
        try session.type("Nguyễn Văn Quản")
        try session.press("Tab")
        try session.type("matkhau123")
        try session.press("Tab")
        try session.type("matkhau123")
        try session.press("F2")
        try session.waitFor("Chào mừng")
        // The province, picked by typing part of its name without marks.
        try session.type("ninh binh")
        try session.waitFor("Tỉnh Ninh Bình")
        try session.press("Enter")
        try session.press("F2")
        try session.waitFor("Chưa có trung tâm nào")

        try session.press("F2")
        try session.waitFor("Thêm trung tâm")
        try session.type(name)
        try session.press("Tab")
        try session.type("nghia")
        try session.waitFor("Xã Nghĩa Lâm")
        try session.press("Enter")
        try session.waitFor("Xã Nghĩa Hưng      ")

        // Resizing while the form is open loses nothing, even through a too-small window.
        try session.resize(width: 70, height: 20)
        try session.waitFor("Cửa sổ quá nhỏ")
        try session.resize(width: 100, height: 30)
        try session.waitFor(name)
        try session.resize(width: 80, height: 24)
        let form = try session.waitFor("Xã Nghĩa Hưng")
        #expect(form.contains(name))

        try session.press("F2")
        try session.waitFor("Đã lưu TT13891")
        try session.press("F3")
        try session.type("nghia hung")
        let found = try session.waitFor("1/1 trung tâm")
        #expect(found.contains("TT13891  xã Nghĩa Hưng"))
        try session.press("Enter", "F10")
        #expect(try session.exitStatus() == 0)
        let after = try session.capture()
        #expect(!after.contains("Hồ sơ trung tâm"), "the terminal is given back: the interface is gone")

        session = try TmuxSession(["--data", data], sandbox: sandbox)
        try session.signIn("quantri", "matkhau123")
        try session.waitFor("TT13891  xã Nghĩa Hưng")
        try session.press("C-c")
        #expect(try session.exitStatus() == 0)

        let listing = try runProgram(["centres", "list", "--data", data, "--json"], in: sandbox)
        #expect(listing.status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(listing.stdout.utf8)) as? [[String: Any]]
        let centre = try #require(json?.first)
        #expect(json?.count == 1)
        #expect(centre["code"] as? String == "TT13891")
        #expect(centre["name"] as? String == name)
        #expect(centre["communeName"] as? String == "Xã Nghĩa Hưng")
        #expect(centre["status"] as? String == "active")
    }

    @Test func badInputIsAnsweredNamingTheFieldAndKeepsWhatWasTyped() throws {
        let sandbox = Sandbox()
        let data = sandbox.path("demo.sqlite")
        #expect(try runProgram(["demo", "create", data], in: sandbox).status == 0)
        let session = try TmuxSession(["--data", data], sandbox: sandbox)
        try session.signIn("canbo")
        try session.press("F2")
        try session.waitFor("Thêm trung tâm")
        try session.press("F2")
        try session.waitFor("Tên trung tâm: không được để trống.")

        try session.type("TTHTCĐ xã Nghĩa Sơn (cơ sở 2)")
        try session.press("Tab")
        try session.type("nghia son")
        try session.waitFor("Xã Nghĩa Sơn")
        try session.press("Enter", "Tab")
        try session.waitFor("đã có trung tâm")
        // Address, model, pilot, decision number, then the decision date.
        for _ in 0..<4 { try session.press("Tab") }
        try session.type("01/01/2099")
        try session.press("Tab")
        try session.waitFor("Ngày quyết định: ngày ở tương lai")
        try session.press("F2")
        try session.waitFor("Ngày quyết định: ngày ở tương lai")
        #expect(try session.capture().contains("01/01/2099"), "what was typed is kept")

        // Saving moved the cursor to the field in error: fix it there.
        try session.press("C-u")
        try session.type("15/07/2025")
        try session.press("F2")
        try session.waitFor("Cảnh báo")
        try session.press("c")
        try session.waitFor("Đã lưu TT13918-2")
        try session.press("F10")
        #expect(try session.exitStatus() == 0)
        let listing = try runProgram(["centres", "list", "--data", data], in: sandbox)
        #expect(listing.stdout.contains("TT13918-2\tHoạt động\tTTHTCĐ xã Nghĩa Sơn (cơ sở 2)\tXã Nghĩa Sơn"))
    }

    @Test func statusChangeHistoryAndDeletionInTheDemo() throws {
        let sandbox = Sandbox()
        let session = try TmuxSession(["--demo"], sandbox: sandbox)
        try session.waitFor("DEMO")
        try session.signIn("canbo")
        try session.press("F3")
        try session.type("yen mo")
        try session.waitFor("1/14 trung tâm")
        try session.press("Enter", "F4")
        try session.waitFor("Hồ sơ trung tâm TT14701")
        // Commune, address, model, pilot, decision number, date, issuer, then the status.
        for _ in 0..<8 { try session.press("Tab") }
        try session.type("tam")
        try session.waitFor("Tạm đình chỉ")
        try session.press("Enter", "Tab")
        try session.type("88/QĐ-UBND")
        try session.press("Tab")
        try session.type("01/11/2026")
        try session.press("Tab", "Tab")
        try session.type("Sửa chữa hội trường")
        try session.press("F2")
        try session.waitFor("Đã lưu TT14701")
        try session.press("C-y")
        let history = try session.waitFor("Lịch sử trạng thái TT14701")
        #expect(history.contains("Hoạt động → Tạm đình chỉ"))
        #expect(history.contains("88/QĐ-UBND"))
        try session.press("Escape")
        try session.waitFor("Hồ sơ trung tâm")

        // A centre with a status change cannot be deleted; an empty one can, after a question.
        try session.press("F8")
        try session.waitFor("Không thể xóa")
        try session.press("F3", "C-u")
        try session.type("tam diep")
        try session.waitFor("1/14 trung tâm")
        try session.press("Enter", "F8")
        try session.waitFor("Xóa hẳn")
        try session.press("c")
        try session.waitFor("Đã xóa")
        try session.press("F10")
        #expect(try session.exitStatus() == 0)
        #expect(!FileManager.default.fileExists(atPath: sandbox.path("xdg/tthtcd")), "the demo never touches user data")
    }

    @Test func settingsCanBeChangedLater() throws {
        let sandbox = Sandbox()
        let data = sandbox.path("demo.sqlite")
        #expect(try runProgram(["demo", "create", data], in: sandbox).status == 0)
        let session = try TmuxSession(["--data", data, "--lang", "en"], sandbox: sandbox)
        try session.waitFor("Username")
        try session.type("quantri")
        try session.press("Tab")
        try session.type("demo2026")
        try session.press("Enter")
        try session.waitFor("Centre roster")
        try session.press("F9")
        try session.waitFor("Office settings (Ctrl-T)")
        try session.type("settings")
        try session.press("Enter")
        try session.waitFor("Office level")
        try session.press("Tab", "Enter")
        try session.type("commune")
        try session.press("Enter", "Tab")
        try session.type("nghia son")
        try session.waitFor("Xã Nghĩa Sơn")
        try session.press("Enter", "F2")
        let roster = try session.waitFor("Settings saved")
        #expect(roster.contains("Xã Nghĩa Sơn, Tỉnh Ninh Bình"))
        #expect(roster.contains("TT13918"))
        #expect(!roster.contains("TT14329"), "a commune office sees only its own centres")
        try session.press("F10")
        #expect(try session.exitStatus() == 0)
    }
}
