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

/// A string catalog (Resources/strings/vi.json or en.json). Screens never hold user-visible literals:
/// they ask the catalog by ``StringKey``. Placeholders are written {0}, {1}...
public struct Strings: Sendable {
    public let language: Language
    private let table: [String: String]

    public init(language: Language) throws {
        self.language = language
        let data = try AppResources.data("strings/\(language.rawValue).json")
        table = try JSONDecoder().decode([String: String].self, from: data)
    }

    /// The keys a catalog file defines, for the test that every key is in every catalog.
    public static func keys(in language: Language) throws -> Set<String> {
        let data = try AppResources.data("strings/\(language.rawValue).json")
        return Set(try JSONDecoder().decode([String: String].self, from: data).keys)
    }

    public subscript(_ key: StringKey) -> String { table[key.rawValue] ?? key.rawValue }

    public func callAsFunction(_ key: StringKey, _ arguments: CustomStringConvertible...) -> String {
        var text = self[key]
        for (index, argument) in arguments.enumerated() {
            text = text.replacingOccurrences(of: "{\(index)}", with: argument.description)
        }
        return text
    }
}
