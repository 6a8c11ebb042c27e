import Domain
import Foundation
import Storage
import Testing
import TerminalUI
@testable import Screens

@MainActor
@Suite struct AccessScreenTests {
    func signIn(_ h: Harness, _ username: String, _ password: String) {
        h.type(username)
        h.press(.tab)
        h.type(password)
        h.press(.enter)
        // What waits for the person opens over the roster: close it, other tests read it.
        if case .picker? = h.app.modal { h.press(.escape) }
    }

    @Test func theDemoSignInListsAnAccountPerRole() throws {
        let h = try Harness(.demo, account: nil)
        h.context.demoAccounts = Harness.demo.accounts
        expectGolden("sign_in_demo", h.screen)
        signIn(h, "canbo", "sai-mat-khau")
        #expect(h.messageLine.hasPrefix("Tên đăng nhập hoặc mật khẩu không đúng. Còn 4 lần thử"))
        #expect(h.app.stack.last is SignInScreen)
        h.press(.ctrl("u"))
        h.type("demo2026")
        h.press(.enter)
        #expect(h.app.stack.last is RosterScreen)
        #expect(h.messageLine == "Xin chào Trần Thị Nhập Liệu.")
        #expect(h.lines[0].contains("canbo · Tỉnh Ninh Bình"))
    }

    @Test func fiveWrongPasswordsLockTheAccount() throws {
        let h = try Harness(.demo, account: nil)
        h.type("chutich")
        h.press(.tab)
        for _ in 0..<5 {
            h.type("sai")
            h.press(.enter)
        }
        #expect(h.messageLine.hasPrefix("Tên đăng nhập này tạm khóa đến"))
        h.type("demo2026")
        h.press(.enter)
        #expect(h.app.stack.last is SignInScreen, "locked even with the right password")
    }

    @Test func aViewerSeesNoEditingKeysAndTheDomainRefusesAnyway() throws {
        let viewer = Account(username: "xem", fullName: "Khách xem", roles: [.viewer])
        let h = try Harness(.demo, account: viewer)
        let bar = h.lines[23]
        #expect(!bar.contains("Thêm") && !bar.contains("Xóa"))
        h.press(.function(2))
        #expect(h.app.stack.last is RosterScreen, "F2 does nothing for a viewer")
        h.press(.function(4))
        #expect(h.app.stack.last is CentreFormScreen, "a viewer may look at a centre")
        #expect(!h.lines[23].contains("Lưu"))
        h.press(.ctrl("s"))
        #expect(h.app.stack.last is CentreFormScreen)
        // Even a screen that offered the action would be refused below it.
        #expect(throws: PermissionDenied.self) {
            try h.database.saveCentre(Centre(name: "X", provinceCode: 37, communeCode: 13891), by: h.context.actor,
                                      at: Date())
        }
    }

    @Test func idleLockKeepsEverythingTypedAndNeedsThePassword() throws {
        let clock = ManualClock(Harness.today)
        let h = try Harness(.demo, account: nil, clock: clock)
        signIn(h, "canbo", "demo2026")
        h.press(.function(2))
        h.type("Trung tâm đang gõ dở")
        clock.advance(minutes: 9)
        #expect(!h.app.lockIfIdle())
        clock.advance(minutes: 1.5)
        #expect(h.app.lockIfIdle())
        let locked = h.screen
        #expect(locked.contains("Màn hình đã khóa"))
        #expect(!locked.contains("đang gõ dở"), "the work is hidden while locked")
        h.type("sai-mat-khau")
        h.press(.enter)
        #expect(h.screen.contains("mật khẩu không đúng"))
        h.type("demo2026")
        h.press(.enter)
        #expect(!h.screen.contains("Màn hình đã khóa"))
        #expect(h.screen.contains("Trung tâm đang gõ dở"), "back where the person was, nothing lost")
        #expect(h.app.stack.last is CentreFormScreen)
    }

    @Test func switchingUserAsksWhenSomethingIsUnsaved() throws {
        let h = try Harness(.demo)
        h.press(.function(2))
        h.type("Dở dang")
        h.press(.ctrl("x"))
        #expect(h.screen.contains("Đăng xuất mà không lưu?"))
        h.press(.char("c"))
        #expect(h.app.stack.count == 1 && h.app.stack.last is SignInScreen)
        #expect(h.context.account == nil)
    }

    @Test func theAdministratorAddsAnAccountAndResetsAPassword() throws {
        let h = try Harness(.demo)
        h.press(.function(9))
        h.type("tai khoan")
        h.press(.enter)
        #expect(h.app.stack.last is AccountsScreen)
        expectGolden("accounts", h.screen)
        h.press(.function(2))
        h.type("thuquy")
        h.press(.tab)
        h.type("Phạm Thị Thủ")
        for _ in 0..<3 { h.press(.tab) }  // active, then the roles: administrator, data clerk
        h.press(.char(" "))
        for _ in 0..<6 { h.press(.tab) }  // the other roles, the scope, then the password
        h.type("ngan1234")
        h.press(.tab)
        h.type("ngan1234")
        h.press(.function(2))
        #expect(h.messageLine == "Đã lưu tài khoản.")
        let created = try #require(try h.database.accounts().first { $0.username == "thuquy" })
        #expect(created.roles == [.dataClerk])
        #expect(try h.database.signIn(username: "thuquy", password: "ngan1234", at: Date()) == .signedIn(created))
    }

    @Test func theAuditScreenFiltersByCentrePersonAndDate() throws {
        let h = try Harness(.demo)
        h.press(.function(9))
        h.type("nhat ky")
        h.press(.enter)
        let screen = try #require(h.app.stack.last as? AuditScreen)
        #expect(screen.entries.count == (try h.database.auditEntries().count))
        h.press(.function(3))
        h.type("TT14398")
        h.press(.enter)
        let filtered = try #require(h.app.stack.last as? AuditScreen)
        #expect(Set(filtered.entries.map(\.recordType)).contains("centre"))
        #expect(filtered.entries.filter { $0.recordType == "centre" }.map(\.action) == ["update", "update", "create"])
        expectGolden("audit_filtered", h.screen)
        h.press(.function(6))
        h.type("01/01/2025")
        h.press(.enter)
        #expect(try #require(h.app.stack.last as? AuditScreen).entries.allSatisfy { $0.at >= Date(timeIntervalSince1970: 1_735_689_600 - 86_400) })
        h.press(.function(8), .function(5))
        h.type("canbo")
        h.press(.enter)
        #expect(try #require(h.app.stack.last as? AuditScreen).entries.isEmpty, "the demo was loaded by the program")
    }

    /// A centre's trail holds its board, surveys and plans, each named as people name them, in their words.
    @Test func theAuditScreenSpeaksThePeoplesWords() throws {
        let h = try Harness(.demo)
        let firstPlan = try #require(try h.database.plans().first)
        let planned = try #require(try h.database.centre(id: firstPlan.centreID))
        h.app.open(.audit)
        h.press(.function(3))
        h.type(planned.code)
        h.press(.enter)
        let screen = try #require(h.app.stack.last as? AuditScreen)
        let types = Set(screen.entries.map(\.recordType))
        #expect(types.isSuperset(of: ["centre", "boardMember", "plan"]), "\(types)")
        #expect(!screen.entries.contains { $0.recordType == "centre" && $0.recordID != planned.code }, "only this centre")
        let centreName = h.context.strings.abbreviated(centreName: planned.name)
        let words = AuditScreen.words(h.context)
        let member = try #require(screen.entries.first { $0.recordType == "boardMember" })
        let name = words.subject(try #require(screen.subjects[member.id]))
        #expect(name.hasPrefix("Ông ") || name.hasPrefix("Bà "), "\(name)")
        #expect(name.hasSuffix("(Ban giám đốc \(centreName))"), "\(name)")
        let plan = try #require(screen.entries.first { $0.recordType == "plan" })
        #expect(words.subject(try #require(screen.subjects[plan.id])).hasSuffix("– " + centreName))
        for programWord in ["boardMember", "surveyCampaign", "fullName", "termStart", "create ", "∅"] {
            #expect(!h.screen.contains(programWord), "\(programWord) on screen:\n\(h.screen)")
        }
        let lines = words.lines(member, subject: screen.subjects[member.id])
        #expect(lines.contains { $0.hasPrefix("Họ và tên: ") && !$0.contains("→") }, "a new member's name alone: \(lines)")
        #expect(lines.allSatisfy { $0.range(of: #"\d{4}-\d{2}-\d{2}"#, options: .regularExpression) == nil },
                "dates as dd/mm/yyyy: \(lines)")
    }

    /// Every action and record type the trail holds, and every field of every entry the demo's life writes, has
    /// words in the catalog: a new audited action without them fails here.
    @Test(arguments: Language.allCases)
    func everyAuditedActionTypeAndFieldHasCatalogWords(_ language: Language) throws {
        let h = try Harness(.demo, language: language)
        let words = AuditScreen.words(h.context)
        for action in AuditVocabulary.actions { #expect(words.action(action) != nil, "action \(action)") }
        for type in AuditVocabulary.recordTypes { #expect(words.recordType(type) != nil, "type \(type)") }
        // The entries of a working afternoon on top of the demo: sign-in, a plan step, a setting, a password.
        let admin = h.context.actor
        _ = try h.database.signIn(username: "giamdoc", password: "demo2026", at: Date())
        try h.database.saveCSVStyle(.comma, by: admin, at: Date())
        try h.database.saveIdleLockMinutes(15, by: admin, at: Date())
        for entry in try h.database.auditEntries(limit: 100_000) {
            #expect(AuditVocabulary.actions.contains(entry.action), "an action the vocabulary does not list: \(entry.action)")
            #expect(AuditVocabulary.recordTypes.contains(entry.recordType), "a type the vocabulary does not list: \(entry.recordType)")
            for change in entry.changes {
                #expect(words.field(entry.recordType, change.field) != nil, "\(entry.recordType).\(change.field)")
            }
        }
    }

    /// Money, people who teach, evaluations, plans' activities and settings read in words too: no program value
    /// (an enum's name, a JSON object, a uid, an ISO date, a centre's number, an amount without its dots) and no
    /// record named by its number.
    @Test(arguments: Language.allCases)
    func theAuditShowsNoProgramData(_ language: Language) throws {
        let h = try Harness(.demo, language: language)
        let everyone = Actor(accountID: nil, username: "quantri", fullName: "", roles: Set(Role.allCases))
        let now = Date()
        try h.database.saveRankThresholds(RankThresholds(effectiveFrom: try #require(LocalDate(year: 2026, month: 1, day: 1)),
                                                         good: 85, fair: 70, average: 50), by: everyone, at: now)
        try h.database.saveImportMapping(["gioi_tinh": "sex"], for: "abc123", by: everyone, at: now)
        try h.database.saveCSVStyle(.comma, by: everyone, at: now)
        try h.database.saveExchangeStaleDays(45, by: everyone, at: now)
        let receipt = try #require(try h.database.auditEntries(limit: 100_000).first { $0.recordType == "fundingReceipt" })
        try h.database.deleteReceipt(id: try #require(Int64(receipt.recordID)), by: everyone, at: now)
        h.app.open(.audit)
        let screen = try #require(h.app.stack.last as? AuditScreen)
        #expect(Set(screen.entries.map(\.recordType)).isSuperset(of: ["evaluation", "staffMember", "fundingYear",
                                                                       "fundingReceipt", "setting", "plan"]))
        let words = screen.wordsOnScreen(h.context)
        let programData = [#"\{""#, #"\b[a-z]+[A-Z][A-Za-z]*\b"#, #"\d{4}-\d{2}-\d{2}"#, #"[0-9a-f]{8}-[0-9a-f]{4}-"#,
                           #"(?<![A-Za-z\d.])\d{5,}"#, #"\b[a-z]+\.[a-z]+[A-Z]?"#]
        for entry in screen.entries {
            let subject = try #require(screen.subjects[entry.id])
            if case .unknown = subject { Issue.record("\(entry.recordType) \(entry.recordID) named by its number") }
            for line in screen.detailLines(entry, h.context).dropFirst() {
                // A unit no longer in the official list is named by its code, and says so.
                let line = line.replacingOccurrences(of: #"(mã|code) \d+"#, with: "", options: .regularExpression)
                for pattern in programData where line.range(of: pattern, options: .regularExpression) != nil {
                    Issue.record("\(entry.recordType): «\(line)» matches \(pattern)")
                }
            }
            _ = words.subject(subject)
        }
    }

    @Test func aPersonChangesTheirOwnPassword() throws {
        let h = try Harness(.demo, account: nil)
        signIn(h, "giamdoc", "demo2026")
        h.press(.function(9))
        h.type("doi mat")
        h.press(.enter)
        #expect(h.app.stack.last is ChangePasswordScreen)
        h.type("demo2026")
        h.press(.tab)
        h.type("moi12345")
        h.press(.tab)
        h.type("moi12345")
        h.press(.function(2))
        #expect(h.messageLine == "Đã đổi mật khẩu.")
        #expect(try h.database.confirmPassword(h.context.actor, "moi12345", at: h.context.clock.now))
    }
}
