import Domain
import TerminalUI

/// What a screen asks of the app after handling a key.
enum AppCommand {
    case push(any ScreenHost)
    /// Close the top screen.
    case pop
    /// Close the top screen, asking first if something typed in it would be lost (Esc, F10 in a form).
    case close
    /// Close the top screen and open another in its place.
    case replace(any ScreenHost)
    case quit
    /// Sign out, so that someone else can sign in.
    case signOut
    case message(StatusMessage)
    /// Centres changed: screens below reload, selecting `select` (a centre code) when given.
    case centresChanged(select: String?)
}

/// A screen as the root app drives it. Screens are values: state, an `Action` enum, `update` and `view`;
/// `handle(key:)` maps a key to an action through the screen's keymap, then runs `update`.
@MainActor
protocol ScreenHost {
    func title(_ ctx: AppContext) -> String
    /// Labels of the F-key bar, by number.
    func keyBar(_ ctx: AppContext) -> [Int: String]
    /// Help overlay lines: keys and what they do, then anything about the current field.
    func helpEntries(_ ctx: AppContext) -> [(keys: String, help: String)]
    mutating func handle(key: Key, _ ctx: AppContext) -> [AppCommand]
    /// Draws into `area` (between the title bar and the message line); returns the cursor, if any.
    mutating func render(into buffer: inout ScreenBuffer, area: Rect, _ ctx: AppContext) -> Point?
    /// A hint for the message line when the app has nothing newer to say.
    func statusHint(_ ctx: AppContext) -> StatusMessage?
    /// True while something typed would be lost by closing the screen.
    var hasUnsavedChanges: Bool { get }
    mutating func centresChanged(select: String?, _ ctx: AppContext)
    /// True while the screen has work to do between keys (an import under way).
    var hasPendingWork: Bool { get }
    /// Does a slice of that work; the app draws a frame after each slice, so progress shows.
    mutating func tick(_ ctx: AppContext) -> [AppCommand]
}

extension ScreenHost {
    func statusHint(_ ctx: AppContext) -> StatusMessage? { nil }
    var hasUnsavedChanges: Bool { false }
    mutating func centresChanged(select: String?, _ ctx: AppContext) {}
    var hasPendingWork: Bool { false }
    mutating func tick(_ ctx: AppContext) -> [AppCommand] { [] }
}

/// The Elm-style half of a screen: a keymap over its actions, and `update`.
@MainActor
protocol KeyedScreen: ScreenHost {
    associatedtype Action: Sendable
    func keymap(_ ctx: AppContext) -> Keymap<Action>
    /// The action for a key: normally the keymap's, or typing into the focused widget. A screen with a modal
    /// (dialog, pop-up, search line) open sends every key to it instead.
    func action(for key: Key, _ ctx: AppContext) -> Action?
    mutating func update(_ action: Action, _ ctx: AppContext) -> [AppCommand]
}

extension KeyedScreen {
    func keyBar(_ ctx: AppContext) -> [Int: String] { keymap(ctx).barLabels }

    func helpEntries(_ ctx: AppContext) -> [(keys: String, help: String)] { keymap(ctx).helpLines }

    mutating func handle(key: Key, _ ctx: AppContext) -> [AppCommand] {
        guard let action = action(for: key, ctx) else { return [] }
        return update(action, ctx)
    }

    /// The routing of a list screen once its dialogs are closed: keys that move the selection, then the keymap.
    func listAction(for key: Key, _ ctx: AppContext, move: (Key) -> Action) -> Action? {
        key.movesSelection ? move(key) : keymap(ctx).action(for: key)
    }
}
