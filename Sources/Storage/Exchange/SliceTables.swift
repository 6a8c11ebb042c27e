import Domain
import GRDB

/// An office's slice: its centres and everything that hangs from them, table by table in the order a copy must
/// insert them (parents first). A table added to the schema that belongs to a centre is added here, with the
/// columns that point to other rows, so that bundles carry it (evaluations and comments, once they exist, are
/// such tables).
enum SliceTables {
    struct Table {
        let name: String
        /// Whether rows have their own `id` (renumbered on arrival); tables without one are keyed by their parent.
        let hasID: Bool
        /// Column → the table whose id it holds.
        let links: [String: String]
    }

    static let tables: [Table] = [
        Table(name: "centre", hasID: true, links: [:]),
        Table(name: "venue", hasID: true, links: ["centreId": "centre"]),
        Table(name: "facility", hasID: false, links: ["centreId": "centre"]),
        Table(name: "centreStatusChange", hasID: true, links: ["centreId": "centre"]),
        Table(name: "boardMember", hasID: true, links: ["centreId": "centre"]),
        Table(name: "training", hasID: true, links: ["memberId": "boardMember"]),
        Table(name: "surveyCampaign", hasID: true, links: ["centreId": "centre"]),
        Table(name: "importBatch", hasID: true, links: ["campaignId": "surveyCampaign"]),
        Table(name: "surveyResponse", hasID: true, links: ["campaignId": "surveyCampaign", "importBatchId": "importBatch"]),
        Table(name: "surveyTally", hasID: false, links: ["campaignId": "surveyCampaign"]),
        Table(name: "surveyTotal", hasID: false, links: ["campaignId": "surveyCampaign"]),
        Table(name: "plan", hasID: true, links: ["centreId": "centre", "amendsPlanId": "plan"]),
        Table(name: "planActivity", hasID: true, links: ["planId": "plan"]),
        Table(name: "planEvent", hasID: true, links: ["planId": "plan"]),
    ]

    /// The condition choosing the rows of `table` (in schema `schema`) that belong to the centres chosen by
    /// `centres` (an SQL condition on the centre table aliased `c`; the centre table itself is aliased `c`).
    static func owned(_ table: String, schema: String, centres: String) -> String {
        let centreIDs = "SELECT c.id FROM \(schema).centre c WHERE \(centres)"
        switch table {
        case "centre": return centres
        case "training":
            return "memberId IN (SELECT id FROM \(schema).boardMember WHERE centreId IN (\(centreIDs)))"
        case "importBatch", "surveyResponse", "surveyTally", "surveyTotal":
            return "campaignId IN (SELECT id FROM \(schema).surveyCampaign WHERE centreId IN (\(centreIDs)))"
        case "planActivity", "planEvent":
            return "planId IN (SELECT id FROM \(schema).plan WHERE centreId IN (\(centreIDs)))"
        default: return "centreId IN (\(centreIDs))"
        }
    }

    static func ownedRows(_ table: String, schema: String, centres: String) -> String {
        "SELECT * FROM \(schema).\(table) AS c WHERE " + owned(table, schema: schema, centres: centres)
    }

    /// Removes the rows of the chosen centres, children first. Foreign keys are checked at commit.
    static func delete(_ db: Database, schema: String, centres: String, arguments: StatementArguments) throws {
        for table in tables.reversed() {
            try db.execute(sql: "DELETE FROM \(schema).\(table.name) AS c WHERE " + owned(table.name, schema: schema, centres: centres),
                           arguments: arguments)
        }
    }

    /// Tables whose ids other rows hold: copied a row at a time, each new id recorded in `temp.exchangeMap`.
    static let referenced: Set<String> = Set(tables.flatMap { $0.links.values })

    /// Copies the chosen centres' rows from the attached `bundle` schema into `main`, giving rows new ids and
    /// pointing links at them; `writer` marks the copied centres as received from that office (nil: this office's
    /// own, as a hand-over makes them). The few rows other
    /// rows point to (centres, members, campaigns, import batches, plans) are copied one by one and their new ids
    /// kept in a temporary table; everything else (forms, counts, venues, trainings, activities...) is copied by
    /// one INSERT ... SELECT per table that joins that table, so the bulk of a bundle never passes through Swift.
    static func copy(_ db: Database, centres: String, writer: String?) throws {
        try db.execute(sql: """
            CREATE TEMP TABLE IF NOT EXISTS exchangeMap (tbl TEXT NOT NULL, old INTEGER NOT NULL, new INTEGER NOT NULL,
                                                         PRIMARY KEY (tbl, old)) WITHOUT ROWID;
            DELETE FROM temp.exchangeMap;
            """)
        let remember = try db.makeStatement(sql: "INSERT INTO temp.exchangeMap (tbl, old, new) VALUES (?, ?, ?)")
        var ids: [String: [Int64: Int64]] = [:]
        for table in tables {
            let columns = try db.columns(in: table.name, in: "main").map(\.name)
            let bundleColumns = Set(try db.columns(in: table.name, in: "bundle").map(\.name))
            let inserted = columns.filter { !(table.hasID && $0 == "id") }
            let names = inserted.map { "\"\($0)\"" }.joined(separator: ", ")
            guard referenced.contains(table.name) || table.name == "plan" else {
                // One statement: links through the map (a missing target fails the NOT NULL or the foreign key).
                var joins: [String] = []
                let values = inserted.map { column -> String in
                    if let target = table.links[column] {
                        joins.append("LEFT JOIN temp.exchangeMap m_\(column) ON m_\(column).tbl = '\(target)' AND m_\(column).old = c.\"\(column)\"")
                        return "m_\(column).new"
                    }
                    return bundleColumns.contains(column) ? "c.\"\(column)\"" : "NULL"
                }
                try db.execute(sql: """
                    INSERT INTO main.\(table.name) (\(names))
                    SELECT \(values.joined(separator: ", ")) FROM bundle.\(table.name) AS c \(joins.joined(separator: " "))
                    WHERE \(owned(table.name, schema: "bundle", centres: centres))
                    """)
                continue
            }
            let insert = try db.makeStatement(sql: """
                INSERT INTO main.\(table.name) (\(names)) VALUES (\(inserted.map { _ in "?" }.joined(separator: ", ")))
                """)
            var map: [Int64: Int64] = [:]
            let rows = try Row.fetchCursor(db, sql: ownedRows(table.name, schema: "bundle", centres: centres) + " ORDER BY id")
            while let row = try rows.next() {
                var values: [(any DatabaseValueConvertible)?] = []
                values.reserveCapacity(inserted.count)
                for column in inserted {
                    if table.name == "centre" && column == "writer" {
                        values.append(writer)
                    } else if let target = table.links[column] {
                        if let old = row[column] as Int64? {
                            let mapped = target == table.name ? map[old] : ids[target]?[old]
                            guard let mapped else { throw BundleProblem.dataUnreadable }
                            values.append(mapped)
                        } else {
                            values.append(nil)
                        }
                    } else if table.name == "plan" && column == "campaignIds" {
                        values.append(try remapList(row[column], ids["surveyCampaign"] ?? [:]))
                    } else if bundleColumns.contains(column) {
                        values.append(row[column] as DatabaseValue)
                    } else {
                        values.append(nil)
                    }
                }
                try insert.execute(arguments: StatementArguments(values))
                if let old = row["id"] as Int64? {
                    map[old] = db.lastInsertedRowID
                    try remember.execute(arguments: [table.name, old, db.lastInsertedRowID])
                }
            }
            ids[table.name] = map
        }
    }

    /// A plan's campaigns are stored as "3,7": their new ids.
    private static func remapList(_ stored: String?, _ map: [Int64: Int64]) throws -> String {
        guard let stored, !stored.isEmpty else { return stored ?? "" }
        return try stored.split(separator: ",").map { part in
            guard let old = Int64(part.trimmingCharacters(in: .whitespaces)), let new = map[old] else {
                throw BundleProblem.dataUnreadable
            }
            return String(new)
        }.joined(separator: ",")
    }
}
