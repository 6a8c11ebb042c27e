import Crypto
import Foundation

/// An office's signing key (Ed25519): each bundle's manifest is signed with it, and the receiving office checks the
/// signature against the key it recorded at the first exchange.
public struct OfficeKey: Sendable {
    private let key: Curve25519.Signing.PrivateKey

    /// A new key for an office that has none yet.
    public init() { key = Curve25519.Signing.PrivateKey() }

    /// The key as stored (raw, base64).
    public init(stored: String) throws {
        guard let data = Data(base64Encoded: stored) else { throw BundleProblem.keyUnreadable }
        key = try Curve25519.Signing.PrivateKey(rawRepresentation: data)
    }

    public var stored: String { key.rawRepresentation.base64EncodedString() }

    /// The public half, as the manifest carries it (raw, base64).
    public var publicKey: String { key.publicKey.rawRepresentation.base64EncodedString() }

    public func sign(_ data: Data) throws -> Data { try key.signature(for: data) }

    /// Whether `signature` is `publicKey`'s signature of `data`.
    public static func verify(_ signature: Data, of data: Data, publicKey: String) -> Bool {
        guard let raw = Data(base64Encoded: publicKey),
              let key = try? Curve25519.Signing.PublicKey(rawRepresentation: raw) else { return false }
        return key.isValidSignature(signature, for: data)
    }

    /// What two people read to each other on the phone to know a key is the right one: the first 16 bytes of the
    /// key's SHA-256, in groups of four hex digits ("3f9a-0c21-...").
    public static func fingerprint(_ publicKey: String) -> String {
        let digest = SHA256.hash(data: Data(base64Encoded: publicKey) ?? Data(publicKey.utf8))
        let hex = digest.prefix(16).map { String(format: "%02x", $0) }.joined()
        return stride(from: 0, to: hex.count, by: 4).map { offset -> String in
            let start = hex.index(hex.startIndex, offsetBy: offset)
            return String(hex[start..<hex.index(start, offsetBy: 4)])
        }.joined(separator: "-")
    }
}

/// Why a bundle is refused. Nothing changes when one is.
public enum BundleProblem: Error, Equatable, Sendable {
    case notABundle
    case truncated
    case partAltered(String)
    case signatureInvalid
    case keyMismatch(fingerprint: String, pinned: String)
    case otherProvince(Int)
    case staleSequence(received: Int, last: Int)
    case newerProgram
    case fromThisOffice
    case keyUnreadable
    /// A part whose name is not one of the bundle's own (a path such as "../x", a folder, a link).
    case unexpectedPart(String)
    /// A part larger than a bundle ever holds (a zip bomb), or a bundle file larger than that.
    case tooLarge
    /// The data inside the bundle is not a readable data file.
    case dataUnreadable
    /// A received centre's code is already used by a centre this office wrote itself.
    case codeTaken(String)
    /// This office has not been set up (its province), so it cannot check where a bundle comes from.
    case officeNotSet
    /// A commune's bundle at another commune's office, or a province's at a province's: bundles go from a commune
    /// to its province and back.
    case notForThisOffice
    /// A hand-over of commune `commune`'s centres received at another commune's office.
    case handOverForOtherCommune(Int)
    /// A hand-over of commune `commune`'s centres received at a provincial office: only that commune's office takes it.
    case handOverNeedsCommuneOffice(Int)
    /// A hand-over holds centre `code`, which this commune office already keeps as its own.
    case handOverCodeTaken(String)
}

/// What the receiving office knows of a sending office: the key it pinned and the last bundle it received.
public struct KnownOffice: Hashable, Sendable {
    public let writerID: String
    public let publicKey: String
    public let lastSequence: Int

    public init(writerID: String, publicKey: String, lastSequence: Int) {
        self.writerID = writerID
        self.publicKey = publicKey
        self.lastSequence = lastSequence
    }
}

/// The checks of a bundle's manifest before anything is read into the data file.
public enum BundleCheck {
    /// Refuses a manifest whose signature does not hold, whose key differs from the one pinned, that comes from
    /// another province or from this office, repeats or goes back in sequence, or was written by a newer program.
    public static func check(_ manifest: BundleManifest, manifestBytes: Data, signature: Data, known: KnownOffice?,
                             receiver: ExchangeOffice, knownSchemaSteps: [String]) throws {
        guard OfficeKey.verify(signature, of: manifestBytes, publicKey: manifest.publicKey) else {
            throw BundleProblem.signatureInvalid
        }
        if manifest.format > BundleManifest.currentFormat || manifest.schemaSteps.contains(where: { !knownSchemaSteps.contains($0) }) {
            throw BundleProblem.newerProgram
        }
        if let commune = manifest.handOverTo {
            // Only a province hands over, and only to the one commune it names.
            if manifest.office.level != .province { throw BundleProblem.notForThisOffice }
            if receiver.level != .commune { throw BundleProblem.handOverNeedsCommuneOffice(commune) }
            if receiver.code != commune { throw BundleProblem.handOverForOtherCommune(commune) }
        }
        if manifest.office.writerID == receiver.writerID { throw BundleProblem.fromThisOffice }
        if manifest.office.provinceCode != receiver.provinceCode {
            throw BundleProblem.otherProvince(manifest.office.provinceCode)
        }
        guard let known else { return }
        if known.publicKey != manifest.publicKey {
            throw BundleProblem.keyMismatch(fingerprint: OfficeKey.fingerprint(manifest.publicKey),
                                            pinned: OfficeKey.fingerprint(known.publicKey))
        }
        if manifest.sequence <= known.lastSequence {
            throw BundleProblem.staleSequence(received: manifest.sequence, last: known.lastSequence)
        }
    }
}
