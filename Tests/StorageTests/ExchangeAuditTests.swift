import Domain
import Foundation
import Testing
@testable import Storage

/// `audit verify` at offices that exchanged bundles: received records are vouched for by their receipt, not by the
/// receiving office's trail, so the replay must not call them tampered with; a hand-over's records replay from what
/// the hand-over brought; and a received record changed outside the program is still found.
@Suite struct ExchangeAuditTests {
    /// What the replay found, one line a record, for the failure message.
    static func findings(_ database: AppDatabase) throws -> [String] {
        try database.auditReport().findings.map { "\($0.recordType) \($0.recordID): \($0.kind)" }
    }

    static func expectClean(_ database: AppDatabase, _ what: String, sourceLocation: SourceLocation = #_sourceLocation)
        throws {
        let report = try database.auditReport()
        let lines = report.findings.map { "\($0.recordType) \($0.recordID): \($0.kind)" }
        #expect(lines.isEmpty, "\(what): \(lines.count) findings: \(lines.prefix(8).joined(separator: " | "))",
                sourceLocation: sourceLocation)
        #expect(report.chain.isIntact, "\(what)", sourceLocation: sourceLocation)
    }

    /// A change made with the sqlite3 tool, past the one-writer triggers (which a tamperer can open too).
    static func tamper(_ database: AppDatabase, _ sql: String) throws {
        let output = try sqlite3(database.path, "INSERT INTO exchangeGate (open) VALUES (1); \(sql); DELETE FROM exchangeGate;")
        #expect(output.isEmpty, "\(output)")
    }

    @Test func aProvinceThatReceivedCommunesVerifiesClean() throws {
        let offices = try ExchangeOffices()
        for code in ExchangeOffices.communes { try Self.expectClean(offices.communes[code]!, "commune \(code) before") }
        try Self.expectClean(offices.province, "province before")
        for code in ExchangeOffices.communes { _ = try offices.receive(try offices.export(code)) }
        try Self.expectClean(offices.province, "province after three communes")
        for code in ExchangeOffices.communes { try Self.expectClean(offices.communes[code]!, "commune \(code) after") }
    }

    @Test func aSecondBundleThatReplacesTheSliceVerifiesClean() throws {
        let offices = try ExchangeOffices()
        _ = try offices.receive(try offices.export(13918))
        let commune = offices.communes[13918]!
        let centre = try #require(try commune.allCentres().first)
        var members = try commune.boardMembers(centreID: centre.id!)
        members[0].phone = "0912345678"
        _ = try commune.saveBoardMember(members[0], by: clerk, at: offices.moment.addingTimeInterval(60))
        _ = try commune.saveBoardMember(BoardMember(centreID: centre.id!, fullName: "Hà Văn Mới"), by: clerk,
                                        at: offices.moment.addingTimeInterval(60))
        // The province's own records are numbered after the first slice, so the second one takes new numbers.
        _ = try offices.receive(try offices.export(13918, at: offices.moment.addingTimeInterval(120)))
        try Self.expectClean(offices.province, "province after the second bundle")
        try Self.expectClean(commune, "commune after editing")
    }

    @Test func theWayBackVerifiesCleanAtTheCommune() throws {
        let desk = try HandOverDesk()
        let own = try desk.province.exportBundle(to: desk.usb, office: try ExchangeOffices.office(desk.province),
                                                 programVersion: "test", by: clerk, at: desk.moment)
        let commune = try desk.emptyCommune(13918)
        _ = try desk.receive(own.url, at: commune)
        try Self.expectClean(commune, "commune after an ordinary province bundle")
    }

    /// The whole hand-over: the province marks and writes it, the commune takes it over and edits it, sends its first
    /// and second bundles back; every file verifies clean at every step.
    @Test func aHandOverVerifiesCleanAtBothOffices() throws {
        let desk = try HandOverDesk()
        let province = desk.province
        try Self.expectClean(province, "province before")
        let bundle = try desk.handOver(13918)
        try Self.expectClean(province, "province after marking the hand-over")
        let commune = try desk.emptyCommune(13918)
        _ = try desk.receive(bundle.url, at: commune)
        try Self.expectClean(commune, "commune after the hand-over")

        var mine = try desk.centre(commune, "TT13918")
        mine.address = "Số 5 thôn Đông, xã Nghĩa Sơn"
        mine = try commune.saveCentre(mine, by: clerk, at: desk.moment.addingTimeInterval(60))
        var member = try #require(try commune.boardMembers(centreID: mine.id!).first)
        member.phone = "0987654321"
        _ = try commune.saveBoardMember(member, by: clerk, at: desk.moment.addingTimeInterval(60))
        let campaign = try #require(try commune.campaigns(centreID: mine.id!).first)
        let form = try #require(try commune.responses(campaignID: campaign.id!).last)
        try commune.deleteResponse(id: form.id!, by: clerk, at: desk.moment.addingTimeInterval(60))
        try Self.expectClean(commune, "commune after editing what it took over")

        let office = try ExchangeOffices.office(commune)
        let up = try commune.exportBundle(to: desk.usb, office: office, programVersion: "test", by: clerk,
                                          at: desk.moment.addingTimeInterval(120))
        _ = try desk.receive(up.url, at: province, offset: 120)
        try Self.expectClean(province, "province after the commune's first bundle")
        try Self.expectClean(commune, "commune after sending")

        member.phone = "0911111111"
        _ = try commune.saveBoardMember(member, by: clerk, at: desk.moment.addingTimeInterval(180))
        let second = try commune.exportBundle(to: desk.usb, office: office, programVersion: "test", by: clerk,
                                              at: desk.moment.addingTimeInterval(240))
        _ = try desk.receive(second.url, at: province, offset: 240)
        try Self.expectClean(province, "province after the commune's second bundle")
    }

    /// Plans (with their activities' outcomes) are handed over too, and replay at the commune.
    @Test func handedOverPlansReplayAtTheCommune() throws {
        let desk = try HandOverDesk()
        let commune = try desk.emptyCommune(14329)
        _ = try desk.receive(try desk.handOver(14329).url, at: commune)
        let mine = try desk.centre(commune, "TT14329")
        #expect(try !commune.plans(centreID: mine.id!).isEmpty)
        try Self.expectClean(commune, "commune with handed-over plans")
        let up = try commune.exportBundle(to: desk.usb, office: try ExchangeOffices.office(commune), programVersion: "test",
                                          by: clerk, at: desk.moment.addingTimeInterval(60))
        _ = try desk.receive(up.url, at: desk.province, offset: 60)
        try Self.expectClean(desk.province, "province after the plans came back")
    }

    /// A received record changed with the sqlite3 tool is found through the digest its receipt kept; so is one of
    /// the forms, and a received centre passed off as the office's own.
    @Test func aReceivedRecordChangedOutsideTheProgramIsFound() throws {
        let offices = try ExchangeOffices()
        for code in ExchangeOffices.communes { _ = try offices.receive(try offices.export(code)) }
        let province = offices.province
        let receipt = try #require(try province.auditEntries().first { $0.action == "receive" && $0.recordID == "X14329" })
        #expect(receipt.changes.contains { $0.field == ReceivedAudit.digestField && ($0.after?.count ?? 0) == 64 })
        try Self.tamper(province, "UPDATE centre SET name = 'Trung tâm giả' WHERE code = 'TT14329'")
        let report = try province.auditReport()
        #expect(!report.isIntact)
        #expect(report.findings == [AuditRecordFinding(recordType: "exchange", recordID: "X14329",
                                                       kind: .receivedChanged(receipt: receipt.id, office: try #require(
                                                           try province.exchangePeers().first { $0.office.writerID == "X14329" }
                                                       ).office.name))])
        try Self.tamper(province, """
            UPDATE surveyResponse SET respondentName = 'Người khác' WHERE id = (SELECT r.id FROM surveyResponse r
                JOIN surveyCampaign s ON s.id = r.campaignId JOIN centre c ON c.id = s.centreId
                WHERE c.writer = 'X13918' LIMIT 1)
            """)
        #expect(try province.auditReport().findings.map(\.recordID) == ["X13918", "X14329"])

        let other = try ExchangeOffices()
        _ = try other.receive(try other.export(14638))
        try Self.tamper(other.province, "UPDATE centre SET writer = NULL WHERE code = 'TT14638'")
        let findings = try Self.findings(other.province)
        #expect(findings.contains("centre TT14638: notLogged") && findings.contains { $0.hasPrefix("exchange X14638") },
                "\(findings)")
    }

    /// At the commune, the records taken over are its own and replay field by field: a raw change is found as a
    /// change without an entry, like any record keyed there.
    @Test func aTakenOverRecordChangedOutsideTheProgramIsFound() throws {
        let desk = try HandOverDesk()
        let commune = try desk.emptyCommune(13918)
        _ = try desk.receive(try desk.handOver(13918).url, at: commune)
        let trail = try commune.auditEntries(limit: 100_000)
        let takenOver = trail.filter { $0.action == ReceivedAudit.takenOver }
        #expect(Set(takenOver.map(\.recordType)) == ["centre", "boardMember", "surveyCampaign"],
                "the demo's forms are imported: vouched for by their import")
        #expect(takenOver.allSatisfy { $0.changes.allSatisfy { $0.before == nil } })
        try Self.tamper(commune, "UPDATE centre SET name = 'Trung tâm giả' WHERE code = 'TT13918'")
        let report = try commune.auditReport()
        guard case .changedWithoutEntry(_, let changes)? = report.findings.first?.kind else {
            Issue.record("\(report.findings)")
            return
        }
        #expect(report.findings.count == 1 && report.findings[0].recordID == "TT13918")
        #expect(changes.map(\.field) == ["name"] && changes.first?.after == "Trung tâm giả")
    }

    /// At the province, the handed-over records' trail ends with one entry each when the commune's first bundle
    /// replaces them.
    @Test func theProvincesTrailOfHandedOverRecordsEndsAtTheCommunesFirstBundle() throws {
        let desk = try HandOverDesk()
        let commune = try desk.emptyCommune(13918)
        _ = try desk.receive(try desk.handOver(13918).url, at: commune)
        let count = { (database: AppDatabase, action: String) in
            try database.auditEntries(limit: 100_000).filter { $0.action == action }.count
        }
        #expect(try count(desk.province, ReceivedAudit.handedOver) == 0, "still the province's until the commune sends")
        let up = try commune.exportBundle(to: desk.usb, office: try ExchangeOffices.office(commune), programVersion: "test",
                                          by: clerk, at: desk.moment.addingTimeInterval(60))
        _ = try desk.receive(up.url, at: desk.province, offset: 60)
        let ended = try desk.province.auditEntries(limit: 100_000).filter { $0.action == ReceivedAudit.handedOver }
        #expect(ended.count == (try count(commune, ReceivedAudit.takenOver)))
        #expect(ended.contains { $0.recordType == "centre" && $0.recordID == "TT13918" })
        #expect(ended.allSatisfy { $0.changes.allSatisfy { $0.after == nil } })
        // A second bundle replaces received records only: no more such entries.
        let again = try commune.exportBundle(to: desk.usb, office: try ExchangeOffices.office(commune), programVersion: "test",
                                             by: clerk, at: desk.moment.addingTimeInterval(120))
        _ = try desk.receive(again.url, at: desk.province, offset: 120)
        #expect(try count(desk.province, ReceivedAudit.handedOver) == ended.count)
        try Self.expectClean(desk.province, "province after two bundles")
    }
}
