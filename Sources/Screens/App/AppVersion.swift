/// The program's version: `--version`, and the version a bundle's manifest names.
public enum AppVersion {
    public static let current = "0.1.0"
}
