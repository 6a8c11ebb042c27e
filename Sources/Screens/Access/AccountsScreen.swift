import Domain
import Storage
import TerminalUI

/// The administrator's list of accounts: who may sign in, with which roles.
struct AccountsScreen: KeyedScreen {
    enum Action: Sendable, Equatable { case move(Key), add, edit, close }

    private(set) var accounts: [Account] = []
    var table = TableState()

    init(ctx: AppContext) { reload(ctx) }

    mutating func reload(_ ctx: AppContext) {
        accounts = (try? ctx.database.accounts()) ?? []
        table.setRowCount(accounts.count)
    }

    mutating func centresChanged(select: String?, _ ctx: AppContext) { reload(ctx) }

    func title(_ ctx: AppContext) -> String { ctx.strings[.accountsTitle] }

    func keymap(_ ctx: AppContext) -> Keymap<Action> {
        let s = ctx.strings
        return Keymap([
            .function(2, ctrl: "n", also: [.insert], action: .add, label: s[.keyAdd], help: s[.helpAccountsAdd]),
            .function(4, also: [.enter], action: .edit, label: s[.keyEdit], help: s[.helpAccountsEdit]),
            .function(10, also: [.escape], action: .close, label: s[.keyClose], help: s[.helpBoardClose]),
            KeyBinding(keys: [.up, .down, .pageUp, .pageDown], action: .move(.down), help: s[.helpTableMove]),
        ])
    }

    func action(for key: Key, _ ctx: AppContext) -> Action? {
        return listAction(for: key, ctx, move: Action.move)
    }

    mutating func update(_ action: Action, _ ctx: AppContext) -> [AppCommand] {
        switch action {
        case .move(let key): _ = table.handle(key, pageSize: 10)
        case .add: return [.push(AccountFormScreen(ctx: ctx, account: nil))]
        case .edit:
            guard accounts.indices.contains(table.selected) else { return [] }
            return [.push(AccountFormScreen(ctx: ctx, account: accounts[table.selected]))]
        case .close: return [.pop]
        }
        return []
    }

    mutating func render(into buffer: inout ScreenBuffer, area: Rect, _ ctx: AppContext) -> Point? {
        let s = ctx.strings
        let rows = accounts
        let now = ctx.clock.now
        table.render(into: &buffer, rect: Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1),
                     columns: [TableColumn(s[.fieldUsername], width: 12), TableColumn(s[.fieldFullName], width: 22),
                               TableColumn(s[.columnRoles]), TableColumn(s[.columnAccountState], width: 12)],
                     sortColumn: nil, ascending: true, theme: ctx.theme,
                     cells: { row in
                         let a = rows[row]
                         let state = !a.active ? s[.accountInactive]
                             : (a.lockedUntil.map { $0 > now } == true ? s[.accountLocked] : s[.accountActive])
                         return [a.username, a.fullName, a.roles.sorted().map { s.name($0) }.joined(separator: ", "), state]
                     },
                     rowStyle: { row in rows[row].active ? nil : ctx.theme.dim })
        return nil
    }
}

/// Adding or changing an account: name, roles, active flag, and a new password when one is typed.
struct AccountFormScreen: FormScreen {
    enum Action: Sendable, Equatable, FormAction { case formKey(Key), save, cancel }

    let original: Account?
    var form: Form

    init(ctx: AppContext, account: Account?) {
        original = account
        let s = ctx.strings
        var fields: [FormField] = [FormField(id: "sec.person", label: s[.sectionAccount], control: .section)]
        if let account {
            fields.append(FormField(id: "username", label: s[.fieldUsername], control: .readOnly(account.username)))
        } else {
            fields.append(FormField(id: "username", label: s[.fieldUsername], control: .text(TextField(maxLength: 32)),
                                    help: s[.helpFieldUsername]))
        }
        fields.append(FormField(id: "fullName", label: s[.fieldFullName],
                                control: .text(TextField(account?.fullName ?? "", maxLength: 120)), help: s[.helpFieldFullName]))
        fields.append(FormField(id: "active", label: s[.fieldActive], control: .checkbox(account?.active ?? true),
                                help: s[.helpFieldActive]))
        fields.append(FormField(id: "sec.roles", label: s[.sectionRoles], control: .section))
        for role in Role.allCases {
            fields.append(FormField(id: "role." + role.rawValue, label: s.name(role),
                                    control: .checkbox(account?.roles.contains(role) ?? false), help: s[.helpFieldRoles]))
        }
        fields.append(FormField(id: "sec.password", label: s[account == nil ? .sectionPassword : .sectionResetPassword],
                                control: .section))
        fields.append(FormField(id: "password", label: s[.fieldNewPassword],
                                control: .text(TextField(maxLength: 128, secure: true)),
                                help: s(.helpFieldNewPassword, SignInPolicy.minimumPasswordLength)))
        fields.append(FormField(id: "confirm", label: s[.fieldPasswordAgain],
                                control: .text(TextField(maxLength: 128, secure: true)), help: s[.helpFieldPasswordAgain]))
        form = Form(fields: fields, labelWidth: 26)
    }

    func title(_ ctx: AppContext) -> String {
        original.map { ctx.strings(.accountEditTitle, $0.username) } ?? ctx.strings[.accountAddTitle]
    }

    func keymap(_ ctx: AppContext) -> Keymap<Action> {
        Keymap([
            .saveForm(.save, ctx),
            .closeForm(.cancel, ctx),
        ])
    }

    mutating func update(_ action: Action, _ ctx: AppContext) -> [AppCommand] {
        let s = ctx.strings
        switch action {
        case .formKey(let key): _ = form.handle(key)
        case .cancel: return [.close]
        case .save:
            let roles = Set(Role.allCases.filter { form.isChecked("role." + $0.rawValue) })
            guard !roles.isEmpty else { return [.message(StatusMessage(s[.accountNeedsRole], kind: .error))] }
            let password = form.text("password")
            if original == nil || !password.isEmpty {
                let username = original?.username ?? form.text("username")
                if let problem = SignInPolicy.check(newPassword: password, confirmation: form.text("confirm"),
                                                    username: username) {
                    form.focus(on: problem == .mismatch ? "confirm" : "password")
                    return [.message(StatusMessage(s.describe(problem), kind: .error))]
                }
            }
            do {
                if let original {
                    var changed = original
                    changed.fullName = form.text("fullName")
                    changed.roles = roles
                    changed.active = form.isChecked("active")
                    try ctx.database.updateAccount(changed, by: ctx.actor, at: ctx.clock.now)
                    if !password.isEmpty {
                        try ctx.database.resetPassword(username: original.username, to: password, by: ctx.actor,
                                                       at: ctx.clock.now)
                    }
                } else {
                    try ctx.database.createAccount(
                        Account(username: form.text("username"), fullName: form.text("fullName"), roles: roles,
                                active: form.isChecked("active")),
                        password: password, by: ctx.actor, at: ctx.clock.now)
                }
                return [.pop, .centresChanged(select: nil), .message(StatusMessage(s[.accountSaved]))]
            } catch {
                return [.message(StatusMessage(s.saveFailure(error), kind: .error))]
            }
        }
        return []
    }
}
