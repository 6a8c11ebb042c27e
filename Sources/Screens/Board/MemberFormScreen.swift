import Domain
import Storage
import TerminalUI

/// Adding, editing or ending the term of one appointment (a board member or an assigned teacher).
/// Ending a term only sets its end date: the person stays on the board's record as a former member.
struct MemberFormScreen: FormScreen {
    enum Action: Sendable, Equatable, FormAction {
        case formKey(Key), save, cancel
    }

    enum Purpose: Equatable { case add, edit, endTerm }

    var form: Form
    let original: BoardMember
    let centre: Centre
    let purpose: Purpose
    private(set) var dirty = false

    init(ctx: AppContext, centre: Centre, member: BoardMember?, purpose: Purpose) {
        var base = member ?? BoardMember(centreID: centre.id ?? 0, termStart: ctx.clock.today)
        if member == nil, let commune = centre.communeCode.flatMap({ ctx.units.unit(code: $0) }) {
            // "UBND xã Nghĩa Lâm": the unit's name with its type word in lower case.
            base.decision.issuer = ctx.strings(.defaultCommuneIssuer, commune.name.prefix(1).lowercased() + commune.name.dropFirst())
        }
        if purpose == .endTerm && base.termEnd == nil { base.termEnd = ctx.clock.today }
        original = base
        self.centre = centre
        self.purpose = purpose
        form = Form(fields: MemberFormFields.build(base, ctx: ctx))
        if purpose == .endTerm {
            form.focus(on: "termEnd")
            dirty = true
        }
    }

    var hasUnsavedChanges: Bool { dirty }

    func title(_ ctx: AppContext) -> String {
        switch purpose {
        case .add: return ctx.strings(.memberAddTitle, centre.code)
        case .edit: return ctx.strings(.memberEditTitle, original.fullName)
        case .endTerm: return ctx.strings(.memberEndTitle, original.fullName)
        }
    }

    func keymap(_ ctx: AppContext) -> Keymap<Action> {
        let close = KeyBinding<Action>.closeForm(.cancel, ctx)
        guard ctx.can(.editBoards) else { return Keymap([close]) }
        return Keymap([.saveForm(.save, ctx), close])
    }

    mutating func update(_ action: Action, _ ctx: AppContext) -> [AppCommand] {
        switch action {
        case .formKey(let key):
            switch form.handle(key) {
            case .left(let id):
                showIssues(in: id, ctx)
                if let field = form[id], let message = field.message {
                    return [.message(StatusMessage(field.label + ": " + message, kind: .error))]
                }
            case .changed:
                dirty = true
            default: break
            }
        case .save:
            return save(ctx)
        case .cancel:
            return [.close]
        }
        return []
    }

    func issues(_ ctx: AppContext) -> (BoardMember, [MemberIssue]) {
        let (draft, parsed) = MemberFormFields.read(form, base: original)
        let parsedFields = Set(parsed.map(\.field))
        return (draft, parsed + MemberValidator.validate(draft, today: ctx.clock.today).filter {
            !parsedFields.contains($0.field)
        })
    }

    private mutating func showIssues(in id: String, _ ctx: AppContext) {
        let issue = issues(ctx).1.first { MemberFormFields.id(for: $0.field) == id }
        form.setMessage(issue.map { ctx.strings.describe($0.problem) }, for: id)
    }

    private mutating func save(_ ctx: AppContext) -> [AppCommand] {
        let s = ctx.strings
        let (draft, all) = issues(ctx)
        form.clearMessages()
        for issue in all {
            form.setMessage(s.describe(issue.problem), for: MemberFormFields.id(for: issue.field))
        }
        if let first = all.first {
            let id = MemberFormFields.id(for: first.field)
            form.focus(on: id)
            var text = (form[id]?.label ?? "") + ": " + s.describe(first.problem)
            if all.count > 1 { text += " " + s(.moreProblems, all.count - 1) }
            return [.message(StatusMessage(text, kind: .error))]
        }
        do {
            let saved = try ctx.database.saveBoardMember(draft, by: ctx.actor, at: ctx.clock.now)
            dirty = false
            let message = purpose == .endTerm ? s(.memberTermEnded, saved.fullName) : s(.memberSaved, saved.fullName)
            return [.pop, .centresChanged(select: centre.code), .message(StatusMessage(message))]
        } catch {
            return [.message(StatusMessage(s.saveFailure(error), kind: .error))]
        }
    }

}
