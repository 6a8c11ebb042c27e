import Foundation
import Testing

/// Plans from the real program: the whole workflow, roles at the approval step, and bad input.
@Suite(.serialized, .enabled(if: Program.tmuxAvailable, "tmux is not installed"))
struct PlanEndToEndTests {
    /// Signs out (Ctrl-X) and in again as `username`.
    func switchUser(_ session: TmuxSession, _ username: String) throws {
        try session.press("C-x")
        try session.signIn(username)
    }

    func openPlansOfNghiaSon(_ session: TmuxSession) throws {
        try session.press("F3")
        try session.type("nghia son")
        try session.waitFor("1/14 trung tâm")
        try session.press("Enter", "C-p")
        try session.waitFor("Kế hoạch hoạt động TT13918")
    }

    @Test func draftSubmitReturnResubmitApproveAndTheListAgrees() throws {
        let sandbox = Sandbox()
        let data = sandbox.path("demo.sqlite")
        #expect(try runProgram(["demo", "create", data], in: sandbox).status == 0)
        let session = try TmuxSession(["--data", data], sandbox: sandbox)
        try session.signIn("giamdoc")
        try openPlansOfNghiaSon(session)
        try session.press("F2")
        try session.waitFor("Lập kế hoạch")
        try session.press("F2")
        try session.waitFor("Kế hoạch #3 · Dự thảo")
        try session.press("C-d")
        try session.waitFor("Khảo sát nhu cầu học tập năm 2026")
        try session.press("Enter")
        try session.waitFor("Đã thêm 5 hoạt động")
        try session.press("F7")
        try session.waitFor("lên Chủ tịch")
        try session.type("c")
        try session.waitFor("Đã trình duyệt «Kế hoạch hoạt động năm 2026».")

        // The chairman of xã Nghĩa Sơn works from his commune's plans only: Kim Sơn's waits for its own chairman.
        try switchUser(session, "chutich")
        try session.press("C-w")
        let inbox = try session.waitFor("1 kế hoạch chờ duyệt")
        #expect(inbox.contains("TT13918") && !inbox.contains("TT14638"), "Nghĩa Sơn's plan, not Kim Sơn's")
        try session.press("F7")
        try session.waitFor("Lý do trả lại")
        try session.type("Bổ sung lớp chăn nuôi cho các xóm 4-6")
        try session.press("Enter")
        try session.type("Ghi rõ người phụ trách từng lớp")
        try session.press("Enter")
        try session.type("Tính lại kinh phí theo số lớp")
        try session.press("F2")
        try session.waitFor("Đã trả lại")

        // The director is told at sign-in, opens the returned plan from that list and reads the reason whole.
        try session.press("C-x")
        try session.signIn("giamdoc", keepWaitingWork: true)
        try session.waitFor("Bị trả lại · Kế hoạch hoạt động năm 2026 – TTHTCĐ xã Nghĩa Sơn")
        try session.press("Enter")
        let heading = try session.waitFor("Tính lại kinh phí theo số lớp")
        #expect(heading.contains("Bị trả lại: Bổ sung lớp chăn nuôi cho các xóm 4-6"))
        #expect(heading.contains("Ghi rõ người phụ trách từng lớp"), "the reason is read whole, each of its lines")
        try session.press("F3")
        try session.waitFor("Thêm hoạt động")
        try session.type("Lớp chăn nuôi gà an toàn sinh học")
        for _ in 0..<4 { try session.press("Tab") }
        try session.type("25")
        try session.press("Tab", "Enter", "Enter", "Tab")
        try session.type("5")
        for _ in 0..<3 { try session.press("Tab") }
        try session.press("Enter", "Enter", "F2")
        try session.waitFor("Đã lưu hoạt động.")
        try session.press("F2")
        try session.waitFor("Thông tin kế hoạch")
        try session.press("F5", "F2")
        try session.waitFor("Đã lưu kế hoạch")
        try session.press("F7")
        try session.waitFor("lên Chủ tịch")
        try session.type("c")
        try session.waitFor("Đã trình duyệt")

        try switchUser(session, "chutich")
        try session.press("C-w")
        try session.waitFor("1 kế hoạch chờ duyệt")
        try session.press("F6")
        let approval = try session.waitFor("văn bản pháp lý")
        #expect(approval.contains("Kế hoạch hoạt động năm 2026 – TTHTCĐ xã Nghĩa Sơn"), "the dialog names the plan")
        try session.type("demo2026")
        try session.press("Enter")
        try session.waitFor("Đã phê duyệt")
        try session.press("F10")

        // The approved plan is read-only: no editing keys, and an attempt says so.
        try switchUser(session, "giamdoc")
        try openPlansOfNghiaSon(session)
        try session.press("Enter")
        let approved = try session.waitFor("Đã duyệt · đã thực hiện 0/6")
        #expect(!approved.contains("3Thêm HĐ"))
        try session.press("F10", "F10", "F10")
        try session.confirmQuit()
        #expect(try session.exitStatus() == 0)

        let list = try runProgram(["plan", "list", "--centre", "TT13918", "--json", "--data", data], in: sandbox)
        #expect(list.status == 0)
        let plans = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        let plan = try #require(plans.first)
        #expect(plan["status"] as? String == "approved")
        let history = try #require(plan["history"] as? [[String: Any]])
        #expect(history.map { $0["action"] as? String } == ["submit", "returnForRevision", "submit", "approve"])
        #expect(history.map { $0["by"] as? String } == ["giamdoc", "chutich", "giamdoc", "chutich"])
        let printed = try runProgram(["plan", "print", String(plan["id"] as? Int ?? 0), "--data", data], in: sandbox)
        #expect(printed.stdout.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"))
        #expect(printed.stdout.contains("Lớp chăn nuôi gà an toàn sinh học"))
        // The approver by the account's full name and title, never by the login name.
        #expect(joinedLines(printed.stdout).contains("Kế hoạch đã được Vũ Đức Thành, Chủ tịch UBND xã Nghĩa Sơn, phê duyệt ngày"))
        #expect(!printed.stdout.contains("chutich"))
    }

    /// The chairman of xã Nghĩa Sơn reaches the inbox, where Kim Sơn's plan, outside his commune, is not offered.
    @Test func aClerkCannotReachApprovalAndALeaderReachesHisCommunesOnly() throws {
        let sandbox = Sandbox()
        let session = try TmuxSession(["--demo"], sandbox: sandbox)
        try session.waitFor("Tài khoản mẫu")
        try session.signIn("canbo")
        try session.press("C-w")
        try session.waitFor("không có quyền mở màn hình này")
        try session.press("F9")
        let menu = try session.waitFor("Đi tới")
        #expect(!menu.contains("Kế hoạch chờ duyệt"), "the menu offers only what the person may open")
        try session.press("Escape")
        try switchUser(session, "chutich")
        try session.press("C-w")
        let inbox = try session.waitFor("Không có kế hoạch nào chờ duyệt.")
        #expect(!inbox.contains("Kim Sơn") && !inbox.contains("6Duyệt"))
        try session.press("F10", "F10")
        try session.confirmQuit()
        #expect(try session.exitStatus() == 0)
    }

    /// After approval the director records what was done; progress and the report follow, and survive a restart.
    @Test func recordWhatWasDoneThenTheReportAndTheListAgree() throws {
        let sandbox = Sandbox()
        let data = sandbox.path("demo.sqlite")
        #expect(try runProgram(["demo", "create", data], in: sandbox).status == 0)
        try demoAccountsWholeOffice(data)  // the demo's director works for Nghĩa Sơn only; Hoa Lư's plan is approved
        let session = try TmuxSession(["--data", data], sandbox: sandbox)
        try session.signIn("giamdoc")
        try session.press("C-p")  // the roster opens on Hoa Lư, whose 2026 plan is approved with 2 of 4 done
        try session.waitFor("Kế hoạch hoạt động TT14329")
        try session.press("Enter")
        try session.waitFor("đã thực hiện 2/4 hoạt động")
        try session.press("Down", "Down", "F4")
        try session.waitFor("Kết quả: Câu lạc bộ đọc sách")
        try session.press("Space")
        try session.type("đã làm")
        try session.press("Enter", "Tab")
        try session.type("12/06/2026")
        try session.press("Tab", "C-u")
        try session.type("35")
        try session.press("Tab", "C-u")
        try session.type("20")
        try session.press("F2")
        try session.waitFor("Đã ghi kết quả.")
        try session.waitFor("đã thực hiện 3/4 hoạt động")
        try session.press("F9")
        let report = try session.waitFor("Văn hóa đọc")
        #expect(report.contains("hoạt động 1/1 · người học 35/"), "planned against done, learners included")
        try session.press("Escape", "F10", "F10", "F10")
        try session.confirmQuit()
        #expect(try session.exitStatus() == 0)

        let list = try runProgram(["plan", "list", "--centre", "TT14329", "--json", "--data", data], in: sandbox)
        let plans = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        #expect(plans.first?["done"] as? Int == 3)
        #expect(plans.first?["status"] as? String == "approved", "recording outcomes leaves the plan approved")
    }

    @Test func badPlanInputIsRefusedAndChangesNothing() throws {
        let sandbox = Sandbox()
        let data = sandbox.path("demo.sqlite")
        #expect(try runProgram(["demo", "create", data], in: sandbox).status == 0)
        let session = try TmuxSession(["--data", data], sandbox: sandbox)
        // A director tries to approve their own returned plan: there is no such key, and the step is refused.
        try session.signIn("giamdoc")
        try session.press("C-w")
        try session.waitFor("không có quyền mở màn hình này")
        try openPlansOfNghiaSon(session)
        try session.press("F2", "F2")
        try session.waitFor("Kế hoạch #3 · Dự thảo")
        try session.press("F3")
        try session.waitFor("Thêm hoạt động")
        try session.type("Lớp tin học")
        for _ in 0..<7 { try session.press("Tab") }
        try session.type("15/01/2027")
        try session.press("F2")
        try session.waitFor("không thuộc năm 2026 của kế hoạch")
        try session.press("C-u")
        for _ in 0..<4 { try session.press("Tab") }
        try session.press("C-u")
        try session.type("-200000")
        try session.press("F2")
        try session.waitFor("kinh phí không được âm")
        try session.press("Escape")  // what was typed would be lost: the form asks first
        try session.waitFor("Các thay đổi chưa được lưu. Đóng và bỏ chúng?")
        try session.type("c")
        try session.waitFor("Chưa có hoạt động.")
        try session.press("F10", "F10", "F10")
        try session.confirmQuit()
        #expect(try session.exitStatus() == 0)
        let list = try runProgram(["plan", "list", "--centre", "TT13918", "--json", "--data", data], in: sandbox)
        let plans = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        #expect(plans.first?["activities"] as? Int == 0, "nothing saved")
    }
}
