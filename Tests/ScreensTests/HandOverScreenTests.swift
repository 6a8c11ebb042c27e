import Domain
import Foundation
import Storage
import Testing
import TerminalUI
@testable import Screens

/// The province's side of a hand-over on the "Gửi dữ liệu" screen, and its roster showing each received centre's
/// last bundle. The demo is a provincial office that keyed its fourteen communes itself.
@MainActor
@Suite struct HandOverScreenTests {
    func province(_ language: Language = .vi) throws -> Harness {
        try Harness(.demo, language: language, account: ExchangeScreenTests.provinceOfficer)
    }

    func office(_ h: Harness) throws -> ExchangeOffice {
        ExchangeOffice(settings: try h.database.officeSettings()!, units: Harness.units)
    }

    @Test func theProvinceHandsACommuneOverAfterSayingWhatWillHappenAndCanTakeItBack() throws {
        let h = try province()
        let desk = try ExchangeDesk()
        h.app.stack.append(SendScreen(ctx: h.context, folder: desk.usb.path))
        #expect(h.screen.contains("F5 cho chọn"), "the province is told what F5 offers")
        h.press(.function(5))
        #expect(h.screen.contains("Gói dữ liệu của tỉnh") && h.screen.contains("Bàn giao dữ liệu một xã"))
        #expect(!h.screen.contains("Lấy lại"), "nothing handed over yet: nothing to take back")
        h.press(.down, .enter)
        #expect(h.screen.contains("Xã Nghĩa Sơn (mã 13918) · 1 trung tâm"))
        #expect(!h.screen.contains("14137"), "a commune no longer in the unit list has no office to hand over to")
        expectGolden("handover-communes", desk.normalized(h.screen))
        h.type("nghia son")
        h.press(.enter)
        #expect(h.screen.contains("Bàn giao 1 trung tâm của Xã Nghĩa Sơn cho văn phòng xã?"))
        expectGolden("handover-confirm", desk.normalized(h.screen))
        h.press(.char("k"))
        #expect(try h.database.receivedCentreWriters().isEmpty, "no: nothing is handed over")
        #expect(try FileManager.default.contentsOfDirectory(atPath: desk.usb.path).isEmpty)

        h.press(.function(5), .down, .enter)
        h.type("nghia son")
        h.press(.enter, .char("c"))
        #expect(h.screen.contains("Đang ghi gói bàn giao"), "progress while the hand-over is written")
        while h.app.stack.last?.hasPendingWork == true { h.app.runPendingWork() }
        #expect(h.messageLine == "Đã ghi gói bàn giao P37-000001-X13918.tthtcd cho Xã Nghĩa Sơn.")
        #expect(FileManager.default.fileExists(atPath: desk.usb.appendingPathComponent("P37-000001-X13918.tthtcd").path))
        let centre = try #require(try h.database.centre(code: "TT13918"))
        #expect(try h.database.receivedCentreWriters() == [centre.id!: "X13918"])
        expectGolden("handover-send", desk.normalized(h.screen))

        // Written again for a lost stick: the question says so.
        h.press(.function(5), .down, .enter)
        #expect(h.screen.contains("đã bàn giao, chờ gói của xã"))
        h.type("nghia son")
        h.press(.enter)
        #expect(h.screen.contains("Ghi lại gói bàn giao"))
        h.press(.escape)

        // Taken back, after its own question.
        h.press(.function(5))
        #expect(h.screen.contains("Lấy lại dữ liệu đã bàn giao"))
        h.press(.down, .down, .enter)
        #expect(h.screen.contains("Xã Nghĩa Sơn (mã 13918)"))
        h.press(.enter)
        #expect(h.screen.contains("Lấy lại 1 trung tâm đã bàn giao của Xã Nghĩa Sơn?"))
        h.press(.char("c"))
        #expect(h.messageLine == "Đã lấy lại 1 trung tâm của Xã Nghĩa Sơn; tỉnh lại sửa được các trung tâm này.")
        #expect(try h.database.receivedCentreWriters().isEmpty)
    }

    /// Hands `commune` over, has that commune's office (a new one) receive it and send its own bundle `daysAgo`
    /// days before today, and receives that bundle at the province: the hand-over is closed.
    func closeHandOver(_ h: Harness, _ desk: ExchangeDesk, commune: Int, daysAgo: Double) throws {
        let written = FixedClock(Harness.today).now.addingTimeInterval(-daysAgo * 86_400)
        let handOver = try h.database.exportHandOver(commune: commune, to: desk.usb, office: try office(h),
                                                     programVersion: "test", by: .system, at: written.addingTimeInterval(-3600))
        let database = try AppDatabase.open(path: desk.folder.appendingPathComponent("own\(commune).sqlite").path)
        defer { database.close() }
        try database.load(Harness.demo, part: .communeOfficeOnly(commune))
        let own = ExchangeOffice(settings: try database.officeSettings()!, units: Harness.units)
        _ = try database.receiveBundle(at: handOver.url, receiver: own, by: .system, at: written)
        let up = try database.exportBundle(to: desk.usb, office: own, programVersion: "test", by: .system, at: written)
        _ = try h.database.receiveBundle(at: up.url, receiver: try office(h), by: .system, at: FixedClock(Harness.today).now)
    }

    @Test func aClosedHandOverIsRefusedInWords() throws {
        let h = try province()
        let desk = try ExchangeDesk()
        try closeHandOver(h, desk, commune: 14638, daysAgo: 3)
        var screen = SendScreen(ctx: h.context, folder: desk.usb.path)
        #expect(!screen.candidates.contains { $0.communeCode == 14638 }, "no longer offered")
        // As a picker opened before the commune's bundle arrived would ask.
        _ = screen.update(.handOverConfirmed(commune: 14638), h.context)
        var commands: [AppCommand] = []
        while screen.hasPendingWork { commands += screen.tick(h.context) }
        let refusal = "Đã nhận gói dữ liệu của Xã Kim Sơn (mã 14638): các trung tâm đã là của xã, việc bàn giao đã xong nên không "
            + "ghi lại hay lấy lại được nữa. Không có gì bị thay đổi."
        #expect(commands == [.message(StatusMessage(refusal, kind: .error))])
        #expect(screen.update(.takeBackConfirmed(commune: 14638), h.context) == [.message(StatusMessage(refusal, kind: .error))])
        #expect(try FileManager.default.contentsOfDirectory(atPath: desk.usb.path).filter { $0.hasPrefix("P37") }.count == 1,
                "only the first hand-over was written")
    }

    /// The roster of a province that received communes' bundles: their last bundle's date, "!" for a commune silent
    /// beyond the roll-up's setting, "chờ" for a hand-over awaiting the commune's first bundle; the model column
    /// gives way, in both languages, at 80 and 120 columns, without a silent cut.
    @Test func theProvincesRosterShowsEachReceivedCentresLastBundle() throws {
        let h = try province()
        let desk = try ExchangeDesk()
        try closeHandOver(h, desk, commune: 14329, daysAgo: 2)
        try closeHandOver(h, desk, commune: 14638, daysAgo: 45)
        _ = try h.database.exportHandOver(commune: 13918, to: desk.usb, office: try office(h), programVersion: "test",
                                          by: .system, at: FixedClock(Harness.today).now)
        h.app.stack = [RosterScreen(ctx: h.context)]
        let screen = h.screen
        #expect(screen.contains("Gói") && !screen.contains("Mô hình"))
        let row = { (code: String) in h.lines.first { $0.hasPrefix(code) } ?? "" }
        #expect(row("TT14329").contains("19/11/26") && !row("TT14329").contains("19/11/26!"))
        #expect(row("TT14638").contains("!"))
        #expect(row("TT13918").contains("chờ"))
        expectGolden("handover-roster", screen)
        // The pane under the list says which bundle, and the stale flag in words.
        let roster = try #require(h.app.stack.last as? RosterScreen)
        let kimSon = try #require(roster.shown.firstIndex { $0.centre.code == "TT14638" })
        h.app.stack[0] = { var r = roster; r.table.select(kimSon); return r }()
        #expect(h.screen.contains("Gói: Xã Kim Sơn, gói số 1 ghi ngày 07/10/2026 · QUÁ HẠN, 45 ngày không gửi"))
        // F6 skips the hidden model column.
        h.press(.function(6), .function(6))
        #expect((h.app.stack.last as? RosterScreen)?.listing.sortColumn == .status)

        for language in Language.allCases {
            let other = try province(language)
            try closeHandOver(other, try ExchangeDesk(), commune: 14638, daysAgo: 45)
            other.app.stack = [RosterScreen(ctx: other.context)]
            for size in LayoutTests.sizes {
                other.size = size
                let (frame, _) = other.app.render(size: size)
                #expect(LayoutTests.silentCuts(frame).isEmpty, "\(language) \(size): \(LayoutTests.silentCuts(frame))")
            }
        }
    }
}
