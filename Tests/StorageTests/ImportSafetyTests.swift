import Domain
import Foundation
import GRDB
import Testing
@testable import Storage

/// What an import may not do (issue 12, finding 6): write for nothing, cut a name at a NUL, leave its reports
/// readable by others, or fail half-way on a full disk.
@Suite struct ImportSafetyTests {
    let moment = Date(timeIntervalSince1970: 1_763_700_000)

    func setUp(_ database: AppDatabase) throws -> SurveyCampaign {
        let centre = try database.saveCentre(Centre(name: "TT", provinceCode: 37, communeCode: 13891,
                                                    villages: ["Xóm 1", "Xóm 2"]), by: clerk, at: moment)
        return try database.saveCampaign(SurveyCampaign(centreID: centre.id!, year: 2026, title: "KS", target: 100),
                                          by: clerk, at: moment)
    }

    func form(_ campaign: SurveyCampaign, _ serial: String, name: String = "Nguyễn Văn An") -> SurveyResponse {
        SurveyResponse(campaignID: campaign.id!, answers: ["serial": .text(serial), "name": .text(name),
                                                           "village": .text("Xóm 1"), "topics": .codes([1, 3])])
    }

    @Test func anEmptyImportWritesNothing() throws {
        let database = try AppDatabase.inMemory()
        _ = try setUp(database)
        let entries = try database.auditEntries().count
        #expect(try database.importResponses([], by: clerk, at: moment) == nil, "no import batch")
        #expect(try database.auditEntries().count == entries)
    }

    @Test func aNameWithANulIsStoredWholeOrNotAtAll() throws {
        let database = try AppDatabase.inMemory()
        let campaign = try setUp(database)
        let saved = try database.saveResponse(form(campaign, "A-1", name: "Nguyễn\u{0}Văn An"), by: clerk, at: moment)
        let column = try database.writer.read { db in
            try String.fetchOne(db, sql: "SELECT respondentName FROM surveyResponse WHERE id = ?", arguments: [saved.id])
        }
        #expect(column == "NguyễnVăn An")
        #expect(try database.responses(campaignID: campaign.id!).first?.respondentName == "NguyễnVăn An",
                "the column and the answers hold the same text")
    }

    @Test func aConcurrentImportsDuplicateIsRefusedWhole() throws {
        let database = try AppDatabase.inMemory()
        let campaign = try setUp(database)
        try database.importResponses([form(campaign, "P0000001")], by: clerk, at: moment)
        #expect(throws: SurveyStoreError.duplicateSerial("P0000001")) {
            try database.importResponses([form(campaign, "P0000002"), form(campaign, "P0000001")], by: clerk, at: moment)
        }
        #expect(try database.responses(campaignID: campaign.id!).count == 1)
    }

    @Test func aFullDiskDuringAnImportImportsNothing() throws {
        let temp = TempFolder()
        let database = try AppDatabase.open(path: temp.path("t.sqlite"))
        defer { database.close() }
        let campaign = try setUp(database)
        try database.writer.writeWithoutTransaction { db in
            let pages = try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0
            try db.execute(sql: "PRAGMA max_page_count = \(pages + 2)")
        }
        let batch = (1...400).map { form(campaign, "B-\($0)", name: String(repeating: "Nguyễn Văn An ", count: 20)) }
        do {
            try database.importResponses(batch, by: clerk, at: moment)
            Issue.record("the import fitted in two pages")
        } catch {
            #expect(StorageFailure(error) == .diskFull)
        }
        #expect(try database.responses(campaignID: campaign.id!).isEmpty)
        #expect(try database.verifyAudit().isIntact)
    }

    @Test func exportsAndReportsAreForTheOwnerOnly() throws {
        let temp = TempFolder()
        let previous = umask(0o022)
        defer { umask(previous) }
        let path = temp.path("bao-cao-loi-nhap.csv")
        try CSVFiles.write(path: path, style: .semicolon, headers: ["Họ tên", "Năm sinh"], rows: [["Nguyễn Văn An", "1970"]])
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int == 0o600)
        try CSVFiles.write(path: path, style: .semicolon, headers: ["Họ tên"], rows: [])
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int == 0o600,
                "also when it replaces an older file")
    }
}
