import Domain
import Foundation
import Storage
import Testing

/// Gives the demo's director and chairman, limited to xã Nghĩa Sơn, the whole office again, through Storage (the
/// change is audited like the administrator's): for tests of other things that move between the demo's centres.
func demoAccountsWholeOffice(_ data: String) throws {
    let database = try AppDatabase.open(path: data)
    defer { database.close() }
    for var account in try database.accounts() where !account.scope.isOffice {
        account.scope = .office
        try database.updateAccount(account, by: .system, at: Date())
    }
    try database.finish()
}

/// Accounts limited to a centre or a commune, from the real program: the demo's director works for the centre of xã
/// Nghĩa Sơn, its chairman for xã Nghĩa Sơn.
@Suite(.serialized, .enabled(if: Program.tmuxAvailable, "tmux is not installed"))
struct ScopeEndToEndTests {
    /// The director starts on their own centre; another centre's plans offer no new plan, and F2 does nothing.
    @Test func aDirectorLimitedToACentreCannotDraftForAnother() throws {
        let sandbox = Sandbox()
        let data = sandbox.path("demo.sqlite")
        #expect(try runProgram(["demo", "create", data], in: sandbox).status == 0)
        let session = try TmuxSession(["--data", data], sandbox: sandbox)
        try session.signIn("giamdoc")
        try session.press("C-p")
        let own = try session.waitFor("Kế hoạch hoạt động TT13918")
        #expect(own.contains("2KH mới"), "their own centre: a new plan is offered")
        try session.press("F10")
        try session.waitFor("Hồ sơ trung tâm")
        try session.press("F3")
        try session.type("kim son")
        try session.waitFor("1/14 trung tâm")
        try session.press("Enter", "C-p")
        let other = try session.waitFor("Kế hoạch hoạt động TT14638")
        #expect(!other.contains("2KH mới"), "another centre: no new plan")
        #expect(!other.contains("7Trình") && !other.contains("6Duyệt"))
        try session.press("F2")
        try session.waitFor("Kế hoạch hoạt động TT14638")
        try session.press("F10", "F10")
        try session.confirmQuit()
        #expect(try session.exitStatus() == 0)
        let list = try runProgram(["plan", "list", "--centre", "TT14638", "--json", "--data", data], in: sandbox)
        let plans = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        #expect(plans.count == 1, "nothing was drafted for Kim Sơn")
    }
}
