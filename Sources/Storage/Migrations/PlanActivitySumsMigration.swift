import GRDB

/// Issue 11: a country's plan list added up its hundred thousand activities by parsing each one's JSON (a third
/// of `plan list`). Whether an activity is done and its planned cost are kept as typed columns beside the JSON,
/// filled by triggers from the JSON itself, so no writer (the plan store, bulk writes, a received bundle) can let
/// them drift from the content they are read from.
enum PlanActivitySumsMigration {
    static let name = "v14-plan-activity-sums"

    /// Damaged content (not JSON) gives nothing rather than an error, so that it is reported when read, by the
    /// store's own check, and never blocks a write or a migration.
    static func isDone(_ content: String) -> String {
        "coalesce(CASE WHEN json_valid(\(content)) THEN json_extract(\(content), '$.outcome.state') = 'done' END, 0)"
    }

    static func plannedCost(_ content: String) -> String {
        "CASE WHEN json_valid(\(content)) THEN json_extract(\(content), '$.cost') END"
    }

    static func migrate(_ db: Database) throws {
        try db.alter(table: "planActivity") { t in
            t.add(column: "isDone", .boolean).notNull().defaults(to: false)
            t.add(column: "plannedCost", .integer)
        }
        try db.execute(sql: """
            UPDATE planActivity SET isDone = \(isDone("content")), plannedCost = \(plannedCost("content"));
            -- The sums read from this index alone, never from the rows and their JSON.
            CREATE INDEX planActivity_sums ON planActivity(planId, isDone, plannedCost);
            CREATE TRIGGER planActivity_sums_insert AFTER INSERT ON planActivity BEGIN
                UPDATE planActivity SET isDone = \(isDone("NEW.content")), plannedCost = \(plannedCost("NEW.content"))
                    WHERE id = NEW.id;
            END;
            CREATE TRIGGER planActivity_sums_update AFTER UPDATE OF content ON planActivity BEGIN
                UPDATE planActivity SET isDone = \(isDone("NEW.content")), plannedCost = \(plannedCost("NEW.content"))
                    WHERE id = NEW.id;
            END;
            """)
    }
}
