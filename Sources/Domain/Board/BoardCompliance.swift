/// The result of one rule for one centre.
public struct RuleResult: Hashable, Sendable {
    public let rule: BoardRule
    public let outcome: RuleOutcome
    public let findings: [BoardFinding]

    public var isError: Bool { outcome == .fail && rule.severity == .error }
    public var isWarning: Bool { outcome == .fail && rule.severity == .warning }
}

/// The checklist of one centre's board as of a date.
public struct BoardReport: Hashable, Sendable {
    public let centreID: Int64
    public let asOf: LocalDate
    public let results: [RuleResult]

    public init(centreID: Int64, asOf: LocalDate, results: [RuleResult]) {
        self.centreID = centreID
        self.asOf = asOf
        self.results = results
    }

    public var errorCount: Int { results.filter(\.isError).count }
    public var warningCount: Int { results.filter(\.isWarning).count }
    public var isCompliant: Bool { errorCount == 0 }

    public func result(for ruleID: String) -> RuleResult? { results.first { $0.rule.id == ruleID } }
}

/// Runs the rules in force on a date over a centre's board.
public struct BoardCompliance: Sendable {
    public let table: BoardRuleTable
    public var parameters: BoardParameters
    public let units: UnitDirectory

    public init(table: BoardRuleTable, parameters: BoardParameters? = nil, units: UnitDirectory) {
        self.table = table
        self.parameters = parameters ?? table.parameters
        self.units = units
    }

    public func check(centreID: Int64, members: [BoardMember], staff: [StaffMember], asOf: LocalDate) -> BoardReport {
        let board = BoardSnapshot(members: members, staff: staff, asOf: asOf, parameters: parameters, units: units)
        let results = table.rules(on: asOf).map { rule in
            let (outcome, findings) = rule.check.evaluate(board)
            return RuleResult(rule: rule, outcome: outcome, findings: findings)
        }
        return BoardReport(centreID: centreID, asOf: asOf, results: results)
    }
}
