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
}
