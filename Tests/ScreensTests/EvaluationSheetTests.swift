import Documents
import Domain
import Foundation
import Storage
import Testing
import TerminalUI
@testable import Screens

/// The self-assessment and evaluation sheet (issue 15): its text for a commune and a ward, what it refuses, and
/// "In / Xuất" on the evaluation and targets screens.
@MainActor
@Suite struct EvaluationSheetTests {
    let rules = EvaluationRules.shipped!

    func source(_ h: Harness, office: OfficeSettings? = nil) -> DocumentSource {
        let base = DocumentSource(h.context)
        return DocumentSource(database: base.database, units: base.units, strings: base.strings, today: base.today,
                              office: office ?? base.office, questionnaire: base.questionnaire, boardRules: base.boardRules)
    }

    /// xã Nghĩa Sơn's 2026 self-assessment is sent and awaits the officer; phường Hoa Lư's is confirmed.
    @Test func aCommunesAndAWardsSheets() throws {
        let h = try Harness(.demo)
        let nghiaSon = try #require(try h.database.centre(code: "TT13918"))
        let commune = goldenText(try EvaluationSheet.document(
            centre: nghiaSon, year: 2026, rules: rules, source: source(h, office: OfficeSettings(provinceCode: 37, communeCode: 13918))))
        expectGolden("doc_commune_evaluation", commune)
        let hoaLu = try #require(try h.database.centre(code: "TT14329"))
        let ward = goldenText(try EvaluationSheet.document(centre: hoaLu, year: 2026, rules: rules, source: source(h)))
        expectGolden("doc_ward_evaluation", ward)

        #expect(commune.contains("UBND XÃ NGHĨA SƠN"))
        #expect(unwrapped(commune).contains("đang chờ cơ quan quản lý giáo dục thẩm định"))
        #expect(!commune.contains("Kết quả thẩm định"), "no rank is claimed before the officer confirms")
        #expect(ward.contains("UBND PHƯỜNG HOA LƯ"))
        for wrong in ["UBND xã", "xã Hoa Lư", "XÃ HOA LƯ"] { #expect(!ward.contains(wrong), "«\(wrong)»") }
        let stored = try #require(try h.database.evaluation(centreID: hoaLu.id!, year: 2026))
        let unwrappedWard = unwrapped(ward)
        #expect(unwrappedWard.contains("Kết quả thẩm định: \(stored.assessedTotal)/100 điểm, xếp loại: Khá"))
        #expect(unwrappedWard.contains("Trung tâm tự đánh giá \(stored.selfTotal)/100 điểm"))
        // Every criterion is a row of the table, with both scores; the officer's comment on the item adjusted.
        let set = try #require(rules.set(of: stored, province: 37))
        for item in set.items { #expect(unwrappedWard.contains(h.context.strings.text(item.title)), "\(item.id)") }
        let adjusted = try #require(stored.items.first { $0.isAdjusted })
        #expect(unwrappedWard.contains(adjusted.officerComment))
        // Signed by the centre's director, sent to the province's Department of Education for assessment.
        #expect(ward.contains("Nguyễn Văn Hải"))
        #expect(unwrappedWard.contains("Sở Giáo dục và Đào tạo tỉnh Ninh Bình (để thẩm định);"))
        #expect(ward.split(separator: "\n").allSatisfy { DisplayWidth.of(String($0)) <= 80 })
    }

    @Test func aYearNotStartedHasNoSheet() throws {
        let h = try Harness(.demo)
        let kimSon = try #require(try h.database.centre(code: "TT14638"))
        #expect(throws: DocumentProblem.evaluationNotStarted(centreCode: "TT14638", year: 2026)) {
            try EvaluationSheet.document(centre: kimSon, year: 2026, rules: rules, source: source(h))
        }
        #expect(h.context.strings.describe(DocumentProblem.evaluationNotStarted(centreCode: "TT14638", year: 2026))
                == "Trung tâm TT14638 chưa tự đánh giá năm 2026: chưa có phiếu đánh giá để in.")
    }

    @Test func theEvaluationScreenPrintsItsSheet() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tthtcd-evalprint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let h = try Harness(.demo)
        let hoaLu = try #require(try h.database.centre(code: "TT14329"))
        h.app.open(.evaluation(centreID: hoaLu.id!, year: 2026))
        #expect(h.app.stack.last is EvaluationScreen)
        #expect(h.lines[23].contains("5In/Xuất"))
        h.press(.function(5))
        #expect(h.screen.contains("Ghi vào thư mục"), "one thing to make: straight to the folder")
        h.press(.ctrl("u"))
        h.type(folder.path)
        h.press(.enter)
        let path = folder.appendingPathComponent("phieu-danh-gia-TT14329-2026.docx").path
        #expect(h.messageLine == "Đã ghi \(path) (theo mẫu có sẵn danh-gia-xep-loai.docx).")
        let package = try ZipPackage.read(try Data(contentsOf: URL(fileURLWithPath: path)), name: path)
        let body = try XMLReader.parse(try #require(package["word/document.xml"]))
        #expect(body.text.contains("PHIẾU ĐÁNH GIÁ, XẾP LOẠI"))
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)

        // A year not started: said on the message line, nothing asked, nothing written.
        let kimSon = try #require(try h.database.centre(code: "TT14638"))
        h.app.open(.evaluation(centreID: kimSon.id!, year: 2026))
        h.press(.function(5))
        #expect(h.messageLine == "Trung tâm TT14638 chưa tự đánh giá năm 2026: chưa có phiếu đánh giá để in.")
        #expect((h.app.stack.last as? EvaluationScreen)?.modal == nil)
    }

    @Test func theTargetsScreenWritesItsWorkbook() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tthtcd-targetsprint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let h = try Harness(.demo)
        h.app.open(.targets(year: 2026))
        #expect(h.app.stack.last is TargetsScreen)
        #expect(h.lines[23].contains("6In/Xuất"))
        h.press(.function(6))
        h.press(.ctrl("u"))
        h.type(folder.path)
        h.press(.enter)
        let path = folder.appendingPathComponent("chi-tieu-2026.xlsx").path
        #expect(h.messageLine == "Đã ghi \(path).")
        #expect(FileManager.default.fileExists(atPath: path))
    }

    /// The workbook holds the dashboard's figures: each share as counted by the screen, numbers as numbers.
    @Test func theTargetsWorkbookHoldsTheDashboardsFigures() throws {
        let h = try Harness(.demo)
        let workbook = try Workbooks.targets(source(h), year: 2026, rules: rules)
        #expect(workbook.sheets.map(\.name) == ["Chỉ tiêu", "Theo xã", "Trung tâm", "Xếp loại"])
        let screen = TargetsScreen(ctx: h.context, year: 2026)
        let shares = workbook.sheets[0].rows
        #expect(shares.count == TargetMeasure.allCases.count)
        for (row, share) in zip(shares, screen.summary.shares) {
            #expect(row[1] == .number(share.met) && row[2] == .number(share.of), "\(share.measure)")
            #expect(row[4] == .percent(Double(share.target) / 100))
        }
        #expect(workbook.sheets[2].rows.count == screen.centres.count)
        let ranked = workbook.sheets[3].rows.dropLast().reduce(0) { total, row in
            if case .number(let n) = row[1] { return total + n } else { return total }
        }
        #expect(ranked == screen.centres.filter { $0.rank != nil }.count)
    }
}
