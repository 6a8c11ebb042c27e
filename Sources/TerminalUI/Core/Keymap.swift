/// One entry of a screen's key table: the keys, what they do, the short label shown in the F-key bar, and
/// the sentence shown in the help overlay. Dispatch, the bar and the help all read the same table.
public struct KeyBinding<Action: Sendable>: Sendable {
    public let keys: [Key]
    public let action: Action
    public let barLabel: String
    public let help: String

    public init(keys: [Key], action: Action, barLabel: String = "", help: String) {
        self.keys = keys
        self.action = action
        self.barLabel = barLabel
        self.help = help
    }

    /// An F-key binding with its alternatives: Alt and the same digit (Esc then the digit, as in mc), and
    /// optionally a Ctrl letter, for terminals that keep some F-keys for themselves.
    public static func function(_ number: Int, ctrl: Character? = nil, also: [Key] = [], action: Action,
                                label: String, help: String) -> KeyBinding {
        var keys: [Key] = [.function(number), .alt(Character(String(number % 10)))]
        if let ctrl { keys.append(.ctrl(ctrl)) }
        return KeyBinding(keys: keys + also, action: action, barLabel: label, help: help)
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
