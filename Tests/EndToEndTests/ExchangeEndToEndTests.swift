import Foundation
import Testing

/// Three communes send their data to the province on a "USB stick" (a folder): through the screens and the commands
/// of the real program, with an edit between two bundles, a repeated bundle and a tampered one.
@Suite(.serialized, .enabled(if: Program.tmuxAvailable, "tmux is not installed"))
struct ExchangeEndToEndTests {
    /// Everything the file holds, as the sqlite3 tool dumps it. (Not its bytes: every session that opens a file
    /// for writing moves the schema counter in its header when GRDB makes the WAL file, whatever it does; the
    /// storage tests check the bytes of a refusal within one session.)
    func content(_ path: String) throws -> String {
        try spawn("/usr/bin/sqlite3", [path, ".dump"]).stdout
    }

    func json(_ text: String) throws -> Any { try JSONSerialization.jsonObject(with: Data(text.utf8)) }

    @Test func threeCommunesSendTheirDataToTheProvince() throws {
        let sandbox = Sandbox()
        let usb = sandbox.path("usb")
        try FileManager.default.createDirectory(atPath: usb, withIntermediateDirectories: true)
        let province = sandbox.path("tinh.sqlite")
        #expect(try runProgram(["demo", "create", province, "--office-only"], in: sandbox).status == 0)
        for code in ["13918", "14329", "14638"] {
            #expect(try runProgram(["demo", "create", sandbox.path("xa\(code).sqlite"), "--commune", code], in: sandbox).status == 0)
        }

        // Nghĩa Sơn sends from the screen, edits its centre, and sends again.
        let session = try TmuxSession(["--data", sandbox.path("xa13918.sqlite")], sandbox: sandbox)
        try session.signIn("canbo")
        try session.press("C-o")
        try session.type("gui du lieu")
        try session.waitFor("Trao đổi dữ liệu › Gửi dữ liệu")
        try session.press("Enter")
        try session.waitFor("Gói tiếp theo: số 1")
        try session.press("F2")
        try session.waitFor("Thư mục:")
        try session.press("C-u")
        try session.type(usb)
        try session.press("Enter")
        try session.waitFor("Thư mục: \(usb)")
        try session.press("F5")
        try session.waitFor("Đã ghi gói X13918-000001.tthtcd.")
        try session.press("F10")
        try session.waitFor("Hồ sơ trung tâm")
        try session.press("Enter")
        try session.waitFor("Địa chỉ")
        try session.press("Tab", "Tab", "End")
        try session.type(", thôn Đông")
        try session.press("F2")
        try session.waitFor("Đã lưu TT13918")
        try session.press("C-o")
        try session.type("gui du lieu")
        try session.press("Enter")
        try session.waitFor("Gói tiếp theo: số 2")
        try session.press("F2", "C-u")
        try session.type(usb)
        try session.press("Enter", "F5")
        try session.waitFor("Đã ghi gói X13918-000002.tthtcd.")
        try session.press("F10")
        try session.waitFor("Hồ sơ trung tâm")
        try session.press("F10")
        try session.confirmQuit()
        #expect(try session.exitStatus() == 0)

        // The other two communes send with the command.
        for code in ["14329", "14638"] {
            let sent = try runProgram(["exchange", "export", "--to", usb, "--data", sandbox.path("xa\(code).sqlite")], in: sandbox)
            #expect(sent.status == 0)
            #expect(sent.stdout == "\(usb)/X\(code)-000001.tthtcd\n")
        }

        // The province receives the three first bundles with the command.
        let first = try runProgram(["exchange", "import", "\(usb)/X13918-000001.tthtcd", "\(usb)/X14329-000001.tthtcd",
                                    "\(usb)/X14638-000001.tthtcd", "--json", "--data", province], in: sandbox)
        #expect(first.status == 0, "\(first.stderr)")
        let results = try #require(try json(first.stdout) as? [[String: Any]])
        #expect(results.count == 3 && results.allSatisfy { $0["received"] as? Bool == true })
        #expect((results[0]["counts"] as? [String: Int])?["surveyResponse"] == 420)

        // A tampered bundle is refused and the province file stays byte for byte as it was.
        var tampered = try Data(contentsOf: URL(fileURLWithPath: "\(usb)/X13918-000002.tthtcd"))
        tampered[tampered.count / 3] ^= 0x04
        let forged = sandbox.path("X13918-000002-sua.tthtcd")
        try tampered.write(to: URL(fileURLWithPath: forged))
        let before = try content(province)
        let refused = try runProgram(["exchange", "import", forged, "--data", province], in: sandbox)
        #expect(refused.status == 1)
        #expect(refused.stdout.contains("bị từ chối"))
        #expect(try content(province) == before)
        #expect(try runProgram(["exchange", "import", sandbox.path("khong-co.tthtcd"), "--data", province], in: sandbox).status == 2)

        // The province officer receives the second bundle on the screen: the report names the changed centre; the
        // first bundle, offered again, is refused.
        let desk = try TmuxSession(["--data", province], sandbox: sandbox)
        try desk.signIn("chuyenvien", expect: "TTHTCĐ")
        try desk.press("C-o")
        try desk.type("nhan du lieu")
        try desk.waitFor("Trao đổi dữ liệu › Nhận dữ liệu")
        try desk.press("Enter")
        try desk.waitFor("Nhận dữ liệu")
        try desk.press("F2", "C-u")
        try desk.type(usb)
        try desk.press("Enter")
        try desk.waitFor("4 gói trong thư mục")
        try desk.press("Down")  // X13918-000002
        try desk.press("F5")
        try desk.waitFor("Nhận 1 gói?")
        try desk.type("c")
        let report = try desk.waitFor("Báo cáo nhận dữ liệu")
        #expect(report.contains("Thay đổi (1):"))
        #expect(report.contains("trung tâm: TT13918 Trung tâm học tập cộng đồng xã Nghĩa Sơn"))
        try desk.press("Escape")
        // The first bundle, received by the command: said received already, not asked again.
        let listed = try desk.waitFor("Gói này đã được nhận rồi")
        #expect(listed.contains("Đã nhận") && !listed.contains("Bị từ chối"), "the bundle just received is no refusal")
        try desk.press("Home", "F5")
        let again = try desk.waitFor("không cần nhận lại")
        #expect(!again.contains("Nhận 1 gói?"))
        try desk.press("F10")
        try desk.press("C-o")
        try desk.type("tong hop")
        try desk.press("Enter")
        let rollUp = try desk.waitFor("Các văn phòng đã gửi dữ liệu")
        for name in ["Xã Nghĩa Sơn", "Phường Hoa Lư", "Xã Kim Sơn"] { #expect(rollUp.contains(name)) }
        try desk.press("F10")
        try desk.waitFor("Hồ sơ trung tâm")
        try desk.press("F10")
        try desk.confirmQuit()
        #expect(try desk.exitStatus() == 0)

        // What the province holds: the three communes, the second bundle of Nghĩa Sơn, its centres read as received.
        let status = try runProgram(["exchange", "status", "--json", "--data", province], in: sandbox)
        let peers = try #require(try json(status.stdout) as? [[String: Any]])
        #expect(peers.compactMap { $0["office"] as? String }.sorted() == ["X13918", "X14329", "X14638"])
        #expect(peers.first { $0["office"] as? String == "X13918" }?["sequence"] as? Int == 2)
        let centres = try runProgram(["centres", "list", "--json", "--data", province], in: sandbox)
        let list = try #require(try json(centres.stdout) as? [[String: Any]])
        #expect(list.count == 3)
        #expect(list.contains { ($0["address"] as? String)?.hasSuffix(", thôn Đông") == true })
    }
}
