import Domain
import Foundation
import Storage
import Testing
import TerminalUI
@testable import Screens

/// The exchange screens as a tester walked them at 80x24: a bundle received already, refusals, hand-overs,
/// "today", communes by name and English counts.
@MainActor
@Suite struct ExchangeWalk2Tests {
    func province() throws -> Harness {
        try Harness(.empty, account: ExchangeScreenTests.provinceOfficer, prepare: { try $0.load(Harness.demo, part: .officeOnly) })
    }

    @Test func aBundleReceivedAlreadyReadsReceivedAndIsNotOfferedAgain() throws {
        let desk = try ExchangeDesk()
        let moment = FixedClock(Harness.today).now
        _ = try desk.send(13918, at: moment)
        _ = try desk.send(13918, at: moment)
        let h = try province()
        h.app.stack.append(ReceiveScreen(ctx: h.context, folder: desk.usb.path))
        h.press(.down, .function(5))
        #expect(h.screen.contains("Nhận 1 gói?"))
        h.press(.char("c"))
        while h.app.stack.last?.hasPendingWork == true { h.app.runPendingWork() }
        #expect(h.messageLine == "Đã nhận xong. F4 xem lại báo cáo, F6 lưu báo cáo.")
        h.press(.escape)
        let screen = try #require(h.app.stack.last as? ReceiveScreen)
        #expect(screen.table.selected == 1, "the cursor stays on the row received")
        #expect(screen.bundles[1].receivedAt != nil && screen.bundles[0].receivedAt == nil)
        #expect(h.screen.contains("Gói này đã được nhận rồi (ngày "), "\(h.screen)")
        #expect(h.screen.contains("Đã nhận") && h.screen.contains("Bị từ chối"), "the older file is a refusal")
        expectGolden("exchange-receive-again", desk.normalized(h.screen))

        // F5 on it: said, not asked.
        h.press(.function(5))
        #expect(h.app.stack.last?.hasModal != true)
        #expect(h.messageLine.hasPrefix("Gói này đã được nhận rồi (ngày "), "\(h.messageLine)")
        // F5 on the older one: why it cannot be received, no question.
        h.press(.up, .function(5))
        #expect(h.messageLine.hasPrefix("Không nhận được gói này. Gói số 1 cũ hơn"), "\(h.messageLine)")
        #expect(!h.screen.contains("Nhận 1 gói?"))
        // Both chosen: neither can be received.
        h.press(.char(" "), .char(" "), .function(5))
        #expect(h.messageLine.hasPrefix("Không gói nào đã chọn nhận được: 1 gói đã nhận rồi, 1 gói bị từ chối"))
    }

    @Test func aBundleRefusedOnReceivingIsCountedInTheStatusLine() throws {
        let desk = try ExchangeDesk()
        let url = try desk.send(14638, at: FixedClock(Harness.today).now)
        let h = try province()
        var screen = ReceiveScreen(ctx: h.context, folder: desk.usb.path)
        var bytes = try Data(contentsOf: url)
        bytes[bytes.count / 2] ^= 0x01
        try bytes.write(to: url)
        _ = screen.update(.receiveConfirmed, h.context)
        var said: [AppCommand] = []
        while screen.hasPendingWork { said = screen.tick(h.context) }
        #expect(said.contains(.message(StatusMessage("Đã nhận 0 gói, 1 gói bị từ chối. F4 xem lại báo cáo, F6 lưu báo cáo.",
                                                     kind: .error))))
    }

    @Test func ctrlVShowsTheSelectedBundleWholeAndF1ListsIt() throws {
        let desk = try ExchangeDesk()
        _ = try desk.send(13918, at: FixedClock(Harness.today).now)
        let h = try province()
        h.app.stack.append(ReceiveScreen(ctx: h.context, folder: desk.usb.path))
        h.press(.function(1))
        #expect(h.screen.contains("Ctrl-V"), "\(h.screen)")
        h.press(.escape, .ctrl("v"))
        #expect(h.screen.contains("X13918-000001.tthtcd") && h.screen.contains("Dấu vân tay khoá"))
        #expect(h.screen.contains("thành viên Ban giám đốc"))
    }

    @Test func aHandOverIsNamedInTheListAndItsQuestionSaysWhatItDoes() throws {
        let h = try Harness(.demo, account: ExchangeScreenTests.provinceOfficer)
        let desk = try ExchangeDesk()
        let office = ExchangeOffice(settings: try h.database.officeSettings()!, units: Harness.units)
        _ = try h.database.exportHandOver(commune: 13918, to: desk.usb, office: office, programVersion: "test",
                                          by: .system, at: FixedClock(Harness.today).now)
        let commune = try Harness(.empty, prepare: { try $0.load(Harness.demo, part: .communeOfficeOnly(13918)) })
        commune.app.stack.append(ReceiveScreen(ctx: commune.context, folder: desk.usb.path))
        #expect(commune.screen.contains("Gói bàn giao"), "\(commune.screen)")
        commune.press(.function(5))
        #expect(commune.screen.contains("là gói bàn giao của tỉnh"), "\(commune.screen)")
        #expect(commune.screen.components(separatedBy: "dấu vân tay").count == 2, "the fingerprint once")
    }

    @Test func todayAndYesterdayAreSaidInWords() throws {
        let vi = try Strings(language: .vi)
        let en = try Strings(language: .en)
        #expect(ExchangeText.silence(0, strings: vi) == "hôm nay" && ExchangeText.silence(1, strings: vi) == "hôm qua")
        #expect(ExchangeText.silence(3, strings: vi) == "3 ngày trước")
        #expect(ExchangeText.silence(0, strings: en) == "today" && ExchangeText.silence(1, strings: en) == "yesterday")
    }

    @Test func hintsTellTheTruthCommunesAreNamedAndEnglishCountsRead() throws {
        let vi = try Strings(language: .vi)
        let en = try Strings(language: .en)
        #expect(vi[.handOverHelpWrite].contains("Bàn giao và lấy lại luôn hỏi lại"))
        #expect(vi.describe(.handOverForOtherCommune(13918), units: Harness.units).contains("Xã Nghĩa Sơn (mã 13918)"))
        #expect(vi.describe(.handOverNeedsCommuneOffice(13918)).contains("xã mã 13918"), "no unit list: by code")
        #expect(vi.describe(HandOverError.nothingToHandOver(13918), units: Harness.units).contains("Xã Nghĩa Sơn (mã 13918)"))
        #expect(ExchangeText.counts(["centre": 1, "boardMember": 2], strings: vi).hasPrefix("1 trung tâm, 2 thành viên Ban giám đốc"))
        let english = ExchangeText.counts(["centre": 1], strings: en)
        #expect(english.hasPrefix("centres: 1, board members: 0"), "\(english)")
        #expect(en(.exchangeRollUpCount, 1, 0, 30) == "Offices that have sent data: 1; silent for over 30 days: 0.")
        #expect(en(.exchangeReceiveQuestion, 1).hasPrefix("Bundles to receive: 1."))
        #expect(!en(.handOverPickItem, "Nghia Son", 13918, 1).contains("1 centres"))
    }
}
