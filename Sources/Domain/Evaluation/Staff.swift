import Foundation

/// The people who teach at a centre without being on its board (domain brief: staff, not board members).
public enum StaffKind: String, Codable, CaseIterable, Sendable {
    case teacher
    /// Báo cáo viên: gives talks on law, health, farming...
    case speaker
    /// Cộng tác viên.
    case volunteer
}

/// One person of a centre's register of teachers, speakers and volunteers, with the trainings attended.
public struct StaffMember: Hashable, Codable, Sendable, Identifiable {
    public var id: Int64?
    /// Stable across offices, for exchange bundles.
    public var uid: String
    public var centreID: Int64
    public var fullName: String
    public var kind: StaffKind
    /// What the person teaches or speaks on ("Pháp luật", "Trồng trọt"...).
    public var field: String
    /// Where the person works (a school, the commune police, the health station...).
    public var workplace: String
    public var phone: String
    /// No longer teaching at the centre: kept for the record, left out of the training rule.
    public var active: Bool
    public var trainings: [Training]

    public init(id: Int64? = nil, uid: String = UUID().uuidString.lowercased(), centreID: Int64, fullName: String,
                kind: StaffKind, field: String = "", workplace: String = "", phone: String = "", active: Bool = true,
                trainings: [Training] = []) {
        self.id = id
        self.uid = uid
        self.centreID = centreID
        self.fullName = fullName
        self.kind = kind
        self.field = field
        self.workplace = workplace
        self.phone = phone
        self.active = active
        self.trainings = trainings
    }

    public func trainings(in year: Int) -> [Training] { trainings.filter { $0.date.year == year } }

    /// The training rule (at least `required` trainings a year) covers teachers and speakers too.
    public func isTrained(year: Int, required: Int) -> Bool { trainings(in: year).count >= required }

    /// Text cleaned the way every record is (NFC, spaces).
    public func normalised() -> StaffMember {
        var copy = self
        copy.fullName = fullName.cleanedInput
        copy.field = field.cleanedInput
        copy.workplace = workplace.cleanedInput
        copy.phone = phone.cleanedInput
        copy.trainings = trainings.map {
            Training(id: $0.id, date: $0.date, topic: $0.topic.cleanedInput, hours: $0.hours,
                     organiser: $0.organiser.cleanedInput)
        }
        return copy
    }

    /// What is wrong with the record, in order: a name is required.
    public var isValid: Bool { !fullName.cleanedInput.isEmpty }
}
