import AppResources
import Domain
import Foundation
import Storage

/// The shipped evaluation data (Resources/evaluation/criteria.json) with what the office changed in the data
/// file, and the reading of evidence and target facts that the screens and the command line share.
public struct EvaluationRules: Sendable {
    public let catalog: EvaluationCatalog

    public init(catalog: EvaluationCatalog) { self.catalog = catalog }

    public struct Missing: Error {}

    /// The shipped data; loaded once.
    public static let shipped: EvaluationRules? = {
        guard let data = try? AppResources.data("evaluation/criteria.json"),
              let catalog = try? EvaluationCatalog.decode(data) else { return nil }
        return EvaluationRules(catalog: catalog)
    }()

    /// The criteria set a year is evaluated by, for the office's province.
    public func set(year: Int, province: Int?) -> CriteriaSet? {
        catalog.set(on: EvaluationCatalog.referenceDate(year: year), province: province)
    }

    /// The set an evaluation was made with (the one in force then, even if another applies now).
    public func set(of evaluation: Evaluation, province: Int?) -> CriteriaSet? {
        catalog.set(id: evaluation.criteriaSetID) ?? set(year: evaluation.year, province: province)
    }

    public func schedule(_ database: AppDatabase) throws -> ThresholdSchedule {
        ThresholdSchedule(shipped: catalog.thresholds, province: try database.provinceThresholds())
    }

    /// The day the board is checked for a year's evidence: the year's last day, or today for the current year.
    public static func boardDate(year: Int, today: LocalDate) -> LocalDate {
        min(EvaluationCatalog.referenceDate(year: year), today)
    }

    /// What the data file records about a centre's year, the board checked by the rule engine.
    public func facts(_ database: AppDatabase, centreID: Int64, year: Int, compliance: BoardCompliance,
                      today: LocalDate) throws -> EvidenceFacts {
        let members = try database.boardMembers(centreID: centreID)
        let report = compliance.check(centreID: centreID, members: members, staff: try database.staffMembers(centreID: centreID),
                                      asOf: Self.boardDate(year: year, today: today))
        return try database.evidenceFacts(centreID: centreID, year: year, boardErrors: report.errorCount,
                                          trainingsRequired: compliance.parameters.trainingsPerYear)
    }

    /// Every working centre of a province as the targets dashboard counts it.
    public func targetFacts(_ database: AppDatabase, year: Int, provinceCode: Int?, compliance: BoardCompliance,
                            today: LocalDate) throws -> [CentreTargetFacts] {
        let boards = try database.boardMembers(provinceCode: provinceCode)
        let staff = try database.staffMembers(provinceCode: provinceCode)
        let asOf = Self.boardDate(year: year, today: today)
        let compliant = Set(boards.compactMap { id, members in
            compliance.check(centreID: id, members: members, staff: staff[id] ?? [], asOf: asOf).isCompliant ? id : nil
        })
        return try database.targetFacts(year: year, provinceCode: provinceCode, compliantBoards: compliant)
    }
}
