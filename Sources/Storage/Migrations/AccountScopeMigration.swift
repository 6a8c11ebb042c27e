import GRDB

/// Issue 10: an account may be limited to one commune or one centre (``Domain/AccountScope``). Two columns, at
/// most one of them set; accounts that existed before keep both empty and stay whole-office.
enum AccountScopeMigration {
    static let name = "v12-account-scope"

    static func migrate(_ db: Database) throws {
        try db.alter(table: "account") { t in
            t.add(column: "scopeCommuneCode", .integer)
            t.add(column: "scopeCentreId", .integer)
        }
    }
}
