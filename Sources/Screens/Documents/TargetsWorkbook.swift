import Documents
import Domain
import Foundation

extension Workbooks {
    /// The targets dashboard of a year as a workbook: each target's share against it, the same by commune, every
    /// working centre with what it meets, and the ranks. The centres are the dashboard's: the office's own, its
    /// commune's only for a commune office.
    public static func targets(_ source: DocumentSource, year: Int, rules: EvaluationRules) throws -> Workbook {
        let s = source.strings
        guard let office = source.office else { throw DocumentProblem.officeNotSet }
        let compliance = BoardCompliance(table: source.boardRules,
                                         parameters: try source.database.boardParameters(defaults: source.boardRules.parameters),
                                         units: source.units)
        let centres = try rules.targetFacts(source.database, year: year, provinceCode: office.provinceCode,
                                            compliance: compliance, today: source.today)
            .filter { office.communeCode == nil || $0.communeCode == office.communeCode }
        let summary = TargetSummary(centres, targets: rules.catalog.targets)
        let measures = TargetMeasure.allCases
        let communeName = { (code: Int?) in code.flatMap { source.units.unit(code: $0)?.name } ?? "" }
        let shares = summary.shares.map { share -> [Cell] in
            [.text(s.name(share.measure)), .number(share.met), .number(share.of), .percent(fraction(share.met, share.of)),
             .percent(Double(share.target) / 100), .text(share.isReached ? s[.docYes] : s[.docNo])]
        }
        let communes = summary.byCommune.map { commune -> [Cell] in
            [.text(communeName(commune.commune)), .number(commune.shares.first?.of ?? 0)]
                + commune.shares.map { Cell.number($0.met) }
        }
        let rows = VietnameseCollation.sorted(centres, by: \.name).map { centre -> [Cell] in
            [.text(centre.code), .text(centre.name), .text(communeName(centre.communeCode))]
                + measures.map { Cell.text(centre.met.contains($0) ? s[.docYes] : s[.docNo]) }
                + [.text(centre.rank.map { s.name($0) } ?? "")]
        }
        let ranks = Rank.allCases.map { [Cell.text(s.name($0)), .number(summary.ranks[$0] ?? 0)] }
            + [[.text(s[.sheetTargetsUnranked]), .number(summary.unranked)]]
        return Workbook(sheets: [
            Sheet(name: s[.sheetTargets], headers: [
                s[.sheetColumnMeasure], s[.sheetColumnMet], s[.sheetColumnCentres], s[.sheetColumnShare],
                s[.sheetColumnTargetShare], s[.sheetColumnReached],
            ], rows: shares),
            Sheet(name: s[.sheetTargetsByCommune],
                  headers: [s[.columnCommune], s[.sheetColumnCentres]] + measures.map { s.name($0) }, rows: communes),
            Sheet(name: s[.sheetCentres],
                  headers: [s[.columnCode], s[.columnName], s[.columnCommune]] + measures.map { s.name($0) }
                      + [s(.sheetColumnRank, year)], rows: rows),
            Sheet(name: s[.sheetTargetsRanks], headers: [s(.sheetColumnRank, year), s[.sheetColumnCentres]], rows: ranks),
        ])
    }

    static func fraction(_ part: Int, _ whole: Int) -> Double { whole == 0 ? 0 : Double(part) / Double(whole) }
}
