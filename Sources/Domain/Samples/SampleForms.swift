import Foundation

/// Plausible filled-in forms for a questionnaire, drawn from a seeded generator: the same seed gives the same
/// forms. Answers lean the way surveys in rural communes do (mostly farmers, mostly Kinh, crop growing and
/// livestock wanted most), every form passes the questionnaire's errors, and a few carry its warnings. For
/// benchmarks and tests that need many forms.
public struct SampleForms: Sendable {
    public let engine: SurveyEngine
    public let year: Int

    public static let surnames = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
                           "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Quách", "Mai", "Lương"]
    public static let middleNames = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Ngọc", "Thanh", "Xuân", "Quốc", "Thu", "Kim"]
    public static let givenNames = ["An", "Bình", "Cường", "Dũng", "Hà", "Hải", "Hạnh", "Hoa", "Hùng", "Hương", "Lan", "Linh",
                             "Mai", "Nam", "Nga", "Phúc", "Quang", "Sơn", "Tâm", "Thảo", "Thủy", "Trang", "Tuấn", "Vân",
                             "Yến", "Khánh", "Lộc", "Nhung", "Oanh", "Quyên", "Sáu", "Tư", "Út", "Việt", "Xuyến"]
    /// Weights of the choices of the questions this questionnaire is known to have; others are uniform.
    static let weights: [String: [Double]] = [
        "sex": [48, 52],
        "ethnicity": [80, 6, 5, 4, 2, 2, 1],
        "education": [3, 22, 40, 25, 10],
        "occupation": [45, 6, 10, 12, 4, 5, 8, 6, 3, 1],
        "household": [85, 9, 6],
        "disability": [96, 4],
        "format": [45, 30, 18, 7],
        "timeOfDay": [15, 20, 50, 15],
        "season": [45, 10, 20, 25],
        "topics": [30, 25, 12, 10, 14, 16, 3, 14, 5, 12, 15, 8, 6, 9, 7, 6],
    ]

    public init(engine: SurveyEngine, year: Int) {
        self.engine = engine
        self.year = year
    }

    /// One form with the given serial.
    public func form(serial: String, campaignID: Int64, using random: inout SeededRandom) -> SurveyResponse {
        var answers: SurveyAnswers = [:]
        for question in engine.questionnaire.questions where engine.isRelevant(question, answers) {
            if !question.required && !random.chance(0.6) { continue }
            if let answer = answer(question, serial: serial, answers: answers, using: &random) {
                answers[question.id] = answer
            }
        }
        return SurveyResponse(campaignID: campaignID, answers: engine.pruned(answers))
    }

    private func answer(_ question: Question, serial: String, answers: SurveyAnswers, using random: inout SeededRandom)
        -> Answer?
    {
        let choices = engine.questionnaire.choices(for: question)
        switch question.type {
        case .text:
            switch question.id {
            case "serial": return .text(serial)
            case "name":
                let name = [Self.surnames.randomElement(using: &random)!, Self.middleNames.randomElement(using: &random)!,
                            Self.givenNames.randomElement(using: &random)!].joined(separator: " ")
                return .text(name)
            default: return .text("Ghi chú \(random.int(1...99))")
            }
        case .village:
            guard !engine.villages.isEmpty else { return nil }
            // Villages near the centre answer more.
            let index = random.weighted(engine.villages.indices.map { 1.0 / Double($0 + 2) })
            return .text(engine.villages[index])
        case .year:
            let low = question.min ?? 1920, high = min(question.max ?? year, year - 15)
            let age = Double(random.int(0...1000)) / 1000
            // Working ages most, then the elderly, a few teenagers.
            let born = high - Int(pow(age, 1.3) * Double(max(1, high - max(low, year - 85))))
            return .number(max(low, born))
        case .integer:
            return .number(random.int((question.min ?? 0)...(question.max ?? 100)))
        case .single:
            guard !choices.isEmpty else { return nil }
            let weights = Self.weights[question.id].flatMap { $0.count == choices.count ? $0 : nil }
                ?? Array(repeating: 1, count: choices.count)
            return .codes([choices[random.weighted(weights)].code])
        case .multiple:
            guard !choices.isEmpty else { return nil }
            let most = min(question.maxSelections ?? 3, choices.count)
            var weights = Self.weights[question.id].flatMap { $0.count == choices.count ? $0 : nil }
                ?? Array(repeating: 1, count: choices.count)
            if question.id == "barriers", let none = choices.firstIndex(where: { $0.code == 6 }) {
                // "No barrier" goes alone: the questionnaire refuses it with another.
                if random.chance(0.3) { return .codes([choices[none].code]) }
                weights[none] = 0
            }
            var picked: [Int] = []
            for _ in 0..<random.int(1...max(1, most)) {
                let index = random.weighted(weights)
                guard weights[index] > 0 else { break }
                weights[index] = 0
                picked.append(choices[index].code)
            }
            return .codes(picked.sorted())
        }
    }
}
