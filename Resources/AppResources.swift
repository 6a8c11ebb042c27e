import Foundation

/// The files shipped in Resources/, read from the bundle SwiftPM builds beside the executable.
public enum AppResources {
    public struct MissingResource: Error, CustomStringConvertible {
        public let path: String
        public var description: String { "missing resource: \(path)" }
    }

    /// The bytes of a shipped file, e.g. `data("units/units.json")`.
    public static func data(_ relativePath: String) throws -> Data {
        guard let base = Bundle.module.resourceURL else { throw MissingResource(path: relativePath) }
        let url = base.appendingPathComponent(relativePath)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw MissingResource(path: relativePath)
        }
        return data
    }

    /// The names of the shipped files in a folder, sorted, e.g. `files(in: "strings/vi")`.
    public static func files(in relativeFolder: String) throws -> [String] {
        guard let base = Bundle.module.resourceURL else { throw MissingResource(path: relativeFolder) }
        let folder = base.appendingPathComponent(relativeFolder)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else {
            throw MissingResource(path: relativeFolder)
        }
        return names.filter { !$0.hasPrefix(".") }.sorted()
    }
}
