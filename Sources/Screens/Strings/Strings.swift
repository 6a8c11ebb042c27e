import AppResources
import Foundation

/// The user's language: Vietnamese unless English is asked for.
public enum Language: String, Sendable, CaseIterable {
    case vi, en

    /// `--lang` wins; otherwise an English `LC_ALL`, `LC_MESSAGES` or `LANG` gives English.
    public static func detect(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment)
        -> Language
    {
        if let option, let language = Language(rawValue: option.lowercased()) { return language }
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment[name], !value.isEmpty {
                return value.lowercased().hasPrefix("en") ? .en : .vi
            }
        }
        return .vi
    }
}

/// A string catalog (the JSON files of Resources/strings/vi/ or en/, one per part of the program, merged).
/// Screens never hold user-visible literals: they ask the catalog by ``StringKey``. Placeholders are written
/// {0}, {1}...
public struct Strings: Sendable {
    public let language: Language
    private let table: [String: String]

    public init(language: Language) throws {
        self.language = language
        table = try Self.table(language)
    }

    /// A key defined in two files of the same catalog.
    public struct DuplicateKey: Error, CustomStringConvertible {
        public let key: String
        public let files: [String]
        public var description: String { "string key \(key) is defined in \(files.joined(separator: " and "))" }
    }

    /// Every file of one language's catalog, merged; a key defined twice is an error, not a silent override.
    static func table(_ language: Language) throws -> [String: String] {
        let folder = "strings/\(language.rawValue)"
        var table: [String: String] = [:]
        var origin: [String: String] = [:]
        for name in try AppResources.files(in: folder) where name.hasSuffix(".json") {
            let part = try JSONDecoder().decode([String: String].self, from: AppResources.data(folder + "/" + name))
            for (key, text) in part {
                if let first = origin[key] { throw DuplicateKey(key: key, files: [first, name]) }
                origin[key] = name
                table[key] = text
            }
        }
        return table
    }

    /// The keys a catalog defines, for the test that every key is in every catalog.
    public static func keys(in language: Language) throws -> Set<String> { Set(try table(language).keys) }

    public subscript(_ key: StringKey) -> String { table[key.rawValue] ?? key.rawValue }

    public func callAsFunction(_ key: StringKey, _ arguments: CustomStringConvertible...) -> String {
        var text = self[key]
        for (index, argument) in arguments.enumerated() {
            text = text.replacingOccurrences(of: "{\(index)}", with: argument.description)
        }
        return text
    }
}
