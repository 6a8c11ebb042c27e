import Domain
import Foundation
import Storage
import TerminalUI
import Testing
@testable import Screens

/// The backup screen and the automatic backups' setting (issue 12, Build 1).
@MainActor
@Suite struct BackupScreenTests {
    func finishWork(_ h: Harness) {
        while h.app.stack.last?.hasPendingWork == true { h.app.runPendingWork() }
    }

    @Test func aBackupToAChosenFolderShowsProgressAndIsCheckedAndListed() throws {
        let h = try ScreenCatalog.open(.backup, language: .vi, size: .minimum)
        let usb = FileManager.default.temporaryDirectory.appendingPathComponent("usb-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: usb, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: usb) }
        #expect(h.screen.contains("Chưa có bản sao nào. Nhấn F2 để sao lưu ngay."))
        h.press(.function(2), .ctrl("u"))
        h.type(usb.path)
        h.press(.enter)
        let running = try #require(h.app.stack.last as? BackupScreen)
        guard case .progress(_, cancel: .cancelBackup)? = running.modal else {
            Issue.record("no progress shown: \(String(describing: running.modal))")
            return
        }
        #expect(running.hasPendingWork)
        finishWork(h)
        #expect(h.messageLine.hasPrefix("Đã sao lưu vào \(usb.path)/tthtcd-"), "\(h.messageLine)")
        let copies = Backup.files(in: usb.path)
        #expect(copies.count == 1)
        let copy = try #require(copies.first)
        let mode = try #require(try FileManager.default.attributesOfItem(atPath: copy)[.posixPermissions] as? Int)
        #expect(mode == 0o600)
        #expect(Backup.auditHead(of: copy) == (try h.database.auditHead()), "the copy holds the whole trail")
        #expect((try? FileManager.default.contentsOfDirectory(atPath: usb.path))?.count == 1, "no partial file left")

        // Enter on the proposed folder: the sao-luu folder beside the data file, created, and listed.
        h.press(.function(2), .enter)
        finishWork(h)
        let screen = try #require(h.app.stack.last as? BackupScreen)
        #expect(screen.copies.count == 1)
        #expect(h.screen.contains(try #require(screen.copies.first?.name)))
        #expect(screen.folder == Backup.defaultFolder(dataFile: h.database.path))
    }

    @Test func aFolderThatCannotTakeTheCopyIsToldInWords() throws {
        let h = try ScreenCatalog.open(.backup, language: .vi, size: .minimum)
        h.press(.function(2), .ctrl("u"))
        h.type("/khong-co/o-usb")
        h.press(.enter)
        finishWork(h)
        #expect(h.messageLine.hasPrefix("Không sao lưu được vào /khong-co/o-usb: "), "\(h.messageLine)")
        #expect(h.messageLine.hasSuffix("Tệp dữ liệu không bị ảnh hưởng."))
    }

    @Test func onlyWhoMayChangeTheSettingsMakesCopies() throws {
        let clerk = Account(username: "nhaplieu", fullName: "Lê Văn Nhập", roles: [.dataClerk])
        let h = try Harness(.demo, account: clerk)
        h.app.open(.backup)
        #expect(!(h.app.stack.last is BackupScreen))
        #expect(h.messageLine == h.app.ctx.strings[.routeNotAllowed])
    }

    @Test func theDaysAutomaticBackupsAreKeptAreASetting() throws {
        let h = try ScreenCatalog.open(.settings(firstRun: false), language: .vi, size: .minimum)
        #expect(h.screen.contains("Giữ bản sao tự động (ngày)"))
        for _ in 0..<20 where (h.app.stack.last as? OfficeSettingsScreen)?.form.focusedID != .backupKeepDays {
            h.press(.tab)
        }
        #expect((h.app.stack.last as? OfficeSettingsScreen)?.form.focusedID == .backupKeepDays)
        h.press(.ctrl("u"))
        h.type("400")
        h.press(.function(2))
        #expect(h.messageLine.hasSuffix("Số ngày giữ bản sao lưu tự động phải từ 1 đến 365."), "\(h.messageLine)")
        #expect(try h.database.backupKeepDays() == BackupPolicy.defaultKeepDays)
        h.press(.ctrl("u"))
        h.type("30")
        h.press(.function(2))
        #expect(try h.database.backupKeepDays() == 30)
    }
}
