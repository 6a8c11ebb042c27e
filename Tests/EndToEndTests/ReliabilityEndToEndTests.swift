import Foundation
import Storage
import Testing

/// kill -9 at random moments during an import and during keyed entry, and a full disk during a backup
/// (issue 12, finding 8). Short runs here; `scripts/reliability-long.sh` sets TTHTCD_RELIABILITY=long.
@Suite(.serialized, .enabled(if: Program.tmuxAvailable, "tmux is not installed"))
struct ReliabilityEndToEndTests {
    static let isLong = ProcessInfo.processInfo.environment["TTHTCD_RELIABILITY"] == "long"
    static let seed = ProcessInfo.processInfo.environment["TTHTCD_SEED"].flatMap(UInt64.init)
        ?? UInt64.random(in: 1...UInt64.max / 2)

    /// Starts the program without waiting for it; its output is thrown away.
    func start(_ arguments: [String], input: String, sandbox: Sandbox) throws -> pid_t {
        let inputPath = sandbox.path("stdin-\(UUID().uuidString).txt")
        try Data(input.utf8).write(to: URL(fileURLWithPath: inputPath))
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, inputPath, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([Program.path] + arguments).map { strdup($0) } + [nil]
        let envp = sandbox.environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid = pid_t()
        let result = posix_spawn(&pid, Program.path, &actions, nil, argv, envp)
        guard result == 0 else { throw POSIXError(POSIXErrorCode(rawValue: result) ?? .EIO) }
        return pid
    }

    func reap(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return status
    }

    /// The file is whole and the audit trail explains every record in it.
    func expectSound(_ data: String, _ note: String) throws -> Int {
        let database = try AppDatabase.open(path: data, access: .readOnly)
        defer { database.close() }
        #expect(try IntegrityCheck(database: database, scope: .complete).run { _ in } == .intact, "\(note)")
        let report = try database.auditReport()
        #expect(report.chain.isIntact && report.findings.isEmpty, "\(note): \(report.findings.prefix(3))")
        return try database.responseCounts().values.reduce(0, +)
    }

    @Test func killedAtRandomMomentsAnImportIsAllOrNothing() throws {
        let rounds = Self.isLong ? 100 : 5
        var seeded = Self.seed
        func next() -> UInt64 { seeded = seeded &* 6364136223846793005 &+ 1442695040888963407; return seeded >> 11 }
        let sandbox = Sandbox()
        let base = sandbox.path("base.sqlite")
        #expect(try runProgram(["demo", "create", base], in: sandbox).status == 0)
        let csv = sandbox.path("phieu.csv")
        let rows = Self.isLong ? 3000 : 600
        try Data(SurveyEndToEndTests().csv(rows: rows).utf8).write(to: URL(fileURLWithPath: csv))
        let arguments = { (data: String) in ["survey", "import", csv, "--campaign", "1", "--user", "canbo", "--data", data] }
        // How long a whole import takes here, so that the kills fall before, during and after its write.
        let timed = sandbox.path("timed.sqlite")
        try FileManager.default.copyItem(atPath: base, toPath: timed)
        let began = Date()
        #expect(try spawnWithInput(arguments(timed), input: "demo2026\n", sandbox: sandbox).status == 0)
        let whole = Date().timeIntervalSince(began)
        let before = try expectSound(base, "the demo")
        var untouched = 0, complete = 0
        for round in 0..<rounds {
            let data = sandbox.path("round-\(round).sqlite")
            try FileManager.default.copyItem(atPath: base, toPath: data)
            let pid = try start(arguments(data), input: "demo2026\n", sandbox: sandbox)
            // Half the kills anywhere, half near the end, where the one write transaction happens.
            let share = Double(next() % 1000) / 1000
            let delay = whole * (round % 2 == 0 ? 1.1 * share : 0.7 + 0.4 * share)
            Thread.sleep(forTimeInterval: delay)
            kill(pid, SIGKILL)
            _ = reap(pid)
            let forms = try expectSound(data, "seed \(Self.seed), round \(round), killed after \(delay) s")
            #expect(forms == before || forms == before + rows, "seed \(Self.seed), round \(round): \(forms) forms")
            if forms == before { untouched += 1 } else { complete += 1 }
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: data + suffix) }
        }
        print("import kills: seed \(Self.seed), \(rounds) kills over \(String(format: "%.2f", whole)) s imports: "
              + "\(untouched) left nothing, \(complete) complete, 0 partial")
    }

    @Test func killedAtRandomMomentsDuringKeyedEntryNoAcknowledgedFormIsLost() throws {
        let kills = Self.isLong ? 100 : 3
        var seeded = Self.seed
        func next() -> UInt64 { seeded = seeded &* 6364136223846793005 &+ 1442695040888963407; return seeded >> 11 }
        let sandbox = Sandbox()
        let data = sandbox.path("tthtcd.sqlite")
        #expect(try runProgram(["demo", "create", data], in: sandbox).status == 0)
        let safety = SafetyEndToEndTests()
        let base = try expectSound(data, "the demo")
        var acknowledged = 0
        var serial = 0
        for kill in 0..<kills {
            let session = try TmuxSession(["--data", data], sandbox: sandbox)
            if kill == 0 {
                try safety.openKeyedEntry(session)
            } else {
                try session.signIn("canbo")
                try session.press("F3")
                try session.type("nghia lam")
                try session.waitFor("1/14 trung tâm")
                try session.press("Enter", "C-e")
                try session.waitFor("Khảo sát nhu cầu học tập TT13957")
                try session.press("F5")
                try session.waitFor("Phiếu \(acknowledged + 1)/60")
            }
            let forms = Int(next() % 3)
            for _ in 0..<forms {
                serial += 1
                try safety.keyForm(session, serial)
                acknowledged += 1
            }
            // Then the kill: right after a save, or in the middle of typing the next form.
            let pid = try #require(try session.programPID())
            if next() % 2 == 0 {
                serial += 1
                let typed = Int(next() % 14)
                try session.press("C-u")  // the form number proposed after the last one
                for answer in [String(format: "NL-%03d", serial), "Người thứ \(serial)", "2", "1", "1968", "1", "3", "1",
                               "1", "1", "1 2 4", "3", "3", "1"].prefix(typed) {
                    try session.type(answer)
                    try session.press("Enter")
                }
            }
            Thread.sleep(forTimeInterval: Double(next() % 100) / 1000)
            Foundation.kill(pid, SIGKILL)
            try session.waitFor("EXIT:")
            let stored = try expectSound(data, "seed \(Self.seed), kill \(kill)") - base
            #expect(stored == acknowledged, "seed \(Self.seed), kill \(kill): \(acknowledged) acknowledged, \(stored) stored")
            acknowledged = stored
        }
        print("keyed-entry kills: seed \(Self.seed), \(kills) kills, \(acknowledged) acknowledged forms, 0 lost")
    }

    @Test func aFullDiskDuringABackupLeavesNoCopyAndNoHarm() throws {
        let sandbox = Sandbox()
        let data = sandbox.path("tthtcd.sqlite")
        #expect(try runProgram(["demo", "create", data], in: sandbox).status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: data))
        let usb = sandbox.path("usb")
        try FileManager.default.createDirectory(atPath: usb, withIntermediateDirectories: true)
        let full = try spawn("/bin/sh", ["-c", "trap '' XFSZ; exec /usr/bin/prlimit --fsize=200000 '\(Program.path)' backup --data '\(data)' --to '\(usb)'"],
                             environment: sandbox.environment)
        #expect(full.status == 2)
        #expect(full.stderr.contains("Không sao lưu được vào"), "\(full.stderr)")
        #expect(names(in: usb).isEmpty, "no partial copy is left: \(names(in: usb))")
        #expect(try Data(contentsOf: URL(fileURLWithPath: data)) == before)
    }
}
