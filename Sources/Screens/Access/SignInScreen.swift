import Domain
import Storage
import TerminalUI

/// The sign-in screen at start. In the demo it lists one account per role with its password, so a trainer
/// can show what each role sees.
struct SignInScreen: FormScreen, Equatable {
    enum Action: Sendable, Equatable, FormAction { case formKey(Key), signIn, quit }

    enum Field: Hashable, Sendable { case intro, username, password }

    struct Draft {
        var username = ""
        var password = ""
    }

    let fields: FormBindings<Draft, Field>
    var form: Form<Field>
    var modal: Modal<Action>?
    var viewport = Rect.standardArea

    init(ctx: AppContext, username: String = "") {
        let s = ctx.strings
        let make = FieldMaker<Draft, Field>(ctx)
        fields = FormBindings([
            make.section(.intro, s[.signInIntro]),
            make.text(.username, s[.fieldUsername], help: s[.helpFieldUsername], \.username, max: 32),
            make.text(.password, s[.fieldPassword], help: s[.helpFieldPassword], \.password, max: 128, secure: true),
        ])
        form = fields.form(Draft(username: username))
        if !username.isEmpty { form.focus(on: .password) }
    }

    func title(_ ctx: AppContext) -> String { ctx.strings[.signInTitle] }

    func keymap(_ ctx: AppContext) -> Keymap<Action> {
        let s = ctx.strings
        return Keymap([
            .function(2, shortcut: .save, action: .signIn, label: s[.keySignIn], help: s[.helpSignIn]),
            .function(10, action: .quit, label: s[.keyQuit], help: s[.helpRosterQuit]),
        ])
    }

    func action(for key: Key, _ ctx: AppContext) -> Action? {
        if key == .enter && form.focusedID == .password { return .signIn }
        return formAction(for: key, ctx)
    }

    mutating func update(_ action: Action, _ ctx: AppContext) -> [AppCommand] {
        let s = ctx.strings
        switch action {
        case .formKey(let key): _ = form.handle(key)
        case .quit: return [.quit]
        case .signIn:
            let (draft, _) = fields.read(form, into: Draft())
            do {
                switch try ctx.database.signIn(username: draft.username, password: draft.password, at: ctx.clock.now) {
                case .signedIn(let account):
                    ctx.account = account
                    return [.replace(Self.home(ctx)), .message(StatusMessage(s(.signInWelcome, account.fullName))),
                            .showWaitingWork]
                case .refused(let refusal):
                    form.setText(.password, to: "")
                    form.focus(on: .password)
                    return [.message(StatusMessage(s.describe(refusal), kind: .error))]
                }
            } catch {
                return [.message(StatusMessage(s.saveFailure(error), kind: .error))]
            }
        }
        return []
    }

    /// Where a person starts: the office settings on a new file (for whoever may set them), else the roster.
    static func home(_ ctx: AppContext) -> Route {
        ctx.office == nil && ctx.can(.changeSettings) ? .settings(firstRun: true) : .roster
    }

    mutating func render(into buffer: inout ScreenBuffer, area: Rect, _ ctx: AppContext) -> Point? {
        let s = ctx.strings
        let cursor = renderForm(&form, into: &buffer, area: Rect(x: area.x, y: area.y, width: area.width, height: 4), ctx)
        guard !ctx.demoAccounts.isEmpty else { return cursor }
        var y = area.y + 6
        buffer.write(s[.demoAccountsTitle], x: area.x + 2, y: y, style: ctx.theme.section)
        y += 1
        for demo in ctx.demoAccounts where y < area.maxY {
            let roles = demo.roles.map { s.name($0) }.joined(separator: ", ")
            let line = DisplayWidth.pad(demo.username, to: 12) + DisplayWidth.pad(demo.password, to: 10) + roles
            buffer.write(line, x: area.x + 4, y: y, style: ctx.theme.normal, maxWidth: area.width - 6)
            y += 1
        }
        return cursor
    }
}

/// The very first run on a new data file: create the administrator, who then sets up the office.
struct CreateAdminScreen: FormScreen, Equatable {
    enum Action: Sendable, Equatable, FormAction { case formKey(Key), create, quit }

    enum Field: Hashable, Sendable { case intro, username, fullName, password, confirm }

    struct Draft {
        var username = "quantri"
        var fullName = ""
        var password = ""
        var confirm = ""
    }

    let fields: FormBindings<Draft, Field>
    var form: Form<Field>
    var modal: Modal<Action>?
    var viewport = Rect.standardArea

    init(ctx: AppContext) {
        let s = ctx.strings
        let make = FieldMaker<Draft, Field>(ctx)
        fields = FormBindings([
            make.section(.intro, s[.createAdminIntro]),
            make.text(.username, s[.fieldUsername], help: s[.helpFieldUsername], \.username, max: 32),
            make.text(.fullName, s[.fieldFullName], help: s[.helpFieldFullName], \.fullName, max: 120),
            make.text(.password, s[.fieldPassword], help: s(.helpFieldNewPassword, SignInPolicy.minimumPasswordLength),
                      \.password, max: 128, secure: true),
            make.text(.confirm, s[.fieldPasswordAgain], help: s[.helpFieldPasswordAgain], \.confirm, max: 128, secure: true),
        ])
        form = fields.form(Draft())
    }

    var hasUnsavedChanges: Bool { !form.text(.password).isEmpty }

    func title(_ ctx: AppContext) -> String { ctx.strings[.createAdminTitle] }

    func keymap(_ ctx: AppContext) -> Keymap<Action> {
        let s = ctx.strings
        return Keymap([
            .function(2, shortcut: .save, action: .create, label: s[.keySave], help: s[.helpCreateAdmin]),
            .function(10, action: .quit, label: s[.keyQuit], help: s[.helpSettingsQuit]),
        ])
    }

    mutating func update(_ action: Action, _ ctx: AppContext) -> [AppCommand] {
        let s = ctx.strings
        switch action {
        case .formKey(let key): _ = form.handle(key)
        case .quit: return [.quit]
        case .create:
            form.clearMessages()
            var (draft, _) = fields.read(form, into: Draft())
            draft.username = draft.username.lowercased()
            guard Account.isValidUsername(draft.username) else { return reject(.username, s[.accountInvalidUsername]) }
            guard !draft.fullName.cleanedInput.isEmpty else { return reject(.fullName, s[.problemRequired]) }
            if let problem = SignInPolicy.check(newPassword: draft.password, confirmation: draft.confirm,
                                                username: draft.username) {
                return reject(problem == .mismatch ? .confirm : .password, s.describe(problem))
            }
            do {
                let account = try ctx.database.createAccount(
                    // The one who sets the office up usually enters its data too; roles can be split later.
                    Account(username: draft.username, fullName: draft.fullName, roles: [.administrator, .dataClerk]),
                    password: draft.password, by: .system, at: ctx.clock.now)
                ctx.account = account
                return [.replace(SignInScreen.home(ctx)), .message(StatusMessage(s(.accountCreated, account.username)))]
            } catch {
                return [.message(StatusMessage(s.saveFailure(error), kind: .error))]
            }
        }
        return []
    }
}
