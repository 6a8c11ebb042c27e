/// How long the automatic daily backups are kept: a number of days the administrator sets in Settings.
public enum BackupPolicy {
    public static let defaultKeepDays = 7
    public static let keepDaysRange = 1...365

    /// Whether an automatic backup made on `made` is past keeping on `today`: today's and the `keepDays - 1`
    /// days before it stay.
    public static func isExpired(made: LocalDate, today: LocalDate, keepDays: Int) -> Bool {
        today.dayNumber - made.dayNumber >= max(keepDays, keepDaysRange.lowerBound)
    }
}
