import Domain
import Storage
import TerminalUI

/// The sign-in screen at start. In the demo it lists one account per role with its password, so a trainer
/// can show what each role sees.
struct SignInScreen: FormScreen {
    enum Action: Sendable, Equatable, FormAction { case formKey(Key), signIn, quit }

    var form: Form

    init(ctx: AppContext, username: String = "") {
        let s = ctx.strings
        form = Form(fields: [
            FormField(id: "intro", label: s[.signInIntro], control: .section),
            FormField(id: "username", label: s[.fieldUsername], control: .text(TextField(username, maxLength: 32)),
                      help: s[.helpFieldUsername]),
            FormField(id: "password", label: s[.fieldPassword], control: .text(TextField(maxLength: 128, secure: true)),
                      help: s[.helpFieldPassword]),
        ], labelWidth: 20)
        if !username.isEmpty { form.focus(on: "password") }
    }

    func title(_ ctx: AppContext) -> String { ctx.strings[.signInTitle] }

    func keymap(_ ctx: AppContext) -> Keymap<Action> {
        let s = ctx.strings
        return Keymap([
            .function(2, ctrl: "s", action: .signIn, label: s[.keySignIn], help: s[.helpSignIn]),
            .function(10, ctrl: "q", action: .quit, label: s[.keyQuit], help: s[.helpRosterQuit]),
        ])
    }

    func action(for key: Key, _ ctx: AppContext) -> Action? {
        if key == .enter && form.focusedField?.id == "password" { return .signIn }
        return formAction(for: key, ctx)
    }

    mutating func update(_ action: Action, _ ctx: AppContext) -> [AppCommand] {
        let s = ctx.strings
        switch action {
        case .formKey(let key): _ = form.handle(key)
        case .quit: return [.quit]
        case .signIn:
            let username = form.text("username")
            do {
                switch try ctx.database.signIn(username: username, password: form.text("password"), at: ctx.clock.now) {
                case .signedIn(let account):
                    ctx.account = account
                    return [.replace(Self.home(ctx)), .message(StatusMessage(s(.signInWelcome, account.fullName)))]
                case .refused(let refusal):
                    form.setText("password", to: "")
                    form.focus(on: "password")
                    return [.message(StatusMessage(s.describe(refusal), kind: .error))]
                }
            } catch {
                return [.message(StatusMessage(s.saveFailure(error), kind: .error))]
            }
        }
        return []
    }

    /// Where a person starts: the office settings on a new file (for whoever may set them), else the roster.
    static func home(_ ctx: AppContext) -> any ScreenHost {
        if ctx.office == nil && ctx.can(.changeSettings) { return OfficeSettingsScreen(ctx: ctx, firstRun: true) }
        return RosterScreen(ctx: ctx)
    }

    mutating func render(into buffer: inout ScreenBuffer, area: Rect, _ ctx: AppContext) -> Point? {
        let s = ctx.strings
        let cursor = renderForm(&form, into: &buffer, area: Rect(x: area.x, y: area.y, width: area.width, height: 4), ctx)
        guard !ctx.demoAccounts.isEmpty else { return cursor }
        var y = area.y + 6
        buffer.write(s[.demoAccountsTitle], x: area.x + 2, y: y, style: ctx.theme.section)
        y += 1
        for demo in ctx.demoAccounts {
            let roles = demo.roles.map { s.name($0) }.joined(separator: ", ")
            let line = DisplayWidth.pad(demo.username, to: 12) + DisplayWidth.pad(demo.password, to: 10) + roles
            buffer.write(line, x: area.x + 4, y: y, style: ctx.theme.normal, maxWidth: area.width - 6)
            y += 1
        }
        return cursor
    }
}

/// The very first run on a new data file: create the administrator, who then sets up the office.
struct CreateAdminScreen: FormScreen {
    enum Action: Sendable, Equatable, FormAction { case formKey(Key), create, quit }

    var form: Form

    init(ctx: AppContext) {
        let s = ctx.strings
        form = Form(fields: [
            FormField(id: "intro", label: s[.createAdminIntro], control: .section),
            FormField(id: "username", label: s[.fieldUsername], control: .text(TextField("quantri", maxLength: 32)),
                      help: s[.helpFieldUsername]),
            FormField(id: "fullName", label: s[.fieldFullName], control: .text(TextField(maxLength: 120)),
                      help: s[.helpFieldFullName]),
            FormField(id: "password", label: s[.fieldPassword], control: .text(TextField(maxLength: 128, secure: true)),
                      help: s(.helpFieldNewPassword, SignInPolicy.minimumPasswordLength)),
            FormField(id: "confirm", label: s[.fieldPasswordAgain], control: .text(TextField(maxLength: 128, secure: true)),
                      help: s[.helpFieldPasswordAgain]),
        ], labelWidth: 24)
    }

    var hasUnsavedChanges: Bool { !form.text("password").isEmpty }

    func title(_ ctx: AppContext) -> String { ctx.strings[.createAdminTitle] }

    func keymap(_ ctx: AppContext) -> Keymap<Action> {
        let s = ctx.strings
        return Keymap([
            .function(2, ctrl: "s", action: .create, label: s[.keySave], help: s[.helpCreateAdmin]),
            .function(10, ctrl: "q", action: .quit, label: s[.keyQuit], help: s[.helpSettingsQuit]),
        ])
    }

    mutating func update(_ action: Action, _ ctx: AppContext) -> [AppCommand] {
        let s = ctx.strings
        switch action {
        case .formKey(let key): _ = form.handle(key)
        case .quit: return [.quit]
        case .create:
            form.clearMessages()
            let username = form.text("username").lowercased()
            guard Account.isValidUsername(username) else { return rejectField(&form, "username", s[.accountInvalidUsername]) }
            guard !form.text("fullName").cleanedInput.isEmpty else { return rejectField(&form, "fullName", s[.problemRequired]) }
            if let problem = SignInPolicy.check(newPassword: form.text("password"), confirmation: form.text("confirm"),
                                                username: username) {
                return rejectField(&form, problem == .mismatch ? "confirm" : "password", s.describe(problem))
            }
            do {
                let account = try ctx.database.createAccount(
                    // The one who sets the office up usually enters its data too; roles can be split later.
                    Account(username: username, fullName: form.text("fullName"), roles: [.administrator, .dataClerk]),
                    password: form.text("password"), by: .system, at: ctx.clock.now)
                ctx.account = account
                return [.replace(SignInScreen.home(ctx)), .message(StatusMessage(s(.accountCreated, account.username)))]
            } catch {
                return [.message(StatusMessage(s.saveFailure(error), kind: .error))]
            }
        }
        return []
    }
}
