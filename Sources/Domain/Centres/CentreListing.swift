import Foundation

/// The roster's columns, each of which can sort the list.
public enum RosterColumn: String, CaseIterable, Sendable {
    case code, name, commune, model, status, facilities, updated
}

/// One centre as the roster shows it, with its search text and sort keys computed once.
public struct CentreListEntry: Equatable, Sendable, Identifiable {
    public let centre: Centre
    public let communeName: String?
    /// The rank of the latest confirmed evaluation, and its year.
    public var lastRank: Rank?
    public var lastRankYear: Int?
    /// At Chưa đạt two years running: to be reviewed for suspension or dissolution.
    public var needsReview = false
    public var id: Int64 { centre.id ?? 0 }
    let searchable: SearchableText
    let nameKey: CollationKey
    let communeKey: CollationKey

    public init(centre: Centre, units: UnitDirectory, ranks: [Int: Rank] = [:]) {
        self.centre = centre
        lastRankYear = ranks.keys.max()
        lastRank = lastRankYear.flatMap { ranks[$0] }
        needsReview = RankReview.flaggedYear(ranks) != nil
        let unit = centre.communeCode.flatMap { units.unit(code: $0) }
        communeName = unit?.name
        searchable = SearchableText([centre.code, centre.name, unit?.name ?? "", centre.address].joined(separator: " "))
        nameKey = VietnameseCollation.key(centre.name)
        communeKey = VietnameseCollation.key(unit?.short ?? "")
    }

    /// A centre whose commune is not in the official list (abolished or merged since).
    public var communeIsUnknown: Bool { communeName == nil }
}

/// Search, status filter and sort over the roster, as pure functions of the entries.
public struct CentreListing: Sendable, Equatable {
    public var query: String
    public var status: CentreStatus?
    /// Only centres whose last confirmed rank is this.
    public var rank: Rank?
    public var sortColumn: RosterColumn
    public var ascending: Bool

    public init(query: String = "", status: CentreStatus? = nil, rank: Rank? = nil, sortColumn: RosterColumn = .name,
                ascending: Bool = true) {
        self.query = query
        self.status = status
        self.rank = rank
        self.sortColumn = sortColumn
        self.ascending = ascending
    }

    /// The entries to show, in order.
    public func apply(to entries: [CentreListEntry]) -> [CentreListEntry] { filter(sort(entries)) }

    /// Entries in this listing's order. Sort once; filtering keeps the order, so a keystroke in the search
    /// costs one pass over the entries and no sort.
    public func sort(_ entries: [CentreListEntry]) -> [CentreListEntry] {
        // Positions are sorted, not the entries: a country's entries are large values, and moving them about
        // while sorting costs more than comparing them.
        let order = entries.indices.sorted { a, b in
            let order = compare(entries[a], entries[b])
            if order != .orderedSame { return ascending ? order == .orderedAscending : order == .orderedDescending }
            return entries[a].centre.code < entries[b].centre.code
        }
        return order.map { entries[$0] }
    }

    /// The entries that match the query and the status filter, in the order given.
    public func filter(_ sorted: [CentreListEntry]) -> [CentreListEntry] {
        let parsed = TextQuery(query)
        if parsed.isEmpty && status == nil && rank == nil { return sorted }
        return sorted.filter { entry in
            (status == nil || entry.centre.status == status) && (rank == nil || entry.lastRank == rank)
                && (parsed.isEmpty || parsed.matches(entry.searchable))
        }
    }

    /// Whether every entry this listing shows is also shown by `broader` (the user typed more letters):
    /// then the new result can be filtered from the old one.
    public func narrows(_ broader: CentreListing) -> Bool {
        sortColumn == broader.sortColumn && ascending == broader.ascending
            && (broader.status == nil || broader.status == status) && (broader.rank == nil || broader.rank == rank)
            && query.nfc.lowercased().hasPrefix(broader.query.nfc.lowercased())
    }

    private func compare(_ a: CentreListEntry, _ b: CentreListEntry) -> ComparisonResult {
        func cmp<T: Comparable>(_ x: T, _ y: T) -> ComparisonResult {
            x < y ? .orderedAscending : (y < x ? .orderedDescending : .orderedSame)
        }
        switch sortColumn {
        case .code: return cmp(a.centre.code, b.centre.code)
        case .name: return cmp(a.nameKey, b.nameKey)
        case .commune: return cmp(a.communeKey, b.communeKey)
        case .model: return cmp(a.centre.model.sortIndex, b.centre.model.sortIndex)
        case .status: return cmp(a.centre.status.sortIndex, b.centre.status.sortIndex)
        case .facilities: return cmp(a.centre.facilitiesPresent, b.centre.facilitiesPresent)
        case .updated:
            return cmp(a.centre.updatedAt ?? .distantPast, b.centre.updatedAt ?? .distantPast)
        }
    }
}

extension CentreModel {
    var sortIndex: Int { Self.allCases.firstIndex(of: self) ?? 0 }
}

extension CentreStatus {
    var sortIndex: Int { Self.allCases.firstIndex(of: self) ?? 0 }
}
