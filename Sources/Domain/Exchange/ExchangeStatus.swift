import Foundation

extension ExchangeOffice {
    /// This installation's office as it signs its bundles: a commune office when a commune is set, else the
    /// province's office. The name comes from the official unit list.
    public init(settings: OfficeSettings, units: UnitDirectory) {
        if let commune = settings.communeCode {
            self.init(level: .commune, code: commune, name: units.unit(code: commune)?.name ?? String(commune),
                      provinceCode: settings.provinceCode)
        } else {
            self.init(level: .province, code: settings.provinceCode,
                      name: units.province(code: settings.provinceCode)?.name ?? String(settings.provinceCode),
                      provinceCode: settings.provinceCode)
        }
    }
}

/// What a receiving office knows of one office it exchanges with: its last bundle and whether it has gone silent.
public struct PeerStatus: Hashable, Sendable {
    /// Days without a bundle after which an office is flagged (the setting's default).
    public static let defaultStaleDays = 30

    public let office: ExchangeOffice
    public let fingerprint: String
    public let lastSequence: Int
    public let lastWrittenAt: Date
    public let lastReceivedAt: Date
    /// Records of each kind in the slice held.
    public let counts: [String: Int]

    public init(office: ExchangeOffice, fingerprint: String, lastSequence: Int, lastWrittenAt: Date,
                lastReceivedAt: Date, counts: [String: Int]) {
        self.office = office
        self.fingerprint = fingerprint
        self.lastSequence = lastSequence
        self.lastWrittenAt = lastWrittenAt
        self.lastReceivedAt = lastReceivedAt
        self.counts = counts
    }

    /// Whole days since the office wrote its last bundle.
    public func daysSilent(asOf now: Date) -> Int {
        max(0, Int(now.timeIntervalSince(lastWrittenAt) / 86_400))
    }

    /// Silent for more than `days` days: the data held may no longer say how the centres are.
    public func isStale(asOf now: Date, days: Int = PeerStatus.defaultStaleDays) -> Bool {
        daysSilent(asOf: now) > days
    }
}

/// The kinds of record a bundle carries and the merge report names, in the order they are shown.
public enum ExchangeKind: String, CaseIterable, Sendable {
    case centre, boardMember, surveyCampaign, surveyResponse, plan
    /// Merged by its own rule, not part of a slice (see EvaluationExchange): named in merge reports, not counted.
    case evaluation
}
