import TerminalUI

/// What each Ctrl letter means, once for the whole program: a letter never means one thing on one screen and
/// another elsewhere. Screens keep the F-keys (and Alt-digit) for their own actions; a screen may offer one of these
/// letters only with this meaning. The app itself handles help, quit, sign-out, go-to and the routes' letters.
enum CtrlKey: String, CaseIterable, Sendable {
    case help, quit, signOut, goTo
    case save, add, find, filter, reverseSort, draftFromSurvey, history, viewWhole, clearField
    case board, surveys, plans, inbox, compliance, settings
    /// "In / Xuất": documents and workbooks from what the screen shows.
    case printExport

    /// The letters that mean this. Ctrl-H, I, J and M are Backspace, Tab and Enter in a terminal, and Ctrl-S and Q
    /// reach the program only because it runs the terminal raw.
    var letters: [Character] {
        switch self {
        case .help: return ["g"]
        case .quit: return ["c", "q"]
        case .signOut: return ["x"]
        case .goTo: return ["o"]
        case .save: return ["s"]
        case .add: return ["n"]
        case .find: return ["f"]
        case .filter: return ["l"]
        case .reverseSort: return ["r"]
        case .draftFromSurvey: return ["d"]
        case .history: return ["y"]
        case .viewWhole: return ["v"]
        case .clearField: return ["u"]
        case .board: return ["b"]
        case .surveys: return ["e"]
        case .plans: return ["p"]
        case .inbox: return ["w"]
        case .compliance: return ["k"]
        case .settings: return ["t"]
        case .printExport: return ["a"]
        }
    }

    var keys: [Key] { letters.map { .ctrl($0) } }

    /// The meaning a key has program-wide, if it is a Ctrl letter of the table.
    static func meaning(of key: Key) -> CtrlKey? {
        guard case .ctrl(let letter) = key else { return nil }
        return allCases.first { $0.letters.contains(letter) }
    }
}

extension KeyBinding {
    /// An F-key binding with its Alt-digit alternative and the Ctrl letter that means the same program-wide.
    static func function(_ number: Int, also: [Key] = [], shortcut: CtrlKey, action: Action, label: String,
                         help: String) -> KeyBinding {
        .function(number, also: shortcut.keys + also, action: action, label: label, help: help, meaning: shortcut.rawValue)
    }

    /// A Ctrl letter alone (no F-key), with its program-wide meaning.
    static func ctrl(_ shortcut: CtrlKey, also: [Key] = [], action: Action, help: String) -> KeyBinding {
        KeyBinding(keys: shortcut.keys + also, action: action, help: help, meaning: shortcut.rawValue)
    }
}
