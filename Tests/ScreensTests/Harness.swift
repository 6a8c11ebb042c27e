import AppResources
import Domain
import Foundation
import Storage
import Testing
import TerminalUI
@testable import Screens

/// Drives the real App in memory: keys in, 80x24 frames out, over a real SQLite file in a temporary folder.
@MainActor
final class Harness {
    let folder: URL
    let database: AppDatabase
    let app: App
    let context: AppContext
    var size = Size(width: 80, height: 24)

    static let units = try! UnitDirectory.decode(AppResources.data("units/units.json"))
    static let demo = try! DemoDataset.decode(AppResources.data("demo/demo.json"))
    static let today = LocalDate(year: 2026, month: 11, day: 21)!
    static let rules = try! BoardRuleTable.decode(AppResources.data("rules/board-rules.json"))

    enum Start { case empty, office, demo }

    /// The demo data file, written once per test run and copied for each test: every save is synced to the
    /// disk, so loading it afresh each time would cost more than the tests themselves.
    static let demoTemplate: String = {
        try! FileManager.default.createDirectory(atPath: templateFolder, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(atPath: Harness.templateFolder) }
        let path = (templateFolder as NSString).appendingPathComponent("demo.sqlite")
        try! AppDatabase.createDemo(at: path, dataset: demo)
        return path
    }()
    nonisolated static let templateFolder = FileManager.default.temporaryDirectory
        .appendingPathComponent("tthtcd-screen-template-\(ProcessInfo.processInfo.processIdentifier)").path

    /// The person signed in: by default a clerk who is also the administrator, as in a one-person office.
    static let defaultAccount = Account(username: "canbo", fullName: "Trần Thị Nhập Liệu",
                                        roles: [.dataClerk, .administrator])

    init(_ start: Start, language: Language = .vi, account: Account? = Harness.defaultAccount,
         clock: any Clock = FixedClock(Harness.today), prepare: (AppDatabase) throws -> Void = { _ in }) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("tthtcd-screen-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("t.sqlite").path
        if start == .demo { try FileManager.default.copyItem(atPath: Self.demoTemplate, toPath: path) }
        database = try AppDatabase.open(path: path)
        if start == .office {
            try database.saveOfficeSettings(OfficeSettings(provinceCode: 37), by: .system, at: Date())
        }
        try prepare(database)
        let context = try AppContext(database: database, units: Self.units, strings: Strings(language: language),
                                     boardRules: Self.rules, clock: clock, isDemo: start == .demo)
        self.context = context
        app = account.map { App(context: context, signedIn: $0) } ?? App(context: context)
    }

    deinit {
        database.close()
        try? FileManager.default.removeItem(at: folder)
    }

    func press(_ keys: Key...) {
        for key in keys { app.handle(key, size: size) }
    }

    func type(_ text: String) {
        for c in text { app.handle(.char(c), size: size) }
    }

    var screen: String { app.render(size: size).0.text }
    var lines: [String] { app.render(size: size).0.lines }
    /// The whole message the message line shows (it wraps over up to three rows).
    var messageLine: String { app.statusLine?.text ?? "" }

    /// Tabs through the form on top until the field `id` has focus.
    func focusField(_ id: CentreFormField) {
        for _ in 0..<80 {
            let form = (app.stack.last as? CentreFormScreen)?.form
            if form?.focusedID == id { return }
            press(.tab)
        }
        Issue.record("field \(id) never got focus")
    }
}

/// A clock the test moves by hand (idle lock, lock-outs).
final class ManualClock: Clock, @unchecked Sendable {
    private let mutex = NSLock()
    private var current: Date

    init(_ date: LocalDate) { current = FixedClock(date).now }

    var now: Date { mutex.withLock { current } }

    func advance(minutes: Double) { mutex.withLock { current = current.addingTimeInterval(minutes * 60) } }
}

/// Compares a frame with Tests/ScreensTests/Golden/NAME.txt. Run with UPDATE_GOLDEN=1 to rewrite the files
/// after a deliberate change, then review the diff.
func expectGolden(_ name: String, _ text: String, sourceLocation: SourceLocation = #_sourceLocation,
                  filePath: String = #filePath) {
    let goldenURL = URL(fileURLWithPath: filePath).deletingLastPathComponent()
        .appendingPathComponent("Golden/\(name).txt")
    if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
        try? (text + "\n").write(to: goldenURL, atomically: true, encoding: .utf8)
        return
    }
    guard let bundled = Bundle.module.url(forResource: "Golden/\(name)", withExtension: "txt"),
          let expected = try? String(contentsOf: bundled, encoding: .utf8) else {
        Issue.record("no golden file \(name).txt; run with UPDATE_GOLDEN=1", sourceLocation: sourceLocation)
        return
    }
    let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let actualLines = (text + "\n").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if expectedLines != actualLines {
        var report = "frame differs from \(name).txt\n"
        for index in 0..<max(expectedLines.count, actualLines.count) {
            let want = index < expectedLines.count ? expectedLines[index] : "(none)"
            let got = index < actualLines.count ? actualLines[index] : "(none)"
            if want != got { report += "line \(index + 1):\n  expected |\(want)|\n  actual   |\(got)|\n" }
        }
        Issue.record(Comment(rawValue: report + text), sourceLocation: sourceLocation)
    }
}
