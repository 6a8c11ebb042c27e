import Domain
import Foundation
import Storage
import Testing
import TerminalUI
@testable import Screens

/// How hard the reliability tests push: a few seconds in `swift test`, the long runs of
/// `scripts/reliability-long.sh` with TTHTCD_RELIABILITY=long. TTHTCD_SEED replays a failure.
enum Reliability {
    static let isLong = ProcessInfo.processInfo.environment["TTHTCD_RELIABILITY"] == "long"
    static func count(short: Int, long: Int) -> Int { isLong ? long : short }
    static var seed: UInt64 {
        ProcessInfo.processInfo.environment["TTHTCD_SEED"].flatMap(UInt64.init) ?? UInt64.random(in: 1...UInt64.max / 2)
    }
}

/// SplitMix64: a tiny generator whose whole run follows from its seed.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A seeded monkey through every screen and role, and every screen drawn at every size (issue 12, finding 8).
@MainActor
@Suite(.serialized) struct ReliabilityScreenTests {
    /// Keys a person could press, weighted towards what moves between screens and what types.
    static let keys: [Key] = {
        var keys: [Key] = (1...10).map { .function($0) }
        keys += [.enter, .enter, .escape, .tab, .backTab, .up, .down, .left, .right, .pageUp, .pageDown, .home, .end,
                 .backspace, .delete, .insert, .resize]
        keys += "abcdefghijklmnopqrstuvwxyz".map { .ctrl($0) }
        keys += "1234567890".map { .alt($0) }
        keys += "aăâbcdđeêghiklmnoôơpqrstuưvxy ĂÂĐÊÔƠƯáàảãạếềểễệ0123456789,.;/-'\"".map { .char($0) }
        keys += ["\u{0}", "\u{202E}", "\u{7F}", "👨‍👩‍👧", "e\u{301}"].map { .char(Character($0)) }
        return keys
    }()

    static let roles: [Account?] = [Harness.defaultAccount] + Harness.demo.accounts.map { $0.account }

    @Test func aSeededMonkeyThroughEveryScreenKeepsTheInvariants() throws {
        let total = Reliability.count(short: 1500, long: 1_000_000)
        let seed = Reliability.seed
        var random = SeededGenerator(seed: seed)
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("tthtcd-monkey-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        let oldHome = ProcessInfo.processInfo.environment["HOME"]
        setenv("HOME", home, 1)  // an export goes here, never to the user's folder
        defer {
            if let oldHome { setenv("HOME", oldHome, 1) }
            try? FileManager.default.removeItem(atPath: home)
        }
        var pressed = 0, resizes = 0, episodes = 0
        var visited = Set<String>()
        print("monkey: seed \(seed) (TTHTCD_SEED=\(seed) replays this run)")
        while pressed < total {
            // Each episode starts on another screen, as another person, then goes where the keys take it.
            let role = Self.roles[episodes % Self.roles.count]
            let h = try Harness(.demo, account: role)
            for key in Self.screens[episodes % Self.screens.count].2 { h.press(key) }
            for _ in 0..<min(600, total - pressed) {
                let key = Self.keys[Int(random.next() % UInt64(Self.keys.count))]
                if key == .resize {
                    h.size = Size(width: Int(random.next() % 200) + 1, height: Int(random.next() % 60) + 1)
                    resizes += 1
                } else if random.next() % 50 == 0 {
                    h.size = .minimum
                }
                h.press(key)
                pressed += 1
                guard h.app.isRunning, let top = h.app.stack.last else { break }
                visited.insert(String(describing: type(of: top)))
                if !Self.invariantsHold(h, seed: seed, pressed: pressed) { return }
                // Signing in again costs a password hash per try: a new episode starts instead.
                if top is SignInScreen { break }
            }
            let report = try h.database.auditReport()
            #expect(report.chain.isIntact && report.findings.isEmpty,
                    "seed \(seed): a write left no audit entry: \(report.findings.prefix(3))")
            episodes += 1
        }
        print("monkey: seed \(seed), \(pressed) keys, \(resizes) resizes, \(episodes) episodes, \(visited.count) screens")
        #expect(visited.count >= 10, "seed \(seed): the monkey got stuck; it reached only \(visited.sorted())")
    }

    /// What must hold after every key: a frame of the window's size, not blank, the cursor inside it.
    static func invariantsHold(_ h: Harness, seed: UInt64, pressed: Int) -> Bool {
        let (buffer, cursor) = h.app.render(size: h.size)
        var ok = buffer.size == h.size
        if let cursor { ok = ok && cursor.x >= 0 && cursor.y >= 0 && cursor.x < h.size.width && cursor.y < h.size.height }
        // Something is drawn: a screen, a pop-up over it, or the request for a bigger window.
        ok = ok && buffer.lines.contains { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        if !ok {
            Issue.record("seed \(seed), key \(pressed): a broken frame at \(h.size.width)x\(h.size.height):\n\(buffer.text)")
        }
        return ok
    }

    /// Every screen the interface has, reached from the roster by keys.
    static let screens: [(String, Account?, [Key])] = {
        func typed(_ text: String) -> [Key] { text.map { .char($0) } }
        return [
            ("roster", Harness.defaultAccount, []),
            ("help", Harness.defaultAccount, [.function(1)]),
            ("new centre", Harness.defaultAccount, [.function(2)] + typed("Trung tâm thử")),
            ("discard question", Harness.defaultAccount, [.function(2)] + typed("Trung tâm thử") + [.ctrl("c")]),
            ("centre", Harness.defaultAccount, [.enter]),
            ("board", Harness.defaultAccount, [.function(7)]),
            ("trainings", Harness.defaultAccount, [.function(7), .function(6)]),
            ("compliance", Harness.defaultAccount, [.ctrl("k")]),
            ("history", Harness.defaultAccount, [.ctrl("y")]),
            ("menu", Harness.defaultAccount, [.function(9)]),
            ("settings", Harness.defaultAccount, [.ctrl("t")]),
            ("accounts", Harness.defaultAccount, [.function(9)] + typed("tai khoan") + [.enter]),
            ("audit", Harness.defaultAccount, [.function(9)] + typed("nhat ky") + [.enter]),
            ("password", Harness.defaultAccount, [.function(9)] + typed("doi mat") + [.enter]),
            ("campaigns", Harness.defaultAccount, [.function(3)] + typed("nghia son") + [.enter, .ctrl("e")]),
            ("keyed entry", Harness.defaultAccount, [.function(3)] + typed("nghia son") + [.enter, .ctrl("e"), .function(5)]),
            ("forms", Harness.defaultAccount, [.function(3)] + typed("nghia son") + [.enter, .ctrl("e"), .function(6)]),
            ("needs", Harness.defaultAccount, [.function(3)] + typed("nghia son") + [.enter, .ctrl("e"), .function(7)]),
            ("import", Harness.defaultAccount, [.function(3)] + typed("nghia son") + [.enter, .ctrl("e"), .function(8)]),
            ("plans", Harness.defaultAccount, [.ctrl("p")]),
            ("plan", Harness.defaultAccount, [.ctrl("p"), .enter]),
            ("inbox", Harness.defaultAccount, [.ctrl("w")]),
            ("sign-in", nil, []),
        ]
    }()

    @Test func everyScreenDrawsAtEverySizeFrom1x1To200x60() throws {
        var sizes: [Size] = []
        if Reliability.isLong {
            for width in 1...200 { for height in 1...60 { sizes.append(Size(width: width, height: height)) } }
        } else {
            // Widths across the range at the usual height, heights at the usual width, the corners and a few between.
            sizes = stride(from: 1, through: 200, by: 3).map { Size(width: $0, height: 24) }
                + stride(from: 1, through: 60, by: 2).map { Size(width: 80, height: $0) }
            sizes += [(1, 1), (2, 1), (1, 2), (79, 23), (81, 25), (200, 60), (200, 1), (1, 60), (120, 40)]
                .map { Size(width: $0.0, height: $0.1) }
        }
        var drawn = 0
        for (name, account, keys) in Self.screens {
            let h = try Harness(.demo, account: account)
            h.press(.resize)
            for key in keys { h.press(key) }
            let before = h.screen
            for size in sizes {
                h.size = size
                h.press(.resize)
                guard Self.invariantsHold(h, seed: 0, pressed: drawn) else {
                    Issue.record("\(name) at \(size.width)x\(size.height)")
                    return
                }
                drawn += 1
            }
            h.size = .minimum
            h.press(.resize)
            #expect(h.screen == before, "\(name): a resize sweep changed what the screen shows")
        }
        print("resize sweep: \(Self.screens.count) screens, \(drawn) frames")
    }
}
