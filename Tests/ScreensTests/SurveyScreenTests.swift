import Domain
import Foundation
import Storage
import Testing
import TerminalUI
@testable import Screens

@MainActor
@Suite struct SurveyScreenTests {
    func entry(_ h: Harness) throws -> SurveyEntryScreen { try #require(h.app.stack.last as? SurveyEntryScreen) }

    /// Opens the campaigns of Nghĩa Sơn (the demo centre with a survey).
    func openCampaigns(_ h: Harness) {
        h.press(.function(3))
        h.type("nghia son")
        h.press(.enter, .ctrl("e"))
    }

    /// Types one form: each answer then Enter.
    /// Types each answer over what the field holds (an empty answer keeps it: the proposed form number), then Enter.
    func key(_ h: Harness, _ answers: [String]) {
        for answer in answers {
            if !answer.isEmpty { h.press(.ctrl("u")) }
            h.type(answer)
            h.press(.enter)
        }
    }

    /// The form number is proposed (the one after the last saved): Enter keeps it.
    static let form1 = ["", "Phạm Văn Bình", "3", "1", "1970", "1", "3", "1", "1", "1", "1 5 8", "2", "3", "1"]

    @Test func entryAndAnalysisAt80x24() throws {
        let h = try Harness(.demo)
        openCampaigns(h)
        expectGolden("campaigns", h.screen)
        h.press(.function(5))
        key(h, Array(Self.form1.prefix(5)))
        expectGolden("survey_entry", h.screen)
        h.press(.escape, .char("c"), .function(7))
        expectGolden("needs", h.screen)
    }

    @Test func threeFormsWithDittoAndAnOverriddenWarning() throws {
        let h = try Harness(.demo)
        openCampaigns(h)
        h.press(.function(5))
        #expect(try entry(h).inputs["serial"]?.text == "NS-2026-301", "the number after the last form saved")
        key(h, Self.form1)
        h.press(.function(2))
        #expect(h.messageLine == "Đã lưu phiếu NS-2026-301 (301/320). Phiếu mới:")
        #expect(try entry(h).inputs["serial"]?.text == "NS-2026-302", "the form number counts up by itself")
        // Second form: village, sex and the rest copied from the first with the ditto key.
        key(h, ["", "Lê Thị Hoa"])
        h.press(.function(5))  // village 3
        key(h, ["2", "1985"])
        for _ in 0..<9 { h.press(.function(5)) }
        #expect(try entry(h).answers["topics"] == .codes([1, 5, 8]))
        #expect(try entry(h).answers["village"] == .text("Xóm 3"))
        h.press(.function(2))
        #expect(h.messageLine.hasPrefix("Đã lưu phiếu NS-2026-302"))
        // Third form: a respondent over 90 is a warning, kept with a reason.
        key(h, ["", "Đỗ Văn Cụ", "1", "1", "1930", "1", "2", "8", "1", "1", "6", "2", "1", "4"])
        h.press(.function(2))
        #expect(h.screen.contains("trên 90 tuổi"))
        h.press(.enter)
        #expect(h.screen.contains("Hãy ghi lý do."))
        h.type("Cụ sinh năm 1930, đã xem căn cước")
        h.press(.enter)
        let responses = try h.database.responses(campaignID: 1)
        #expect(responses.count == 303)
        let cu = try #require(responses.first { $0.serial == "NS-2026-303" })
        #expect(cu.overrides == [SurveyOverride(checkID: "age-over-90", reason: "Cụ sinh năm 1930, đã xem căn cước")])
    }

    @Test func errorsBlockAndTheCheckListJumpsToTheQuestion() throws {
        let h = try Harness(.demo)
        openCampaigns(h)
        h.press(.function(5))
        key(h, ["NS-2026-001"])
        #expect(h.messageLine == "Số phiếu: Số phiếu này đã có trong đợt khảo sát.")
        #expect(try entry(h).focusedQuestion.id == "serial", "Enter on an error stays on the field")
        key(h, ["NS-2026-999", "", "9"])
        #expect(h.messageLine == "Thôn/tổ dân phố: Không có thôn «9» trong danh sách.")
        #expect(try entry(h).focusedQuestion.id == "village")
        key(h, ["2", "3"])
        #expect(h.messageLine == "Giới tính: Không có mã 3.")
        #expect(try entry(h).focusedQuestion.id == "sex")
        h.press(.function(2))
        #expect(h.messageLine.hasPrefix("Giới tính: Không có mã 3."))
        h.press(.function(7))
        #expect(h.screen.contains("Các vấn đề của phiếu"))
        h.press(.down, .enter)
        #expect(try entry(h).focusedQuestion.id != "sex", "the list jumps to the question picked")
        h.press(.function(7), .enter)
        #expect(try entry(h).focusedQuestion.id == "sex")
        #expect(try h.database.responses(campaignID: 1).count == 300)
    }

    @Test func skipLogicPassesOverQuestionsThatDoNotApply() throws {
        let h = try Harness(.demo)
        openCampaigns(h)
        h.press(.function(5))
        key(h, ["X-1", "", "1", "1", "1970", "1", "3", "1"])
        #expect(try entry(h).focusedQuestion.id == "household", "occupationOther skipped")
        key(h, ["1", "2"])
        #expect(try entry(h).focusedQuestion.id == "disabilityKind", "asked after a yes")
    }

    @Test func formsAreFoundCorrectedAndDeleted() throws {
        let h = try Harness(.demo)
        openCampaigns(h)
        h.press(.function(6))
        h.type("NS-2026-005")
        let list = try #require(h.app.stack.last as? ResponseListScreen)
        #expect(list.shown.map(\.serial) == ["NS-2026-005"])
        h.press(.enter)
        #expect(try entry(h).editing?.serial == "NS-2026-005")
        h.press(.tab, .ctrl("u"))
        h.type("Tên Đã Sửa")
        h.press(.function(2))
        #expect(h.messageLine == "Đã lưu phiếu NS-2026-005.")
        #expect(try h.database.responses(campaignID: 1).first { $0.serial == "NS-2026-005" }?.respondentName == "Tên Đã Sửa")
        h.press(.function(8), .char("c"))
        #expect(try h.database.responses(campaignID: 1).count == 299)
    }

    @Test func theAnalysisFiltersAndExports() throws {
        let h = try Harness(.demo)
        openCampaigns(h)
        h.press(.function(7))
        let all = try #require(h.app.stack.last as? NeedsScreen)
        #expect(all.analysis.respondents == 300)
        h.press(.function(5))
        h.type("xom 1")
        h.press(.enter)
        let xom1 = try #require(h.app.stack.last as? NeedsScreen)
        #expect(xom1.analysis.topics.first?.code == 3)
        h.press(.function(6))
        #expect(try #require(h.app.stack.last as? NeedsScreen).filter.sex == 1)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // F4 (In / Xuất) offers the CSV files, the needs workbook and the forms workbook.
        h.press(.function(4))
        for item in ["Phiếu và phân tích nhu cầu (CSV)", "Phân tích nhu cầu học tập (Excel)",
                     "Phiếu khảo sát, mã và nội dung (Excel)"] {
            #expect(h.screen.contains(item), "offers «\(item)»")
        }
        h.press(.enter, .ctrl("u"))
        h.type(folder.path)
        h.press(.enter)
        let needsPath = folder.appendingPathComponent("TT13918-2026-nhu-cau.csv").path
        let formsPath = folder.appendingPathComponent("TT13918-2026-phieu.csv").path
        #expect(h.messageLine == "Đã ghi \(formsPath), \(needsPath).")
        let needs = try CSVFiles.read(path: needsPath)
        #expect(needs.headers == ["Nội dung", "Số người", "Tỷ lệ"])
        #expect(needs.rows.first?.first == "Nuôi trồng thủy sản")
        let forms = try CSVFiles.read(path: formsPath)
        #expect(forms.rows.count == 300, "every form, not only the filtered ones")
        // The needs as shown (filtered) as a workbook.
        h.press(.function(4), .down, .enter, .ctrl("u"))
        h.type(folder.path)
        h.press(.enter)
        let workbook = folder.appendingPathComponent("nhu-cau-hoc-tap-TT13918-2026.xlsx").path
        #expect(h.messageLine == "Đã ghi \(workbook).")
        #expect(FileManager.default.fileExists(atPath: workbook))
        // Vietnamese Excel's way by default: ";" between cells, a decimal comma in the share.
        #expect(needs.delimiter == ";")
        let share = try #require(needs.rows.first?.last)
        #expect(share.range(of: #"^\d+,\d%$"#, options: .regularExpression) != nil, "\(share)")
        // The office may choose "," and a decimal point instead; the dialog starts in the folder used last.
        try h.database.saveCSVStyle(.comma, by: h.context.actor, at: h.context.clock.now)
        h.press(.function(4), .up, .up, .enter, .enter)
        h.press(.char("c"))
        let again = try CSVFiles.read(path: needsPath)
        #expect(again.delimiter == ",")
        #expect(again.rows.first?.last == share.replacingOccurrences(of: ",", with: "."))
    }

    @Test func aNewCampaignSetsTheVillageList() throws {
        let h = try Harness(.demo)
        h.press(.function(3))
        h.type("kim son")
        h.press(.enter, .ctrl("e"))
        h.press(.function(5))
        #expect(h.messageLine.hasPrefix("Chưa có đợt khảo sát") || h.messageLine.hasPrefix("Trung tâm chưa có"))
        h.press(.function(2))
        for _ in 0..<5 { h.press(.tab) }
        h.type("250")
        for _ in 0..<6 { h.press(.tab) }
        h.type("Thôn Đông; Thôn Tây;Thôn Nam")
        h.press(.function(2))
        #expect(h.messageLine == "Đã lưu đợt khảo sát.")
        let centre = try #require(try h.database.centre(code: "TT14638"))
        #expect(centre.villages == ["Thôn Đông", "Thôn Tây", "Thôn Nam"])
        #expect(try h.database.campaigns(centreID: centre.id!).first?.target == 250)
    }

    /// An empty list offers F2 only to someone who may use it.
    @Test func anEmptyListOffersNoKeyThatWouldBeRefused() throws {
        let viewer = try Harness(.demo, account: Account(username: "xem", fullName: "Người Xem", roles: [.viewer]))
        let centres = try viewer.database.allCentres()
        let empty = try #require(centres.first { (try? viewer.database.campaigns(centreID: $0.id!).isEmpty) == true })
        viewer.app.open(.campaigns(centreID: empty.id!))
        #expect(viewer.screen.contains("Chưa có đợt khảo sát nào") && !viewer.screen.contains("F2 để"), "\(viewer.screen)")
        let clerk = try Harness(.demo, account: Account(username: "canbo", fullName: "Cán Bộ", roles: [.dataClerk]))
        clerk.app.open(.campaigns(centreID: empty.id!))
        #expect(clerk.screen.contains("Nhấn F2 để tạo"))
    }
}
