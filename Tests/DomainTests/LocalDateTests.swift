import Foundation
import Testing
@testable import Domain

@Suite struct LocalDateTests {
    @Test func parsesTypedVietnameseDates() {
        #expect(LocalDate(typed: "01/07/2025") == LocalDate(year: 2025, month: 7, day: 1))
        #expect(LocalDate(typed: "1/7/2025") == LocalDate(year: 2025, month: 7, day: 1))
        #expect(LocalDate(typed: "01-07-2025") == LocalDate(year: 2025, month: 7, day: 1))
        #expect(LocalDate(typed: "31/02/2025") == nil)
        #expect(LocalDate(typed: "29/02/2024") != nil)
        #expect(LocalDate(typed: "29/02/2025") == nil)
        #expect(LocalDate(typed: "2025-07-01") == nil)
        #expect(LocalDate(typed: "abc") == nil)
    }

    @Test func roundTripsISOAndVietnameseForms() throws {
        let date = try #require(LocalDate(iso: "2025-07-01"))
        #expect(date.iso == "2025-07-01")
        #expect(date.vietnamese == "01/07/2025")
        #expect(LocalDate(iso: "2025-7-1") == date)
        #expect(LocalDate(iso: "2025-13-01") == nil)
    }

    @Test func dayArithmeticCrossesMonthsAndLeapYears() throws {
        let start = try #require(LocalDate(year: 2024, month: 2, day: 28))
        #expect(start.adding(days: 1) == LocalDate(year: 2024, month: 2, day: 29))
        #expect(start.adding(days: 2) == LocalDate(year: 2024, month: 3, day: 1))
        #expect(start.days(until: try #require(LocalDate(year: 2025, month: 2, day: 28))) == 366)
        #expect(LocalDate(dayNumber: 0) == LocalDate(year: 1970, month: 1, day: 1))
    }

    @Test func ordersChronologically() throws {
        let a = try #require(LocalDate(year: 2025, month: 6, day: 30))
        let b = try #require(LocalDate(year: 2025, month: 7, day: 1))
        #expect(a < b)
    }
}

@Suite struct TimestampTests {
    @Test func theQuickReadingOfStoredMomentsAgreesWithTheFormatStyle() {
        let style = Date.ISO8601FormatStyle(includingFractionalSeconds: false, timeZone: .gmt)
        var random = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let moment = Date(timeIntervalSince1970: Double(Int64.random(in: -2_000_000_000...4_000_000_000, using: &random)))
            let text = Timestamp.string(moment)
            #expect(Timestamp.quickDate(text) == moment, "\(text)")
            #expect(Timestamp.date(text) == (try? style.parse(text)))
        }
        #expect(Timestamp.quickDate("2026-02-30T10:00:00Z") == nil)
        #expect(Timestamp.quickDate("2026-11-21T14:05:00+07:00") == nil)
        #expect(Timestamp.date("2026-11-21T14:05:00+07:00") == Timestamp.date("2026-11-21T07:05:00Z"))
        #expect(Timestamp.date("yesterday") == nil)
    }
}
