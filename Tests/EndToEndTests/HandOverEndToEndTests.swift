import Foundation
import Testing

/// A commune the province keyed (the demo province keyed all its communes) gets its PC: the province hands it over
/// on the "Gửi dữ liệu" screen, the new commune office receives it on "Nhận dữ liệu", edits it and sends its own
/// bundle, which the province receives; then the hand-over is closed. The commands do the same for another commune.
@Suite(.serialized, .enabled(if: Program.tmuxAvailable, "tmux is not installed"))
struct HandOverEndToEndTests {
    func json(_ text: String) throws -> Any { try JSONSerialization.jsonObject(with: Data(text.utf8)) }

    @Test func theProvinceHandsACommuneOverThroughTheScreens() throws {
        let sandbox = Sandbox()
        let usb = sandbox.path("usb")
        try FileManager.default.createDirectory(atPath: usb, withIntermediateDirectories: true)
        let province = sandbox.path("tinh.sqlite")
        let commune = sandbox.path("xa13918.sqlite")
        #expect(try runProgram(["demo", "create", province], in: sandbox).status == 0)
        let made = try runProgram(["demo", "create", commune, "--commune", "13918", "--office-only"], in: sandbox)
        #expect(made.status == 0, "\(made.stderr)")

        // The province: F5, the hand-over, the commune, the question, the bundle; the roster says it waits.
        let desk = try TmuxSession(["--data", province], sandbox: sandbox)
        try desk.signIn("canbo")
        try desk.press("C-o")
        try desk.type("gui du lieu")
        try desk.waitFor("Trao đổi dữ liệu › Gửi dữ liệu")
        try desk.press("Enter")
        try desk.waitFor("Gói tiếp theo: số 1")
        try desk.press("F2", "C-u")
        try desk.type(usb)
        try desk.press("Enter")
        try desk.waitFor("Thư mục: \(usb)")
        try desk.press("F5")
        try desk.waitFor("Gói dữ liệu của tỉnh")
        try desk.press("Down", "Enter")
        try desk.waitFor("Bàn giao cho xã")
        try desk.type("nghia son")
        try desk.waitFor("Xã Nghĩa Sơn (mã 13918) · 1 trung tâm")
        try desk.press("Enter")
        try desk.waitFor("Bàn giao 1 trung tâm của Xã Nghĩa Sơn cho văn phòng xã?")
        try desk.type("c")
        try desk.waitFor("Đã ghi gói bàn giao P37-000001-X13918.tthtcd cho Xã Nghĩa Sơn.")
        try desk.waitFor("Đã bàn giao, chờ gói của xã: Xã Nghĩa Sơn")
        try desk.press("F10")
        let roster = try desk.waitFor("Hồ sơ trung tâm")
        let row = roster.split(separator: "\n").first { $0.hasPrefix("TT13918") } ?? ""
        #expect(row.contains("chờ"), "\(roster)")
        try desk.press("F10")
        try desk.confirmQuit()
        #expect(try desk.exitStatus() == 0)

        // The commune's new office receives it: the report says the centres are its own now; it edits and sends.
        let office = try TmuxSession(["--data", commune], sandbox: sandbox)
        try office.signIn("canbo")
        try office.press("C-o")
        try office.type("nhan du lieu")
        try office.waitFor("Trao đổi dữ liệu › Nhận dữ liệu")
        try office.press("Enter")
        try office.waitFor("Nhận dữ liệu")
        try office.press("F2", "C-u")
        try office.type(usb)
        try office.press("Enter")
        try office.waitFor("1 gói trong thư mục")
        try office.press("F5")
        try office.waitFor("Nhận 1 gói?")
        try office.type("c")
        let report = try office.waitFor("Báo cáo nhận dữ liệu")
        #expect(report.contains("Gói bàn giao của tỉnh: các trung tâm trong gói nay là của văn phòng này"), "\(report)")
        #expect(report.contains("Mới ("))
        try office.press("Escape", "F10")
        try office.waitFor("TT13918")
        try office.press("Enter")
        try office.waitFor("Địa chỉ")
        try office.press("Tab", "Tab", "End")
        try office.type(", thôn Đông")
        try office.press("F2")
        try office.waitFor("Đã lưu TT13918")
        try office.press("C-o")
        try office.type("gui du lieu")
        try office.press("Enter")
        try office.waitFor("Gói tiếp theo: số 1")
        try office.press("F2", "C-u")
        try office.type(usb)
        try office.press("Enter", "F5")
        try office.waitFor("Đã ghi gói X13918-000001.tthtcd.")
        try office.press("F10")
        try office.waitFor("Hồ sơ trung tâm")
        try office.press("F10")
        try office.confirmQuit()
        #expect(try office.exitStatus() == 0)

        // The province receives the commune's first bundle in place of the centre it handed over.
        let received = try runProgram(["exchange", "import", "\(usb)/X13918-000001.tthtcd", "--json", "--data", province],
                                      in: sandbox)
        #expect(received.status == 0, "\(received.stdout) \(received.stderr)")
        let centres = try #require(try json(try runProgram(["centres", "list", "--json", "--data", province], in: sandbox).stdout)
            as? [[String: Any]])
        #expect(centres.count == 14)
        #expect(centres.first { $0["code"] as? String == "TT13918" }.flatMap { $0["address"] as? String }?.hasSuffix(", thôn Đông") == true)
        // Closed now, in words; another commune goes by the command and comes back.
        let again = try runProgram(["exchange", "handover", "--commune", "13918", "--to", usb, "--data", province], in: sandbox)
        #expect(again.status == 1 && again.stderr.contains("Đã nhận gói dữ liệu của Xã Nghĩa Sơn"), "\(again.stderr)")
        let hoaLu = try runProgram(["exchange", "handover", "--commune", "14329", "--to", usb, "--data", province], in: sandbox)
        #expect(hoaLu.status == 0 && hoaLu.stdout == "\(usb)/P37-000002-X14329.tthtcd\n", "\(hoaLu.stderr)")
        let back = try runProgram(["exchange", "handover", "--commune", "14329", "--undo", "--data", province], in: sandbox)
        #expect(back.status == 0 && back.stdout.contains("Đã lấy lại 1 trung tâm của Phường Hoa Lư"), "\(back.stderr)")
        #expect(try runProgram(["exchange", "handover", "--commune", "14329", "--undo", "--to", usb, "--data", province],
                               in: sandbox).status == 2)
        let help = try runProgram(["exchange", "handover", "--help"], in: sandbox)
        #expect(help.stdout.contains("Bàn giao các trung tâm của một xã") && help.stdout.contains("--undo"))
    }

    /// `audit verify` after a hand-over and the bundles after it: clean at both offices (received records are
    /// vouched for by their receipt), and a received centre renamed with the sqlite3 tool is reported in words.
    @Test func auditVerifyIsCleanAfterAHandOverAndFindsARawChange() throws {
        let sandbox = Sandbox()
        let usb = sandbox.path("usb")
        try FileManager.default.createDirectory(atPath: usb, withIntermediateDirectories: true)
        let province = sandbox.path("tinh.sqlite")
        let commune = sandbox.path("xa13918.sqlite")
        #expect(try runProgram(["demo", "create", province], in: sandbox).status == 0)
        #expect(try runProgram(["demo", "create", commune, "--commune", "13918", "--office-only"], in: sandbox).status == 0)
        let handOver = try runProgram(["exchange", "handover", "--commune", "13918", "--to", usb, "--data", province], in: sandbox)
        #expect(handOver.status == 0, "\(handOver.stderr)")
        let bundle = handOver.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try runProgram(["exchange", "import", bundle, "--data", commune], in: sandbox).status == 0)
        let atCommune = try runProgram(["audit", "verify", "--data", commune], in: sandbox)
        #expect(atCommune.status == 0, "\(atCommune.stdout)")
        #expect(try runProgram(["exchange", "export", "--to", usb, "--data", commune], in: sandbox).status == 0)
        #expect(try runProgram(["exchange", "import", "\(usb)/X13918-000001.tthtcd", "--data", province], in: sandbox).status == 0)
        let atProvince = try runProgram(["audit", "verify", "--data", province], in: sandbox)
        #expect(atProvince.status == 0, "\(atProvince.stdout)")

        let tamper = "INSERT INTO exchangeGate (open) VALUES (1); UPDATE centre SET name = 'Trung tâm giả' WHERE code = 'TT13918'; DELETE FROM exchangeGate;"
        let tampered = try spawn("/usr/bin/sqlite3", [province, tamper])
        #expect(tampered.status == 0 && tampered.stderr.isEmpty, "\(tampered.stderr)")
        let found = try runProgram(["audit", "verify", "--data", province], in: sandbox)
        #expect(found.status == 1)
        #expect(found.stdout.contains("đã bị thay đổi ngoài chương trình: không còn khớp với lần nhận gói gần nhất (mục "),
                "\(found.stdout)")
    }
}

