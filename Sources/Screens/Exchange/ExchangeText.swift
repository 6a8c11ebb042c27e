import Domain
import Foundation
import Storage

/// The words of exchange: refusals, kinds of record, the merge report and the roll-up's lines, shared by the
/// screens and the `tthtcd exchange` commands.
public enum ExchangeText {
    /// The merge report as it is shown and saved: who sent what, the key pinned, then new, changed and removed
    /// records, kind by kind, by name. `limit` keeps at most that many names of each kind in each part (the
    /// command line's summary); the screen and the saved report name every record.
    public static func report(_ received: ReceivedBundle, strings s: Strings, limit: Int? = nil) -> [String] {
        let m = received.manifest
        var lines = [s(.exchangeReportHeader, m.office.name, m.office.writerID, m.sequence, Timestamp.display(m.writtenAt))]
        if m.handOverTo != nil { lines.append(s[.handOverReportLine]) }
        if received.firstExchange {
            lines.append(s(.exchangeReportFirstKey, m.office.name, received.fingerprint))
        }
        lines.append(s(.exchangeReportCounts, counts(received.report.counts, strings: s)))
        if let head = m.auditHead { lines.append(s(.exchangeReportAuditHead, head.short)) }
        if let previous = received.previousAuditHead { lines.append(s(.exchangeReportPreviousHead, previous.short)) }
        let report = received.report
        if report.isEmpty {
            lines.append(s[.exchangeReportNoChange])
            return lines
        }
        for (title, entries) in [(StringKey.exchangeReportAdded, report.added), (.exchangeReportChanged, report.changed),
                                 (.exchangeReportRemoved, report.removed)] where !entries.isEmpty {
            lines.append(s(title, entries.count))
            let byKind = Dictionary(grouping: entries, by: \.kind)
            for kind in ExchangeKind.allCases.map(\.rawValue) + byKind.keys.filter({ ExchangeKind(rawValue: $0) == nil }).sorted() {
                guard let named = byKind[kind] else { continue }
                let shown = limit.map { Array(named.prefix($0)) } ?? named
                for entry in shown {
                    lines.append("  " + s(.exchangeReportLine, Self.kind(kind, strings: s), entry.name))
                }
                if shown.count < named.count {
                    lines.append("  " + s(.exchangeReportMore, named.count - shown.count, Self.kind(kind, strings: s)))
                }
            }
        }
        return lines
    }

    /// "3 trung tâm, 20 thành viên ban quản lý, ..." in the order of the kinds.
    public static func counts(_ counts: [String: Int], strings s: Strings) -> String {
        ExchangeKind.allCases.filter { $0 != .evaluation }
            .map { s(.exchangeCountItem, counts[$0.rawValue] ?? 0, kind($0.rawValue, strings: s)) }
            .joined(separator: ", ")
    }

    public static func kind(_ raw: String, strings s: Strings) -> String {
        switch ExchangeKind(rawValue: raw) {
        case .centre: return s[.exchangeKindCentre]
        case .boardMember: return s[.exchangeKindBoardMember]
        case .surveyCampaign: return s[.exchangeKindSurveyCampaign]
        case .surveyResponse: return s[.exchangeKindSurveyResponse]
        case .plan: return s[.exchangeKindPlan]
        case .evaluation: return s[.exchangeKindEvaluation]
        case nil: return raw
        }
    }

    /// How long ago an office last sent: "hôm nay", "hôm qua", else "3 ngày trước".
    public static func silence(_ days: Int, strings s: Strings) -> String {
        switch days {
        case ...0: return s[.receiveWalkToday]
        case 1: return s[.receiveWalkYesterday]
        default: return s(.exchangeFresh, days)
        }
    }

    /// One line per office: name, id, last bundle, written, received, days silent or the stale flag.
    public static func status(_ peers: [PeerStatus], now: Date, staleDays: Int, strings s: Strings) -> [String] {
        peers.map { peer in
            let flag = peer.isStale(asOf: now, days: staleDays)
                ? s(.exchangeStale, peer.daysSilent(asOf: now)) : silence(peer.daysSilent(asOf: now), strings: s)
            return [peer.office.writerID, peer.office.name, s(.exchangeSequenceShort, peer.lastSequence),
                    Timestamp.display(peer.lastWrittenAt), flag,
                    counts(peer.counts, strings: s)].joined(separator: "\t")
        }
    }
}

extension Strings {
    /// Why a bundle was refused, in the user's language; nothing was changed.
    /// `units` names a hand-over's commune; without it the commune is named by its code.
    public func describe(_ problem: BundleProblem, units: UnitDirectory? = nil) -> String {
        switch problem {
        case .notABundle: return self[.exchangeProblemNotABundle]
        case .truncated: return self[.exchangeProblemTruncated]
        case .partAltered(let part): return self(.exchangeProblemPartAltered, part)
        case .signatureInvalid: return self[.exchangeProblemSignature]
        case .keyMismatch(let fingerprint, let pinned): return self(.exchangeProblemKeyMismatch, fingerprint, pinned)
        case .otherProvince(let code): return self(.exchangeProblemOtherProvince, code)
        case .staleSequence(let received, let last): return self(.exchangeProblemStaleSequence, received, last)
        case .newerProgram: return self[.exchangeProblemNewerProgram]
        case .fromThisOffice: return self[.exchangeProblemFromThisOffice]
        case .keyUnreadable: return self[.exchangeProblemKeyUnreadable]
        case .unexpectedPart(let name): return self(.exchangeProblemUnexpectedPart, name)
        case .tooLarge: return self[.exchangeProblemTooLarge]
        case .dataUnreadable: return self[.exchangeProblemDataUnreadable]
        case .codeTaken(let code): return self(.exchangeProblemCodeTaken, code)
        case .officeNotSet: return self[.exchangeOfficeNotSet]
        case .notForThisOffice: return self[.exchangeProblemNotForThisOffice]
        case .handOverForOtherCommune(let code): return self(.handOverProblemOtherCommune, communeNamedWithCode(code, units: units))
        case .handOverNeedsCommuneOffice(let code): return self(.handOverProblemNeedsCommune, communeNamedWithCode(code, units: units))
        case .handOverCodeTaken(let code): return self(.handOverProblemCodeTaken, code)
        }
    }
}
