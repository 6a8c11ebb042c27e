import Domain
import Foundation
import Storage
import Testing
import TerminalUI
@testable import Screens

/// Issue 13's way back on the evaluation screen: at a commune office the province's assessment is shown, never
/// edited (no key to assess, return or confirm, and the store refuses it); the director's own side stays open
/// until it is submitted.
@MainActor
@Suite struct EvaluationReadOnlyTests {
    static let officer = Account(username: "chuyenvien", fullName: "Lê Thu Hà", roles: [.provincialOfficer])

    /// The demo's data file made a commune office (xã Nghĩa Sơn's), as a commune PC holds it.
    func communeOffice(_ h: Harness) throws {
        let admin = try #require(try h.database.accounts().first { $0.username == "quantri" }).actor
        try h.database.saveOfficeSettings(OfficeSettings(provinceCode: 37, communeCode: 13918), by: admin,
                                          at: FixedClock(Harness.today).now)
        h.context.office = try h.database.officeSettings()
    }

    @Test func aCommuneShowsTheAssessmentAndCannotWriteIt() throws {
        let h = try Harness(.demo, account: Self.officer)
        let nghiaSon = try #require(try h.database.centre(code: "TT13918"))
        // At the province, a submitted self-assessment is the officer's to assess.
        let atProvince = EvaluationScreen(ctx: h.context, centre: nghiaSon, year: 2026)
        #expect(atProvince.mayAssess(h.context))

        try communeOffice(h)
        var screen = EvaluationScreen(ctx: h.context, centre: nghiaSon, year: 2026)
        #expect(screen.status == .submitted && !screen.mayAssess(h.context))
        let actions = screen.keymap(h.context).bindings.map(\.action)
        for refused in [EvaluationScreen.Action.agreeAll, .returnAsked, .confirmRank] { #expect(!actions.contains(refused)) }
        #expect(screen.update(.confirmConfirmed, h.context).isEmpty)
        #expect(screen.statusHint(h.context)?.text
                == "Phần thẩm định và xếp loại do văn phòng cấp tỉnh ghi, nhận qua gói dữ liệu: ở đây chỉ xem.")
        // F4 shows the item instead of opening its form.
        _ = screen.update(.edit, h.context)
        #expect(screen.modal != nil)
        // Below the screen, the store refuses it too, in words.
        let stored = try #require(try h.database.evaluation(centreID: nghiaSon.id!, year: 2026))
        let rules = try #require(EvaluationRules.shipped)
        let set = try #require(rules.set(of: stored, province: 37))
        do {
            _ = try h.database.returnEvaluation(centreID: nghiaSon.id!, year: 2026, reason: "Sửa", set: set,
                                                by: h.context.actor, at: h.context.clock.now)
            Issue.record("a commune office returned the province's assessment")
        } catch {
            #expect(h.context.strings.evaluationFailure(error, set: set).hasPrefix("Bản ghi này nhận từ văn phòng khác"))
        }
        #expect(try h.database.evaluation(centreID: nghiaSon.id!, year: 2026) == stored)
    }
}
