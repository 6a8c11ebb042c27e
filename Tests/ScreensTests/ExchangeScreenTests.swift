import AppResources
import Domain
import Foundation
import Storage
import Testing
import TerminalUI
@testable import Screens

/// Commune offices' bundles for the screens: each commune a data file of its own beside the harness, its bundle
/// written into `usb` (a folder whose path has a fixed length, so frames can name it the same way every run).
@MainActor
final class ExchangeDesk {
    let folder: URL
    let usb: URL
    static let placeholder = "/tmp/usb-00000000"

    init() throws {
        let tag = String(UUID().uuidString.prefix(8)).lowercased()
        folder = URL(fileURLWithPath: "/tmp/tthtcd-desk-\(tag)")
        usb = URL(fileURLWithPath: "/tmp/usb-\(tag)")
        for url in [folder, usb] { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
        try? FileManager.default.removeItem(at: usb)
    }

    /// Writes the demo commune's bundle to the stick, as its office would on `at`.
    func send(_ code: Int, at moment: Date) throws -> URL {
        let path = folder.appendingPathComponent("x\(code).sqlite").path
        let fresh = !FileManager.default.fileExists(atPath: path)
        let database = try AppDatabase.open(path: path)
        defer { database.close() }
        if fresh { try database.load(Harness.demo, part: .commune(code)) }
        let office = ExchangeOffice(settings: try database.officeSettings()!, units: Harness.units)
        return try database.exportBundle(to: usb, office: office, programVersion: "test", by: .system, at: moment).url
    }

    /// A frame with the stick's path and the keys' fingerprints written the same way every run.
    func normalized(_ frame: String) -> String {
        var text = frame.replacingOccurrences(of: usb.path, with: Self.placeholder)
        let pattern = try! Regex("[0-9a-f]{4}(-[0-9a-f]{4}){7}")
        text = text.replacing(pattern, with: "xxxx-xxxx-xxxx-xxxx-xxxx-xxxx-xxxx-xxxx")
        return text
    }
}

@MainActor
@Suite struct ExchangeScreenTests {
    static let provinceOfficer = Account(username: "tinh", fullName: "Cán bộ tỉnh", roles: [.provincialOfficer, .administrator])

    func commune(_ code: Int) throws -> Harness {
        try Harness(.empty, prepare: { try $0.load(Harness.demo, part: .commune(code)) })
    }

    func province() throws -> Harness {
        try Harness(.empty, account: Self.provinceOfficer, prepare: { try $0.load(Harness.demo, part: .officeOnly) })
    }

    @Test func sendingAsksForAnExistingFolderThenWritesTheBundleWithProgress() throws {
        let h = try commune(13918)
        let desk = try ExchangeDesk()
        let store = ScreenStore(SendScreen(ctx: h.context, folder: desk.usb.path), h.context)
        store.send(.chooseFolder) {
            $0.modal = .prompt(PromptDialog(title: "Gửi dữ liệu", label: "Thư mục:", text: desk.usb.path, maxLength: 400),
                               submit: Reply(SendScreen.Action.folderEntered))
        }
        store.send(.folderEntered("/khong/co/thu/muc/nay")) {
            $0.modal = .prompt(PromptDialog(title: "Gửi dữ liệu", label: "Thư mục:", text: "/khong/co/thu/muc/nay",
                                            maxLength: 400).refused("Không có thư mục /khong/co/thu/muc/nay."),
                               submit: Reply(SendScreen.Action.folderEntered))
        }
        store.send(.folderEntered(desk.usb.path + "/")) { $0.modal = nil }
        #expect(store.screen.folder == desk.usb.path)

        h.app.stack.append(store.screen)
        h.press(.function(5))
        #expect(h.screen.contains("Đang ghi gói dữ liệu"), "progress while the bundle is written")
        while h.app.stack.last?.hasPendingWork == true { h.app.runPendingWork() }
        let written = desk.usb.appendingPathComponent("X13918-000001.tthtcd")
        #expect(FileManager.default.fileExists(atPath: written.path))
        #expect(h.messageLine == "Đã ghi gói X13918-000001.tthtcd.")
        #expect(h.screen.contains("Gói tiếp theo: số 2"))
        expectGolden("exchange-send", desk.normalized(h.screen))
    }

    @Test func aFolderThatCannotBeWrittenIsSaidInVietnameseAndNothingIsLeft() throws {
        let h = try commune(14329)
        let desk = try ExchangeDesk()
        try FileManager.default.setAttributes([.posixPermissions: 0o500], ofItemAtPath: desk.usb.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: desk.usb.path) }
        guard !FileManager.default.isWritableFile(atPath: desk.usb.path) else { return }  // root ignores modes
        h.app.stack.append(SendScreen(ctx: h.context, folder: desk.usb.path))
        h.press(.function(5))
        while h.app.stack.last?.hasPendingWork == true { h.app.runPendingWork() }
        #expect(h.messageLine.contains(desk.usb.path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: desk.usb.path).isEmpty)
    }

    @Test func receivingListsTheBundlesReceivesTheChosenAndShowsTheReport() throws {
        let desk = try ExchangeDesk()
        let moment = FixedClock(Harness.today).now
        _ = try desk.send(13918, at: moment)
        _ = try desk.send(14329, at: moment)
        try Data("không phải gói".utf8).write(to: desk.usb.appendingPathComponent("ghi-chu.tthtcd"))
        let h = try province()
        h.app.stack.append(ReceiveScreen(ctx: h.context, folder: desk.usb.path))
        expectGolden("exchange-receive", desk.normalized(h.screen))
        #expect(h.screen.contains("Xã Nghĩa Sơn") && h.screen.contains("Phường Hoa Lư"))

        h.press(.char(" "), .char(" "))
        #expect((h.app.stack.last as? ReceiveScreen)?.marked == [0, 1])
        h.press(.function(5))
        #expect(h.screen.contains("Nhận 2 gói?"))
        #expect(h.screen.contains("dấu vân tay"), "the first exchange asks to compare the key by phone")
        h.press(.char("c"))
        while h.app.stack.last?.hasPendingWork == true { h.app.runPendingWork() }
        #expect(h.screen.contains("Báo cáo nhận dữ liệu"))
        let centres = try h.database.allCentres()
        #expect(Set(centres.compactMap(\.communeCode)) == [13918, 14329])
        let receive = try #require(h.app.stack.last as? ReceiveScreen)
        #expect(receive.reportLines.contains { $0.contains("Đã nhận gói số 1 của Xã Nghĩa Sơn") })
        #expect(receive.reportLines.contains { $0.contains("thành viên Ban giám đốc: ") })

        h.press(.escape)
        h.press(.function(6))
        h.press(.enter)
        let saved = desk.usb.appendingPathComponent("bao-cao-nhan-du-lieu-2026-11-21.txt")
        #expect(h.messageLine == "Đã lưu báo cáo vào \(saved.path).")
        let text = try String(contentsOf: saved, encoding: .utf8)
        #expect(text.contains("Phường Hoa Lư") && text.contains("phiếu khảo sát: "))
        let mode = try FileManager.default.attributesOfItem(atPath: saved.path)[.posixPermissions] as? Int
        #expect(mode == 0o600, "the report names people: the owner's only")

        // Saving again never writes over the first report; the next folder prompt starts where this one was.
        h.press(.function(6))
        h.press(.enter)
        #expect(h.screen.contains("Hãy chọn tên tệp khác"), "\(h.screen)")
        #expect(try String(contentsOf: saved, encoding: .utf8) == text)
        h.press(.escape)
        #expect(h.context.lastFolder == desk.usb.path)
        #expect(SendScreen(ctx: h.context).folder == desk.usb.path)
    }

    @Test func aRefusedBundleIsNamedInTheReportAndChangesNothing() throws {
        let desk = try ExchangeDesk()
        let url = try desk.send(14638, at: FixedClock(Harness.today).now)
        let h = try province()
        var screen = ReceiveScreen(ctx: h.context, folder: desk.usb.path)
        var bytes = try Data(contentsOf: url)
        bytes[bytes.count / 2] ^= 0x01
        try bytes.write(to: url)
        _ = screen.update(.receiveConfirmed, h.context)
        while screen.hasPendingWork { _ = screen.tick(h.context) }
        #expect(screen.reportLines.count == 1)
        #expect(screen.reportLines[0].hasPrefix("X14638-000001.tthtcd: bị từ chối."))
        #expect(try h.database.allCentres().isEmpty)
    }

    @Test func theRollUpShowsEachCommuneItsLastBundleAndTheStaleFlag() throws {
        let desk = try ExchangeDesk()
        let today = FixedClock(Harness.today).now
        let h = try province()
        let office = ExchangeOffice(settings: try h.database.officeSettings()!, units: Harness.units)
        for (code, daysAgo) in [(13918, 2.0), (14329, 45.0), (14638, 10.0)] {
            let url = try desk.send(code, at: today.addingTimeInterval(-daysAgo * 86_400))
            _ = try h.database.receiveBundle(at: url, receiver: office, by: .system, at: today)
        }
        let store = ScreenStore(RollUpScreen(ctx: h.context), h.context)
        #expect(store.screen.peers.map(\.office.name) == ["Phường Hoa Lư", "Xã Kim Sơn", "Xã Nghĩa Sơn"])
        #expect(store.screen.statusHint(h.context)?.text == "3 văn phòng đã gửi dữ liệu, 1 văn phòng quá 30 ngày không gửi.")
        store.send(.daysEntered("không")) {
            $0.modal = .prompt(PromptDialog(title: "Tổng hợp các xã", label: "Số ngày không gửi thì báo quá hạn:",
                                            text: "không", maxLength: 4).refused("Hãy nhập một số ngày từ 1 đến 3650."),
                               submit: Reply(RollUpScreen.Action.daysEntered))
        }
        store.send(.daysEntered("7"), commands: [.changed(.settings)]) {
            $0.modal = nil
            $0.staleDays = 7
        }
        #expect(try h.database.exchangeStaleDays() == 7)
        #expect(store.screen.statusHint(h.context)?.text == "3 văn phòng đã gửi dữ liệu, 2 văn phòng quá 7 ngày không gửi.")
        h.app.stack.append(store.screen)
        expectGolden("exchange-rollup", desk.normalized(h.screen))
    }

    @Test func theMenuOffersTheExchangeScreensToThoseWhoMayUseThem() throws {
        let h = try commune(13918)
        h.press(.ctrl("o"))
        #expect(h.screen.contains("Trao đổi dữ liệu › Gửi dữ liệu"))
        #expect(h.screen.contains("Trao đổi dữ liệu › Nhận dữ liệu"))
        let viewer = try Harness(.empty, account: Account(username: "xem", fullName: "Người Xem", roles: [.viewer]),
                                 prepare: { try $0.load(Harness.demo, part: .commune(13918)) })
        viewer.press(.ctrl("o"))
        #expect(!viewer.screen.contains("Gửi dữ liệu"))
        #expect(viewer.screen.contains("Tổng hợp các xã"), "reading the roll-up is everyone's right")
    }
}
