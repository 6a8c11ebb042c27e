import Domain
import Foundation
import GRDB

public enum EvaluationStoreError: Error, Equatable {
    case notFound
    /// The flow refused the step (wrong status, missing permission, missing scores or comments).
    case refused(EvaluationRefusal)
    /// Rank thresholds that do not rise strictly from 1 to 100.
    case invalidThresholds
    /// This side of the evaluation is another office's: the self-assessment of a centre received from its commune,
    /// or, at a commune office, the province's assessment (see `EvaluationExchange`).
    case readOnlyHere
}

/// A year's evaluation as lists show it: its columns, without the items.
public struct EvaluationSummary: Hashable, Sendable {
    public let centreID: Int64
    public let year: Int
    public let status: EvaluationStatus
    public let selfTotal: Int
    public let total: Int
    public let selfRank: Rank?
    public let rank: Rank?
}

extension AppDatabase {
    public func evaluation(centreID: Int64, year: Int) throws -> Evaluation? {
        try writer.read { db in try Self.fetchEvaluation(db, centreID: centreID, year: year) }
    }

    static func fetchEvaluation(_ db: Database, centreID: Int64, year: Int) throws -> Evaluation? {
        guard let record = try EvaluationRecord.filter(EvaluationRecord.Columns.centreId == centreID
                                                       && EvaluationRecord.Columns.year == year).fetchOne(db),
              let id = record.id else { return nil }
        let items = try EvaluationItemRecord.filter(EvaluationItemRecord.Columns.evaluationId == id)
            .order(EvaluationItemRecord.Columns.position).fetchAll(db).map { try $0.item() }
        let history = try EvaluationEventRecord.filter(EvaluationEventRecord.Columns.evaluationId == id)
            .order(EvaluationEventRecord.Columns.id).fetchAll(db).map { try $0.event() }
        return try record.evaluation(items: items, history: history)
    }

    /// Every evaluation of a year, by centre, read from its columns only.
    public func evaluationSummaries(year: Int) throws -> [Int64: EvaluationSummary] {
        try writer.read { db in
            var found: [Int64: EvaluationSummary] = [:]
            for record in try EvaluationRecord.filter(EvaluationRecord.Columns.year == year).fetchAll(db) {
                found[record.centreId] = try Self.summary(record)
            }
            return found
        }
    }

    static func summary(_ r: EvaluationRecord) throws -> EvaluationSummary {
        EvaluationSummary(centreID: r.centreId, year: r.year, status: try EvaluationRecord.stored(r.status, EvaluationRecord.Columns.status),
                          selfTotal: r.selfTotal, total: r.total,
                          selfRank: try EvaluationRecord.stored(r.selfRank, EvaluationRecord.Columns.selfRank),
                          rank: try EvaluationRecord.stored(r.rank, EvaluationRecord.Columns.rank))
    }

    /// The confirmed ranks of every centre, by year: the roster's last rank and the review flag.
    public func confirmedRanks() throws -> [Int64: [Int: Rank]] {
        try writer.read { db in
            var ranks: [Int64: [Int: Rank]] = [:]
            let rows = try Row.fetchCursor(db, sql: """
                SELECT centreId, year, rank FROM evaluation WHERE status = 'confirmed' AND rank IS NOT NULL
                """)
            while let row = try rows.next() {
                let raw: String = row[2]
                guard let rank = Rank(rawValue: raw) else {
                    throw EvaluationRecord.failure(EvaluationRecord.Columns.rank, raw)
                }
                ranks[row[0], default: [:]][row[1] as Int] = rank
            }
            return ranks
        }
    }

    /// Saves the director's self-assessment (and submits it when `submit`). The officer's columns are kept as
    /// stored: a director cannot write them.
    @discardableResult
    public func saveSelfAssessment(_ input: Evaluation, submit: Bool, set: CriteriaSet, schedule: ThresholdSchedule,
                                   by actor: Actor, at moment: Date) throws -> Evaluation {
        try actor.require(.selfAssess)
        return try writer.write { db in
            try Self.requireScope(db, actor, centreID: input.centreID)
            try Self.requireSelfSide(db, centreID: input.centreID)
            let stored = try Self.fetchEvaluation(db, centreID: input.centreID, year: input.year)
            var evaluation = input
            evaluation.id = stored?.id
            evaluation.uid = stored?.uid ?? input.uid
            evaluation.history = stored?.history ?? []
            evaluation.rank = nil
            for index in evaluation.items.indices {
                let old = stored?.item(evaluation.items[index].itemID)
                evaluation.items[index].officerScore = old?.officerScore
                evaluation.items[index].officerComment = old?.officerComment ?? ""
                evaluation.items[index].selfNote = evaluation.items[index].selfNote.cleanedInput
                evaluation.items[index].overrideReason = evaluation.items[index].overrideReason.cleanedInput
            }
            let action: EvaluationAction = submit ? .submit : .saveSelf
            switch EvaluationWorkflow.next(from: stored?.status, action, evaluation: evaluation, set: set, by: actor) {
            case .failure(let refusal): throw EvaluationStoreError.refused(refusal)
            case .success(let status): evaluation.status = status
            }
            evaluation.selfRank = schedule.rank(score: evaluation.selfTotal, maximum: set.maximum, year: evaluation.year)
            let record = stored == nil || submit ? action : nil
            return try Self.write(db, evaluation, before: stored, event: record, comment: "", by: actor, at: moment)
        }
    }

    /// Saves the officer's assessment of the items (and confirms the rank when `confirm`). The director's columns
    /// are kept as stored.
    @discardableResult
    public func assessEvaluation(_ input: Evaluation, confirm: Bool, set: CriteriaSet, schedule: ThresholdSchedule,
                                 by actor: Actor, at moment: Date) throws -> Evaluation {
        try actor.require(.evaluate)
        return try writer.write { db in
            try Self.requireScope(db, actor, centreID: input.centreID)
            try Self.requireOfficerSide(db)
            guard let stored = try Self.fetchEvaluation(db, centreID: input.centreID, year: input.year) else {
                throw EvaluationStoreError.notFound
            }
            var evaluation = stored
            for index in evaluation.items.indices {
                guard let given = input.item(evaluation.items[index].itemID) else { continue }
                evaluation.items[index].officerScore = given.officerScore
                evaluation.items[index].officerComment = given.officerComment.cleanedInput
            }
            let action: EvaluationAction = confirm ? .confirm : .assess
            switch EvaluationWorkflow.next(from: stored.status, action, evaluation: evaluation, set: set, by: actor) {
            case .failure(let refusal): throw EvaluationStoreError.refused(refusal)
            case .success(let status): evaluation.status = status
            }
            if confirm {
                evaluation.rank = schedule.rank(score: evaluation.assessedTotal, maximum: set.maximum, year: evaluation.year)
            }
            return try Self.write(db, evaluation, before: stored, event: confirm ? .confirm : nil, comment: "",
                                  by: actor, at: moment)
        }
    }

    /// The officer returns a submitted self-assessment to the director, saying what to revise.
    @discardableResult
    public func returnEvaluation(centreID: Int64, year: Int, reason: String, set: CriteriaSet, by actor: Actor,
                                 at moment: Date) throws -> Evaluation {
        try actor.require(.evaluate)
        return try writer.write { db in
            try Self.requireScope(db, actor, centreID: centreID)
            try Self.requireOfficerSide(db)
            guard var evaluation = try Self.fetchEvaluation(db, centreID: centreID, year: year) else {
                throw EvaluationStoreError.notFound
            }
            let stored = evaluation
            switch EvaluationWorkflow.next(from: stored.status, .returnForRevision, evaluation: evaluation, set: set,
                                           by: actor, comment: reason) {
            case .failure(let refusal): throw EvaluationStoreError.refused(refusal)
            case .success(let status): evaluation.status = status
            }
            return try Self.write(db, evaluation, before: stored, event: .returnForRevision,
                                  comment: reason.cleanedInput, by: actor, at: moment)
        }
    }

    /// Writes the evaluation and its items, the step in its history and the audit entry, in the caller's
    /// transaction.
    static func write(_ db: Database, _ input: Evaluation, before: Evaluation?, event: EvaluationAction?,
                      comment: String, by actor: Actor, at moment: Date) throws -> Evaluation {
        var evaluation = input
        let stamp = Timestamp.string(moment)
        if let id = evaluation.id {
            let created = try String.fetchOne(db, sql: "SELECT createdAt FROM evaluation WHERE id = ?", arguments: [id])
            try EvaluationRecord(evaluation, createdAt: created ?? stamp, updatedAt: stamp).update(db)
        } else {
            var record = EvaluationRecord(evaluation, createdAt: stamp, updatedAt: stamp)
            try record.insert(db)
            evaluation.id = record.id
        }
        let id = evaluation.id!
        try EvaluationItemRecord.filter(EvaluationItemRecord.Columns.evaluationId == id).deleteAll(db)
        for (position, item) in evaluation.items.enumerated() {
            try EvaluationItemRecord(evaluationID: id, position: position, item).insert(db)
        }
        if let event {
            var record = EvaluationEventRecord(id: nil, evaluationId: id, action: event.rawValue,
                                               username: actor.username, at: stamp, comment: comment)
            try record.insert(db)
        }
        let saved = try fetchEvaluation(db, centreID: evaluation.centreID, year: evaluation.year)!
        let code = try String.fetchOne(db, sql: "SELECT code FROM centre WHERE id = ?", arguments: [saved.centreID]) ?? ""
        let action: String
        switch event {
        case nil: action = before == nil ? "create" : "update"
        case .saveSelf: action = "create"
        case .submit: action = "submit"
        case .returnForRevision: action = "returnForRevision"
        case .assess: action = "update"
        case .confirm: action = "confirm"
        }
        try audit(db, actor: actor, action: action, recordType: Evaluation.auditRecordType,
                  recordID: "\(code) \(saved.year)",
                  changes: AuditDiff.changes(before: before?.auditFields, after: saved.auditFields), at: moment,
                  always: event != nil)
        return saved
    }

    /// The rank thresholds the province set in Settings, each from its date.
    public func provinceThresholds() throws -> [RankThresholds] {
        try writer.read { db in
            guard let text = try SettingRecord.fetchOne(db, key: "evaluation.thresholds")?.value else { return [] }
            return try SettingRecord.storedJSON([RankThresholds].self, text, Column("value"))
        }
    }

    /// Adds thresholds from a date on (replacing those the province set for the same date).
    public func saveRankThresholds(_ thresholds: RankThresholds, by actor: Actor, at moment: Date) throws {
        try actor.require(.changeSettings)
        guard thresholds.isValid else { throw EvaluationStoreError.invalidThresholds }
        var entries = try provinceThresholds().filter { $0.effectiveFrom != thresholds.effectiveFrom }
        entries.append(thresholds)
        entries.sort { $0.effectiveFrom < $1.effectiveFrom }
        try saveSetting("evaluation.thresholds", StoredText.json(entries), by: actor, at: moment)
    }
}
