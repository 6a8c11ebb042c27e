import Foundation
import Domain
import GRDB

extension AppDatabase {
    /// The office this installation serves; nil until the first run has set it.
    public func officeSettings() throws -> OfficeSettings? {
        try writer.read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT key, value FROM setting")
            let values = Dictionary(uniqueKeysWithValues: rows.map { row -> (String, String) in
                (row["key"], row["value"])
            })
            guard let province = values["office.province"].flatMap(Int.init) else { return nil }
            return OfficeSettings(provinceCode: province, communeCode: values["office.commune"].flatMap(Int.init))
        }
    }

    public func saveOfficeSettings(_ settings: OfficeSettings, by actor: Actor, at moment: Date) throws {
        try actor.require(.changeSettings)
        try writer.write { db in
            try Self.storeSetting(db, "office.province", String(settings.provinceCode), by: actor, at: moment)
            try Self.storeSetting(db, "office.commune", settings.communeCode.map(String.init), by: actor, at: moment)
        }
    }

    /// Stores one setting (nil removes it) with its audit entry, in its own transaction.
    func saveSetting(_ key: String, _ value: String?, by actor: Actor, at moment: Date) throws {
        try actor.require(.changeSettings)
        try writer.write { db in try Self.storeSetting(db, key, value, by: actor, at: moment) }
    }

    static func storeSetting(_ db: Database, _ key: String, _ value: String?, by actor: Actor, at moment: Date) throws {
        let old = try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [key])
        if let value {
            try db.execute(sql: "INSERT OR REPLACE INTO setting(key, value) VALUES (?, ?)", arguments: [key, value])
        } else {
            try db.execute(sql: "DELETE FROM setting WHERE key = ?", arguments: [key])
        }
        try audit(db, actor: actor, action: "update", recordType: "setting", recordID: key,
                  changes: AuditDiff.changes(before: old.map { ["value": $0] }, after: value.map { ["value": $0] }),
                  at: moment)
    }
}
