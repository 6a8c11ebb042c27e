import Domain
import Foundation
import GRDB

extension AppDatabase {
    /// What the data file records about a centre's year, counted by SQL over typed columns (the activities'
    /// states, participants and costs are read by `json_extract` inside SQLite, never decoded here).
    /// `boardErrors` comes from the board rule engine, which the caller runs; `trainingsRequired` is the rule's
    /// parameter.
    public func evidenceFacts(centreID: Int64, year: Int, boardErrors: Int?, trainingsRequired: Int) throws
        -> EvidenceFacts
    {
        try writer.read { db in
            var facts = EvidenceFacts()
            let first = "\(year)-01-01", last = "\(year)-12-31"
            let approved = "p.centreId = ? AND p.year = ? AND p.kind = 'annual' AND p.status = 'approved'"
            facts.approvedAnnualPlans = try Int.fetchOne(db, sql: "SELECT count(*) FROM plan p WHERE \(approved)",
                                                         arguments: [centreID, year]) ?? 0
            facts.surveyForms = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM surveyResponse r JOIN surveyCampaign c ON c.id = r.campaignId
                WHERE c.centreId = ? AND c.year = ?
                """, arguments: [centreID, year]) ?? 0
            facts.boardErrors = boardErrors
            // Managers and assigned teachers in office at the year's end (or when they left during it)...
            let board = try Row.fetchOne(db, sql: """
                SELECT count(*), total((SELECT count(*) FROM training t WHERE t.memberId = m.id
                                        AND t.date BETWEEN ?1 AND ?2) >= ?3)
                FROM boardMember m
                WHERE m.centreId = ?4 AND m.role IN ('director', 'deputyDirector', 'assignedTeacher')
                  AND (m.termStart IS NULL OR m.termStart <= ?2) AND (m.termEnd IS NULL OR m.termEnd >= ?1)
                """, arguments: [first, last, trainingsRequired, centreID])!
            // ... and the register's teachers and speakers still teaching.
            let staff = try Row.fetchOne(db, sql: """
                SELECT count(*), total((SELECT count(*) FROM staffTraining t WHERE t.staffId = s.id
                                        AND t.date BETWEEN ?1 AND ?2) >= ?3)
                FROM staffMember s WHERE s.centreId = ?4 AND s.active AND s.kind IN ('teacher', 'speaker')
                """, arguments: [first, last, trainingsRequired, centreID])!
            facts.people = (board[0] as Int) + (staff[0] as Int)
            facts.trainedPeople = Int(board[1] as Double) + Int(staff[1] as Double)
            let activities = try Row.fetchOne(db, sql: """
                SELECT total(json_extract(a.content, '$.outcome.state') != 'cancelled'),
                       total(json_extract(a.content, '$.outcome.state') = 'done'),
                       total(CASE WHEN json_extract(a.content, '$.outcome.state') = 'done'
                                  THEN json_extract(a.content, '$.outcome.participants') END)
                FROM planActivity a JOIN plan p ON p.id = a.planId WHERE \(approved)
                """, arguments: [centreID, year])!
            facts.activitiesPlanned = Int(activities[0] as Double)
            facts.activitiesDone = Int(activities[1] as Double)
            facts.learnersReached = Int(activities[2] as Double)
            facts.learnersTarget = try Int.fetchOne(db, sql: "SELECT coalesce(sum(targetLearners), 0) FROM plan p WHERE \(approved)",
                                                    arguments: [centreID, year]) ?? 0
            facts.facilitiesPresent = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM facility WHERE centreId = ? AND present AND kind IN ('bookcase', 'tablesAndChairs', 'computers')
                """, arguments: [centreID]) ?? 0
            facts.fundingReceived = try Int.fetchOne(db, sql: """
                SELECT coalesce(sum(amount), 0) FROM fundingReceipt WHERE centreId = ? AND year = ?
                """, arguments: [centreID, year]) ?? 0
            facts.fundingEstimate = try Int.fetchOne(db, sql: "SELECT estimate FROM fundingYear WHERE centreId = ? AND year = ?",
                                                     arguments: [centreID, year]) ?? 0
            return facts
        }
    }

    /// Each working centre of a province (or everywhere) as the targets dashboard counts it, one SQL statement:
    /// an approved annual plan, the three items of equipment, money received, forms of a survey of the year, a
    /// confirmed evaluation and its rank. `compliantBoards` comes from the board rule engine.
    public func targetFacts(year: Int, provinceCode: Int?, compliantBoards: Set<Int64>) throws -> [CentreTargetFacts] {
        try writer.read { db in
            var arguments: StatementArguments = [year]
            var scope = ""
            if let provinceCode {
                scope = " AND c.provinceCode = ?"
                arguments += [provinceCode]
            }
            let rows = try Row.fetchCursor(db, sql: """
                SELECT c.id, c.code, c.name, c.communeCode,
                  EXISTS(SELECT 1 FROM plan p WHERE p.centreId = c.id AND p.year = ?1 AND p.kind = 'annual'
                         AND p.status = 'approved'),
                  (SELECT count(*) FROM facility f WHERE f.centreId = c.id AND f.present
                     AND f.kind IN ('bookcase', 'tablesAndChairs', 'computers')) = 3,
                  EXISTS(SELECT 1 FROM fundingReceipt r WHERE r.centreId = c.id AND r.year = ?1),
                  EXISTS(SELECT 1 FROM surveyResponse s JOIN surveyCampaign k ON k.id = s.campaignId
                         WHERE k.centreId = c.id AND k.year = ?1),
                  e.status = 'confirmed', CASE WHEN e.status = 'confirmed' THEN e.rank END
                FROM centre c LEFT JOIN evaluation e ON e.centreId = c.id AND e.year = ?1
                WHERE c.status = 'active'\(scope)
                ORDER BY c.communeCode, c.code
                """, arguments: arguments)
            var found: [CentreTargetFacts] = []
            while let row = try rows.next() {
                let id: Int64 = row[0]
                var met: Set<TargetMeasure> = []
                if row[4] as Bool { met.insert(.plan) }
                if row[5] as Bool { met.insert(.equipped) }
                if row[6] as Bool { met.insert(.funded) }
                if row[7] as Bool { met.insert(.surveyed) }
                if (row[8] as Bool?) == true { met.insert(.evaluated) }
                if compliantBoards.contains(id) { met.insert(.board) }
                let rank = try (row[9] as String?).map { raw in
                    guard let rank = Rank(rawValue: raw) else {
                        throw EvaluationRecord.failure(EvaluationRecord.Columns.rank, raw)
                    }
                    return rank
                }
                found.append(CentreTargetFacts(id: id, code: row[1], name: row[2], communeCode: row[3], met: met,
                                               rank: rank))
            }
            return found
        }
    }
}
