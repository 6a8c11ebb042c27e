import Domain
import Foundation
import TerminalUI

/// The root of the interface: a stack of screens, the title bar, the message line, the F-key bar, the help
/// overlay and the quit question. It turns keys into screen actions and screens into frames.
@MainActor
public final class App {
    let ctx: AppContext
    var stack: [any ScreenHost]
    var help: TextOverlay?
    var quitDialog: ConfirmDialog?
    /// What the open quit question is about.
    var exitKind = ExitKind.quit
    var message: StatusMessage?
    /// The idle lock: the screen hidden, the stack kept, until the same person gives the password again.
    var lock: PromptDialog?
    var lastActivity: Date
    public private(set) var isRunning = true

    enum ExitKind { case quit, signOut, closeScreen }

    public init(context: AppContext) {
        ctx = context
        lastActivity = context.clock.now
        let hasAccounts = (try? context.database.hasAccounts()) ?? true
        stack = [hasAccounts ? SignInScreen(ctx: context) : CreateAdminScreen(ctx: context)]
    }

    /// Starts already signed in (tests, and the demo's trainer switching roles).
    public init(context: AppContext, signedIn account: Account) {
        ctx = context
        lastActivity = context.clock.now
        context.account = account
        stack = [SignInScreen.home(context)]
    }

    var strings: Strings { ctx.strings }

    /// Reads keys and draws frames until the user quits. Keys that arrive together (a paste, fast typing)
    /// are all handled before the next frame is drawn.
    public func run(on terminal: any Terminal) {
        ctx.theme = terminal.supportsColour ? .colour : .monochrome
        draw(on: terminal)
        while isRunning && !terminal.stopRequested {
            let busy = stack.last?.hasPendingWork == true
            guard let key = terminal.nextKey(timeoutMilliseconds: busy ? 0 : 1000) else {
                if busy {
                    runPendingWork()
                    draw(on: terminal)
                } else if lockIfIdle() {
                    draw(on: terminal)
                }
                continue
            }
            handle(key, size: terminal.size)
            while isRunning, let more = terminal.nextKey(timeoutMilliseconds: 0) { handle(more, size: terminal.size) }
            if isRunning { draw(on: terminal) }
        }
    }

    func draw(on terminal: any Terminal) {
        let (buffer, cursor) = render(size: terminal.size)
        terminal.draw(buffer, cursor: cursor)
    }

    // MARK: Keys

    public func handle(_ key: Key, size: Size = .minimum) {
        if key == .resize { return }
        lastActivity = ctx.clock.now
        if !size.isAtLeast(.minimum) {
            if key == .ctrl("c") || key == .function(10) { requestQuit() }
            return
        }
        if var dialog = quitDialog {
            switch dialog.handle(key) {
            case .confirmed:
                quitDialog = nil
                switch exitKind {
                case .quit: isRunning = false
                case .signOut: signOut()
                case .closeScreen: apply([.pop])
                }
            case .cancelled: quitDialog = nil
            case .pending: quitDialog = dialog
            }
            return
        }
        if lock != nil {
            handleLocked(key)
            return
        }
        if var overlay = help {
            if !overlay.handle(key, pageSize: size.height - 6) { help = nil } else { help = overlay }
            return
        }
        switch key {
        case .function(1), .alt("1"), .ctrl("g"):
            openHelp(size: size)
            return
        case .ctrl("c"):
            requestQuit()
            return
        case .ctrl("x") where ctx.account != nil:
            requestSignOut()
            return
        default: break
        }
        message = nil
        guard var top = stack.popLast() else { return }
        let commands = top.handle(key: key, ctx)
        stack.append(top)
        apply(commands)
    }

    func apply(_ commands: [AppCommand]) {
        for command in commands {
            switch command {
            case .push(let screen): stack.append(screen)
            case .pop:
                if stack.count > 1 { stack.removeLast() } else { isRunning = false }
            case .close:
                if stack.last?.hasUnsavedChanges == true {
                    exitKind = .closeScreen
                    quitDialog = ConfirmDialog(title: strings[.discardTitle], message: strings[.discardQuestion],
                                               yes: strings[.yes], no: strings[.no])
                } else {
                    apply([.pop])
                }
            case .replace(let screen):
                stack.removeLast()
                stack.append(screen)
            case .quit: requestQuit()
            case .signOut: requestSignOut()
            case .message(let text): message = text
            case .centresChanged(let code):
                for index in stack.indices { stack[index].centresChanged(select: code, ctx) }
            }
        }
    }

    /// Quits at once when nothing is unsaved; otherwise asks first.
    func requestQuit() {
        if stack.contains(where: \.hasUnsavedChanges) {
            exitKind = .quit
            quitDialog = ConfirmDialog(title: strings[.quitTitle], message: strings[.quitUnsavedQuestion],
                                       yes: strings[.yes], no: strings[.no])
        } else {
            isRunning = false
        }
    }

    /// Signs out (to switch user) at once when nothing is unsaved; otherwise asks first.
    func requestSignOut() {
        if stack.contains(where: \.hasUnsavedChanges) {
            exitKind = .signOut
            quitDialog = ConfirmDialog(title: strings[.signOutTitle], message: strings[.signOutUnsavedQuestion],
                                       yes: strings[.yes], no: strings[.no])
        } else {
            signOut()
        }
    }

    func signOut() {
        let previous = ctx.account?.username ?? ""
        ctx.account = nil
        lock = nil
        help = nil
        stack = [SignInScreen(ctx: ctx)]
        message = StatusMessage(strings(.signedOut, previous))
    }

    /// Lets the top screen do one slice of its background work (keys still come first).
    public func runPendingWork() {
        guard var top = stack.popLast() else { return }
        let commands = top.tick(ctx)
        stack.append(top)
        apply(commands)
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
        help = nil
        return true
    }

    private func handleLocked(_ key: Key) {
        guard var prompt = lock, let account = ctx.account else { return }
        if key == .ctrl("x") || key == .ctrl("c") {
            key == .ctrl("c") ? requestQuit() : requestSignOut()
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
                    prompt.field.setText("")
                    prompt.message = strings.describe(refusal)
                    lock = prompt
                }
            } catch {
                prompt.message = strings.saveFailure(error)
                lock = prompt
            }
        }
    }

    func openHelp(size: Size) {
        guard let top = stack.last else { return }
        let width = min(size.width - 4, 76)
        var entries = top.helpEntries(ctx)
        entries.append((Key.function(1).label + " · Alt-1 · Ctrl-G", strings[.helpKeyHelp]))
        entries.append(("Ctrl-C", strings[.helpKeyCtrlC]))
        entries.append(("Ctrl-X", strings[.helpKeyCtrlX]))
        help = TextOverlay(title: strings(.helpTitle, top.title(ctx)),
                           lines: TextOverlay.helpLines(entries, width: width - 4))
    }

    // MARK: Drawing

    /// The whole frame at `size`, and where the cursor goes.
    public func render(size: Size) -> (ScreenBuffer, Point?) {
        var buffer = ScreenBuffer(size: size)
        let theme = ctx.theme
        guard size.isAtLeast(.minimum) else {
            renderTooSmall(into: &buffer)
            return (buffer, nil)
        }
        if var prompt = lock {
            renderTitle(into: &buffer, title: strings[.lockTitle])
            let cursor = prompt.render(into: &buffer, area: Rect(x: 0, y: 1, width: size.width, height: size.height - 3),
                                       theme: theme, footer: strings[.lockFooter])
            lock = prompt
            KeyBar.render(into: &buffer, row: size.height - 1, width: size.width, labels: [:], theme: theme)
            if let quitDialog { quitDialog.render(into: &buffer, area: Rect(size: size), theme: theme) }
            return (buffer, quitDialog == nil ? cursor : nil)
        }
        guard var top = stack.popLast() else { return (buffer, nil) }
        renderTitle(into: &buffer, title: top.title(ctx))
        let area = Rect(x: 0, y: 1, width: size.width, height: size.height - 3)
        var cursor = top.render(into: &buffer, area: area, ctx)
        let hint = message ?? top.statusHint(ctx)
        (hint ?? StatusMessage("")).render(into: &buffer, row: size.height - 2, width: size.width, theme: theme)
        var labels = top.keyBar(ctx)
        labels[1] = strings[.keyHelp]
        stack.append(top)
        KeyBar.render(into: &buffer, row: size.height - 1, width: size.width, labels: labels, theme: theme)
        if let help {
            let rect = Rect(size: size).centred(width: min(size.width - 4, 76), height: size.height - 2)
            help.render(into: &buffer, rect: rect, theme: theme, footer: strings[.helpFooter])
            cursor = nil
        }
        if let quitDialog {
            quitDialog.render(into: &buffer, area: Rect(size: size), theme: theme)
            cursor = nil
        }
        return (buffer, cursor)
    }

    private func renderTitle(into buffer: inout ScreenBuffer, title: String) {
        let width = buffer.size.width
        buffer.fill(Rect(x: 0, y: 0, width: width, height: 1), style: ctx.theme.titleBar)
        var right = [ctx.account?.username ?? "", ctx.officeName].filter { !$0.isEmpty }.joined(separator: " · ")
        var used = 0
        if ctx.isDemo {
            let banner = " " + strings[.demoBanner] + " "
            used = DisplayWidth.of(banner)
            buffer.write(banner, x: width - used, y: 0, style: ctx.theme.banner)
        }
        let left = " " + strings[.appShortName] + " · " + title
        let leftWidth = buffer.write(left, x: 0, y: 0, style: ctx.theme.titleBar, maxWidth: width - used - 1)
        let room = width - used - leftWidth - 3
        if room > 8 && !right.isEmpty {
            right = DisplayWidth.truncate(right, to: room)
            buffer.write(right, x: width - used - DisplayWidth.of(right) - 1, y: 0, style: ctx.theme.titleBar)
        }
    }

    private func renderTooSmall(into buffer: inout ScreenBuffer) {
        let lines = DisplayWidth.wrap(strings(.windowTooSmall, Size.minimum.width, Size.minimum.height,
                                              buffer.size.width, buffer.size.height), width: max(1, buffer.size.width))
        let top = max(0, (buffer.size.height - lines.count) / 2)
        for (i, line) in lines.enumerated() {
            let x = max(0, (buffer.size.width - DisplayWidth.of(line)) / 2)
            buffer.write(line, x: x, y: top + i, style: ctx.theme.warning)
        }
    }
}
