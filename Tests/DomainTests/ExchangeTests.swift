import Foundation
import Testing
@testable import Domain

@Suite struct BundleCheckTests {
    let commune = ExchangeOffice(level: .commune, code: 13918, name: "Xã Nghĩa Sơn", provinceCode: 37)
    let province = ExchangeOffice(level: .province, code: 37, name: "Tỉnh Ninh Bình", provinceCode: 37)
    let steps = ["v1", "v2"]

    func signed(_ key: OfficeKey, sequence: Int = 1, office: ExchangeOffice? = nil, steps: [String]? = nil)
        throws -> (BundleManifest, Data, Data)
    {
        let manifest = BundleManifest(programVersion: "1.0", schemaSteps: steps ?? self.steps, office: office ?? commune,
                                      sequence: sequence, writtenAt: Date(timeIntervalSince1970: 1_763_700_000),
                                      counts: ["centre": 1], parts: ["data.sqlite": "ab"],
                                      auditHead: AuditHead(entry: 12, hash: "ff"), publicKey: key.publicKey)
        let bytes = try manifest.encoded()
        return (manifest, bytes, try key.sign(bytes))
    }

    @Test func aSignedBundleFromACommuneOfTheProvinceIsAccepted() throws {
        let key = OfficeKey()
        let (manifest, bytes, signature) = try signed(key)
        try BundleCheck.check(manifest, manifestBytes: bytes, signature: signature, known: nil, receiver: province,
                              knownSchemaSteps: steps)
        let decoded = try BundleManifest.decode(bytes)
        #expect(decoded == manifest)
        #expect(try decoded.encoded() == bytes, "the same manifest always gives the same bytes")
    }

    @Test func oneAlteredByteBreaksTheSignature() throws {
        let (manifest, bytes, signature) = try signed(OfficeKey())
        var altered = bytes
        altered[altered.count / 2] ^= 0x01
        #expect(throws: BundleProblem.signatureInvalid) {
            try BundleCheck.check(manifest, manifestBytes: altered, signature: signature, known: nil,
                                  receiver: self.province, knownSchemaSteps: self.steps)
        }
    }

    @Test func anotherKeyAnotherProvinceAnOldSequenceOrANewerProgramIsRefused() throws {
        let key = OfficeKey()
        let pinned = KnownOffice(writerID: commune.writerID, publicKey: OfficeKey().publicKey, lastSequence: 0)
        let (m1, b1, s1) = try signed(key)
        #expect(throws: BundleProblem.keyMismatch(fingerprint: OfficeKey.fingerprint(key.publicKey),
                                                  pinned: OfficeKey.fingerprint(pinned.publicKey))) {
            try BundleCheck.check(m1, manifestBytes: b1, signature: s1, known: pinned, receiver: self.province,
                                  knownSchemaSteps: self.steps)
        }
        let elsewhere = ExchangeOffice(level: .commune, code: 100, name: "Xã Khác", provinceCode: 1)
        let (m2, b2, s2) = try signed(key, office: elsewhere)
        #expect(throws: BundleProblem.otherProvince(1)) {
            try BundleCheck.check(m2, manifestBytes: b2, signature: s2, known: nil, receiver: self.province,
                                  knownSchemaSteps: self.steps)
        }
        let known = KnownOffice(writerID: commune.writerID, publicKey: key.publicKey, lastSequence: 3)
        for sequence in [2, 3] {
            let (m, b, s) = try signed(key, sequence: sequence)
            #expect(throws: BundleProblem.staleSequence(received: sequence, last: 3)) {
                try BundleCheck.check(m, manifestBytes: b, signature: s, known: known, receiver: self.province,
                                      knownSchemaSteps: self.steps)
            }
        }
        let (m4, b4, s4) = try signed(key, sequence: 4, steps: steps + ["v9-from-the-future"])
        #expect(throws: BundleProblem.newerProgram) {
            try BundleCheck.check(m4, manifestBytes: b4, signature: s4, known: known, receiver: self.province,
                                  knownSchemaSteps: self.steps)
        }
        let (m5, b5, s5) = try signed(key, sequence: 4)
        try BundleCheck.check(m5, manifestBytes: b5, signature: s5, known: known, receiver: province, knownSchemaSteps: steps)
    }

    @Test func aKeyIsStoredAndReadBackAndItsFingerprintIsReadableOnThePhone() throws {
        let key = OfficeKey()
        let again = try OfficeKey(stored: key.stored)
        #expect(again.publicKey == key.publicKey)
        let fingerprint = OfficeKey.fingerprint(key.publicKey)
        #expect(fingerprint.split(separator: "-").count == 8 && fingerprint.count == 39)
        #expect(throws: BundleProblem.keyUnreadable) { try OfficeKey(stored: "not base64 at all!") }
    }
}

@Suite struct MergeReportTests {
    @Test func newChangedAndRemovedRecordsAreNamedByKind() {
        let before = [RecordSummary(kind: "centre", uid: "a", name: "TTHTCĐ xã A", digest: "1"),
                      RecordSummary(kind: "boardMember", uid: "b", name: "Nguyễn Văn B", digest: "2"),
                      RecordSummary(kind: "boardMember", uid: "c", name: "Lê Thị C", digest: "3")]
        let after = [RecordSummary(kind: "centre", uid: "a", name: "TTHTCĐ xã A", digest: "1"),
                     RecordSummary(kind: "boardMember", uid: "b", name: "Nguyễn Văn B", digest: "9"),
                     RecordSummary(kind: "boardMember", uid: "d", name: "Phạm Văn D", digest: "4")]
        let report = MergeReport.compare(before: before, after: after)
        #expect(report.added == [.init(kind: "boardMember", name: "Phạm Văn D")])
        #expect(report.changed == [.init(kind: "boardMember", name: "Nguyễn Văn B")])
        #expect(report.removed == [.init(kind: "boardMember", name: "Lê Thị C")])
        #expect(report.counts == ["centre": 1, "boardMember": 2])
        #expect(MergeReport.compare(before: after, after: after).isEmpty)
    }
}
