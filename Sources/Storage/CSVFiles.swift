import CSV
import Foundation

public enum CSVFileError: Error, Equatable {
    case unreadable(path: String)
    /// Not UTF-8 (for example Windows-1258 from an old Excel): the user saves it again as "CSV UTF-8".
    case notUTF8(path: String)
    case empty(path: String)
    case unwritable(path: String, detail: String)
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

    /// A CSV file for Excel as bytes: UTF-8 with a BOM, comma-separated, every cell neutralised.
    public static func data(headers: [String], rows: [[String]], path: String) throws -> Data {
        let stream = OutputStream(toMemory: ())
        do {
            let writer = try CSVWriter(stream: stream)
            try writer.write(row: headers.map(neutralise))
            for row in rows { try writer.write(row: row.map(neutralise)) }
            writer.stream.close()
        } catch {
            throw CSVFileError.unwritable(path: path, detail: "\(error)")
        }
        guard let body = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data else {
            throw CSVFileError.unwritable(path: path, detail: "no data")
        }
        return Data(bom) + body
    }

    /// Writes a CSV file for Excel (see `data`). Replaces the file in one step, so a power cut leaves the old file
    /// or the new one.
    public static func write(path: String, headers: [String], rows: [[String]]) throws {
        let bytes = try data(headers: headers, rows: rows, path: path)
        do {
            try bytes.write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw CSVFileError.unwritable(path: path, detail: error.localizedDescription)
        }
    }
}
