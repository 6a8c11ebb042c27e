import Foundation
import Testing

/// Sign-in, the audit trail and where passwords may live, from the real program.
@Suite(.serialized, .enabled(if: Program.tmuxAvailable, "tmux is not installed"))
struct AccessEndToEndTests {
    @Test func editingAnAuditRowWithSqlite3IsCaughtAndNamed() throws {
        let sandbox = Sandbox()
        let data = sandbox.path("demo.sqlite")
        #expect(try runProgram(["demo", "create", data], in: sandbox).status == 0)
        let intact = try runProgram(["audit", "verify", "--data", data], in: sandbox)
        #expect(intact.status == 0)
        #expect(intact.stdout.contains("Chuỗi mã băm: nguyên vẹn"))
        #expect(intact.stdout.contains("Kết luận: nhật ký nguyên vẹn và khớp với dữ liệu."))

        // The program refuses to change its own trail; someone with the sqlite3 tool can drop the guard...
        let target = "recordType = 'centre' AND recordID = 'TT13894' AND action = 'create'"
        let id = try spawn("/usr/bin/sqlite3", [data, "SELECT id FROM auditEntry WHERE \(target)"]).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(Int(id) != nil)
        let refused = try spawn("/usr/bin/sqlite3", [data, "UPDATE auditEntry SET username = 'ke-gian' WHERE id = \(id)"])
        #expect(refused.stderr.contains("append-only"))
        _ = try spawn("/usr/bin/sqlite3", [data, """
            DROP TRIGGER auditEntry_noUpdate;
            UPDATE auditEntry SET changes = replace(changes, 'Rạng Đông', 'Nơi Khác') WHERE id = \(id);
            """])
        #expect(try spawn("/usr/bin/sqlite3", [data, "SELECT changes FROM auditEntry WHERE id = \(id)"]).stdout
            .contains("Nơi Khác"), "the row was really changed")
        // ...and the chain names the entry they touched.
        let broken = try runProgram(["audit", "verify", "--data", data], in: sandbox)
        #expect(broken.status == 1)
        #expect(broken.stdout.contains("mục #\(id) "), "\(broken.stdout)")
    }

    @Test func passwordsAndTheirHashesStayInTheAccountsTable() throws {
        let sandbox = Sandbox()
        let data = sandbox.path("demo.sqlite")
        let created = try runProgram(["demo", "create", data], in: sandbox)
        #expect(created.status == 0)
        #expect(created.stdout.contains("Tài khoản mẫu"), "demo create names the accounts: \(created.stdout)")
        #expect(created.stdout.split(separator: "\n").contains { $0.contains("giamdoc") && $0.contains("demo2026") })
        let session = try TmuxSession(["--data", data], sandbox: sandbox)
        try session.waitFor("Tài khoản mẫu")
        #expect(try session.capture().contains("giamdoc"), "any demo file's sign-in lists its accounts")
        try session.signIn("giamdoc")
        try session.press("F9")
        try session.type("doi mat khau")
        try session.press("Enter")
        try session.waitFor("Đổi mật khẩu của giamdoc")
        try session.type("demo2026")
        try session.press("Tab")
        try session.type("BiMat-9876")
        try session.press("Tab")
        try session.type("BiMat-9876")
        try session.press("F2")
        try session.waitFor("Đã đổi mật khẩu.")
        #expect(!(try session.capture().contains("BiMat-9876")), "a password never shows on screen")
        try session.press("F10")
        try session.confirmQuit()
        #expect(try session.exitStatus() == 0)
        // Its demo password no longer opens giamdoc: the sign-in stops offering it, and still offers the rest.
        let again = try TmuxSession(["--data", data], sandbox: sandbox)
        try again.waitFor("Tài khoản mẫu")
        let signIn = try again.capture()
        #expect(signIn.contains("canbo") && !signIn.contains("giamdoc"), "\(signIn)")
        try again.press("C-c")
        try again.confirmQuit()
        #expect(try again.exitStatus() == 0)

        let dump = try spawn("/usr/bin/sqlite3", [data, ".dump"]).stdout
        #expect(!dump.contains("BiMat-9876"))
        #expect(!dump.contains("demo2026"))
        for line in dump.split(separator: "\n") where line.contains("pbkdf2-sha256$") {
            #expect(line.hasPrefix("INSERT INTO account "), "a hash outside the accounts table: \(line.prefix(80))")
        }
        #expect(dump.contains("passwordChanged"), "the change is in the audit trail, without the password")
        for args in [["centres", "list", "--json"], ["board", "check", "--json"], ["audit", "verify"]] {
            let output = try runProgram(args + ["--data", data], in: sandbox).stdout
            #expect(!output.contains("pbkdf2") && !output.contains("BiMat"), "\(args)")
        }
        #expect(try runProgram(["audit", "verify", "--data", data], in: sandbox).status == 0)
    }

    @Test func aViewerCannotChangeAnythingAndSwitchingUserWorks() throws {
        let sandbox = Sandbox()
        let session = try TmuxSession(["--demo"], sandbox: sandbox)
        try session.waitFor("Tài khoản mẫu")
        try session.signIn("xem")
        let roster = try session.capture()
        #expect(!roster.contains("2Thêm"))
        try session.press("C-x")
        try session.signIn("canbo")
        #expect(try session.capture().contains("2Thêm"))
        try session.press("F10")
        try session.confirmQuit()
        #expect(try session.exitStatus() == 0)
    }
}
