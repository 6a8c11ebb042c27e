import Foundation

/// Moments are stored as UTC ISO 8601 text with seconds, which sorts as text and reads in the sqlite3 tool.
public enum Timestamp {
    public static func string(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: false, timeZone: .gmt))
    }

    public static func date(_ text: String) -> Date? {
        try? Date.ISO8601FormatStyle(includingFractionalSeconds: false, timeZone: .gmt).parse(text)
    }

    /// "21/11/2026 14:05" in the office's time zone.
    public static func display(_ date: Date, timeZone: TimeZone = .current) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let p = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%02d/%02d/%04d %02d:%02d", p.day ?? 0, p.month ?? 0, p.year ?? 0, p.hour ?? 0,
                      p.minute ?? 0)
    }
}
