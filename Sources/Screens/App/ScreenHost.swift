import Domain
import TerminalUI

/// What changed in the data file, so that each open screen reloads what it shows, and only when that changed.
enum Change: Hashable, Sendable {
    /// A centre was added, edited or deleted (its code).
    case centre(code: String)
    /// The board of a centre: members, terms, trainings.
    case board(centreID: Int64)
    /// A campaign of a centre, its villages or its forms.
    case survey(centreID: Int64, campaignID: Int64)
    /// A plan of a centre: its content, a workflow step, an amendment, an outcome.
    case plan(centreID: Int64, planID: Int64)
    case accounts
    /// A centre's evaluation, its register of people who teach or its money: what its evidence is read from.
    case evaluation(centreID: Int64)
    /// The office, its rules' parameters, the idle lock.
    case settings
}

/// What a screen asks of the app after handling a key. Data, not closures: a test states the commands it expects.
enum AppCommand: Equatable, Sendable {
    /// Open a screen on top.
    case open(Route)
    /// Close the top screen and open another in its place.
    case replace(Route)
    /// Close the top screen.
    case pop
    /// Close the top screen, asking first if something typed in it would be lost (Esc, F10 in a form).
    case close
    case quit
    /// Sign out, so that someone else can sign in.
    case signOut
    /// The list of every screen the person may open (F9 on the roster, Ctrl-O anywhere).
    case showMenu
    /// What waits for the person signed in (after signing in, and from the menu).
    case showWaitingWork
    case message(StatusMessage)
    case changed(Change)
}

/// A screen as the root app drives it. Screens are values: state, an `Action` enum, `update` and a view.
@MainActor
protocol ScreenHost {
    func title(_ ctx: AppContext) -> String
    /// Labels of the F-key bar, by number.
    func keyBar(_ ctx: AppContext) -> [Int: String]
    /// Help lines: keys and what they do, then anything about the current field.
    func helpEntries(_ ctx: AppContext) -> [(keys: String, help: String)]
    /// Every key the screen binds now, with the program-wide meaning its binding declares (for Ctrl letters).
    func boundKeys(_ ctx: AppContext) -> [(key: Key, meaning: String?)]
    mutating func handle(key: Key, _ ctx: AppContext) -> [AppCommand]
    /// Draws the screen and its open modal into `area` (between the title bar and the message line); returns the
    /// cursor, if any.
    mutating func draw(into buffer: inout ScreenBuffer, area: Rect, _ ctx: AppContext) -> Point?
    /// A hint for the message line when the app has nothing newer to say.
    func statusHint(_ ctx: AppContext) -> StatusMessage?
    /// True while something typed would be lost by closing the screen.
    var hasUnsavedChanges: Bool { get }
    /// True while a modal of the screen is open: it gets every key first.
    var hasModal: Bool { get }
    /// The window changed size: `area` is what the screen now has. Pages move by what is visible.
    mutating func resized(to area: Rect)
    /// Something changed in the data file: reload what the screen shows, if it is concerned.
    mutating func changed(_ change: Change, _ ctx: AppContext)
    /// The centre the screen is about, for the keys and menu entries that open a centre's board, surveys or plans.
    var currentCentreID: Int64? { get }
    /// True while the screen has work under way between keys (an import running on its own thread).
    var hasPendingWork: Bool { get }
    /// Takes in how that work is doing (progress, or its end); the app calls it several times a second while
    /// the work is under way, and after each key, and draws a frame after it, so progress shows.
    mutating func tick(_ ctx: AppContext) -> [AppCommand]
    /// Stops that work and waits for it (the program quits, the person signs out): nothing half done is kept.
    mutating func stopPendingWork()
}

extension ScreenHost {
    func statusHint(_ ctx: AppContext) -> StatusMessage? { nil }
    var hasUnsavedChanges: Bool { false }
    mutating func changed(_ change: Change, _ ctx: AppContext) {}
    var currentCentreID: Int64? { nil }
    var hasPendingWork: Bool { false }
    mutating func tick(_ ctx: AppContext) -> [AppCommand] { [] }
    mutating func stopPendingWork() {}
}

/// The Elm-style half of a screen: a keymap over its actions, `update`, a view, and at most one modal that the
/// shared routing below feeds with keys and draws over the view.
@MainActor
protocol KeyedScreen: ScreenHost {
    associatedtype Action: Sendable & Equatable
    /// The one pop-up open over the screen, carrying the action its answer sends.
    var modal: Modal<Action>? { get set }
    /// The screen's area in the window, set by `resized(to:)`.
    var viewport: Rect { get set }
    func keymap(_ ctx: AppContext) -> Keymap<Action>
    /// The action for a key when no modal is open: normally the keymap's, or typing into the focused widget.
    func action(for key: Key, _ ctx: AppContext) -> Action?
    mutating func update(_ action: Action, _ ctx: AppContext) -> [AppCommand]
    /// Draws the screen itself (the modal is drawn over it by `draw`).
    mutating func render(into buffer: inout ScreenBuffer, area: Rect, _ ctx: AppContext) -> Point?
}

extension Rect {
    /// The screen area of an 80x24 window: below the title bar, above the message line and the key bar.
    static let standardArea = Rect(x: 0, y: 1, width: 80, height: 21)
}

extension KeyedScreen {
    func keyBar(_ ctx: AppContext) -> [Int: String] { keymap(ctx).barLabels }

    func helpEntries(_ ctx: AppContext) -> [(keys: String, help: String)] { keymap(ctx).helpLines }

    func boundKeys(_ ctx: AppContext) -> [(key: Key, meaning: String?)] {
        keymap(ctx).bindings.flatMap { binding in binding.keys.map { (key: $0, meaning: binding.meaning) } }
    }

    func action(for key: Key, _ ctx: AppContext) -> Action? { keymap(ctx).action(for: key) }

    var hasModal: Bool { modal != nil }

    mutating func resized(to area: Rect) { viewport = area }

    /// A modal gets the key first; its answer becomes an action like any other.
    mutating func handle(key: Key, _ ctx: AppContext) -> [AppCommand] {
        if var open = modal {
            switch open.handle(key) {
            case .open:
                modal = open
                return []
            case .closed:
                modal = nil
                return []
            case .send(let action):
                modal = nil
                return update(action, ctx)
            }
        }
        guard let action = action(for: key, ctx) else { return [] }
        return update(action, ctx)
    }

    mutating func draw(into buffer: inout ScreenBuffer, area: Rect, _ ctx: AppContext) -> Point? {
        let cursor = render(into: &buffer, area: area, ctx)
        guard var open = modal else { return cursor }
        let modalCursor = open.render(into: &buffer, area: area, theme: ctx.theme, labels: ctx.modalLabels)
        modal = open
        return modalCursor
    }

    /// Rows a page holds in a table drawn in `rect` (its header excluded): what PgUp and PgDn move by.
    static func pageSize(of rect: Rect) -> Int { max(1, rect.height - 1) }

    /// Opens a question whose yes sends `action`.
    mutating func confirm(_ title: String, _ message: String, yes action: Action, _ ctx: AppContext) {
        modal = .confirm(ConfirmDialog(title: title, message: message, yes: ctx.strings[.yes], no: ctx.strings[.no]),
                         yes: action)
    }

    /// Shows a text whole in the viewer.
    mutating func view(_ viewer: TextViewer) { modal = .viewer(viewer) }
}
