import Foundation
import Testing

/// The board from the real program: the "done when" path, and the checks from the command line.
@Suite(.serialized, .enabled(if: Program.tmuxAvailable, "tmux is not installed"))
struct BoardEndToEndTests {
    /// The outcome of one rule for one centre, as `tthtcd board check --json` reports it.
    func outcome(_ rule: String, centre: String, data: String, in sandbox: Sandbox) throws -> (String?, Int32) {
        let result = try runProgram(["board", "check", "--centre", centre, "--data", data, "--json"], in: sandbox)
        let document = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let centres = document?["centres"] as? [[String: Any]]
        let rules = centres?.first?["rules"] as? [[String: Any]]
        return (rules?.first { $0["id"] as? String == rule }?["outcome"] as? String, result.status)
    }

    @Test func addTheMissingStudyPromotionDeputyAndTheCheckAgrees() throws {
        let sandbox = Sandbox()
        let data = sandbox.path("demo.sqlite")
        #expect(try runProgram(["demo", "create", data], in: sandbox).status == 0)
        let before = try outcome("deputy-study-promotion", centre: "TT13957", data: data, in: sandbox)
        #expect(before.0 == "fail")
        #expect(before.1 == 1, "a centre with an error: exit code 1")

        let session = try TmuxSession(["--data", data], sandbox: sandbox)
        try session.signIn("canbo")
        try session.press("F3")
        try session.type("nghia lam")
        try session.waitFor("1/14 trung tâm")
        try session.press("Enter", "F7")
        try session.waitFor("Ban giám đốc TT13957")
        try session.press("Tab", "Down", "Down")
        let failing = try session.waitFor("Không có Phó Giám đốc nào từ Hội Khuyến học.")
        #expect(failing.contains("✗ Có PGĐ từ Hội Khuyến học"))

        try session.press("F2")
        try session.waitFor("Thêm người · TT13957")
        try session.type("Lê Thị Hồng")
        try session.press("Tab")
        try session.type("nu")
        try session.press("Enter", "Tab")
        try session.type("1968")
        try session.press("Tab", "Tab")  // phone, then the role
        try session.type("pho giam")
        try session.waitFor("Phó Giám đốc")
        try session.press("Enter", "Tab")
        try session.type("khuyen hoc")
        try session.press("Enter", "Tab")
        try session.type("chu tich hoi")
        try session.press("Enter", "Tab")
        try session.type("Chủ tịch Hội Khuyến học xã Nghĩa Lâm")
        try session.press("Tab", "Tab")  // employment, then duties
        try session.type("Vận động người học; khảo sát nhu cầu")
        try session.press("Tab")
        try session.type("130/QĐ-UBND")
        try session.press("Tab")
        try session.type("15/11/2026")
        try session.press("F2")
        try session.waitFor("Đã lưu Lê Thị Hồng.")
        // Back on the board, the checklist still has the same rule selected.
        let passing = try session.waitFor("Đạt.")
        #expect(passing.contains("✓ Có PGĐ từ Hội Khuyến học"))
        try session.press("F10", "F10")
        try session.confirmQuit()
        #expect(try session.exitStatus() == 0)

        let after = try outcome("deputy-study-promotion", centre: "TT13957", data: data, in: sandbox)
        #expect(after.0 == "pass")
        #expect(after.1 == 0, "no errors left at Nghĩa Lâm (the missing training is a warning)")
    }

    @Test func theCommandLineChecksOneOrEveryCentreAsOfADate() throws {
        let sandbox = Sandbox()
        let data = sandbox.path("demo.sqlite")
        #expect(try runProgram(["demo", "create", data], in: sandbox).status == 0)
        let good = try runProgram(["board", "check", "--centre", "TT13918", "--as-of", "2026-11-21", "--data", data],
                                  in: sandbox)
        #expect(good.status == 0)
        #expect(good.stdout.contains("TT13918 Trung tâm học tập cộng đồng xã Nghĩa Sơn: 0 lỗi, 0 cảnh báo"))
        let all = try runProgram(["board", "check", "--as-of", "2026-11-21", "--data", data, "--json"], in: sandbox)
        #expect(all.status == 1)
        let document = try JSONSerialization.jsonObject(with: Data(all.stdout.utf8)) as? [String: Any]
        #expect(document?["asOf"] as? String == "2026-11-21")
        #expect((document?["centres"] as? [Any])?.count == 12, "active and suspended centres")
        // Before 1 July 2025 the rule on commune decisions was not in force.
        let past = try runProgram(["board", "check", "--centre", "TT14215", "--as-of", "2025-06-30", "--data", data,
                                   "--json"], in: sandbox)
        #expect(!past.stdout.contains("decisions-by-commune"))
        let english = try runProgram(["board", "check", "--centre", "TT13957", "--data", data, "--lang", "en"],
                                     in: sandbox)
        #expect(english.stdout.contains("No deputy director from the Study Promotion Association."))
        for bad in [["--as-of", "2026-13-01"], ["--centre", "TT99999"]] {
            let result = try runProgram(["board", "check", "--data", data] + bad, in: sandbox)
            #expect(result.status == 2, "\(bad)")
            #expect(!result.stderr.isEmpty)
        }
    }
}
