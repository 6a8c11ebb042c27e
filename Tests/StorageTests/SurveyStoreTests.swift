import Domain
import Foundation
import Testing
@testable import Storage

@Suite struct SurveyStoreTests {
    let moment = Date(timeIntervalSince1970: 1_763_700_000)

    func setUp() throws -> (AppDatabase, SurveyCampaign) {
        let database = try AppDatabase.inMemory()
        let centre = try database.saveCentre(Centre(name: "TT", provinceCode: 37, communeCode: 13891,
                                                    villages: ["Xóm 1", "Xóm 2"]), by: clerk, at: moment)
        let campaign = try database.saveCampaign(
            SurveyCampaign(centreID: centre.id!, year: 2026, title: "Khảo sát 2026", methods: [.villageMeeting],
                           start: LocalDate(iso: "2026-01-05"), target: 100), by: clerk, at: moment)
        return (database, campaign)
    }

    func response(_ campaign: SurveyCampaign, _ serial: String, name: String = "Nguyễn Văn An") -> SurveyResponse {
        SurveyResponse(campaignID: campaign.id!, answers: ["serial": .text(serial), "name": .text(name),
                                                           "village": .text("Xóm 1"), "topics": .codes([1, 3])])
    }

    @Test func campaignsAndResponsesRoundTrip() throws {
        let (database, campaign) = try setUp()
        #expect(try database.campaigns(centreID: campaign.centreID) == [campaign])
        let saved = try database.saveResponse(response(campaign, "A-1", name: "Nguyễn Văn An".decomposedStringWithCanonicalMapping),
                                              by: clerk, at: moment)
        let loaded = try database.responses(campaignID: campaign.id!)
        #expect(loaded == [saved])
        #expect(loaded[0].respondentName == "Nguyễn Văn An", "stored in NFC")
        #expect(try database.responseCounts() == [campaign.id!: 1])
        #expect(try database.centre(id: campaign.centreID)?.villages == ["Xóm 1", "Xóm 2"])
    }

    @Test func aSerialIsUniqueInACampaign() throws {
        let (database, campaign) = try setUp()
        try database.saveResponse(response(campaign, "A-1"), by: clerk, at: moment)
        #expect(throws: SurveyStoreError.duplicateSerial("A-1")) {
            try database.saveResponse(response(campaign, "A-1", name: "Khác"), by: clerk, at: moment)
        }
    }

    @Test func anImportIsAllOrNothing() throws {
        let (database, campaign) = try setUp()
        try database.saveResponse(response(campaign, "A-3"), by: clerk, at: moment)
        let batch = (1...5).map { response(campaign, "A-\($0)") }  // A-3 clashes, fourth in the batch
        #expect(throws: SurveyStoreError.duplicateSerial("A-3")) {
            try database.importResponses(batch, by: clerk, at: moment)
        }
        #expect(try database.responses(campaignID: campaign.id!).count == 1, "the first two were rolled back too")
        try database.importResponses((4...6).map { response(campaign, "A-\($0)") }, by: clerk, at: moment)
        #expect(try database.responses(campaignID: campaign.id!).count == 4)
    }

    @Test func deletingAFormIsAudited() throws {
        let (database, campaign) = try setUp()
        let saved = try database.saveResponse(response(campaign, "A-1"), by: clerk, at: moment)
        try database.deleteResponse(id: saved.id!, by: clerk, at: moment)
        #expect(try database.responses(campaignID: campaign.id!).isEmpty)
        #expect(try database.auditEntries(AuditFilter(record: "surveyResponse")).map(\.action) == ["delete", "create"])
        #expect(try database.verifyAudit() == .intact(entries: try database.auditEntries().count))
    }

    @Test(arguments: [Role.administrator, .centreDirector, .communeLeader, .provincialOfficer, .viewer])
    func onlyClerksEnterSurveys(_ role: Role) throws {
        let (database, campaign) = try setUp()
        let who = Actor(accountID: nil, username: role.rawValue, fullName: "", roles: [role])
        let denied = PermissionDenied(permission: .editSurveys, username: role.rawValue)
        #expect(throws: denied) { try database.saveCampaign(campaign, by: who, at: self.moment) }
        #expect(throws: denied) { try database.saveResponse(response(campaign, "X"), by: who, at: self.moment) }
        #expect(throws: denied) { try database.importResponses([response(campaign, "Y")], by: who, at: self.moment) }
        #expect(try database.responses(campaignID: campaign.id!).isEmpty)
    }

    @Test func aMappingIsSavedForTheNextFileWithTheSameColumns() throws {
        let (database, _) = try setUp()
        #expect(try database.importMapping(for: "a|b") == nil)
        try database.saveImportMapping(["A": "serial", "B": "-"], for: "a|b", by: clerk, at: moment)
        #expect(try database.importMapping(for: "a|b") == ["A": "serial", "B": "-"])
    }
}

@Suite struct CSVFileTests {
    func file(_ temp: TempFolder, _ name: String, _ bytes: [UInt8]) throws -> String {
        let path = temp.path(name)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func readsCommaOrSemicolonWithOrWithoutBOM() throws {
        let temp = TempFolder()
        let comma = try file(temp, "a.csv", Array("Số phiếu,Họ tên\nA-1,\"Trần, Thị Mai\"\n".utf8))
        #expect(try CSVFiles.read(path: comma) == CSVTable(headers: ["Số phiếu", "Họ tên"], rows: [["A-1", "Trần, Thị Mai"]],
                                                           delimiter: ","))
        let semicolon = try file(temp, "b.csv", [0xEF, 0xBB, 0xBF] + Array("Số phiếu;Họ tên\r\nA-1;Mai\r\n\r\n".utf8))
        let table = try CSVFiles.read(path: semicolon)
        #expect(table.headers == ["Số phiếu", "Họ tên"])
        #expect(table.rows == [["A-1", "Mai"]])
        #expect(table.delimiter == ";")
    }

    @Test func aWindows1258FileIsRefusedWithItsOwnReason() throws {
        let temp = TempFolder()
        // "Họ tên" in Windows-1258: H, o + combining dot below (0xF2), space, t, ê (0xEA), n.
        let path = try file(temp, "c.csv", [0x48, 0x6F, 0xF2, 0x20, 0x74, 0xEA, 0x6E, 0x0A, 0x41, 0x0A])
        #expect(throws: CSVFileError.notUTF8(path: path)) { try CSVFiles.read(path: path) }
        #expect(throws: CSVFileError.unreadable(path: temp.path("none.csv"))) { try CSVFiles.read(path: temp.path("none.csv")) }
    }

    @Test func writesForExcelWithABOMAndNoFormulas() throws {
        let temp = TempFolder()
        let path = temp.path("out.csv")
        try CSVFiles.write(path: path, style: .comma, headers: ["Nội dung", "Số"], rows: [["=HYPERLINK(\"x\")", "+1"], ["Trồng trọt", "@cmd"]])
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: data.dropFirst(3), as: UTF8.self)
        #expect(text.contains("\"'=HYPERLINK(\"\"x\"\")\""))
        #expect(text.contains("'+1"))
        #expect(text.contains("Trồng trọt,'@cmd"))
        #expect(CSVFiles.neutralise("-5") == "'-5")
        #expect(CSVFiles.neutralise("Xóm 1") == "Xóm 1")
        #expect(try CSVFiles.read(path: path).rows.count == 2, "what it writes, it reads")
    }
}
