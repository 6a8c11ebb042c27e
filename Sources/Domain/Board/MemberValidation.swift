/// The parts of an appointment a message can point to.
public enum MemberField: Hashable, Sendable {
    case fullName, birthYear, role, decisionNumber, decisionDate, decisionIssuer, termStart, termEnd, duties, phone
    case trainingDate, trainingTopic, trainingHours
}

public enum MemberProblem: Hashable, Sendable {
    case required
    case dateInvalid
    case dateInFuture
    case yearInvalid
    /// The birth year makes the person younger than 18 on the day of appointment.
    case underAge(minimum: Int)
    case tooOld
    case endBeforeStart
    case hoursOutOfRange
}

public struct MemberIssue: Hashable, Sendable {
    public let field: MemberField
    public let problem: MemberProblem

    public init(_ field: MemberField, _ problem: MemberProblem) {
        self.field = field
        self.problem = problem
    }
}

/// What must hold before an appointment or a training is saved.
public enum MemberValidator {
    public static let minimumAge = 18
    public static let maximumAge = 100

    public static func validate(_ raw: BoardMember, today: LocalDate) -> [MemberIssue] {
        let m = raw.normalised()
        var issues: [MemberIssue] = []
        if m.fullName.isEmpty { issues.append(MemberIssue(.fullName, .required)) }
        if let year = m.birthYear {
            let reference = m.termStart ?? today
            if year > reference.year - minimumAge {
                issues.append(MemberIssue(.birthYear, .underAge(minimum: minimumAge)))
            } else if year < today.year - maximumAge {
                issues.append(MemberIssue(.birthYear, .tooOld))
            }
        }
        if let date = m.decision.date, date > today { issues.append(MemberIssue(.decisionDate, .dateInFuture)) }
        if m.termStart == nil { issues.append(MemberIssue(.termStart, .required)) }
        if let start = m.termStart, start > today { issues.append(MemberIssue(.termStart, .dateInFuture)) }
        if let end = m.termEnd {
            if let start = m.termStart, end < start { issues.append(MemberIssue(.termEnd, .endBeforeStart)) }
            if end > today { issues.append(MemberIssue(.termEnd, .dateInFuture)) }
        }
        return issues
    }

    public static func validate(_ training: Training, today: LocalDate) -> [MemberIssue] {
        var issues: [MemberIssue] = []
        if training.date > today { issues.append(MemberIssue(.trainingDate, .dateInFuture)) }
        if training.topic.cleanedInput.isEmpty { issues.append(MemberIssue(.trainingTopic, .required)) }
        if !(1...200).contains(training.hours) { issues.append(MemberIssue(.trainingHours, .hoursOutOfRange)) }
        return issues
    }
}
