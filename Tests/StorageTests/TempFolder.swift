import Domain
import Foundation

/// People acting in the tests, with the roles their work needs.
let clerk = Actor(accountID: nil, username: "canbo", fullName: "Cán bộ nhập liệu", roles: [.dataClerk])
let admin = Actor(accountID: nil, username: "quantri", fullName: "Quản trị", roles: [.administrator])

/// A folder of its own for one test, removed afterwards. Tests never touch the user's data.
final class TempFolder {
    let url: URL

    init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("tthtcd-test-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    deinit { try? FileManager.default.removeItem(at: url) }
}

/// Runs the sqlite3 command-line tool on a file, as an administrator or an attacker would.
func sqlite3(_ path: String, _ sql: String) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
    process.arguments = [path, sql]
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    process.waitUntilExit()
    return String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
}

/// A folder whose files may be read but not written, as on a write-protected USB stick: a read-only tmpfs
/// when the tests run as root (who ignores permissions), a folder without write permission otherwise.
final class ReadOnlyFolder {
    let path: String
    private let mounted: Bool

    /// Copies `files` in, then makes the folder read-only. Nil where neither way is possible.
    init?(copying files: [String]) {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tthtcd-ro-\(UUID().uuidString)")
        path = url.path
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        if getuid() == 0 {
            guard run("/bin/mount", ["-t", "tmpfs", "-o", "size=16m", "tmpfs", path]) else { return nil }
            mounted = true
            for file in files { try? FileManager.default.copyItem(atPath: file, toPath: url.appendingPathComponent((file as NSString).lastPathComponent).path) }
            guard run("/bin/mount", ["-o", "remount,ro", path]) else { return nil }
        } else {
            mounted = false
            for file in files { try? FileManager.default.copyItem(atPath: file, toPath: url.appendingPathComponent((file as NSString).lastPathComponent).path) }
            chmod(path, 0o555)
        }
    }

    func file(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }

    deinit {
        if mounted { _ = run("/bin/umount", [path]) } else { chmod(path, 0o755) }
        try? FileManager.default.removeItem(atPath: path)
    }
}

@discardableResult
func run(_ tool: String, _ arguments: [String]) -> Bool {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: tool)
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return false }
    process.waitUntilExit()
    return process.terminationStatus == 0
}

/// The names in a folder, hidden ones included.
func names(in folder: String) -> Set<String> {
    Set((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
}
