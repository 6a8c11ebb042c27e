import Foundation

/// An `Encoder` that builds a ``JSONNode`` tree with `JSONEncoder`'s default strategies: dates as their
/// `Double`, data in Base64, URLs by their absolute string, decimals by their description, and an object for
/// a value that encodes nothing.
final class JSONTreeEncoder: Encoder {
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    var value: JSONNode?

    init(codingPath: [any CodingKey]) { self.codingPath = codingPath }

    /// Type identity is compared first (cheap), so that the common leaves skip a dynamic cast.
    static func node<T: Encodable>(for value: T, codingPath: @autoclosure () -> [any CodingKey]) throws -> JSONNode {
        if T.self == String.self { return .string(unsafeBitCast(value, to: String.self)) }
        if T.self == Int.self { return .number(String(unsafeBitCast(value, to: Int.self))) }
        if T.self == Bool.self { return .bool(unsafeBitCast(value, to: Bool.self)) }
        if T.self == Int64.self { return .number(String(unsafeBitCast(value, to: Int64.self))) }
        if T.self == Double.self { return .number(try JSONNumbers.text(unsafeBitCast(value, to: Double.self), codingPath())) }
        if T.self == Data.self { return .string((value as! Data).base64EncodedString()) }
        if T.self == URL.self { return .string((value as! URL).absoluteString) }
        if T.self == Decimal.self { return .number((value as! Decimal).description) }
        let encoder = JSONTreeEncoder(codingPath: codingPath())
        try value.encode(to: encoder)
        return encoder.value ?? .object(JSONObjectBox())
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let box: JSONObjectBox
        if case .object(let existing) = value {
            box = existing
        } else {
            box = JSONObjectBox()
            value = .object(box)
        }
        return KeyedEncodingContainer(JSONKeyedContainer<Key>(box: box, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let box: JSONArrayBox
        if case .array(let existing) = value {
            box = existing
        } else {
            box = JSONArrayBox()
            value = .array(box)
        }
        return JSONUnkeyedContainer(box: box, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { JSONSingleContainer(encoder: self) }
}

enum JSONNumbers {
    /// A binary floating-point number as `JSONEncoder` writes it: its shortest description, without ".0".
    static func text<F: BinaryFloatingPoint & LosslessStringConvertible>(_ number: F, _ codingPath: [any CodingKey]) throws
        -> String {
        guard number.isFinite else {
            throw EncodingError.invalidValue(number, EncodingError.Context(
                codingPath: codingPath, debugDescription: "Unable to encode \(number) directly in JSON."))
        }
        var text = number.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text
    }
}

struct JSONIndexKey: CodingKey {
    let intValue: Int?
    let stringValue: String
    init(intValue: Int) {
        self.intValue = intValue
        stringValue = "Index \(intValue)"
    }
    init?(stringValue: String) { return nil }
}

struct JSONKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let box: JSONObjectBox
    let codingPath: [any CodingKey]

    private func put(_ node: JSONNode, _ key: Key) { box.entries.append((key.stringValue, node)) }

    mutating func encodeNil(forKey key: Key) throws { put(.null, key) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { put(.bool(value), key) }
    mutating func encode(_ value: String, forKey key: Key) throws { put(.string(value), key) }
    mutating func encode(_ value: Double, forKey key: Key) throws {
        put(.number(try JSONNumbers.text(value, codingPath + [key])), key)
    }
    mutating func encode(_ value: Float, forKey key: Key) throws {
        put(.number(try JSONNumbers.text(value, codingPath + [key])), key)
    }
    mutating func encode(_ value: Int, forKey key: Key) throws { put(.number(String(value)), key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { put(.number(String(value)), key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { put(.number(String(value)), key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { put(.number(String(value)), key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { put(.number(String(value)), key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { put(.number(String(value)), key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { put(.number(String(value)), key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { put(.number(String(value)), key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { put(.number(String(value)), key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { put(.number(String(value)), key) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        put(try JSONTreeEncoder.node(for: value, codingPath: codingPath + [key]), key)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey> {
        let nested = JSONObjectBox()
        put(.object(nested), key)
        return KeyedEncodingContainer(JSONKeyedContainer<NestedKey>(box: nested, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let nested = JSONArrayBox()
        put(.array(nested), key)
        return JSONUnkeyedContainer(box: nested, codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> any Encoder {
        JSONBoxedEncoder(codingPath: codingPath) { [box] in box.entries.append(("super", $0)) }
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        JSONBoxedEncoder(codingPath: codingPath + [key]) { [box] in box.entries.append((key.stringValue, $0)) }
    }
}

struct JSONUnkeyedContainer: UnkeyedEncodingContainer {
    let box: JSONArrayBox
    let codingPath: [any CodingKey]
    var count: Int { box.items.count }

    private var nextPath: [any CodingKey] { codingPath + [JSONIndexKey(intValue: box.items.count)] }

    mutating func encodeNil() throws { box.items.append(.null) }
    mutating func encode(_ value: Bool) throws { box.items.append(.bool(value)) }
    mutating func encode(_ value: String) throws { box.items.append(.string(value)) }
    mutating func encode(_ value: Double) throws { box.items.append(.number(try JSONNumbers.text(value, nextPath))) }
    mutating func encode(_ value: Float) throws { box.items.append(.number(try JSONNumbers.text(value, nextPath))) }
    mutating func encode(_ value: Int) throws { box.items.append(.number(String(value))) }
    mutating func encode(_ value: Int8) throws { box.items.append(.number(String(value))) }
    mutating func encode(_ value: Int16) throws { box.items.append(.number(String(value))) }
    mutating func encode(_ value: Int32) throws { box.items.append(.number(String(value))) }
    mutating func encode(_ value: Int64) throws { box.items.append(.number(String(value))) }
    mutating func encode(_ value: UInt) throws { box.items.append(.number(String(value))) }
    mutating func encode(_ value: UInt8) throws { box.items.append(.number(String(value))) }
    mutating func encode(_ value: UInt16) throws { box.items.append(.number(String(value))) }
    mutating func encode(_ value: UInt32) throws { box.items.append(.number(String(value))) }
    mutating func encode(_ value: UInt64) throws { box.items.append(.number(String(value))) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        box.items.append(try JSONTreeEncoder.node(for: value, codingPath: nextPath))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let nested = JSONObjectBox()
        let path = nextPath
        box.items.append(.object(nested))
        return KeyedEncodingContainer(JSONKeyedContainer<NestedKey>(box: nested, codingPath: path))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let nested = JSONArrayBox()
        let path = nextPath
        box.items.append(.array(nested))
        return JSONUnkeyedContainer(box: nested, codingPath: path)
    }

    mutating func superEncoder() -> any Encoder {
        let path = nextPath
        let index = box.items.count
        box.items.append(.object(JSONObjectBox()))
        return JSONBoxedEncoder(codingPath: path) { [box] in box.items[index] = $0 }
    }
}

struct JSONSingleContainer: SingleValueEncodingContainer {
    let encoder: JSONTreeEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }

    mutating func encodeNil() throws { encoder.value = .null }
    mutating func encode(_ value: Bool) throws { encoder.value = .bool(value) }
    mutating func encode(_ value: String) throws { encoder.value = .string(value) }
    mutating func encode(_ value: Double) throws { encoder.value = .number(try JSONNumbers.text(value, codingPath)) }
    mutating func encode(_ value: Float) throws { encoder.value = .number(try JSONNumbers.text(value, codingPath)) }
    mutating func encode(_ value: Int) throws { encoder.value = .number(String(value)) }
    mutating func encode(_ value: Int8) throws { encoder.value = .number(String(value)) }
    mutating func encode(_ value: Int16) throws { encoder.value = .number(String(value)) }
    mutating func encode(_ value: Int32) throws { encoder.value = .number(String(value)) }
    mutating func encode(_ value: Int64) throws { encoder.value = .number(String(value)) }
    mutating func encode(_ value: UInt) throws { encoder.value = .number(String(value)) }
    mutating func encode(_ value: UInt8) throws { encoder.value = .number(String(value)) }
    mutating func encode(_ value: UInt16) throws { encoder.value = .number(String(value)) }
    mutating func encode(_ value: UInt32) throws { encoder.value = .number(String(value)) }
    mutating func encode(_ value: UInt64) throws { encoder.value = .number(String(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        encoder.value = try JSONTreeEncoder.node(for: value, codingPath: codingPath)
    }
}

/// The encoder `superEncoder` hands out: what is encoded into it lands where the container put it, once the
/// caller has finished (the tree encoder's value is read back when the encoder is released).
final class JSONBoxedEncoder: Encoder {
    let inner: JSONTreeEncoder
    let store: (JSONNode) -> Void
    var codingPath: [any CodingKey] { inner.codingPath }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(codingPath: [any CodingKey], store: @escaping (JSONNode) -> Void) {
        inner = JSONTreeEncoder(codingPath: codingPath)
        self.store = store
    }

    deinit { store(inner.value ?? .object(JSONObjectBox())) }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> { inner.container(keyedBy: type) }
    func unkeyedContainer() -> any UnkeyedEncodingContainer { inner.unkeyedContainer() }
    func singleValueContainer() -> any SingleValueEncodingContainer { inner.singleValueContainer() }
}
