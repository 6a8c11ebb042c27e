import Domain
import Foundation
import Testing
@testable import Storage

/// A value in the file that this version cannot read is reported, naming its table, column and value; it is
/// never read as a default. Each case damages one column of the demo data with the sqlite3 tool, as another
/// program or a bad disk would.
@Suite struct StoredValueTests {
    struct Damage: CustomTestStringConvertible, Sendable {
        let sql: String
        let table: String
        let column: String
        let value: String
        let read: @Sendable (AppDatabase) throws -> Void
        var testDescription: String { "\(table).\(column) = \(value)" }
    }

    static let damages: [Damage] = [
        Damage(sql: "UPDATE centre SET status = 'closed' WHERE id = 1", table: "centre", column: "status", value: "closed",
               read: { _ = try $0.allCentres() }),
        Damage(sql: "UPDATE centre SET model = 'floating' WHERE id = 1", table: "centre", column: "model",
               value: "floating", read: { _ = try $0.centre(id: 1) }),
        Damage(sql: "UPDATE centre SET villages = '[\"Xóm 1\",' WHERE id = 1", table: "centre", column: "villages",
               value: "[\"Xóm 1\",", read: { _ = try $0.centres(provinceCode: nil) }),
        Damage(sql: "UPDATE centre SET updatedAt = 'yesterday' WHERE id = 1", table: "centre", column: "updatedAt",
               value: "yesterday", read: { _ = try $0.allCentres() }),
        Damage(sql: "UPDATE venue SET kind = 'boat' WHERE id = (SELECT min(id) FROM venue)", table: "venue",
               column: "kind", value: "boat", read: { _ = try $0.allCentres() }),
        Damage(sql: "UPDATE facility SET kind = 'projector3D' WHERE rowid = (SELECT min(rowid) FROM facility)",
               table: "facility", column: "kind", value: "projector3D", read: { _ = try $0.allCentres() }),
        Damage(sql: "UPDATE centreStatusChange SET toStatus = 'gone' WHERE id = 1", table: "centreStatusChange",
               column: "toStatus", value: "gone", read: { _ = try $0.statusHistory(centreID: 1) }),
        Damage(sql: "UPDATE boardMember SET role = 'treasurer' WHERE id = 1", table: "boardMember", column: "role",
               value: "treasurer", read: { _ = try $0.boardMembers(provinceCode: nil) }),
        Damage(sql: "UPDATE boardMember SET sex = 'x' WHERE id = 1", table: "boardMember", column: "sex", value: "x",
               read: { _ = try $0.boardMember(id: 1) }),
        Damage(sql: "UPDATE training SET date = '31/02/2026' WHERE id = (SELECT min(id) FROM training)",
               table: "training", column: "date", value: "31/02/2026",
               read: { _ = try $0.boardMembers(provinceCode: nil) }),
        Damage(sql: "UPDATE surveyCampaign SET methods = 'telepathy' WHERE id = 1", table: "surveyCampaign",
               column: "methods", value: "telepathy", read: { _ = try $0.campaigns() }),
        Damage(sql: "UPDATE surveyResponse SET answers = '{\"sex\":' WHERE id = 1", table: "surveyResponse",
               column: "answers", value: "{\"sex\":", read: { _ = try $0.responses(campaignID: 1) }),
        Damage(sql: "UPDATE plan SET status = 'lost' WHERE id = 1", table: "plan", column: "status", value: "lost",
               read: { _ = try $0.plans() }),
        Damage(sql: "UPDATE plan SET campaignIds = '1,x' WHERE id = 1", table: "plan", column: "campaignIds",
               value: "1,x", read: { _ = try $0.plan(id: 1) }),
        Damage(sql: "UPDATE planActivity SET content = 'not json' WHERE id = (SELECT min(id) FROM planActivity)",
               table: "planActivity", column: "content", value: "not json", read: { _ = try $0.plans() }),
        Damage(sql: "UPDATE planEvent SET action = 'burn' WHERE id = 1", table: "planEvent", column: "action",
               value: "burn", read: { _ = try $0.plans() }),
        Damage(sql: "UPDATE account SET roles = 'administrator,king' WHERE id = 1", table: "account", column: "roles",
               value: "administrator,king", read: { _ = try $0.accounts() }),
        Damage(sql: "UPDATE setting SET value = 'ba mươi bảy' WHERE key = 'office.province'", table: "setting",
               column: "value", value: "office.province=ba mươi bảy", read: { _ = try $0.officeSettings() }),
        Damage(sql: "DROP TRIGGER auditEntry_noUpdate; UPDATE auditEntry SET at = 'now' WHERE id = 1",
               table: "auditEntry", column: "at", value: "now", read: { _ = try $0.auditEntries() }),
    ]

    @Test(arguments: damages) func aDamagedValueIsReportedNotDefaulted(_ damage: Damage) throws {
        let temp = TempFolder()
        let path = temp.path("tthtcd.sqlite")
        try AppDatabase.createDemo(at: path, dataset: DemoFixture.dataset)
        let output = try sqlite3(path, damage.sql)
        #expect(output.isEmpty, "sqlite3: \(output)")
        let database = try AppDatabase.open(path: path, access: .readOnly)
        defer { database.close() }
        let expected = StoredValueError(table: damage.table, column: damage.column, value: damage.value)
        #expect(throws: expected) { try damage.read(database) }
        do {
            try damage.read(database)
        } catch {
            #expect(StorageFailure(error) == .corruptValue(table: damage.table, column: damage.column, value: damage.value))
        }
    }

    @Test func theUndamagedDemoReadsWhole() throws {
        let temp = TempFolder()
        let path = temp.path("tthtcd.sqlite")
        try AppDatabase.createDemo(at: path, dataset: DemoFixture.dataset)
        let database = try AppDatabase.open(path: path, access: .readOnly)
        defer { database.close() }
        for damage in Self.damages { try damage.read(database) }
        #expect(try database.plans().contains { !$0.activities.isEmpty && !$0.history.isEmpty })
        #expect(try database.campaigns().contains { try !database.responses(campaignID: $0.id!).isEmpty })
    }
}
