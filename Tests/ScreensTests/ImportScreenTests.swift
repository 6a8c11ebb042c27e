import Domain
import Foundation
import Storage
import Testing
import TerminalUI
@testable import Screens

/// The survey import in the interface: the folder list, the mapping read from the header alone, Kobo/ODK
/// metadata set aside, the import on its own thread with a progress box, Esc, and the mapping kept after a
/// refused file.
@MainActor
@Suite struct ImportScreenTests {
    static let header = "Số phiếu;Thôn/tổ dân phố;Giới tính;Năm sinh;Dân tộc;Trình độ học vấn;Nghề nghiệp chính;"
        + "Hộ nghèo, cận nghèo;Khuyết tật;Nội dung muốn học;Hình thức học;Thời gian trong ngày;Thời điểm trong năm"

    static func row(_ serial: String, sex: String = "Nữ") -> String {
        "\(serial);Xóm 2;\(sex);1980;Kinh;3;1;1;1;Trồng trọt, Tin học, kỹ năng số;1;3;1"
    }

    /// A folder `csv` in the harness's own folder (the file dialog starts there), holding `files`.
    func folder(_ h: Harness, _ files: [String: String]) throws -> URL {
        let folder = h.folder.appendingPathComponent("csv")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("con"), withIntermediateDirectories: true)
        for (name, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
        h.context.lastFolder = folder.path
        return folder
    }

    /// The screen text with the harness's folder (a random name of fixed length) made stable.
    func stable(_ h: Harness) -> String {
        h.screen.replacingOccurrences(of: h.folder.lastPathComponent,
                                      with: "tthtcd-screen-" + String(repeating: "x", count: 36))
    }

    func importScreen(_ h: Harness) throws -> ImportScreen { try #require(h.app.stack.last as? ImportScreen) }

    /// Opens the import of Nghĩa Sơn's campaign (300 forms in the demo).
    func openImport(_ h: Harness) {
        h.press(.function(3))
        h.type("nghia son")
        h.press(.enter, .ctrl("e"), .function(8))
    }

    /// Waits for the import thread to end, then lets the screen take in its outcome.
    func finishImport(_ h: Harness) throws {
        let job = try #require(try importScreen(h).job)
        #expect(job.wait(seconds: 120), "the import ended")
        h.app.runPendingWork()
        #expect(h.app.stack.last?.hasPendingWork == false)
    }

    @Test func theFileIsPickedFromAFolderListOfCSVFilesAndFolders() throws {
        let h = try Harness(.demo)
        let folder = try folder(h, ["kobo.csv": Self.header + "\n" + Self.row("K-1"), "ghi-chu.txt": "x",
                                    ".an.csv": Self.header, "b.CSV": Self.header + "\n" + Self.row("B-1")])
        try Data((Self.header + "\n" + Self.row("C-1")).utf8).write(to: folder.appendingPathComponent("con/trong.csv"))
        openImport(h)
        expectGolden("import_picker", stable(h))
        guard case .picker(let picker, _)? = try importScreen(h).modal else { Issue.record("no folder list"); return }
        #expect(picker.list.items.map(\.label) == ["Gõ đường dẫn tệp…", ".. (thư mục trên)", "con/", "b.CSV", "kobo.csv"])
        #expect(picker.list.selectedItem?.label == "b.CSV", "the first file is chosen")
        // Into the sub-folder and back up with "..".
        h.type("con")
        h.press(.enter)
        guard case .picker(let inner, _)? = try importScreen(h).modal else { Issue.record("no list of con"); return }
        #expect(inner.title.hasSuffix("/csv/con"))
        #expect(inner.list.items.map(\.label).suffix(1) == ["trong.csv"])
        h.type("..")
        h.press(.enter)
        h.type("kobo")
        h.press(.enter)
        #expect(try importScreen(h).path == folder.appendingPathComponent("kobo.csv").path)
        #expect(try importScreen(h).stage == .mapping)
        #expect(try importScreen(h).samples == [Self.row("K-1").components(separatedBy: ";")])
        #expect(h.context.lastFolder == folder.path, "the next dialog starts here")
        // A path may still be typed: the first line of the list opens the prompt, in the same folder.
        h.press(.function(5))
        h.type("go duong dan")
        h.press(.enter)
        guard case .prompt(let prompt, _, _)? = try importScreen(h).modal else { Issue.record("no prompt"); return }
        #expect(prompt.text == folder.path + "/")
        h.type("con/trong.csv")
        h.press(.enter)
        #expect(try importScreen(h).path == folder.appendingPathComponent("con/trong.csv").path)
        #expect(h.context.lastFolder == folder.appendingPathComponent("con").path)
    }

    @Test func koboMetadataIsSetAsideAndACleanFileIsImported() throws {
        let h = try Harness(.demo)
        let meta = ["start", "end", "today", "deviceid"]
        let tail = ["_id", "_uuid", "_submission_time", "_index", "_validation_status", "__version__", "meta/instanceID",
                    "_status", "_submitted_by", "_tags", "_notes", "formhub/uuid"]
        let header = (meta + [Self.header] + tail).joined(separator: ";")
        let rows = (1...40).map { i in
            (["2026-03-01T08:00:00", "2026-03-01T08:10:00", "2026-03-01", "collect:abc"] + [Self.row("K-\(i)")]
                + ["\(1000 + i)", "uuid-\(i)", "2026-03-01T09:00:00", "\(i)", "", "vAbc", "uuid:\(i)", "submitted_via_web",
                   "", "", "", "fh"]).joined(separator: ";")
        }
        _ = try folder(h, ["kobo.csv": ([header] + rows).joined(separator: "\n")])
        openImport(h)
        h.press(.enter)
        #expect(h.messageLine == "Tệp có 29 cột; 16 cột thông tin của KoboToolbox/ODK được bỏ qua. Kiểm tra cách ghép cột rồi nhấn F2.")
        expectGolden("import_kobo_mapping", stable(h))
        h.press(.function(2))
        guard case .progress(_, let cancel)? = try importScreen(h).modal else { Issue.record("no progress box"); return }
        #expect(cancel == .cancel, "Esc stops it")
        try finishImport(h)
        #expect(h.messageLine == "Đã nhập 40 phiếu.")
        #expect(try h.database.responses(campaignID: 1).count == 340)
    }

    /// The progress box, drawn from the figures the import thread posts.
    @Test func theProgressBoxShowsRowsSpeedAndTimeLeft() throws {
        let h = try Harness(.demo)
        _ = try folder(h, ["phieu.csv": Self.header + "\n" + Self.row("P-1")])
        openImport(h)
        h.press(.enter)
        var screen = try importScreen(h)
        let job = ImportJob()
        screen.job = job
        screen.modal = .progress(screen.progressDialog(h.context), cancel: .cancel)
        h.app.stack[h.app.stack.count - 1] = screen
        #expect(job.post(ImportProgress(phase: .checking, rows: 4800, totalRows: nil, fraction: 0.24,
                                        rowsPerSecond: 12_000, remaining: 1.3)))
        h.app.runPendingWork()
        expectGolden("import_progress", stable(h))
        #expect(h.screen.contains("Đang kiểm tra: 4800 dòng · 12000 dòng/giây · còn khoảng 1 giây"))
        #expect(h.screen.contains("4800/20000"), "the file's rows estimated from the bytes read")
        // Esc asks the thread to stop; the box says so until it has.
        h.press(.escape)
        #expect(job.isCancelling)
        #expect(!job.post(ImportProgress(phase: .writing, rows: 9000, totalRows: 20_000, fraction: 0.45,
                                         rowsPerSecond: 9000, remaining: 1.2)), "the next slice stops")
        h.app.runPendingWork()
        #expect(h.screen.contains("Đang dừng…"))
        job.finish(with: .cancelled)
        h.app.runPendingWork()
        #expect(h.messageLine == "Đã hủy: không nhập phiếu nào.")
        #expect(try importScreen(h).stage == .mapping)
        #expect(try importScreen(h).modal == nil)
    }

    /// Esc during a real import of a large file: the thread stops at its next slice and nothing is written.
    @Test func escapeStopsTheImportWithNothingImported() throws {
        let h = try Harness(.demo)
        let rows = (1...60_000).map { Self.row("E-\($0)") }
        _ = try folder(h, ["lon.csv": ([Self.header] + rows).joined(separator: "\n")])
        let before = try h.database.responses(campaignID: 1).count
        let batches = try h.database.importBatches(campaignID: 1).count
        openImport(h)
        h.press(.enter, .function(2))
        h.press(.escape)
        try finishImport(h)
        #expect(h.messageLine == "Đã hủy: không nhập phiếu nào.")
        #expect(try h.database.responses(campaignID: 1).count == before)
        #expect(try h.database.importBatches(campaignID: 1).count == batches, "no import batch either")
    }

    @Test func aRefusedFileKeepsItsMappingAndTheReportNamesFormsAndValidCodes() throws {
        let h = try Harness(.demo)
        let header = Self.header + ";Ghi chú riêng"
        let bad = [header, Self.row("K-99") + ";x", Self.row("K-100", sex: "5") + ";y"].joined(separator: "\n")
        let folder = try folder(h, ["loi.csv": bad])
        openImport(h)
        h.press(.enter)
        // The unknown column is set aside by hand: the last row of the mapping.
        h.press(.end, .function(4))
        h.type("bo qua")
        h.press(.enter)
        #expect(try importScreen(h).mapping["Ghi chú riêng"] == SurveyImport.ignore)
        h.press(.function(2))
        try finishImport(h)
        #expect(h.messageLine.hasPrefix("Không nhập phiếu nào: 1 lỗi."))
        expectGolden("import_failed", stable(h))
        #expect(try h.database.responses(campaignID: 1).count == 300, "nothing imported")
        let report = try CSVFiles.read(path: folder.appendingPathComponent("loi-loi-nhap.csv").path)
        #expect(report.headers == ["Dòng", "Số phiếu", "Cột", "Giá trị", "Lý do"])
        #expect(report.rows[0] == ["3", "K-100", "Giới tính", "5", "Không có mã 5. Mã hợp lệ: 1 Nam; 2 Nữ."])
        // The same file again, from a fresh screen: the mapping chosen by hand is back.
        h.press(.function(10), .function(8))
        h.press(.enter)
        #expect(try importScreen(h).mapping["Ghi chú riêng"] == SurveyImport.ignore)
        #expect(!h.screen.contains("(chưa ghép: lỗi)"))
    }

    @Test func aFileWithOnlyItsHeaderImportsNothingAndSavesNothing() throws {
        let h = try Harness(.demo)
        _ = try folder(h, ["rong.csv": Self.header + "\n"])
        openImport(h)
        h.press(.enter, .function(2))
        #expect(h.messageLine.hasSuffix("không có phiếu nào (chỉ có dòng tiêu đề): không nhập gì."))
        #expect(try importScreen(h).job == nil)
        let headers = Self.header.components(separatedBy: ";")
        #expect(try h.database.importMapping(for: SurveyImport.signature(of: headers)) == nil)
    }

    @Test func f1ExplainsTheExpectedFile() throws {
        let h = try Harness(.demo)
        _ = try folder(h, ["phieu.csv": Self.header + "\n" + Self.row("P-1")])
        openImport(h)
        h.press(.enter, .function(1))
        guard case .viewer(let viewer)? = h.app.modal else { Issue.record("no help"); return }
        let text = viewer.paragraphs.joined(separator: "\n")
        for words in ["CSV UTF-8", "dấu chấm phẩy", "mã số", "bằng chữ", "KoboToolbox", "meta/instanceID", "_submission_time",
                      "Nhập tất cả hoặc không nhập gì"] {
            #expect(text.contains(words), "\(words)")
        }
    }
}
