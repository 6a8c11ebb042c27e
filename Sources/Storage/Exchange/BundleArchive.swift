import Crypto
import Domain
import Foundation
import ZIPFoundation

/// The `.tthtcd` file: a zip of exactly three parts. Reading it trusts nothing: the file's size, each part's
/// name and size are checked before a byte is unpacked, and unpacking stops at the limit whatever the zip
/// declares (a zip bomb), so a hostile file is refused without filling the disk.
enum BundleArchive {
    static let manifestName = "manifest.json"
    static let signatureName = "manifest.sig"
    static let dataName = "data.sqlite"
    static let fileExtension = "tthtcd"

    /// Far beyond any commune's data (a million forms is ~1 GB), far below a full disk.
    static let dataLimit: UInt64 = 4 << 30
    static let manifestLimit: UInt64 = 1 << 20
    static let signatureLimit: UInt64 = 1 << 10

    /// The manifest's bytes and signature, read from a bundle without unpacking its data.
    struct Opened {
        let archive: Archive
        let manifestBytes: Data
        let signature: Data
        let manifest: BundleManifest
        let dataEntry: Entry
    }

    static func open(_ url: URL) throws -> Opened {
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? UInt64) ?? nil
        guard let size else { throw BundleProblem.notABundle }
        if size > dataLimit + manifestLimit { throw BundleProblem.tooLarge }
        let archive: Archive
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            // A zip's local header at the start but no readable directory at the end: cut short on the way.
            throw startsLikeZip(url) ? BundleProblem.truncated : BundleProblem.notABundle
        }
        var entries: [String: Entry] = [:]
        for entry in archive {
            let limits = [manifestName: manifestLimit, signatureName: signatureLimit, dataName: dataLimit]
            guard entry.type == .file, let limit = limits[entry.path], entries[entry.path] == nil else {
                throw BundleProblem.unexpectedPart(entry.path)
            }
            if entry.uncompressedSize > limit { throw BundleProblem.tooLarge }
            entries[entry.path] = entry
        }
        guard let manifestEntry = entries[manifestName], let signatureEntry = entries[signatureName],
              let dataEntry = entries[dataName] else { throw BundleProblem.notABundle }
        let manifestBytes = try read(manifestEntry, from: archive, limit: manifestLimit)
        let signature = try read(signatureEntry, from: archive, limit: signatureLimit)
        guard let manifest = try? BundleManifest.decode(manifestBytes) else {
            // Unreadable but signed data would still be refused by the signature: say it is not a bundle.
            throw BundleProblem.notABundle
        }
        return Opened(archive: archive, manifestBytes: manifestBytes, signature: signature, manifest: manifest,
                      dataEntry: dataEntry)
    }

    /// Unpacks the data part to `target`, checking its CRC and its SHA-256 against the (signed) manifest.
    static func extractData(_ opened: Opened, to target: URL) throws {
        FileManager.default.createFile(atPath: target.path, contents: nil, attributes: [.posixPermissions: 0o600])
        let handle = try FileHandle(forWritingTo: target)
        defer { try? handle.close() }
        var hasher = SHA256()
        var written: UInt64 = 0
        let checksum: CRC32
        do {
            checksum = try opened.archive.extract(opened.dataEntry) { chunk in
                written += UInt64(chunk.count)
                if written > dataLimit || written > opened.dataEntry.uncompressedSize { throw BundleProblem.tooLarge }
                hasher.update(data: chunk)
                try handle.write(contentsOf: chunk)
            }
        } catch let problem as BundleProblem {
            throw problem
        } catch {
            throw BundleProblem.partAltered(dataName)
        }
        let digest = hasher.finalize().map { String(format: "%02x", $0) }.joined()
        guard checksum == opened.dataEntry.checksum, written == opened.dataEntry.uncompressedSize,
              opened.manifest.parts[dataName] == digest else {
            throw BundleProblem.partAltered(dataName)
        }
    }

    /// Writes the three parts to `url` (a new file).
    static func write(to url: URL, manifest: Data, signature: Data, data: URL) throws {
        let archive = try Archive(url: url, accessMode: .create)
        try archive.addEntry(with: manifestName, type: .file, uncompressedSize: Int64(manifest.count),
                             compressionMethod: .deflate) { position, size in
            manifest.subdata(in: Int(position)..<Int(position) + size)
        }
        try archive.addEntry(with: signatureName, type: .file, uncompressedSize: Int64(signature.count)) { position, size in
            signature.subdata(in: Int(position)..<Int(position) + size)
        }
        try archive.addEntry(with: dataName, fileURL: data, compressionMethod: .deflate)
    }

    static func sha256(of url: URL) throws -> String {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        var hasher = SHA256()
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty { hasher.update(data: chunk) }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }

    private static func read(_ entry: Entry, from archive: Archive, limit: UInt64) throws -> Data {
        var data = Data()
        do {
            let checksum = try archive.extract(entry) { chunk in
                data.append(chunk)
                if UInt64(data.count) > limit { throw BundleProblem.tooLarge }
            }
            guard checksum == entry.checksum else { throw BundleProblem.partAltered(entry.path) }
        } catch let problem as BundleProblem {
            throw problem
        } catch {
            throw BundleProblem.partAltered(entry.path)
        }
        return data
    }

    private static func startsLikeZip(_ url: URL) -> Bool {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return false }
        defer { try? handle.close() }
        return (try? handle.read(upToCount: 4)) == Data([0x50, 0x4B, 0x03, 0x04])
    }
}
