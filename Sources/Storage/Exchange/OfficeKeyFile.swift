import Domain
import Foundation

/// The office's signing key, kept beside the data file (`<data file>.key`, 0600): created once, at the first
/// bundle, and read back for every later one, so every bundle of an office carries the same public key.
public enum OfficeKeyFile {
    public static func path(forDataFile dataPath: String) -> String { dataPath + ".key" }

    /// The key stored for this data file, or a new one written there (never replacing an existing file).
    public static func loadOrCreate(forDataFile dataPath: String) throws -> OfficeKey {
        let path = path(forDataFile: dataPath)
        if let key = try load(path) { return key }
        let key = OfficeKey()
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        if descriptor < 0 {
            // Another process made it between the two steps: use theirs.
            if errno == EEXIST, let key = try load(path) { return key }
            throw DataFileError.unreachable(path: path, reason: SystemError(errno: errno))
        }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        try handle.write(contentsOf: Data((key.stored + "\n").utf8))
        try handle.synchronize()
        return key
    }

    private static func load(_ path: String) throws -> OfficeKey? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return try OfficeKey(stored: text)
    }
}
