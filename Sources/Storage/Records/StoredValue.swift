import Domain
import Foundation
import GRDB

/// A value in the data file that this version cannot read: an unknown status, a malformed date, broken JSON.
/// Reading never replaces it with a default, which would hide the damage and could write the default back;
/// the read fails and names the table, the column and the value, so an administrator can repair the file.
public struct StoredValueError: Error, Equatable, Sendable {
    public let table: String
    public let column: String
    public let value: String

    public init(table: String, column: String, value: String) {
        self.table = table
        self.column = column
        // A long JSON text is cut: the message only needs to show where the damage is.
        self.value = value.count > 80 ? String(value.prefix(80)) + "…" : value
    }
}

/// A record struct: what one row of a table holds, as stored. Conversions to Domain values go through these
/// helpers, which throw ``StoredValueError`` instead of falling back to a default.
protocol StoredRecord: TableRecord {}

extension StoredRecord {
    static func failure(_ column: Column, _ value: String) -> StoredValueError {
        StoredValueError(table: databaseTableName, column: column.name, value: value)
    }

    /// A Domain enumeration stored by its raw text.
    static func stored<E: RawRepresentable>(_ raw: String, _ column: Column) throws -> E where E.RawValue == String {
        guard let value = E(rawValue: raw) else { throw failure(column, raw) }
        return value
    }

    static func stored<E: RawRepresentable>(_ raw: String?, _ column: Column) throws -> E? where E.RawValue == String {
        try raw.map { try stored($0, column) }
    }

    /// A list of enumerations stored as comma-separated raw texts ("villageMeeting,interview"); "" is empty.
    static func storedList<E: RawRepresentable>(_ raw: String, _ column: Column) throws -> [E] where E.RawValue == String {
        try raw.split(separator: ",").map { piece in
            guard let value = E(rawValue: String(piece)) else { throw failure(column, raw) }
            return value
        }
    }

    /// Record ids stored as comma-separated numbers ("3,7"); "" is empty.
    static func storedIDs(_ raw: String, _ column: Column) throws -> [Int64] {
        try raw.split(separator: ",").map { piece in
            guard let value = Int64(piece) else { throw failure(column, raw) }
            return value
        }
    }

    /// A calendar date stored as ISO text, or NULL.
    static func storedDate(_ raw: String?, _ column: Column) throws -> LocalDate? {
        guard let raw else { return nil }
        guard let date = LocalDate(iso: raw) else { throw failure(column, raw) }
        return date
    }

    static func storedDate(_ raw: String, _ column: Column) throws -> LocalDate {
        guard let date = LocalDate(iso: raw) else { throw failure(column, raw) }
        return date
    }

    /// A moment stored as ISO 8601 text in UTC.
    static func storedTimestamp(_ raw: String, _ column: Column) throws -> Date {
        guard let date = Timestamp.date(raw) else { throw failure(column, raw) }
        return date
    }

    static func storedTimestamp(_ raw: String?, _ column: Column) throws -> Date? {
        try raw.map { try storedTimestamp($0, column) }
    }

    /// A JSON text.
    static func storedJSON<T: Decodable>(_ type: T.Type, _ raw: String, _ column: Column) throws -> T {
        do {
            return try JSONDecoder().decode(type, from: Data(raw.utf8))
        } catch {
            throw failure(column, raw)
        }
    }
}

/// Stored text for values that are not columns of their own.
enum StoredText {
    /// JSON with sorted keys and plain slashes: the same value always gives the same bytes.
    static func json<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding these plain value types cannot fail; an empty text would be refused on reading.
        return String(decoding: (try? encoder.encode(value)) ?? Data(), as: UTF8.self)
    }

    static func list<E: RawRepresentable>(_ values: [E]) -> String where E.RawValue == String {
        values.map(\.rawValue).joined(separator: ",")
    }
}

/// Reads a row's columns in the order a record selects them (its `databaseSelection`), by index: the roster,
/// the board checks and the lists read tens of thousands of rows, and looking each column up by name (as
/// Codable decoding does) costs several times the reading itself.
struct ColumnReader {
    let row: Row
    var index = 0

    init(_ row: Row) { self.row = row }

    mutating func next<Value: DatabaseValueConvertible & StatementColumnConvertible>() throws -> Value {
        defer { index += 1 }
        return try row.decode(Value.self, atIndex: index)
    }
}
