import Foundation

/// Where "now" comes from. Injected so that rules about dates and lock-outs can be tested.
public protocol Clock: Sendable {
    var now: Date { get }
}

extension Clock {
    /// Today's date in the office's local time zone.
    public var today: LocalDate { LocalDate(date: now, timeZone: .current) }
}

public struct SystemClock: Clock {
    public init() {}
    public var now: Date { Date() }
}

/// A clock that shows a fixed moment: tests and reproducible demos.
public struct FixedClock: Clock {
    public let now: Date
    public init(_ now: Date) { self.now = now }
    public init(_ date: LocalDate, hour: Int = 9) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .current
        let components = DateComponents(year: date.year, month: date.month, day: date.day, hour: hour)
        self.now = calendar.date(from: components) ?? Date(timeIntervalSince1970: 0)
    }
}

extension LocalDate {
    public init(date: Date, timeZone: TimeZone) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        self.init(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)!
    }
}
