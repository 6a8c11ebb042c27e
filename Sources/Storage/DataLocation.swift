import Foundation

/// Where the data file lives: `$XDG_DATA_HOME/tthtcd/tthtcd.sqlite`, by default
/// `~/.local/share/tthtcd/tthtcd.sqlite`.
public enum DataLocation {
    public static let fileName = "tthtcd.sqlite"

    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let base: String
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            base = xdg
        } else {
            let home = environment["HOME"] ?? NSHomeDirectory()
            base = home + "/.local/share"
        }
        return base + "/tthtcd/" + fileName
    }
}
