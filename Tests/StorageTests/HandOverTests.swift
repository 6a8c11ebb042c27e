import Domain
import Foundation
import Testing
@testable import Storage

/// A province that keyed its communes itself (the whole demo: 14 centres of 14 communes) and commune offices that
/// start empty, as a commune that has just got its PC: the province hands the commune's centres over.
final class HandOverDesk {
    let folder = TempFolder()
    let usb: URL
    let province: AppDatabase
    private var opened: [AppDatabase] = []
    let moment = Date(timeIntervalSince1970: 1_763_700_000)

    init() throws {
        usb = folder.url.appendingPathComponent("usb")
        try FileManager.default.createDirectory(at: usb, withIntermediateDirectories: true)
        province = try AppDatabase.open(path: folder.path("province.sqlite"))
        try province.load(ExchangeOffices.dataset)
    }

    deinit {
        province.close()
        opened.forEach { $0.close() }
    }

    /// A commune office with no centre of its own.
    func emptyCommune(_ code: Int) throws -> AppDatabase {
        let database = try AppDatabase.open(path: folder.path("x\(code)-\(opened.count).sqlite"))
        try database.saveOfficeSettings(OfficeSettings(provinceCode: 37, communeCode: code), by: .system, at: moment)
        opened.append(database)
        return database
    }

    /// A commune office holding the demo's centres of that commune as its own (keyed there too).
    func keyedCommune(_ code: Int) throws -> AppDatabase {
        let database = try AppDatabase.open(path: folder.path("k\(code).sqlite"))
        try database.load(ExchangeOffices.dataset, part: .commune(code))
        opened.append(database)
        return database
    }

    func handOver(_ commune: Int, at offset: TimeInterval = 0) throws -> ExportedBundle {
        try province.exportHandOver(commune: commune, to: usb, office: try ExchangeOffices.office(province),
                                    programVersion: "test", by: clerk, at: moment.addingTimeInterval(offset))
    }

    func receive(_ url: URL, at database: AppDatabase, offset: TimeInterval = 0) throws -> ReceivedBundle {
        try database.receiveBundle(at: url, receiver: try ExchangeOffices.office(database), by: clerk,
                                   at: moment.addingTimeInterval(offset))
    }

    func centre(_ database: AppDatabase, _ code: String) throws -> Centre {
        try #require(try database.centre(code: code))
    }

    func forms(_ database: AppDatabase, _ centre: Centre) throws -> Int {
        try database.campaigns(centreID: centre.id!).map { try database.responseCount(campaignID: $0.id!) }.reduce(0, +)
    }
}

@Suite struct HandOverTests {
    /// The province keyed xã Nghĩa Sơn (its centre, board, two campaigns of 420 forms, teachers, an evaluation); it
    /// hands it over; the commune receives it as its own and edits it; the province can no longer edit it; the
    /// commune's first bundle comes back up and replaces it; after that the hand-over is closed.
    @Test func aCommuneKeyedAtTheProvinceIsHandedOverAndComesBackAsTheCommunes() throws {
        let desk = try HandOverDesk()
        let province = desk.province
        #expect(try province.handOverCandidates().first { $0.communeCode == 13918 }
                == HandOverCandidate(communeCode: 13918, centres: 1, handedOver: false))
        let keyed = try desk.centre(province, "TT13918")
        let members = try province.boardMembers(centreID: keyed.id!)
        let staff = try province.staffMembers(centreID: keyed.id!)
        let evaluation = try #require(try province.evaluation(centreID: keyed.id!, year: 2026))
        #expect(members.count == 6 && staff.count == 2)
        #expect(try desk.forms(province, keyed) == 420)

        let bundle = try desk.handOver(13918)
        #expect(bundle.url.lastPathComponent == "P37-000001-X13918.tthtcd")
        #expect(bundle.manifest.handOverTo == 13918)
        #expect(bundle.manifest.counts == ["centre": 1, "boardMember": 6, "surveyCampaign": 2, "surveyResponse": 420, "plan": 0])
        // At the province: the commune's now, read-only, and said so in the trail.
        #expect(try province.receivedCentreWriters()[keyed.id!] == "X13918")
        #expect(try province.handOverCandidates().first { $0.communeCode == 13918 }?.handedOver == true)
        var edited = keyed
        edited.address = "Sửa ở tỉnh sau khi bàn giao"
        #expect(failure { _ = try province.saveCentre(edited, by: clerk, at: desk.moment) } == .receivedRecord)
        #expect(failure { _ = try province.saveBoardMember(members[0], by: clerk, at: desk.moment) } == .receivedRecord)
        #expect(failure { _ = try province.saveStaffMember(staff[0], by: clerk, at: desk.moment) } == .receivedRecord,
                "the teachers and money are the commune's too")
        let treasurer = Actor(accountID: nil, username: "ketoan", fullName: "Kế toán", roles: [.communeLeader])
        #expect(failure {
            try province.saveFundingPlan(try province.fundingYear(centreID: keyed.id!, year: 2026), by: treasurer, at: desk.moment)
        } == .receivedRecord)
        let entry = try #require(try province.auditEntries().first { $0.action == "handOver" })
        #expect(entry.recordID == "X13918" && entry.changes.contains { $0.field == "centres" && $0.after == "TT13918" })
        // The province's own bundle no longer carries the handed-over centre.
        let own = try province.exportBundle(to: desk.usb, office: try ExchangeOffices.office(province), programVersion: "test",
                                            by: clerk, at: desk.moment)
        #expect(own.manifest.counts["centre"] == 13 && own.manifest.handOverTo == nil)

        // At the commune: everything arrives as its own, with the province's key pinned and the report of what came.
        let commune = try desk.emptyCommune(13918)
        let received = try desk.receive(bundle.url, at: commune)
        #expect(received.firstExchange && received.manifest.handOverTo == 13918)
        #expect(received.report.added.contains(MergeReport.Entry(kind: "centre", name: "TT13918 " + keyed.name)))
        #expect(received.report.added.filter { $0.kind == "surveyResponse" }.count == 420)
        #expect(received.report.added.contains(MergeReport.Entry(kind: "evaluation", name: "TT13918 2026")))
        #expect(received.report.changed.isEmpty && received.report.removed.isEmpty)
        #expect(try commune.exchangePeers().map(\.office.writerID) == ["P37"])
        #expect(try commune.receivedCentreWriters().isEmpty, "the commune's own records")
        var mine = try desk.centre(commune, "TT13918")
        #expect(mine.name == keyed.name && mine.venues == keyed.venues && mine.facilities == keyed.facilities)
        #expect(try commune.boardMembers(centreID: mine.id!).map(\.fullName).sorted() == members.map(\.fullName).sorted())
        #expect(try desk.forms(commune, mine) == 420)
        #expect(try commune.staffMembers(centreID: mine.id!).map(\.fullName).sorted() == staff.map(\.fullName).sorted())
        let theirs = try #require(try commune.evaluation(centreID: mine.id!, year: 2026))
        #expect(theirs.uid == evaluation.uid && theirs.items == evaluation.items && theirs.status == evaluation.status)
        #expect(try commune.auditEntries().contains { $0.action == "receive" && $0.changes.contains { $0.field == "handOver" } })
        // The commune edits it: its own now.
        mine.address = "Số 5 thôn Đông, xã Nghĩa Sơn"
        mine = try commune.saveCentre(mine, by: clerk, at: desk.moment.addingTimeInterval(60))
        let member = try #require(try commune.boardMembers(centreID: mine.id!).first)
        var phone = member
        phone.phone = "0987654321"
        _ = try commune.saveBoardMember(phone, by: clerk, at: desk.moment.addingTimeInterval(60))

        // A stick lost on the way: the province writes it again while the commune has sent nothing.
        let again = try desk.handOver(13918, at: 120)
        #expect(again.url.lastPathComponent == "P37-000003-X13918.tthtcd" && again.manifest.counts["centre"] == 1)

        // The commune's first bundle replaces the handed-over centre at the province: no clash of codes.
        let up = try commune.exportBundle(to: desk.usb, office: try ExchangeOffices.office(commune), programVersion: "test",
                                          by: clerk, at: desk.moment.addingTimeInterval(180))
        let atProvince = try province.receiveBundle(at: up.url, receiver: try ExchangeOffices.office(province), by: clerk,
                                                    at: desk.moment.addingTimeInterval(180))
        #expect(atProvince.report.changed.contains(MergeReport.Entry(kind: "centre", name: "TT13918 " + keyed.name)))
        #expect(atProvince.report.changed.contains(MergeReport.Entry(kind: "boardMember", name: member.fullName)))
        #expect(atProvince.report.counts == up.manifest.counts.filter { $0.value > 0 })
        let replaced = try desk.centre(province, "TT13918")
        #expect(replaced.address == "Số 5 thôn Đông, xã Nghĩa Sơn")
        #expect(try province.allCentres().count == 14)
        #expect(try province.boardMembers(centreID: replaced.id!).count == 6)
        #expect(try desk.forms(province, replaced) == 420)
        #expect(try province.evaluation(centreID: replaced.id!, year: 2026)?.uid == evaluation.uid,
                "the province's evaluation follows the centre")
        #expect(try province.receivedCentreWriters()[replaced.id!] == "X13918")

        // Closed now: neither written again nor taken back, and no longer offered.
        #expect(throws: HandOverError.communeHasSent(13918)) { _ = try desk.handOver(13918, at: 240) }
        #expect(throws: HandOverError.communeHasSent(13918)) {
            try province.takeBackHandOver(commune: 13918, by: clerk, at: desk.moment)
        }
        #expect(try province.handOverCandidates().contains { $0.communeCode == 13918 } == false)
        #expect(try province.nextBundleSequence() == 4, "a refused hand-over takes no number")
    }

    /// A plan with its document numbers, money and teachers travel too (phường Hoa Lư).
    @Test func plansMoneyAndTeachersAreHandedOverWithTheirNumbers() throws {
        let desk = try HandOverDesk()
        let keyed = try desk.centre(desk.province, "TT14329")
        let plans = try desk.province.plans(centreID: keyed.id!)
        let staff = try desk.province.staffMembers(centreID: keyed.id!)
        #expect(!plans.isEmpty && !staff.isEmpty)
        let commune = try desk.emptyCommune(14329)
        _ = try desk.receive(try desk.handOver(14329).url, at: commune)
        let mine = try desk.centre(commune, "TT14329")
        #expect(try commune.plans(centreID: mine.id!).map(\.title) == plans.map(\.title))
        #expect(try commune.staffMembers(centreID: mine.id!).map(\.uid) == staff.map(\.uid))
        for year in [2025, 2026] {
            let there = try desk.province.fundingYear(centreID: keyed.id!, year: year)
            let here = try commune.fundingYear(centreID: mine.id!, year: year)
            #expect(here.receipts.map(\.amount) == there.receipts.map(\.amount) && here.allocated == there.allocated)
        }
        // The plans keep the numbers the province's register gave them.
        let numbers = { (db: AppDatabase, id: Int64) in
            try sqlite3(db.path, "SELECT year, planNumber, decisionNumber FROM documentRegister WHERE centreId = \(id) ORDER BY 1, 2")
        }
        let register = try numbers(desk.province, keyed.id!)
        let copied = try numbers(commune, mine.id!)
        #expect(!register.isEmpty && copied == register)
        // The commune's bundle comes back up; the teachers and money the province had keyed go with the old slice.
        let up = try commune.exportBundle(to: desk.usb, office: try ExchangeOffices.office(commune), programVersion: "test",
                                          by: clerk, at: desk.moment.addingTimeInterval(60))
        _ = try desk.province.receiveBundle(at: up.url, receiver: try ExchangeOffices.office(desk.province), by: clerk,
                                            at: desk.moment.addingTimeInterval(60))
        let replaced = try desk.centre(desk.province, "TT14329")
        #expect(try desk.province.plans(centreID: replaced.id!).map(\.title) == plans.map(\.title))
        #expect(try sqlite3(desk.province.path, "PRAGMA foreign_key_check") == "")
    }

    /// While the commune has sent nothing, the province can take the hand-over back: its own centres again.
    @Test func aHandOverIsTakenBackWhileTheCommuneHasSentNothing() throws {
        let desk = try HandOverDesk()
        _ = try desk.handOver(14329)
        #expect(try desk.province.takeBackHandOver(commune: 14329, by: clerk, at: desk.moment) == 1)
        var centre = try desk.centre(desk.province, "TT14329")
        #expect(try desk.province.receivedCentreWriters().isEmpty)
        centre.address = "Sửa lại ở tỉnh"
        #expect(try desk.province.saveCentre(centre, by: clerk, at: desk.moment).address == "Sửa lại ở tỉnh")
        #expect(try desk.province.handOverCandidates().first { $0.communeCode == 14329 }?.handedOver == false)
        let trail = try desk.province.auditEntries().map(\.action)
        #expect(trail.contains("handOver") && trail.contains("takeBack"))
        #expect(throws: HandOverError.notHandedOver(14329)) {
            try desk.province.takeBackHandOver(commune: 14329, by: clerk, at: desk.moment)
        }
        let viewer = Actor(accountID: nil, username: "xem", fullName: "Người xem", roles: [.viewer])
        #expect(throws: PermissionDenied.self) { try desk.province.takeBackHandOver(commune: 14329, by: viewer, at: desk.moment) }
    }
}

/// A hand-over is refused, in words, where it does not belong; and the receiving file is left as it was.
@Suite struct HandOverRefusalTests {
    func refused(_ desk: HandOverDesk, _ url: URL, at database: AppDatabase) throws -> BundleProblem? {
        let before = [database.path, database.path + "-wal"].map { (try? Data(contentsOf: URL(fileURLWithPath: $0))) ?? Data() }
        defer {
            let after = [database.path, database.path + "-wal"].map { (try? Data(contentsOf: URL(fileURLWithPath: $0))) ?? Data() }
            #expect(after == before, "the receiving file is unchanged")
        }
        do {
            _ = try desk.receive(url, at: database)
            return nil
        } catch let problem as BundleProblem {
            return problem
        }
    }

    @Test func aHandOverGoesToItsCommuneOnly() throws {
        let desk = try HandOverDesk()
        let url = try desk.handOver(13918).url
        #expect(try refused(desk, url, at: try desk.emptyCommune(14329)) == .handOverForOtherCommune(13918))
        let otherProvinceOffice = try AppDatabase.open(path: desk.folder.path("tinh2.sqlite"))
        defer { otherProvinceOffice.close() }
        try otherProvinceOffice.load(ExchangeOffices.dataset, part: .officeOnly)
        #expect(try refused(desk, url, at: otherProvinceOffice) == .handOverNeedsCommuneOffice(13918))
        #expect(try refused(desk, url, at: try desk.keyedCommune(13918)) == .handOverCodeTaken("TT13918"),
                "a commune that keyed the centre itself keeps it")
        // Received once, a second hand-over of the same centres is refused the same way.
        let commune = try desk.emptyCommune(13918)
        _ = try desk.receive(url, at: commune)
        let again = try desk.handOver(13918, at: 60).url
        #expect(try refused(desk, again, at: commune) == .handOverCodeTaken("TT13918"))
    }

    @Test func onlyAProvinceHandsOverWhatItKeyed() throws {
        let desk = try HandOverDesk()
        let commune = try desk.keyedCommune(14329)
        #expect(throws: HandOverError.notProvinceOffice) {
            _ = try commune.exportHandOver(commune: 14329, to: desk.usb, office: try ExchangeOffices.office(commune),
                                           programVersion: "test", by: clerk, at: desk.moment)
        }
        #expect(throws: HandOverError.nothingToHandOver(4)) { _ = try desk.handOver(4) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: desk.usb.path).isEmpty)
        #expect(try desk.province.nextBundleSequence() == 1)
    }

    /// An ordinary province bundle still brings a keyed commune's centres read-only, as before hand-overs existed.
    @Test func anOrdinaryProvinceBundleKeepsTodaysBehaviour() throws {
        let desk = try HandOverDesk()
        let own = try desk.province.exportBundle(to: desk.usb, office: try ExchangeOffices.office(desk.province),
                                                 programVersion: "test", by: clerk, at: desk.moment)
        let opened = try BundleArchive.open(own.url)
        #expect(!String(decoding: opened.manifestBytes, as: UTF8.self).contains("handOver"))
        let commune = try desk.emptyCommune(13918)
        let received = try desk.receive(own.url, at: commune)
        #expect(received.report.counts["centre"] == 1)
        let centre = try desk.centre(commune, "TT13918")
        #expect(try commune.receivedCentreWriters()[centre.id!] == "P37", "read-only at the commune")
        // The hand-over written after it takes the same centre over as the commune's own.
        _ = try desk.receive(try desk.handOver(13918, at: 60).url, at: commune, offset: 60)
        #expect(try commune.receivedCentreWriters().isEmpty)
        #expect(try commune.allCentres().map(\.code) == ["TT13918"])
        #expect(try sqlite3(commune.path, "PRAGMA foreign_key_check") == "")
    }
}
