import Foundation
import Testing
@testable import Domain

/// The hand-over's field in the manifest: optional, so manifests written before it decode and sign as before, and
/// checked before anything is read (only the commune it names takes a hand-over).
@Suite struct HandOverManifestTests {
    let province = ExchangeOffice(level: .province, code: 37, name: "Tỉnh Ninh Bình", provinceCode: 37)
    let nghiaSon = ExchangeOffice(level: .commune, code: 13918, name: "Xã Nghĩa Sơn", provinceCode: 37)
    let hoaLu = ExchangeOffice(level: .commune, code: 14329, name: "Phường Hoa Lư", provinceCode: 37)

    func manifest(_ key: OfficeKey, office: ExchangeOffice, handOverTo: Int?) -> BundleManifest {
        BundleManifest(programVersion: "1.0", schemaSteps: ["v1"], office: office, sequence: 3,
                       writtenAt: Date(timeIntervalSince1970: 1_763_700_000), counts: ["centre": 1],
                       parts: ["data.sqlite": "ab"], auditHead: nil, publicKey: key.publicKey, handOverTo: handOverTo)
    }

    func check(_ manifest: BundleManifest, key: OfficeKey, at receiver: ExchangeOffice) throws {
        let bytes = try manifest.encoded()
        try BundleCheck.check(manifest, manifestBytes: bytes, signature: try key.sign(bytes), known: nil,
                              receiver: receiver, knownSchemaSteps: ["v1"])
    }

    @Test func aManifestWithoutTheFieldDecodesAndKeepsItsBytes() throws {
        let key = OfficeKey()
        let ordinary = manifest(key, office: province, handOverTo: nil)
        let bytes = try ordinary.encoded()
        #expect(!String(decoding: bytes, as: UTF8.self).contains("handOverTo"), "an ordinary bundle's bytes are as before")
        // A manifest as an older program wrote it (no such key at all) decodes, with no hand-over.
        var json = try #require(try JSONSerialization.jsonObject(with: bytes) as? [String: Any])
        json["handOverTo"] = nil
        let older = try BundleManifest.decode(try JSONSerialization.data(withJSONObject: json))
        #expect(older.handOverTo == nil && older == ordinary)
        let handOver = manifest(key, office: province, handOverTo: 13918)
        #expect(try BundleManifest.decode(try handOver.encoded()).handOverTo == 13918)
    }

    @Test func onlyTheNamedCommuneTakesAHandOver() throws {
        let key = OfficeKey()
        let handOver = manifest(key, office: province, handOverTo: 13918)
        try check(handOver, key: key, at: nghiaSon)
        #expect(throws: BundleProblem.handOverForOtherCommune(13918)) { try check(handOver, key: key, at: hoaLu) }
        #expect(throws: BundleProblem.handOverNeedsCommuneOffice(13918)) { try check(handOver, key: key, at: province) }
        #expect(throws: BundleProblem.notForThisOffice, "a commune hands nothing over") {
            try check(manifest(key, office: hoaLu, handOverTo: 13918), key: key, at: nghiaSon)
        }
    }
}
