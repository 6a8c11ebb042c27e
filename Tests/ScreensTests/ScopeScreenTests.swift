import Domain
import Foundation
import Storage
import Testing
import TerminalUI
@testable import Screens

extension Harness {
    /// The demo's director and chairman working for the whole office, as before accounts had scopes: for tests of
    /// other things that move between the demo's centres. Changed through Storage, so the trail records it.
    static func demoAccountsWholeOffice(_ db: AppDatabase) throws {
        for var account in try db.accounts() where !account.scope.isOffice {
            account.scope = .office
            try db.updateAccount(account, by: .system, at: Date())
        }
    }
}

/// Accounts limited to a commune or a centre, as the screens show them: the administrator sets the scope, lists and
/// keys offer only what Storage will accept, and the approval names the plan.
@MainActor
@Suite struct ScopeScreenTests {
    func centre(_ h: Harness, _ code: String) throws -> Centre { try #require(try h.database.centre(code: code)) }

    @Test func theAdministratorLimitsAnAccountToACentre() throws {
        let h = try Harness(.demo)
        h.app.open(.accounts)
        expectGolden("accounts_scoped", h.screen)
        #expect(h.screen.contains("TTHTCĐ xã Nghĩa S"), "the demo director works for one centre")
        #expect(h.screen.contains("Xã Nghĩa Sơn"), "the demo chairman for one commune")
        h.press(.enter)  // canbo
        let form = try #require(h.app.stack.last as? AccountFormScreen)
        var steps = 0
        while (h.app.stack.last as? AccountFormScreen)?.form.focusedID != .scope && steps < 20 {
            h.press(.tab)
            steps += 1
        }
        #expect((h.app.stack.last as? AccountFormScreen)?.form.focusedID == .scope)
        #expect(form.form.specs.contains { $0.id == .scope })
        h.type("kim son")
        expectGolden("account_scope_picker", h.screen)
        h.press(.down, .enter)  // the centre, below the commune
        h.press(.function(2))
        #expect(h.messageLine == "Đã lưu tài khoản.")
        let kimSon = try centre(h, "TT14638")
        #expect(try h.database.accounts().first { $0.username == "canbo" }?.scope == .centre(id: kimSon.id!))
        #expect(h.screen.contains("TTHTCĐ xã Kim Sơn"))
        // Delete on the field gives the whole office back.
        h.press(.enter)
        while (h.app.stack.last as? AccountFormScreen)?.form.focusedID != .scope { h.press(.tab) }
        h.press(.delete, .function(2))
        #expect(try h.database.accounts().first { $0.username == "canbo" }?.scope == .office)
    }

    @Test func aDirectorOfOneCentreIsOfferedDraftingOnlyThere() throws {
        let demo = try Harness(.demo)
        let nghiaSonID = try #require(try demo.database.centre(code: "TT13918")?.id)
        let director = Account(username: "giamdoc", fullName: "Hoàng Văn Nam", roles: [.centreDirector],
                               scope: .centre(id: nghiaSonID))
        let h = try Harness(.demo, account: director)
        // The roster starts on the director's own centre, so Ctrl-P opens its plans.
        h.press(.ctrl("p"))
        let own = try #require(h.app.stack.last as? PlansScreen)
        #expect(own.centre.code == "TT13918")
        #expect(h.lines[23].contains("2KH mới"))
        h.press(.function(10))
        let kimSon = try centre(h, "TT14638")
        h.app.open(.plans(centreID: kimSon.id!))
        #expect(!h.lines[23].contains("2KH mới"), "no key for a plan Storage would refuse")
        h.press(.function(2))
        #expect(h.app.stack.last is PlansScreen, "F2 does nothing there")
        // The submitted plan of Kim Sơn offers no step either, and Storage refuses it anyway.
        let submitted = try #require(try h.database.plans(centreID: kimSon.id!).first)
        #expect(throws: OutOfScope(username: "giamdoc", scope: .centre(id: nghiaSonID), centreName: kimSon.name)) {
            try h.database.savePlan(submitted, by: h.context.actor, at: Date())
        }
        let refusal = h.context.strings.saveFailure(OutOfScope(username: "giamdoc", scope: .centre(id: nghiaSonID),
                                                               centreName: kimSon.name))
        #expect(refusal == "TTHTCĐ xã Kim Sơn nằm ngoài phạm vi làm việc của tài khoản giamdoc, nên không ghi được gì.")
    }

    /// The leader of Hoa Lư's ward sees the amendment of Hoa Lư's plan as such, and not Kim Sơn's plan; the password
    /// dialog names the plan, its centre, its year and "lần 2".
    @Test func aLeaderOfOneCommuneSeesItsAmendmentAndTheApprovalNamesIt() throws {
        let leader = Account(username: "chutich", fullName: "Vũ Đức Thành", roles: [.communeLeader],
                             scope: .commune(code: 14329))
        let h = try Harness(.demo, account: leader) { db in
            guard let approved = try db.plans().first(where: { $0.status == .approved }) else { return }
            let moment = FixedClock(Harness.today).now
            let amendment = try db.amendPlan(id: approved.id!, reason: "Thêm một lớp", by: .system, at: moment)
            try db.advancePlan(id: amendment.id!, .submit, by: .system, at: moment)
        }
        let waiting = WaitingWork.items(h.context)
        #expect(waiting.map { h.context.strings[$0.kind] } == ["Chờ duyệt điều chỉnh"])
        let (picker, _) = WaitingWork.picker(waiting, h.context)
        #expect(picker.list.items.map(\.label) == ["Chờ duyệt điều chỉnh · Kế hoạch hoạt động năm 2026 – TTHTCĐ phường Hoa Lư (lần 2)"])
        h.press(.ctrl("w"))
        let inbox = try #require(h.app.stack.last as? ApprovalInboxScreen)
        #expect(inbox.items.map(\.centre.code) == ["TT14329"], "Kim Sơn's plan is outside the ward")
        h.press(.function(6))
        expectGolden("approve_amendment_dialog", h.screen)
        #expect(h.screen.contains("TTHTCĐ phường Hoa Lư") && h.screen.contains("(lần 2) là văn bản pháp lý"))
    }

    @Test func theApprovalNamesTheYearWhenTheTitleDoesNot() throws {
        let h = try Harness(.demo)
        let centre = try centre(h, "TT14638")
        let plan = Plan(centreID: centre.id!, year: 2027, title: "Kế hoạch hoạt động", version: 3)
        #expect(h.context.strings.planNameWithYear(plan, centre: centre)
                == "Kế hoạch hoạt động, năm 2027 – TTHTCĐ xã Kim Sơn (lần 3)")
        let english = try Strings(language: .en)
        #expect(english.planNameWithYear(plan, centre: centre).contains("year 2027"))
    }

    /// The audit screen says a scope in words: the commune's and the centre's names.
    @Test func theTrailSaysTheScopeInWords() throws {
        let h = try Harness(.demo)
        let entries = try h.database.auditEntries().filter { $0.recordType == "account" && $0.recordID == "giamdoc" }
        let names = try h.database.auditCentreNames(for: entries)
        var words = AuditWords(s: h.context.strings, units: h.context.units, questionnaire: nil)
        words.centreNames = names
        let nghiaSon = try centre(h, "TT13918")
        #expect(words.field("account", "scope") == "Phạm vi làm việc")
        #expect(words.value("account", "scope", "commune:13918") == "Xã Nghĩa Sơn")
        #expect(words.value("account", "scope", "centre:\(nghiaSon.id!)") == nghiaSon.name)
    }
}
