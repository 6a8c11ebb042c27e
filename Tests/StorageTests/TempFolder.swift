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
