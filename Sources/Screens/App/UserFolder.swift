import Basics
import Foundation

/// A folder typed by the user (to export or back up into). A relative folder, `~` or nothing at all means the
/// user's home folder, never the folder the program happened to be started from.
enum UserFolder {
    static var home: String { ProcessInfo.processInfo.environment["HOME"] ?? "/tmp" }

    static func resolve(_ typed: String, home: String = home) -> String {
        let folder = typed.cleanedInput
        if folder.hasPrefix("/") { return folder }
        if folder == "~" || folder.isEmpty { return home }
        let relative = folder.hasPrefix("~/") ? String(folder.dropFirst(2)) : folder
        return (home as NSString).appendingPathComponent(relative)
    }
}
