import Foundation

/// One answer as stored: words, a number, or codes.
public enum Answer: Hashable, Codable, Sendable {
    case text(String)
    case number(Int)
    case codes([Int])

    public var codes: [Int] {
        if case .codes(let codes) = self { return codes }
        return []
    }

    public var number: Int? {
        if case .number(let n) = self { return n }
        return nil
    }

    public var text: String? {
        if case .text(let t) = self { return t }
        return nil
    }

    private enum CodingKeys: String, CodingKey { case text, number, codes }

    /// Stored as {"text": …}, {"number": …} or {"codes": […]}: readable in the data file and the demo dataset.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let text = try container.decodeIfPresent(String.self, forKey: .text) {
            self = .text(text)
        } else if let number = try container.decodeIfPresent(Int.self, forKey: .number) {
            self = .number(number)
        } else {
            self = .codes(try container.decode([Int].self, forKey: .codes))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .text(let t): try container.encode(t, forKey: .text)
        case .number(let n): try container.encode(n, forKey: .number)
        case .codes(let c): try container.encode(c, forKey: .codes)
        }
    }

    public var isEmpty: Bool {
        switch self {
        case .text(let t): return t.isEmpty
        case .number: return false
        case .codes(let c): return c.isEmpty
        }
    }
}

/// A respondent's answers by question id.
public typealias SurveyAnswers = [String: Answer]

/// A warning the clerk chose to keep, and why: stored with the response.
public struct SurveyOverride: Hashable, Codable, Sendable {
    public var checkID: String
    public var reason: String

    public init(checkID: String, reason: String) {
        self.checkID = checkID
        self.reason = reason
    }
}

/// One filled-in form.
public struct SurveyResponse: Hashable, Codable, Sendable, Identifiable {
    public var id: Int64?
    public var campaignID: Int64
    public var answers: SurveyAnswers
    public var overrides: [SurveyOverride]

    public init(id: Int64? = nil, campaignID: Int64, answers: SurveyAnswers = [:], overrides: [SurveyOverride] = []) {
        self.id = id
        self.campaignID = campaignID
        self.answers = answers
        self.overrides = overrides
    }

    /// The serial number printed on the paper form.
    public var serial: String { answers["serial"]?.text ?? "" }
    public var respondentName: String { answers["name"]?.text ?? "" }
    public var village: String { answers["village"]?.text ?? "" }
    public var birthYear: Int? { answers["birthYear"]?.number }

    /// What makes two forms look like the same person: the name folded, the village and the birth year.
    public var personKey: String? {
        guard !respondentName.isEmpty, let year = birthYear else { return nil }
        return VietnameseText.fold(respondentName.cleanedInput) + "|" + VietnameseText.fold(village) + "|" + String(year)
    }
}
