import Domain
import Foundation
import Storage
import Testing
@testable import Screens

/// The entries a hand-over and the bundles after it write, at the province and at the commune, read in the
/// catalog's words on the audit screen: the per-record "handed over" and "taken over", and the receipt's fields.
@MainActor
@Suite struct ExchangeAuditWordsTests {
    @Test(arguments: Language.allCases)
    func aHandOversEntriesHaveCatalogWords(_ language: Language) throws {
        let h = try Harness(.demo, language: language, account: ExchangeScreenTests.provinceOfficer)
        let desk = try ExchangeDesk()
        let moment = FixedClock(Harness.today).now
        let province = ExchangeOffice(settings: try h.database.officeSettings()!, units: Harness.units)
        let handOver = try h.database.exportHandOver(commune: 13918, to: desk.usb, office: province, programVersion: "test",
                                                     by: .system, at: moment)
        let commune = try AppDatabase.open(path: desk.folder.appendingPathComponent("own13918.sqlite").path)
        defer { commune.close() }
        try commune.load(Harness.demo, part: .communeOfficeOnly(13918))
        let own = ExchangeOffice(settings: try commune.officeSettings()!, units: Harness.units)
        _ = try commune.receiveBundle(at: handOver.url, receiver: own, by: .system, at: moment)
        let up = try commune.exportBundle(to: desk.usb, office: own, programVersion: "test", by: .system, at: moment)
        _ = try h.database.receiveBundle(at: up.url, receiver: province, by: .system, at: moment)

        let words = AuditScreen.words(h.context)
        let entries = try h.database.auditEntries(limit: 100_000) + (try commune.auditEntries(limit: 100_000))
        for action in [ReceivedAuditActions.handedOver, ReceivedAuditActions.takenOver, "receive", "handOver"] {
            #expect(entries.contains { $0.action == action }, "\(action) written")
        }
        for entry in entries {
            #expect(words.action(entry.action) != nil, "action \(entry.action)")
            #expect(words.recordType(entry.recordType) != nil, "type \(entry.recordType)")
            for change in entry.changes {
                #expect(words.field(entry.recordType, change.field) != nil, "\(entry.recordType).\(change.field)")
            }
        }
        #expect(words.action(ReceivedAuditActions.handedOver) == (language == .vi ? "chuyển giao cho xã" : "handed over to the commune"))
        #expect(words.action(ReceivedAuditActions.takenOver) == (language == .vi ? "nhận bàn giao từ tỉnh" : "taken over from the province"))
        #expect(try h.database.auditReport().findings.isEmpty && (try commune.auditReport().findings.isEmpty))
    }
}

/// The actions as the trail holds them (Storage keeps them internal).
enum ReceivedAuditActions {
    static let handedOver = "handedOver"
    static let takenOver = "takenOver"
}
