import Domain
import Testing

/// The scope rule: which centres an account limited to a commune or a centre may write on.
@Suite struct ScopeTests {
    @Test func theWholeOfficeCoversEveryCentreEvenANewOne() {
        #expect(AccountScope.office.covers(centreID: 7, communeCode: 13918))
        #expect(AccountScope.office.covers(centreID: nil, communeCode: nil))
    }

    @Test func aCommuneCoversTheCentresWhoseCommuneItIs() {
        let scope = AccountScope.commune(code: 13918)
        #expect(scope.covers(centreID: 7, communeCode: 13918))
        #expect(scope.covers(centreID: nil, communeCode: 13918), "a new centre of the commune")
        #expect(!scope.covers(centreID: 7, communeCode: 14638))
        #expect(!scope.covers(centreID: 7, communeCode: nil), "a centre of no known commune is nobody's commune")
    }

    @Test func aCentreCoversItselfOnly() {
        let scope = AccountScope.centre(id: 7)
        #expect(scope.covers(centreID: 7, communeCode: 13918))
        #expect(scope.covers(centreID: 7, communeCode: nil))
        #expect(!scope.covers(centreID: 8, communeCode: 13918), "another centre of the same commune")
        #expect(!scope.covers(centreID: nil, communeCode: 13918), "a new centre is not their own")
    }

    @Test func thePermissionIsAskedFirstThenTheScope() {
        let director = Actor(accountID: 1, username: "giamdoc", fullName: "", roles: [.centreDirector], scope: .centre(id: 7))
        #expect(throws: Never.self) {
            try director.require(.draftPlans, onCentre: 7, communeCode: 13918, named: "TT Nghĩa Sơn")
        }
        #expect(throws: OutOfScope(username: "giamdoc", scope: .centre(id: 7), centreName: "TT Kim Sơn")) {
            try director.require(.draftPlans, onCentre: 8, communeCode: 14638, named: "TT Kim Sơn")
        }
        #expect(throws: PermissionDenied(permission: .approvePlans, username: "giamdoc")) {
            try director.require(.approvePlans, onCentre: 8, communeCode: 14638, named: "TT Kim Sơn")
        }
        // The program itself is never limited.
        #expect(Actor.system.covers(centreID: 8, communeCode: 14638))
    }

    @Test func theAccountCarriesItsScopeToTheActorAndTheTrail() {
        var account = Account(id: 3, username: "chutich", fullName: "Vũ Đức Thành", roles: [.communeLeader])
        #expect(account.actor.scope == .office)
        #expect(account.auditFields["scope"] == nil, "a whole-office account's entries are as before scopes")
        account.scope = .commune(code: 13918)
        #expect(account.actor.scope == .commune(code: 13918))
        #expect(account.auditFields["scope"] == "commune:13918")
        account.scope = .centre(id: 7)
        #expect(account.auditFields["scope"] == "centre:7")
    }
}
