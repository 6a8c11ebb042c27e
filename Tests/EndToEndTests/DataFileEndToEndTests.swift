import Foundation
import Testing

/// Refusals and locking from the command line and the terminal: exit code 2, a clear Vietnamese message,
/// and the file byte-for-byte as it was.
@Suite struct DataFileEndToEndTests {
    func expectRefused(_ sandbox: Sandbox, _ file: String, saying text: String) throws {
        let before = try Data(contentsOf: URL(fileURLWithPath: file))
        let result = try runProgram(["centres", "list", "--data", file], in: sandbox)
        #expect(result.status == 2)
        #expect(result.stderr.contains(text), "\(result.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == before)
    }

    @Test func aFileThatIsNotADatabase() throws {
        let sandbox = Sandbox()
        let file = sandbox.path("notes.sqlite")
        try Data("Danh sách học viên\n".utf8).write(to: URL(fileURLWithPath: file))
        try expectRefused(sandbox, file, saying: "không phải tệp dữ liệu của TTHTCĐ")
    }

    @Test func aTruncatedFile() throws {
        let sandbox = Sandbox()
        let whole = sandbox.path("whole.sqlite")
        #expect(try runProgram(["demo", "create", whole], in: sandbox).status == 0)
        let data = try Data(contentsOf: URL(fileURLWithPath: whole))
        let file = sandbox.path("cut.sqlite")
        try data.prefix(data.count - 5000).write(to: URL(fileURLWithPath: file))
        try expectRefused(sandbox, file, saying: "bị hỏng")
    }

    @Test func aFileFromANewerVersion() throws {
        let sandbox = Sandbox()
        let file = sandbox.path("newer.sqlite")
        #expect(try runProgram(["demo", "create", file], in: sandbox).status == 0)
        _ = try spawn("/usr/bin/sqlite3", [file, "INSERT INTO grdb_migrations VALUES ('v99-future')"])
        try expectRefused(sandbox, file, saying: "phiên bản mới hơn")
    }

    @Test func aDamagedStoredValueIsNamedWithCode2() throws {
        let sandbox = Sandbox()
        let file = sandbox.path("edited.sqlite")
        #expect(try runProgram(["demo", "create", file], in: sandbox).status == 0)
        _ = try spawn("/usr/bin/sqlite3", [file, "UPDATE centre SET status = 'closed' WHERE id = 2"])
        try expectRefused(sandbox, file, saying: "bảng centre, cột status, giá trị «closed»")
    }

    @Test func aBadLanguageAndAnExistingDemoTarget() throws {
        let sandbox = Sandbox()
        let file = sandbox.path("d.sqlite")
        #expect(try runProgram(["demo", "create", file], in: sandbox).status == 0)
        let again = try runProgram(["demo", "create", file], in: sandbox)
        #expect(again.status == 2)
        #expect(again.stderr.contains("đã có"))
        let lang = try runProgram(["centres", "list", "--data", file, "--lang", "fr"], in: sandbox)
        #expect(lang.status == 2)
        let english = try runProgram(["centres", "list", "--data", file, "--lang", "en"], in: sandbox)
        #expect(english.stdout.contains("Suspended"))
        let version = try runProgram(["--version"], in: sandbox)
        #expect(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "0.1.0")
    }

    @Test(.enabled(if: Program.tmuxAvailable))
    func theInterfaceRefusesADamagedFileWithCode2() throws {
        let sandbox = Sandbox()
        let file = sandbox.path("notes.sqlite")
        try Data("không phải cơ sở dữ liệu".utf8).write(to: URL(fileURLWithPath: file))
        let session = try TmuxSession(["--data", file], sandbox: sandbox)
        #expect(try session.exitStatus() == 2)
        #expect(try session.capture().contains("không phải tệp dữ liệu"))
    }

    @Test(.enabled(if: Program.tmuxAvailable))
    func aSecondInstanceIsToldTheFileIsInUse() throws {
        let sandbox = Sandbox()
        let file = sandbox.path("shared.sqlite")
        #expect(try runProgram(["demo", "create", file], in: sandbox).status == 0)
        let first = try TmuxSession(["--data", file], sandbox: sandbox)
        try first.waitFor("Tên đăng nhập")
        let second = try TmuxSession(["--data", file], sandbox: sandbox)
        #expect(try second.exitStatus() == 2)
        #expect(try second.capture().contains("đang được mở ở một cửa sổ khác"))
        // Scripts can still read while the office works.
        #expect(try runProgram(["centres", "list", "--data", file], in: sandbox).status == 0)
        try first.press("F10")
        try first.confirmQuit()
        #expect(try first.exitStatus() == 0)
    }

    @Test(.enabled(if: Program.tmuxAvailable))
    func aKilledSessionGivesTheTerminalBackAndTheFileStaysGood() throws {
        let sandbox = Sandbox()
        let file = sandbox.path("killed.sqlite")
        #expect(try runProgram(["demo", "create", file], in: sandbox).status == 0)
        let session = try TmuxSession(["--data", file], sandbox: sandbox)
        try session.signIn("canbo")
        try session.press("F2")
        try session.type("Đang gõ dở")
        try session.waitFor("Đang gõ dở")
        _ = try spawn("/usr/bin/pkill", ["-TERM", "-f", "tthtcd --data \(file)"])
        #expect(try session.exitStatus() == 143)
        #expect(!(try session.capture().contains("Thêm trung tâm")), "the interface is gone")
        let listing = try runProgram(["centres", "list", "--data", file], in: sandbox)
        #expect(listing.status == 0)
        #expect(listing.stdout.split(separator: "\n").count == 14)
    }
}
