/// Writes a ``JSONNode`` as `JSONEncoder` pretty-prints it: two spaces a level, `"key" : value`, keys in
/// UTF-8 order, an empty container as its brackets around an empty line, slashes and non-ASCII text as they are.
struct JSONPrettyWriter {
    private(set) var output: [UInt8] = []

    init() { output.reserveCapacity(1 << 16) }

    mutating func write(_ node: JSONNode, depth: Int) {
        switch node {
        case .string(let text): writeString(text)
        case .number(let text): output.append(contentsOf: text.utf8)
        case .bool(let flag): output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .null: output.append(contentsOf: "null".utf8)
        case .array(let box):
            output.append(UInt8(ascii: "["))
            output.append(newline)
            var first = true
            for item in box.items {
                if !first { output.append(comma); output.append(newline) }
                first = false
                indent(depth + 1)
                write(item, depth: depth + 1)
            }
            closing(UInt8(ascii: "]"), depth: depth)
        case .object(let box):
            output.append(UInt8(ascii: "{"))
            output.append(newline)
            var first = true
            box.forEachSorted { key, value in
                if !first { output.append(comma); output.append(newline) }
                first = false
                indent(depth + 1)
                writeString(key)
                output.append(space); output.append(UInt8(ascii: ":")); output.append(space)
                write(value, depth: depth + 1)
            }
            closing(UInt8(ascii: "}"), depth: depth)
        }
    }

    private let newline = UInt8(ascii: "\n"), comma = UInt8(ascii: ","), space = UInt8(ascii: " ")

    private mutating func closing(_ bracket: UInt8, depth: Int) {
        output.append(newline)
        indent(depth)
        output.append(bracket)
    }

    private mutating func indent(_ depth: Int) { JSONBytes.indent(depth, to: &output) }

    private mutating func writeString(_ text: String) { JSONBytes.string(text, to: &output) }
}

/// The bytes both JSON writers lay out as `JSONEncoder` does.
enum JSONBytes {
    private static let hex = Array("0123456789abcdef".utf8)
    private static let spaces = [UInt8](repeating: UInt8(ascii: " "), count: 64)

    /// Two spaces a level.
    static func indent(_ depth: Int, to output: inout [UInt8]) {
        var count = 2 * depth
        while count > 0 {
            let part = min(count, spaces.count)
            output.append(contentsOf: spaces[0..<part])
            count -= part
        }
    }

    /// A text as a JSON string, escaped as `JSONEncoder` escapes it (slashes and non-ASCII text as they are).
    static func string(_ text: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            // Most texts need no escape: one scan, one copy.
            guard bytes.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) else {
                output.append(contentsOf: bytes)
                return
            }
            for (index, byte) in bytes.enumerated() where byte < 0x20 || byte == 0x22 || byte == 0x5C {
                output.append(contentsOf: bytes[start..<index])
                start = index + 1
                output.append(UInt8(ascii: "\\"))
                switch byte {
                case 0x22, 0x5C: output.append(byte)
                case 0x08: output.append(UInt8(ascii: "b"))
                case 0x09: output.append(UInt8(ascii: "t"))
                case 0x0A: output.append(UInt8(ascii: "n"))
                case 0x0C: output.append(UInt8(ascii: "f"))
                case 0x0D: output.append(UInt8(ascii: "r"))
                default:
                    output.append(contentsOf: "u00".utf8)
                    output.append(Self.hex[Int(byte >> 4)])
                    output.append(Self.hex[Int(byte & 0xF)])
                }
            }
            output.append(contentsOf: bytes[start...])
        }
        output.append(UInt8(ascii: "\""))
    }
}
