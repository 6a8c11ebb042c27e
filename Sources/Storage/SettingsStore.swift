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

    public func saveOfficeSettings(_ settings: OfficeSettings) throws {
        try writer.write { db in
            try db.execute(sql: "INSERT OR REPLACE INTO setting(key, value) VALUES ('office.province', ?)",
                           arguments: [String(settings.provinceCode)])
            if let commune = settings.communeCode {
                try db.execute(sql: "INSERT OR REPLACE INTO setting(key, value) VALUES ('office.commune', ?)",
                               arguments: [String(commune)])
            } else {
                try db.execute(sql: "DELETE FROM setting WHERE key = 'office.commune'")
            }
        }
    }
}
