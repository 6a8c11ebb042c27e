import Foundation
import Testing
@testable import Screens

@Suite struct CatalogTests {
    @Test(arguments: Language.allCases)
    func everyCatalogHasExactlyTheKeysTheCodeUses(_ language: Language) throws {
        let keys = try Strings.keys(in: language)
        let expected = Set(StringKey.allCases.map(\.rawValue))
        #expect(expected.subtracting(keys).isEmpty, "missing in \(language): \(expected.subtracting(keys).sorted())")
        #expect(keys.subtracting(expected).isEmpty, "unused in \(language): \(keys.subtracting(expected).sorted())")
    }

    @Test func catalogTextIsNFCAndPlaceholdersAgree() throws {
        let vi = try Strings(language: .vi)
        let en = try Strings(language: .en)
        for key in StringKey.allCases {
            #expect(vi[key] == vi[key].precomposedStringWithCanonicalMapping, "\(key)")
            let placeholders = { (text: String) in (0..<5).filter { text.contains("{\($0)}") } }
            #expect(placeholders(vi[key]) == placeholders(en[key]), "\(key)")
        }
    }

    /// Placeholders are filled in one pass, as the sequential replacement did for every catalog text, except that an
    /// argument's own braces are left alone.
    @Test func placeholdersAreFilledOnceEach() throws {
        #expect(Strings.fill("{0} có {1} phiếu; {0}.", ["Xã Đông Sơn", "12"]) == "Xã Đông Sơn có 12 phiếu; Xã Đông Sơn.")
        #expect(Strings.fill("{1}–{0}", ["a", "b"]) == "b–a")
        #expect(Strings.fill("{0}", ["{1}", "x"]) == "{1}")
        #expect(Strings.fill("{2} {x} { } {", ["a"]) == "{2} {x} { } {")
        #expect(Strings.fill("{10}", Array(repeating: "", count: 10) + ["mười"]) == "mười")
        let strings = try Strings(language: .vi)
        for key in StringKey.allCases {
            var sequential = strings[key]
            let arguments = ["Nghĩa Hưng", "42", "đ", "3"]
            for (index, argument) in arguments.enumerated() {
                sequential = sequential.replacingOccurrences(of: "{\(index)}", with: argument)
            }
            #expect(Strings.fill(strings[key], arguments) == sequential, "\(key)")
        }
    }

    @Test func languageComesFromTheOptionThenTheEnvironment() {
        #expect(Language.detect(option: "en", environment: [:]) == .en)
        #expect(Language.detect(option: nil, environment: ["LANG": "en_US.UTF-8"]) == .en)
        #expect(Language.detect(option: nil, environment: ["LANG": "C.UTF-8"]) == .vi)
        #expect(Language.detect(option: nil, environment: ["LC_ALL": "vi_VN.UTF-8", "LANG": "en_GB"]) == .vi)
        #expect(Language.detect(option: "vi", environment: ["LANG": "en_US"]) == .vi)
    }
}

/// Messages are sentences: each begins with a capital letter, in both languages.
@Suite struct MessageCaseTests {
    @Test(arguments: Language.allCases)
    func everySentenceBeginsWithACapital(_ language: Language) throws {
        let strings = try Strings(language: language)
        for key in StringKey.allCases {
            let text = strings[key]
            guard let first = text.first, first.isLetter, text.hasSuffix(".") || text.hasSuffix("?") else { continue }
            #expect(first.isUppercase, "\(language) \(key): «\(text)»")
        }
    }
}
