import Crypto
import Foundation

/// One field of a record before and after a change (nil where it did not exist).
public struct FieldChange: Hashable, Codable, Sendable {
    public let field: String
    public let before: String?
    public let after: String?

    public init(field: String, before: String?, after: String?) {
        self.field = field
        self.before = before
        self.after = after
    }
}

/// What a record looks like to the audit trail: named fields as text. Types that are audited say which of
/// their fields count, in words an inspector reads; secrets never appear.
public protocol Audited {
    static var auditRecordType: String { get }
    var auditFields: [String: String] { get }
}

public enum AuditDiff {
    /// The fields that differ between two states of a record; nil before means created, nil after deleted.
    public static func changes(before: [String: String]?, after: [String: String]?) -> [FieldChange] {
        let keys = Set((before ?? [:]).keys).union((after ?? [:]).keys).sorted()
        return keys.compactMap { key in
            let old = before?[key], new = after?[key]
            return old == new ? nil : FieldChange(field: key, before: old, after: new)
        }
    }
}

/// One line of the append-only audit trail. `hash` is the SHA-256 of this entry's content and the previous
/// entry's hash, so changing, removing or reordering any entry breaks every link after it.
public struct AuditEntry: Hashable, Sendable, Identifiable {
    public var id: Int64
    public var at: Date
    public var username: String
    public var action: String
    public var recordType: String
    public var recordID: String
    public var changes: [FieldChange]
    public var previousHash: String
    public var hash: String

    public init(id: Int64, at: Date, username: String, action: String, recordType: String, recordID: String,
                changes: [FieldChange], previousHash: String, hash: String) {
        self.id = id
        self.at = at
        self.username = username
        self.action = action
        self.recordType = recordType
        self.recordID = recordID
        self.changes = changes
        self.previousHash = previousHash
        self.hash = hash
    }

    /// The changes as stored: JSON with sorted keys, the same bytes every time.
    public static func encode(_ changes: [FieldChange]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(changes)) ?? Data("[]".utf8), as: UTF8.self)
    }

    public static func decode(_ text: String) -> [FieldChange] {
        (try? JSONDecoder().decode([FieldChange].self, from: Data(text.utf8))) ?? []
    }
}

public enum AuditChain {
    /// The hash the first entry links to.
    public static let genesis = String(repeating: "0", count: 64)

    public static func hash(id: Int64, at: String, username: String, action: String, recordType: String,
                            recordID: String, changes: String, previousHash: String) -> String {
        let fields = [String(id), at, username, action, recordType, recordID, changes, previousHash]
        // Lengths first, so that no shift of text between fields gives the same bytes.
        let payload = fields.map { "\($0.utf8.count):\($0)" }.joined(separator: "|")
        return ContentDigest.hex(SHA256.hash(data: Data(payload.utf8)))
    }

    public static func hash(of entry: AuditEntry, storedAt: String) -> String {
        hash(id: entry.id, at: storedAt, username: entry.username, action: entry.action, recordType: entry.recordType,
             recordID: entry.recordID, changes: AuditEntry.encode(entry.changes), previousHash: entry.previousHash)
    }

    /// The first entry whose link or content does not check out, given the rows as stored, in id order.
    public struct StoredRow: Sendable {
        public let id: Int64
        public let at: String
        public let username: String
        public let action: String
        public let recordType: String
        public let recordID: String
        public let changes: String
        public let previousHash: String
        public let hash: String

        public init(id: Int64, at: String, username: String, action: String, recordType: String, recordID: String,
                    changes: String, previousHash: String, hash: String) {
            self.id = id
            self.at = at
            self.username = username
            self.action = action
            self.recordType = recordType
            self.recordID = recordID
            self.changes = changes
            self.previousHash = previousHash
            self.hash = hash
        }
    }

    public enum Verdict: Equatable, Sendable {
        case intact(entries: Int)
        /// The first entry that was changed, or that follows a removed or reordered one.
        case broken(entryID: Int64, reason: Reason)
    }

    public enum Reason: String, Equatable, Sendable { case contentChanged, linkBroken }

    public static func verify(_ rows: [StoredRow]) -> Verdict {
        var walk = Walk()
        for row in rows {
            if let broken = walk.check(row) { return broken }
        }
        return walk.verdict
    }

    /// The chain checked one row at a time, oldest first, so a long trail is never held in memory.
    public struct Walk: Sendable {
        private var previous = AuditChain.genesis
        private var count = 0

        public init() {}

        /// The verdict if this row breaks the chain; nil while it holds.
        public mutating func check(_ row: StoredRow) -> Verdict? {
            guard row.previousHash == previous else { return .broken(entryID: row.id, reason: .linkBroken) }
            let expected = AuditChain.hash(id: row.id, at: row.at, username: row.username, action: row.action,
                                           recordType: row.recordType, recordID: row.recordID, changes: row.changes,
                                           previousHash: row.previousHash)
            guard expected == row.hash else { return .broken(entryID: row.id, reason: .contentChanged) }
            previous = row.hash
            count += 1
            return nil
        }

        public var verdict: Verdict { .intact(entries: count) }
    }
}
