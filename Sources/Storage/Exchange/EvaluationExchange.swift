import Domain
import Foundation
import GRDB

/// Evaluations between offices (issue 13, the way back). An evaluation has two writers, each for its own columns:
/// the office that owns the centre writes the self-assessment (the evidence and its corrections, the director's
/// scores and notes, the criteria set, the self rank); a provincial office writes the assessment (the officer's
/// scores and comments, the confirmed rank). So evaluations are not part of the slice a bundle replaces whole:
/// each one travels in every bundle of an office that holds it (a province's carries those of its communes'
/// centres back) and is merged by its stable identity: the sender's side is taken, the receiver's kept, the
/// sender's new steps appended, and the status read from the last of them. Neither side can write the other's
/// columns (`AppDatabase.requireSelfSide`, `requireOfficerSide`), and the evaluation is in one office's hands at a
/// time (the director's while self-assessing, the officer's once submitted), so the steps of the two offices never
/// interleave: the sender's new steps all come after the receiver's, whatever their clocks say.
enum EvaluationExchange {
    static let schemaStep = "v13-evaluation-exchange"

    /// `evaluation.centreUid`: the centre's stable identity beside its local id, so that an evaluation still names
    /// its centre in a province's bundle, which leaves the communes' centres out, and finds it again after a
    /// commune's slice is received anew with new ids.
    static func migrate(_ db: Database) throws {
        try db.alter(table: "evaluation") { t in t.add(column: "centreUid", .text) }
        try db.execute(sql: "UPDATE evaluation SET centreUid = (SELECT uid FROM centre WHERE centre.id = evaluation.centreId)")
        try db.create(index: "evaluation_centreUid", on: "evaluation", columns: ["centreUid"])
        for event in ["INSERT", "UPDATE OF centreId"] {
            try db.execute(sql: """
                CREATE TRIGGER evaluation_centreUid_\(event.hasPrefix("INSERT") ? "insert" : "update") AFTER \(event) ON evaluation
                BEGIN UPDATE evaluation SET centreUid = (SELECT uid FROM centre WHERE id = NEW.centreId) WHERE id = NEW.id; END
                """)
        }
    }

    /// After the sender's slice was copied in with new ids: the receiver's own evaluations of those centres (a
    /// province's assessments of a commune's centres) follow them.
    static func repoint(_ db: Database, sender: String) throws {
        try db.execute(sql: """
            UPDATE main.evaluation SET centreId = (SELECT c.id FROM main.centre c WHERE c.uid = evaluation.centreUid)
            WHERE centreUid IN (SELECT uid FROM main.centre WHERE writer = ?)
            """, arguments: [sender])
    }

    /// Merges the bundle's evaluations of centres this office holds: from the office that owns a centre, its
    /// self-assessment; from a province, its assessment (and, in a hand-over, the self-assessment it keyed too). Returns the evaluations added and changed, named
    /// "TT13918 2026", for the merge report.
    static func merge(_ db: Database, sender: String, fromProvince: Bool, handOver: Bool = false, by actor: Actor,
                      at moment: Date) throws
        -> (added: [MergeReport.Entry], changed: [MergeReport.Entry])
    {
        var added: [MergeReport.Entry] = [], changed: [MergeReport.Entry] = []
        let rows = try Row.fetchAll(db, sql: """
            SELECT e.*, c.id AS localCentreId, c.writer AS localWriter, c.code AS localCode
            FROM bundle.evaluation e JOIN main.centre c ON c.uid = e.centreUid
            WHERE c.writer = ? OR (? AND c.writer IS NULL)
            ORDER BY e.id
            """, arguments: [sender, fromProvince])
        for row in rows {
            let theirs = try bundleEvaluation(db, row)
            let centreID: Int64 = row["localCentreId"]
            // A hand-over gives the commune both sides the province wrote of a centre it keyed.
            let takeSelf = handOver || (row["localWriter"] as String?) == sender
            let ours = try local(db, uid: theirs.uid, centreID: centreID, year: theirs.year)
            var merged = ours ?? theirs
            merged.id = ours?.id
            merged.centreID = centreID
            if let ours {
                merged.items = items(ours.items, theirs.items, takeSelf: takeSelf, takeOfficer: fromProvince)
                if takeSelf {
                    merged.criteriaSetID = theirs.criteriaSetID
                    merged.selfRank = theirs.selfRank
                }
                if fromProvince { merged.rank = theirs.rank }
            }
            let known = Set((ours?.history ?? []).map(EventKey.init))
            let arriving = ours == nil ? theirs.history : theirs.history.filter { !known.contains(EventKey($0)) }
            merged.history = (ours?.history ?? []) + arriving
            merged.status = status(after: arriving) ?? merged.status
            let name = MergeReport.Entry(kind: Evaluation.auditRecordType, name: "\(row["localCode"] as String) \(theirs.year)")
            if let ours, arriving.isEmpty, same(ours, merged) { continue }
            let saved = try AppDatabase.write(db, merged, before: ours, event: nil, comment: "", by: actor, at: moment)
            for event in arriving {
                var record = EvaluationEventRecord(id: nil, evaluationId: saved.id!, action: event.action.rawValue,
                                                   username: event.username, at: Timestamp.string(event.at),
                                                   comment: event.comment)
                try record.insert(db)
            }
            if ours == nil { added.append(name) } else { changed.append(name) }
        }
        return (added, changed)
    }

    /// An evaluation as the bundle holds it.
    private static func bundleEvaluation(_ db: Database, _ row: Row) throws -> Evaluation {
        let record = try EvaluationRecord(row: row)
        let items = try EvaluationItemRecord.fetchAll(db, sql: """
            SELECT * FROM bundle.evaluationItem WHERE evaluationId = ? ORDER BY position
            """, arguments: [record.id]).map { try $0.item() }
        let history = try EvaluationEventRecord.fetchAll(db, sql: """
            SELECT * FROM bundle.evaluationEvent WHERE evaluationId = ? ORDER BY id
            """, arguments: [record.id]).map { try $0.event() }
        return try record.evaluation(items: items, history: history)
    }

    /// The receiver's evaluation: by stable identity, else the centre's of that year.
    private static func local(_ db: Database, uid: String, centreID: Int64, year: Int) throws -> Evaluation? {
        let key = try Row.fetchOne(db, sql: """
            SELECT centreId, year FROM main.evaluation WHERE uid = ? OR (centreId = ? AND year = ?)
            ORDER BY uid = ? DESC LIMIT 1
            """, arguments: [uid, centreID, year, uid])
        guard let key else { return nil }
        return try AppDatabase.fetchEvaluation(db, centreID: key["centreId"], year: key["year"])
    }

    /// The items with the sender's side of each taken, the receiver's kept; in the order of the self side's writer.
    static func items(_ ours: [ItemAssessment], _ theirs: [ItemAssessment], takeSelf: Bool, takeOfficer: Bool)
        -> [ItemAssessment]
    {
        let order = takeSelf ? theirs.map(\.itemID) + ours.map(\.itemID) : ours.map(\.itemID) + theirs.map(\.itemID)
        var seen = Set<String>()
        return order.filter { seen.insert($0).inserted }.map { id in
            let mine = ours.first { $0.itemID == id }, given = theirs.first { $0.itemID == id }
            var item = mine ?? ItemAssessment(itemID: id)
            if takeSelf, let given {
                item.evidence = given.evidence
                item.override = given.override
                item.overrideReason = given.overrideReason
                item.selfScore = given.selfScore
                item.selfNote = given.selfNote
            }
            if takeOfficer, let given {
                item.officerScore = given.officerScore
                item.officerComment = given.officerComment
            }
            return item
        }
    }

    /// Where steps leave the evaluation: the last one says (a return sends it back to the director, a submission or
    /// an assessment to the officer, a confirmation ends it). Nil when there is no step: nothing moved.
    static func status(after steps: [EvaluationEvent]) -> EvaluationStatus? {
        guard let last = steps.last else { return nil }
        switch last.action {
        case .saveSelf, .returnForRevision: return .selfAssessing
        case .submit, .assess: return .submitted
        case .confirm: return .confirmed
        }
    }

    private static func same(_ a: Evaluation, _ b: Evaluation) -> Bool {
        a.items == b.items && a.status == b.status && a.selfRank == b.selfRank && a.rank == b.rank
            && a.criteriaSetID == b.criteriaSetID
    }

    /// A step as both offices record it: the same step by the same person at the same moment.
    struct EventKey: Hashable {
        let action: EvaluationAction
        let username: String
        let at: String

        init(_ event: EvaluationEvent) {
            action = event.action
            username = event.username
            at = Timestamp.string(event.at)
        }
    }
}

/// Which sides of a centre's evaluations this office writes.
public struct EvaluationSides: Equatable, Sendable {
    public let selfSide: Bool
    public let officerSide: Bool

    public init(selfSide: Bool, officerSide: Bool) {
        self.selfSide = selfSide
        self.officerSide = officerSide
    }
}

extension AppDatabase {
    /// Which sides of a centre's evaluations this office writes: the self-assessment only of its own centres, the
    /// assessment only at a provincial office (the screens offer the keys accordingly; the writes check again).
    public func evaluationSides(centreID: Int64) throws -> EvaluationSides {
        try writer.read { db in
            let selfSide = (try? Self.requireSelfSide(db, centreID: centreID)) != nil
            let officerSide = (try? Self.requireOfficerSide(db)) != nil
            return EvaluationSides(selfSide: selfSide, officerSide: officerSide)
        }
    }

    /// The self-assessment of a centre received from another office is that office's to write.
    static func requireSelfSide(_ db: Database, centreID: Int64) throws {
        if try String.fetchOne(db, sql: "SELECT writer FROM centre WHERE id = ?", arguments: [centreID]) != nil {
            throw EvaluationStoreError.readOnlyHere
        }
    }

    /// The assessment is a provincial office's to write: a commune office receives it and shows it.
    static func requireOfficerSide(_ db: Database) throws {
        if try settingNumber(db, "office.commune") != nil { throw EvaluationStoreError.readOnlyHere }
    }
}
