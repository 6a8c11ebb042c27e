/// A commune with no PC of its own is keyed at the province; once it has one, the province hands its centres over
/// with a bundle (issue 13). Until the commune's own first bundle arrives, the centres are the commune's but the
/// province still holds them (read-only), may write the hand-over again (a lost USB stick) or take it back.
public struct HandOverCandidate: Hashable, Sendable {
    public let communeCode: Int
    /// The centres of that commune the province keyed, handed over or not.
    public let centres: Int
    /// Some of them are handed over already, awaiting the commune's first bundle.
    public let handedOver: Bool

    public init(communeCode: Int, centres: Int, handedOver: Bool) {
        self.communeCode = communeCode
        self.centres = centres
        self.handedOver = handedOver
    }

    /// The writer the centres take when they are handed over ("X13918"), as if received from the commune.
    public var writerID: String { Self.writerID(communeCode) }

    public static func writerID(_ communeCode: Int) -> String { "X" + String(communeCode) }
}

/// Why a hand-over, or taking one back, is refused. Nothing changes when one is.
public enum HandOverError: Error, Equatable, Sendable {
    /// Only a provincial office hands over communes it keyed.
    case notProvinceOffice
    /// The province keeps no centre of that commune (none keyed, or all received from the commune).
    case nothingToHandOver(Int)
    /// A bundle from that commune's office has been received: its centres are its own and the hand-over is closed.
    case communeHasSent(Int)
    /// Taking back: none of that commune's centres is handed over.
    case notHandedOver(Int)
}
