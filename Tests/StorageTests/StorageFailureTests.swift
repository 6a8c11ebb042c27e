import Domain
import Foundation
import GRDB
import Testing
@testable import Storage

/// Failures of the file itself reach the screens as reasons a person can act on, and a failed write
/// leaves the data as it was.
@Suite struct StorageFailureTests {
    let moment = Date(timeIntervalSince1970: 1_763_700_000)

    @Test func aFullDiskIsNamedAndLosesNothing() throws {
        let temp = TempFolder()
        let database = try AppDatabase.open(path: temp.path("tthtcd.sqlite"))
        try database.saveCentre(Centre(name: "TTHTCĐ xã Nghĩa Sơn", provinceCode: 37, communeCode: 13918), by: clerk, at: moment)
        // SQLite's own limit on the file's pages stands in for a full disk: the same SQLITE_FULL.
        try database.writer.writeWithoutTransaction { db in
            let pages = try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0
            try db.execute(sql: "PRAGMA max_page_count = \(pages)")
        }
        var failure: Error?
        var saved = 1
        for index in 0..<200 where failure == nil {
            let address = String(repeating: "Số \(index) đường Trần Hưng Đạo ", count: 40)
            do {
                try database.saveCentre(Centre(name: "TT \(index)", provinceCode: 37, communeCode: 13891, address: address),
                                        by: clerk, at: moment)
                saved += 1
            } catch {
                failure = error
            }
        }
        let error = try #require(failure, "the file could not grow, so some save must fail")
        #expect(StorageFailure(error) == .diskFull)
        let names = try database.allCentres().map(\.name)
        #expect(names.count == saved, "the centre that did not fit is not there, every other one is")
        #expect(names.contains("TTHTCĐ xã Nghĩa Sơn"))
        #expect(try database.verifyAudit() == .intact(entries: try database.auditEntries().count),
                "the failed transaction left no half-written audit entry")
    }

    @Test func aReadOnlyFileIsNamedAsUnwritable() throws {
        let temp = TempFolder()
        let path = temp.path("tthtcd.sqlite")
        try AppDatabase.open(path: path).close()
        let reader = try AppDatabase.open(path: path, access: .readOnly)
        #expect(throws: (any Error).self) {
            do {
                try reader.saveCentre(Centre(name: "TT", provinceCode: 37, communeCode: 13918), by: clerk, at: self.moment)
            } catch {
                #expect(StorageFailure(error) == .unwritable)
                throw error
            }
        }
    }

    @Test func aRecordThatIsGoneIsNamedAndOtherErrorsAreLeftAlone() throws {
        let database = try AppDatabase.inMemory()
        #expect(throws: PlanStoreError.notFound) {
            do {
                try database.advancePlan(id: 99, .submit, by: clerk, at: self.moment)
            } catch {
                #expect(StorageFailure(error) == .recordGone)
                throw error
            }
        }
        #expect(StorageFailure(PermissionDenied(permission: .approvePlans, username: "canbo")) == nil)
    }
}
