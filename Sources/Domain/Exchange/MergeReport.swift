/// One record as the merge report sees it: its kind, its stable identity, what it is called, and a digest of its
/// content (so a changed record is told from an unchanged one without comparing every field).
public struct RecordSummary: Hashable, Sendable {
    public let kind: String
    public let uid: String
    public let name: String
    public let digest: String

    public init(kind: String, uid: String, name: String, digest: String) {
        self.kind = kind
        self.uid = uid
        self.name = name
        self.digest = digest
    }
}

/// What receiving a bundle changed in an office's slice: new, changed and removed records of each kind, by name.
public struct MergeReport: Hashable, Codable, Sendable {
    public struct Entry: Hashable, Codable, Sendable {
        public let kind: String
        public let name: String

        public init(kind: String, name: String) {
            self.kind = kind
            self.name = name
        }
    }

    public init(added: [Entry], changed: [Entry], removed: [Entry], counts: [String: Int]) {
        self.added = added
        self.changed = changed
        self.removed = removed
        self.counts = counts
    }

    public let added: [Entry]
    public let changed: [Entry]
    public let removed: [Entry]
    /// Records of each kind in the slice as received.
    public let counts: [String: Int]

    public var isEmpty: Bool { added.isEmpty && changed.isEmpty && removed.isEmpty }

    /// The differences between the slice held before and the slice received, by stable identity.
    public static func compare(before: [RecordSummary], after: [RecordSummary]) -> MergeReport {
        let old = Dictionary(before.map { ($0.uid, $0) }, uniquingKeysWith: { first, _ in first })
        let new = Dictionary(after.map { ($0.uid, $0) }, uniquingKeysWith: { first, _ in first })
        func entries(_ records: [RecordSummary]) -> [Entry] {
            records.sorted { ($0.kind, $0.name, $0.uid) < ($1.kind, $1.name, $1.uid) }.map { Entry(kind: $0.kind, name: $0.name) }
        }
        let added = after.filter { old[$0.uid] == nil }
        let changed = after.filter { record in old[record.uid].map { $0.digest != record.digest } ?? false }
        let removed = before.filter { new[$0.uid] == nil }
        return MergeReport(added: entries(added), changed: entries(changed), removed: entries(removed),
                           counts: Dictionary(grouping: after, by: \.kind).mapValues(\.count))
    }
}
