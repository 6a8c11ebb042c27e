import Domain
import Foundation
import TerminalUI

/// The root of the interface: a stack of screens opened from routes, the title bar, the message line, the F-key
/// bar, and the app's own pop-ups (help, the menu, the quit and discard questions). It turns keys into screen
/// actions and screens into frames, tells screens their size and what changed, and owns the Ctrl-key table.
@MainActor
public final class App {
    /// The answers the app's own pop-ups send.
    enum AppAction: Equatable, Sendable {
        case quitConfirmed, signOutConfirmed, discardConfirmed
        case menuPicked(String)
    }

    let ctx: AppContext
    var stack: [any ScreenHost] = []
    var modal: Modal<AppAction>?
    var message: StatusMessage?
    /// The idle lock: the screen hidden, the stack kept, until the same person gives the password again.
    var lock: PromptDialog?
    var lastActivity: Date
    /// The window size the screens were last told.
    private(set) var size = Size.minimum
    /// What the menu's items stand for, by item id, while it is open.
    private var menuChoices: [String: MenuChoice] = [:]
    public private(set) var isRunning = true

    enum MenuChoice { case route(Route), waitingWork, signOut, quit }

    public init(context: AppContext) {
        ctx = context
        lastActivity = context.clock.now
        let hasAccounts = (try? context.database.hasAccounts()) ?? true
        open(hasAccounts ? .signIn(username: "") : .createAdmin)
    }

    /// Starts already signed in (tests, and the demo's trainer switching roles).
    public init(context: AppContext, signedIn account: Account) {
        ctx = context
        lastActivity = context.clock.now
        context.account = account
        open(SignInScreen.home(context))
    }

    var strings: Strings { ctx.strings }

    /// The screen area for a window of `size`: below the title bar, above the message line and the key bar.
    static func area(for size: Size) -> Rect { Rect(x: 0, y: 1, width: size.width, height: size.height - 3) }

    /// How often the frame is redrawn while a screen's work runs on its own thread (an import): often
    /// enough for the figures to move, rarely enough to leave the cores to the work.
    static let workFrameMilliseconds = 100

    /// Reads keys and draws frames until the user quits. Keys that arrive together (a paste, fast typing)
    /// are all handled before the next frame is drawn. While the top screen has work under way, the wait for
    /// a key is short, and the screen takes in the work's progress before each frame.
    public func run(on terminal: any Terminal) {
        ctx.theme = terminal.supportsColour ? .colour : .monochrome
        draw(on: terminal)
        while isRunning && !terminal.stopRequested {
            let busy = stack.last?.hasPendingWork == true
            let key = terminal.nextKey(timeoutMilliseconds: busy ? Self.workFrameMilliseconds : 1000)
            if let key {
                handle(key, size: terminal.size)
                while isRunning, let more = terminal.nextKey(timeoutMilliseconds: 0) { handle(more, size: terminal.size) }
            }
            if isRunning, stack.last?.hasPendingWork == true { runPendingWork() }
            if key != nil || busy || lockIfIdle(), isRunning { draw(on: terminal) }
        }
        stopPendingWork()
        BackupJob.stopAll()
    }

    /// Stops the work of every screen and waits for it, before the data file is closed.
    func stopPendingWork() {
        for index in stack.indices { stack[index].stopPendingWork() }
    }

    func draw(on terminal: any Terminal) {
        let (buffer, cursor) = render(size: terminal.size)
        terminal.draw(buffer, cursor: cursor)
    }

    /// Tells every screen its area when the window size changed: the size reaches screens as an event.
    private func noteSize(_ newSize: Size) {
        guard newSize != size else { return }
        size = newSize
        let area = Self.area(for: newSize)
        for index in stack.indices { stack[index].resized(to: area) }
    }

    // MARK: Keys

    public func handle(_ key: Key, size newSize: Size = .minimum) {
        noteSize(newSize)
        if key == .resize { return }
        lastActivity = ctx.clock.now
        if !newSize.isAtLeast(.minimum) {
            // Too small to show anything: only quitting works (F10 does nothing here; the frame says so).
            if CtrlKey.meaning(of: key) == .quit { requestQuit() }
            return
        }
        if var open = modal {
            switch open.handle(key) {
            case .open: modal = open
            case .closed: modal = nil
            case .send(let action):
                modal = nil
                answer(action)
            }
            return
        }
        if lock != nil {
            handleLocked(key)
            return
        }
        if key == .function(1) || key == .alt("1") || CtrlKey.meaning(of: key) == .help {
            openHelp()
            return
        }
        if CtrlKey.meaning(of: key) == .quit {
            requestQuit()
            return
        }
        message = nil
        if stack.last?.hasModal != true, ctx.account != nil, let meaning = CtrlKey.meaning(of: key) {
            switch meaning {
            case .signOut:
                requestSignOut()
                return
            case .goTo:
                openMenu()
                return
            default:
                if let route = Route.forShortcut(meaning, centreID: currentCentreID) {
                    open(route)
                    return
                }
            }
        }
        guard var top = stack.popLast() else { return }
        let commands = top.handle(key: key, ctx)
        stack.append(top)
        apply(commands)
    }

    /// The centre the person is looking at: that of the topmost screen that is about one.
    var currentCentreID: Int64? { stack.reversed().lazy.compactMap(\.currentCentreID).first }

    private func answer(_ action: AppAction) {
        switch action {
        case .quitConfirmed: isRunning = false
        case .signOutConfirmed: signOut()
        case .discardConfirmed: if stack.count > 1 { stack.removeLast() }
        case .menuPicked(let id):
            switch menuChoices[id] {
            case .route(let route)?: open(route)
            case .waitingWork?: showWaitingWork(evenIfNone: true)
            case .signOut?: requestSignOut()
            case .quit?: requestQuit()
            case nil: break
            }
            menuChoices = [:]
        }
    }

    func apply(_ commands: [AppCommand]) {
        for command in commands {
            switch command {
            case .open(let route): open(route)
            case .replace(let route):
                guard let screen = make(route) else { continue }
                stack.removeLast()
                push(screen)
            case .pop:
                if stack.count > 1 { stack.removeLast() } else { isRunning = false }
            case .close:
                if stack.last?.hasUnsavedChanges == true {
                    ask(strings[.discardTitle], strings[.discardQuestion], yes: .discardConfirmed)
                } else {
                    apply([.pop])
                }
            case .quit: requestQuit()
            case .signOut: requestSignOut()
            case .showMenu: openMenu()
            case .showWaitingWork: showWaitingWork(evenIfNone: false)
            case .message(let text): message = text
            case .changed(let change):
                if change == .settings { ctx.office = (try? ctx.database.officeSettings()) ?? ctx.office }
                for index in stack.indices { stack[index].changed(change, ctx) }
            }
        }
    }

    /// Opens a route on top, if the person may and its records are still there; otherwise says why.
    func open(_ route: Route) {
        guard let screen = make(route) else { return }
        push(screen)
    }

    private func push(_ screen: any ScreenHost) {
        var screen = screen
        screen.resized(to: Self.area(for: size))
        stack.append(screen)
    }

    private func make(_ route: Route) -> (any ScreenHost)? {
        if ctx.account == nil && !route.isOpenBeforeSignIn { return nil }
        if let permission = route.permission, !ctx.can(permission) {
            message = StatusMessage(strings[.routeNotAllowed], kind: .error)
            return nil
        }
        do {
            return try route.make(ctx)
        } catch is Route.RecordGone {
            message = StatusMessage(strings[.storageRecordGone], kind: .error)
        } catch is Route.QuestionnaireMissing {
            message = StatusMessage(strings(.cliResourceMissing, "survey/questionnaire-v1.json"), kind: .error)
        } catch {
            message = StatusMessage(strings.readFailure(error), kind: .error)
        }
        return nil
    }

    private func ask(_ title: String, _ question: String, yes: AppAction, defaultYes: Bool = false) {
        modal = .confirm(ConfirmDialog(title: title, message: question, yes: strings[.yes], no: strings[.no],
                                       defaultYes: defaultYes), yes: yes)
    }

    /// Quitting always asks first; the question says when something typed would be lost. With everything saved,
    /// Enter answers the question the person asked (yes, quit); with something unsaved, Enter keeps it.
    func requestQuit() {
        let unsaved = stack.contains(where: \.hasUnsavedChanges)
        ask(strings[.quitTitle], strings[unsaved ? .quitUnsavedQuestion : .quitQuestion], yes: .quitConfirmed,
            defaultYes: !unsaved)
    }

    /// Signs out (to switch user) at once when nothing is unsaved; otherwise asks first.
    func requestSignOut() {
        if stack.contains(where: \.hasUnsavedChanges) {
            ask(strings[.signOutTitle], strings[.signOutUnsavedQuestion], yes: .signOutConfirmed)
        } else {
            signOut()
        }
    }

    func signOut() {
        let previous = ctx.account?.username ?? ""
        stopPendingWork()
        ctx.account = nil
        lock = nil
        modal = nil
        stack = []
        open(.signIn(username: ""))
        message = StatusMessage(strings(.signedOut, previous))
    }

    /// Lets the top screen do one slice of its background work (keys still come first).
    public func runPendingWork() {
        guard var top = stack.popLast() else { return }
        let commands = top.tick(ctx)
        stack.append(top)
        apply(commands)
    }

    // MARK: The menu

    /// Every screen the person may open from here, by group, with its Ctrl letter; typing narrows the list.
    func openMenu() {
        guard ctx.account != nil else { return }
        var items: [ChoiceItem] = []
        menuChoices = [:]
        let routes = Route.menu(centreID: currentCentreID).filter { route in
            route.permission.map(ctx.can) ?? true
        }
        for group in Route.MenuGroup.allCases {
            for route in routes where route.menuEntry?.group == group {
                guard let entry = route.menuEntry else { continue }
                let id = String(items.count)
                menuChoices[id] = .route(route)
                items.append(ChoiceItem(id: id, label: menuLabel(group, strings[entry.title], route.shortcut),
                                        ownName: strings[entry.title]))
            }
        }
        for (choice, key, shortcut) in [(MenuChoice.waitingWork, StringKey.menuWaiting, CtrlKey?.none),
                                         (.signOut, .menuSignOut, .signOut), (.quit, .menuQuit, .quit)] {
            let id = String(items.count)
            menuChoices[id] = choice
            items.append(ChoiceItem(id: id, label: menuLabel(.system, strings[key], shortcut)))
        }
        modal = .picker(PickerDialog(title: strings[.menuTitle], items: items), pick: Reply(AppAction.menuPicked))
    }

    /// Opens the list of what waits for the person; says so when nothing does, if they asked.
    func showWaitingWork(evenIfNone: Bool) {
        let items = WaitingWork.items(ctx)
        guard !items.isEmpty else {
            if evenIfNone { message = StatusMessage(strings[.waitingNone]) }
            return
        }
        let (picker, routes) = WaitingWork.picker(items, ctx)
        menuChoices = routes.mapValues { MenuChoice.route($0) }
        modal = .picker(picker, pick: Reply(AppAction.menuPicked))
    }

    private func menuLabel(_ group: Route.MenuGroup, _ title: String, _ shortcut: CtrlKey?) -> String {
        let groupName = strings.name(group)
        return groupName + " › " + title + (shortcut.map { "  (" + Key.ctrl($0.letters[0]).label + ")" } ?? "")
    }

    // MARK: Idle lock

    /// Locks the screen when the signed-in person has not touched a key for the configured minutes.
    /// Returns whether it just locked.
    func lockIfIdle() -> Bool {
        guard ctx.account != nil, lock == nil else { return false }
        let minutes = (try? ctx.database.idleLockMinutes()) ?? 10
        guard ctx.clock.now.timeIntervalSince(lastActivity) >= Double(minutes * 60) else { return false }
        lock = PromptDialog(title: strings[.lockTitle], label: strings(.lockLabel, ctx.account?.fullName ?? ""),
                            maxLength: 128, secure: true)
        if case .viewer? = modal { modal = nil }
        return true
    }

    private func handleLocked(_ key: Key) {
        guard var prompt = lock, let account = ctx.account else { return }
        if CtrlKey.meaning(of: key) == .signOut {
            requestSignOut()
            return
        }
        switch prompt.handle(key) {
        case .editing, .cancelled:
            lock = prompt
        case .submitted(let password):
            do {
                switch try ctx.database.signIn(username: account.username, password: password, at: ctx.clock.now) {
                case .signedIn(let fresh):
                    ctx.account = fresh
                    lock = nil
                    message = StatusMessage(strings[.unlocked])
                case .refused(let refusal):
                    lock = prompt.refused(strings.describe(refusal), keepText: false)
                }
            } catch {
                lock = prompt.refused(strings.saveFailure(error), keepText: false)
            }
        }
    }

    /// The help of the screen on top, then the keys that work everywhere.
    func openHelp() {
        guard let top = stack.last else { return }
        var entries = top.helpEntries(ctx)
        entries.append(("", ""))
        entries.append((Key.function(1).label + " · Alt-1 · Ctrl-G", strings[.helpKeyHelp]))
        entries.append(("Ctrl-C · Ctrl-Q", strings[.helpKeyCtrlC]))
        if ctx.account != nil {
            entries.append(("Ctrl-X", strings[.helpKeyCtrlX]))
            entries.append(("Ctrl-O", strings[.helpKeyGoTo]))
            for route in Route.menu(centreID: currentCentreID) {
                guard let shortcut = route.shortcut, let entry = route.menuEntry, route.permission.map(ctx.can) ?? true
                else { continue }
                entries.append((Key.ctrl(shortcut.letters[0]).label, strings(.helpKeyRoute, strings[entry.title])))
            }
        }
        modal = .viewer(TextViewer.help(title: strings(.helpTitle, top.title(ctx)), entries))
    }

    /// What the message line says now: the latest message, else the top screen's hint.
    var statusLine: StatusMessage? { message ?? stack.last?.statusHint(ctx) }

    // MARK: Drawing

    /// The whole frame at `size`, and where the cursor goes.
    public func render(size newSize: Size) -> (ScreenBuffer, Point?) {
        noteSize(newSize)
        var buffer = ScreenBuffer(size: newSize)
        let theme = ctx.theme
        guard newSize.isAtLeast(.minimum) else {
            renderTooSmall(into: &buffer)
            return (buffer, nil)
        }
        let area = Self.area(for: newSize)
        if var prompt = lock {
            renderTitle(into: &buffer, title: strings[.lockTitle])
            let cursor = prompt.render(into: &buffer, area: area, theme: theme, footer: strings[.lockFooter])
            lock = prompt
            KeyBar.render(into: &buffer, row: newSize.height - 1, width: newSize.width, labels: [:], theme: theme)
            return (buffer, renderModal(into: &buffer, area: Rect(size: newSize)) ?? (modal == nil ? cursor : nil))
        }
        guard var top = stack.popLast() else { return (buffer, nil) }
        renderTitle(into: &buffer, title: top.title(ctx))
        var cursor = top.draw(into: &buffer, area: area, ctx)
        let hint = message ?? top.statusHint(ctx)
        (hint ?? StatusMessage("")).render(into: &buffer, row: newSize.height - 2, width: newSize.width, theme: theme)
        // While a pop-up is open only its keys work: the bar shows no F-key of the screen (F10 does nothing).
        var labels = top.hasModal || modal != nil ? [:] : top.keyBar(ctx)
        labels[1] = strings[.keyHelp]
        stack.append(top)
        KeyBar.render(into: &buffer, row: newSize.height - 1, width: newSize.width, labels: labels, theme: theme)
        if modal != nil { cursor = renderModal(into: &buffer, area: Rect(size: newSize)) }
        return (buffer, cursor)
    }

    private func renderModal(into buffer: inout ScreenBuffer, area: Rect) -> Point? {
        guard var open = modal else { return nil }
        let cursor = open.render(into: &buffer, area: area, theme: ctx.theme, labels: ctx.modalLabels)
        modal = open
        return cursor
    }

    private func renderTitle(into buffer: inout ScreenBuffer, title: String) {
        let width = buffer.size.width
        buffer.fill(Rect(x: 0, y: 0, width: width, height: 1), style: ctx.theme.titleBar)
        let user = ctx.account?.username ?? ""
        var used = 0
        if ctx.isDemo {
            let banner = " " + strings[.demoBanner] + " "
            used = DisplayWidth.of(banner)
            buffer.write(banner, x: width - used, y: 0, style: ctx.theme.banner)
        }
        // A title that names a centre already says "TTHTCĐ": the program's name would only push it off the bar.
        let left = title.contains(strings[.appShortName]) ? " " + title : " " + strings[.appShortName] + " · " + title
        let leftWidth = buffer.write(left, x: 0, y: 0, style: ctx.theme.titleBar, maxWidth: width - used - 1)
        // Who and where, whole: the office's name goes first when both do not fit, never half a word.
        let room = width - used - leftWidth - 3
        let choices = [[user, ctx.officeName], [user]].map { $0.filter { !$0.isEmpty }.joined(separator: " · ") }
        if let right = choices.first(where: { !$0.isEmpty && DisplayWidth.of($0) <= room }) {
            buffer.write(right, x: width - used - DisplayWidth.of(right) - 1, y: 0, style: ctx.theme.titleBar)
        }
    }

    /// Only the message and the one key that works (Ctrl-C, quit): F10 and the screen's keys do nothing here.
    private func renderTooSmall(into buffer: inout ScreenBuffer) {
        let lines = DisplayWidth.wrap(strings(.windowTooSmall, Size.minimum.width, Size.minimum.height,
                                              buffer.size.width, buffer.size.height) + " " + strings[.tooSmallKeys],
                                      width: max(1, buffer.size.width))
        let top = max(0, (buffer.size.height - lines.count) / 2)
        for (i, line) in lines.enumerated() {
            let x = max(0, (buffer.size.width - DisplayWidth.of(line)) / 2)
            buffer.write(line, x: x, y: top + i, style: ctx.theme.warning)
        }
    }
}
