import Foundation
import Testing

/// The survey from the real program: keyed entry, the analysis, and imports that must be all or nothing.
@Suite(.serialized, .enabled(if: Program.tmuxAvailable, "tmux is not installed"))
struct SurveyEndToEndTests {
    /// Types answers, each followed by Enter.
    func key(_ session: TmuxSession, _ answers: [String]) throws {
        for answer in answers {
            // Typed over what the field holds (the proposed form number), as a clerk would with Ctrl-U.
            if !answer.isEmpty { try session.press("C-u") }
            if !answer.isEmpty { try session.type(answer) }
            try session.press("Enter")
        }
    }

    @Test func keyThreeFormsThenTheAnalysisAndTheCommandLineAgree() throws {
        let sandbox = Sandbox()
        let data = sandbox.path("demo.sqlite")
        #expect(try runProgram(["demo", "create", data], in: sandbox).status == 0)
        var session = try TmuxSession(["--data", data], sandbox: sandbox)
        try session.signIn("canbo")
        try session.press("F3")
        try session.type("nghia lam")
        try session.waitFor("1/14 trung tâm")
        try session.press("Enter", "C-e")
        try session.waitFor("Khảo sát nhu cầu học tập TT13957")
        try session.press("F2")
        try session.waitFor("Tạo đợt khảo sát")
        for _ in 0..<5 { try session.press("Tab") }
        try session.type("60")
        try session.press("F2")
        try session.waitFor("Đã lưu đợt khảo sát.")
        try session.press("F5")
        try session.waitFor("Phiếu 1/60")
        // Form 1, all keyed.
        try key(session, ["NL-001", "Vương Văn Hòa", "2", "1", "1968", "1", "3", "1", "1", "1", "1 2 4", "3", "3", "1"])
        try session.press("F2")
        try session.waitFor("Đã lưu phiếu NL-001 (1/60)")
        // Form 2: its number proposed (NL-002, Enter keeps it); village and most answers copied from form 1 (F5).
        try session.waitFor("NL-002")
        try session.press("Enter")
        try key(session, ["Vương Thị Lụa"])
        try session.press("F5")
        try key(session, ["2", "1972"])
        for _ in 0..<5 { try session.press("F5") }  // ethnicity to disability
        try key(session, ["1 4"])
        for _ in 0..<3 { try session.press("F5") }
        try session.press("F2")
        try session.waitFor("Đã lưu phiếu NL-002 (2/60)")
        // Form 3: over 90, a warning kept with a reason.
        try key(session, ["NL-003", "Cụ Vương Văn Thọ", "5", "1", "1931", "1", "2", "8", "1", "1", "1 16", "2", "1", "4"])
        try session.press("F2")
        try session.waitFor("trên 90 tuổi")
        try session.type("Cụ 95 tuổi, đã xem giấy tờ")
        try session.press("Enter")
        try session.waitFor("Đã lưu phiếu NL-003 (3/60)")
        try session.press("F10")
        try session.waitFor("Nhập phiếu")
        try session.press("F7")
        let analysis = try session.waitFor("3 người trả lời / dự kiến 60")
        #expect(analysis.contains("Trồng trọt"))
        #expect(analysis.contains("3 (100%)"), "all three want crop growing")
        try session.press("F10", "F10", "F10")
        try session.confirmQuit()
        #expect(try session.exitStatus() == 0)

        session = try TmuxSession(["--data", data], sandbox: sandbox)
        try session.signIn("xem")
        try session.press("F3")
        try session.type("nghia lam")
        try session.press("Enter", "C-e")
        try session.waitFor("3/60")
        try session.press("F10", "F10")
        try session.confirmQuit()
        #expect(try session.exitStatus() == 0)

        let needs = try runProgram(["survey", "needs", "--centre", "TT13957", "--year", "2026", "--json", "--data", data],
                                   in: sandbox)
        #expect(needs.status == 0)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(needs.stdout.utf8)) as? [String: Any])
        #expect(document["respondents"] as? Int == 3)
        #expect(document["target"] as? Int == 60)
        let topics = try #require(document["topics"] as? [[String: Any]])
        #expect(topics.first?["label"] as? String == "Trồng trọt")
        #expect(topics.first?["count"] as? Int == 3)
        #expect(topics.first { $0["code"] as? Int == 4 }?["count"] as? Int == 2)
        let campaigns = try runProgram(["survey", "campaigns", "--centre", "TT13957", "--json", "--data", data], in: sandbox)
        #expect(campaigns.stdout.contains("\"responses\" : 3"))

        // Without --centre the analysis covers the province, and the help says so.
        let help = try runProgram(["survey", "needs", "--help"], in: sandbox).stdout
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(help.contains("mọi trung tâm của tỉnh, trong một năm") && help.contains("bỏ trống: mọi trung tâm"), "\(help)")
        let wide = try runProgram(["survey", "needs", "--year", "2026", "--json", "--data", data], in: sandbox)
        #expect(wide.status == 0, "\(wide.stderr)")
        let whole = try #require(try JSONSerialization.jsonObject(with: Data(wide.stdout.utf8)) as? [String: Any])
        #expect((whole["respondents"] as? Int ?? 0) > 3, "the province holds more forms than one centre")
    }

    /// A file of `rows` valid forms (semicolon-separated, as a Vietnamese Excel saves it).
    func csv(rows: Int, extraHeader: String? = nil, badCodeAtRow: Int? = nil) -> String {
        var lines = ["Số phiếu;Thôn/tổ dân phố;Giới tính;Năm sinh;Dân tộc;Trình độ học vấn;Nghề nghiệp chính;"
                     + "Hộ nghèo, cận nghèo;Khuyết tật;Nội dung muốn học;Hình thức học;Thời gian trong ngày;"
                     + "Thời điểm trong năm" + (extraHeader.map { ";" + $0 } ?? "")]
        for i in 1...rows {
            let sex = (i + 1) == badCodeAtRow ? "9" : (i % 2 == 0 ? "Nữ" : "Nam")
            lines.append("CSV-\(i);Xóm \(i % 7 + 1);\(sex);\(1960 + i % 40);Kinh;3;Nông nghiệp;1;1;Trồng trọt;1;3;1"
                         + (extraHeader == nil ? "" : ";ghi chú"))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    @Test func badFilesImportNothingAndSayWhy() throws {
        let sandbox = Sandbox()
        let data = sandbox.path("demo.sqlite")
        #expect(try runProgram(["demo", "create", data], in: sandbox).status == 0)
        let campaigns = try runProgram(["survey", "campaigns", "--centre", "TT13918", "--json", "--data", data], in: sandbox)
        #expect(campaigns.stdout.contains("\"id\" : 1"))
        func importFile(_ name: String, _ bytes: Data) throws -> (RunResult, String) {
            let path = sandbox.path(name)
            try bytes.write(to: URL(fileURLWithPath: path))
            let before = try Data(contentsOf: URL(fileURLWithPath: data))
            let result = try spawnWithInput(["survey", "import", path, "--campaign", "1", "--user", "canbo", "--data", data],
                                            input: "demo2026\n", sandbox: sandbox)
            #expect(try Data(contentsOf: URL(fileURLWithPath: data)) == before, "\(name): the data file is unchanged")
            return (result, path)
        }

        let (wrongCode, wrongPath) = try importFile("ma-sai.csv", Data(csv(rows: 600, badCodeAtRow: 500).utf8))
        #expect(wrongCode.status == 1)
        let report = try String(contentsOfFile: wrongPath.replacingOccurrences(of: ".csv", with: "-loi-nhap.csv"),
                                encoding: .utf8)
        #expect(report.contains("500;Giới tính;9;Không có mã 9."), "\(report)")

        var truncated = csv(rows: 50)
        truncated.removeLast(30)
        let (cut, _) = try importFile("bi-cat.csv", Data(truncated.utf8))
        #expect(cut.status == 1)
        #expect(cut.stdout.contains("tệp bị cắt?"))

        let (unknown, _) = try importFile("cot-la.csv", Data(csv(rows: 5, extraHeader: "Cột lạ").utf8))
        #expect(unknown.status == 1)
        #expect(unknown.stdout.contains("Cột lạ"))

        let windows1258 = Data([0x53, 0xF4, 0x20, 0x70, 0x68, 0x69, 0xEA, 0xFA, 0x0D, 0x0A, 0x41, 0x0D, 0x0A])
        let (encoding, _) = try importFile("windows.csv", windows1258)
        #expect(encoding.status == 2)
        #expect(encoding.stderr.contains("CSV UTF-8"))

        let counts = try runProgram(["survey", "campaigns", "--json", "--data", data], in: sandbox)
        #expect(counts.stdout.contains("\"responses\" : 300"), "nothing was imported")

        let (good, _) = try importFile2("tot.csv", csv(rows: 600), sandbox: sandbox, data: data)
        #expect(good.status == 0)
        #expect(good.stdout.contains("Đã nhập 600 phiếu."))
    }

    /// Imports a file expecting it to change the data file.
    func importFile2(_ name: String, _ text: String, sandbox: Sandbox, data: String) throws -> (RunResult, String) {
        let path = sandbox.path(name)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let result = try spawnWithInput(["survey", "import", path, "--campaign", "1", "--user", "canbo", "--data", data],
                                        input: "demo2026\n", sandbox: sandbox)
        return (result, path)
    }
}
