import Domain
import Foundation
import GRDB

/// The numbers an approved plan's documents carry, from the offices' own registers: the plan's number in its
/// centre's register of the year ("12/KH-TTHTCĐ") and the approval decision's number in its commune's register of
/// the year ("5/QĐ-UBND"). Given once, in the approval's transaction, and never reused.
public struct PlanRegisterNumbers: Equatable, Sendable {
    public let year: Int
    public let planNumber: Int
    public let decisionNumber: Int
}

enum DocumentRegister {
    /// The table, and the numbers of plans approved before it existed, in the order they were approved.
    static func migrate(_ db: Database) throws {
        try db.create(table: "documentRegister") { t in
            t.primaryKey("planId", .integer).references("plan", onDelete: .cascade)
            t.column("year", .integer).notNull()
            t.column("centreId", .integer).notNull()
            t.column("communeCode", .integer)
            t.column("planNumber", .integer).notNull()
            t.column("decisionNumber", .integer).notNull()
        }
        let approvals = try Row.fetchAll(db, sql: """
            SELECT e.planId, MAX(e.at) AS at FROM planEvent e WHERE e.action = 'approve' GROUP BY e.planId ORDER BY at, e.planId
            """)
        for row in approvals {
            let at: String = row["at"]
            guard let moment = Timestamp.date(at) else { continue }
            try issue(db, planID: row["planId"], at: moment)
        }
    }

    /// Gives an approved plan its numbers: the next in its centre's register and its commune's, for the year of the
    /// approval. A plan that has numbers keeps them.
    static func issue(_ db: Database, planID: Int64, at moment: Date) throws {
        guard try Int.fetchOne(db, sql: "SELECT 1 FROM documentRegister WHERE planId = ?", arguments: [planID]) == nil,
              let centre = try Row.fetchOne(db, sql: """
                SELECT c.id, c.communeCode FROM plan p JOIN centre c ON c.id = p.centreId WHERE p.id = ?
                """, arguments: [planID])
        else { return }
        let year = LocalDate(date: moment, timeZone: .current).year
        let centreID: Int64 = centre[0]
        let commune: Int? = centre[1]
        let planNumber = try Int.fetchOne(db, sql: """
            SELECT COALESCE(MAX(planNumber), 0) + 1 FROM documentRegister WHERE year = ? AND centreId = ?
            """, arguments: [year, centreID]) ?? 1
        let decisionNumber = try Int.fetchOne(db, sql: """
            SELECT COALESCE(MAX(decisionNumber), 0) + 1 FROM documentRegister WHERE year = ? AND communeCode IS ?
            """, arguments: [year, commune]) ?? 1
        try db.execute(sql: """
            INSERT INTO documentRegister (planId, year, centreId, communeCode, planNumber, decisionNumber)
            VALUES (?, ?, ?, ?, ?, ?)
            """, arguments: [planID, year, centreID, commune, planNumber, decisionNumber])
    }
}

extension AppDatabase {
    /// The register numbers of an approved plan; nil for a plan never approved (or received from another office).
    public func registerNumbers(planID: Int64) throws -> PlanRegisterNumbers? {
        do {
            return try writer.read { db in
                try Row.fetchOne(db, sql: "SELECT year, planNumber, decisionNumber FROM documentRegister WHERE planId = ?",
                                 arguments: [planID]).map {
                    PlanRegisterNumbers(year: $0[0], planNumber: $0[1], decisionNumber: $0[2])
                }
            }
        } catch {
            throw StorageError(error)
        }
    }
}
