import Domain
import Foundation
import Storage
import Testing
@testable import Screens

/// The Circular 96/2008 minimums on the money screen: the one-off equipment money of a new centre, in the year it
/// was established (phường Hoa Lư: 05/07/2025), beside the yearly one of a mountainous commune's centre.
@MainActor
@Suite struct FundingMinimumTests {
    @Test func aNewCentreIsHeldAgainstTheEquipmentMinimumInItsFirstYear() throws {
        let h = try Harness(.demo)
        let hoaLu = try #require(try h.database.centre(code: "TT14329"))
        let first = FundingScreen(ctx: h.context, centre: hoaLu, year: 2025)
        let line = try #require(first.figures(h.context).last)
        #expect(first.funding.received < 30_000_000)
        #expect(line.warning)
        #expect(line.text.hasPrefix("Trung tâm thành lập năm 2025: kinh phí nhận trong năm dưới mức tối thiểu 30.000.000"))
        // The year after, it no longer applies.
        let next = FundingScreen(ctx: h.context, centre: hoaLu, year: 2026)
        #expect(!next.figures(h.context).contains { $0.text.contains("trang bị ban đầu") })

        // Enough money that year: met, and said so without a warning.
        let clerk = try #require(try h.database.accounts().first { $0.username == "canbo" }).actor
        _ = try h.database.addReceipt(FundingReceipt(centreID: hoaLu.id!, date: LocalDate(year: 2025, month: 8, day: 1)!,
                                                     source: .programme, amount: 30_000_000, donor: "Đề án 1665"),
                                      today: Harness.today, by: clerk, at: FixedClock(Harness.today).now)
        let funded = FundingScreen(ctx: h.context, centre: hoaLu, year: 2025)
        let met = try #require(funded.figures(h.context).last)
        #expect(!met.warning && met.text.contains("đạt mức tối thiểu 30.000.000"))
    }
}
