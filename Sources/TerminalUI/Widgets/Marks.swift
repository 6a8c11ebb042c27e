/// The signs every screen uses for a problem and for a check that passes, so that a mark means the same thing
/// wherever the person meets it.
public enum Marks {
    public static let error = "✗"
    public static let warning = "!"
    public static let ok = "✓"

    public static func symbol(_ severity: Severity) -> String { severity == .error ? error : warning }
}
