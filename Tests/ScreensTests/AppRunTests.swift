import Domain
import Foundation
import Testing
import TerminalUI
@testable import Screens

/// The program's own loop (`App.run`) on the in-memory terminal: keys in, frames out, as ncurses would see it.
@MainActor
@Suite struct AppRunTests {
    @Test func theLoopDrawsFramesAndQuitsWhenAskedAndAnswered() throws {
        let h = try Harness(.demo)
        let keys: [Key] = [.function(3)] + "nghia son".map { Key.char($0) } + [.enter, .ctrl("p")]
        let terminal = TestTerminal(size: .minimum, keys: keys)
        h.app.run(on: terminal)
        #expect(!h.app.isRunning)
        #expect(terminal.ranDry, "the loop ended on the terminal's own quit, after the keys")
        let frame = try #require(terminal.lastFrame)
        #expect(frame.line(0).contains(h.context.strings(.plansTitle, "TT13918")), "Ctrl-P opened the centre's plans")
        #expect(frame.text.contains(h.context.strings[.quitQuestion]), "the last frame asked before quitting")
        #expect(terminal.frameCount >= 3)
        #expect(h.app.stack.last is PlansScreen)
    }

    @Test func aResizeReachesTheScreensAndPagesFollowIt() throws {
        let h = try Harness(.demo)
        h.size = Size(width: 80, height: 24)
        h.press(.ctrl("k"))
        let small = try #require(h.app.stack.last as? ComplianceScreen)
        #expect(small.viewport == Rect(x: 0, y: 1, width: 80, height: 21))
        h.size = Size(width: 100, height: 40)
        h.press(.resize)
        let large = try #require(h.app.stack.last as? ComplianceScreen)
        #expect(large.viewport == Rect(x: 0, y: 1, width: 100, height: 37))
        h.press(.pageDown)
        let page = ComplianceScreen.pageSize(of: large.tableRect(in: large.viewport))
        #expect((h.app.stack.last as? ComplianceScreen)?.table.selected == min(page, large.shown.count - 1),
                "PgDn moves by the rows the window shows")
    }
}
