import Domain
import Storage
import TerminalUI

/// A person changes their own password, giving the old one first.
struct ChangePasswordScreen: FormScreen, Equatable {
    enum Action: Sendable, Equatable, FormAction { case formKey(Key), save, cancel }

    enum Field: Hashable, Sendable { case intro, old, new, confirm }

    struct Draft {
        var old = ""
        var new = ""
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
            make.section(.intro, s(.changePasswordIntro, ctx.actor.username)),
            make.text(.old, s[.fieldOldPassword], help: s[.helpFieldPassword], \.old, max: 128, secure: true),
            make.text(.new, s[.fieldNewPassword], help: s(.helpFieldNewPassword, SignInPolicy.minimumPasswordLength),
                      \.new, max: 128, secure: true),
            make.text(.confirm, s[.fieldPasswordAgain], help: s[.helpFieldPasswordAgain], \.confirm, max: 128, secure: true),
        ])
        form = fields.form(Draft())
    }

    func title(_ ctx: AppContext) -> String { ctx.strings[.changePasswordTitle] }

    func keymap(_ ctx: AppContext) -> Keymap<Action> {
        Keymap([.saveForm(.save, ctx, help: .helpChangePassword), .closeForm(.cancel, ctx)])
    }

    mutating func update(_ action: Action, _ ctx: AppContext) -> [AppCommand] {
        let s = ctx.strings
        switch action {
        case .formKey(let key): _ = form.handle(key)
        case .cancel: return [.close]
        case .save:
            let (draft, _) = fields.read(form, into: Draft())
            do {
                try ctx.database.changeOwnPassword(ctx.actor, old: draft.old, new: draft.new, confirmation: draft.confirm,
                                                   at: ctx.clock.now)
                return [.pop, .changed(.accounts), .message(StatusMessage(s[.passwordChanged]))]
            } catch {
                return reject((error as? AccountError) == .wrongPassword ? .old : .new, s.saveFailure(error))
            }
        }
        return []
    }
}
