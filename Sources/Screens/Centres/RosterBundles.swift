import Domain
import Foundation
import Storage

/// At a provincial office, what the roster says of the centres it received: the date of their office's last bundle
/// and a flag when that office has been silent for longer than the roll-up's setting (30 days unless changed), or
/// that a centre handed over to its commune awaits the commune's first bundle. Read once per load (the offices
/// received from are few), so a frame only looks up the rows it draws.
struct RosterBundles: Equatable {
    /// Received (or handed-over) centres by id: the writer id of their office.
    let writers: [Int64: String]
    /// The offices received from, by writer id.
    let peers: [String: PeerStatus]
    let staleDays: Int

    /// Nil at a commune office, and at a province that holds none but its own centres (no column to show).
    @MainActor
    static func load(_ ctx: AppContext) throws -> RosterBundles? {
        guard let office = ctx.office, office.communeCode == nil else { return nil }
        let writers = try ctx.database.receivedCentreWriters()
        guard !writers.isEmpty else { return nil }
        let peers = Dictionary(try ctx.database.exchangePeers().map { ($0.office.writerID, $0) }, uniquingKeysWith: { a, _ in a })
        return RosterBundles(writers: writers, peers: peers, staleDays: try ctx.database.exchangeStaleDays())
    }

    /// "21/11/25", "21/11/25!" when stale, "chờ" for a hand-over not yet answered, "" for the office's own centres.
    @MainActor
    func cell(_ centreID: Int64, _ ctx: AppContext) -> String {
        guard let writer = writers[centreID] else { return "" }
        guard let peer = peers[writer] else { return ctx.strings[.rosterBundleAwaiting] }
        let day = LocalDate(date: peer.lastWrittenAt, timeZone: .current)
        let date = String(format: "%02d/%02d/%02d", day.day, day.month, day.year % 100)
        return date + (peer.isStale(asOf: ctx.clock.now, days: staleDays) ? "!" : "")
    }

    /// The detail pane's words: which office, which bundle, when, and the stale flag; or the hand-over awaited.
    @MainActor
    func detail(_ centreID: Int64, _ ctx: AppContext) -> String? {
        let s = ctx.strings
        guard let writer = writers[centreID] else { return nil }
        guard let peer = peers[writer] else {
            let commune = Int(writer.dropFirst()).map { s.communeName($0, units: ctx.units) } ?? writer
            return s(.rosterHandedOverDetail, commune)
        }
        let written = LocalDate(date: peer.lastWrittenAt, timeZone: .current).vietnamese
        var text = s(.rosterBundleDetail, peer.office.name, peer.lastSequence, written)
        let now = ctx.clock.now
        if peer.isStale(asOf: now, days: staleDays) { text += " · " + s(.rosterBundleStale, peer.daysSilent(asOf: now)) }
        return text
    }
}

extension RosterScreen {
    /// The pane under the list: one row more for the last bundle where the bundle column is shown.
    var detailRows: Int { bundles == nil ? Self.detailHeight : Self.detailHeight + 1 }
}
