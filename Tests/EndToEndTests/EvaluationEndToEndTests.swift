import Foundation
import Testing

/// The evaluation from the real program: the director self-assesses and submits, the provincial officer adjusts
/// one item with a comment and confirms, the roster shows the rank, and `evaluation show --json` agrees. Then
/// `targets --json` on the demo against counts made by hand.
@Suite(.serialized, .enabled(if: Program.tmuxAvailable, "tmux is not installed"))
struct EvaluationEndToEndTests {
    let year = Calendar(identifier: .gregorian).component(.year, from: Date())

    /// Finds Kim Sơn in the roster and opens its evaluation from the go-to list.
    func openKimSonEvaluation(_ session: TmuxSession) throws {
        try session.press("F3")
        try session.type("kim son")
        try session.waitFor("1/14 trung tâm")
        try session.press("Enter", "C-o")
        try session.type("xep loai trung tam")
        try session.press("Enter")
        try session.waitFor("Đánh giá, xếp loại năm \(year)")
    }

    @Test func directorSelfAssessesOfficerAdjustsAndConfirmsAndTheRosterShowsTheRank() throws {
        let sandbox = Sandbox()
        let data = sandbox.path("demo.sqlite")
        #expect(try runProgram(["demo", "create", data], in: sandbox).status == 0)
        try demoAccountsWholeOffice(data)  // the demo's director works for Nghĩa Sơn only; this is Kim Sơn's year
        let session = try TmuxSession(["--data", data], sandbox: sandbox)
        try session.signIn("giamdoc")
        try openKimSonEvaluation(session)
        try session.waitFor("Chưa tự đánh giá năm này")
        try session.press("F2")
        try session.waitFor("Đã lưu tự đánh giá.")
        // The two items people judge: cooperation (8th) and recognition (10th).
        for _ in 0..<7 { try session.press("Down") }
        try session.press("F4")
        try session.waitFor("Tự đánh giá tiêu chí")
        try session.type("6")
        try session.press("F2")
        try session.waitFor("Đã lưu: Phối hợp")
        try session.press("Down", "Down", "F4")
        try session.waitFor("Tự đánh giá tiêu chí")
        try session.type("7")
        try session.press("F2")
        try session.waitFor("Đã lưu: Hoạt động đáp ứng")
        try session.press("F7")
        try session.waitFor("Gửi tự đánh giá với tổng điểm 20/100")
        try session.type("c")
        try session.waitFor("Đã gửi tự đánh giá để thẩm định.")

        try session.press("C-x")
        try session.signIn("chuyenvien")
        try openKimSonEvaluation(session)
        try session.waitFor("Chờ thẩm định")
        for _ in 0..<9 { try session.press("Down") }
        try session.press("F4")
        try session.waitFor("Thẩm định tiêu chí")
        try session.press("C-u")
        try session.type("4")
        try session.press("Tab")
        try session.type("Chưa có báo cáo tổng kết năm")
        try session.press("F2")
        try session.waitFor("Đã lưu: Hoạt động đáp ứng")
        try session.press("F6")
        try session.waitFor("Đã đồng ý với điểm tự đánh giá")
        try session.press("F8")
        try session.waitFor("Xác nhận tổng điểm 17/100, xếp loại «Chưa đạt»")
        try session.type("c")
        try session.waitFor("Đã xác nhận xếp loại: Chưa đạt.")
        try session.press("F10")
        let roster = try session.waitFor("Hồ sơ trung tâm")
        let row = try #require(roster.split(separator: "\n").first { $0.hasPrefix("TT14638") })
        #expect(row.contains(" CĐ "), "the roster's rank column: \(row)")
        try session.press("C-c")
        try session.confirmQuit()
        #expect(try session.exitStatus() == 0)

        let shown = try runProgram(["evaluation", "show", "TT14638", "--year", String(year), "--json", "--data", data],
                                   in: sandbox)
        #expect(shown.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any])
        #expect(json["status"] as? String == "confirmed")
        #expect(json["rank"] as? String == "notMet")
        #expect(json["selfTotal"] as? Int == 20 && json["total"] as? Int == 17)
        let items = try #require(json["items"] as? [[String: Any]])
        let impact = try #require(items.first { $0["id"] as? String == "impact" })
        #expect(impact["selfScore"] as? Int == 7 && impact["officerScore"] as? Int == 4)
        #expect(impact["officerComment"] as? String == "Chưa có báo cáo tổng kết năm" && impact["adjusted"] as? Bool == true)
        let history = try #require(json["history"] as? [[String: Any]])
        #expect(history.map { $0["action"] as? String } == ["saveSelf", "submit", "confirm"])
        #expect(history.map { $0["by"] as? String } == ["giamdoc", "giamdoc", "chuyenvien"])
        let listed = try runProgram(["evaluation", "list", "--year", String(year), "--json", "--data", data], in: sandbox)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count == 12, "every working or suspended centre, evaluated or not")
        #expect(rows.first { $0["centre"] as? String == "TT14638" }?["rank"] as? String == "notMet")
        #expect(rows.first { $0["centre"] as? String == "TT13894" }?["status"] as? String == "notStarted")
    }

    /// The demo's 2026 figures counted by hand from scripts/make_demo.py: 11 working centres; Hoa Lư alone has
    /// an approved annual plan; equipped (bookcase, tables, computer): Nghĩa Sơn, Rạng Đông, Hải Hậu, Hoa Lư, Tam
    /// Điệp, Yên Mô, Giao Thuỷ; money received: Hoa Lư and Cúc Phương; a survey with forms: Nghĩa Sơn; confirmed:
    /// Hoa Lư (Khá) and Yên Mô (Chưa đạt).
    @Test func targetsOnTheDemoAgreeWithCountsMadeByHand() throws {
        let sandbox = Sandbox()
        let data = sandbox.path("demo.sqlite")
        #expect(try runProgram(["demo", "create", data], in: sandbox).status == 0)
        let result = try runProgram(["targets", "--year", "2026", "--json", "--data", data], in: sandbox)
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["centres"] as? Int == 11)
        let shares = try #require(json["shares"] as? [[String: Any]])
        var met: [String: Int] = [:]
        for share in shares { met[share["measure"] as? String ?? ""] = share["met"] as? Int }
        #expect(met == ["plan": 1, "equipped": 7, "funded": 2, "surveyed": 1, "evaluated": 2, "board": 2])
        let ranks = try #require(json["ranks"] as? [String: Any])
        #expect(ranks.count == 2 && ranks["fair"] as? Int == 1 && ranks["notMet"] as? Int == 1)
        #expect(json["unranked"] as? Int == 9)
        let communes = try #require(json["communes"] as? [[String: Any]])
        #expect(communes.count == 11)
    }
}
