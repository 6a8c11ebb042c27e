/// Writes JSON straight into a byte buffer, laid out byte for byte as ``ScriptJSON`` (and `JSONEncoder` with
/// `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`) lays it out, for the few lists of a whole country that
/// are too large to go through a tree of values. The caller gives each object's keys in UTF-8 order, once each;
/// a key out of order stops the program in a debug build, as it would silently differ from `.sortedKeys`.
public struct JSONStreamWriter {
    public private(set) var bytes: [UInt8] = []
    /// Per open container: whether it holds a value yet, and (objects) the last key given.
    private var open: [(hasValue: Bool, lastKey: String?)] = []
    /// A key was written and its value not yet.
    private var afterKey = false

    public init(capacity: Int = 1 << 16) { bytes.reserveCapacity(capacity) }

    public mutating func beginObject() { beginValue(); bytes.append(UInt8(ascii: "{")); open.append((false, nil)) }
    public mutating func endObject() { end(UInt8(ascii: "}")) }
    public mutating func beginArray() { beginValue(); bytes.append(UInt8(ascii: "[")); open.append((false, nil)) }
    public mutating func endArray() { end(UInt8(ascii: "]")) }

    public mutating func key(_ key: String) {
        let index = open.count - 1
        assert(open[index].lastKey.map { JSONKeyOrder.compare($0, key) < 0 } ?? true, "key \(key) out of order")
        separate()
        open[index].lastKey = key
        writeString(key)
        bytes.append(Self.space); bytes.append(UInt8(ascii: ":")); bytes.append(Self.space)
        afterKey = true
    }

    public mutating func string(_ text: String) { beginValue(); writeString(text) }
    public mutating func number(_ value: Int) { beginValue(); bytes.append(contentsOf: String(value).utf8) }

    /// `key` then `value`, for the common case.
    public mutating func field(_ name: String, _ text: String) { key(name); string(text) }
    public mutating func field(_ name: String, _ value: Int) { key(name); number(value) }

    /// An array of texts.
    public mutating func strings(_ texts: [String]) {
        beginArray()
        for text in texts { string(text) }
        endArray()
    }

    public var text: String { String(decoding: bytes, as: UTF8.self) }

    // MARK: Layout

    private static let newline = UInt8(ascii: "\n"), comma = UInt8(ascii: ","), space = UInt8(ascii: " ")

    /// Before a value: inside an array it is an element (comma, new line, indent); after a key nothing more.
    private mutating func beginValue() {
        if afterKey { afterKey = false; return }
        if !open.isEmpty { separate() }
    }

    private mutating func separate() {
        let index = open.count - 1
        if open[index].hasValue { bytes.append(Self.comma) }
        bytes.append(Self.newline)
        open[index].hasValue = true
        indent(open.count)
    }

    private mutating func end(_ bracket: UInt8) {
        let closed = open.removeLast()
        // An empty container is its brackets around an empty line, as JSONEncoder writes it.
        if !closed.hasValue { bytes.append(Self.newline) }
        bytes.append(Self.newline)
        indent(open.count)
        bytes.append(bracket)
    }

    private mutating func indent(_ depth: Int) { JSONBytes.indent(depth, to: &bytes) }

    private mutating func writeString(_ text: String) {
        JSONBytes.string(text, to: &bytes)
    }
}
