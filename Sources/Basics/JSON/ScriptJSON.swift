import Foundation

/// The JSON the command line prints for scripts: byte for byte what `JSONEncoder` writes with
/// `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]` and its default strategies, several times faster.
/// Lists of a whole country (thousands of centres, tens of thousands of checks) spent most of their time in
/// `JSONEncoder`; this builds a light tree of the value and writes it into one byte buffer.
public enum ScriptJSON {
    public static func encode<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try bytes(value), as: UTF8.self)
    }

    public static func bytes<T: Encodable>(_ value: T) throws -> [UInt8] {
        let node = try JSONTreeEncoder.node(for: value, codingPath: [])
        var writer = JSONPrettyWriter()
        writer.write(node, depth: 0)
        return writer.output
    }
}

/// A value on its way to JSON. Containers are boxes, so that a container handed out by an encoder keeps
/// receiving what is encoded into it.
enum JSONNode {
    case string(String)
    /// A number already in its written form.
    case number(String)
    case bool(Bool)
    case null
    case array(JSONArrayBox)
    case object(JSONObjectBox)
}

final class JSONArrayBox {
    var items: [JSONNode] = []
}

final class JSONObjectBox {
    /// In the order encoded; a key encoded twice keeps its last value when written, as `JSONEncoder` does.
    var entries: [(key: String, value: JSONNode)] = []

    /// Calls `body` with the entries by key in UTF-8 order, each key once, without copying them when they were
    /// encoded in that order already (a type whose properties are declared in key order).
    func forEachSorted(_ body: (String, JSONNode) -> Void) {
        var inOrder = true
        var index = 1
        while index < entries.count {
            if JSONKeyOrder.compare(entries[index - 1].key, entries[index].key) >= 0 { inOrder = false; break }
            index += 1
        }
        if inOrder {
            for entry in entries { body(entry.key, entry.value) }
        } else {
            for entry in sorted { body(entry.key, entry.value) }
        }
    }

    /// The entries by key in UTF-8 order (the order `.sortedKeys` gives), each key once.
    var sorted: [(key: String, value: JSONNode)] {
        let ordered = entries.indices.sorted { a, b in
            let order = JSONKeyOrder.compare(entries[a].key, entries[b].key)
            return order == 0 ? a < b : order < 0
        }
        var result: [(key: String, value: JSONNode)] = []
        result.reserveCapacity(ordered.count)
        for index in ordered {
            if let last = result.last, last.key == entries[index].key {
                result[result.count - 1] = entries[index]
            } else {
                result.append(entries[index])
            }
        }
        return result
    }
}

enum JSONKeyOrder {
    /// -1, 0 or 1 by the keys' UTF-8 bytes.
    static func compare(_ a: String, _ b: String) -> Int {
        // Keys are short native strings: compared through their contiguous bytes where possible.
        if let fast = a.utf8.withContiguousStorageIfAvailable({ x in
            b.utf8.withContiguousStorageIfAvailable { y -> Int in
                let count = min(x.count, y.count)
                var index = 0
                while index < count {
                    if x[index] != y[index] { return x[index] < y[index] ? -1 : 1 }
                    index += 1
                }
                return x.count == y.count ? 0 : (x.count < y.count ? -1 : 1)
            }
        }), let result = fast {
            return result
        }
        var left = a.utf8.makeIterator(), right = b.utf8.makeIterator()
        while true {
            switch (left.next(), right.next()) {
            case (nil, nil): return 0
            case (nil, _): return -1
            case (_, nil): return 1
            case let (x?, y?) where x != y: return x < y ? -1 : 1
            default: continue
            }
        }
    }
}
