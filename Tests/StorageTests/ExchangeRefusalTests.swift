import Domain
import Foundation
import Testing
import ZIPFoundation
@testable import Storage

/// Hostile and damaged bundles: each is refused with its reason, and the province's file is byte for byte as it was.
@Suite struct ExchangeRefusalTests {
    /// The province's file (and its WAL) as bytes.
    func snapshot(_ offices: ExchangeOffices) throws -> [Data] {
        let path = offices.province.path
        return [path, path + "-wal"].map { (try? Data(contentsOf: URL(fileURLWithPath: $0))) ?? Data() }
    }

    func refused(_ offices: ExchangeOffices, _ url: URL) throws -> BundleProblem? {
        let before = try snapshot(offices)
        let audit = try offices.province.auditEntries().count
        defer {
            #expect(try! snapshot(offices) == before, "the province's file is unchanged")
            #expect(try! offices.province.auditEntries().count == audit)
        }
        do {
            _ = try offices.receive(url)
            return nil
        } catch let problem as BundleProblem {
            return problem
        }
    }

    /// A bundle written here with any manifest, data and key.
    func forge(_ offices: ExchangeOffices, name: String, manifest: BundleManifest, key: OfficeKey, data: URL) throws -> URL {
        let bytes = try manifest.encoded()
        let url = offices.usb.appendingPathComponent(name)
        try BundleArchive.write(to: url, manifest: bytes, signature: try key.sign(bytes), data: data)
        return url
    }

    /// A real bundle's parts, unpacked, to forge from.
    func parts(_ url: URL, into folder: TempFolder) throws -> (BundleManifest, URL) {
        let opened = try BundleArchive.open(url)
        let data = URL(fileURLWithPath: folder.path("data-\(UUID().uuidString).sqlite"))
        try BundleArchive.extractData(opened, to: data)
        return (opened.manifest, data)
    }

    func copy(_ m: BundleManifest, sequence: Int? = nil, office: ExchangeOffice? = nil, steps: [String]? = nil,
              key: OfficeKey? = nil) -> BundleManifest {
        BundleManifest(programVersion: m.programVersion, schemaSteps: steps ?? m.schemaSteps, office: office ?? m.office,
                       sequence: sequence ?? m.sequence, writtenAt: m.writtenAt, counts: m.counts, parts: m.parts,
                       auditHead: m.auditHead, publicKey: key?.publicKey ?? m.publicKey)
    }

    @Test func aFileThatIsNotABundleIsRefused() throws {
        let offices = try ExchangeOffices()
        let text = offices.usb.appendingPathComponent("ghi-chu.tthtcd")
        try Data("Danh sách học viên\n".utf8).write(to: text)
        #expect(try refused(offices, text) == .notABundle)
        let empty = offices.usb.appendingPathComponent("rong.tthtcd")
        try Data().write(to: empty)
        #expect(try refused(offices, empty) == .notABundle)
    }

    @Test func aTruncatedBundleIsRefused() throws {
        let offices = try ExchangeOffices()
        let url = try offices.export(13918)
        let whole = try Data(contentsOf: url)
        try whole.prefix(whole.count / 2).write(to: url)
        #expect(try refused(offices, url) == .truncated)
    }

    /// Bytes of the signed parts and of the zip's headers. The zip's last record (the central directory's tail)
    /// holds dates and attributes no reader takes content from and the signature does not cover: a flip there
    /// can leave the signed content whole, so it is not among these positions (see docs/EXCHANGE.md).
    @Test(arguments: [0.02, 0.3, 0.5, 0.8, 0.97])
    func aBundleAlteredByOneByteIsRefused(_ at: Double) throws {
        let offices = try ExchangeOffices()
        let url = try offices.export(13918)
        var bytes = try Data(contentsOf: url)
        let index = min(bytes.count - 1, Int(Double(bytes.count) * at))
        bytes[index] ^= 0x20
        try bytes.write(to: url)
        #expect(try refused(offices, url) != nil, "byte \(index) of \(bytes.count)")
    }

    @Test func anAlteredDataPartUnderAValidSignatureIsRefused() throws {
        let offices = try ExchangeOffices()
        let folder = TempFolder()
        let (manifest, data) = try parts(try offices.export(13918), into: folder)
        let handle = try FileHandle(forUpdating: data)
        try handle.seek(toOffset: 5000)
        try handle.write(contentsOf: Data([0x55]))
        try handle.close()
        let key = try OfficeKeyFile.loadOrCreate(forDataFile: offices.communes[13918]!.path)
        let url = try forge(offices, name: "X13918-000009.tthtcd", manifest: copy(manifest, sequence: 9), key: key, data: data)
        #expect(try refused(offices, url) == .partAltered("data.sqlite"))
    }

    @Test func aBundleSignedByAnotherKeyIsRefused() throws {
        let offices = try ExchangeOffices()
        let folder = TempFolder()
        let genuine = try offices.export(13918)
        _ = try offices.receive(genuine)
        let (manifest, data) = try parts(genuine, into: folder)
        let thief = OfficeKey()
        let url = try forge(offices, name: "X13918-000002.tthtcd", manifest: copy(manifest, sequence: 2, key: thief),
                            key: thief, data: data)
        guard case .keyMismatch(let fingerprint, let pinned)? = try refused(offices, url) else {
            Issue.record("not refused for its key")
            return
        }
        #expect(fingerprint == OfficeKey.fingerprint(thief.publicKey))
        #expect(pinned == OfficeKey.fingerprint(manifest.publicKey))
    }

    @Test func aBundleFromAnotherProvinceIsRefused() throws {
        let offices = try ExchangeOffices()
        let folder = TempFolder()
        let (manifest, data) = try parts(try offices.export(13918), into: folder)
        let stranger = OfficeKey()
        let elsewhere = ExchangeOffice(level: .commune, code: 4, name: "Phường Ba Đình", provinceCode: 1)
        let url = try forge(offices, name: "X4-000001.tthtcd", manifest: copy(manifest, office: elsewhere, key: stranger),
                            key: stranger, data: data)
        #expect(try refused(offices, url) == .otherProvince(1))
    }

    @Test func aRepeatedOrOlderSequenceIsRefused() throws {
        let offices = try ExchangeOffices()
        let first = try offices.export(13918)
        let second = try offices.export(13918)
        _ = try offices.receive(second)
        #expect(try refused(offices, second) == .staleSequence(received: 2, last: 2))
        #expect(try refused(offices, first) == .staleSequence(received: 1, last: 2))
    }

    @Test func aBundleFromANewerProgramIsRefused() throws {
        let offices = try ExchangeOffices()
        let folder = TempFolder()
        let (manifest, data) = try parts(try offices.export(13918), into: folder)
        let key = try OfficeKeyFile.loadOrCreate(forDataFile: offices.communes[13918]!.path)
        let url = try forge(offices, name: "X13918-000005.tthtcd",
                            manifest: copy(manifest, sequence: 5, steps: manifest.schemaSteps + ["v99-future"]), key: key,
                            data: data)
        #expect(try refused(offices, url) == .newerProgram)
    }

    @Test func aPartNamedOutsideTheBundleIsRefused() throws {
        let offices = try ExchangeOffices()
        let url = offices.usb.appendingPathComponent("X13918-000003.tthtcd")
        let archive = try Archive(url: url, accessMode: .create)
        for name in ["manifest.json", "manifest.sig", "data.sqlite", "../../.bashrc"] {
            let bytes = Data("x".utf8)
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(bytes.count)) { (_: Int64, _: Int) in bytes }
        }
        #expect(try refused(offices, url) == .unexpectedPart("../../.bashrc"))
    }

    @Test func aZipBombIsRefusedBeforeItIsUnpacked() throws {
        let offices = try ExchangeOffices()
        let url = offices.usb.appendingPathComponent("X13918-000004.tthtcd")
        let archive = try Archive(url: url, accessMode: .create)
        let zeros = Data(count: 8 << 20)
        try archive.addEntry(with: "manifest.json", type: .file, uncompressedSize: Int64(zeros.count),
                             compressionMethod: .deflate) { (position: Int64, size: Int) in
            zeros.subdata(in: Int(position)..<Int(position) + size)
        }
        for name in ["manifest.sig", "data.sqlite"] {
            let one = Data("x".utf8)
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(1)) { (_: Int64, _: Int) in one }
        }
        let size = try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int ?? 0
        #expect(size < 64 << 10, "a small file")
        #expect(try refused(offices, url) == .tooLarge)
    }

    @Test func aCommunesBundleIsNotForAnotherCommune() throws {
        let offices = try ExchangeOffices()
        let url = try offices.export(13918)
        let other = offices.communes[14329]!
        #expect(throws: BundleProblem.notForThisOffice) {
            _ = try other.receiveBundle(at: url, receiver: try ExchangeOffices.office(other), by: clerk, at: offices.moment)
        }
    }

    @Test func previewsTellWhatWouldBeRefusedWithoutChangingAnything() throws {
        let offices = try ExchangeOffices()
        _ = try offices.export(13918)
        _ = try offices.export(14329)
        try Data("không phải gói".utf8).write(to: offices.usb.appendingPathComponent("la.tthtcd"))
        let before = try snapshot(offices)
        let previews = try offices.province.previewBundles(in: offices.usb, receiver: offices.provinceOffice)
        #expect(previews.map(\.url.lastPathComponent) == ["X13918-000001.tthtcd", "X14329-000001.tthtcd", "la.tthtcd"])
        #expect(previews.map(\.problem) == [nil, nil, .notABundle])
        #expect(previews.prefix(2).allSatisfy { $0.firstExchange })
        #expect(try snapshot(offices) == before)
    }
}
