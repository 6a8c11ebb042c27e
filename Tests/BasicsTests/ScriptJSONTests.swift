import Foundation
import Testing
@testable import Basics

/// ScriptJSON must print exactly what JSONEncoder printed before it (scripts read it): every test compares the
/// two byte for byte, on fixed edge cases and on seeded random values of every shape the command line prints.
@Suite struct ScriptJSONTests {
    static func reference<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func same<T: Encodable>(_ value: T, _ comment: Comment? = nil) throws {
        #expect(try ScriptJSON.encode(value) == reference(value), comment)
    }

    struct Leaves: Encodable {
        var text: String
        var optional: String?
        var int: Int
        var int64: Int64
        var small: Int8
        var unsigned: UInt16
        var double: Double
        var float: Float
        var flag: Bool
        var date: Date
        var data: Data
        var url: URL
        var decimal: Decimal
        var nothing: Int? = nil
    }

    struct Tree: Encodable {
        var leaves: [Leaves]
        var byName: [String: Double]
        var byCode: [Int: String]
        var nested: [[[Int]]]
        var empty: [String: Int] = [:]
        var emptyList: [String] = []
        var choice: [Choice]
    }

    enum Choice: Encodable {
        case one(Int)
        case two(name: String, more: [Bool])
    }

    class Base: Encodable {
        var kept = 1
        enum Keys: CodingKey { case kept, own }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(kept, forKey: .kept)
        }
    }

    final class Derived: Base {
        var own = "riêng"
        override func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(own, forKey: .own)
            try super.encode(to: container.superEncoder())
        }
    }

    @Test func edgeCasesAreWrittenAsJSONEncoderWritesThem() throws {
        try Self.same([String]())
        try Self.same([String: Int]())
        try Self.same([[String: [Int]]()])
        try Self.same("top")
        try Self.same(42)
        try Self.same(Optional<Int>.none)
        try Self.same([1e20, 1e-7, 123456789.125, -0.0, 3.0e15, 1.0e16, 0.30000000000000004, 2, -7.5])
        try Self.same([Float(0.1), Float(1e20), Float(-2)])
        try Self.same(String((0..<128).map { Character(Unicode.Scalar(UInt8($0))) }), "every ASCII character")
        try Self.same("\u{2028}\u{FEFF}😀 Trung tâm học tập cộng đồng xã Nghĩa Hưng / TT-01")
        try Self.same(["b": 1, "B": 2, "a10": 3, "a2": 4, "Zed": 5, "_x": 6, "é": 7, "e": 8], "keys in UTF-8 order")
        try Self.same([10: "a", 2: "b", -1: "c"])
        try Self.same(Derived())
        try Self.same([Derived(), Derived()])
    }

    @Test func infinityIsRefusedAsJSONEncoderRefusesIt() {
        #expect(throws: EncodingError.self) { try ScriptJSON.encode([Double.infinity]) }
    }

    @Test func seededRandomTreesAreWrittenAsJSONEncoderWritesThem() throws {
        var random = SplitMix(seed: 11)
        let alphabet = Array("aAbBzZ09 _-/\\\"\n\t\r\u{0}\u{1}\u{1F}\u{7F}éẫỹĐđ😀\u{2028}ầ")
        func text() -> String {
            String((0..<Int.random(in: 0...12, using: &random)).map { _ in alphabet.randomElement(using: &random)! })
        }
        let doubles: [Double] = [0.1, 1e-7, 1e16, 123.5, -3, 0, 2.5e-300]
        for round in 0..<200 {
            let leaves = (0..<Int.random(in: 0...4, using: &random)).map { _ in
                Leaves(text: text(), optional: Bool.random(using: &random) ? nil : text(),
                       int: Int.random(in: -1_000_000...1_000_000, using: &random), int64: Int64.random(in: .min ... .max, using: &random),
                       small: Int8.random(in: .min ... .max, using: &random), unsigned: UInt16.random(in: 0 ... .max, using: &random),
                       double: Bool.random(using: &random) ? Double.random(in: -1e20...1e20, using: &random)
                           : doubles.randomElement(using: &random)!,
                       float: Float.random(in: -1e6...1e6, using: &random), flag: Bool.random(using: &random),
                       date: Date(timeIntervalSinceReferenceDate: Double.random(in: -1e9...1e9, using: &random)),
                       data: Data((0..<Int.random(in: 0...7, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }),
                       url: URL(string: "https://example.vn/\(round)?q=a%20b")!, decimal: Decimal(round) / 8)
            }
            var byName: [String: Double] = [:]
            for _ in 0..<Int.random(in: 0...5, using: &random) { byName[text()] = doubles.randomElement(using: &random)! }
            let tree = Tree(leaves: leaves, byName: byName, byCode: [round + 1000: text(), -3: "x"],
                            nested: [[], [[]], [[round, 2], [3]]],
                            choice: [.one(round), .two(name: text(), more: [true, false])])
            try Self.same(tree, "round \(round)")
            try Self.same([tree, tree], "round \(round), twice")
        }
    }
}

/// A small seeded generator: the same values on every run.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
