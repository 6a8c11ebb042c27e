import Domain
import Testing
import TerminalUI
@testable import Screens

/// Screen tests in the manner of The Composable Architecture: send an action, state how the whole state changes
/// and which commands come back. Any other change, or any other command, fails the test.
@MainActor
final class ScreenStore<S: KeyedScreen & Equatable> {
    private(set) var screen: S
    let ctx: AppContext

    init(_ screen: S, _ ctx: AppContext) {
        self.screen = screen
        self.ctx = ctx
    }

    /// Sends `action` to `update`; `change` edits a copy of the state before it into the state expected after (it runs
    /// once the action is done, so it can read what the data file holds then).
    func send(_ action: S.Action, commands expected: [AppCommand] = [], sourceLocation: SourceLocation = #_sourceLocation,
              _ change: (inout S) throws -> Void = { _ in }) rethrows {
        var wanted = screen
        let commands = screen.update(action, ctx)
        try change(&wanted)
        #expect(screen == wanted, "state after \(action) differs from the one stated", sourceLocation: sourceLocation)
        #expect(commands == expected, sourceLocation: sourceLocation)
    }

    /// A key through the screen's own routing (its modal first), with the same checks.
    func press(_ key: Key, commands expected: [AppCommand] = [], sourceLocation: SourceLocation = #_sourceLocation,
               _ change: (inout S) throws -> Void = { _ in }) rethrows {
        var wanted = screen
        let commands = screen.handle(key: key, ctx)
        try change(&wanted)
        #expect(screen == wanted, "state after \(key) differs from the one stated", sourceLocation: sourceLocation)
        #expect(commands == expected, sourceLocation: sourceLocation)
    }
}
