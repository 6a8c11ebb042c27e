/// What the people who asked for one topic want: how many they are, and among them the formats, times of day and
/// seasons chosen. Drafting a plan from a survey proposes each topic the way those who asked for it want it, not
/// the way the whole village does.
public struct TopicDemand: Hashable, Sendable {
    public let topic: Int
    /// Respondents who chose the topic.
    public let count: Int
    /// Code → respondents, among those who chose the topic.
    public let formats: [Int: Int]
    public let times: [Int: Int]
    public let seasons: [Int: Int]

    /// The most chosen code of a tally; the lower code wins a tie, so a draft is the same every time.
    static func favourite(_ tally: [Int: Int]) -> Int? {
        tally.max { a, b in a.value < b.value || a.value == b.value && a.key > b.key }?.key
    }

    public var format: Int? { Self.favourite(formats) }
    public var timeOfDay: Int? { Self.favourite(times) }
    public var season: Int? { Self.favourite(seasons) }

    /// Every topic asked for, most wanted first (ties by code), from the answers of a campaign's forms.
    public static func compute(_ answers: [SurveyAnswers]) -> [TopicDemand] {
        var counts: [Int: Int] = [:]
        var formats: [Int: [Int: Int]] = [:], times: [Int: [Int: Int]] = [:], seasons: [Int: [Int: Int]] = [:]
        for form in answers {
            let format = form["format"]?.codes.first, time = form["timeOfDay"]?.codes.first
            let season = form["season"]?.codes.first
            for topic in Set(form["topics"]?.codes ?? []) {
                counts[topic, default: 0] += 1
                if let format { formats[topic, default: [:]][format, default: 0] += 1 }
                if let time { times[topic, default: [:]][time, default: 0] += 1 }
                if let season { seasons[topic, default: [:]][season, default: 0] += 1 }
            }
        }
        return counts.keys.sorted { (counts[$0]!, -$0) > (counts[$1]!, -$1) }.map { topic in
            TopicDemand(topic: topic, count: counts[topic]!, formats: formats[topic] ?? [:], times: times[topic] ?? [:],
                        seasons: seasons[topic] ?? [:])
        }
    }
}

/// When in the year each season answer of the questionnaire falls, for proposing months. A reading of the northern
/// farming calendar (unverified): the director moves any month the draft proposes.
public enum SeasonMonths {
    public static func months(forSeason code: Int?) -> [Int] {
        switch code {
        case 1?: return [3, 8, 11]      // slack farming season: between the crops
        case 2?: return [6, 7]          // summer
        case 3?: return [2, 3]          // after Tết
        default: return [2, 4, 6, 8, 10] // any time: spread over the year
        }
    }
}
