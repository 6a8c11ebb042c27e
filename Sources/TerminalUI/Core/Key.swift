/// A key press, normalised: the same `Key` whatever the terminal sent for it.
public enum Key: Hashable, Sendable {
    case char(Character)
    case enter, tab, backTab, backspace, delete, insert, escape
    case up, down, left, right, home, end, pageUp, pageDown
    /// F1 to F12.
    case function(Int)
    /// Ctrl and a lower-case letter.
    case ctrl(Character)
    /// Alt (or Esc then the key) and a character.
    case alt(Character)
    /// The terminal changed size.
    case resize

    /// Whether the key types a character into a text field.
    public var printable: Character? {
        if case .char(let c) = self, c.unicodeScalars.first.map({ $0.value >= 0x20 && $0.value != 0x7F }) == true {
            return c
        }
        return nil
    }

    /// How the key is written in the help overlay and the key bar: "F2", "Ctrl-S", "Alt-2", "Enter".
    public var label: String {
        switch self {
        case .char(" "): return "Space"
        case .char(let c): return String(c)
        case .enter: return "Enter"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .backspace: return "Backspace"
        case .delete: return "Delete"
        case .insert: return "Insert"
        case .escape: return "Esc"
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .function(let n): return "F\(n)"
        case .ctrl(let c): return "Ctrl-" + String(c).uppercased()
        case .alt(let c): return "Alt-" + String(c).uppercased()
        case .resize: return ""
        }
    }
}

/// Turns what ncurses' `get_wch` returns into ``Key`` values. Pure, so it is tested without a terminal.
/// `KEY_*` numbers are those of ncurses 6 (curses.h); an Esc followed at once by a key is Alt and that key.
public struct KeyDecoder: Sendable {
    /// A raw input: a character (`get_wch` returned OK) or a key code (`KEY_CODE_YES`).
    public enum Input: Sendable, Equatable {
        case character(UInt32)
        case keyCode(Int32)
    }

    public init() {}

    static let keyCodes: [Int32: Key] = [
        0o402: .down, 0o403: .up, 0o404: .left, 0o405: .right, 0o406: .home, 0o407: .backspace,
        0o512: .delete, 0o513: .insert, 0o522: .pageDown, 0o523: .pageUp, 0o527: .enter, 0o541: .backTab,
        0o550: .end, 0o632: .resize, 0o534: .home, 0o537: .end, 0o535: .pageUp, 0o540: .pageDown,
    ]
    static let functionKeyBase: Int32 = 0o410

    /// Decodes one input; `next` is the input that arrived immediately after it (for Esc sequences).
    /// Returns the key and whether `next` was consumed.
    public func decode(_ input: Input, next: Input?) -> (Key?, consumedNext: Bool) {
        switch input {
        case .keyCode(let code):
            if code > Self.functionKeyBase && code <= Self.functionKeyBase + 12 {
                return (.function(Int(code - Self.functionKeyBase)), false)
            }
            // Shift-F1..F12 as some terminals report them: treat as F13.. and ignore.
            return (Self.keyCodes[code], false)
        case .character(27):
            if case .character(let value)? = next, value >= 0x20, value != 0x7F, let scalar = Unicode.Scalar(value) {
                let c = Character(scalar)
                return (.alt(Character(String(c).lowercased())), true)
            }
            return (.escape, false)
        case .character(let value):
            return (Self.character(value), false)
        }
    }

    /// How long an Esc typed alone waits for a digit: Esc then a digit within a second is Alt and that digit (F1-F10
    /// for terminals that keep the F-keys), as in Midnight Commander. A second Esc ends the wait at once.
    public static let escapeDigitWait = 1000

    /// An Esc that came alone, and what was typed within `escapeDigitWait` after it (nil: nothing). Returns the key
    /// and whether `late` was used: a digit makes Alt and the digit, another Esc makes one Esc; anything else leaves
    /// the Esc alone and is read on its own.
    public func decodeLoneEscape(then late: Input?) -> (Key, consumedLate: Bool) {
        switch late {
        case .character(let value)? where (0x30...0x39).contains(value):
            return (.alt(Character(Unicode.Scalar(value)!)), true)
        case .character(27)?:
            return (.escape, true)
        default:
            return (.escape, false)
        }
    }

    static func character(_ value: UInt32) -> Key? {
        switch value {
        case 9: return .tab
        case 10, 13: return .enter
        case 8, 127: return .backspace
        case 1...26:
            return .ctrl(Character(Unicode.Scalar(value + 96)!))
        case 0, 28...31: return nil
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            return .char(Character(scalar))
        }
    }
}
