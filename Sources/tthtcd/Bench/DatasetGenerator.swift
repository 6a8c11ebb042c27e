import Domain
import Foundation

/// A national data set, the same for the same seed: a centre for each commune-level unit (or the first N,
/// spread over the country), boards with a few faults, a survey campaign per centre with forms spread as
/// unevenly as real communes are (one centre over a hundred thousand), and annual and monthly plans at every
/// stage of approval.
struct DatasetGenerator {
    static let password = "bench2026"
    /// Every record is dated here, so two runs write the same bytes.
    static let moment = Date(timeIntervalSince1970: 1_763_625_600)  // 2025-11-20 08:00 UTC
    static let surveyYear = 2025

    let units: [AdministrativeUnit]
    let questionnaire: Questionnaire
    let responses: Int
    let plans: Int
    let activities: Int
    let seed: UInt64

    init(directory: UnitDirectory, questionnaire: Questionnaire, centres: Int?, responses: Int, plans: Int,
         activities: Int, seed: UInt64) {
        let all = directory.units
        let count = min(all.count, max(1, centres ?? all.count))
        units = (0..<count).map { all[$0 * all.count / count] }
        self.questionnaire = questionnaire
        self.responses = responses
        self.plans = plans
        self.activities = activities
        self.seed = seed
    }

    /// Forms per centre: the largest holds 12.3 % of all (122,661 of a million, as the national sample the
    /// issue measured), the rest fall off like a city's districts and a mountain commune's hamlets.
    func formCounts() -> [Int] {
        var random = SeededRandom(seed: seed ^ 0xF0F0)
        let n = units.count
        guard n > 1 else { return [responses] }
        let largest = min(responses, Int((Double(responses) * 0.122661).rounded()))
        let rest = responses - largest
        var weights = (0..<(n - 1)).map { 1 / pow(Double($0) + 25, 0.9) }
        weights.shuffle(using: &random)
        let total = weights.reduce(0, +)
        var counts = weights.map { Int(Double(rest) * $0 / total) }
        var missing = rest - counts.reduce(0, +)
        var index = 0
        while missing > 0 {
            counts[index % counts.count] += 1
            missing -= 1
            index += 1
        }
        let place = random.int(0...(n - 1))
        counts.insert(largest, at: place)
        return counts
    }

    /// Activities of each plan, adding up to exactly `activities`.
    func activityCounts() -> [Int] {
        guard plans > 0 else { return [] }
        var random = SeededRandom(seed: seed ^ 0xACAC)
        var counts = Array(repeating: activities / plans, count: plans)
        for i in 0..<(activities % plans) { counts[i] += 1 }
        for _ in 0..<(plans / 2) {
            let from = random.int(0...(plans - 1)), to = random.int(0...(plans - 1))
            let move = min(random.int(0...4), counts[from] - 1)
            counts[from] -= move
            counts[to] += move
        }
        return counts
    }

    func villages(_ unit: AdministrativeUnit, _ random: inout SeededRandom) -> [String] {
        let word = unit.type == .ward ? "Tổ dân phố" : (random.chance(0.5) ? "Thôn" : "Xóm")
        return (1...random.int(5...18)).map { "\(word) \($0)" }
    }

    func centre(_ unit: AdministrativeUnit, _ random: inout SeededRandom) -> Centre {
        let model: CentreModel = unit.type == .ward ? .urbanWard : (random.chance(0.25) ? .mountainous : .rural)
        let villages = villages(unit, &random)
        let lowered = unit.name.prefix(1).lowercased() + unit.name.dropFirst()
        var centre = Centre(
            name: "Trung tâm học tập cộng đồng " + lowered, provinceCode: unit.province, communeCode: unit.code,
            address: "Trụ sở UBND " + lowered,
            establishment: Decision(number: "\(random.int(1...300))/QĐ-UBND", date: LocalDate(year: 2025, month: 7, day: 15),
                                    issuer: "UBND " + lowered),
            model: model, isPilot: random.chance(0.05),
            venues: [Venue(name: "Hội trường UBND " + lowered, kind: .communeHall)]
                + villages.prefix(random.int(1...3)).map { Venue(name: "Nhà văn hóa " + $0.lowercased(), kind: .villageCulturalHouse, village: $0) },
            villages: villages)
        centre.facilities = FacilityKind.allCases.map { kind in
            let present = kind == .other ? random.chance(0.1) : random.chance(0.75)
            return FacilityItem(kind: kind, present: present, count: present ? random.int(1...20) : 0)
        }
        let status = random.weighted([95, 3, 1.5, 0.5])
        if status > 0 {
            centre.status = [CentreStatus.active, .suspended, .dissolved, .merged][status]
            centre.statusDecision = Decision(number: "\(random.int(1...300))/QĐ-UBND",
                                             date: LocalDate(year: 2025, month: 9, day: random.int(1...28)),
                                             issuer: "UBND " + lowered)
            centre.statusReason = "Không tổ chức hoạt động trong năm 2024"
            if centre.status == .merged { centre.mergedInto = "TT" + String(format: "%05d", max(1, unit.code - 3)) }
        }
        return centre
    }

    /// A director, two deputies and one or two teachers; about one board in eight has a fault the checks find.
    func board(_ centre: Centre, _ random: inout SeededRandom) -> [BoardMember] {
        let place = String(centre.name.dropFirst("Trung tâm học tập cộng đồng ".count))
        func person(_ role: BoardRole, _ home: HomeBody, _ position: Position, _ post: String) -> BoardMember {
            let female = random.chance(0.45)
            let name = [SampleForms.surnames.randomElement(using: &random)!, female ? "Thị" : "Văn",
                        SampleForms.givenNames.randomElement(using: &random)!].joined(separator: " ")
            let trainings = (0..<random.int(0...3)).map { index in
                Training(date: LocalDate(year: 2025, month: 3 + 4 * index, day: random.int(1...28))!,
                         topic: "Bồi dưỡng cán bộ quản lý TTHTCĐ", hours: random.int(4...16),
                         organiser: "Sở Giáo dục và Đào tạo")
            }
            return BoardMember(
                centreID: centre.id!, fullName: name, sex: female ? .female : .male, birthYear: random.int(1965...1995),
                role: role, homeBody: home, position: position, post: post + " " + place,
                decision: Decision(number: "\(random.int(1...400))/QĐ-UBND", date: LocalDate(year: 2025, month: 7, day: 20),
                                   issuer: "UBND " + place),
                termStart: LocalDate(year: 2025, month: 7, day: 20), duties: "Theo quy chế của trung tâm",
                phone: "09\(random.int(10_000_000...99_999_999))", trainings: trainings)
        }
        let fault = random.weighted([88, 4, 4, 4])
        var members = [person(.director, .communeCommittee, random.chance(0.3) ? .chairman : .viceChairman,
                              "Phó Chủ tịch UBND")]
        if fault != 1 {
            members.append(person(.deputyDirector, .studyPromotionAssociation, .associationPresident,
                                  "Chủ tịch Hội Khuyến học"))
        }
        if fault != 2 {
            members.append(person(.deputyDirector, .primarySchool, .principal, "Hiệu trưởng Trường Tiểu học"))
        }
        if fault != 3 {
            for _ in 0..<random.int(1...2) {
                members.append(person(.assignedTeacher, .lowerSecondarySchool, .teacher, "Giáo viên Trường THCS"))
            }
        }
        return members
    }

    func campaign(_ centre: Centre, forms: Int) -> SurveyCampaign {
        SurveyCampaign(centreID: centre.id!, year: Self.surveyYear, title: "Khảo sát nhu cầu học tập năm 2025",
                       methods: [.villageMeeting, .householdForm], start: LocalDate(year: 2025, month: 3, day: 1),
                       end: LocalDate(year: 2025, month: 5, day: 31), responsible: "Hội Khuyến học",
                       target: max(1, min(100_000, forms + forms / 10)))
    }

    /// The plan numbered `index` of a centre: first its approved annual plan for 2025, then its 2026 plan at
    /// some stage of approval, then monthly plans.
    func plan(_ centre: Centre, index: Int, activities count: Int, campaignID: Int64?,
              _ random: inout SeededRandom) -> Plan {
        let kind: PlanKind = index < 2 ? .annual : .monthly
        let year = index == 0 ? 2025 : 2026
        let month = kind == .monthly ? (index - 2) % 12 + 1 : nil
        let status: PlanStatus = index == 0 ? .approved : [.draft, .submitted, .returned, .approved][random.weighted([3, 2, 1, 4])]
        let venue = centre.venues.first?.name ?? ""
        let activities = (0..<count).map { _ -> PlanActivity in
            let topic = questionnaire.topics.randomElement(using: &random)!
            let done = status == .approved && year == 2025 && random.chance(0.7)
            return PlanActivity(
                title: topic.label.vi, topic: topic.code, format: ActivityFormat.allCases.randomElement(using: &random)!,
                targetGroup: "Người dân trong xã", expectedLearners: random.int(15...80), venue: venue,
                month: month ?? random.int(1...12), responsible: "Giám đốc trung tâm", cost: random.int(0...50) * 100_000,
                outcome: done ? ActivityOutcome(state: .done, participants: random.int(10...90), women: random.int(5...40))
                    : ActivityOutcome())
        }
        var history: [PlanEvent] = []
        let at = Self.moment.addingTimeInterval(-Double(random.int(1...200)) * 86_400)
        if status != .draft { history.append(PlanEvent(action: .submit, username: "giamdoc", at: at, comment: "")) }
        if status == .returned {
            history.append(PlanEvent(action: .returnForRevision, username: "chutich", at: at.addingTimeInterval(86_400),
                                     comment: "Bổ sung hoạt động cho người cao tuổi"))
        }
        if status == .approved {
            history.append(PlanEvent(action: .approve, username: "chutich", at: at.addingTimeInterval(86_400), comment: ""))
        }
        return Plan(centreID: centre.id!, kind: kind, year: year, month: month,
                    title: "Kế hoạch hoạt động " + (month.map { "tháng \($0)/\(year)" } ?? "năm \(year)"),
                    legalBases: "Quyết định 09/2008/QĐ-BGDĐT; Thông tư 11/2025/TT-BGDĐT",
                    campaignIDs: campaignID.map { [$0] } ?? [], targetClasses: count / 2, targetTalks: count - count / 2,
                    targetLearners: activities.reduce(0) { $0 + $1.expectedLearners }, status: status,
                    activities: activities, history: history)
    }
}
