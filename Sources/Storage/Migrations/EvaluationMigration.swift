import GRDB

/// Issue 14: the yearly evaluation, the register of people who teach, and the money of a centre. Records that
/// travel between offices carry a `uid` (and evaluations are also unique by centre and year), so an exchange
/// bundle can merge them by stable identity.
enum EvaluationMigration {
    static let name = "v9-evaluation-staff-funding"

    static func migrate(_ db: Database) throws {
        try db.create(table: "evaluation") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("uid", .text).notNull().unique()
            t.belongsTo("centre", onDelete: .restrict).notNull()
            t.column("year", .integer).notNull()
            t.column("criteriaSetId", .text).notNull()
            t.column("status", .text).notNull()
            t.column("selfTotal", .integer).notNull()
            t.column("total", .integer).notNull()
            t.column("selfRank", .text)
            t.column("rank", .text)
            t.column("createdAt", .text).notNull()
            t.column("updatedAt", .text).notNull()
            t.uniqueKey(["centreId", "year"])
        }
        try db.create(index: "evaluation_rank", on: "evaluation", columns: ["year", "rank"])
        try db.create(table: "evaluationItem") { t in
            t.belongsTo("evaluation", onDelete: .cascade).notNull()
            t.column("itemId", .text).notNull()
            t.column("position", .integer).notNull()
            t.column("evidenceKind", .text)
            t.column("evidenceAchieved", .integer)
            t.column("evidenceOutOf", .integer)
            t.column("evidenceDetail", .integer)
            t.column("overrideAchieved", .integer)
            t.column("overrideOutOf", .integer)
            t.column("overrideReason", .text).notNull().defaults(to: "")
            t.column("selfScore", .integer)
            t.column("selfNote", .text).notNull().defaults(to: "")
            t.column("officerScore", .integer)
            t.column("officerComment", .text).notNull().defaults(to: "")
            t.primaryKey(["evaluationId", "itemId"])
        }
        try db.create(table: "evaluationEvent") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("evaluation", onDelete: .cascade).notNull()
            t.column("action", .text).notNull()
            t.column("username", .text).notNull()
            t.column("at", .text).notNull()
            t.column("comment", .text).notNull().defaults(to: "")
        }
        try db.create(table: "staffMember") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("uid", .text).notNull().unique()
            t.belongsTo("centre", onDelete: .restrict).notNull()
            t.column("fullName", .text).notNull()
            t.column("kind", .text).notNull()
            t.column("field", .text).notNull().defaults(to: "")
            t.column("workplace", .text).notNull().defaults(to: "")
            t.column("phone", .text).notNull().defaults(to: "")
            t.column("active", .boolean).notNull()
            t.column("createdAt", .text).notNull()
            t.column("updatedAt", .text).notNull()
        }
        try db.create(table: "staffTraining") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("staff", inTable: "staffMember", onDelete: .cascade).notNull()
            t.column("date", .text).notNull()
            t.column("topic", .text).notNull()
            t.column("hours", .integer).notNull()
            t.column("organiser", .text).notNull().defaults(to: "")
        }
        try db.create(table: "fundingYear") { t in
            t.belongsTo("centre", onDelete: .restrict).notNull()
            t.column("year", .integer).notNull()
            t.column("estimate", .integer).notNull()
            t.column("preparedBy", .text).notNull().defaults(to: "")
            t.column("allocated", .integer).notNull()
            t.column("note", .text).notNull().defaults(to: "")
            t.column("updatedAt", .text).notNull()
            t.primaryKey(["centreId", "year"])
        }
        try db.create(table: "fundingReceipt") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("uid", .text).notNull().unique()
            t.belongsTo("centre", onDelete: .restrict).notNull()
            t.column("year", .integer).notNull()
            t.column("date", .text).notNull()
            t.column("source", .text).notNull()
            t.column("amount", .integer).notNull()
            t.column("donor", .text).notNull().defaults(to: "")
            t.column("note", .text).notNull().defaults(to: "")
            t.column("createdAt", .text).notNull()
        }
        try db.create(index: "fundingReceipt_year", on: "fundingReceipt", columns: ["centreId", "year"])
    }
}
