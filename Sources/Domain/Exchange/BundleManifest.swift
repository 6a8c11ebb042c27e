import Foundation

/// The office a bundle comes from: a commune office (its unit) or a provincial office (its province).
public struct ExchangeOffice: Codable, Hashable, Sendable {
    public enum Level: String, Codable, Sendable { case commune, province }

    public let level: Level
    /// The commune-level unit's code for a commune office; the province's code for a provincial office.
    public let code: Int
    public let name: String
    public let provinceCode: Int

    public init(level: Level, code: Int, name: String, provinceCode: Int) {
        self.level = level
        self.code = code
        self.name = name
        self.provinceCode = provinceCode
    }

    /// "X13918" or "P37": how records written by this office are told apart from other offices' records.
    public var writerID: String { (level == .commune ? "X" : "P") + String(code) }
}

/// The last entry of an office's audit trail when it wrote a bundle: what the receiving office keeps, so that a later
/// bundle whose trail does not continue from it can be told.
public struct AuditHead: Codable, Hashable, Sendable {
    public let entry: Int64
    public let hash: String

    public init(entry: Int64, hash: String) {
        self.entry = entry
        self.hash = hash
    }

    /// "#481 · 02014a2c" as a paper document prints it.
    public var short: String { "#\(entry) · " + String(hash.prefix(8)) }
}

/// What a bundle says of itself. It is stored as `manifest.json` in the bundle and signed, byte for byte, with the
/// writing office's Ed25519 key (`manifest.sig`).
public struct BundleManifest: Codable, Hashable, Sendable {
    /// The layout of bundles this program writes; a bundle of a later layout is refused.
    public static let currentFormat = 1

    public let format: Int
    public let programVersion: String
    /// The schema steps the writing program had applied.
    public let schemaSteps: [String]
    public let office: ExchangeOffice
    /// Grows by one with each bundle an office writes: a repeated or older number is refused.
    public let sequence: Int
    public let writtenAt: Date
    /// Records of each kind in the bundle ("centre": 3, "surveyResponse": 2000...).
    public let counts: [String: Int]
    /// SHA-256 (hex) of each part of the bundle, by file name.
    public let parts: [String: String]
    public let auditHead: AuditHead?
    /// The office's Ed25519 public key (raw, base64), which the receiving office pins at the first exchange.
    public let publicKey: String
    /// Set on a provincial office's hand-over: the code of the commune whose centres the province keyed and now
    /// gives to that commune's office, which receives them as its own. Absent from every other bundle (and from
    /// bundles written before hand-overs existed), so their manifests decode and sign as they did.
    public let handOverTo: Int?

    public init(format: Int = BundleManifest.currentFormat, programVersion: String, schemaSteps: [String],
                office: ExchangeOffice, sequence: Int, writtenAt: Date, counts: [String: Int], parts: [String: String],
                auditHead: AuditHead?, publicKey: String, handOverTo: Int? = nil) {
        self.format = format
        self.programVersion = programVersion
        self.schemaSteps = schemaSteps
        self.office = office
        self.sequence = sequence
        self.writtenAt = writtenAt
        self.counts = counts
        self.parts = parts
        self.auditHead = auditHead
        self.publicKey = publicKey
        self.handOverTo = handOverTo
    }

    /// The manifest's bytes as signed: keys sorted, dates as ISO 8601, so the same manifest always gives the same bytes.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return try encoder.encode(self)
    }

    public static func decode(_ data: Data) throws -> BundleManifest {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(BundleManifest.self, from: data)
    }
}
