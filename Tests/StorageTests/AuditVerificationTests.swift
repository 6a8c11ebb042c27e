import Domain
import Foundation
import GRDB
import Testing
@testable import Storage

/// `audit verify` against someone who holds the file (issue 12, finding 3): deleted entries, a recomputed
/// chain, records changed with sqlite3 and no entry, dropped triggers.
@Suite struct AuditVerificationTests {
    let moment = Date(timeIntervalSince1970: 1_763_700_000)

    /// The demo file, opened once by the program so that the anchor file beside it holds the head.
    func demo(_ temp: TempFolder) throws -> String {
        let path = temp.path("tthtcd.sqlite")
        try AppDatabase.createDemo(at: path, dataset: DemoFixture.dataset)
        return path
    }

    func report(_ path: String, anchors: [AuditHead] = []) throws -> AuditReport {
        let database = try AppDatabase.open(path: path, access: .readOnly)
        defer { database.close() }
        return try database.auditReport(anchors: anchors)
    }

    @Test func anUntouchedFileIsIntactAndEveryRecordMatches() throws {
        let temp = TempFolder()
        let path = try demo(temp)
        let result = try report(path)
        #expect(result.isIntact, "\(result)")
        #expect(result.recordsCompared > 50)
        #expect(result.anchors.map(\.status) == [.matches])
    }

    @Test func deletingTheLastEntriesIsCaughtByTheAnchors() throws {
        let temp = TempFolder()
        let path = try demo(temp)
        let head = try #require(try report(path).anchors.first?.head)
        _ = try sqlite3(path, "DROP TRIGGER auditEntry_noDelete; DELETE FROM auditEntry WHERE id > \(head.entry - 5)")
        let result = try report(path, anchors: [AuditHead(entry: head.entry, hash: String(head.hash.prefix(12)))])
        #expect(result.chain == .intact(entries: Int(head.entry) - 5), "the chain alone sees nothing")
        #expect(result.anchors.map(\.status) == [.entryGone, .entryGone])
        #expect(result.missingTriggers == ["auditEntry_noDelete"])
        #expect(!result.isIntact)
    }

    @Test func deletingEveryEntryIsCaught() throws {
        let temp = TempFolder()
        let path = try demo(temp)
        _ = try sqlite3(path, "DROP TRIGGER auditEntry_noDelete; DELETE FROM auditEntry")
        let result = try report(path)
        #expect(result.chain == .intact(entries: 0))
        #expect(result.anchors.map(\.status) == [.entryGone])
        #expect(result.findings.count == result.recordsCompared, "no record is explained by the trail any more")
        #expect(result.findings.allSatisfy { $0.kind == .notLogged })
    }

    @Test func anEditedEntryWithTheChainRecomputedIsCaught() throws {
        let temp = TempFolder()
        let path = try demo(temp)
        // The attacker knows the algorithm: edit one entry and recompute every hash after it, as the program would.
        _ = try sqlite3(path, """
            DROP TRIGGER auditEntry_noUpdate;
            UPDATE auditEntry SET changes = replace(changes, 'Rạng Đông', 'Nơi Khác')
                WHERE recordType = 'centre' AND recordID = 'TT13894' AND action = 'create';
            """)
        let database = try AppDatabase.open(path: path, access: .readOnly)
        let stored = try database.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM auditEntry ORDER BY id").map { row in
                (id: row["id"] as Int64, at: row["at"] as String, username: row["username"] as String,
                 action: row["action"] as String, type: row["recordType"] as String, record: row["recordID"] as String,
                 changes: row["changes"] as String)
            }
        }
        database.close()
        var previous = AuditChain.genesis
        var statements: [String] = []
        for row in stored {
            let hash = AuditChain.hash(id: row.id, at: row.at, username: row.username, action: row.action,
                                       recordType: row.type, recordID: row.record, changes: row.changes, previousHash: previous)
            statements.append("UPDATE auditEntry SET previousHash = '\(previous)', hash = '\(hash)' WHERE id = \(row.id);")
            previous = hash
        }
        _ = try sqlite3(path, "BEGIN;\n" + statements.joined(separator: "\n") + "\nCOMMIT;")
        let result = try report(path)
        #expect(result.chain.isIntact, "the recomputed chain holds")
        #expect(result.anchors.map(\.status) == [.hashDiffers])
        #expect(result.findings.contains { $0.recordType == "centre" && $0.recordID == "TT13894" },
                "the centre no longer matches the entry that was rewritten")
    }

    @Test func recordsChangedWithSqlite3AreNamed() throws {
        let temp = TempFolder()
        let path = try demo(temp)
        // A keyed form (the demo's forms are imported, vouched for by their import's entry, see SECURITY.md).
        let database = try AppDatabase.open(path: path)
        let keyed = try database.saveResponse(
            SurveyResponse(campaignID: 1, answers: ["serial": .text("NS-GO-1"), "name": .text("Trần Ngọc Thảo"),
                                                    "sex": .codes([2])]), by: clerk, at: moment)
        database.close()
        let form = "\(keyed.campaignID)/NS-GO-1"
        _ = try sqlite3(path, """
            UPDATE surveyResponse SET answers = replace(answers, '"sex":{"codes":[2]}', '"sex":{"codes":[1]}')
                WHERE campaignId || '/' || serial = '\(form)';
            UPDATE account SET roles = 'administrator' WHERE username = 'xem';
            INSERT INTO setting(key, value) VALUES ('office.commune', '13918');
            """)
        let result = try report(path)
        let named = Dictionary(uniqueKeysWithValues: result.findings.map { ("\($0.recordType) \($0.recordID)", $0.kind) })
        guard case .changedWithoutEntry(_, let changes)? = named["surveyResponse \(form)"] else {
            Issue.record("the edited answer was not named: \(result.findings)")
            return
        }
        #expect(changes == [FieldChange(field: "sex", before: "2", after: "1")])
        guard case .changedWithoutEntry(_, let roles)? = named["account xem"] else {
            Issue.record("the new administrator was not named")
            return
        }
        #expect(roles == [FieldChange(field: "roles", before: "viewer", after: "administrator")])
        #expect(named["setting office.commune"] == .notLogged)
        #expect(result.anchors.map(\.status) == [.matches], "the trail itself was not touched")
        #expect(result.findings.count == 3)
    }

    @Test func droppedTriggersAreReported() throws {
        let temp = TempFolder()
        let path = try demo(temp)
        _ = try sqlite3(path, "DROP TRIGGER auditEntry_noUpdate; DROP TRIGGER auditEntry_noDelete")
        #expect(try report(path).missingTriggers == ["auditEntry_noDelete", "auditEntry_noUpdate"])
    }

    @Test func theAnchorFileIsNotMovedPastTampering() throws {
        let temp = TempFolder()
        let path = try demo(temp)
        let head = try #require(try report(path).anchors.first?.head)
        _ = try sqlite3(path, "DROP TRIGGER auditEntry_noDelete; DELETE FROM auditEntry WHERE id > \(head.entry - 3)")
        // The program is used again: its new entries follow the truncated trail...
        let database = try AppDatabase.open(path: path)
        for index in 0..<5 {
            try database.saveCentre(Centre(name: "TTHTCĐ mới \(index)", provinceCode: 37, communeCode: 14710), by: clerk, at: moment)
        }
        database.close()
        // ...but the anchor still holds the head it saw, which the trail no longer has.
        let result = try report(path)
        #expect(result.anchors.map(\.status) == [.hashDiffers])
    }

    @Test func backupsInTheBackupFolderAreAnchorsToo() throws {
        let temp = TempFolder()
        let path = try demo(temp)
        let database = try AppDatabase.open(path: path)
        try database.dailyBackupIfDue(label: "ninh-binh", at: moment)
        database.close()
        unlink(AuditAnchor.filePath(dataFile: path))
        _ = try sqlite3(path, "DROP TRIGGER auditEntry_noDelete; DELETE FROM auditEntry WHERE id > 40")
        let result = try report(path)
        guard case .backup? = result.anchors.first?.source else {
            Issue.record("the daily backup was not used as an anchor: \(result.anchors)")
            return
        }
        #expect(result.anchors.map(\.status) == [.entryGone])
    }

    @Test func aWholePlanCycleReplaysWithoutFalseAlarms() throws {
        let (database, director, leader, plan) = try PlanStoreTests().setUp()
        try database.advancePlan(id: plan.id!, .submit, by: director, at: moment)
        try database.advancePlan(id: plan.id!, .approve, by: leader, password: "chutich2026", at: moment)
        // What was done is dated in the plan's year, after the approval and not after the day it is recorded.
        let outcome = ActivityOutcome(state: .done, actualDate: LocalDate(iso: "2026-03-10"), participants: 28, women: 15)
        try database.recordOutcome(planID: plan.id!, activityIndex: 0, outcome, by: director,
                                   at: moment.addingTimeInterval(120 * 86_400))
        let amendment = try database.amendPlan(id: plan.id!, reason: "Thêm lớp", by: director, at: moment)
        try database.advancePlan(id: amendment.id!, .submit, by: director, at: moment)
        try database.advancePlan(id: amendment.id!, .approve, by: leader, password: "chutich2026", at: moment)
        #expect(try database.plan(id: plan.id!)?.status == .superseded)
        let result = try database.auditReport()
        #expect(result.findings.isEmpty, "\(result.findings)")
        #expect(result.isIntact)
    }
}

/// Found by the long monkey run: a form given a new number was explained by no entry under either number.
@Suite struct AuditRenumberTests {
    @Test func aFormGivenANewNumberIsStillExplainedByTheTrail() throws {
        let database = try AppDatabase.inMemory()
        let moment = Date(timeIntervalSince1970: 1_763_700_000)
        let centre = try database.saveCentre(Centre(name: "TT", provinceCode: 37, communeCode: 13891), by: clerk, at: moment)
        let campaign = try database.saveCampaign(SurveyCampaign(centreID: centre.id!, year: 2026, title: "KS", target: 10),
                                                 by: clerk, at: moment)
        var form = try database.saveResponse(
            SurveyResponse(campaignID: campaign.id!, answers: ["serial": .text("NS-004"), "name": .text("Trần Ngọc Thảo")]),
            by: clerk, at: moment)
        form.answers["serial"] = .text("NS-004-")
        try database.saveResponse(form, by: clerk, at: moment)
        let report = try database.auditReport()
        #expect(report.findings.isEmpty, "\(report.findings)")
        #expect(try database.auditEntries().first?.action == "update")
    }
}
