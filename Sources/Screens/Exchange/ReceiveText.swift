import Domain
import Storage

/// The words of the "Nhận dữ liệu" screen about its bundles: the check column, F5's question, and why nothing
/// chosen can be received.
enum ReceiveText {
    /// The check column: received already, refused, first time, or can be received; a hand-over says so first.
    static func check(_ b: BundlePreview, strings s: Strings) -> String {
        let state = b.receivedAt != nil ? s[.receiveWalkCheckReceived]
            : b.problem != nil ? s[.exchangeCheckRefused]
            : b.firstExchange ? s[.exchangeCheckFirst] : s[.exchangeCheckOK]
        return b.manifest?.handOverTo == nil ? state : s(.receiveWalkHandOver, state)
    }

    /// F5's question for the bundles that can be received (`left` chosen ones cannot and are left out): each
    /// hand-over said for what it does, each first-time office's fingerprint once.
    static func question(_ receivable: [BundlePreview], left: Int, strings s: Strings) -> String {
        var lines = [s(.exchangeReceiveQuestion, receivable.count)]
        if left > 0 { lines.append(s(.receiveWalkSkipped, left)) }
        for b in receivable where b.manifest?.handOverTo != nil {
            lines.append(s(.receiveWalkHandOverQuestion, b.url.lastPathComponent))
        }
        var told: Set<String> = []
        for b in receivable where b.firstExchange {
            guard let manifest = b.manifest, told.insert(manifest.office.writerID).inserted else { continue }
            lines.append(s(.exchangeFirstKeyQuestion, manifest.office.name, b.fingerprint ?? ""))
        }
        return lines.joined(separator: "\n")
    }

    /// Why none of the chosen bundles can be received: the one's reason, or how many were received already and
    /// how many are refused.
    static func cannotReceive(_ chosen: [BundlePreview], units: UnitDirectory?, strings s: Strings) -> String {
        if chosen.count == 1, let b = chosen.first {
            if let at = b.receivedAt { return s(.receiveWalkAlreadyOne, Timestamp.display(at)) }
            if let problem = b.problem { return s(.receiveWalkCannotOne, s.describe(problem, units: units)) }
        }
        let received = chosen.filter { $0.receivedAt != nil }.count
        return s(.receiveWalkCannotMany, received, chosen.count - received)
    }
}
