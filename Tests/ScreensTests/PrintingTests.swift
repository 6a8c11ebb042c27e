import Documents
import Domain
import Foundation
import Storage
import Testing
import TerminalUI
@testable import Screens

/// "In / Xuất" on the screens: pick what to make, type a folder, read where it went; an existing file is
/// overwritten only after a yes; an office's own template is used and named; a broken one is refused by name.
@MainActor
@Suite struct PrintingTests {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("tthtcd-print-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func typeFolder(_ h: Harness, _ path: String) {
        h.press(.ctrl("u"))
        h.type(path)
        h.press(.enter)
    }

    func openWardPlan(_ h: Harness) throws {
        let plan = try #require(try h.database.plans().first { $0.status == .approved })
        h.app.open(.plan(planID: plan.id!))
        #expect(h.app.stack.last is PlanEditorScreen)
    }

    @Test func thePlanEditorWritesTheDecisionAndAsksBeforeOverwriting() throws {
        let h = try Harness(.demo)
        try openWardPlan(h)
        #expect(h.lines[23].contains("6In/Xuất"))
        h.press(.function(6))
        for item in ["Kế hoạch (Word)", "Quyết định phê duyệt kế hoạch (Word)", "Báo cáo tổng kết năm 2026 của trung tâm (Word)",
                     "Kế hoạch, hoạt động và kết quả (Excel)"] {
            #expect(h.screen.contains(item), "offers «\(item)»")
        }
        h.press(.down, .enter)
        #expect(h.screen.contains("Ghi vào thư mục"))
        typeFolder(h, folder.path)
        let path = folder.appendingPathComponent("quyet-dinh-phe-duyet-TT14329-2026-v1.docx").path
        #expect(h.messageLine == "Đã ghi \(path) (theo mẫu có sẵn quyet-dinh.docx).")
        #expect(FileManager.default.fileExists(atPath: path))
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let size = try Data(contentsOf: URL(fileURLWithPath: path)).count

        // Again: the file exists, so it asks, naming it; no keeps it, yes writes over it.
        h.press(.ctrl("a"), .down, .enter)
        typeFolder(h, folder.path)
        #expect(h.screen.contains("Tệp đã có"))
        h.press(.escape)
        #expect(h.app.modal == nil && (h.app.stack.last as? PlanEditorScreen)?.modal == nil)
        h.press(.function(6), .down, .enter)
        typeFolder(h, folder.path)
        h.press(.char("c"))
        #expect(h.messageLine.hasPrefix("Đã ghi \(path)"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)).count == size)
        try FileManager.default.removeItem(at: folder)
    }

    @Test func anOfficesOwnTemplateIsUsedAndABrokenOneRefusedByName() throws {
        let h = try Harness(.demo)
        let templates = URL(fileURLWithPath: DocumentFiles.officeTemplateFolder(dataFile: h.database.path))
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        let shipped = try AppResourcesData.template("ke-hoach.docx")
        try shipped.write(to: templates.appendingPathComponent("ke-hoach.docx"))
        try openWardPlan(h)
        h.press(.function(6), .enter)
        typeFolder(h, folder.path)
        let own = templates.appendingPathComponent("ke-hoach.docx").path
        #expect(h.messageLine.contains("theo mẫu riêng \(own)"))

        // A template that lost a placeholder is refused, naming it; the folder question stays open.
        var package = try ZipPackage.read(shipped, name: "ke-hoach.docx")
        let body = String(decoding: package["word/document.xml"]!, as: UTF8.self)
        package["word/document.xml"] = Data(body.replacingOccurrences(of: "{{HO_TEN_KY}}", with: "{{HO_TEN}}").utf8)
        try package.zipped().write(to: templates.appendingPathComponent("ke-hoach.docx"))
        h.press(.function(6), .enter)
        typeFolder(h, folder.appendingPathComponent("other").path)
        #expect(h.screen.contains("{{HO_TEN}}"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("other").path))
        try FileManager.default.removeItem(at: folder)
    }

    @Test func theRosterPrintsWithCtrlAAndSaysSoInItsHelp() throws {
        let h = try Harness(.demo)
        h.press(.function(1))
        #expect(h.screen.contains("Ctrl-A"))
        h.press(.escape, .ctrl("a"))
        for item in ["Danh sách trung tâm (Excel)", "Kiểm tra Ban giám đốc các trung tâm (Excel)",
                     "Báo cáo tổng hợp các trung tâm năm 2026 (Word)"] {
            #expect(h.screen.contains(item), "offers «\(item)»")
        }
        h.press(.enter)
        typeFolder(h, folder.path)
        let path = folder.appendingPathComponent("danh-sach-trung-tam-2026-11-21.xlsx").path
        #expect(h.messageLine == "Đã ghi \(path).")
        let package = try ZipPackage.read(try Data(contentsOf: URL(fileURLWithPath: path)), name: path)
        #expect(package["xl/worksheets/sheet1.xml"] != nil)
        try FileManager.default.removeItem(at: folder)
    }

    @Test func theBoardChecksGoStraightToTheFolder() throws {
        let h = try Harness(.demo)
        h.press(.ctrl("k"))
        #expect(h.lines[23].contains("6In/Xuất"))
        h.press(.function(6))
        #expect(h.screen.contains("Ghi vào thư mục"), "one thing to make: no list to pick from")
        typeFolder(h, "/no/such/folder")
        #expect(h.screen.contains("Không có thư mục để ghi"))
        typeFolder(h, folder.path)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("kiem-tra-ban-giam-doc-2026-11-21.xlsx").path))
        try FileManager.default.removeItem(at: folder)
    }
}

/// The shipped templates, as the tests read them.
enum AppResourcesData {
    static func template(_ name: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Resources/templates/" + name))
    }
}
