import Domain
import Storage
import TerminalUI

/// The account's scope as the screens use it: whether a write on a centre will be accepted (so that only what
/// Storage will refuse is hidden), the scope's name, and the choices of the account form.
extension AppContext {
    /// Whether the person may use `permission` on `centre`: a role allows it and the scope covers the centre.
    /// A centre another office writes (received in a bundle, or handed over to its commune) is read-only here for
    /// every write on its own records; the province's assessment is the one write it keeps.
    public func can(_ permission: Permission, on centre: Centre?) -> Bool {
        guard can(permission) else { return false }
        guard let centre else { return actor.scope.isOffice }
        guard actor.covers(centreID: centre.id, communeCode: centre.communeCode) else { return false }
        return !Self.centreWrites.contains(permission) || otherOfficeNote(centreID: centre.id) == nil
    }

    private static let centreWrites: Set<Permission> = [
        .editCentres, .editBoards, .editSurveys, .draftPlans, .submitPlans, .recordPlanOutcomes, .approvePlans,
        .selfAssess, .recordFunding,
    ]

    /// Why a centre's records are only shown here: "Trung tâm này do Xã Nghĩa Sơn quản lý …", or that it was
    /// handed over and its commune's first bundle is awaited. Nil for the office's own centres.
    public func otherOfficeNote(centreID: Int64?) -> String? {
        guard let centreID, let (writer, received) = try? database.centreWriter(id: centreID) else { return nil }
        let office = officeName(writerID: writer)
        return received ? strings(.otherOfficeCentreNote, office) : strings(.handedOverCentreNote, office)
    }

    /// "Xã Nghĩa Sơn" for "X13918", "Tỉnh Ninh Bình" for "P37"; the code when the list does not know it.
    func officeName(writerID: String) -> String {
        let code = Int(writerID.dropFirst()) ?? 0
        if writerID.hasPrefix("X") { return units.unit(code: code)?.name ?? strings(.communeNotInList, code) }
        return units.province(code: code)?.name ?? writerID
    }

    /// The same for a centre known by its id (read afresh).
    public func can(_ permission: Permission, onCentreID id: Int64) -> Bool {
        guard can(permission) else { return false }
        if actor.scope.isOffice { return true }
        return can(permission, on: try? database.centre(id: id))
    }

    /// "Cả văn phòng", "Xã Nghĩa Sơn" (a commune), "TTHTCĐ xã Nghĩa Sơn" (a centre).
    public func scopeName(_ scope: AccountScope) -> String {
        let s = strings
        switch scope {
        case .office: return s[.scopeOffice]
        case .commune(let code): return units.unit(code: code)?.name ?? s(.communeNotInList, code)
        case .centre(let id):
            guard let centre = try? database.centre(id: id) else { return s(.scopeCentreGone, id) }
            return s.abbreviated(centreName: centre.name)
        }
    }

    /// The choices of the account form: the whole office, each commune that holds a centre of the office, each
    /// centre (by name, in Vietnamese order), and the stored scope even if it is none of these.
    func scopeChoices(current: AccountScope) -> [ChoiceItem] {
        let centres = ((try? database.centres(provinceCode: office?.provinceCode)) ?? [])
            .map { (key: VietnameseCollation.key($0.name), centre: $0) }.sorted { $0.key < $1.key }.map(\.centre)
        var communes: [Int] = []
        for code in centres.compactMap(\.communeCode) where !communes.contains(code) { communes.append(code) }
        let sortedCommunes = communes.map { (code: $0, key: VietnameseCollation.key(units.unit(code: $0)?.name ?? "")) }
            .sorted { $0.key < $1.key }.map(\.code)
        var scopes: [AccountScope] = [.office] + sortedCommunes.map { .commune(code: $0) }
            + centres.compactMap { $0.id.map { .centre(id: $0) } }
        if !scopes.contains(current) { scopes.insert(current, at: 1) }
        return scopes.map { ChoiceItem(id: ScopeChoice.id($0), label: scopeName($0)) }
    }
}

/// A scope as the id of a choice: "office", "commune:13918", "centre:7".
enum ScopeChoice {
    static func id(_ scope: AccountScope) -> String {
        switch scope {
        case .office: return "office"
        case .commune(let code): return "commune:\(code)"
        case .centre(let id): return "centre:\(id)"
        }
    }

    static func scope(_ id: String?) -> AccountScope? {
        guard let id else { return .office }
        let parts = id.split(separator: ":")
        switch (parts.first, parts.count == 2 ? Int64(parts[1]) : nil) {
        case ("office", _): return .office
        case ("commune", let code?): return .commune(code: Int(code))
        case ("centre", let centre?): return .centre(id: centre)
        default: return nil
        }
    }
}
