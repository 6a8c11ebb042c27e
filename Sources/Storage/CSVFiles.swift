import CSV
import Foundation

public enum CSVFileError: Error, Equatable {
    case unreadable(path: String)
    /// Not UTF-8 (for example Windows-1258 from an old Excel): the user saves it again as "CSV UTF-8".
    case notUTF8(path: String)
    case empty(path: String)
    case unwritable(path: String, reason: SystemError)
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

    public static func read(path: String) throws -> CSVTable {
        guard let data = FileManager.default.contents(atPath: path) else { throw CSVFileError.unreadable(path: path) }
        var bytes = data
        if bytes.starts(with: bom) { bytes = bytes.dropFirst(3) }
        guard let text = String(data: bytes, encoding: .utf8) else { throw CSVFileError.notUTF8(path: path) }
        let firstLine = text.prefix { $0 != "\n" && $0 != "\r\n" }
        let delimiter: Character = firstLine.filter { $0 == ";" }.count > firstLine.filter { $0 == "," }.count ? ";" : ","
        do {
            let reader = try CSVReader(string: text, hasHeaderRow: true, trimFields: true,
                                       delimiter: delimiter.unicodeScalars.first!)
            guard let headers = reader.headerRow, headers.contains(where: { !$0.isEmpty }) else {
                throw CSVFileError.empty(path: path)
            }
            var rows: [[String]] = []
            while let row = reader.next() {
                if row.allSatisfy({ $0.isEmpty }) { continue }
                rows.append(row.map { $0.precomposedStringWithCanonicalMapping })
            }
            return CSVTable(headers: headers.map { $0.precomposedStringWithCanonicalMapping.trimmingCharacters(in: .whitespaces) },
                            rows: rows, delimiter: delimiter)
        } catch let error as CSVFileError {
            throw error
        } catch {
            throw CSVFileError.empty(path: path)
        }
    }

    /// A cell that a spreadsheet would run as a formula (= + - @, tab, carriage return) gets a leading apostrophe.
    public static func neutralise(_ cell: String) -> String {
        guard let first = cell.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return cell }
        return "'" + cell
    }

    /// Writes a CSV file for Excel: UTF-8 with a BOM, comma-separated, every cell neutralised. Replaces the file
    /// in one step, so a power cut leaves the old file or the new one. Created 0600: exports and import reports
    /// hold names, birth years and disabilities.
    public static func write(path: String, headers: [String], rows: [[String]]) throws {
        let stream = OutputStream(toMemory: ())
        do {
            let writer = try CSVWriter(stream: stream)
            try writer.write(row: headers.map(neutralise))
            for row in rows { try writer.write(row: row.map(neutralise)) }
            writer.stream.close()
        } catch {
            throw CSVFileError.unwritable(path: path, reason: .ioError)
        }
        guard let body = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data else {
            throw CSVFileError.unwritable(path: path, reason: .ioError)
        }
        do {
            try PrivateFile.write(Data(bom) + body, to: path)
        } catch let error as SystemErrorBox {
            throw CSVFileError.unwritable(path: path, reason: error.reason)
        }
    }
}
