import Domain
import Foundation
import GRDB

public enum PlanStoreError: Error, Equatable {
    case notFound
    /// Approved, submitted or superseded plans are read-only.
    case readOnly(PlanStatus)
    case invalid([PlanIssue])
    case workflow(WorkflowError)
}

extension AppDatabase {
    /// Centres with an approved annual plan for the year: the roster's plan column. One indexed query,
    /// without reading any plan's activities, since the roster reloads after every change.
    public func centresWithApprovedAnnualPlan(year: Int) throws -> Set<Int64> {
        try writer.read { db in
            Set(try Int64.fetchAll(db, sql: "SELECT DISTINCT centreId FROM plan WHERE year = ? AND kind = ? AND status = ?",
                                   arguments: [year, PlanKind.annual.rawValue, PlanStatus.approved.rawValue]))
        }
    }

    /// Plans, newest year first; optionally of one centre and one year.
    public func plans(centreID: Int64? = nil, year: Int? = nil) throws -> [Plan] {
        try writer.read { db in
            var conditions: [String] = []
            var arguments: StatementArguments = []
            if let centreID {
                conditions.append("centreId = ?")
                _ = arguments.append(contentsOf: [centreID])
            }
            if let year {
                conditions.append("year = ?")
                _ = arguments.append(contentsOf: [year])
            }
            let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            return try Row.fetchAll(db, sql: "SELECT * FROM plan \(whereClause) ORDER BY year DESC, id", arguments: arguments)
                .map { try Self.plan(from: $0, db) }
        }
    }

    public func plan(id: Int64) throws -> Plan? {
        try writer.read { db in try Self.fetchPlan(db, id: id) }
    }

    static func fetchPlan(_ db: Database, id: Int64) throws -> Plan? {
        try Row.fetchOne(db, sql: "SELECT * FROM plan WHERE id = ?", arguments: [id]).map { try plan(from: $0, db) }
    }

    static func plan(from row: Row, _ db: Database) throws -> Plan {
        let id: Int64 = row["id"]
        let decoder = JSONDecoder()
        let activities = try Row.fetchAll(db, sql: "SELECT * FROM planActivity WHERE planId = ? ORDER BY position",
                                          arguments: [id]).compactMap { activityRow -> PlanActivity? in
            var activity = try? decoder.decode(PlanActivity.self, from: Data((activityRow["content"] as String).utf8))
            activity?.id = activityRow["id"]
            return activity
        }
        let history = try Row.fetchAll(db, sql: "SELECT * FROM planEvent WHERE planId = ? ORDER BY id", arguments: [id])
            .map { event in
                PlanEvent(action: PlanAction(rawValue: event["action"]) ?? .submit, username: event["username"],
                          at: Timestamp.date(event["at"]) ?? Date(timeIntervalSince1970: 0), comment: event["comment"])
            }
        return Plan(
            id: id, centreID: row["centreId"], kind: PlanKind(rawValue: row["kind"]) ?? .annual, year: row["year"],
            month: row["month"], title: row["title"], legalBases: row["legalBases"],
            campaignIDs: (row["campaignIds"] as String).split(separator: ",").compactMap { Int64($0) },
            targetClasses: row["targetClasses"], targetTalks: row["targetTalks"], targetLearners: row["targetLearners"],
            status: PlanStatus(rawValue: row["status"]) ?? .draft, version: row["version"], amends: row["amendsPlanId"],
            activities: activities, history: history)
    }

    /// Creates or updates a draft (or returned) plan and its activities. Refuses a plan that is not editable
    /// and any entry problem (negative cost, a date in another year...): nothing is changed then.
    @discardableResult
    public func savePlan(_ input: Plan, by actor: Actor, at moment: Date) throws -> Plan {
        try actor.require(.draftPlans)
        var plan = input
        plan.title = input.title.cleanedInput
        plan.legalBases = input.legalBases.nfc
        plan.activities = input.activities.map(Self.cleaned)
        let issues = PlanValidator.entryIssues(plan)
        guard issues.isEmpty else { throw PlanStoreError.invalid(issues) }
        return try writer.write { db in
            let before = try plan.id.flatMap { try Self.fetchPlan(db, id: $0) }
            if plan.id != nil {
                guard let before else { throw PlanStoreError.notFound }
                guard before.status.isEditable else { throw PlanStoreError.readOnly(before.status) }
                plan.status = before.status
                plan.version = before.version
                plan.amends = before.amends
            } else {
                plan.status = .draft
            }
            try Self.storePlan(db, &plan, at: moment)
            let saved = try Self.fetchPlan(db, id: plan.id!)!
            try Self.audit(db, actor: actor, action: before == nil ? "create" : "update", recordType: "plan",
                           recordID: String(saved.id!),
                           changes: AuditDiff.changes(before: before.map(Self.auditFields), after: Self.auditFields(saved)),
                           at: moment)
            return saved
        }
    }

    static func cleaned(_ a: PlanActivity) -> PlanActivity {
        var c = a
        c.title = a.title.cleanedInput
        c.targetGroup = a.targetGroup.cleanedInput
        c.venue = a.venue.cleanedInput
        c.speaker = a.speaker.cleanedInput
        c.responsible = a.responsible.cleanedInput
        c.partner = a.partner.cleanedInput
        c.outcome.notes = a.outcome.notes.cleanedInput
        return c
    }

    static func storePlan(_ plan: inout Plan, _ db: Database, at moment: Date) throws {
        try storePlan(db, &plan, at: moment)
        try audit(db, actor: .system, action: "create", recordType: "plan", recordID: String(plan.id!),
                  changes: AuditDiff.changes(before: nil, after: auditFields(plan)), at: moment)
    }

    static func storePlan(_ db: Database, _ plan: inout Plan, at moment: Date) throws {
        let stamp = Timestamp.string(moment)
        let arguments: StatementArguments = [
            "centreId": plan.centreID, "kind": plan.kind.rawValue, "year": plan.year, "month": plan.month,
            "title": plan.title, "legalBases": plan.legalBases,
            "campaignIds": plan.campaignIDs.map(String.init).joined(separator: ","), "targetClasses": plan.targetClasses,
            "targetTalks": plan.targetTalks, "targetLearners": plan.targetLearners, "status": plan.status.rawValue,
            "version": plan.version, "amends": plan.amends, "stamp": stamp, "id": plan.id,
        ]
        if plan.id != nil {
            try db.execute(sql: """
                UPDATE plan SET kind = :kind, year = :year, month = :month, title = :title, legalBases = :legalBases,
                    campaignIds = :campaignIds, targetClasses = :targetClasses, targetTalks = :targetTalks,
                    targetLearners = :targetLearners, status = :status, version = :version, amendsPlanId = :amends,
                    updatedAt = :stamp WHERE id = :id
                """, arguments: arguments)
        } else {
            try db.execute(sql: """
                INSERT INTO plan(centreId, kind, year, month, title, legalBases, campaignIds, targetClasses, targetTalks,
                    targetLearners, status, version, amendsPlanId, createdAt, updatedAt)
                VALUES (:centreId, :kind, :year, :month, :title, :legalBases, :campaignIds, :targetClasses, :targetTalks,
                    :targetLearners, :status, :version, :amends, :stamp, :stamp)
                """, arguments: arguments)
            plan.id = db.lastInsertedRowID
        }
        try db.execute(sql: "DELETE FROM planActivity WHERE planId = ?", arguments: [plan.id])
        for (position, activity) in plan.activities.enumerated() {
            var stored = activity
            stored.id = nil
            try db.execute(sql: "INSERT INTO planActivity(planId, position, content) VALUES (?, ?, ?)",
                           arguments: [plan.id, position, encode(stored)])
        }
    }

    static func auditFields(_ p: Plan) -> [String: String] {
        var fields: [String: String] = [
            "centreID": String(p.centreID), "kind": p.kind.rawValue, "year": String(p.year),
            "month": p.month.map(String.init) ?? "", "title": p.title, "legalBases": p.legalBases,
            "campaigns": p.campaignIDs.map(String.init).joined(separator: ","), "targetClasses": String(p.targetClasses),
            "targetTalks": String(p.targetTalks), "targetLearners": String(p.targetLearners), "status": p.status.rawValue,
            "version": String(p.version),
        ]
        for (index, activity) in p.activities.enumerated() {
            var stored = activity
            stored.id = nil
            fields["activity.\(index + 1)"] = encode(stored)
        }
        return fields
    }

    /// Takes one step of the approval workflow, in one transaction with its history line and audit entry.
    /// Approval checks the approver's password again; submission runs the pre-submission checks.
    @discardableResult
    public func advancePlan(id: Int64, _ action: PlanAction, by actor: Actor, comment: String = "",
                            password: String? = nil, at moment: Date) throws -> Plan {
        var confirmed = false
        if let password {
            // A step that is refused anyway is refused first: a password typed for it is not checked or counted.
            guard let current = try plan(id: id) else { throw PlanStoreError.notFound }
            if case .failure(let error) = PlanWorkflow.next(from: current.status, action, by: actor, comment: comment,
                                                            passwordConfirmed: true), error != .passwordRequired {
                throw PlanStoreError.workflow(error)
            }
            confirmed = try confirmPassword(actor, password, at: moment)
        }
        return try writer.write { db in
            guard var plan = try Self.fetchPlan(db, id: id) else { throw PlanStoreError.notFound }
            var issues: [PlanIssue] = []
            if action == .submit {
                let years = try plan.campaignIDs.compactMap {
                    try Int.fetchOne(db, sql: "SELECT year FROM surveyCampaign WHERE id = ?", arguments: [$0])
                }
                issues = PlanValidator.submissionIssues(plan, campaignYears: years)
            }
            let before = plan
            switch PlanWorkflow.next(from: plan.status, action, by: actor, comment: comment, passwordConfirmed: confirmed,
                                     issues: issues) {
            case .failure(let error): throw PlanStoreError.workflow(error)
            case .success(let status):
                plan.status = status
            }
            try db.execute(sql: "UPDATE plan SET status = ?, updatedAt = ? WHERE id = ?",
                           arguments: [plan.status.rawValue, Timestamp.string(moment), id])
            try Self.recordEvent(db, planID: id, action, by: actor, comment: comment.cleanedMultiline, at: moment)
            if action == .approve, let amended = plan.amends {
                // The approved amendment takes over: the version it amends goes out of force.
                try db.execute(sql: "UPDATE plan SET status = ?, updatedAt = ? WHERE id = ? AND status = ?",
                               arguments: [PlanStatus.superseded.rawValue, Timestamp.string(moment), amended,
                                           PlanStatus.approved.rawValue])
                if db.changesCount > 0 {
                    // Its own entry, so that replaying the trail explains the old version's status too.
                    try Self.audit(db, actor: actor, action: PlanAction.supersede.rawValue, recordType: "plan",
                                   recordID: String(amended),
                                   changes: [FieldChange(field: "status", before: PlanStatus.approved.rawValue,
                                                         after: PlanStatus.superseded.rawValue)], at: moment)
                }
                try Self.recordEvent(db, planID: amended, .supersede, by: actor, comment: "v\(plan.version)", at: moment)
            }
            try Self.audit(db, actor: actor, action: action.rawValue, recordType: "plan", recordID: String(id),
                           changes: AuditDiff.changes(before: ["status": before.status.rawValue],
                                                      after: ["status": plan.status.rawValue]), at: moment)
            return try Self.fetchPlan(db, id: id)!
        }
    }

    static func recordEvent(_ db: Database, planID: Int64, _ action: PlanAction, by actor: Actor, comment: String,
                            at moment: Date) throws {
        try db.execute(sql: "INSERT INTO planEvent(planId, action, username, at, comment) VALUES (?, ?, ?, ?, ?)",
                       arguments: [planID, action.rawValue, actor.username, Timestamp.string(moment), comment])
    }

    /// Starts an amendment: a new draft version of an approved plan, while the approved one stays in force.
    @discardableResult
    public func amendPlan(id: Int64, by actor: Actor, at moment: Date) throws -> Plan {
        try writer.write { db in
            guard let approved = try Self.fetchPlan(db, id: id) else { throw PlanStoreError.notFound }
            if case .failure(let error) = PlanWorkflow.next(from: approved.status, .amend, by: actor) {
                throw PlanStoreError.workflow(error)
            }
            if let open = try Int64.fetchOne(db, sql: "SELECT id FROM plan WHERE amendsPlanId = ? AND status IN ('draft','submitted','returned')",
                                             arguments: [id]) {
                return try Self.fetchPlan(db, id: open)!
            }
            var draft = PlanDrafter.amendment(of: approved)
            try Self.storePlan(db, &draft, at: moment)
            try Self.recordEvent(db, planID: id, .amend, by: actor, comment: "v\(draft.version)", at: moment)
            try Self.audit(db, actor: actor, action: "amend", recordType: "plan", recordID: String(draft.id!),
                           changes: AuditDiff.changes(before: nil, after: Self.auditFields(draft)), at: moment)
            return try Self.fetchPlan(db, id: draft.id!)!
        }
    }

    /// Records what was done for one activity of an approved plan.
    @discardableResult
    public func recordOutcome(planID: Int64, activityIndex: Int, _ outcome: ActivityOutcome, by actor: Actor,
                              at moment: Date) throws -> Plan {
        try actor.require(.recordPlanOutcomes)
        return try writer.write { db in
            guard var plan = try Self.fetchPlan(db, id: planID) else { throw PlanStoreError.notFound }
            guard plan.status == .approved else { throw PlanStoreError.readOnly(plan.status) }
            guard plan.activities.indices.contains(activityIndex) else { throw PlanStoreError.notFound }
            let before = plan.activities[activityIndex]
            var outcomeCleaned = outcome
            outcomeCleaned.notes = outcome.notes.cleanedInput
            plan.activities[activityIndex].outcome = outcomeCleaned
            let issues = PlanValidator.outcomeIssues(plan.activities[activityIndex], number: activityIndex + 1, plan: plan,
                                                     today: LocalDate(date: moment, timeZone: .current))
            guard issues.isEmpty else { throw PlanStoreError.invalid(issues) }
            guard let row = plan.activities[activityIndex].id else { throw PlanStoreError.notFound }
            var stored = plan.activities[activityIndex]
            stored.id = nil
            try db.execute(sql: "UPDATE planActivity SET content = ? WHERE id = ?", arguments: [Self.encode(stored), row])
            try db.execute(sql: "UPDATE plan SET updatedAt = ? WHERE id = ?", arguments: [Timestamp.string(moment), planID])
            try Self.audit(db, actor: actor, action: "recordOutcome", recordType: "plan", recordID: "\(planID)/\(activityIndex + 1)",
                           changes: AuditDiff.changes(before: ["outcome": Self.encode(before.outcome)],
                                                      after: ["outcome": Self.encode(outcomeCleaned)]), at: moment)
            return try Self.fetchPlan(db, id: planID)!
        }
    }
}
