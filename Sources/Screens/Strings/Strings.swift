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
        self(key, arguments: arguments)
    }

    /// The same with the arguments in an array (a caller that gathers them first).
    public func callAsFunction(_ key: StringKey, arguments: [CustomStringConvertible]) -> String {
        Self.fill(self[key], arguments.map(\.description))
    }

    /// The text with each "{n}" replaced by the n-th argument, in one pass (a country's board check fills tens of
    /// thousands of texts). An argument's own text is never read for placeholders; "{n}" without an argument stays.
    static func fill(_ template: String, _ arguments: [String]) -> String {
        guard !arguments.isEmpty else { return template }
        let bytes = Array(template.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + arguments.reduce(0) { $0 + $1.utf8.count })
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "{") {
                var end = index + 1
                var number = 0
                while end < bytes.count, bytes[end] >= UInt8(ascii: "0"), bytes[end] <= UInt8(ascii: "9"), end - index < 4 {
                    number = number * 10 + Int(bytes[end] - UInt8(ascii: "0"))
                    end += 1
                }
                if end > index + 1, end < bytes.count, bytes[end] == UInt8(ascii: "}"), number < arguments.count {
                    output.append(contentsOf: arguments[number].utf8)
                    index = end + 1
                    continue
                }
            }
            output.append(bytes[index])
            index += 1
        }
        return String(decoding: output, as: UTF8.self)
    }
}
