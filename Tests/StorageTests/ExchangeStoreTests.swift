import AppResources
import Domain
import Foundation
import GRDB
import Testing
@testable import Storage

/// Offices of the demo's province (37) for the exchange tests: communes with their demo centres, and a provincial
/// office with none, in one temporary folder.
final class ExchangeOffices {
    static let dataset = try! DemoDataset.decode(AppResources.data("demo/demo.json"))
    static let units = try! UnitDirectory.decode(AppResources.data("units/units.json"))
    static let communes = [13918, 14329, 14638]

    let folder = TempFolder()
    let usb: URL
    let province: AppDatabase
    var communes: [Int: AppDatabase] = [:]
    let moment = Date(timeIntervalSince1970: 1_763_700_000)

    init() throws {
        usb = folder.url.appendingPathComponent("usb")
        try FileManager.default.createDirectory(at: usb, withIntermediateDirectories: true)
        province = try AppDatabase.open(path: folder.path("province.sqlite"))
        try province.load(Self.dataset, part: .officeOnly)
        for code in Self.communes {
            let database = try AppDatabase.open(path: folder.path("x\(code).sqlite"))
            try database.load(Self.dataset, part: .commune(code))
            communes[code] = database
        }
    }

    deinit {
        province.close()
        communes.values.forEach { $0.close() }
    }

    static func office(_ database: AppDatabase) throws -> ExchangeOffice {
        ExchangeOffice(settings: try database.officeSettings()!, units: units)
    }

    var provinceOffice: ExchangeOffice { try! Self.office(province) }

    func export(_ code: Int, at moment: Date? = nil) throws -> URL {
        let database = communes[code]!
        return try database.exportBundle(to: usb, office: try Self.office(database), programVersion: "test",
                                         by: clerk, at: moment ?? self.moment).url
    }

    func receive(_ url: URL) throws -> ReceivedBundle {
        try province.receiveBundle(at: url, receiver: provinceOffice, by: clerk, at: moment)
    }
}

/// The storage failure a write ended in; nil when it succeeded or failed otherwise.
func failure(_ body: () throws -> Void) -> StorageFailure? {
    do {
        try body()
        return nil
    } catch {
        return StorageFailure(error)
    }
}

@Suite struct ExchangeIdentityTests {
    @Test func everyRecordHasAStableIdentityAndTheMigratedDemoGetsOne() throws {
        let folder = TempFolder()
        let path = folder.path("old.sqlite")
        try FileManager.default.copyItem(atPath: Bundle.module.path(forResource: "demo-v5", ofType: "sqlite",
                                                                    inDirectory: "Fixtures")!, toPath: path)
        let database = try AppDatabase.open(path: path)
        defer { database.close() }
        for table in ExchangeSchema.identified {
            let missing = try sqlite3(path, "SELECT count(*) FROM \(table) WHERE uid IS NULL OR length(uid) <> 32")
            #expect(missing.trimmingCharacters(in: .whitespacesAndNewlines) == "0", "\(table)")
            let distinct = try sqlite3(path, "SELECT count(*) = count(DISTINCT uid) FROM \(table)")
            #expect(distinct.trimmingCharacters(in: .whitespacesAndNewlines) == "1", "\(table)")
        }
        var centre = try #require(try database.allCentres().first)
        let before = try sqlite3(path, "SELECT uid FROM centre WHERE id = \(centre.id!)")
        centre.address = "Đổi địa chỉ"
        _ = try database.saveCentre(centre, by: clerk, at: Date())
        #expect(try sqlite3(path, "SELECT uid FROM centre WHERE id = \(centre.id!)") == before, "a save keeps the identity")
        let member = try database.saveBoardMember(BoardMember(centreID: centre.id!, fullName: "Người Mới"), by: clerk, at: Date())
        let uid = try sqlite3(path, "SELECT uid FROM boardMember WHERE id = \(member.id!)")
        #expect(uid.trimmingCharacters(in: .whitespacesAndNewlines).count == 32, "a new record gets its identity")
        #expect(try sqlite3(path, "SELECT count(*) FROM centre WHERE writer IS NOT NULL").hasPrefix("0"),
                "an office's own records have no other writer")
    }
}

@Suite struct ExchangeExportTests {
    @Test func aBundleHoldsTheSignedSliceAndTheSequenceGrows() throws {
        let offices = try ExchangeOffices()
        let first = try offices.export(13918)
        let second = try offices.export(13918)
        #expect(first.lastPathComponent == "X13918-000001.tthtcd")
        #expect(second.lastPathComponent == "X13918-000002.tthtcd")
        let opened = try BundleArchive.open(second)
        #expect(opened.manifest.sequence == 2)
        #expect(opened.manifest.counts == ["centre": 1, "boardMember": 6, "surveyCampaign": 2, "surveyResponse": 420, "plan": 0])
        #expect(OfficeKey.verify(opened.signature, of: opened.manifestBytes, publicKey: opened.manifest.publicKey))
        #expect(try BundleArchive.open(first).manifest.publicKey == opened.manifest.publicKey, "the key is made once")
        let keyPath = OfficeKeyFile.path(forDataFile: offices.communes[13918]!.path)
        let mode = try FileManager.default.attributesOfItem(atPath: keyPath)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let bundleMode = try FileManager.default.attributesOfItem(atPath: second.path)[.posixPermissions] as? Int
        #expect(bundleMode == 0o600, "a bundle holds personal data: owner-only")
        #expect(opened.manifest.auditHead != nil)
        // The data part carries no account, password or audit entry.
        let unpacked = offices.folder.path("unpacked.sqlite")
        try BundleArchive.extractData(opened, to: URL(fileURLWithPath: unpacked))
        #expect(try sqlite3(unpacked, "SELECT count(*) FROM account").hasPrefix("0"))
        #expect(try sqlite3(unpacked, "SELECT count(*) FROM auditEntry").hasPrefix("0"))
        #expect(try sqlite3(unpacked, "SELECT count(*) FROM surveyResponse").hasPrefix("420"))
    }

    @Test func theSendingFileIsUnchangedButForTheSequenceAndItsAuditEntry() throws {
        let offices = try ExchangeOffices()
        let commune = offices.communes[14329]!
        let centres = try commune.allCentres()
        _ = try offices.export(14329)
        #expect(try commune.allCentres() == centres)
        #expect(try commune.nextBundleSequence() == 2)
        #expect(try commune.auditEntries().first?.recordID == "exchange.sequence")
    }
}

@Suite struct ExchangeReceiveTests {
    @Test func threeCommunesReachTheProvinceWithTheirCounts() throws {
        let offices = try ExchangeOffices()
        for code in ExchangeOffices.communes {
            let received = try offices.receive(try offices.export(code))
            #expect(received.firstExchange)
            #expect(received.report.removed.isEmpty && received.report.changed.isEmpty)
            let commune = offices.communes[code]!
            let count = try commune.allCentres().count
            #expect(received.report.counts["centre"] == count)
        }
        let centres = try offices.province.allCentres()
        #expect(Set(centres.compactMap(\.communeCode)) == Set(ExchangeOffices.communes))
        let peers = try offices.province.exchangePeers()
        #expect(peers.map(\.office.writerID).sorted() == ["X13918", "X14329", "X14638"])
        #expect(peers.allSatisfy { $0.lastSequence == 1 && !$0.isStale(asOf: offices.moment) })
        for code in ExchangeOffices.communes {
            let commune = offices.communes[code]!
            let here = try #require(centres.first { $0.communeCode == code })
            let there = try #require(try commune.allCentres().first)
            #expect(here.name == there.name && here.code == there.code)
            #expect(try offices.province.boardMembers(centreID: here.id!).map(\.fullName).sorted()
                    == (try commune.boardMembers(centreID: there.id!)).map(\.fullName).sorted())
            #expect(try offices.province.campaigns(centreID: here.id!).count == (try commune.campaigns(centreID: there.id!)).count)
        }
    }

    @Test func aLaterBundleReportsWhatChangedByNameAndReplacesTheSlice() throws {
        let offices = try ExchangeOffices()
        _ = try offices.receive(try offices.export(13918))
        let commune = offices.communes[13918]!
        let centre = try #require(try commune.allCentres().first)
        var members = try commune.boardMembers(centreID: centre.id!)
        members[0].phone = "0912345678"
        let changedName = members[0].fullName
        _ = try commune.saveBoardMember(members[0], by: clerk, at: offices.moment.addingTimeInterval(60))
        _ = try commune.saveBoardMember(BoardMember(centreID: centre.id!, fullName: "Hà Văn Mới"), by: clerk,
                                        at: offices.moment.addingTimeInterval(60))
        let campaign = try #require(try commune.campaigns(centreID: centre.id!).first)
        let gone = try #require(try commune.responses(campaignID: campaign.id!).last)
        try commune.deleteResponse(id: gone.id!, by: clerk, at: offices.moment.addingTimeInterval(60))

        let received = try offices.receive(try offices.export(13918, at: offices.moment.addingTimeInterval(120)))
        #expect(!received.firstExchange)
        #expect(received.report.added == [MergeReport.Entry(kind: "boardMember", name: "Hà Văn Mới")])
        #expect(received.report.changed == [MergeReport.Entry(kind: "boardMember", name: changedName)])
        #expect(received.report.removed.map(\.kind) == ["surveyResponse"])
        #expect(received.report.removed.first?.name.contains(gone.serial) == true)
        #expect(received.previousAuditHead != nil, "the previous slice's audit head is kept")
        let here = try #require(try offices.province.allCentres().first { $0.communeCode == 13918 })
        #expect(try offices.province.boardMembers(centreID: here.id!).count == members.count + 1)
        let total = try offices.province.campaigns(centreID: here.id!).map { try offices.province.responseCount(campaignID: $0.id!) }
        #expect(total.reduce(0, +) == 419)
        #expect(try offices.province.exchangePeers().first { $0.office.writerID == "X13918" }?.lastSequence == 2)
    }

    @Test func aReceivedRecordIsReadOnlyAtTheProvince() throws {
        let offices = try ExchangeOffices()
        let admin = Actor(accountID: nil, username: "tinh", fullName: "Cán bộ tỉnh", roles: [.administrator, .dataClerk])
        _ = try offices.receive(try offices.export(14329))
        var centre = try #require(try offices.province.allCentres().first)
        centre.address = "Sửa ở tỉnh"
        #expect(failure { _ = try offices.province.saveCentre(centre, by: admin, at: Date()) } == .receivedRecord)
        let member = try #require(try offices.province.boardMembers(centreID: centre.id!).first)
        #expect(failure { _ = try offices.province.saveBoardMember(member, by: admin, at: Date()) } == .receivedRecord)
        #expect(failure {
            _ = try offices.province.saveBoardMember(BoardMember(centreID: centre.id!, fullName: "Thêm ở tỉnh"), by: admin,
                                                     at: Date())
        } == .receivedRecord, "nothing is added to a received centre either")
        #expect(try sqlite3(offices.province.path, "DELETE FROM centre").contains("read-only"),
                "the rule holds for other tools too")
    }

    @Test func theProvincesNeedsAnalysisIsTheSumOfTheCommunes() throws {
        let offices = try ExchangeOffices()
        // A second commune with forms: copies of Nghĩa Sơn's 2025 forms in a campaign of Hoa Lư.
        let source = offices.communes[13918]!
        let from = try #require(try source.campaigns().first { $0.year == 2025 })
        let hoaLu = offices.communes[14329]!
        let centre = try #require(try hoaLu.allCentres().first)
        let campaign = try hoaLu.saveCampaign(SurveyCampaign(centreID: centre.id!, year: 2025, title: "Khảo sát 2025",
                                                             methods: from.methods, target: 200), by: clerk, at: offices.moment)
        let copies = try source.responses(campaignID: from.id!).prefix(150).map {
            SurveyResponse(campaignID: campaign.id!, answers: $0.answers)
        }
        try hoaLu.importResponses(Array(copies), by: clerk, at: offices.moment)
        for code in ExchangeOffices.communes { _ = try offices.receive(try offices.export(code)) }
        let atProvince = try offices.province.needsAnalysis(provinceCode: 37, year: 2025).analysis
        let parts = try ExchangeOffices.communes.map { try offices.communes[$0]!.needsAnalysis(provinceCode: 37, year: 2025).analysis }
        #expect(atProvince.respondents == parts.map(\.respondents).reduce(0, +))
        #expect(atProvince.respondents == 120 + copies.count)
        for (tallies, pick) in [(atProvince.topics, \NeedsAnalysis.topics), (atProvince.formats, \.formats),
                                (atProvince.times, \.times), (atProvince.seasons, \.seasons)] {
            for tally in tallies {
                let sum = parts.flatMap { $0[keyPath: pick] }.filter { $0.code == tally.code }.map(\.count).reduce(0, +)
                #expect(tally.count == sum)
            }
        }
    }

    @Test func theWayBackCarriesOnlyWhatTheProvinceWroteForThatCommune() throws {
        let offices = try ExchangeOffices()
        _ = try offices.receive(try offices.export(13918))
        let commune = offices.communes[13918]!
        let bundle = try offices.province.exportBundle(to: offices.usb, office: offices.provinceOffice,
                                                       programVersion: "test", by: clerk, at: offices.moment)
        #expect(bundle.url.lastPathComponent == "P37-000001.tthtcd")
        #expect(bundle.manifest.counts["centre"] == 0, "the province sends back none of the communes' records")
        let before = try commune.allCentres()
        let received = try commune.receiveBundle(at: bundle.url, receiver: try ExchangeOffices.office(commune), by: clerk,
                                                 at: offices.moment)
        #expect(received.firstExchange && received.report.isEmpty)
        #expect(try commune.allCentres() == before)
        #expect(try commune.exchangePeers().map(\.office.writerID) == ["P37"])
    }
}
