import Domain
import Foundation
import GRDB

extension AppDatabase {
    /// Which part of the demo a file holds: all of it (the provincial office), one commune's office and its
    /// centres, or the provincial office with no centre (to receive the communes' bundles), or a commune's office
    /// with no centre (a commune that has just got its PC, to receive the province's hand-over).
    public enum DemoPart: Sendable, Equatable {
        case whole
        case commune(Int)
        case officeOnly
        case communeOfficeOnly(Int)
    }

    /// Fills an empty data file with the demo dataset: the office, then each centre as first entered, then
    /// its status changes in order, so the history reads as it would have been kept.
    public func load(_ dataset: DemoDataset, part: DemoPart = .whole) throws {
        let system = Actor.system
        // A new demo file is worthless until it is whole, so its thousand small saves are not synced one by one;
        // one checkpoint at the end writes and syncs them all.
        try writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = OFF") }
        defer {
            try? writer.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA synchronous = FULL")
                if writer is DatabasePool { _ = try db.checkpoint(.passive) }
            }
        }
        try writer.write { db in
            for account in dataset.accounts {
                try insertAccount(db, account.account, passwordHash: account.passwordHash, at: dataset.createdAt)
            }
        }
        var office = dataset.office
        var entries = dataset.centres
        switch part {
        case .whole: break
        case .commune(let code):
            office.communeCode = code
            entries = entries.filter { $0.centre.communeCode == code }
        case .officeOnly: entries = []
        case .communeOfficeOnly(let code):
            office.communeCode = code
            entries = []
        }
        try saveOfficeSettings(office, by: system, at: dataset.createdAt)
        for entry in entries {
            var centre = entry.centre
            centre.status = .active
            centre.statusDecision = Decision()
            centre.statusReason = ""
            centre.mergedInto = nil
            var saved = try saveCentre(centre, by: system, at: entry.enteredAt)
            for var member in entry.board {
                member.centreID = saved.id!
                try saveBoardMember(member, by: system, at: entry.enteredAt)
            }
            for var plan in entry.plans {
                plan.centreID = saved.id!
                let steps = plan.history
                plan.history = []
                try writer.write { db in
                    try Self.storePlan(&plan, db, at: entry.enteredAt)
                    for step in steps {
                        let actor = Actor(accountID: nil, username: step.username, fullName: step.username, roles: [])
                        try Self.recordEvent(db, planID: plan.id!, step.action, by: actor, comment: step.comment, at: step.at)
                        if step.action == .approve { try DocumentRegister.issue(db, planID: plan.id!, at: step.at) }
                    }
                }
            }
            for survey in entry.surveys {
                var campaign = survey.campaign
                campaign.centreID = saved.id!
                let moment = campaign.end.map { FixedClock($0).now } ?? entry.enteredAt
                campaign = try saveCampaign(campaign, by: system, at: moment)
                try importResponses(survey.responses.map { SurveyResponse(campaignID: campaign.id!, answers: $0) },
                                    by: system, at: moment)
            }
            try loadIssue14(entry, centreID: saved.id!)
            for step in entry.history {
                saved.status = step.to
                saved.statusDecision = step.decision
                saved.statusReason = step.reason
                saved.mergedInto = step.mergedInto
                saved = try saveCentre(saved, by: system, at: step.recordedAt)
            }
        }
        try loadScopes(dataset)
    }

    /// The demo's scopes name centres by code, so they are given once the centres exist; a part of the demo without
    /// the centre leaves the account whole-office.
    private func loadScopes(_ dataset: DemoDataset) throws {
        for demo in dataset.accounts {
            var account = demo.account
            if let code = demo.scopeCentreCode, let id = try centre(code: code)?.id {
                account.scope = .centre(id: id)
            } else if let commune = demo.scopeCommune {
                account.scope = .commune(code: commune)
            } else {
                continue
            }
            try updateAccount(account, by: .system, at: dataset.createdAt)
        }
    }

    /// The register, the money and the evaluations of a demo centre. Evaluations are written as the dataset holds
    /// them (scores, ranks and steps), with their history, under the program's own name in the audit trail.
    private func loadIssue14(_ entry: DemoDataset.DemoCentre, centreID: Int64) throws {
        let system = Actor.system
        for var person in entry.staff ?? [] {
            person.centreID = centreID
            try saveStaffMember(person, by: system, at: entry.enteredAt)
        }
        for var year in entry.funding ?? [] {
            year.centreID = centreID
            try saveFundingPlan(year, by: system, at: entry.enteredAt)
            for var receipt in year.receipts {
                receipt.centreID = centreID
                try addReceipt(receipt, today: receipt.date, by: system, at: FixedClock(receipt.date).now)
            }
        }
        for var evaluation in entry.evaluations ?? [] {
            evaluation.centreID = centreID
            let steps = evaluation.history
            evaluation.history = []
            let moment = steps.first?.at ?? entry.enteredAt
            try writer.write { db in
                let saved = try Self.write(db, evaluation, before: nil, event: nil, comment: "", by: system, at: moment)
                for step in steps {
                    var record = EvaluationEventRecord(id: nil, evaluationId: saved.id!, action: step.action.rawValue,
                                                       username: step.username, at: Timestamp.string(step.at),
                                                       comment: step.comment)
                    try record.insert(db)
                }
            }
        }
    }

    /// Writes the demo dataset to a new data file at `path`; refuses an existing non-empty file.
    public static func createDemo(at path: String, dataset: DemoDataset, part: DemoPart = .whole) throws {
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > 0 {
            throw DataFileError.alreadyExists(path: path)
        }
        let database = try AppDatabase.open(path: path)
        defer { database.close() }
        try database.load(dataset, part: part)
    }
}
