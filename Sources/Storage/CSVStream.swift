import Domain
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A CSV file read record by record, a megabyte at a time, so that a file of any size costs the same memory.
/// Comma or semicolon (whichever the first line holds more of), UTF-8 with or without a BOM, fields quoted
/// with "" escapes, CR, LF or CRLF line ends, spaces around fields trimmed, rows of empty cells skipped, every
/// cell in NFC. It also hashes every byte it reads (SHA-256), for the import's audit entry.
public final class CSVStream {
    /// The longest record accepted: a file with longer lines is not a table (or is damaged) and is refused
    /// as soon as that much has been read, instead of being held whole.
    public static let recordLimit = 1 << 20
    static let chunkSize = 1 << 20

    public let path: String
    public let fileSize: Int
    public private(set) var delimiter: Character = ","
    public private(set) var headers: [String] = []
    /// Bytes read from the file so far, for progress.
    public private(set) var bytesRead = 0
    /// The line of the file where the last record returned began (1 is the header).
    public private(set) var line = 1

    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEnd = false
    private var nextLine = 1
    private var digest = ContentDigest()
    private var separator = UInt8(ascii: ",")

    public init(path: String) throws {
        self.path = path
        descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw CSVFileError.unreadable(path: path) }
        var info = stat()
        fileSize = fstat(descriptor, &info) == 0 ? Int(info.st_size) : 0
        buffer.reserveCapacity(Self.chunkSize * 2)
        do {
            try fill()
            if buffer.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
            let firstLine = buffer[position...].prefix { $0 != 0x0A && $0 != 0x0D }
            if firstLine.count >= Self.recordLimit { throw CSVFileError.recordTooLong(path: path, line: 1, limit: Self.recordLimit) }
            let semicolons = firstLine.filter { $0 == UInt8(ascii: ";") }.count
            let commas = firstLine.filter { $0 == UInt8(ascii: ",") }.count
            separator = semicolons > commas ? UInt8(ascii: ";") : UInt8(ascii: ",")
            delimiter = Character(Unicode.Scalar(separator))
            guard let header = try record(), header.contains(where: { !$0.isEmpty }) else {
                throw CSVFileError.empty(path: path)
            }
            headers = header.map { $0.trimmingCharacters(in: .whitespaces) }
        } catch {
            close(descriptor)
            throw error
        }
    }

    deinit { close(descriptor) }

    /// The next data row, or nil at the end of the file.
    public func next() throws -> [String]? {
        while let row = try record() {
            if row.contains(where: { !$0.isEmpty }) { return row }
        }
        return nil
    }

    /// SHA-256 of the whole file, in hex; call after the last row.
    public func sha256() throws -> String {
        while !atEnd {
            position = buffer.count
            try fill()
        }
        return digest.hex()
    }

    /// Reads the next chunk behind what is left of the buffer.
    private func fill() throws {
        if position > 0 {
            buffer.removeSubrange(0..<position)
            position = 0
        }
        let start = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: Self.chunkSize))
        let count = buffer.withUnsafeMutableBytes { raw in
            read(descriptor, raw.baseAddress! + start, Self.chunkSize)
        }
        guard count >= 0 else {
            buffer.removeSubrange(start...)
            throw CSVFileError.unreadable(path: path)
        }
        buffer.removeSubrange((start + count)...)
        buffer.withUnsafeBytes { raw in digest.update(UnsafeRawBufferPointer(rebasing: raw[start..<(start + count)])) }
        bytesRead += count
        if count == 0 { atEnd = true }
    }

    /// One record, or nil at the end of the file. Parsed from the buffer; when the buffer ends inside the
    /// record, more is read and the record parsed again from its start.
    private func record() throws -> [String]? {
        while true {
            switch try parse() {
            case .complete(let fields, let end, let lines):
                position = end
                line = nextLine
                nextLine += lines
                return fields
            case .endOfFile:
                return nil
            case .needMore:
                if buffer.count - position >= Self.recordLimit {
                    throw CSVFileError.recordTooLong(path: path, line: nextLine, limit: Self.recordLimit)
                }
                try fill()
            }
        }
    }

    private enum Parsed {
        case complete([String], end: Int, lines: Int)
        case needMore
        case endOfFile
    }

    private func parse() throws -> Parsed {
        let (start, atEnd, separator) = (position, self.atEnd, self.separator)
        return try buffer.withUnsafeBufferPointer { buffer in
            try Self.parse(buffer, from: start, atEnd: atEnd, separator: separator, path: path)
        }
    }

    /// One record from `buffer` at `start`: a pure function of the bytes, so the loop touches no property.
    private static func parse(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int, atEnd: Bool, separator: UInt8,
                              path: String) throws -> Parsed {
        let quote = UInt8(ascii: "\""), cr: UInt8 = 0x0D, lf: UInt8 = 0x0A
        var at = start
        let count = buffer.count
        if at >= count { return atEnd ? .endOfFile : .needMore }
        var fields: [String] = []
        var lines = 1
        var field: [UInt8] = []
        while true {
            // Leading spaces and tabs.
            while at < count, buffer[at] == 0x20 || buffer[at] == 0x09 { at += 1 }
            if at < count, buffer[at] == quote {
                field.removeAll(keepingCapacity: true)
                at += 1
                var closed = false
                while at < count {
                    let byte = buffer[at]
                    if byte == quote {
                        if at + 1 < count, buffer[at + 1] == quote {
                            field.append(quote)
                            at += 2
                            continue
                        }
                        if at + 1 >= count && !atEnd { return .needMore }
                        at += 1
                        closed = true
                        break
                    }
                    if byte == lf { lines += 1 }
                    field.append(byte)
                    at += 1
                }
                if !closed && !atEnd { return .needMore }
                while at < count, buffer[at] == 0x20 || buffer[at] == 0x09 { at += 1 }
                // Anything but a delimiter or a line end after the closing quote is kept as text.
                while at < count, buffer[at] != separator, buffer[at] != cr, buffer[at] != lf {
                    field.append(buffer[at])
                    at += 1
                }
                // The buffer may end inside a character: convert only a field known to be whole.
                if at >= count && !atEnd { return .needMore }
                fields.append(try text(field[...], trim: false, path: path))
            } else {
                let begin = at
                while at < count, buffer[at] != separator, buffer[at] != cr, buffer[at] != lf { at += 1 }
                if at >= count && !atEnd { return .needMore }
                fields.append(try text(buffer[begin..<at], trim: true, path: path))
            }
            if at >= count { return .complete(fields, end: at, lines: lines) }
            let byte = buffer[at]
            at += 1
            if byte == separator { continue }
            if byte == cr {
                if at >= count && !atEnd { return .needMore }
                if at < count, buffer[at] == lf { at += 1 }
            }
            return .complete(fields, end: at, lines: lines)
        }
    }

    /// The white space of Unicode's space separators beyond ASCII (no-break, en and em spaces...).
    private static func isWideSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0xA0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    private static func text<Bytes: RandomAccessCollection>(_ bytes: Bytes, trim: Bool, path: String) throws -> String
        where Bytes.Element == UInt8, Bytes.Index == Int
    {
        var end = bytes.endIndex
        if trim { while end > bytes.startIndex, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 } }
        let slice = bytes[bytes.startIndex..<end]
        let converted: String? = slice.withContiguousStorageIfAvailable { raw in
            // ASCII needs no validation; anything else goes through the standard library's check.
            raw.allSatisfy { $0 < 0x80 } ? String(decoding: raw, as: UTF8.self) : String(validating: raw, as: UTF8.self)
        } ?? String(validating: Array(slice), as: UTF8.self)
        guard let text = converted else { throw CSVFileError.notUTF8(path: path) }
        // Spaces other than ASCII ones (a no-break space from Excel) are rare: only then the long way.
        if trim, let first = text.unicodeScalars.first, let last = text.unicodeScalars.last,
           Self.isWideSpace(first) || Self.isWideSpace(last) {
            return text.trimmingCharacters(in: .whitespaces).nfc
        }
        return text.nfc
    }
}
