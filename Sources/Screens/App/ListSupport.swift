import Domain
import TerminalUI

/// What the list screens share: moving the selection by the visible page, and showing a row whole.
extension KeyedScreen {
    /// The routing of a list screen once no modal is open: keys that move the selection, then the keymap.
    func listAction(for key: Key, _ ctx: AppContext, move: (Key) -> Action) -> Action? {
        key.movesSelection ? move(key) : keymap(ctx).action(for: key)
    }
}

/// The keys every list shares: moving, and reading the selected row whole (Ctrl-V), bound to a screen's actions.
@MainActor
enum ListKeys {
    static func move<A: Sendable>(_ action: A, _ ctx: AppContext) -> KeyBinding<A> {
        KeyBinding(keys: [.up, .down, .pageUp, .pageDown, .home, .end], action: action, help: ctx.strings[.helpTableMove])
    }

    static func viewWhole<A: Sendable>(_ action: A, _ ctx: AppContext) -> KeyBinding<A> {
        .ctrl(.viewWhole, action: action, help: ctx.strings[.helpViewWhole])
    }
}

extension TextViewer {
    /// A table row shown whole: each column's title beside its value, long values wrapped.
    static func row(title: String, columns: [TableColumn], cells: [String]) -> TextViewer {
        TextViewer.fields(title: title, zip(columns, cells).filter { !$0.0.title.isEmpty || !$0.1.isEmpty }.map {
            (label: $0.0.title, value: $0.1)
        })
    }
}

/// The pane under a list that tells more about the selected row: "label: value" lines that wrap. What does not fit
/// ends with a line saying that Ctrl-V shows it whole.
@MainActor
enum DetailPane {
    static func lines(_ rows: [(label: String, value: String)], width: Int) -> [String] {
        rows.flatMap { row in
            DisplayWidth.wrap(row.label.isEmpty ? row.value : labelled(row.label) + " " + row.value, width: max(10, width))
        }
    }

    /// "Địa chỉ:": a label ends in one colon, whether or not the catalog wrote it.
    static func labelled(_ label: String) -> String { label.hasSuffix(":") ? label : label + ":" }

    /// Draws `lines` in `rect`; the first in `firstStyle` when given.
    static func draw(_ lines: [String], into buffer: inout ScreenBuffer, rect: Rect, _ ctx: AppContext,
                     firstStyle: Style? = nil, styles: [Style?] = []) {
        guard rect.height > 0 else { return }
        let fits = lines.count <= rect.height
        let shown = fits ? lines : Array(lines.prefix(rect.height - 1))
        for (i, line) in shown.enumerated() {
            let style = (i < styles.count ? styles[i] : nil) ?? (i == 0 ? firstStyle : nil) ?? ctx.theme.normal
            buffer.write(line, x: rect.x, y: rect.y + i, style: style, maxWidth: rect.width)
        }
        if !fits {
            buffer.write(ctx.strings[.detailMore], x: rect.x, y: rect.y + rect.height - 1, style: ctx.theme.dim,
                         maxWidth: rect.width)
        }
    }
}

extension KeyedScreen {
    /// Asks for the date a screen is checked as of; `answer` gets the text. Called again with `problem` when the
    /// text does not read as a date, the typed text stays for correcting.
    mutating func askCheckDate(_ text: String, problem: String? = nil, _ ctx: AppContext, answer: Reply<Action>) {
        let s = ctx.strings
        var dialog = PromptDialog(title: s[.checkDateTitle], label: s[.checkDateLabel], text: text, maxLength: 10)
        if let problem { dialog = dialog.refused(problem) }
        modal = .prompt(dialog, submit: answer)
    }

    /// The date typed in the check-date prompt, or nil after asking again with the problem shown.
    mutating func readCheckDate(_ text: String, _ ctx: AppContext, answer: Reply<Action>) -> LocalDate? {
        guard let date = LocalDate(typed: text) else {
            askCheckDate(text, problem: ctx.strings[.problemDateInvalid], ctx, answer: answer)
            return nil
        }
        return date
    }
}
