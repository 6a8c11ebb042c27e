import Foundation

/// The respondent's side of one form, as the needs filters see it: village, sex, age band and occupation.
/// Forms with the same cell are counted together, so the analysis adds up counts instead of reading forms.
public struct NeedsCell: Hashable, Sendable {
    /// A question with no answer, or with more than one code, where the filter asks for exactly one.
    public static let noSingleCode = Int.min

    public var village: String
    public var sex: Int
    /// The index of the ``AgeBand`` in the campaign's year, or ``noSingleCode`` without a birth year.
    public var ageBand: Int
    public var occupation: Int

    public init(village: String, sex: Int, ageBand: Int, occupation: Int) {
        self.village = village
        self.sex = sex
        self.ageBand = ageBand
        self.occupation = occupation
    }

    public init(_ response: SurveyResponse, year: Int) {
        func single(_ field: String) -> Int {
            guard let codes = response.answers[field]?.codes, codes.count == 1 else { return Self.noSingleCode }
            return codes[0]
        }
        village = response.village
        sex = single("sex")
        occupation = single("occupation")
        ageBand = response.birthYear.map { AgeBand.of(birthYear: $0, in: year).index } ?? Self.noSingleCode
    }

    /// Exactly ``NeedsFilter/admits(_:year:)`` for every form of this cell.
    public func admitted(by filter: NeedsFilter) -> Bool {
        if let village = filter.village, village != self.village { return false }
        if let sex = filter.sex, sex != self.sex || sex == Self.noSingleCode { return false }
        if let occupation = filter.occupation, occupation != self.occupation || occupation == Self.noSingleCode {
            return false
        }
        if let band = filter.ageBand, band.index != ageBand { return false }
        return true
    }
}

extension AgeBand {
    /// The band's position, as stored.
    public var index: Int { Self.allCases.firstIndex(of: self)! }
}

/// The counts the needs analysis adds up: for each cell, how many forms it holds (question "") and how many of
/// them chose each code of each counted question. A form counts a code once however often it lists it.
public struct NeedsTally: Sendable {
    /// The questions the analysis counts.
    public static let questions = ["topics", "format", "timeOfDay", "season"]
    /// The question name under which a cell's number of forms is kept.
    public static let formsQuestion = ""

    public struct Key: Hashable, Sendable {
        public var cell: NeedsCell
        public var question: String
        public var code: Int

        public init(cell: NeedsCell, question: String, code: Int) {
            self.cell = cell
            self.question = question
            self.code = code
        }
    }

    /// One cell's counts: codes from 0 to 255 in arrays (every questionnaire code so far), others by key. An
    /// import adds a form with one lookup of its cell, not one per code.
    struct CellCounts: Sendable {
        var forms = 0
        var byCode: [[Int]] = Array(repeating: [], count: NeedsTally.questions.count)
        var other: [Int: [Int: Int]] = [:]

        mutating func add(question: Int, code: Int, _ n: Int) {
            if (0..<256).contains(code) {
                if byCode[question].count <= code { byCode[question] += Array(repeating: 0, count: code + 1 - byCode[question].count) }
                byCode[question][code] += n
            } else {
                other[question, default: [:]][code, default: 0] += n
            }
        }
    }

    private var cells: [NeedsCell: CellCounts] = [:]

    public init() {}

    /// Every count by key (cell, question, code), zeros left out.
    public var counts: [Key: Int] {
        var result: [Key: Int] = [:]
        for (cell, counts) in cells {
            if counts.forms != 0 { result[Key(cell: cell, question: Self.formsQuestion, code: 0)] = counts.forms }
            for (question, codes) in counts.byCode.enumerated() {
                for (code, n) in codes.enumerated() where n != 0 {
                    result[Key(cell: cell, question: Self.questions[question], code: code)] = n
                }
            }
            for (question, codes) in counts.other {
                for (code, n) in codes where n != 0 {
                    result[Key(cell: cell, question: Self.questions[question], code: code)] = n
                }
            }
        }
        return result
    }

    /// What one form adds: one for its cell's forms, one for each distinct code of each counted question.
    public static func keys(of response: SurveyResponse, year: Int) -> [Key] {
        let cell = NeedsCell(response, year: year)
        var keys = [Key(cell: cell, question: formsQuestion, code: 0)]
        for question in questions {
            for code in Set(response.answers[question]?.codes ?? []).sorted() {
                keys.append(Key(cell: cell, question: question, code: code))
            }
        }
        return keys
    }

    /// Adds (or with -1, takes away) one form.
    public mutating func add(_ response: SurveyResponse, year: Int, times: Int = 1) {
        cells[NeedsCell(response, year: year), default: CellCounts()].addForm(response.answers, times)
    }

    public var isEmpty: Bool { counts.isEmpty }
}

extension NeedsTally.CellCounts {
    mutating func addForm(_ answers: SurveyAnswers, _ times: Int) {
        forms += times
        for (question, id) in NeedsTally.questions.enumerated() {
            guard case .codes(let codes)? = answers[id] else { continue }
            for (index, code) in codes.enumerated() where !codes[..<index].contains(code) {
                add(question: question, code: code, times)
            }
        }
    }
}

extension NeedsAnalysis {
    /// The analysis from summed counts: forms admitted, and for each counted question the forms by code.
    /// Shares and order are those of ``compute(_:campaign:filter:)``.
    public static func from(respondents: Int, counts: [String: [Int: Int]], target: Int) -> NeedsAnalysis {
        let total = Double(max(1, respondents))
        func tally(_ field: String) -> [Tally] {
            (counts[field] ?? [:]).filter { $0.value > 0 }
                .map { Tally(code: $0.key, count: $0.value, share: Double($0.value) / total) }
                .sorted { ($0.count, -$0.code) > ($1.count, -$1.code) }
        }
        return NeedsAnalysis(respondents: respondents, target: target, topics: tally("topics"), formats: tally("format"),
                             times: tally("timeOfDay"), seasons: tally("season"))
    }

    /// The analysis of a tally under a filter, as the SQL over stored tallies computes it.
    public static func compute(_ tally: NeedsTally, target: Int, filter: NeedsFilter = NeedsFilter()) -> NeedsAnalysis {
        var respondents = 0
        var counts: [String: [Int: Int]] = [:]
        for (key, n) in tally.counts where key.cell.admitted(by: filter) {
            if key.question == NeedsTally.formsQuestion {
                respondents += n
            } else {
                counts[key.question, default: [:]][key.code, default: 0] += n
            }
        }
        return from(respondents: respondents, counts: counts, target: target)
    }
}
