import Domain
import Foundation
import GRDB

/// A bundle found in a folder, as the list of bundles to receive shows it: read and checked without unpacking
/// its data or changing anything.
public struct BundlePreview: Sendable, Equatable {
    public let url: URL
    public let manifest: BundleManifest?
    /// Why it would be refused; nil when it can be received.
    public let problem: BundleProblem?
    /// True when this office has not yet pinned the sender's key: receiving it pins the key shown.
    public let firstExchange: Bool
    /// When this very file (same sender, sequence and sha256) was received here already: it is not received again,
    /// and it is no refusal either.
    public var receivedAt: Date? = nil

    public var fingerprint: String? { manifest.map { OfficeKey.fingerprint($0.publicKey) } }
}

/// What receiving one bundle did.
public struct ReceivedBundle: Sendable, Equatable {
    public let url: URL
    public let manifest: BundleManifest
    public let report: MergeReport
    /// The sender's key was pinned by this bundle (compare its fingerprint by phone).
    public let firstExchange: Bool
    public let fingerprint: String
    /// The audit head of the slice held before, kept in the receipt.
    public let previousAuditHead: AuditHead?
}

extension AppDatabase {
    /// The offices this one has pinned, by writer id.
    func knownOffice(_ db: Database, writer: String) throws -> KnownOffice? {
        try Row.fetchOne(db, sql: "SELECT publicKey, lastSequence FROM exchangePeer WHERE writer = ?", arguments: [writer])
            .map { KnownOffice(writerID: writer, publicKey: $0[0], lastSequence: $0[1]) }
    }

    /// Reads a bundle's manifest and runs every check that needs no unpacking.
    public func previewBundle(at url: URL, receiver: ExchangeOffice) -> BundlePreview {
        do {
            let opened = try BundleArchive.open(url)
            let known = try writer.read { db in try knownOffice(db, writer: opened.manifest.office.writerID) }
            do {
                try check(opened, known: known, receiver: receiver)
                return BundlePreview(url: url, manifest: opened.manifest, problem: nil, firstExchange: known == nil)
            } catch let problem as BundleProblem {
                var preview = BundlePreview(url: url, manifest: opened.manifest, problem: problem, firstExchange: known == nil)
                if case .staleSequence = problem { preview.receivedAt = try receiptOf(url, manifest: opened.manifest) }
                return preview
            }
        } catch let problem as BundleProblem {
            return BundlePreview(url: url, manifest: nil, problem: problem, firstExchange: false)
        } catch {
            return BundlePreview(url: url, manifest: nil, problem: .notABundle, firstExchange: false)
        }
    }

    /// When the same file as `url` (its sender's receipt for that sequence holds the file's sha256) was received.
    private func receiptOf(_ url: URL, manifest: BundleManifest) throws -> Date? {
        let stored = try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT sha256, receivedAt FROM exchangeReceipt WHERE writer = ? AND sequence = ?",
                             arguments: [manifest.office.writerID, manifest.sequence])
                .map { (hash: $0[0] as String, at: $0[1] as String) }
        }
        guard !stored.isEmpty else { return nil }
        let hash = try BundleArchive.sha256(of: url)
        return stored.last { $0.hash == hash }.flatMap { Timestamp.date($0.at) }
    }

    /// The bundles (`*.tthtcd`) in a folder, by file name.
    public func previewBundles(in folder: URL, receiver: ExchangeOffice) throws -> [BundlePreview] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        } catch {
            throw DataFileError.unreachable(path: folder.path, reason: SystemError(error))
        }
        return names.filter { $0.hasSuffix("." + BundleArchive.fileExtension) && !$0.hasPrefix(".") }.sorted()
            .map { previewBundle(at: folder.appendingPathComponent($0), receiver: receiver) }
    }

    /// Receives one bundle: every check first, then the sender's slice replaced in one transaction (the key
    /// pinned at the first exchange, the sequence and the audit heads recorded, the merge report kept). A
    /// refusal throws a ``BundleProblem`` and leaves the data file as it was.
    public func receiveBundle(at url: URL, receiver: ExchangeOffice, by actor: Actor, at moment: Date) throws
        -> ReceivedBundle {
        try actor.require(.exchangeData)
        let opened = try BundleArchive.open(url)
        let manifest = opened.manifest
        let sender = manifest.office.writerID
        let known = try writer.read { db in try knownOffice(db, writer: sender) }
        try check(opened, known: known, receiver: receiver)
        let work = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let dataURL = work.appendingPathComponent(BundleArchive.dataName)
        try BundleArchive.extractData(opened, to: dataURL)
        try Self.prepareReceived(dataURL)
        let fileHash = try BundleArchive.sha256(of: url)
        // From a commune, its whole slice; from the province, what it holds of this commune.
        let chosen = receiver.level == .province ? "1" : "c.communeCode = \(receiver.code)"
        // A hand-over gives the centres to this commune office as its own (BundleCheck has checked it is the one).
        let handOver = manifest.handOverTo != nil
        let (report, previous) = try writer.writeWithoutTransaction { db -> (MergeReport, AuditHead?) in
            try db.execute(sql: "ATTACH DATABASE ? AS bundle", arguments: [dataURL.path])
            defer { try? db.execute(sql: "DETACH DATABASE bundle") }
            var result: (MergeReport, AuditHead?)!
            try db.inTransaction {
                try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
                try db.execute(sql: "INSERT INTO exchangeGate (open) VALUES (1)")
                if let taken = try String.fetchOne(db, sql: """
                    SELECT c.code FROM bundle.centre c WHERE \(chosen)
                    AND c.code IN (SELECT code FROM main.centre WHERE writer IS NULL OR writer <> ?)
                    """, arguments: [sender]) {
                    throw handOver ? BundleProblem.handOverCodeTaken(taken) : BundleProblem.codeTaken(taken)
                }
                let before = try SliceSummaries.read(db, schema: "main", centres: "c.writer = ?", arguments: [sender])
                let after = try SliceSummaries.read(db, schema: "bundle", centres: chosen)
                try ReceivedAudit.endHandedOver(db, writer: sender, by: actor, at: moment)
                if receiver.level == .province { try HandOver.dropHeld(db, writer: sender) }
                try SliceTables.delete(db, schema: "main", centres: "c.writer = ?", arguments: [sender])
                try SliceTables.copy(db, centres: chosen, writer: handOver ? nil : sender)
                if handOver {
                    try HandOver.receive(db)
                    try ReceivedAudit.startTakenOver(db, by: actor, at: moment)
                }
                try EvaluationExchange.repoint(db, sender: sender)
                let evaluations = try EvaluationExchange.merge(db, sender: sender, fromProvince: manifest.office.level == .province,
                                                               handOver: handOver, by: actor, at: moment)
                let slice = handOver ? HandOver.report(before: before, after: after)
                    : MergeReport.compare(before: before, after: after)
                let report = MergeReport(added: slice.added + evaluations.added, changed: slice.changed + evaluations.changed,
                                         removed: slice.removed, counts: slice.counts)
                // The slice now held is the bundle's, record for record (the digests leave ids and the writer out:
                // ExchangeAuditTests verify it clean after every kind of receipt), so its summaries, already read
                // for the report, give the digest without reading the slice a third time.
                let digest = handOver ? try ReceivedAudit.digest(db, writer: sender).digest : ReceivedAudit.digest(after).digest
                let previous = try Self.storeReceipt(db, manifest: manifest, report: report, fileName: url.lastPathComponent,
                                                     sha256: fileHash, sliceDigest: digest, by: actor, at: moment)
                try db.execute(sql: "DELETE FROM exchangeGate")
                result = (report, previous)
                return .commit
            }
            return result
        }
        return ReceivedBundle(url: url, manifest: manifest, report: report, firstExchange: known == nil,
                              fingerprint: OfficeKey.fingerprint(manifest.publicKey), previousAuditHead: previous)
    }

    private func check(_ opened: BundleArchive.Opened, known: KnownOffice?, receiver: ExchangeOffice) throws {
        try BundleCheck.check(opened.manifest, manifestBytes: opened.manifestBytes, signature: opened.signature,
                              known: known, receiver: receiver, knownSchemaSteps: Self.knownMigrations)
        if opened.manifest.office.level == receiver.level { throw BundleProblem.notForThisOffice }
    }

    /// The unpacked data must be a sound data file of ours; one written by an older program is brought up to this
    /// program's schema (in the private copy) so that its columns match.
    private static func prepareReceived(_ url: URL) throws {
        do {
            let queue = try DatabaseQueue(path: url.path)
            defer { try? queue.close() }
            try queue.writeWithoutTransaction { db in
                guard try String.fetchAll(db, sql: "PRAGMA quick_check") == ["ok"],
                      try Int.fetchOne(db, sql: "PRAGMA application_id") == applicationID else {
                    throw BundleProblem.dataUnreadable
                }
            }
            try Migrations.migrator.migrate(queue)
        } catch let problem as BundleProblem {
            throw problem
        } catch {
            throw BundleProblem.dataUnreadable
        }
    }

    /// Pins or updates the sender, appends the receipt and the audit entry; returns the audit head held before.
    /// The entry keeps the digest of the slice as received (``ReceivedAudit``), under the trail's hash chain.
    private static func storeReceipt(_ db: Database, manifest: BundleManifest, report: MergeReport, fileName: String,
                                     sha256: String, sliceDigest: String, by actor: Actor, at moment: Date) throws
        -> AuditHead? {
        let sender = manifest.office.writerID
        let previous = try String.fetchOne(db, sql: """
            SELECT auditHead FROM exchangeReceipt WHERE writer = ? ORDER BY id DESC LIMIT 1
            """, arguments: [sender]).flatMap(Self.decodeHead)
        let counts = String(decoding: try JSONEncoder().encode(manifest.counts), as: UTF8.self)
        try db.execute(sql: """
            INSERT INTO exchangePeer (writer, level, code, name, provinceCode, publicKey, pinnedAt, lastSequence,
                                      lastWrittenAt, lastReceivedAt, counts)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(writer) DO UPDATE SET name = excluded.name, lastSequence = excluded.lastSequence,
                lastWrittenAt = excluded.lastWrittenAt, lastReceivedAt = excluded.lastReceivedAt, counts = excluded.counts
            """, arguments: [sender, manifest.office.level.rawValue, manifest.office.code, manifest.office.name,
                             manifest.office.provinceCode, manifest.publicKey, Timestamp.string(moment),
                             manifest.sequence, Timestamp.string(manifest.writtenAt), Timestamp.string(moment), counts])
        let reportJSON = String(decoding: try JSONEncoder().encode(report), as: UTF8.self)
        try db.execute(sql: """
            INSERT INTO exchangeReceipt (writer, sequence, writtenAt, receivedAt, username, fileName, sha256,
                                         previousAuditHead, auditHead, report)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [sender, manifest.sequence, Timestamp.string(manifest.writtenAt), Timestamp.string(moment),
                             actor.username, fileName, sha256, previous.map(encodeHead), manifest.auditHead.map(encodeHead),
                             reportJSON])
        var fields = [
            "sequence": String(manifest.sequence), "file": fileName, "sha256": sha256,
            "added": String(report.added.count), "changed": String(report.changed.count),
            "removed": String(report.removed.count), ReceivedAudit.digestField: sliceDigest,
        ]
        if let commune = manifest.handOverTo { fields["handOver"] = HandOverCandidate.writerID(commune) }
        let changes = AuditDiff.changes(before: nil, after: fields)
        try audit(db, actor: actor, action: "receive", recordType: "exchange", recordID: sender, changes: changes, at: moment)
        return previous
    }

    static func encodeHead(_ head: AuditHead) -> String { "\(head.entry) \(head.hash)" }

    static func decodeHead(_ text: String) -> AuditHead? {
        let parts = text.split(separator: " ")
        guard parts.count == 2, let entry = Int64(parts[0]) else { return nil }
        return AuditHead(entry: entry, hash: String(parts[1]))
    }
}
