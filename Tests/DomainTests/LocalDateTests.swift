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
