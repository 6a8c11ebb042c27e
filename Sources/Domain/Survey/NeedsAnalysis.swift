import Foundation

/// Age bands used by the analysis.
public enum AgeBand: String, CaseIterable, Codable, Sendable {
    case under15, from15to29, from30to44, from45to59, over60

    public static func of(birthYear: Int, in year: Int) -> AgeBand {
        let age = year - birthYear
        switch age {
        case ..<15: return .under15
        case 15...29: return .from15to29
        case 30...44: return .from30to44
        case 45...59: return .from45to59
        default: return .over60
        }
    }
}

/// Which respondents an analysis counts.
public struct NeedsFilter: Hashable, Sendable {
    public var village: String?
    public var sex: Int?
    public var ageBand: AgeBand?
    public var occupation: Int?

    public init(village: String? = nil, sex: Int? = nil, ageBand: AgeBand? = nil, occupation: Int? = nil) {
        self.village = village
        self.sex = sex
        self.ageBand = ageBand
        self.occupation = occupation
    }

    public func admits(_ response: SurveyResponse, year: Int) -> Bool {
        if let village, response.village != village { return false }
        if let sex, response.answers["sex"]?.codes != [sex] { return false }
        if let occupation, response.answers["occupation"]?.codes != [occupation] { return false }
        if let ageBand {
            guard let born = response.birthYear, AgeBand.of(birthYear: born, in: year) == ageBand else { return false }
        }
        return true
    }
}

/// How many respondents chose a code, and what share of the respondents counted that is.
public struct Tally: Hashable, Sendable {
    public let code: Int
    public let count: Int
    /// Share of respondents, 0 to 1.
    public let share: Double
}

/// The needs a campaign shows: topics ranked by how many respondents want them, and the preferred formats,
/// times and seasons, for the respondents a filter admits.
public struct NeedsAnalysis: Hashable, Sendable {
    public let respondents: Int
    public let target: Int
    public let topics: [Tally]
    public let formats: [Tally]
    public let times: [Tally]
    public let seasons: [Tally]

    /// Respondents counted against the campaign's target (0 when it has none).
    public var coverage: Double { target > 0 ? Double(respondents) / Double(target) : 0 }

    public static func compute(_ responses: [SurveyResponse], campaign: SurveyCampaign, filter: NeedsFilter = NeedsFilter())
        -> NeedsAnalysis
    {
        let counted = responses.filter { filter.admits($0, year: campaign.year) }
        func tally(_ field: String) -> [Tally] {
            var counts: [Int: Int] = [:]
            for response in counted {
                for code in Set(response.answers[field]?.codes ?? []) { counts[code, default: 0] += 1 }
            }
            let total = Double(max(1, counted.count))
            return counts.map { Tally(code: $0.key, count: $0.value, share: Double($0.value) / total) }
                .sorted { ($0.count, -$0.code) > ($1.count, -$1.code) }
        }
        return NeedsAnalysis(respondents: counted.count, target: campaign.target, topics: tally("topics"),
                             formats: tally("format"), times: tally("timeOfDay"), seasons: tally("season"))
    }
}
