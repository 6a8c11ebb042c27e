import Foundation
import ZIPFoundation

/// An Office file as what it is: a ZIP of named parts. Read whole into memory (documents are small), changed part
/// by part, and written back in memory, so that the file on disk is written once, by `OutputFile`, with its
/// permissions set from the start.
public struct ZipPackage: Sendable {
    public private(set) var paths: [String] = []
    private var parts: [String: Data] = [:]

    public init() {}

    /// The parts of a ZIP file, in their stored order. Anything that is not a readable ZIP is `notAPackage`.
    public static func read(_ data: Data, name: String) throws -> ZipPackage {
        let archive: Archive
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw DocumentError.notAPackage(name: name)
        }
        var package = ZipPackage()
        for entry in archive where entry.type == .file {
            var bytes = Data()
            do {
                _ = try archive.extract(entry, skipCRC32: false) { bytes.append($0) }
            } catch {
                throw DocumentError.notAPackage(name: name)
            }
            package[entry.path] = bytes
        }
        guard !package.paths.isEmpty else { throw DocumentError.notAPackage(name: name) }
        return package
    }

    public subscript(path: String) -> Data? {
        get { parts[path] }
        set {
            if parts[path] == nil, newValue != nil { paths.append(path) }
            if newValue == nil { paths.removeAll { $0 == path } }
            parts[path] = newValue
        }
    }

    /// Sets a part to an XML tree, written by `XMLWriter`.
    public mutating func set(_ path: String, _ root: XElement) { self[path] = XMLWriter.document(root) }

    /// The ZIP bytes: every part deflated, with one fixed date, so the same content gives the same bytes.
    public func zipped() throws -> Data {
        do {
            let archive = try Archive(accessMode: .create)
            for path in paths {
                let bytes = parts[path] ?? Data()
                try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count),
                                     modificationDate: Self.fixedDate, compressionMethod: .deflate) { position, size in
                    bytes.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            guard let data = archive.data else { throw DocumentError.packagingFailed }
            return data
        } catch let error as DocumentError {
            throw error
        } catch {
            throw DocumentError.packagingFailed
        }
    }

    /// 1 July 2025, the day the two-tier local government began.
    static let fixedDate = Date(timeIntervalSince1970: 1_751_328_000)
}
