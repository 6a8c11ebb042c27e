import Domain
import Foundation

/// The stored JSON of a form's answers: {"birthYear":{"number":1970},"topics":{"codes":[1,8]},...}, keys sorted.
/// Written and read here by hand because Foundation's coder costs tens of microseconds a form, which a million
/// forms turn into minutes; anything this reader does not expect goes to JSONDecoder, which has the last word.
enum AnswersJSON {
    static func encode(_ answers: SurveyAnswers) -> String {
        var out: [UInt8] = [UInt8(ascii: "{")]
        out.reserveCapacity(512)
        for (index, key) in answers.keys.sorted().enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            appendString(key, to: &out)
            out.append(UInt8(ascii: ":"))
            switch answers[key]! {
            case .text(let text):
                out.append(contentsOf: #"{"text":"#.utf8)
                appendString(text, to: &out)
            case .number(let number):
                out.append(contentsOf: #"{"number":"#.utf8)
                appendInteger(number, to: &out)
            case .codes(let codes):
                out.append(contentsOf: #"{"codes":["#.utf8)
                for (position, code) in codes.enumerated() {
                    if position > 0 { out.append(UInt8(ascii: ",")) }
                    appendInteger(code, to: &out)
                }
                out.append(UInt8(ascii: "]"))
            }
            out.append(UInt8(ascii: "}"))
        }
        out.append(UInt8(ascii: "}"))
        return String(decoding: out, as: UTF8.self)
    }

    private static func appendInteger(_ value: Int, to out: inout [UInt8]) {
        if value < 0 { out.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits: [UInt8] = []
        repeat {
            digits.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        out.append(contentsOf: digits.reversed())
    }

    private static func appendString(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        // Most texts need no escape: copied whole.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            out.append(contentsOf: text.utf8)
            out.append(UInt8(ascii: "\""))
            return
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: [0x5C, 0x22])
            case UInt8(ascii: "\\"): out.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0..<0x20:
                let digits = "0123456789abcdef".utf8
                out.append(contentsOf: "\\u00".utf8)
                out.append(digits[digits.index(digits.startIndex, offsetBy: Int(byte >> 4))])
                out.append(digits[digits.index(digits.startIndex, offsetBy: Int(byte & 0xF))])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// The answers in a stored text, or nil when it is not valid JSON of that shape.
    static func decode(_ text: String) -> SurveyAnswers? {
        var copy = text
        if let answers = copy.withUTF8({ bytes -> SurveyAnswers? in
            var reader = Reader(bytes: bytes)
            return reader.answers()
        }) {
            return answers
        }
        return try? JSONDecoder().decode(SurveyAnswers.self, from: Data(text.utf8))
    }

    /// A JSON array of strings (a centre's villages), read the same quick way.
    static func decodeStrings(_ text: String) -> [String]? {
        var copy = text
        if let strings = copy.withUTF8({ bytes -> [String]? in
            var reader = Reader(bytes: bytes)
            guard reader.take("[") else { return nil }
            var result: [String] = []
            if reader.take("]") { return reader.end() ? result : nil }
            repeat {
                guard let string = reader.string() else { return nil }
                result.append(string)
            } while reader.take(",")
            return reader.take("]") && reader.end() ? result : nil
        }) {
            return strings
        }
        return try? JSONDecoder().decode([String].self, from: Data(text.utf8))
    }

    /// A reader for exactly the shape ``encode(_:)`` writes, white space allowed; nil on anything else.
    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var at = 0

        mutating func answers() -> SurveyAnswers? {
            var result: SurveyAnswers = [:]
            guard take("{") else { return nil }
            if take("}") { return end() ? result : nil }
            repeat {
                guard let key = string(), take(":"), take("{"), let field = string(), take(":") else { return nil }
                switch field {
                case "text":
                    guard let text = string() else { return nil }
                    result[key] = .text(text)
                case "number":
                    guard let number = integer() else { return nil }
                    result[key] = .number(number)
                case "codes":
                    guard take("[") else { return nil }
                    var codes: [Int] = []
                    if !take("]") {
                        repeat {
                            guard let code = integer() else { return nil }
                            codes.append(code)
                        } while take(",")
                        guard take("]") else { return nil }
                    }
                    result[key] = .codes(codes)
                default:
                    return nil
                }
                guard take("}") else { return nil }
            } while take(",")
            guard take("}") else { return nil }
            return end() ? result : nil
        }

        mutating func skipSpace() {
            while at < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[at]) { at += 1 }
        }

        mutating func take(_ character: Unicode.Scalar) -> Bool {
            skipSpace()
            guard at < bytes.count, bytes[at] == UInt8(character.value) else { return false }
            at += 1
            return true
        }

        mutating func end() -> Bool {
            skipSpace()
            return at == bytes.count
        }

        mutating func integer() -> Int? {
            skipSpace()
            let start = at
            if at < bytes.count, bytes[at] == UInt8(ascii: "-") { at += 1 }
            let digits = at
            while at < bytes.count, (0x30...0x39).contains(bytes[at]) { at += 1 }
            guard at > digits else { return nil }
            if at < bytes.count, [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E")].contains(bytes[at]) { return nil }
            return Int(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<at]), as: UTF8.self))
        }

        /// A string without escapes is taken as it is; one with escapes other than these sends the text to
        /// JSONDecoder.
        mutating func string() -> String? {
            guard take("\"") else { return nil }
            var out: [UInt8] = []
            while at < bytes.count {
                let byte = bytes[at]
                at += 1
                switch byte {
                case UInt8(ascii: "\""):
                    return String(validating: out, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    guard at < bytes.count else { return nil }
                    let escaped = bytes[at]
                    at += 1
                    switch escaped {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escaped)
                    case UInt8(ascii: "n"): out.append(0x0A)
                    case UInt8(ascii: "r"): out.append(0x0D)
                    case UInt8(ascii: "t"): out.append(0x09)
                    case UInt8(ascii: "b"): out.append(0x08)
                    case UInt8(ascii: "f"): out.append(0x0C)
                    default: return nil
                    }
                case 0..<0x20:
                    return nil
                default:
                    out.append(byte)
                }
            }
            return nil
        }
    }
}
