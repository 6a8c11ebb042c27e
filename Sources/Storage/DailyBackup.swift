import Domain
import Foundation

extension AppDatabase {
    /// Days the automatic backups are kept (Settings; default ``BackupPolicy/defaultKeepDays``).
    public func backupKeepDays() throws -> Int {
        try writer.read { db in
            try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = 'backup.keepDays'")
                .flatMap { Int($0) }.map { min(max($0, BackupPolicy.keepDaysRange.lowerBound),
                                               BackupPolicy.keepDaysRange.upperBound) } ?? BackupPolicy.defaultKeepDays
        }
    }

    public func saveBackupKeepDays(_ days: Int, by actor: Actor, at moment: Date) throws {
        guard BackupPolicy.keepDaysRange.contains(days) else { throw BackupSettingError.keepDaysOutOfRange }
        try saveSetting("backup.keepDays", String(days), by: actor, at: moment)
    }

    /// The first start of each day makes a backup into the `sao-luu` folder beside the data file, and removes
    /// automatic backups older than the days kept. Nil when today's backup is already there. Safe to run on a
    /// background thread while the session works: the copy reads one snapshot.
    public func dailyBackupIfDue(label: String, at moment: Date, progress: (Double) -> Bool = { _ in true }) throws
        -> BackupSummary?
    {
        let folder = Backup.defaultFolder(dataFile: path)
        let today = LocalDate(date: moment, timeZone: .current)
        if Backup.automaticBackups(in: folder).contains(where: { $0.date == today }) { return nil }
        let summary = try backup(to: folder, label: label, suffix: Backup.automaticSuffix, at: moment,
                                 createFolder: true, progress: progress)
        let keep = try backupKeepDays()
        for old in Backup.automaticBackups(in: folder)
        where BackupPolicy.isExpired(made: old.date, today: today, keepDays: keep) && old.path != summary.path {
            unlink(old.path)
        }
        return summary
    }
}

public enum BackupSettingError: Error, Equatable, Sendable { case keepDaysOutOfRange }

extension Backup {
    /// The automatic backups of a folder and the day each was made, read from its name.
    static func automaticBackups(in folder: String) -> [(path: String, date: LocalDate)] {
        files(in: folder).compactMap { path in
            let name = (path as NSString).lastPathComponent
            guard let marker = name.range(of: "-" + automaticSuffix) else { return nil }
            let before = name[..<marker.lowerBound]
            guard before.count >= 10, let date = LocalDate(iso: String(before.suffix(10))) else { return nil }
            return (path, date)
        }
    }
}
