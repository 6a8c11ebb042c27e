import Domain
import TerminalUI

extension KeyedScreen {
    /// Asks for the year a screen shows (evaluations, money, targets); `answer` gets the text.
    mutating func askYear(_ text: String, problem: String? = nil, _ ctx: AppContext, answer: Reply<Action>) {
        let s = ctx.strings
        var dialog = PromptDialog(title: s[.yearPromptTitle], label: s[.yearPromptLabel], text: text, maxLength: 4)
        if let problem { dialog = dialog.refused(problem) }
        modal = .prompt(dialog, submit: answer)
    }

    /// The year typed, or nil after asking again with the problem shown (the typed text stays for correcting).
    mutating func readYear(_ text: String, _ ctx: AppContext, answer: Reply<Action>) -> Int? {
        guard let year = Int(text.trimmingCharacters(in: .whitespaces)), (2000...2100).contains(year) else {
            askYear(text, problem: ctx.strings[.yearInvalid], ctx, answer: answer)
            return nil
        }
        return year
    }
}
