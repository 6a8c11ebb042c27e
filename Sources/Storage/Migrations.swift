import GRDB

/// The data file's schema, as named steps. Never edit a step that has shipped: add a new one.
enum Migrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-office-and-centres") { db in
            try db.create(table: "setting") { t in
                t.primaryKey("key", .text)
                t.column("value", .text).notNull()
            }
            try db.create(table: "centre") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("code", .text).notNull().unique()
                t.column("name", .text).notNull()
                t.column("provinceCode", .integer).notNull()
                t.column("communeCode", .integer)
                t.column("address", .text).notNull().defaults(to: "")
                t.column("establishmentNumber", .text).notNull().defaults(to: "")
                t.column("establishmentDate", .text)
                t.column("establishmentIssuer", .text).notNull().defaults(to: "")
                t.column("model", .text).notNull()
                t.column("isPilot", .boolean).notNull().defaults(to: false)
                t.column("otherFacilities", .text).notNull().defaults(to: "")
                t.column("status", .text).notNull()
                t.column("statusDecisionNumber", .text).notNull().defaults(to: "")
                t.column("statusDecisionDate", .text)
                t.column("statusDecisionIssuer", .text).notNull().defaults(to: "")
                t.column("statusReason", .text).notNull().defaults(to: "")
                t.column("mergedInto", .text)
                t.column("createdAt", .text).notNull()
                t.column("updatedAt", .text).notNull()
            }
            try db.create(index: "centre_commune", on: "centre", columns: ["communeCode"])
            try db.create(table: "venue") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("centre", onDelete: .cascade).notNull()
                t.column("position", .integer).notNull()
                t.column("name", .text).notNull()
                t.column("kind", .text).notNull()
                t.column("village", .text).notNull().defaults(to: "")
            }
            try db.create(table: "facility") { t in
                t.belongsTo("centre", onDelete: .cascade).notNull()
                t.column("kind", .text).notNull()
                t.column("present", .boolean).notNull()
                t.column("count", .integer).notNull()
                t.primaryKey(["centreId", "kind"])
            }
            try db.create(table: "centreStatusChange") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("centre", onDelete: .cascade).notNull()
                t.column("fromStatus", .text)
                t.column("toStatus", .text).notNull()
                t.column("decisionNumber", .text).notNull().defaults(to: "")
                t.column("decisionDate", .text)
                t.column("decisionIssuer", .text).notNull().defaults(to: "")
                t.column("reason", .text).notNull().defaults(to: "")
                t.column("mergedInto", .text)
                t.column("recordedAt", .text).notNull()
            }
        }
        migrator.registerMigration("v2-board") { db in
            try db.create(table: "boardMember") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("centre", onDelete: .restrict).notNull()
                t.column("fullName", .text).notNull()
                t.column("sex", .text).notNull()
                t.column("birthYear", .integer)
                t.column("role", .text).notNull()
                t.column("homeBody", .text).notNull()
                t.column("position", .text).notNull()
                t.column("post", .text).notNull().defaults(to: "")
                t.column("employment", .text).notNull()
                t.column("decisionNumber", .text).notNull().defaults(to: "")
                t.column("decisionDate", .text)
                t.column("decisionIssuer", .text).notNull().defaults(to: "")
                t.column("termStart", .text)
                t.column("termEnd", .text)
                t.column("duties", .text).notNull().defaults(to: "")
                t.column("phone", .text).notNull().defaults(to: "")
                t.column("createdAt", .text).notNull()
                t.column("updatedAt", .text).notNull()
            }
            try db.create(table: "training") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("member", inTable: "boardMember", onDelete: .cascade).notNull()
                t.column("date", .text).notNull()
                t.column("topic", .text).notNull()
                t.column("hours", .integer).notNull()
                t.column("organiser", .text).notNull().defaults(to: "")
            }
        }
        migrator.registerMigration("v3-accounts-audit") { db in
            try db.create(table: "account") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("username", .text).notNull().unique()
                t.column("fullName", .text).notNull()
                t.column("roles", .text).notNull()
                t.column("active", .boolean).notNull()
                t.column("passwordHash", .text).notNull()
                t.column("failedAttempts", .integer).notNull().defaults(to: 0)
                t.column("lockedUntil", .text)
                t.column("createdAt", .text).notNull()
                t.column("updatedAt", .text).notNull()
            }
            try db.create(table: "auditEntry") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("at", .text).notNull()
                t.column("username", .text).notNull()
                t.column("action", .text).notNull()
                t.column("recordType", .text).notNull()
                t.column("recordID", .text).notNull()
                t.column("changes", .text).notNull()
                t.column("previousHash", .text).notNull()
                t.column("hash", .text).notNull()
            }
            try db.create(index: "auditEntry_record", on: "auditEntry", columns: ["recordType", "recordID"])
            // Append-only: the program never changes or removes an entry; the hash chain shows it if anyone does.
            try db.execute(sql: """
                CREATE TRIGGER auditEntry_noUpdate BEFORE UPDATE ON auditEntry
                BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
                CREATE TRIGGER auditEntry_noDelete BEFORE DELETE ON auditEntry
                BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
                """)
        }
        migrator.registerMigration("v4-surveys") { db in
            try db.alter(table: "centre") { t in t.add(column: "villages", .text).notNull().defaults(to: "[]") }
            try db.create(table: "surveyCampaign") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("centre", onDelete: .restrict).notNull()
                t.column("year", .integer).notNull()
                t.column("title", .text).notNull()
                t.column("methods", .text).notNull()
                t.column("startDate", .text)
                t.column("endDate", .text)
                t.column("responsible", .text).notNull().defaults(to: "")
                t.column("target", .integer).notNull()
                t.column("questionnaireVersion", .integer).notNull()
                t.column("createdAt", .text).notNull()
                t.column("updatedAt", .text).notNull()
            }
            try db.create(table: "surveyResponse") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("campaign", inTable: "surveyCampaign", onDelete: .restrict).notNull()
                t.column("serial", .text).notNull()
                t.column("respondentName", .text).notNull().defaults(to: "")
                t.column("village", .text).notNull().defaults(to: "")
                t.column("birthYear", .integer)
                t.column("answers", .text).notNull()
                t.column("overrides", .text).notNull().defaults(to: "[]")
                t.column("createdAt", .text).notNull()
                t.column("updatedAt", .text).notNull()
                t.uniqueKey(["campaignId", "serial"])
            }
        }
        migrator.registerMigration("v5-plans") { db in
            try db.create(table: "plan") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("centre", onDelete: .restrict).notNull()
                t.column("kind", .text).notNull()
                t.column("year", .integer).notNull()
                t.column("month", .integer)
                t.column("title", .text).notNull()
                t.column("legalBases", .text).notNull().defaults(to: "")
                t.column("campaignIds", .text).notNull().defaults(to: "")
                t.column("targetClasses", .integer).notNull()
                t.column("targetTalks", .integer).notNull()
                t.column("targetLearners", .integer).notNull()
                t.column("status", .text).notNull()
                t.column("version", .integer).notNull()
                t.column("amendsPlanId", .integer).references("plan")
                t.column("createdAt", .text).notNull()
                t.column("updatedAt", .text).notNull()
            }
            try db.create(table: "planActivity") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("plan", onDelete: .cascade).notNull()
                t.column("position", .integer).notNull()
                t.column("content", .text).notNull()
            }
            try db.create(table: "planEvent") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("plan", onDelete: .cascade).notNull()
                t.column("action", .text).notNull()
                t.column("username", .text).notNull()
                t.column("at", .text).notNull()
                t.column("comment", .text).notNull().defaults(to: "")
            }
        }
        migrator.registerMigration("v6-province-scale") { db in
            // One row per import (one audit entry), and each imported form points to it.
            try db.create(table: "importBatch") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("campaign", inTable: "surveyCampaign", onDelete: .restrict).notNull()
                t.column("fileName", .text).notNull()
                t.column("sha256", .text).notNull()
                t.column("rows", .integer).notNull()
                t.column("firstSerial", .text).notNull()
                t.column("lastSerial", .text).notNull()
                t.column("username", .text).notNull()
                t.column("importedAt", .text).notNull()
            }
            try db.alter(table: "surveyResponse") { t in
                t.add(column: "importBatchId", .integer).references("importBatch", onDelete: .restrict)
                t.add(column: "personKey", .text)
            }
            try db.create(index: "surveyResponse_person", on: "surveyResponse", columns: ["campaignId", "personKey"])
            // What the needs analysis counts, by campaign and filter cell (see SurveyTallies).
            try db.create(table: "surveyTally", options: [.withoutRowID]) { t in
                t.column("campaignId", .integer).notNull().references("surveyCampaign", onDelete: .cascade)
                t.column("village", .text).notNull()
                t.column("sex", .integer).notNull()
                t.column("ageBand", .integer).notNull()
                t.column("occupation", .integer).notNull()
                t.column("question", .text).notNull()
                t.column("code", .integer).notNull()
                t.column("n", .integer).notNull()
                // Question and code first: the sums stream out in key order, without sorting.
                t.primaryKey(["campaignId", "question", "code", "village", "sex", "ageBand", "occupation"])
            }
            // The same counts without the filters: what an unfiltered analysis (a province's) sums.
            try db.create(table: "surveyTotal", options: [.withoutRowID]) { t in
                t.column("campaignId", .integer).notNull().references("surveyCampaign", onDelete: .cascade)
                t.column("question", .text).notNull()
                t.column("code", .integer).notNull()
                t.column("n", .integer).notNull()
                t.primaryKey(["campaignId", "question", "code"])
            }
            // Forms stored before this step: their person keys and their counts, in this same transaction.
            // A slice at a time, so that no statement updates the rows it is still reading.
            let setKey = try db.makeStatement(sql: "UPDATE surveyResponse SET personKey = ? WHERE id = ?")
            var last: Int64 = 0
            while true {
                let rows = try Row.fetchAll(db, sql: """
                    SELECT id, campaignId, answers, overrides FROM surveyResponse WHERE id > ? ORDER BY id LIMIT 5000
                    """, arguments: [last])
                guard let end = rows.last?[0] as Int64? else { break }
                for row in rows {
                    let response = try ResponseRecord.response(id: row[0], campaignID: row[1], answers: row[2],
                                                               overrides: row[3])
                    if let key = response.personKey { try setKey.execute(arguments: [key, response.id]) }
                }
                last = end
            }
            try SurveyTallies.rebuild(db)
        }
        migrator.registerMigration("v7-sign-in-attempts") { db in
            // Failures under names that have no account, counted like an account's so that the answers and
            // the lock are the same whether the name exists or not.
            try db.create(table: "signInAttempt") { t in
                t.primaryKey("username", .text)
                t.column("failedAttempts", .integer).notNull().defaults(to: 0)
                t.column("lockedUntil", .text)
            }
        }
        migrator.registerMigration("v8-status-recorded-by") { db in
            // Who recorded each change of a centre's status. Older lines take the name from the audit entry
            // written in the same transaction (same centre, same moment), and the full name from the account.
            try db.alter(table: "centreStatusChange") { t in
                t.add(column: "recordedBy", .text).notNull().defaults(to: "")
            }
            try db.execute(sql: """
                UPDATE centreStatusChange SET recordedBy = COALESCE((
                    SELECT CASE WHEN COALESCE(account.fullName, '') = '' THEN auditEntry.username
                                ELSE account.fullName || ' (' || auditEntry.username || ')' END
                    FROM auditEntry
                    JOIN centre ON centre.code = auditEntry.recordID
                    LEFT JOIN account ON account.username = auditEntry.username
                    WHERE auditEntry.recordType = 'centre' AND centre.id = centreStatusChange.centreId
                      AND auditEntry.at = centreStatusChange.recordedAt
                    ORDER BY auditEntry.id LIMIT 1), '')
                """)
        }
        migrator.registerMigration(EvaluationMigration.name, migrate: EvaluationMigration.migrate)
        migrator.registerMigration("v10-exchange", migrate: ExchangeSchema.migrate)
        migrator.registerMigration("v11-document-register", migrate: DocumentRegister.migrate)
        migrator.registerMigration(AccountScopeMigration.name, migrate: AccountScopeMigration.migrate)
        migrator.registerMigration(EvaluationExchange.schemaStep, migrate: EvaluationExchange.migrate)
        migrator.registerMigration(PlanActivitySumsMigration.name, migrate: PlanActivitySumsMigration.migrate)
        return migrator
    }
}
