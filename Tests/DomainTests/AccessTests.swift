import Foundation
import Testing
@testable import Domain

@Suite struct PasswordTests {
    @Test func aHashVerifiesItsPasswordAndNothingElse() throws {
        let hash = try PasswordHasher.hash("Mật khẩu 2026")
        #expect(hash.hasPrefix("pbkdf2-sha256$210000$"))
        #expect(!hash.contains("Mật khẩu"))
        #expect(PasswordHasher.verify("Mật khẩu 2026", against: hash))
        #expect(PasswordHasher.verify("Mật khẩu 2026".decomposedStringWithCanonicalMapping, against: hash),
                "the same password typed in NFD")
        #expect(!PasswordHasher.verify("mật khẩu 2026", against: hash))
        #expect(!PasswordHasher.verify("", against: hash))
    }

    @Test func saltsDifferSoEqualPasswordsHashDifferently() throws {
        #expect(try PasswordHasher.hash("demo2026") != PasswordHasher.hash("demo2026"))
    }

    @Test func weakOrDamagedHashesAreRejected() throws {
        let hash = try PasswordHasher.hash("demo2026")
        let parts = hash.split(separator: "$").map(String.init)
        let fewerRounds = [parts[0], "1000", parts[2], parts[3]].joined(separator: "$")
        #expect(!PasswordHasher.verify("demo2026", against: fewerRounds))
        #expect(!PasswordHasher.verify("demo2026", against: "plain:demo2026"))
        #expect(!PasswordHasher.verify("demo2026", against: hash.replacingOccurrences(of: parts[3], with: "AAAA")))
    }

    @Test func theDemoHashesWereMadeTheSameWay() throws {
        // scripts/make_demo.py computes them with Python's hashlib; this app must accept them.
        let salt = Array(Data(base64Encoded: "Wa61KAlK0jGsnKGXlPv9IA==")!)
        let ours = try PasswordHasher.hash("demo2026", salt: salt, rounds: 210_000)
        #expect(ours == "pbkdf2-sha256$210000$Wa61KAlK0jGsnKGXlPv9IA==$Kux4jdSK+fsnA+TZaO6jt3Fg1ZvMpYYGBXFQ6ZK+lSU=")
    }

    @Test func passwordRules() {
        #expect(SignInPolicy.check(newPassword: "short", confirmation: "short", username: "an") == .tooShort(minimum: 8))
        #expect(SignInPolicy.check(newPassword: "matkhau123", confirmation: "matkhau124", username: "an") == .mismatch)
        #expect(SignInPolicy.check(newPassword: "canbo2026", confirmation: "canbo2026", username: "canbo2026")
            == .sameAsUsername)
        #expect(SignInPolicy.check(newPassword: "matkhau123", confirmation: "matkhau123", username: "an") == nil)
        #expect(Account.isValidUsername("can.bo-1"))
        #expect(!Account.isValidUsername("Cán bộ"))
        #expect(!Account.isValidUsername("ab"))
    }
}

@Suite struct LockoutTests {
    let start = Date(timeIntervalSince1970: 1_763_700_000)

    @Test func fiveWrongPasswordsLockForFiveMinutes() {
        var account = Account(id: 1, username: "canbo", fullName: "Cán bộ", roles: [.dataClerk])
        for attempt in 1...4 {
            let (next, refusal) = SignInPolicy.failed(account, at: start)
            #expect(refusal == .wrongCredentials(remaining: 5 - attempt))
            account = next
        }
        let (locked, refusal) = SignInPolicy.failed(account, at: start.addingTimeInterval(10))
        let until = start.addingTimeInterval(10 + 300)
        #expect(refusal == .locked(until: until))
        #expect(SignInPolicy.lock(of: locked, at: until.addingTimeInterval(-1)) == .locked(until: until))
        #expect(SignInPolicy.lock(of: locked, at: until) == nil, "free again after exactly five minutes")
        let (afterLock, next) = SignInPolicy.failed(locked, at: until.addingTimeInterval(5))
        #expect(next == .wrongCredentials(remaining: 4), "the count starts again after a lock")
        #expect(SignInPolicy.succeeded(afterLock).0.failedAttempts == 0)
    }

    @Test func aSwitchedOffAccountIsToldOnlyAfterTheRightPassword() {
        let account = Account(username: "cu", fullName: "Cũ", roles: [.viewer], active: false)
        #expect(SignInPolicy.lock(of: account, at: start) == nil, "a wrong password is counted like any other")
        #expect(SignInPolicy.succeeded(account).1 == .inactive)
    }
}

@Suite struct PermissionTests {
    /// Every role against every permission: what each may do beyond reading.
    static let allowed: [Role: Set<Permission>] = [
        .administrator: [.manageAccounts, .changeSettings, .viewAudit, .exchangeData],
        .dataClerk: [.editCentres, .editBoards, .editSurveys, .recordFunding, .exchangeData],
        .centreDirector: [.draftPlans, .submitPlans, .recordPlanOutcomes, .selfAssess],
        .communeLeader: [.approvePlans, .recordFunding],
        .provincialOfficer: [.evaluate, .viewAudit, .exchangeData],
        .viewer: [],
    ]

    @Test(arguments: Role.allCases)
    func eachRoleIsDeniedEveryPermissionItLacks(_ role: Role) {
        let actor = Actor(accountID: 1, username: role.rawValue, fullName: "", roles: [role])
        for permission in Permission.allCases {
            let expected = Self.allowed[role]!.contains(permission)
            #expect(actor.can(permission) == expected, "\(role) \(permission)")
            if expected {
                #expect(throws: Never.self) { try actor.require(permission) }
            } else {
                #expect(throws: PermissionDenied(permission: permission, username: role.rawValue)) {
                    try actor.require(permission)
                }
            }
        }
    }

    @Test func severalRolesAddUp() {
        let actor = Actor(accountID: 1, username: "an", fullName: "", roles: [.dataClerk, .centreDirector])
        #expect(actor.can(.editCentres) && actor.can(.draftPlans))
        #expect(!actor.can(.approvePlans))
        let nobody = Actor(accountID: nil, username: "", fullName: "", roles: [])
        #expect(Permission.allCases.allSatisfy { !nobody.can($0) })
    }
}

@Suite struct AuditChainTests {
    func rows(_ count: Int) -> [AuditChain.StoredRow] {
        var result: [AuditChain.StoredRow] = []
        var previous = AuditChain.genesis
        for id in 1...Int64(count) {
            let changes = AuditEntry.encode([FieldChange(field: "name", before: "A\(id)", after: "B\(id)")])
            let hash = AuditChain.hash(id: id, at: "2026-11-21T01:00:0\(id % 10)Z", username: "canbo", action: "update",
                                       recordType: "centre", recordID: "TT1389\(id)", changes: changes,
                                       previousHash: previous)
            result.append(AuditChain.StoredRow(id: id, at: "2026-11-21T01:00:0\(id % 10)Z", username: "canbo",
                                               action: "update", recordType: "centre", recordID: "TT1389\(id)",
                                               changes: changes, previousHash: previous, hash: hash))
            previous = hash
        }
        return result
    }

    @Test func anUntouchedChainIsIntact() {
        #expect(AuditChain.verify(rows(5)) == .intact(entries: 5))
        #expect(AuditChain.verify([]) == .intact(entries: 0))
    }

    @Test func anEditedEntryIsNamed() {
        var chain = rows(5)
        let row = chain[2]
        chain[2] = AuditChain.StoredRow(id: row.id, at: row.at, username: "kẻ gian", action: row.action,
                                        recordType: row.recordType, recordID: row.recordID, changes: row.changes,
                                        previousHash: row.previousHash, hash: row.hash)
        #expect(AuditChain.verify(chain) == .broken(entryID: 3, reason: .contentChanged))
    }

    @Test func aRemovedOrMovedEntryBreaksTheNextLink() {
        var removed = rows(5)
        removed.remove(at: 1)
        #expect(AuditChain.verify(removed) == .broken(entryID: 3, reason: .linkBroken))
        var moved = rows(5)
        moved.swapAt(3, 4)
        #expect(AuditChain.verify(moved) == .broken(entryID: 5, reason: .linkBroken))
    }

    @Test func diffsListOnlyChangedFields() {
        let changes = AuditDiff.changes(before: ["name": "A", "address": "X"], after: ["name": "B", "address": "X", "phone": "1"])
        #expect(changes == [FieldChange(field: "name", before: "A", after: "B"), FieldChange(field: "phone", before: nil, after: "1")])
        #expect(AuditDiff.changes(before: nil, after: ["a": "1"]) == [FieldChange(field: "a", before: nil, after: "1")])
        #expect(!Account(username: "a", fullName: "A", roles: [.viewer]).auditFields.keys.contains { $0.contains("pass") })
    }
}
