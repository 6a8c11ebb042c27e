import Foundation
import Testing

/// Where the built program is: beside this test bundle in the build folder, unless TTHTCD_BIN says otherwise.
enum Program {
    static let path: String = {
        if let explicit = ProcessInfo.processInfo.environment["TTHTCD_BIN"] { return explicit }
        let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var folder = exe.deletingLastPathComponent()
        // The test bundle may sit one level down (….xctest/…); walk up until tthtcd is found.
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("tthtcd").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return exe.deletingLastPathComponent().appendingPathComponent("tthtcd").path
    }()

    static var tmuxAvailable: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") }
}

/// The names in a folder, hidden ones included.
func names(in folder: String) -> Set<String> {
    Set((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
}

/// A temporary home for one test: data, XDG folders and HOME all point here, never at the user's files.
final class Sandbox {
    let root: URL

    init() {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("tthtcd-e2e-\(UUID().uuidString.prefix(8))")
        try! FileManager.default.createDirectory(at: root.appendingPathComponent("home"), withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { root.appendingPathComponent(name).path }

    var environment: [String: String] {
        ["HOME": path("home"), "XDG_DATA_HOME": path("xdg"), "LANG": "C.UTF-8", "TERM": "screen", "TZ": "UTC"]
    }

    deinit { try? FileManager.default.removeItem(at: root) }
}

struct RunResult {
    let status: Int32
    let stdout: String
    let stderr: String
}

/// Runs the program without a terminal, as a script would.
func runProgram(_ arguments: [String], in sandbox: Sandbox) throws -> RunResult {
    try spawn(Program.path, arguments, environment: sandbox.environment)
}

/// Runs the program with `input` on its standard input (a password for a command that writes).
func spawnWithInput(_ arguments: [String], input: String, sandbox: Sandbox) throws -> RunResult {
    let inputPath = sandbox.path("stdin-\(UUID().uuidString).txt")
    try Data(input.utf8).write(to: URL(fileURLWithPath: inputPath))
    defer { try? FileManager.default.removeItem(atPath: inputPath) }
    return try spawn(Program.path, arguments, environment: sandbox.environment, stdin: inputPath)
}

/// Starts a process with posix_spawn, output to temporary files, and waits with waitpid. Foundation's Process
/// can miss a child's exit when many tests start processes at once, and a tmux server keeps inherited pipes
/// open for ever; files and waitpid have neither problem.
func spawn(_ path: String, _ arguments: [String], environment: [String: String]? = nil, stdin: String = "/dev/null")
    throws -> RunResult
{
    let outPath = FileManager.default.temporaryDirectory.appendingPathComponent("tthtcd-out-\(UUID().uuidString)").path
    let errPath = outPath + ".err"
    defer {
        try? FileManager.default.removeItem(atPath: outPath)
        try? FileManager.default.removeItem(atPath: errPath)
    }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, stdin, O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    let env = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
    let argv = ([path] + arguments).map { strdup($0) } + [nil]
    let envp = env.map { strdup($0) } + [nil]
    defer {
        argv.forEach { free($0) }
        envp.forEach { free($0) }
    }
    var pid = pid_t()
    let result = posix_spawn(&pid, path, &actions, nil, argv, envp)
    guard result == 0 else { throw POSIXError(POSIXErrorCode(rawValue: result) ?? .EIO) }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    let exitCode = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    let out = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
    let err = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
    return RunResult(status: exitCode, stdout: out, stderr: err)
}

/// The real program in a real terminal: a tmux server of its own, keys sent with send-keys, the screen read
/// with capture-pane, polled until the expected text shows (never a fixed sleep).
final class TmuxSession {
    let socket = "tthtcd-e2e-\(UUID().uuidString.prefix(8))"
    let target = "e2e"

    /// Starts `tthtcd arguments` at 80x24; when it ends, the pane prints "EXIT:<status>" and stays open.
    /// `fileSizeLimit` caps the size of any file the program writes (RLIMIT_FSIZE): a disk that fills up.
    init(_ arguments: [String], sandbox: Sandbox, width: Int = 80, height: Int = 24, fileSizeLimit: Int? = nil) throws {
        let limit = fileSizeLimit.map { ["/usr/bin/prlimit", "--fsize=\($0)"] } ?? []
        let quoted = (limit + [Program.path] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        let script = "trap '' XFSZ; " + quoted.joined(separator: " ") + "; echo \"EXIT:$?\"; sleep 600"
        var args = ["new-session", "-d", "-s", target, "-x", String(width), "-y", String(height)]
        for (key, value) in sandbox.environment where key != "TERM" { args += ["-e", "\(key)=\(value)"] }
        args += ["sh", "-c", script]
        try tmux(args)
    }

    deinit { _ = try? tmux(["kill-server"]) }

    @discardableResult
    func tmux(_ arguments: [String]) throws -> String {
        try spawn("/usr/bin/tmux", ["-L", socket, "-f", "/dev/null"] + arguments).stdout
    }

    /// Named keys: "F2", "Tab", "Enter", "Escape", "C-c", "BTab", "Up"...
    func press(_ keys: String...) throws { try tmux(["send-keys", "-t", target] + keys) }

    /// Text typed literally, Vietnamese included.
    func type(_ text: String) throws { try tmux(["send-keys", "-t", target, "-l", "--", text]) }

    /// The screen as text; lines the terminal wrapped are joined again (-J).
    func capture() throws -> String { try tmux(["capture-pane", "-p", "-J", "-t", target]) }

    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", target, "-x", String(width), "-y", String(height)])
    }

    /// Polls the screen until `text` appears; fails the test with the last screen after `timeout` seconds.
    @discardableResult
    func waitFor(_ text: String, timeout: Double = 20, sourceLocation: SourceLocation = #_sourceLocation) throws
        -> String
    {
        try waitUntil(timeout: timeout, what: text, sourceLocation: sourceLocation) { $0.contains(text) }
    }

    @discardableResult
    func waitUntil(timeout: Double = 20, what: String, sourceLocation: SourceLocation = #_sourceLocation,
                   _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = ""
        while Date() < deadline {
            screen = try capture()
            if condition(screen) { return screen }
            Thread.sleep(forTimeInterval: 0.05)
        }
        Issue.record("timed out waiting for «\(what)»; the screen was:\n\(screen)", sourceLocation: sourceLocation)
        throw TimedOut()
    }

    struct TimedOut: Error {}

    /// Signs in on the sign-in screen.
    /// Signs in on the sign-in screen. The list of what waits for the person, if it shows, is closed unless
    /// `keepWaitingWork` (the test is about it).
    func signIn(_ username: String, _ password: String = "demo2026", expect: String = "Hồ sơ trung tâm",
                keepWaitingWork: Bool = false, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try waitFor("Tên đăng nhập", sourceLocation: sourceLocation)
        try type(username)
        try press("Tab")
        try type(password)
        try press("Enter")
        let screen = try waitFor(expect, sourceLocation: sourceLocation)
        if !keepWaitingWork && (screen.contains("Việc đang chờ bạn") || screen.contains("Waiting for you")) {
            try press("Escape")
            try waitUntil(what: "the waiting list closed", sourceLocation: sourceLocation) {
                !$0.contains("Việc đang chờ bạn") && !$0.contains("Waiting for you")
            }
        }
    }

    /// The program's process id (the child of the pane's shell), for sending it signals.
    func programPID() throws -> pid_t? {
        let shell = try tmux(["list-panes", "-t", target, "-F", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        var pid: pid_t?
        for _ in 0..<100 where pid == nil {
            let children = try spawn("/usr/bin/pgrep", ["-P", shell]).stdout.split(separator: "\n")
            pid = children.compactMap { pid_t($0) }.first
            if pid == nil { Thread.sleep(forTimeInterval: 0.05) }
        }
        return pid
    }

    /// Answers yes to the question every quit asks, once it shows.
    func confirmQuit(sourceLocation: SourceLocation = #_sourceLocation) throws {
        let screen = try waitUntil(what: "the quit question", sourceLocation: sourceLocation) {
            $0.contains("Thoát chương trình?") || $0.contains("Quit the program?")
        }
        try type(screen.contains("Quit the program?") ? "y" : "c")
    }

    /// Waits for the program to end and returns its exit status.
    func exitStatus(timeout: Double = 20) throws -> Int {
        let screen = try waitFor("EXIT:", timeout: timeout)
        let line = screen.split(separator: "\n").first { $0.hasPrefix("EXIT:") } ?? ""
        return Int(line.dropFirst(5)) ?? -1
    }
}
