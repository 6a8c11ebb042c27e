import Domain
import TerminalUI

/// The appointment form's fields, built from a ``BoardMember`` and read back into one.
enum MemberFormFields {
    static func id(for field: MemberField) -> String {
        switch field {
        case .fullName: return "name"
        case .birthYear: return "birthYear"
        case .role: return "role"
        case .decisionNumber: return "dec.number"
        case .decisionDate: return "dec.date"
        case .decisionIssuer: return "dec.issuer"
        case .termStart: return "termStart"
        case .termEnd: return "termEnd"
        case .duties: return "duties"
        case .phone: return "phone"
        case .trainingDate: return "date"
        case .trainingTopic: return "topic"
        case .trainingHours: return "hours"
        }
    }

    static func choice<T: RawRepresentable & CaseIterable>(_ id: String, _ label: String, _ value: T,
                                                           _ name: (T) -> String, help: String) -> FormField
        where T.RawValue == String
    {
        FormField(id: id, label: label, control: .choice(
            selectedID: value.rawValue, items: T.allCases.map { ChoiceItem(id: $0.rawValue, label: name($0)) }),
                  help: help)
    }

    @MainActor
    static func build(_ m: BoardMember, ctx: AppContext) -> [FormField] {
        let s = ctx.strings
        func text(_ id: String, _ label: StringKey, _ value: String, max: Int = 200, digits: Bool = false,
                  help: StringKey) -> FormField {
            FormField(id: id, label: s[label], control: .text(TextField(value, maxLength: max, digitsOnly: digits)),
                      help: s[help])
        }
        func date(_ id: String, _ label: StringKey, _ value: LocalDate?, help: StringKey) -> FormField {
            text(id, label, value?.vietnamese ?? "", max: 10, help: help)
        }
        return [
            FormField(id: "sec.person", label: s[.sectionPerson], control: .section),
            text("name", .fieldFullName, m.fullName, max: 120, help: .helpFieldFullName),
            choice("sex", s[.fieldSex], m.sex, s.name, help: s[.helpFieldSex]),
            text("birthYear", .fieldBirthYear, m.birthYear.map(String.init) ?? "", max: 4, digits: true,
                 help: .helpFieldBirthYear),
            text("phone", .fieldPhone, m.phone, max: 20, help: .helpFieldPhone),
            FormField(id: "sec.role", label: s[.sectionRole], control: .section),
            choice("role", s[.fieldRole], m.role, s.name, help: s[.helpFieldRole]),
            choice("homeBody", s[.fieldHomeBody], m.homeBody, s.name, help: s[.helpFieldHomeBody]),
            choice("position", s[.fieldPosition], m.position, s.name, help: s[.helpFieldPosition]),
            text("post", .fieldPost, m.post, max: 200, help: .helpFieldPost),
            choice("employment", s[.fieldEmployment], m.employment, s.name, help: s[.helpFieldEmployment]),
            text("duties", .fieldDuties, m.duties, max: 500, help: .helpFieldDuties),
            FormField(id: "sec.decision", label: s[.sectionAppointment], control: .section),
            text("dec.number", .fieldDecisionNumber, m.decision.number, max: 60, help: .helpFieldAppointmentNumber),
            date("dec.date", .fieldDecisionDate, m.decision.date, help: .helpFieldDecisionDate),
            text("dec.issuer", .fieldDecisionIssuer, m.decision.issuer, help: .helpFieldAppointmentIssuer),
            date("termStart", .fieldTermStart, m.termStart, help: .helpFieldTermStart),
            date("termEnd", .fieldTermEnd, m.termEnd, help: .helpFieldTermEnd),
        ]
    }

    /// The appointment the form describes, on top of `base`, and what could not be read (dates, years).
    static func read(_ form: Form, base: BoardMember) -> (BoardMember, [MemberIssue]) {
        var m = base
        var issues: [MemberIssue] = []
        func date(_ id: String, _ field: MemberField) -> LocalDate? {
            let typed = form.text(id).trimmingCharacters(in: .whitespaces)
            guard !typed.isEmpty else { return nil }
            guard let value = LocalDate(typed: typed) else {
                issues.append(MemberIssue(field, .dateInvalid))
                return nil
            }
            return value
        }
        m.fullName = form.text("name")
        m.sex = form.choice("sex").flatMap(Sex.init(rawValue:)) ?? .male
        let year = form.text("birthYear")
        m.birthYear = Int(year)
        if !year.isEmpty && year.count != 4 { issues.append(MemberIssue(.birthYear, .yearInvalid)) }
        m.phone = form.text("phone")
        m.role = form.choice("role").flatMap(BoardRole.init(rawValue:)) ?? .member
        m.homeBody = form.choice("homeBody").flatMap(HomeBody.init(rawValue:)) ?? .other
        m.position = form.choice("position").flatMap(Position.init(rawValue:)) ?? .other
        m.post = form.text("post")
        m.employment = form.choice("employment").flatMap(Employment.init(rawValue:)) ?? .concurrent
        m.duties = form.text("duties")
        m.decision = Decision(number: form.text("dec.number"), date: date("dec.date", .decisionDate),
                              issuer: form.text("dec.issuer"))
        m.termStart = date("termStart", .termStart)
        m.termEnd = date("termEnd", .termEnd)
        return (m, issues)
    }
}
