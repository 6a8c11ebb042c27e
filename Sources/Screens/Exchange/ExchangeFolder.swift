import Foundation

/// The folder a bundle is written to or read from (a USB stick): typed as a path, "~" for the home folder.
enum ExchangeFolder {
    /// Where the screens start: the home folder, until the person chooses another.
    static var start: String { NSHomeDirectory() }

    /// The path typed, made absolute; nil when it is not an existing folder.
    static func resolve(_ typed: String) -> String? {
        var path = typed.trimmingCharacters(in: .whitespaces)
        guard !path.isEmpty else { return nil }
        if path.hasPrefix("~") { path = NSHomeDirectory() + path.dropFirst() }
        if !path.hasPrefix("/") { path = FileManager.default.currentDirectoryPath + "/" + path }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else { return nil }
        return (path as NSString).standardizingPath
    }
}
