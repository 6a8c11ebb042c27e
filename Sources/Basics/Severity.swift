/// How serious a problem is: an error blocks (a save, a submission), a warning can be kept with a reason.
/// Shared by the rules (Domain) and the widgets that mark a field or a line (TerminalUI).
public enum Severity: String, Codable, Sendable, Comparable {
    case warning, error

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .warning && rhs == .error }
}
