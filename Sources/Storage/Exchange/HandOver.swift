import Domain
import Foundation
import GRDB

/// Handing a commune over (issue 13): a province keyed a commune's centres because the commune had no PC; once it
/// has one, the province writes a bundle of those centres for that commune only. In the same transaction as the
/// bundle's number, the centres take the commune's writer (`X13918`), as if received from it: the province can no
/// longer change them (the one-writer triggers), and the commune's first bundle replaces them without a clash of
/// codes. Until that bundle arrives the province may write the hand-over again or take it back.
///
/// The bundle carries the centres and everything under them, the province's evaluations of them, and what the
/// ordinary slice leaves out because it never travels between offices otherwise: the register of people who
/// teach, the money, and the plans' numbers in the document register.
enum HandOver {
    /// Tables under a centre that ordinary bundles do not carry, with the column that holds the centre.
    static let held = ["staffMember", "fundingYear", "fundingReceipt"]

    /// At the province, with the sequence step: checks the hand-over may be written and marks the centres.
    static func mark(_ db: Database, commune: Int, sequence: Int, by actor: Actor, at moment: Date) throws {
        let writer = HandOverCandidate.writerID(commune)
        try requireOpen(db, commune: commune)
        let rows = try Row.fetchAll(db, sql: """
            SELECT id, code FROM centre WHERE communeCode = ? AND (writer IS NULL OR writer = ?) ORDER BY code
            """, arguments: [commune, writer])
        guard !rows.isEmpty else { throw HandOverError.nothingToHandOver(commune) }
        for row in rows { try AppDatabase.requireScope(db, actor, centreID: row["id"]) }
        try db.execute(sql: "UPDATE centre SET writer = ? WHERE communeCode = ? AND writer IS NULL",
                       arguments: [writer, commune])
        try AppDatabase.audit(db, actor: actor, action: "handOver", recordType: "exchange", recordID: writer,
                              changes: AuditDiff.changes(before: nil, after: [
                                  "sequence": String(sequence),
                                  "centres": rows.map { $0["code"] as String }.joined(separator: ", "),
                              ]), at: moment)
    }

    /// A provincial office whose hand-over to `commune` is still open: no bundle of that commune received yet.
    static func requireOpen(_ db: Database, commune: Int) throws {
        guard try AppDatabase.settingNumber(db, "office.commune") == nil else { throw HandOverError.notProvinceOffice }
        let sent = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM exchangePeer WHERE writer = ?)",
                                     arguments: [HandOverCandidate.writerID(commune)]) ?? false
        if sent { throw HandOverError.communeHasSent(commune) }
    }

    /// In the backup copy only: keeps the handed-over centres, what hangs from them and the province's
    /// evaluations of them; removes everything else, as `cutToOwnSlice` does for an ordinary bundle.
    static func cut(_ db: Database, commune: Int) throws {
        try AppDatabase.cutToOwnSlice(db, removing: "c.writer IS NULL OR c.writer <> ?",
                                      arguments: [HandOverCandidate.writerID(commune)])
        // Foreign keys are off in the copy: the rows of the centres removed that slices do not hold go by hand.
        try db.execute(sql: """
            DELETE FROM evaluationItem WHERE evaluationId IN
                (SELECT id FROM evaluation WHERE centreId NOT IN (SELECT id FROM centre));
            DELETE FROM evaluationEvent WHERE evaluationId IN
                (SELECT id FROM evaluation WHERE centreId NOT IN (SELECT id FROM centre));
            DELETE FROM evaluation WHERE centreId NOT IN (SELECT id FROM centre);
            DELETE FROM staffTraining WHERE staffId NOT IN
                (SELECT id FROM staffMember WHERE centreId IN (SELECT id FROM centre));
            DELETE FROM staffMember WHERE centreId NOT IN (SELECT id FROM centre);
            DELETE FROM fundingReceipt WHERE centreId NOT IN (SELECT id FROM centre);
            DELETE FROM fundingYear WHERE centreId NOT IN (SELECT id FROM centre);
            DELETE FROM documentRegister WHERE planId NOT IN (SELECT id FROM plan);
            """)
    }

    /// At the commune, after `SliceTables.copy` gave the centres new ids (kept in `temp.exchangeMap`): copies the
    /// rows ordinary bundles leave out, and points the commune's evaluations of those centres (taken from earlier
    /// bundles of the province, when the centres were the province's) at the centres' new ids.
    static func receive(_ db: Database) throws {
        for table in held {
            try copy(db, table: table, links: [
                "centreId": ("JOIN temp.exchangeMap m ON m.tbl = 'centre' AND m.old = c.centreId", "m.new"),
            ])
        }
        try copy(db, table: "staffTraining", links: [
            "staffId": ("""
                JOIN bundle.staffMember bs ON bs.id = c.staffId
                JOIN temp.exchangeMap m ON m.tbl = 'centre' AND m.old = bs.centreId
                JOIN main.staffMember ms ON ms.uid = bs.uid
                """, "ms.id"),
        ])
        try copy(db, table: "documentRegister", links: [
            "planId": ("JOIN temp.exchangeMap mp ON mp.tbl = 'plan' AND mp.old = c.planId", "mp.new"),
            "centreId": ("JOIN temp.exchangeMap m ON m.tbl = 'centre' AND m.old = c.centreId", "m.new"),
        ])
        try db.execute(sql: """
            UPDATE main.evaluation SET centreId = (SELECT c.id FROM main.centre c WHERE c.uid = evaluation.centreUid)
            WHERE centreUid IN (SELECT uid FROM main.centre WHERE id IN (SELECT new FROM temp.exchangeMap WHERE tbl = 'centre'))
            """)
    }

    /// One INSERT ... SELECT from the bundle: a new `id` where the table has one, the linked columns through the
    /// joins given (which also choose the rows: only those of the centres copied).
    private static func copy(_ db: Database, table: String, links: [String: (join: String, value: String)]) throws {
        let columns = try db.columns(in: table, in: "main").map(\.name)
        let bundleColumns = Set(try db.columns(in: table, in: "bundle").map(\.name))
        let hasID = try db.primaryKey(table).columns == ["id"]
        let inserted = columns.filter { !(hasID && $0 == "id") }
        let values = inserted.map { column in
            links[column]?.value ?? (bundleColumns.contains(column) ? "c.\"\(column)\"" : "NULL")
        }
        try db.execute(sql: """
            INSERT INTO main.\(table) (\(inserted.map { "\"\($0)\"" }.joined(separator: ", ")))
            SELECT \(values.joined(separator: ", ")) FROM bundle.\(table) AS c
            \(links.keys.sorted().map { links[$0]!.join }.joined(separator: " "))
            """)
    }

    /// At the province, before a commune's slice is replaced: the rows bundles do not carry of the centres that
    /// slice holds (the register and money the province keyed before it handed the commune over, now the
    /// commune's and sent to it in the hand-over), which would otherwise point at centres that are gone.
    static func dropHeld(_ db: Database, writer: String) throws {
        for table in held {
            try db.execute(sql: "DELETE FROM main.\(table) WHERE centreId IN (SELECT id FROM main.centre WHERE writer = ?)",
                           arguments: [writer])
        }
    }

    /// The merge report of a hand-over: every record is new to this office as its own; records the province had
    /// sent before and no longer holds are removed.
    static func report(before: [RecordSummary], after: [RecordSummary]) -> MergeReport {
        let added = MergeReport.compare(before: [], after: after)
        let removed = MergeReport.compare(before: before, after: after).removed
        return MergeReport(added: added.added, changed: [], removed: removed, counts: added.counts)
    }
}

extension AppDatabase {
    /// At a provincial office: the communes whose centres it keyed itself, with how many and whether they are
    /// handed over already (still awaiting the commune's first bundle), by commune code.
    public func handOverCandidates() throws -> [HandOverCandidate] {
        try writer.read { db in
            guard try Self.settingNumber(db, "office.commune") == nil else { return [] }
            return try Row.fetchAll(db, sql: """
                SELECT communeCode, count(*) AS centres, max(writer IS NOT NULL) AS handedOver FROM centre
                WHERE communeCode IS NOT NULL
                  AND (writer IS NULL OR (writer = 'X' || communeCode
                       AND NOT EXISTS (SELECT 1 FROM exchangePeer p WHERE p.writer = centre.writer)))
                GROUP BY communeCode ORDER BY communeCode
                """).map { HandOverCandidate(communeCode: $0["communeCode"], centres: $0["centres"], handedOver: $0["handedOver"]) }
        }
    }

    /// Writes the hand-over of `commune`'s centres into `folder`, a step at a time (see ``bundleExport``). Its first
    /// step refuses with a ``HandOverError`` when the hand-over is closed or empty.
    public func handOverExport(commune: Int, to folder: URL, office: ExchangeOffice, programVersion: String,
                               by actor: Actor, at moment: Date) -> BundleExportJob {
        BundleExportJob(database: self, folder: folder, office: office, programVersion: programVersion, actor: actor,
                        moment: moment, handOver: commune)
    }

    /// The whole hand-over at once (the command line).
    public func exportHandOver(commune: Int, to folder: URL, office: ExchangeOffice, programVersion: String,
                               by actor: Actor, at moment: Date) throws -> ExportedBundle {
        let job = handOverExport(commune: commune, to: folder, office: office, programVersion: programVersion,
                                 by: actor, at: moment)
        while !job.isFinished { try job.step() }
        return job.result!
    }

    /// Takes a hand-over back while the commune has sent nothing: its centres are the province's again (writer
    /// NULL), in one audited transaction. Returns how many centres came back.
    @discardableResult
    public func takeBackHandOver(commune: Int, by actor: Actor, at moment: Date) throws -> Int {
        try actor.require(.exchangeData)
        return try writer.write { db in
            try HandOver.requireOpen(db, commune: commune)
            let writer = HandOverCandidate.writerID(commune)
            let rows = try Row.fetchAll(db, sql: "SELECT id, code FROM centre WHERE writer = ? ORDER BY code",
                                        arguments: [writer])
            guard !rows.isEmpty else { throw HandOverError.notHandedOver(commune) }
            for row in rows { try Self.requireScope(db, actor, centreID: row["id"]) }
            // The one-writer triggers guard the centres now: opened for this statement only, as a receipt does.
            try db.execute(sql: "INSERT INTO exchangeGate (open) VALUES (1)")
            try db.execute(sql: "UPDATE centre SET writer = NULL WHERE writer = ?", arguments: [writer])
            try db.execute(sql: "DELETE FROM exchangeGate")
            try Self.audit(db, actor: actor, action: "takeBack", recordType: "exchange", recordID: writer,
                           changes: AuditDiff.changes(before: nil, after: [
                               "centres": rows.map { $0["code"] as String }.joined(separator: ", "),
                           ]), at: moment)
            return rows.count
        }
    }
}
