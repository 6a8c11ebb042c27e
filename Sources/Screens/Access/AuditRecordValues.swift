import Domain
import Foundation

/// The values of the records added after the first audit screen (money, people who teach, evaluations, plans'
/// activities, settings) in words: names for codes and ids, amounts with thousands dots, dates as dd/mm/yyyy.
extension AuditWords {
    /// A value of these records in words; nil where the general rules apply.
    func recordValue(_ type: String, _ field: String, _ raw: String) -> String? {
        switch (type, field) {
        case (_, "centreID"): return Int64(raw).flatMap { centreNames[$0] }
        case ("importBatch", "campaign"): return Int64(raw).flatMap { campaignTitles[$0] }
        case ("plan", "campaigns"):
            let ids = raw.split(separator: ",").compactMap { Int64($0.trimmingCharacters(in: .whitespaces)) }
            return ids.isEmpty ? nil : ids.map { campaignTitles[$0] ?? String($0) }.joined(separator: "; ")
        case ("centre", "venues"): return venues(raw)
        case ("evaluation", _) where field.hasSuffix(".evidence") || field.hasSuffix(".override"):
            return Self.largeNumbersGrouped(raw, s)
        case ("evaluation", "status"): return EvaluationStatus(rawValue: raw).map { s.name($0) }
        case ("evaluation", "rank"), ("evaluation", "selfRank"): return Rank(rawValue: raw).map { s.name($0) }
        case ("evaluation", "criteriaSet"):
            return EvaluationRules.shipped?.catalog.sets.first { $0.id == raw }.map { s.text($0.basis) }
        case ("staffMember", "kind"): return StaffKind(rawValue: raw).map { s.name($0) }
        case ("staffMember", "trainings"), ("boardMember", "trainings"): return Self.datesInWords(raw)
        case ("fundingReceipt", "source"): return ReceiptSource(rawValue: raw).map { s.name($0) }
        case ("fundingReceipt", "amount"), ("fundingYear", "estimate"), ("fundingYear", "allocated"):
            return Int(raw).map(s.money)
        case ("plan", _) where field.hasPrefix("activity."): return activity(raw)
        default: return nil
        }
    }

    /// A setting by what it sets, not by its key.
    func settingName(_ key: String) -> String {
        switch key {
        case "office.province": return s[.settingOfficeProvince]
        case "office.commune": return s[.settingOfficeCommune]
        case "evaluation.thresholds": return s[.settingThresholds]
        case "backup.keepDays": return s[.fieldBackupKeepDays]
        case "export.csvStyle": return s[.fieldCsvStyle]
        case "session.idleMinutes": return s[.fieldIdleMinutes]
        case "exchange.staleDays": return s[.settingStaleDays]
        case "board.vacancyDays": return s[.fieldVacancyDays]
        default: return key.hasPrefix("survey.mapping.") ? s[.settingImportMapping] : key
        }
    }

    /// A setting's value in words: a province by name, thresholds and column matchings spelt out.
    func settingValue(_ key: String, _ raw: String?) -> String {
        guard let raw, !raw.isEmpty else { return s[.auditEmptyValue] }
        let data = Data(raw.utf8)
        switch key {
        case "office.province": return value("centre", "provinceCode", raw)
        case "office.commune": return value("centre", "communeCode", raw)
        case "export.csvStyle":
            return CSVStyle(rawValue: raw).map { $0 == .comma ? s[.csvStyleComma] : s[.csvStyleSemicolon] } ?? raw
        case "evaluation.thresholds":
            guard let list = try? JSONDecoder().decode([RankThresholds].self, from: data) else { return raw }
            return list.map { s(.auditThresholdsValue, $0.effectiveFrom.vietnamese, $0.good, $0.fair, $0.average) }
                .joined(separator: "; ")
        default:
            guard key.hasPrefix("survey.mapping."),
                  let mapping = try? JSONDecoder().decode([String: String].self, from: data) else { return raw }
            let pairs = mapping.sorted { $0.key < $1.key }.map { header, question in
                "\(header) → \(questionnaire?.question(question).map { s.text($0.label) } ?? question)"
            }
            return s(.auditMappingValue, mapping.count, pairs.joined(separator: "; "))
        }
    }

    /// A plan's activity as the plan screen would say it: title, month, format, learners, cost, and what was done.
    private func activity(_ raw: String) -> String? {
        guard let activity = try? JSONDecoder().decode(PlanActivity.self, from: Data(raw.utf8)) else { return nil }
        var parts = [activity.title, s.name(activity.format)]
        if let month = activity.effectiveMonth { parts.append(s(.auditActivityMonth, month)) }
        parts.append(s(.auditActivityLearners, activity.expectedLearners))
        parts.append(s.money(activity.cost) + " (" + s.name(activity.costSource) + ")")
        let outcome = activity.outcome
        if outcome.state != .planned {
            parts.append(s(.auditActivityOutcome, s.name(outcome.state), outcome.actualDate?.vietnamese ?? "…",
                           outcome.participants, outcome.women, s.money(outcome.cost)))
        }
        return parts.filter { !$0.isEmpty }.joined(separator: " · ")
    }

    /// "Nhà văn hóa xóm 3 (villageCulturalHouse, Xóm 3)" → "Nhà văn hóa xóm 3 (Nhà văn hóa thôn, Xóm 3)".
    private func venues(_ raw: String) -> String {
        raw.components(separatedBy: "; ").map { venue in
            guard venue.hasSuffix(")"), let open = venue.range(of: " (", options: .backwards) else { return venue }
            let inside = venue[open.upperBound..<venue.index(before: venue.endIndex)]
            let parts = inside.split(separator: ",", maxSplits: 1, omittingEmptySubsequences: false)
            guard let kind = parts.first.flatMap({ VenueKind(rawValue: String($0)) }) else { return venue }
            let village = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
            return venue[..<open.lowerBound] + " (" + ([s.name(kind), village].filter { !$0.isEmpty }.joined(separator: ", ")) + ")"
        }.joined(separator: "; ")
    }

    /// "12500000/15000000" → "12.500.000/15.000.000": the amounts an item's evidence counts.
    static func largeNumbersGrouped(_ raw: String, _ s: Strings) -> String {
        var result = ""
        var digits = ""
        func flush() {
            result += digits.count >= 5 ? Int(digits).map(s.amount) ?? digits : digits
            digits = ""
        }
        for character in raw {
            if character.isASCII && character.isNumber { digits.append(character) } else { flush(); result.append(character) }
        }
        flush()
        return result
    }

    /// "2026-03-12 Quản lý TTHTCĐ 4h" → "12/03/2026 Quản lý TTHTCĐ 4h": the dates inside a list of trainings.
    static func datesInWords(_ raw: String) -> String {
        raw.split(separator: " ", omittingEmptySubsequences: false)
            .map { word in isoDate(String(word))?.vietnamese ?? String(word) }.joined(separator: " ")
    }
}
