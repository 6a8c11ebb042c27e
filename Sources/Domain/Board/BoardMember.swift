import Foundation

/// A place on the board, or an assigned teacher (who works for the centre without being a board member).
public enum BoardRole: String, Codable, CaseIterable, Sendable {
    case director, deputyDirector, member, assignedTeacher

    /// Director, deputies and members form the board (Ban giám đốc); teachers are staff.
    public var isBoardRole: Bool { self != .assignedTeacher }
    /// The managers the training rule speaks of.
    public var isManager: Bool { self == .director || self == .deputyDirector }
}

/// Where a person works when not at the centre.
public enum HomeBody: String, Codable, CaseIterable, Sendable {
    case communeCommittee, primarySchool, lowerSecondarySchool, otherSchool, studyPromotionAssociation
    case womensUnion, farmersUnion, youthUnion, veteransAssociation, culturalHouse, other

    public var isPrimaryOrLowerSecondarySchool: Bool { self == .primarySchool || self == .lowerSecondarySchool }
}

/// The post a person holds at their home body.
public enum Position: String, Codable, CaseIterable, Sendable {
    case chairman, viceChairman, principal, vicePrincipal, associationPresident, associationVicePresident
    case secretary, official, teacher, other

    public var managesSchool: Bool { self == .principal || self == .vicePrincipal }
    public var leadsCommuneCommittee: Bool { self == .chairman || self == .viceChairman }
}

public enum Sex: String, Codable, CaseIterable, Sendable { case female, male }

/// Concurrent (kiêm nhiệm) or full-time (chuyên trách).
public enum Employment: String, Codable, CaseIterable, Sendable { case concurrent, fullTime }

/// A training session a member attended.
public struct Training: Hashable, Codable, Sendable, Identifiable {
    public var id: Int64?
    public var date: LocalDate
    public var topic: String
    public var hours: Int
    public var organiser: String

    public init(id: Int64? = nil, date: LocalDate, topic: String, hours: Int, organiser: String) {
        self.id = id
        self.date = date
        self.topic = topic
        self.hours = hours
        self.organiser = organiser
    }
}

/// One appointment to a centre: a board member or an assigned teacher, for one term. A person who leaves
/// keeps the record with an end date: history is never erased.
public struct BoardMember: Hashable, Codable, Sendable, Identifiable {
    public var id: Int64?
    public var centreID: Int64
    public var fullName: String
    public var sex: Sex
    public var birthYear: Int?
    public var role: BoardRole
    public var homeBody: HomeBody
    public var position: Position
    /// The post and body in words: "Phó Chủ tịch UBND xã Nghĩa Sơn", "Hiệu trưởng Trường THCS Nghĩa Sơn".
    public var post: String
    public var employment: Employment
    public var decision: Decision
    public var termStart: LocalDate?
    /// The day the person left; nil while in office.
    public var termEnd: LocalDate?
    public var duties: String
    public var phone: String
    public var trainings: [Training]

    public init(id: Int64? = nil, centreID: Int64, fullName: String = "", sex: Sex = .male, birthYear: Int? = nil,
                role: BoardRole = .member, homeBody: HomeBody = .other, position: Position = .other, post: String = "",
                employment: Employment = .concurrent, decision: Decision = Decision(), termStart: LocalDate? = nil,
                termEnd: LocalDate? = nil, duties: String = "", phone: String = "", trainings: [Training] = []) {
        self.id = id
        self.centreID = centreID
        self.fullName = fullName
        self.sex = sex
        self.birthYear = birthYear
        self.role = role
        self.homeBody = homeBody
        self.position = position
        self.post = post
        self.employment = employment
        self.decision = decision
        self.termStart = termStart
        self.termEnd = termEnd
        self.duties = duties
        self.phone = phone
        self.trainings = trainings
    }

    /// Where a term stands on a date.
    public enum TermState: Hashable, Sendable { case notStarted, current, ended }

    /// The term on `date`: not started (no start, or a start after that day), current, or ended before that day.
    public func termState(on date: LocalDate) -> TermState {
        guard let start = termStart, start <= date else { return .notStarted }
        return termEnd.map { $0 >= date } ?? true ? .current : .ended
    }

    /// In office on `date`: the term has started and has not ended before that day.
    public func isCurrent(on date: LocalDate) -> Bool { termState(on: date) == .current }

    /// Trainings attended in a calendar year.
    public func trainings(in year: Int) -> [Training] { trainings.filter { $0.date.year == year } }

    /// The same person across appointments: the name folded and the birth year.
    public var personKey: String { VietnameseText.fold(fullName.cleanedInput) + "|" + (birthYear.map(String.init) ?? "") }

    public func normalised() -> BoardMember {
        var copy = self
        copy.fullName = fullName.cleanedInput
        copy.post = post.cleanedInput
        copy.decision = decision.cleaned()
        copy.duties = duties.cleanedInput
        copy.phone = phone.cleanedInput
        copy.trainings = trainings.map {
            Training(id: $0.id, date: $0.date, topic: $0.topic.cleanedInput, hours: $0.hours,
                     organiser: $0.organiser.cleanedInput)
        }
        return copy
    }
}
