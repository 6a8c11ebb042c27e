import Foundation

/// The folder a bundle is written to or read from (a USB stick): typed as a path, "~" for the home folder.
enum ExchangeFolder {
    /// Where the screens start: the folder last chosen for any file (an export, an import, a bundle), else home.
    @MainActor
    static func start(_ ctx: AppContext) -> String { ctx.lastFolder ?? UserFolder.home }

    /// The path typed, made absolute the way every folder prompt reads it; nil when it is not an existing folder.
    static func resolve(_ typed: String) -> String? {
        guard !typed.cleanedInput.isEmpty else { return nil }
        let path = (UserFolder.resolve(typed) as NSString).standardizingPath
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else { return nil }
        return path
    }
}
