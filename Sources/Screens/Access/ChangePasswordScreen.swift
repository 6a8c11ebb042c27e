import Domain
import Storage
import TerminalUI

/// A person changes their own password, giving the old one first.
struct ChangePasswordScreen: FormScreen {
    enum Action: Sendable, Equatable, FormAction { case formKey(Key), save, cancel }

    var form: Form

    init(ctx: AppContext) {
        let s = ctx.strings
        form = Form(fields: [
            FormField(id: "intro", label: s(.changePasswordIntro, ctx.actor.username), control: .section),
            FormField(id: "old", label: s[.fieldOldPassword], control: .text(TextField(maxLength: 128, secure: true)),
                      help: s[.helpFieldPassword]),
            FormField(id: "new", label: s[.fieldNewPassword], control: .text(TextField(maxLength: 128, secure: true)),
                      help: s(.helpFieldNewPassword, SignInPolicy.minimumPasswordLength)),
            FormField(id: "confirm", label: s[.fieldPasswordAgain], control: .text(TextField(maxLength: 128, secure: true)),
                      help: s[.helpFieldPasswordAgain]),
        ], labelWidth: 24)
    }

    func title(_ ctx: AppContext) -> String { ctx.strings[.changePasswordTitle] }

    func keymap(_ ctx: AppContext) -> Keymap<Action> {
        Keymap([
            .saveForm(.save, ctx, help: .helpChangePassword),
            .closeForm(.cancel, ctx),
        ])
    }

    mutating func update(_ action: Action, _ ctx: AppContext) -> [AppCommand] {
        let s = ctx.strings
        switch action {
        case .formKey(let key): _ = form.handle(key)
        case .cancel: return [.close]
        case .save:
            do {
                try ctx.database.changeOwnPassword(ctx.actor, old: form.text("old"), new: form.text("new"),
                                                   confirmation: form.text("confirm"), at: ctx.clock.now)
                return [.pop, .message(StatusMessage(s[.passwordChanged]))]
            } catch {
                let field = (error as? AccountError) == .wrongPassword ? "old" : "new"
                form.focus(on: field)
                return [.message(StatusMessage(s.saveFailure(error), kind: .error))]
            }
        }
        return []
    }
}
