import Domain
import Foundation
import GRDB

/// The audit trail's head (`Domain.AuditHead`: the last entry's number and hash). Anyone who holds the file can
/// rewrite the whole chain, so the head is also kept outside the table: in a small anchor file beside the data file,
/// inside every backup, and printed on documents. A head that no longer matches the trail shows tampering.
extension AuditHead {
    /// Fewest hex digits accepted from paper (48 bits): enough that a forged chain cannot be made to match.
    public static let minimumHashDigits = 12

    /// "477:3fa2c1d9e0b4…" as typed by a person: the entry number, a colon, the hash or its first digits.
    public init?(parsing text: String) {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: ":", maxSplits: 1)
        guard parts.count == 2, let entry = Int64(parts[0]), entry >= 0 else { return nil }
        let hash = parts[1].lowercased()
        guard hash.count >= Self.minimumHashDigits, hash.count <= 64, hash.allSatisfy(\.isHexDigit) else { return nil }
        self.init(entry: entry, hash: hash)
    }

    /// What documents print: the number and the first 16 hex digits.
    public var printed: String { "\(entry):\(hash.prefix(16))" }

    /// True when `stored` is this entry's full hash.
    func matches(_ stored: String) -> Bool { stored.lowercased().hasPrefix(hash.lowercased()) }

    /// The head of the trail in `db`; nil for an empty trail.
    static func current(_ db: Database) throws -> AuditHead? {
        try Row.fetchOne(db, sql: "SELECT id, hash FROM auditEntry ORDER BY id DESC LIMIT 1")
            .map { AuditHead(entry: $0["id"], hash: $0["hash"]) }
    }
}

/// One anchor kept in the anchor file.
public struct AuditAnchorRecord: Hashable, Sendable {
    public enum Kind: String, Sendable { case head, backup, restore }
    public let kind: Kind
    public let head: AuditHead
    public let at: Date
    /// Where the backup went, for a backup.
    public let note: String
}

/// The anchor file beside the data file (`.<name>.audit-anchors`, hidden, so that the one file people
/// copy stays the `.sqlite`). The session rewrites its `head` line after every commit that adds entries, and
/// every backup adds a line. It is written only forward: a head that no longer matches the trail is kept,
/// not replaced, so tampering done while the program was closed stays visible to `audit verify`.
public enum AuditAnchor {
    public static func filePath(dataFile: String) -> String {
        let url = URL(fileURLWithPath: dataFile)
        return url.deletingLastPathComponent().appendingPathComponent("." + url.lastPathComponent + ".audit-anchors").path
    }

    /// Every anchor in the file beside `dataFile`; empty when there is none.
    public static func read(dataFile: String) -> [AuditAnchorRecord] {
        guard let text = try? String(contentsOfFile: filePath(dataFile: dataFile), encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { line in
            let fields = line.split(separator: " ", maxSplits: 4, omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 4, let kind = AuditAnchorRecord.Kind(rawValue: fields[0]), let entry = Int64(fields[1]),
                  let at = Timestamp.date(fields[3]) else { return nil }
            return AuditAnchorRecord(kind: kind, head: AuditHead(entry: entry, hash: fields[2].lowercased()), at: at,
                                     note: fields.count > 4 ? fields[4] : "")
        }
    }

    /// One writer at a time in this process: the session's commits and a backup thread both update the file.
    private static let mutex = NSLock()

    /// Adds a line (a backup's head). Failing to write it never fails the work it records.
    static func append(_ record: AuditAnchorRecord, dataFile: String) {
        mutex.lock()
        defer { mutex.unlock() }
        var records = read(dataFile: dataFile)
        records.append(record)
        write(records, dataFile: dataFile)
    }

    /// After a restore the file's trail is the backup's: earlier anchors describe a file that is gone.
    static func reset(to head: AuditHead?, dataFile: String, from source: String, at moment: Date) {
        mutex.lock()
        defer { mutex.unlock() }
        guard let head else {
            unlink(filePath(dataFile: dataFile))
            return
        }
        write([AuditAnchorRecord(kind: .restore, head: head, at: moment, note: source),
               AuditAnchorRecord(kind: .head, head: head, at: moment, note: "")], dataFile: dataFile)
    }

    /// Moves the `head` line to `head`, unless the head it holds is no longer in the trail.
    static func advance(to head: AuditHead, stillHolds: (AuditHead) -> Bool, dataFile: String, at moment: Date) {
        mutex.lock()
        defer { mutex.unlock() }
        var records = read(dataFile: dataFile)
        if let previous = records.last(where: { $0.kind == .head }) {
            guard previous.head != head else { return }
            guard stillHolds(previous.head) else { return }
        }
        records.removeAll { $0.kind == .head }
        records.append(AuditAnchorRecord(kind: .head, head: head, at: moment, note: ""))
        write(records, dataFile: dataFile)
    }

    private static func write(_ records: [AuditAnchorRecord], dataFile: String) {
        let lines = ["# tthtcd: heads of the audit trail (entry, SHA-256, time, note). Checked by «tthtcd audit verify»."]
            + records.map { r in
                [r.kind.rawValue, String(r.head.entry), r.head.hash, Timestamp.string(r.at), r.note]
                    .joined(separator: " ").trimmingCharacters(in: .whitespaces)
            }
        try? PrivateFile.write(Data((lines.joined(separator: "\n") + "\n").utf8), to: filePath(dataFile: dataFile),
                               durable: false)
    }

    /// Keeps the anchor file's head up to date after commits that appended to the trail: at most once a second
    /// (a demo load commits a thousand times), and on ``Keeper/flush(_:)`` when the file closes.
    static func keep(_ pool: DatabasePool, dataFile: String) -> Keeper {
        let keeper = Keeper(dataFile: dataFile)
        pool.add(transactionObserver: keeper, extent: .databaseLifetime)
        return keeper
    }

    final class Keeper: TransactionObserver, @unchecked Sendable {
        let dataFile: String
        private var appended = false
        private var pending = false
        private var lastWrite = Date.distantPast

        init(dataFile: String) { self.dataFile = dataFile }

        func observes(eventsOfKind eventKind: DatabaseEventKind) -> Bool {
            if case .insert(let table) = eventKind { return table == "auditEntry" }
            return false
        }

        func databaseDidChange(with event: DatabaseEvent) { appended = true }

        func databaseDidCommit(_ db: Database) {
            guard appended else { return }
            appended = false
            pending = true
            if Date().timeIntervalSince(lastWrite) >= 1 { flush(db) }
        }

        func databaseDidRollback(_ db: Database) { appended = false }

        /// Writes the head now if a commit is not yet in the file. Runs on the writer's queue.
        func flush(_ db: Database) {
            guard pending, let head = try? AuditHead.current(db) else { return }
            pending = false
            lastWrite = Date()
            AuditAnchor.advance(to: head, stillHolds: { old in
                (try? String.fetchOne(db, sql: "SELECT hash FROM auditEntry WHERE id = ?", arguments: [old.entry]))
                    .flatMap { $0 }.map(old.matches) ?? false
            }, dataFile: dataFile, at: Date())
        }
    }
}
