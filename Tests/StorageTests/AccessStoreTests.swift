import Domain
import Foundation
import Testing
@testable import Storage

@Suite struct AccessStoreTests {
    let moment = Date(timeIntervalSince1970: 1_763_700_000)

    func actor(_ role: Role) -> Actor { Actor(accountID: nil, username: role.rawValue, fullName: "", roles: [role]) }

    func auditCount(_ database: AppDatabase) throws -> Int { try database.auditEntries().count }

    @Test func theFirstAccountIsMadeByTheProgramLaterOnesByTheAdministrator() throws {
        let database = try AppDatabase.inMemory()
        let first = try database.createAccount(Account(username: "quantri", fullName: "Quản trị", roles: [.administrator]),
                                               password: "matkhau123", by: .system, at: moment)
        #expect(first.id != nil)
        #expect(throws: PermissionDenied(permission: .manageAccounts, username: "system")) {
            try database.createAccount(Account(username: "khac", fullName: "Khác", roles: [.viewer]),
                                       password: "matkhau123", by: .system, at: moment)
        }
        try database.createAccount(Account(username: "canbo", fullName: "Cán bộ", roles: [.dataClerk]),
                                   password: "matkhau123", by: first.actor, at: moment)
        #expect(throws: AccountError.usernameTaken) {
            try database.createAccount(Account(username: "CANBO", fullName: "Trùng", roles: [.viewer]),
                                       password: "matkhau123", by: first.actor, at: moment)
        }
        #expect(try database.accounts().map(\.username) == ["canbo", "quantri"])
    }

    @Test func signInLocksAfterFiveWrongPasswordsForFiveMinutes() throws {
        let database = try AppDatabase.inMemory()
        try database.createAccount(Account(username: "canbo", fullName: "Cán bộ", roles: [.dataClerk]),
                                   password: "matkhau123", by: .system, at: moment)
        for remaining in (1...4).reversed() {
            #expect(try database.signIn(username: "canbo", password: "sai", at: moment)
                == .refused(.wrongCredentials(remaining: remaining)))
        }
        let until = moment.addingTimeInterval(300)
        #expect(try database.signIn(username: "canbo", password: "sai", at: moment) == .refused(.locked(until: until)))
        #expect(try database.signIn(username: "canbo", password: "matkhau123", at: moment.addingTimeInterval(299))
            == .refused(.locked(until: until)), "even the right password waits")
        guard case .signedIn(let account) = try database.signIn(username: "canbo", password: "matkhau123", at: until)
        else { Issue.record("not signed in after the lock"); return }
        #expect(account.failedAttempts == 0)
        #expect(try database.signIn(username: "khong-co", password: "x", at: moment)
            == .refused(.wrongCredentials(remaining: 4)), "an unknown name is answered like a wrong password")
    }

    @Test func peopleChangeTheirOwnPasswordAndTheAdministratorResetsOthers() throws {
        let database = try AppDatabase.inMemory()
        let admin = try database.createAccount(Account(username: "quantri", fullName: "Q", roles: [.administrator]),
                                               password: "matkhau123", by: .system, at: moment)
        let clerk = try database.createAccount(Account(username: "canbo", fullName: "C", roles: [.dataClerk]),
                                               password: "matkhau123", by: admin.actor, at: moment)
        #expect(throws: AccountError.wrongPassword) {
            try database.changeOwnPassword(clerk.actor, old: "sai", new: "moi123456", confirmation: "moi123456", at: moment)
        }
        try database.changeOwnPassword(clerk.actor, old: "matkhau123", new: "moi123456", confirmation: "moi123456",
                                       at: moment)
        #expect(try database.signIn(username: "canbo", password: "moi123456", at: moment) == .signedIn(clerk))
        #expect(throws: PermissionDenied(permission: .manageAccounts, username: "canbo")) {
            try database.resetPassword(username: "quantri", to: "chiemquyen1", by: clerk.actor, at: moment)
        }
        try database.resetPassword(username: "canbo", to: "datlai1234", by: admin.actor, at: moment)
        #expect(try database.confirmPassword(clerk.actor, "datlai1234", at: moment))
        #expect(throws: AccountError.lastAdministrator) {
            var demoted = admin
            demoted.roles = [.viewer]
            try database.updateAccount(demoted, by: admin.actor, at: moment)
        }
    }

    /// Every write refuses a role that lacks its permission, and leaves nothing behind.
    @Test(arguments: Role.allCases)
    func everyWriteIsDeniedToRolesWithoutItsPermission(_ role: Role) throws {
        let database = try AppDatabase.inMemory()
        try database.load(DemoFixture.dataset)
        let who = actor(role)
        let centre = try #require(try database.centre(code: "TT13957"))
        let member = try #require(try database.boardMembers(centreID: centre.id!).first)
        let before = try auditCount(database)
        let writes: [(Permission, () throws -> Void)] = [
            (.editCentres, { try database.saveCentre(centre, by: who, at: self.moment) }),
            (.editCentres, { try database.deleteCentre(id: centre.id!, by: who, at: self.moment) }),
            (.editBoards, { try database.saveBoardMember(member, by: who, at: self.moment) }),
            (.changeSettings, { try database.saveOfficeSettings(OfficeSettings(provinceCode: 1), by: who, at: self.moment) }),
            (.changeSettings, { try database.saveBoardVacancyDays(90, by: who, at: self.moment) }),
            (.changeSettings, { try database.saveIdleLockMinutes(1, by: who, at: self.moment) }),
            (.manageAccounts, {
                try database.createAccount(Account(username: "moi", fullName: "Mới", roles: [.viewer]),
                                           password: "matkhau123", by: who, at: self.moment)
            }),
            (.manageAccounts, { try database.resetPassword(username: "canbo", to: "matkhau999", by: who, at: self.moment) }),
            (.manageAccounts, {
                try database.updateAccount(Account(username: "canbo", fullName: "X", roles: [.viewer]), by: who,
                                           at: self.moment)
            }),
        ]
        for (permission, write) in writes where !role.permissions.contains(permission) {
            #expect(throws: PermissionDenied(permission: permission, username: role.rawValue)) { try write() }
        }
        #expect(try auditCount(database) == before, "a refused write leaves no trace but its refusal")
        #expect(try database.officeSettings() == OfficeSettings(provinceCode: 37))
        #expect(try database.centre(code: "TT13957") != nil)
    }

    @Test func everyChangeIsAuditedFieldByField() throws {
        let database = try AppDatabase.inMemory()
        let clerk = actor(.dataClerk)
        var centre = try database.saveCentre(Centre(name: "TTHTCĐ xã Nghĩa Hưng", provinceCode: 37, communeCode: 13891),
                                             by: clerk, at: moment)
        centre.address = "Xóm 5"
        centre = try database.saveCentre(centre, by: clerk, at: moment.addingTimeInterval(60))
        try database.saveCentre(centre, by: clerk, at: moment.addingTimeInterval(120))  // no change: no entry
        let entries = try database.auditEntries(AuditFilter(record: "TT13891"))
        #expect(entries.map(\.action) == ["update", "create"])
        #expect(entries[0].username == "dataClerk")
        #expect(entries[0].changes == [FieldChange(field: "address", before: "", after: "Xóm 5")])
        #expect(entries[1].changes.contains(FieldChange(field: "name", before: nil, after: "TTHTCĐ xã Nghĩa Hưng")))
        #expect(try database.verifyAudit() == .intact(entries: 2))
        #expect(try database.auditEntries(AuditFilter(username: "nobody")).isEmpty)
        #expect(try database.auditEntries(AuditFilter(from: LocalDate(iso: "2030-01-01"))).isEmpty)
    }

    @Test func theAuditTrailRefusesChangesFromTheProgramItself() throws {
        let temp = TempFolder()
        let database = try AppDatabase.open(path: temp.path("a.sqlite"))
        defer { database.close() }
        try database.saveCentre(Centre(name: "TT", provinceCode: 37, communeCode: 13891), by: actor(.dataClerk), at: moment)
        #expect(throws: (any Error).self) {
            try database.writer.write { db in try db.execute(sql: "UPDATE auditEntry SET username = 'x'") }
        }
        #expect(throws: (any Error).self) {
            try database.writer.write { db in try db.execute(sql: "DELETE FROM auditEntry") }
        }
        #expect(try database.verifyAudit() == .intact(entries: 1))
    }

    @Test func theIdleLockIsASetting() throws {
        let database = try AppDatabase.inMemory()
        #expect(try database.idleLockMinutes() == 10)
        try database.saveIdleLockMinutes(3, by: actor(.administrator), at: moment)
        #expect(try database.idleLockMinutes() == 3)
    }
}
