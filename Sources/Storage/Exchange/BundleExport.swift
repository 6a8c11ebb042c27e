import Domain
import Foundation
import GRDB

/// A bundle written: where, and what its manifest says.
public struct ExportedBundle: Sendable {
    public let url: URL
    public let manifest: BundleManifest
}

/// Writing a bundle, a step at a time so that a screen can show its progress between steps: the backup, the
/// cut to the office's own slice, the digest, the zip. Each step is a few seconds at most on a commune's data.
/// Used by one screen or command at a time, never shared between threads.
public final class BundleExportJob: @unchecked Sendable {
    private enum Phase { case backup, cut, digest, zip, done }

    private let database: AppDatabase
    private let folder: URL
    private let office: ExchangeOffice
    private let programVersion: String
    private let actor: Actor
    private let moment: Date
    /// A hand-over of this commune's centres (see HandOver.swift) instead of the office's own bundle.
    private let handOver: Int?
    private var phase = Phase.backup
    private var work: URL?
    private var sequence = 0
    private var key: OfficeKey?
    private var auditHead: AuditHead?
    private var counts: [String: Int] = [:]
    private var digest = ""
    public private(set) var result: ExportedBundle?

    init(database: AppDatabase, folder: URL, office: ExchangeOffice, programVersion: String, actor: Actor, moment: Date,
         handOver: Int? = nil) {
        self.database = database
        self.handOver = handOver
        self.folder = folder
        self.office = office
        self.programVersion = programVersion
        self.actor = actor
        self.moment = moment
    }

    deinit { if let work { try? FileManager.default.removeItem(at: work) } }

    /// Done so far, from 0 to 1.
    public var fraction: Double {
        switch phase {
        case .backup: return 0
        case .cut: return 0.5
        case .digest: return 0.7
        case .zip: return 0.8
        case .done: return 1
        }
    }

    public var isFinished: Bool { phase == .done }

    private var dataURL: URL { work!.appendingPathComponent(BundleArchive.dataName) }

    /// Does the next step; the last one leaves `result`.
    public func step() throws {
        switch phase {
        case .backup:
            try actor.require(.exchangeData)
            guard FileManager.default.isWritableFile(atPath: folder.path) else {
                throw DataFileError.unreachable(path: folder.path, reason: .permissionDenied)
            }
            key = try OfficeKeyFile.loadOrCreate(forDataFile: database.path)
            work = try AppDatabase.temporaryFolder()
            sequence = try database.writer.write { db in
                let next = (try AppDatabase.settingNumber(db, "exchange.sequence") ?? 0) + 1
                try AppDatabase.storeSetting(db, "exchange.sequence", String(next), by: actor, at: moment)
                // A hand-over marks the centres the commune's in the same transaction as its number.
                if let handOver { try HandOver.mark(db, commune: handOver, sequence: next, by: actor, at: moment) }
                return next
            }
            let copy = try DatabaseQueue(path: dataURL.path)
            try database.writer.backup(to: copy)
            try copy.close()
            phase = .cut
        case .cut:
            let copy = try DatabaseQueue(path: dataURL.path)
            (auditHead, counts) = try copy.writeWithoutTransaction { db in
                let head = try Row.fetchOne(db, sql: "SELECT id, hash FROM auditEntry ORDER BY id DESC LIMIT 1")
                    .map { AuditHead(entry: $0[0], hash: $0[1]) }
                if let handOver {
                    try HandOver.cut(db, commune: handOver)
                } else {
                    try AppDatabase.cutToOwnSlice(db)
                }
                let counts = try AppDatabase.sliceCounts(db, schema: "main", centres: "1")
                try db.execute(sql: "VACUUM")
                return (head, counts)
            }
            try copy.close()
            phase = .digest
        case .digest:
            digest = try BundleArchive.sha256(of: dataURL)
            phase = .zip
        case .zip:
            result = try writeArchive()
            phase = .done
        case .done:
            break
        }
    }

    private func writeArchive() throws -> ExportedBundle {
        guard let key else { throw BundleProblem.keyUnreadable }
        let manifest = BundleManifest(
            programVersion: programVersion, schemaSteps: AppDatabase.knownMigrations, office: office, sequence: sequence,
            writtenAt: moment, counts: counts, parts: [BundleArchive.dataName: digest], auditHead: auditHead,
            publicKey: key.publicKey, handOverTo: handOver)
        let manifestBytes = try manifest.encoded()
        let signature = try key.sign(manifestBytes)
        let handedTo = handOver.map { "-" + HandOverCandidate.writerID($0) } ?? ""
        let name = "\(office.writerID)-\(String(format: "%06d", sequence))\(handedTo).\(BundleArchive.fileExtension)"
        let target = folder.appendingPathComponent(name)
        // Written beside the target and renamed when whole, so a stick pulled out never leaves half a bundle.
        let partial = folder.appendingPathComponent("." + name + ".partial")
        try? FileManager.default.removeItem(at: partial)
        do {
            try BundleArchive.write(to: partial, manifest: manifestBytes, signature: signature, data: dataURL)
            // A bundle holds names, birth years and answers, like the data file: owner-only, as every file written.
            guard chmod(partial.path, 0o600) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EPERM) }
            let handle = try FileHandle(forUpdating: partial)
            try handle.synchronize()
            try handle.close()
            if FileManager.default.fileExists(atPath: target.path) { try FileManager.default.removeItem(at: target) }
            try FileManager.default.moveItem(at: partial, to: target)
        } catch {
            try? FileManager.default.removeItem(at: partial)
            throw DataFileError.unreachable(path: folder.path, reason: SystemError(error))
        }
        return ExportedBundle(url: target, manifest: manifest)
    }
}

extension AppDatabase {
    /// Writes this office's bundle into `folder`: an online backup of the data file (the file stays in use),
    /// cut down to the office's own slice (no accounts, no audit trail, no slice received from another office),
    /// its manifest and the manifest's signature. The sequence grows by one (recorded in the audit trail first,
    /// so the bundle's audit head includes it). A screen runs the job's steps itself to show progress.
    public func bundleExport(to folder: URL, office: ExchangeOffice, programVersion: String, by actor: Actor,
                             at moment: Date) -> BundleExportJob {
        BundleExportJob(database: self, folder: folder, office: office, programVersion: programVersion, actor: actor,
                        moment: moment)
    }

    /// The whole export at once (the command line).
    public func exportBundle(to folder: URL, office: ExchangeOffice, programVersion: String, by actor: Actor,
                             at moment: Date) throws -> ExportedBundle {
        let job = bundleExport(to: folder, office: office, programVersion: programVersion, by: actor, at: moment)
        while !job.isFinished { try job.step() }
        return job.result!
    }

    /// In the backup copy only: removes what is not the office's own to send (by default the slices received from
    /// other offices; a hand-over removes every centre but those it hands over).
    static func cutToOwnSlice(_ db: Database, removing centres: String = "c.writer IS NOT NULL",
                              arguments: StatementArguments = []) throws {
        try db.execute(sql: """
            DROP TRIGGER IF EXISTS auditEntry_noDelete;
            DELETE FROM auditEntry;
            DELETE FROM account;
            DELETE FROM exchangeReceipt;
            DELETE FROM exchangePeer;
            DELETE FROM setting WHERE key NOT LIKE 'office.%';
            INSERT INTO exchangeGate (open) VALUES (1);
            """)
        try db.execute(sql: "PRAGMA foreign_keys = OFF")
        try SliceTables.delete(db, schema: "main", centres: centres, arguments: arguments)
        try db.execute(sql: "DELETE FROM exchangeGate")
    }

    /// Records of each kind among the chosen centres.
    static func sliceCounts(_ db: Database, schema: String, centres: String, arguments: StatementArguments = [])
        throws -> [String: Int] {
        let centreIDs = "SELECT c.id FROM \(schema).centre c WHERE \(centres)"
        let sql: [(ExchangeKind, String)] = [
            (.centre, "SELECT count(*) FROM \(schema).centre c WHERE \(centres)"),
            (.boardMember, "SELECT count(*) FROM \(schema).boardMember WHERE centreId IN (\(centreIDs))"),
            (.surveyCampaign, "SELECT count(*) FROM \(schema).surveyCampaign WHERE centreId IN (\(centreIDs))"),
            (.surveyResponse, """
                SELECT count(*) FROM \(schema).surveyResponse WHERE campaignId IN
                (SELECT id FROM \(schema).surveyCampaign WHERE centreId IN (\(centreIDs)))
                """),
            (.plan, "SELECT count(*) FROM \(schema).plan WHERE centreId IN (\(centreIDs))"),
        ]
        var counts: [String: Int] = [:]
        for (kind, query) in sql {
            counts[kind.rawValue] = try Int.fetchOne(db, sql: query, arguments: arguments) ?? 0
        }
        return counts
    }

    /// A private folder for the unpacked or backed-up data (it holds personal data).
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tthtcd-exchange-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        return url
    }
}
