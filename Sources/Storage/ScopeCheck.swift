import Domain
import GRDB

/// The scope half of every write on a centre's records: asked inside the write's transaction, after the
/// permission, so that a screen that forgot to hide a centre still cannot write there (``Domain/AccountScope``).
extension AppDatabase {
    /// Throws ``OutOfScope`` unless the actor's scope covers the stored centre `centreID`.
    static func requireScope(_ db: Database, _ actor: Actor, centreID: Int64) throws {
        guard !actor.scope.isOffice else { return }
        let row = try Row.fetchOne(db, sql: "SELECT name, communeCode FROM centre WHERE id = ?", arguments: [centreID])
        guard actor.covers(centreID: centreID, communeCode: row?["communeCode"]) else {
            throw OutOfScope(username: actor.username, scope: actor.scope, centreName: row?["name"] ?? "")
        }
    }

    /// The same, for the centre that holds the survey campaign `campaignID`.
    static func requireScope(_ db: Database, _ actor: Actor, campaignID: Int64) throws {
        guard !actor.scope.isOffice else { return }
        guard let centreID = try Int64.fetchOne(db, sql: "SELECT centreId FROM surveyCampaign WHERE id = ?",
                                                arguments: [campaignID]) else { return }
        try requireScope(db, actor, centreID: centreID)
    }

    /// The same for a centre as it is about to be saved: its commune may be new (a centre moved, or not yet saved).
    static func requireScope(_ actor: Actor, centre: Centre) throws {
        guard actor.covers(centreID: centre.id, communeCode: centre.communeCode) else {
            throw OutOfScope(username: actor.username, scope: actor.scope, centreName: centre.name)
        }
    }
}
