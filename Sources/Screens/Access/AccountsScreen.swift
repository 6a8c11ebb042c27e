import Domain
import Storage
import TerminalUI

/// The administrator's list of accounts: who may sign in, with which roles.
struct AccountsScreen: KeyedScreen, Equatable {
    enum Action: Sendable, Equatable { case move(Key), add, edit, viewWhole, close }

    private(set) var accounts: [Account] = []
    var table = TableState()
    var modal: Modal<Action>?
    var viewport = Rect.standardArea

    init(ctx: AppContext) { reload(ctx) }

    mutating func reload(_ ctx: AppContext) {
        accounts = (try? ctx.database.accounts()) ?? []
        table.setRowCount(accounts.count)
    }

    mutating func changed(_ change: Change, _ ctx: AppContext) {
        if change == .accounts { reload(ctx) }
    }

    func title(_ ctx: AppContext) -> String { ctx.strings[.accountsTitle] }

    func keymap(_ ctx: AppContext) -> Keymap<Action> {
        let s = ctx.strings
        return Keymap([
            .function(2, also: [.insert], shortcut: .add, action: .add, label: s[.keyAdd], help: s[.helpAccountsAdd]),
            .function(4, also: [.enter], action: .edit, label: s[.keyEdit], help: s[.helpAccountsEdit]),
            .function(10, also: [.escape], action: .close, label: s[.keyClose], help: s[.helpBoardClose]),
            ListKeys.viewWhole(.viewWhole, ctx),
            ListKeys.move(.move(.down), ctx),
        ])
    }

    func action(for key: Key, _ ctx: AppContext) -> Action? { listAction(for: key, ctx, move: Action.move) }

    func tableRect(in area: Rect) -> Rect { Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1) }

    var selected: Account? { accounts.indices.contains(table.selected) ? accounts[table.selected] : nil }

    mutating func update(_ action: Action, _ ctx: AppContext) -> [AppCommand] {
        switch action {
        case .move(let key): _ = table.handle(key, pageSize: Self.pageSize(of: tableRect(in: viewport)))
        case .add: return [.open(.accountForm(username: nil))]
        case .edit:
            guard let account = selected else { return [] }
            return [.open(.accountForm(username: account.username))]
        case .viewWhole:
            guard let account = selected else { return [] }
            view(.row(title: account.username, columns: columns(ctx.strings), cells: cells(account, ctx)))
        case .close: return [.pop]
        }
        return []
    }

    func columns(_ s: Strings) -> [TableColumn] {
        [TableColumn(s[.fieldUsername], width: 10), TableColumn(s[.fieldFullName], width: 18),
         TableColumn(s[.columnRoles]), TableColumn(s[.columnScope], width: 18), TableColumn(s[.columnAccountState], width: 10)]
    }

    func cells(_ a: Account, _ ctx: AppContext) -> [String] {
        let s = ctx.strings
        let state = !a.active ? s[.accountInactive]
            : (a.lockedUntil.map { $0 > ctx.clock.now } == true ? s[.accountLocked] : s[.accountActive])
        return [a.username, a.fullName, a.roles.sorted().map { s.name($0) }.joined(separator: ", "), ctx.scopeName(a.scope),
                state]
    }

    mutating func render(into buffer: inout ScreenBuffer, area: Rect, _ ctx: AppContext) -> Point? {
        let rows = accounts
        let me = self
        table.render(into: &buffer, rect: tableRect(in: area), columns: me.columns(ctx.strings), sortColumn: nil,
                     ascending: true, theme: ctx.theme,
                     cells: { row in me.cells(rows[row], ctx) },
                     rowStyle: { row in rows[row].active ? nil : ctx.theme.dim })
        return nil
    }
}

/// Adding or changing an account: name, roles, active flag, and a new password when one is typed.
struct AccountFormScreen: FormScreen, Equatable {
    enum Action: Sendable, Equatable, FormAction { case formKey(Key), save, cancel }

    enum Field: Hashable, Sendable {
        case sectionPerson, username, fullName, active, sectionRoles, role(Role), scope, sectionPassword, password, confirm
    }

    /// What the form edits: the account and the password typed twice.
    struct Draft {
        var account: Account
        var password = ""
        var confirm = ""
    }

    let original: Account?
    let fields: FormBindings<Draft, Field>
    var form: Form<Field>
    var modal: Modal<Action>?
    var viewport = Rect.standardArea

    init(ctx: AppContext, account: Account?) {
        original = account
        fields = Self.bindings(ctx, existing: account)
        form = fields.form(Draft(account: account ?? Account(username: "", fullName: "", roles: [])))
    }

    @MainActor
    static func bindings(_ ctx: AppContext, existing: Account?) -> FormBindings<Draft, Field> {
        let s = ctx.strings
        let make = FieldMaker<Draft, Field>(ctx)
        var list = [make.section(.sectionPerson, s[.sectionAccount])]
        if let existing {
            list.append(make.readOnly(.username, s[.fieldUsername], existing.username))
        } else {
            list.append(make.text(.username, s[.fieldUsername], help: s[.helpFieldUsername], \.account.username, max: 32))
        }
        list += [
            make.text(.fullName, s[.fieldFullName], help: s[.helpFieldFullName], \.account.fullName, max: 120),
            make.flag(.active, s[.fieldActive], help: s[.helpFieldActive], \.account.active),
            make.section(.sectionRoles, s[.sectionRoles]),
        ]
        for role in Role.allCases {
            list.append(FieldBinding(spec: FieldSpec(.role(role), label: s.name(role), help: s[.helpFieldRoles], kind: .checkbox),
                                     read: { .flag($0.account.roles.contains(role)) },
                                     write: { draft, value in
                                         if case .flag(let on) = value {
                                             if on { draft.account.roles.insert(role) } else { draft.account.roles.remove(role) }
                                         }
                                         return nil
                                     }))
        }
        // Where the roles apply: the whole office, a commune or one centre, picked from the office's own.
        list.append(FieldBinding(spec: FieldSpec(.scope, label: s[.fieldScope], help: s[.helpFieldScope],
                                                 kind: .choice(ctx.scopeChoices(current: existing?.scope ?? .office))),
                                 read: { .choice(ScopeChoice.id($0.account.scope)) },
                                 write: { draft, value in
                                     if case .choice(let picked) = value, let scope = ScopeChoice.scope(picked) {
                                         draft.account.scope = scope
                                     }
                                     return nil
                                 }))
        list += [
            make.section(.sectionPassword, s[existing == nil ? .sectionPassword : .sectionResetPassword]),
            make.text(.password, s[.fieldNewPassword], help: s(.helpFieldNewPassword, SignInPolicy.minimumPasswordLength),
                      \.password, max: 128, secure: true),
            make.text(.confirm, s[.fieldPasswordAgain], help: s[.helpFieldPasswordAgain], \.confirm, max: 128, secure: true),
        ]
        return FormBindings(list)
    }

    func title(_ ctx: AppContext) -> String {
        original.map { ctx.strings(.accountEditTitle, $0.username) } ?? ctx.strings[.accountAddTitle]
    }

    func keymap(_ ctx: AppContext) -> Keymap<Action> {
        Keymap([.saveForm(.save, ctx), .closeForm(.cancel, ctx)])
    }

    mutating func update(_ action: Action, _ ctx: AppContext) -> [AppCommand] {
        let s = ctx.strings
        switch action {
        case .formKey(let key): _ = form.handle(key)
        case .cancel: return [.close]
        case .save:
            form.clearMessages()
            let base = Draft(account: original ?? Account(username: "", fullName: "", roles: []))
            let (draft, _) = fields.read(form, into: base)
            guard !draft.account.roles.isEmpty else { return reject(.role(Role.allCases[0]), s[.accountNeedsRole]) }
            if original == nil || !draft.password.isEmpty {
                if let problem = SignInPolicy.check(newPassword: draft.password, confirmation: draft.confirm,
                                                    username: draft.account.username) {
                    return reject(problem == .mismatch ? .confirm : .password, s.describe(problem))
                }
            }
            do {
                if let original {
                    try ctx.database.updateAccount(draft.account, by: ctx.actor, at: ctx.clock.now)
                    if !draft.password.isEmpty {
                        try ctx.database.resetPassword(username: original.username, to: draft.password, by: ctx.actor,
                                                       at: ctx.clock.now)
                    }
                } else {
                    try ctx.database.createAccount(draft.account, password: draft.password, by: ctx.actor, at: ctx.clock.now)
                }
                return [.pop, .changed(.accounts), .message(StatusMessage(s[.accountSaved]))]
            } catch {
                return [.message(StatusMessage(s.saveFailure(error), kind: .error))]
            }
        }
        return []
    }
}
