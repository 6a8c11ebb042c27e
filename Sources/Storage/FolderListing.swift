import Foundation

/// What a file dialog shows of one folder: its sub-folders and the files of one kind, hidden ones left out,
/// each sorted by name (case and marks aside, numbers in order, as a file manager sorts them).
public struct FolderListing: Equatable, Sendable {
    public let folder: String
    /// The folder above, nil at the root.
    public let parent: String?
    public let folders: [String]
    public let files: [String]

    /// Lists `folder`; `extensions` are compared without case ("csv" finds "DATA.CSV").
    public init(folder: String, extensions: Set<String>) throws {
        let url = URL(fileURLWithPath: folder).standardizedFileURL
        let path = url.path
        self.folder = path
        parent = path == "/" ? nil : url.deletingLastPathComponent().path
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: path)
        } catch {
            throw CSVFileError.unreadable(path: path)
        }
        var folders: [String] = []
        var files: [String] = []
        for name in names where !name.hasPrefix(".") {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path + (path == "/" ? "" : "/") + name, isDirectory: &isFolder)
            else { continue }
            if isFolder.boolValue {
                folders.append(name)
            } else if extensions.contains((name as NSString).pathExtension.lowercased()) {
                files.append(name)
            }
        }
        let order: (String, String) -> Bool = { $0.localizedStandardCompare($1) == .orderedAscending }
        self.folders = folders.sorted(by: order)
        self.files = files.sorted(by: order)
    }

    /// The full path of a name in this folder.
    public func path(of name: String) -> String { folder == "/" ? "/" + name : folder + "/" + name }

    /// Whether `path` names a folder.
    public static func isFolder(_ path: String) -> Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue
    }
}
