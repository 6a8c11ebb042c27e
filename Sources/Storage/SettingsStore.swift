import Foundation
import Domain
import GRDB

extension AppDatabase {
    /// The office this installation serves; nil until the first run has set it.
    public func officeSettings() throws -> OfficeSettings? {
        try writer.read { db in
            guard let province = try Self.settingNumber(db, "office.province") else { return nil }
            return OfficeSettings(provinceCode: province, communeCode: try Self.settingNumber(db, "office.commune"))
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
        let old = try SettingRecord.fetchOne(db, key: key)?.value
        if let value {
            try SettingRecord(key: key, value: value).upsert(db)
        } else {
            try SettingRecord.deleteOne(db, key: key)
        }
        try audit(db, actor: actor, action: "update", recordType: "setting", recordID: key,
                  changes: AuditDiff.changes(before: old.map { ["value": $0] }, after: value.map { ["value": $0] }),
                  at: moment)
    }

    /// A setting read as a whole number, nil when it was never set.
    static func settingNumber(_ db: Database, _ key: String) throws -> Int? {
        try SettingRecord.fetchOne(db, key: key).map { try $0.number() }
    }

    /// How CSV files are written; ";" with decimal commas until the office chooses otherwise.
    public func csvStyle() throws -> CSVStyle {
        try writer.read { db in
            guard let record = try SettingRecord.fetchOne(db, key: "export.csvStyle") else { return .semicolon }
            guard let style = CSVStyle(rawValue: record.value) else {
                throw SettingRecord.failure(SettingRecord.Columns.value, record.key + "=" + record.value)
            }
            return style
        }
    }

    public func saveCSVStyle(_ style: CSVStyle, by actor: Actor, at moment: Date) throws {
        try saveSetting("export.csvStyle", style.rawValue, by: actor, at: moment)
    }
}
