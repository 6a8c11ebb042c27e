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
            Set(try PlanRecord.select(PlanRecord.Columns.centreId, as: Int64.self).distinct()
                .filter(PlanRecord.Columns.year == year && PlanRecord.Columns.kind == PlanKind.annual.rawValue
                        && PlanRecord.Columns.status == PlanStatus.approved.rawValue).fetchAll(db))
        }
    }

    /// Plans, newest year first; optionally of one centre and one year.
    public func plans(centreID: Int64? = nil, year: Int? = nil) throws -> [Plan] {
        try writer.read { db in
            var request = PlanRecord.all()
            if let centreID { request = request.filter(PlanRecord.Columns.centreId == centreID) }
            if let year { request = request.filter(PlanRecord.Columns.year == year) }
            return try Self.fetchPlans(db, request.order(PlanRecord.Columns.year.desc, PlanRecord.Columns.id))
        }
    }

    public func plan(id: Int64) throws -> Plan? {
        try writer.read { db in try Self.fetchPlan(db, id: id) }
    }

    static func fetchPlan(_ db: Database, id: Int64) throws -> Plan? {
        try fetchPlans(db, PlanRecord.filter(key: id)).first
    }

    /// The plans a request selects, in its order, with their activities and steps (one query each for all).
    static func fetchPlans(_ db: Database, _ request: QueryInterfaceRequest<PlanRecord>) throws -> [Plan] {
        let records = try request.fetchAll(db)
        guard !records.isEmpty else { return [] }
        let ids = request.select(PlanRecord.Columns.id)
        var activities: [Int64: [PlanActivity]] = [:]
        for row in try PlanActivityRecord.filter(ids.contains(PlanActivityRecord.Columns.planId))
            .order(PlanActivityRecord.Columns.planId, PlanActivityRecord.Columns.position).fetchAll(db) {
            activities[row.planId, default: []].append(try row.activity())
        }
        var history: [Int64: [PlanEvent]] = [:]
        for row in try PlanEventRecord.filter(ids.contains(PlanEventRecord.Columns.planId))
            .order(PlanEventRecord.Columns.id).fetchAll(db) {
            history[row.planId, default: []].append(try row.event())
        }
        return try records.map { try $0.plan(activities: activities[$0.id!] ?? [], history: history[$0.id!] ?? []) }
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
            if let before { try Self.requireScope(db, actor, centreID: before.centreID) }
            try Self.requireScope(db, actor, centreID: plan.centreID)
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
        if let id = plan.id {
            let createdAt = try PlanRecord.fetchOne(db, key: id)?.createdAt ?? stamp
            try PlanRecord(plan, createdAt: createdAt, updatedAt: stamp).update(db)
        } else {
            var record = PlanRecord(plan, createdAt: stamp, updatedAt: stamp)
            try record.insert(db)
            plan.id = record.id
        }
        try PlanActivityRecord.filter(PlanActivityRecord.Columns.planId == plan.id).deleteAll(db)
        for (position, activity) in plan.activities.enumerated() {
            var record = PlanActivityRecord(planID: plan.id!, position: position, activity)
            try record.insert(db)
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
            fields["activity.\(index + 1)"] = PlanActivityRecord.content(activity)
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
            try writer.read { db in try Self.requireScope(db, actor, centreID: current.centreID) }
            if case .failure(let error) = PlanWorkflow.next(from: current.status, action, by: actor, comment: comment,
                                                            passwordConfirmed: true), error != .passwordRequired {
                throw PlanStoreError.workflow(error)
            }
            confirmed = try confirmPassword(actor, password, at: moment)
        }
        return try writer.write { db in
            guard var plan = try Self.fetchPlan(db, id: id) else { throw PlanStoreError.notFound }
            try Self.requireScope(db, actor, centreID: plan.centreID)
            var issues: [PlanIssue] = []
            if action == .submit {
                let years = try plan.campaignIDs.compactMap { try CampaignRecord.fetchOne(db, key: $0)?.year }
                issues = PlanValidator.submissionIssues(plan, campaignYears: years)
            }
            let before = plan
            switch PlanWorkflow.next(from: plan.status, action, by: actor, comment: comment, passwordConfirmed: confirmed,
                                     issues: issues) {
            case .failure(let error): throw PlanStoreError.workflow(error)
            case .success(let status):
                plan.status = status
            }
            try PlanRecord.filter(key: id).updateAll(db, PlanRecord.Columns.status.set(to: plan.status.rawValue),
                                                     PlanRecord.Columns.updatedAt.set(to: Timestamp.string(moment)))
            try Self.recordEvent(db, planID: id, action, by: actor, comment: comment.cleanedMultiline, at: moment)
            if action == .approve { try DocumentRegister.issue(db, planID: id, at: moment) }
            if action == .approve, let amended = plan.amends {
                // The approved amendment takes over: the version it amends goes out of force.
                let superseded = try PlanRecord.filter(key: amended)
                    .filter(PlanRecord.Columns.status == PlanStatus.approved.rawValue)
                    .updateAll(db, PlanRecord.Columns.status.set(to: PlanStatus.superseded.rawValue),
                               PlanRecord.Columns.updatedAt.set(to: Timestamp.string(moment)))
                if superseded > 0 {
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
        var record = PlanEventRecord(planID: planID, action, username: actor.username, at: moment, comment: comment)
        try record.insert(db)
    }

    /// Starts an amendment: a new draft version of an approved plan, while the approved one stays in force. The
    /// reason is kept in the approved plan's history, where the chairman reads why it is being amended.
    @discardableResult
    public func amendPlan(id: Int64, reason: String, by actor: Actor, at moment: Date) throws -> Plan {
        try writer.write { db in
            guard let approved = try Self.fetchPlan(db, id: id) else { throw PlanStoreError.notFound }
            try Self.requireScope(db, actor, centreID: approved.centreID)
            if case .failure(let error) = PlanWorkflow.next(from: approved.status, .amend, by: actor,
                                                            comment: reason.cleanedMultiline) {
                throw PlanStoreError.workflow(error)
            }
            let openStatuses = [PlanStatus.draft, .submitted, .returned].map(\.rawValue)
            if let open = try PlanRecord.select(PlanRecord.Columns.id, as: Int64.self)
                .filter(PlanRecord.Columns.amendsPlanId == id && openStatuses.contains(PlanRecord.Columns.status))
                .fetchOne(db) {
                return try Self.fetchPlan(db, id: open)!
            }
            var draft = PlanDrafter.amendment(of: approved)
            try Self.storePlan(db, &draft, at: moment)
            try Self.recordEvent(db, planID: id, .amend, by: actor, comment: reason.cleanedMultiline, at: moment)
            // The new version's own history starts with the reason, so its heading and history can say why it exists.
            try Self.recordEvent(db, planID: draft.id!, .amend, by: actor, comment: reason.cleanedMultiline, at: moment)
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
            try Self.requireScope(db, actor, centreID: plan.centreID)
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
            try PlanActivityRecord.filter(key: row).updateAll(
                db, PlanActivityRecord.Columns.content.set(to: PlanActivityRecord.content(plan.activities[activityIndex])))
            try PlanRecord.filter(key: planID).updateAll(db, PlanRecord.Columns.updatedAt.set(to: Timestamp.string(moment)))
            try Self.audit(db, actor: actor, action: "recordOutcome", recordType: "plan", recordID: "\(planID)/\(activityIndex + 1)",
                           changes: AuditDiff.changes(before: ["outcome": StoredText.json(before.outcome)],
                                                      after: ["outcome": StoredText.json(outcomeCleaned)]), at: moment)
            return try Self.fetchPlan(db, id: planID)!
        }
    }
}
