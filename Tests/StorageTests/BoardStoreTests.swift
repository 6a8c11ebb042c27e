import Domain
import Foundation
import Testing
@testable import Storage

@Suite struct BoardStoreTests {
    let moment = Date(timeIntervalSince1970: 1_763_700_000)

    func centre(_ database: AppDatabase, commune: Int = 13891) throws -> Centre {
        try database.saveCentre(Centre(name: "TTHTCĐ", provinceCode: 37, communeCode: commune), by: clerk, at: moment)
    }

    @Test func anAppointmentRoundTripsWithItsTrainings() throws {
        let temp = TempFolder()
        let database = try AppDatabase.open(path: temp.path("b.sqlite"))
        defer { database.close() }
        let c = try centre(database)
        var member = BoardMember(
            centreID: c.id!, fullName: "Nguyễn Thị Hoa".decomposedStringWithCanonicalMapping, sex: .female,
            birthYear: 1962, role: .deputyDirector, homeBody: .studyPromotionAssociation,
            position: .associationPresident, post: "Chủ tịch Hội Khuyến học xã", employment: .concurrent,
            decision: Decision(number: "102/QĐ-UBND", date: LocalDate(iso: "2025-07-15"), issuer: "UBND xã Nghĩa Hưng"),
            termStart: LocalDate(iso: "2025-07-15"), duties: "Vận động người học", phone: "0912",
            trainings: [Training(date: LocalDate(iso: "2026-03-12")!, topic: "Quản lý", hours: 4, organiser: "Sở")])
        member = try database.saveBoardMember(member, by: clerk, at: moment)
        let loaded = try #require(try database.boardMembers(centreID: c.id!).first)
        #expect(loaded == member)
        #expect(loaded.fullName == "Nguyễn Thị Hoa", "stored in NFC")
        #expect(loaded.trainings.count == 1)

        member.trainings.append(Training(date: LocalDate(iso: "2026-08-20")!, topic: "Kế hoạch", hours: 8, organiser: ""))
        member.termEnd = LocalDate(iso: "2026-10-01")
        member = try database.saveBoardMember(member, by: clerk, at: moment)
        let again = try database.boardMembers(centreID: c.id!)
        #expect(again.count == 1, "ending a term keeps the person")
        #expect(again[0].termEnd == LocalDate(iso: "2026-10-01"))
        #expect(again[0].trainings.map(\.topic) == ["Quản lý", "Kế hoạch"])
    }

    @Test func boardsLoadByProvinceAndACentreWithABoardIsNotDeleted() throws {
        let database = try AppDatabase.inMemory()
        let a = try centre(database)
        let b = try centre(database, commune: 13918)
        let other = try database.saveCentre(Centre(name: "Hà Nội", provinceCode: 1, communeCode: 70), by: clerk, at: moment)
        for (c, name) in [(a, "A"), (b, "B"), (other, "C")] {
            try database.saveBoardMember(BoardMember(centreID: c.id!, fullName: name, termStart: LocalDate(iso: "2025-08-01")), by: clerk, at: moment)
        }
        let boards = try database.boardMembers(provinceCode: 37)
        #expect(Set(boards.keys) == [a.id!, b.id!])
        #expect(try database.records(centreID: a.id!) == CentreRecords(statusChanges: 0, other: 1))
        #expect(throws: CentreStoreError.hasRecords(CentreRecords(statusChanges: 0, other: 1))) {
            try database.deleteCentre(id: a.id!, by: clerk, at: moment)
        }
    }

    @Test func theVacancyLimitIsAnOfficeSetting() throws {
        let database = try AppDatabase.inMemory()
        let defaults = BoardParameters(vacancyDays: 30, trainingsPerYear: 2)
        #expect(try database.boardParameters(defaults: defaults) == defaults)
        try database.saveBoardVacancyDays(60, by: admin, at: Date())
        #expect(try database.boardParameters(defaults: defaults).vacancyDays == 60)
    }

    @Test func updatingAMissingAppointmentFails() throws {
        let database = try AppDatabase.inMemory()
        let c = try centre(database)
        #expect(throws: BoardStoreError.notFound) {
            try database.saveBoardMember(BoardMember(id: 42, centreID: c.id!, fullName: "X"), by: clerk, at: moment)
        }
    }

    @Test func theDemoBoardsAreLoaded() throws {
        let database = try AppDatabase.inMemory()
        try database.load(DemoFixture.dataset)
        let boards = try database.boardMembers(provinceCode: 37)
        #expect(boards.values.reduce(0) { $0 + $1.count } == DemoFixture.dataset.centres.reduce(0) { $0 + $1.board.count })
    }
}
