import Domain
import Foundation
import GRDB

/// A plan as a list shows it: its heading and steps, and the sums of its activities counted by SQL, without
/// reading the activities themselves (a country's plans hold a hundred thousand).
public struct PlanSummary: Sendable {
    /// The plan with its history and no activities.
    public let plan: Plan
    public let activities: Int
    /// Activities recorded as done.
    public let done: Int
    /// The activities' costs added up, in đồng.
    public let totalCost: Int
}

extension AppDatabase {
    /// Plans, newest year first, optionally of one centre and one year, with the sums of their activities.
    public func planSummaries(centreID: Int64? = nil, year: Int? = nil) throws -> [PlanSummary] {
        try writer.read { db in
            var request = PlanRecord.all()
            if let centreID { request = request.filter(PlanRecord.Columns.centreId == centreID) }
            if let year { request = request.filter(PlanRecord.Columns.year == year) }
            let ids = request.select(PlanRecord.Columns.id)
            var sums: [Int64: (Int, Int, Int)] = [:]
            let rows = try Row.fetchCursor(db, SQLRequest<Row>(literal: """
                SELECT planId, count(*), total(isDone), total(plannedCost)
                FROM planActivity WHERE planId IN (\(ids)) GROUP BY planId
                """))
            while let row = try rows.next() {
                sums[row[0]] = (row[1], Int(row[2] as Double), Int(row[3] as Double))
            }
            var history: [Int64: [PlanEvent]] = [:]
            for event in try PlanEventRecord.filter(ids.contains(PlanEventRecord.Columns.planId))
                .order(PlanEventRecord.Columns.id).fetchAll(db) {
                history[event.planId, default: []].append(try event.event())
            }
            return try request.order(PlanRecord.Columns.year.desc, PlanRecord.Columns.id).fetchAll(db).map { record in
                let (activities, done, cost) = sums[record.id!] ?? (0, 0, 0)
                return PlanSummary(plan: try record.plan(activities: [], history: history[record.id!] ?? []),
                                   activities: activities, done: done, totalCost: cost)
            }
        }
    }
}
