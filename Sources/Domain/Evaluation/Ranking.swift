import Foundation

/// The ranks a centre is given (Tốt, Khá, Trung bình, Chưa đạt), best first.
public enum Rank: String, Codable, CaseIterable, Sendable, Comparable {
    case good, fair, average, notMet

    public static func < (lhs: Rank, rhs: Rank) -> Bool {
        (allCases.firstIndex(of: lhs) ?? 0) > (allCases.firstIndex(of: rhs) ?? 0)
    }
}

/// Where the ranks begin, in percent of the criteria set's maximum, from a date on. Below `average` is
/// Chưa đạt.
public struct RankThresholds: Hashable, Codable, Sendable {
    public var effectiveFrom: LocalDate
    public var good: Int
    public var fair: Int
    public var average: Int

    public init(effectiveFrom: LocalDate, good: Int, fair: Int, average: Int) {
        self.effectiveFrom = effectiveFrom
        self.good = good
        self.fair = fair
        self.average = average
    }

    /// Thresholds must rise strictly, from 1 to 100.
    public var isValid: Bool { 0 < average && average < fair && fair < good && good <= 100 }

    /// The rank of `score` out of `maximum`. Exactly on a threshold earns that rank.
    public func rank(score: Int, maximum: Int) -> Rank {
        guard maximum > 0 else { return .notMet }
        // Compared in whole numbers: score/maximum >= t/100.
        func reaches(_ percent: Int) -> Bool { score * 100 >= percent * maximum }
        if reaches(good) { return .good }
        if reaches(fair) { return .fair }
        if reaches(average) { return .average }
        return .notMet
    }
}

/// The shipped default thresholds and those a province set, each from its date: the latest in force applies.
public struct ThresholdSchedule: Hashable, Sendable {
    public var entries: [RankThresholds]

    public init(shipped: [RankThresholds], province: [RankThresholds]) {
        // A province's entry replaces a shipped one of the same date.
        var byDate: [LocalDate: RankThresholds] = [:]
        for entry in shipped + province { byDate[entry.effectiveFrom] = entry }
        entries = byDate.values.sorted { $0.effectiveFrom < $1.effectiveFrom }
    }

    public func thresholds(on date: LocalDate) -> RankThresholds? {
        entries.last { $0.effectiveFrom <= date }
    }

    /// The rank of a year's evaluation, by the thresholds in force on the year's last day.
    public func rank(score: Int, maximum: Int, year: Int) -> Rank {
        thresholds(on: EvaluationCatalog.referenceDate(year: year))?.rank(score: score, maximum: maximum) ?? .notMet
    }
}

/// A centre at the lowest rank two years running is reviewed for suspension or dissolution (2020 provincial
/// directive, domain brief).
public enum RankReview {
    /// True when `ranks` (confirmed ranks by year) hold Chưa đạt for `year` and the year before.
    public static func needsReview(_ ranks: [Int: Rank], year: Int) -> Bool {
        ranks[year] == .notMet && ranks[year - 1] == .notMet
    }

    /// The year the centre stands flagged for: its latest confirmed rank and the one before are both Chưa đạt.
    /// A better rank since clears the flag.
    public static func flaggedYear(_ ranks: [Int: Rank]) -> Int? {
        guard let latest = ranks.keys.max(), needsReview(ranks, year: latest) else { return nil }
        return latest
    }
}
