import Domain
import Foundation
#if canImport(Glibc)
import Glibc
#endif

public enum CSVFileError: Error, Equatable {
    case unreadable(path: String)
    /// Not UTF-8 (for example Windows-1258 from an old Excel): the user saves it again as "CSV UTF-8".
    case notUTF8(path: String)
    case empty(path: String)
    case unwritable(path: String, reason: SystemError)
    /// A record longer than ``CSVStream/recordLimit`` bytes: not a table, or damaged (a file on one line).
    case recordTooLong(path: String, line: Int, limit: Int)
}

/// A spreadsheet as text: a header row and data rows.
public struct CSVTable: Equatable, Sendable {
    public let headers: [String]
    public let rows: [[String]]
    public let delimiter: Character
}

/// Reading CSV files people bring (Excel, KoboToolbox, ODK: comma or semicolon, UTF-8 with or without BOM) and
/// writing CSV files Excel opens correctly (UTF-8 with BOM, formulas neutralised).
public enum CSVFiles {
    static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// The whole file in memory, for a screen that shows it; imports stream it with ``CSVStream``.
    public static func read(path: String) throws -> CSVTable {
        let stream = try CSVStream(path: path)
        var rows: [[String]] = []
        while let row = try stream.next() { rows.append(row) }
        return CSVTable(headers: stream.headers, rows: rows, delimiter: stream.delimiter)
    }

    /// SHA-256 of a file's bytes, in hex, read a megabyte at a time.
    public static func sha256(path: String) throws -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw CSVFileError.unreadable(path: path) }
        defer { try? handle.close() }
        var digest = ContentDigest()
        do {
            while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty { digest.update(chunk) }
        } catch {
            throw CSVFileError.unreadable(path: path)
        }
        return digest.hex()
    }

    /// A cell that a spreadsheet would run as a formula (= + - @, tab, carriage return) gets a leading apostrophe.
    public static func neutralise(_ cell: String) -> String {
        guard let first = cell.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return cell }
        return "'" + cell
    }

    /// Writes a CSV file for Excel: UTF-8 with a BOM, cells separated as `style` says, every cell neutralised.
    /// Replaces the file in one step, so a power cut leaves the old file or the new one. Created 0600: exports
    /// and import reports hold names, birth years and disabilities.
    public static func write(path: String, style: CSVStyle, headers: [String], rows: [[String]]) throws {
        try write(path: path, style: style, headers: headers) { emit in
            for row in rows { try emit(row) }
        }
    }

    /// The same, with rows handed over one at a time by `body`: a file of any length is written in constant
    /// memory, into a temporary file beside the target that is renamed over it at the end.
    public static func write(path: String, style: CSVStyle, headers: [String],
                             _ body: (_ emit: ([String]) throws -> Void) throws -> Void) throws {
        // 0600 from the start: the rows hold names, birth years and disabilities.
        let temporary = path + ".tmp-\(getpid())-\(UUID().uuidString.prefix(8))"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw CSVFileError.unwritable(path: path, reason: .current) }
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        var pending: [UInt8] = bom
        func unwritable(_ work: () throws -> Void) throws {
            do { try work() } catch { throw CSVFileError.unwritable(path: path, reason: SystemError(error)) }
        }
        func flush() throws {
            try unwritable {
                try handle.seekToEnd()
                try handle.write(contentsOf: pending)
            }
            pending.removeAll(keepingCapacity: true)
        }
        let separator = style.separator
        func emit(_ row: [String]) throws {
            for (index, cell) in row.enumerated() {
                if index > 0 { pending.append(separator) }
                let text = neutralise(cell)
                if text.utf8.contains(where: { $0 == 0x22 || $0 == separator || $0 == 0x0A || $0 == 0x0D }) {
                    pending.append(0x22)
                    for byte in text.utf8 {
                        if byte == 0x22 { pending.append(0x22) }
                        pending.append(byte)
                    }
                    pending.append(0x22)
                } else {
                    pending.append(contentsOf: text.utf8)
                }
            }
            pending.append(0x0A)
            if pending.count > 1 << 20 { try flush() }
        }
        do {
            try emit(headers)
            try body(emit)
            try flush()
            try unwritable {
                try handle.synchronize()
                try handle.close()
                guard rename(temporary, path) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            }
        } catch {
            // A failure of the file, or of what gives the rows (a read of the data file): no half-written file.
            try? handle.close()
            try? FileManager.default.removeItem(atPath: temporary)
            throw error
        }
    }
}
