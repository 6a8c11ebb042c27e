import Domain
import Storage

/// The words of a hand-over (a commune keyed at the province given to its office), shared by the send screen and
/// `tthtcd exchange handover`.
extension Strings {
    /// "Xã Nghĩa Sơn", or "xã mã 13918" for a code the unit list does not know (or where it is not at hand).
    public func communeName(_ code: Int, units: UnitDirectory?) -> String {
        units?.unit(code: code)?.name ?? self(.handOverCommuneCode, code)
    }

    /// "Xã Nghĩa Sơn (mã 13918)" where the unit list knows the commune, else "xã mã 13918": for refusals.
    public func communeNamedWithCode(_ code: Int, units: UnitDirectory?) -> String {
        units?.unit(code: code).map { self(.receiveWalkCommuneWithCode, $0.name, code) } ?? self(.handOverCommuneCode, code)
    }

    /// Why a hand-over, or taking one back, was refused; nothing was changed.
    public func describe(_ error: HandOverError, units: UnitDirectory?) -> String {
        switch error {
        case .notProvinceOffice: return self[.handOverErrorNotProvince]
        case .nothingToHandOver(let code): return self(.handOverErrorNothing, communeNamedWithCode(code, units: units))
        case .communeHasSent(let code): return self(.handOverErrorHasSent, communeNamedWithCode(code, units: units))
        case .notHandedOver(let code): return self(.handOverErrorNotHandedOver, communeNamedWithCode(code, units: units))
        }
    }

    /// A line of the commune picker: name, code, centres, and whether it waits for the commune's first bundle.
    func handOverItem(_ candidate: HandOverCandidate, units: UnitDirectory) -> String {
        self(candidate.handedOver ? .handOverPickItemHanded : .handOverPickItem,
             communeName(candidate.communeCode, units: units), candidate.communeCode, candidate.centres)
    }
}
