import Domain
import Foundation
import GRDB

extension AppDatabase {
    /// Every office this one has received bundles from, communes by name.
    public func exchangePeers() throws -> [PeerStatus] {
        try writer.read { db in
            VietnameseCollation.sorted(try Row.fetchAll(db, sql: "SELECT * FROM exchangePeer").map { row in
                let office = ExchangeOffice(level: ExchangeOffice.Level(rawValue: row["level"]) ?? .commune,
                                            code: row["code"], name: row["name"], provinceCode: row["provinceCode"])
                let counts = (try? JSONDecoder().decode([String: Int].self, from: Data((row["counts"] as String).utf8))) ?? [:]
                return PeerStatus(office: office, fingerprint: OfficeKey.fingerprint(row["publicKey"]),
                                  lastSequence: row["lastSequence"],
                                  lastWrittenAt: Timestamp.date(row["lastWrittenAt"]) ?? .distantPast,
                                  lastReceivedAt: Timestamp.date(row["lastReceivedAt"]) ?? .distantPast, counts: counts)
            }, by: \.office.name)
        }
    }

    /// The number this office's next bundle will carry.
    public func nextBundleSequence() throws -> Int {
        try writer.read { db in (try Self.settingNumber(db, "exchange.sequence") ?? 0) + 1 }
    }

    /// Days of silence after which an office is flagged stale (30 unless set).
    public func exchangeStaleDays() throws -> Int {
        try writer.read { db in try Self.settingNumber(db, "exchange.staleDays") ?? PeerStatus.defaultStaleDays }
    }

    public func saveExchangeStaleDays(_ days: Int, by actor: Actor, at moment: Date) throws {
        try saveSetting("exchange.staleDays", String(days), by: actor, at: moment)
    }
}

extension AppDatabase {
    /// The centres written by another office (received, or handed over to a commune), by id, with that office's
    /// writer id: one indexed query, read once per roster load to show each centre's last bundle.
    public func receivedCentreWriters() throws -> [Int64: String] {
        try writer.read { db in
            var writers: [Int64: String] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT id, writer FROM centre WHERE writer IS NOT NULL")
            while let row = try rows.next() { writers[row[0]] = row[1] }
            return writers
        }
    }

    /// The office that writes this centre's records when it is not this one (a writer id such as "X13918"), and
    /// whether its first bundle has arrived (false for a centre handed over and awaiting it).
    public func centreWriter(id: Int64) throws -> (writer: String, received: Bool)? {
        try writer.read { db in
            guard let writer = try String.fetchOne(db, sql: "SELECT writer FROM centre WHERE id = ?", arguments: [id]) else {
                return nil
            }
            let received = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM exchangePeer WHERE writer = ?)",
                                             arguments: [writer]) ?? false
            return (writer, received)
        }
    }
}

