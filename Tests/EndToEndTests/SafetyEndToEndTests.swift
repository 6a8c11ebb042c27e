import Foundation
import Testing

/// Data safety from the real program (issue 12): backups and restore while the interface runs, every way out
/// ending with a checkpoint, the lock on the file's identity, hostile files and one sign-in counter.
@Suite(.serialized, .enabled(if: Program.tmuxAvailable, "tmux is not installed"))
struct SafetyEndToEndTests {
    /// A folder of its own for the data file, so that what is left beside it can be listed.
    func office(_ sandbox: Sandbox) throws -> (folder: String, data: String) {
        let folder = sandbox.path("office")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let data = folder + "/tthtcd.sqlite"
        #expect(try runProgram(["demo", "create", data], in: sandbox).status == 0)
        return (folder, data)
    }

    /// Opens keyed entry on a new campaign of xã Nghĩa Lâm.
    func openKeyedEntry(_ session: TmuxSession) throws {
        try session.signIn("canbo")
        try session.press("F3")
        try session.type("nghia lam")
        try session.waitFor("1/14 trung tâm")
        try session.press("Enter", "C-e")
        try session.waitFor("Khảo sát nhu cầu học tập TT13957")
        try session.press("F2")
        try session.waitFor("Tạo đợt khảo sát")
        for _ in 0..<5 { try session.press("Tab") }
        try session.type("60")
        try session.press("F2")
        try session.waitFor("Đã lưu đợt khảo sát.")
        try session.press("F5")
        try session.waitFor("Phiếu 1/60")
    }

    /// F10, then yes to the question every quit asks (with or without something unsaved).
    func quit(_ session: TmuxSession) throws {
        try session.press("F10")
        try session.waitFor("Thoát chương trình")
        try session.type("c")
    }

    /// Keys form number `n` and waits until the program says it is saved: an acknowledged form.
    func keyForm(_ session: TmuxSession, _ n: Int) throws {
        let serial = String(format: "NL-%03d", n)
        try session.press("C-u")  // the form number proposed after the last one
        for answer in [serial, "Người thứ \(n)", "2", "1", "1968", "1", "3", "1", "1", "1", "1 2 4", "3", "3", "1"] {
            try session.type(answer)
            try session.press("Enter")
        }
        try session.press("F2")
        try session.waitFor("Đã lưu phiếu \(serial)")
    }

    func forms(_ data: String, _ sandbox: Sandbox) throws -> Int {
        let result = try runProgram(["survey", "campaigns", "--centre", "TT13957", "--json", "--data", data], in: sandbox)
        guard let items = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]] else { return -1 }
        return items.map { $0["responses"] as? Int ?? 0 }.reduce(0, +)
    }

    @Test func aBackupWhileTheInterfaceRunsThenARestoreBringsBackEveryAcknowledgedForm() throws {
        let sandbox = Sandbox()
        let (_, data) = try office(sandbox)
        let usb = sandbox.path("usb")
        try FileManager.default.createDirectory(atPath: usb, withIntermediateDirectories: true)
        let session = try TmuxSession(["--data", data], sandbox: sandbox)
        try openKeyedEntry(session)
        for n in 1...3 { try keyForm(session, n) }
        let backup = try runProgram(["backup", "--data", data, "--to", usb], in: sandbox)
        #expect(backup.status == 0, "\(backup.stderr)")
        #expect(backup.stdout.contains("bản sao đã được kiểm tra"))
        let copies = try FileManager.default.contentsOfDirectory(atPath: usb)
        #expect(copies.count == 1 && copies[0].hasPrefix("tthtcd-ninh-binh-"), "\(copies)")
        try keyForm(session, 4)
        #expect(try runProgram(["restore", usb + "/" + copies[0], "--data", data], in: sandbox).status == 2,
                "not while the interface holds the file")
        try session.press("F10", "F10", "F10")
        try quit(session)
        #expect(try session.exitStatus() == 0)
        #expect(names(in: (data as NSString).deletingLastPathComponent)
            == ["tthtcd.sqlite", ".tthtcd.sqlite.audit-anchors", "sao-luu"], "after F10 only the data file remains")
        #expect(try forms(data, sandbox) == 4)
        let restore = try runProgram(["restore", usb + "/" + copies[0], "--data", data], in: sandbox)
        #expect(restore.status == 0, "\(restore.stderr)")
        #expect(try forms(data, sandbox) == 3, "every form acknowledged before the backup")
        #expect(restore.stdout.contains("truoc-khoi-phuc"), "the replaced file is kept: \(restore.stdout)")
        #expect(try runProgram(["audit", "verify", "--data", data], in: sandbox).status == 0)
    }

    @Test func theBackupScreenCopiesToAUSBStickAndTheCopyRestores() throws {
        let sandbox = Sandbox()
        let (_, data) = try office(sandbox)
        let usb = sandbox.path("usb")
        try FileManager.default.createDirectory(atPath: usb, withIntermediateDirectories: true)
        let session = try TmuxSession(["--data", data], sandbox: sandbox)
        try session.signIn("quantri")
        try session.press("C-o")
        try session.type("sao luu")
        try session.press("Enter")
        try session.waitFor("Các bản sao trong")
        try session.press("F2")
        try session.waitFor("Thư mục nhận bản sao")
        try session.press("C-u")
        try session.type(usb)
        try session.press("Enter")
        try session.waitFor("bản sao đã được kiểm tra")
        let copies = try FileManager.default.contentsOfDirectory(atPath: usb)
        #expect(copies.count == 1 && copies[0].hasPrefix("tthtcd-ninh-binh-"), "\(copies)")
        try session.press("F10")
        try quit(session)
        #expect(try session.exitStatus() == 0)
        let restore = try runProgram(["restore", usb + "/" + copies[0], "--data", data], in: sandbox)
        #expect(restore.status == 0, "\(restore.stderr)")
        #expect(try runProgram(["audit", "verify", "--data", data], in: sandbox).status == 0)
    }

    /// SIGHUP is what closing the terminal window sends; SIGTERM what a shutdown sends.
    @Test(arguments: [SIGHUP, SIGTERM])
    func closingTheWindowAfterASaveWritesItIntoTheFileAlone(_ signal: Int32) throws {
        let sandbox = Sandbox()
        let (folder, data) = try office(sandbox)
        let session = try TmuxSession(["--data", data], sandbox: sandbox)
        try openKeyedEntry(session)
        try keyForm(session, 1)
        #expect(FileManager.default.fileExists(atPath: data + "-wal"))
        let pid = try #require(try session.programPID())
        kill(pid, signal)
        #expect(try session.exitStatus() == 128 + Int(signal), "it still ends as the signal asked")
        #expect(names(in: folder) == ["tthtcd.sqlite", ".tthtcd.sqlite.audit-anchors", "sao-luu"],
                "only the data file: \(names(in: folder))")
        // The .sqlite copied alone, as to a USB stick, holds the acknowledged form.
        let copy = sandbox.path("copy.sqlite")
        try FileManager.default.copyItem(atPath: data, toPath: copy)
        #expect(try forms(copy, sandbox) == 1)
    }

    @Test func aFullDiskAtExitIsSaidAndTheJournalKept() throws {
        let sandbox = Sandbox()
        let (_, data) = try office(sandbox)
        let size = try #require(try FileManager.default.attributesOfItem(atPath: data)[.size] as? Int)
        let session = try TmuxSession(["--data", data], sandbox: sandbox, fileSizeLimit: size)
        try openKeyedEntry(session)
        for n in 1...4 { try keyForm(session, n) }
        try session.press("F10", "F10", "F10")
        try quit(session)
        #expect(try session.exitStatus() == 1)
        let screen = try session.capture()
        #expect(screen.contains("Chưa ghi hết được dữ liệu vào tệp"), "\(screen)")
        let wal = try FileManager.default.attributesOfItem(atPath: data + "-wal")[.size] as? Int ?? 0
        #expect(wal > 0, "the journal holds what the file lacks")
        // With room again, nothing was lost and the next close writes it in.
        #expect(try forms(data, sandbox) == 4)
        let again = try TmuxSession(["--data", data], sandbox: sandbox)
        try again.signIn("canbo")
        try quit(again)
        #expect(try again.exitStatus() == 0)
        #expect(!FileManager.default.fileExists(atPath: data + "-wal"))
        let copy = sandbox.path("copy.sqlite")
        try FileManager.default.copyItem(atPath: data, toPath: copy)
        #expect(try forms(copy, sandbox) == 4)
    }

    @Test func aSecondWindowThroughALinkIsRefused() throws {
        let sandbox = Sandbox()
        let (folder, data) = try office(sandbox)
        let symbolic = folder + "/lien-ket.sqlite"
        try FileManager.default.createSymbolicLink(atPath: symbolic, withDestinationPath: data)
        let first = try TmuxSession(["--data", data], sandbox: sandbox)
        try first.waitFor("Tên đăng nhập")
        let second = try TmuxSession(["--data", symbolic], sandbox: sandbox)
        #expect(try second.exitStatus() == 2)
        #expect(try second.capture().contains("đang được mở ở một cửa sổ khác"))
        try quit(first)
        #expect(try first.exitStatus() == 0)
        let hard = folder + "/ten-khac.sqlite"
        #expect(link(data, hard) == 0)
        let refused = try runProgram(["centres", "list", "--data", hard], in: sandbox)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("mang 2 tên trên ổ đĩa"), "\(refused.stderr)")
    }

    @Test func anEmptyFileIsRefusedByCommandsAndBecomesADataFileOnlyWhenTheUserSaysSo() throws {
        let sandbox = Sandbox()
        let empty = sandbox.path("rong.sqlite")
        FileManager.default.createFile(atPath: empty, contents: nil, attributes: [.posixPermissions: 0o644])
        for command in [["centres", "list"], ["audit", "verify"], ["check"], ["backup"]] {
            let result = try runProgram(command + ["--data", empty], in: sandbox)
            #expect(result.status == 2, "\(command)")
            #expect(result.stderr.hasPrefix("Tệp \(empty) còn trống"), "\(command): \(result.stderr)")
        }
        var session = try TmuxSession(["--data", empty], sandbox: sandbox)
        try session.waitFor("Tạo tệp dữ liệu mới")
        try session.press("Enter")
        #expect(try session.exitStatus() == 2)
        #expect(try FileManager.default.attributesOfItem(atPath: empty)[.size] as? Int == 0)
        session = try TmuxSession(["--data", empty], sandbox: sandbox)
        try session.waitFor("Tạo tệp dữ liệu mới")
        try session.type("c")
        try session.press("Enter")
        try session.waitFor("Tạo tài khoản quản trị")
        try quit(session)
        #expect(try session.exitStatus() == 0)
        #expect(try FileManager.default.attributesOfItem(atPath: empty)[.posixPermissions] as? Int == 0o600)
        #expect(try runProgram(["centres", "list", "--data", empty], in: sandbox).status == 0)
    }

    @Test func aFolderAndAMissingFileAreRefusedInTheUsersLanguage() throws {
        let sandbox = Sandbox()
        let folder = sandbox.path("thu-muc.sqlite")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let vi = try runProgram(["centres", "list", "--data", folder], in: sandbox)
        #expect(vi.status == 2)
        #expect(vi.stderr.contains("là một thư mục"), "\(vi.stderr)")
        let missing = try runProgram(["centres", "list", "--data", sandbox.path("khong-co.sqlite"), "--lang", "en"], in: sandbox)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no such file or folder"), "\(missing.stderr)")
        #expect(!missing.stderr.contains("No such file or directory"))
    }

    @Test func wrongPasswordsOfACommandCountWhileTheInterfaceHoldsTheFile() throws {
        let sandbox = Sandbox()
        let (_, data) = try office(sandbox)
        let session = try TmuxSession(["--data", data], sandbox: sandbox)
        try session.signIn("xem")
        let csv = sandbox.path("khong-co.csv")
        var answers: [String] = []
        for _ in 0..<4 {
            let wrong = try spawnWithInput(["survey", "import", csv, "--campaign", "1", "--user", "canbo", "--data", data],
                                           input: "sai-mat-khau\n", sandbox: sandbox)
            #expect(wrong.status == 2)
            answers.append(wrong.stderr)
            let unknown = try spawnWithInput(["survey", "import", csv, "--campaign", "1", "--user", "khong-co", "--data", data],
                                             input: "sai-mat-khau\n", sandbox: sandbox)
            #expect(unknown.stderr == wrong.stderr, "a wrong name and a wrong password get the same answer")
        }
        #expect(answers.first?.hasPrefix("Tên đăng nhập hoặc mật khẩu không đúng. Còn 4 lần thử") == true, "\(answers)")
        #expect(!answers.contains { $0.contains("khong-co.csv") }, "the password is checked before the file is read")
        let fifth = try spawnWithInput(["survey", "import", csv, "--campaign", "1", "--user", "canbo", "--data", data],
                                       input: "sai-mat-khau\n", sandbox: sandbox)
        #expect(fifth.stderr.contains("tạm khóa"))
        let right = try spawnWithInput(["survey", "import", csv, "--campaign", "1", "--user", "canbo", "--data", data],
                                       input: "demo2026\n", sandbox: sandbox)
        #expect(right.stderr.contains("tạm khóa"), "locked even with the right password")
        try session.press("C-x")
        try session.signIn("canbo", expect: "tạm khóa")
        try quit(session)
        #expect(try session.exitStatus() == 0)
    }

    @Test func theCheckCommandAndTheAfterCrashCheck() throws {
        let sandbox = Sandbox()
        let (_, data) = try office(sandbox)
        let check = try runProgram(["check", "--data", data], in: sandbox)
        #expect(check.status == 0)
        #expect(check.stdout.contains("nguyên vẹn"))
        let session = try TmuxSession(["--data", data], sandbox: sandbox)
        try session.signIn("canbo")
        let pid = try #require(try session.programPID())
        kill(pid, SIGKILL)
        // Killed outright, the terminal is left as it was: only wait for the shell's line.
        try session.waitFor("EXIT:137")
        let after = try TmuxSession(["--data", data], sandbox: sandbox)
        try after.waitFor("Tên đăng nhập")
        try quit(after)
        #expect(try after.exitStatus() == 0)
        #expect(try after.capture().contains("không được đóng bình thường"), "the check after the crash was shown")
        let bad = try runProgram(["audit", "verify", "--data", data, "--anchor", "12:xyz"], in: sandbox)
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("không phải mốc nhật ký"))
    }

    @Test func theHeadPrintedOnAPlanIsAnAnchorForVerify() throws {
        let sandbox = Sandbox()
        let (folder, data) = try office(sandbox)
        let printed = try runProgram(["plan", "print", "1", "--data", data], in: sandbox)
        let line = try #require(printed.stdout.split(separator: "\n").last { $0.hasPrefix("Dấu nhật ký: ") })
        let anchor = String(line.dropFirst("Dấu nhật ký: ".count))
        let intact = try runProgram(["audit", "verify", "--data", data, "--anchor", anchor], in: sandbox)
        #expect(intact.status == 0, "\(intact.stdout)")
        // Someone with the file removes the last entries and the anchor file beside it.
        try FileManager.default.removeItem(atPath: folder + "/.tthtcd.sqlite.audit-anchors")
        _ = try spawn("/usr/bin/sqlite3", [data, "DROP TRIGGER auditEntry_noDelete; DELETE FROM auditEntry WHERE id > 40;"])
        let altered = try runProgram(["audit", "verify", "--data", data, "--anchor", anchor], in: sandbox)
        #expect(altered.status == 1)
        #expect(altered.stdout.contains("không còn trong nhật ký"), "\(altered.stdout)")
        #expect(altered.stdout.contains("Thiếu trigger auditEntry_noDelete"))
    }
}
