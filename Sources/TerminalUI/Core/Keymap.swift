/// One entry of a screen's key table: the keys, what they do, the short label shown in the F-key bar, and
/// the sentence shown in the help overlay. Dispatch, the bar and the help all read the same table.
public struct KeyBinding<Action: Sendable>: Sendable {
    public let keys: [Key]
    public let action: Action
    public let barLabel: String
    public let help: String
    /// What a Ctrl letter among `keys` means program-wide (the app's table of Ctrl keys); a test checks that no
    /// letter means two things.
    public let meaning: String?

    public init(keys: [Key], action: Action, barLabel: String = "", help: String, meaning: String? = nil) {
        self.keys = keys
        self.action = action
        self.barLabel = barLabel
        self.help = help
        self.meaning = meaning
    }

    /// An F-key binding with its alternatives: Alt and the same digit (Esc then the digit, as in mc), for terminals
    /// that keep some F-keys for themselves, and any other keys given (Enter, Delete, a Ctrl letter with its meaning).
    public static func function(_ number: Int, also: [Key] = [], action: Action, label: String, help: String,
                                meaning: String? = nil) -> KeyBinding {
        let keys: [Key] = [.function(number), .alt(Character(String(number % 10)))]
        return KeyBinding(keys: keys + also, action: action, barLabel: label, help: help, meaning: meaning)
    }

    /// The function key number, when the binding has one.
    public var functionNumber: Int? {
        for key in keys { if case .function(let n) = key { return n } }
        return nil
    }

    /// "F2 · Alt-2 · Ctrl-S"
    public var keyDescription: String { keys.map(\.label).joined(separator: " · ") }
}

public struct Keymap<Action: Sendable>: Sendable {
    public var bindings: [KeyBinding<Action>]

    public init(_ bindings: [KeyBinding<Action>]) { self.bindings = bindings }

    public func action(for key: Key) -> Action? {
        bindings.first { $0.keys.contains(key) }?.action
    }

    /// Labels for the F1-F10 bar, by function-key number.
    public var barLabels: [Int: String] {
        var labels: [Int: String] = [:]
        for binding in bindings {
            if let n = binding.functionNumber, !binding.barLabel.isEmpty, labels[n] == nil { labels[n] = binding.barLabel }
        }
        return labels
    }

    /// Lines for the help overlay: keys, then what they do.
    public var helpLines: [(keys: String, help: String)] {
        bindings.map { ($0.keyDescription, $0.help) }
    }
}
