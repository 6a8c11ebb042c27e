import Domain
import Foundation
import Testing
@testable import Storage

/// One failure counter for every way of giving a password, and the same answer for a wrong name and a wrong
/// password (issue 12, finding 4).
@Suite struct SignInTests {
    let moment = Date(timeIntervalSince1970: 1_763_700_000)

    func file(_ temp: TempFolder) throws -> String {
        let path = temp.path("tthtcd.sqlite")
        let database = try AppDatabase.open(path: path)
        try database.createAccount(Account(username: "canbo", fullName: "Cán bộ", roles: [.dataClerk]),
                                   password: "matkhau123", by: .system, at: moment)
        database.close()
        return path
    }

    @Test func aWrongNameAndAWrongPasswordGetTheSameAnswerAndTheSameLock() throws {
        let temp = TempFolder()
        let database = try AppDatabase.open(path: try file(temp))
        defer { database.close() }
        for remaining in (1...4).reversed() {
            let known = try database.signIn(username: "canbo", password: "sai", at: moment)
            let unknown = try database.signIn(username: "khong-co", password: "sai", at: moment)
            #expect(known == .refused(.wrongCredentials(remaining: remaining)))
            #expect(unknown == known)
        }
        let until = moment.addingTimeInterval(SignInPolicy.lockout)
        #expect(try database.signIn(username: "canbo", password: "sai", at: moment) == .refused(.locked(until: until)))
        #expect(try database.signIn(username: "khong-co", password: "sai", at: moment) == .refused(.locked(until: until)))
    }

    @Test func aSwitchedOffAccountIsNamedOnlyToWhoeverKnowsItsPassword() throws {
        let temp = TempFolder()
        let database = try AppDatabase.open(path: try file(temp))
        defer { database.close() }
        var off = try #require(try database.accounts().first { $0.username == "canbo" })
        off.active = false
        try database.updateAccount(off, by: admin, at: moment)
        #expect(try database.signIn(username: "canbo", password: "sai", at: moment)
            == .refused(.wrongCredentials(remaining: 4)))
        #expect(try database.signIn(username: "canbo", password: "matkhau123", at: moment) == .refused(.inactive))
    }

    @Test func attemptsMadeAtTheSameTimeAllCount() throws {
        let temp = TempFolder()
        let database = try AppDatabase.open(path: try file(temp))
        defer { database.close() }
        // Five guesses in parallel: each is read and written in the same transaction, so none is lost.
        DispatchQueue.concurrentPerform(iterations: 5) { _ in
            _ = try? database.signIn(username: "canbo", password: "sai", at: moment)
        }
        #expect(try database.signIn(username: "canbo", password: "matkhau123", at: moment)
            == .refused(.locked(until: moment.addingTimeInterval(SignInPolicy.lockout))))
    }

    @Test func aCommandCountsItsWrongPasswordsEvenWhileTheInterfaceHoldsTheFile() throws {
        let temp = TempFolder()
        let path = try file(temp)
        let session = try AppDatabase.open(path: path)
        defer { session.close() }
        for remaining in (1...4).reversed() {
            #expect(try AppDatabase.signIn(dataFile: path, username: "canbo", password: "sai", at: moment)
                == .refused(.wrongCredentials(remaining: remaining)))
        }
        #expect(try AppDatabase.signIn(dataFile: path, username: "canbo", password: "sai", at: moment)
            == .refused(.locked(until: moment.addingTimeInterval(SignInPolicy.lockout))))
        #expect(try session.signIn(username: "canbo", password: "matkhau123", at: moment)
            == .refused(.locked(until: moment.addingTimeInterval(SignInPolicy.lockout))), "the interface sees the same lock")
    }

    @Test func aCommandsRightPasswordChangesNothingInTheFile() throws {
        let temp = TempFolder()
        let path = try file(temp)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        guard case .signedIn(let account) = try AppDatabase.signIn(dataFile: path, username: "canbo", password: "matkhau123",
                                                                   at: moment)
        else { Issue.record("not signed in"); return }
        #expect(account.username == "canbo")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(names(in: temp.url.path) == ["tthtcd.sqlite", ".tthtcd.sqlite.audit-anchors"])
    }

    @Test func theOldPasswordOfAChangeCountsToo() throws {
        let temp = TempFolder()
        let database = try AppDatabase.open(path: try file(temp))
        defer { database.close() }
        let actor = Actor(accountID: nil, username: "canbo", fullName: "Cán bộ", roles: [.dataClerk])
        for _ in 0..<4 {
            #expect(throws: AccountError.wrongPassword) {
                try database.changeOwnPassword(actor, old: "sai", new: "moi123456", confirmation: "moi123456", at: moment)
            }
        }
        #expect(try database.signIn(username: "canbo", password: "sai", at: moment)
            == .refused(.locked(until: moment.addingTimeInterval(SignInPolicy.lockout))))
    }
}
