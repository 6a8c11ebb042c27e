import AppResources
import Foundation
import Testing
@testable import Domain

/// A board built member by member for the rule tests.
struct BoardFixture {
    static let table = try! BoardRuleTable.decode(AppResources.data("rules/board-rules.json"))
    static let asOf = LocalDate(iso: "2026-11-21")!

    static func person(_ name: String, _ role: BoardRole, body: HomeBody = .other, position: Position = .other,
                       decided: String? = "2025-08-01", issuer: String = "UBND xã Nghĩa Sơn", start: String = "2025-08-01",
                       end: String? = nil, duties: String = "Nhiệm vụ", born: Int = 1975, trainings: [String] = [])
        -> BoardMember
    {
        BoardMember(
            centreID: 1, fullName: name, birthYear: born, role: role, homeBody: body, position: position,
            decision: Decision(number: decided == nil ? "" : "1/QĐ-UBND", date: decided.flatMap { LocalDate(iso: $0) },
                               issuer: issuer),
            termStart: LocalDate(iso: start), termEnd: end.flatMap { LocalDate(iso: $0) }, duties: duties,
            trainings: trainings.map { Training(date: LocalDate(iso: $0)!, topic: "Tập huấn", hours: 4, organiser: "Sở") })
    }

    static let trained = ["2026-03-01", "2026-09-01"]

    /// Meets every rule as of 21/11/2026.
    static var compliant: [BoardMember] {
        [
            person("Trần Văn Minh", .director, body: .communeCommittee, position: .viceChairman, trainings: trained),
            person("Nguyễn Thị Hoa", .deputyDirector, body: .studyPromotionAssociation,
                   position: .associationPresident, trainings: trained),
            person("Phạm Văn Thắng", .deputyDirector, body: .lowerSecondarySchool, position: .principal,
                   trainings: trained),
            person("Lê Thị Thu", .assignedTeacher, body: .primarySchool, position: .teacher, duties: ""),
        ]
    }

    static func outcome(_ check: BoardCheck, _ members: [BoardMember], asOf: LocalDate = asOf,
                        parameters: BoardParameters = BoardParameters()) -> (RuleOutcome, [BoardFinding]) {
        check.evaluate(BoardSnapshot(members: members, asOf: asOf, parameters: parameters, units: ShippedUnits.directory))
    }
}

@Suite struct BoardRuleTests {
    typealias F = BoardFixture

    @Test func aCompliantBoardPassesEveryRuleInForce() {
        let speaker = StaffMember(centreID: 1, fullName: "Trần Văn Thủy", kind: .speaker, trainings: [
            Training(date: LocalDate(iso: "2026-03-12")!, topic: "Tập huấn", hours: 4, organiser: ""),
            Training(date: LocalDate(iso: "2026-08-20")!, topic: "Tập huấn", hours: 8, organiser: ""),
        ])
        let report = BoardCompliance(table: F.table, units: ShippedUnits.directory)
            .check(centreID: 1, members: F.compliant, staff: [speaker], asOf: F.asOf)
        #expect(report.results.count == 12)
        #expect(report.results.allSatisfy { $0.outcome == .pass }, "\(report.results.filter { $0.outcome != .pass })")
        #expect(report.isCompliant)
    }

    @Test func exactlyOneDirector() {
        var board = F.compliant
        #expect(F.outcome(.oneDirector, board).0 == .pass)
        board.append(F.person("Cao Văn Bảo", .director, body: .communeCommittee, position: .chairman))
        #expect(F.outcome(.oneDirector, board) == (.fail, [.directorCount(2)]))
        #expect(F.outcome(.oneDirector, Array(F.compliant.dropFirst())) == (.fail, [.directorCount(0)]))
    }

    @Test func theDirectorLeadsTheCommuneCommittee() {
        var board = F.compliant
        board[0].position = .chairman
        #expect(F.outcome(.directorLeadsCommuneCommittee, board).0 == .pass)
        board[0].homeBody = .primarySchool
        board[0].position = .principal
        #expect(F.outcome(.directorLeadsCommuneCommittee, board)
            == (.fail, [.directorNotCommuneLeader(name: "Trần Văn Minh")]))
        #expect(F.outcome(.directorLeadsCommuneCommittee, Array(F.compliant.dropFirst())).0 == .notApplicable)
    }

    @Test func aDeputyFromTheStudyPromotionAssociation() {
        var board = F.compliant
        #expect(F.outcome(.deputyFromStudyPromotion, board).0 == .pass)
        board[1].role = .member
        #expect(F.outcome(.deputyFromStudyPromotion, board) == (.fail, [.noDeputyFromStudyPromotion]))
    }

    @Test func aDeputyWhoManagesAPrimaryOrLowerSecondarySchool() {
        var board = F.compliant
        board[2].homeBody = .primarySchool
        board[2].position = .vicePrincipal
        #expect(F.outcome(.deputyManagesSchool, board).0 == .pass)
        board[2].position = .teacher
        #expect(F.outcome(.deputyManagesSchool, board) == (.fail, [.noDeputyManagingSchool]))
        board[2].position = .principal
        board[2].homeBody = .otherSchool
        #expect(F.outcome(.deputyManagesSchool, board).0 == .fail, "a high school does not count")
    }

    @Test func atLeastOneAssignedTeacher() {
        #expect(F.outcome(.assignedTeacher, F.compliant).0 == .pass)
        #expect(F.outcome(.assignedTeacher, Array(F.compliant.dropLast())) == (.fail, [.noAssignedTeacher]))
    }

    @Test func everyCurrentMemberHasADecision() {
        var board = F.compliant
        board.append(F.person("Đỗ Thị Lan", .member, decided: nil))
        #expect(F.outcome(.decisionsRecorded, board) == (.fail, [.missingDecision(name: "Đỗ Thị Lan")]))
        board[4].termEnd = LocalDate(iso: "2026-01-01")
        #expect(F.outcome(.decisionsRecorded, board).0 == .pass, "former members are not checked")
    }

    @Test func decisionsFromJuly2025AreIssuedByTheCommune() {
        var board = F.compliant
        board[0].decision.issuer = "UBND huyện Nghĩa Hưng"
        #expect(F.outcome(.decisionsIssuedByCommune, board)
            == (.fail, [.decisionNotByCommune(name: "Trần Văn Minh", issuer: "UBND huyện Nghĩa Hưng")]))
        // The day before the two-tier government began, a district decision is fine; on the day, it is not.
        board[0].decision.date = LocalDate(iso: "2025-06-30")
        #expect(F.outcome(.decisionsIssuedByCommune, board).0 == .pass)
        board[0].decision.date = LocalDate(iso: "2025-07-01")
        #expect(F.outcome(.decisionsIssuedByCommune, board).0 == .fail)
    }

    @Test func everyBoardMemberHasDuties() {
        var board = F.compliant
        #expect(F.outcome(.dutiesAssigned, board).0 == .pass, "the teacher has none, and need not")
        board[1].duties = " "
        #expect(F.outcome(.dutiesAssigned, board.map { $0.normalised() })
            == (.fail, [.missingDuties(name: "Nguyễn Thị Hoa")]))
    }

    @Test func noRoleVacantLongerThanAllowed() {
        var board = F.compliant
        board[0].termEnd = LocalDate(iso: "2026-10-22")  // left 30 days before 21/11/2026
        #expect(F.outcome(.noLongVacancy, board).0 == .pass, "30 days is the limit")
        board[0].termEnd = LocalDate(iso: "2026-10-21")
        let since = LocalDate(iso: "2026-10-21")!
        #expect(F.outcome(.noLongVacancy, board) == (.fail, [.vacant(role: .director, since: since, days: 31)]))
        #expect(F.outcome(.noLongVacancy, board, parameters: BoardParameters(vacancyDays: 45)).0 == .pass,
                "the limit is a parameter")
        board.append(F.person("Cao Văn Bảo", .director, body: .communeCommittee, position: .chairman,
                              start: "2026-11-01"))
        #expect(F.outcome(.noLongVacancy, board).0 == .pass, "filled again")
    }

    @Test func managersTrainTwiceInTheCalendarYear() {
        var board = F.compliant
        #expect(F.outcome(.managersTrained, board).0 == .pass)
        board[1].trainings.removeLast()
        #expect(F.outcome(.managersTrained, board)
            == (.fail, [.undertrained(name: "Nguyễn Thị Hoa", count: 1, year: 2026, required: 2)]))
        #expect(F.outcome(.managersTrained, F.compliant, asOf: LocalDate(iso: "2025-12-31")!).0 == .fail,
                "trainings of 2026 do not count for 2025")
        #expect(F.outcome(.managersTrained, [F.compliant[3]]).0 == .notApplicable)
    }

    /// The training rule covers the centre's teachers and speakers (its register), not its volunteers, and not
    /// people who no longer teach there.
    @Test func teachersAndSpeakersTrainTwiceInTheCalendarYearToo() {
        let day = { (iso: String) in Training(date: LocalDate(iso: iso)!, topic: "Tập huấn", hours: 4, organiser: "") }
        let trained = [day("2026-03-12"), day("2026-08-20")]
        let staff = [StaffMember(centreID: 1, fullName: "Trần Văn Thủy", kind: .speaker, trainings: trained),
                     StaffMember(centreID: 1, fullName: "Lê Thị Mến", kind: .teacher, trainings: [trained[0]]),
                     StaffMember(centreID: 1, fullName: "Ngô Minh Đức", kind: .volunteer),
                     StaffMember(centreID: 1, fullName: "Vũ Văn Cũ", kind: .teacher, active: false)]
        func outcome(_ staff: [StaffMember], asOf: LocalDate = F.asOf) -> (RuleOutcome, [BoardFinding]) {
            BoardCheck.staffTrained.evaluate(BoardSnapshot(members: F.compliant, staff: staff, asOf: asOf,
                                                           parameters: BoardParameters(), units: ShippedUnits.directory))
        }
        #expect(outcome(staff) == (.fail, [.staffUndertrained(name: "Lê Thị Mến", kind: .teacher, count: 1, year: 2026,
                                                               required: 2)]))
        #expect(outcome([staff[0], staff[2], staff[3]]).0 == .pass, "a volunteer and a former teacher are not held to it")
        #expect(outcome([staff[2]]).0 == .notApplicable)
        #expect(outcome([]).0 == .notApplicable)
        #expect(outcome([staff[0]], asOf: LocalDate(iso: "2025-12-31")!).0 == .fail, "trainings of 2026 do not count for 2025")
        // A warning of the checklist, with its basis and what to do.
        let rule = F.table.rules(on: F.asOf).first { $0.check == .staffTrained }
        #expect(rule?.severity == .warning && rule?.id == "staff-trained")
        let report = BoardCompliance(table: F.table, units: ShippedUnits.directory)
            .check(centreID: 1, members: F.compliant, staff: staff, asOf: F.asOf)
        #expect(report.result(for: "staff-trained")?.outcome == .fail)
        #expect(report.isCompliant, "a warning, not an error")
    }

    @Test func onePersonHoldsOneBoardRole() {
        var board = F.compliant
        #expect(F.outcome(.onePersonOneRole, board).0 == .pass)
        var twice = board[2]
        twice.role = .member
        board.append(twice)
        #expect(F.outcome(.onePersonOneRole, board)
            == (.fail, [.severalRoles(name: "Phạm Văn Thắng", roles: [.deputyDirector, .member])]))
        board[4].birthYear = 1990
        #expect(F.outcome(.onePersonOneRole, board).0 == .pass, "a namesake born another year is someone else")
    }

    @Test func membershipDependsOnTheDate() {
        let member = F.person("A", .member, start: "2025-08-01", end: "2026-03-31")
        #expect(!member.isCurrent(on: LocalDate(iso: "2025-07-31")!))
        #expect(member.isCurrent(on: LocalDate(iso: "2025-08-01")!))
        #expect(member.isCurrent(on: LocalDate(iso: "2026-03-31")!), "in office on the last day")
        #expect(!member.isCurrent(on: LocalDate(iso: "2026-04-01")!))
    }
}

@Suite struct RuleTableTests {
    let table = BoardFixture.table

    @Test func everyRuleHasItsTextsInBothLanguagesAndAKnownCheck() {
        #expect(Set(table.rules.map(\.check)) == Set(BoardCheck.allCases))
        for rule in table.rules {
            for text in [rule.basis, rule.title, rule.remedy] {
                #expect(!text.vi.isEmpty && !text.en.isEmpty, "\(rule.id)")
                #expect(text.vi == text.vi.nfc, "\(rule.id)")
            }
        }
    }

    /// Before Circular 40/2010 took effect (15/2/2011), the Regulation's original text applied: the board had a
    /// director leading the commune People's Committee; the assigned teacher and the two deputies came later.
    @Test func boardsBefore2011AreCheckedUnderTheOriginalRegulation() throws {
        let rules = table.rules(on: try #require(LocalDate(iso: "2009-06-01")))
        #expect(!rules.isEmpty, "2008-2011 is covered")
        #expect(rules.first { $0.id == "one-director" }?.basis.vi == "Quyết định 09/2008/QĐ-BGDĐT (văn bản ban đầu)")
        #expect(!rules.contains { $0.id == "assigned-teacher" || $0.id.hasPrefix("deputy-") })
        #expect(table.rules(on: try #require(LocalDate(iso: "2011-02-15"))).contains { $0.id == "assigned-teacher" })
        #expect(table.rules(on: try #require(LocalDate(iso: "2008-01-01"))).isEmpty, "no rule before the Regulation")
    }

    @Test func versionsOfARuleNeverOverlap() {
        for (id, versions) in Dictionary(grouping: table.rules, by: \.id) {
            let sorted = versions.sorted { $0.effectiveFrom < $1.effectiveFrom }
            for (a, b) in zip(sorted, sorted.dropFirst()) {
                #expect(a.effectiveTo.map { $0 < b.effectiveFrom } == true, "\(id)")
                #expect(a.effectiveTo.map { $0.adding(days: 1) } == b.effectiveFrom, "\(id) leaves no gap")
            }
        }
    }

    @Test func checksRunAsOfADateUnderTheRulesOfThatDate() throws {
        let before = table.rules(on: try #require(LocalDate(iso: "2025-06-30")))
        let after = table.rules(on: try #require(LocalDate(iso: "2025-07-01")))
        #expect(!before.contains { $0.id == "decisions-by-commune" }, "not in force before the two-tier government")
        #expect(after.contains { $0.id == "decisions-by-commune" })
        // The composition still rests on the 2008 Regulation as amended in 2010; the 2025 Circular is the basis of
        // the issuer rule only.
        let amended = "Quyết định 09/2008/QĐ-BGDĐT, sửa đổi bởi Thông tư 40/2010/TT-BGDĐT"
        #expect(before.first { $0.id == "one-director" }?.basis.vi == amended)
        #expect(after.first { $0.id == "one-director" }?.basis.vi == amended)
        #expect(after.first { $0.id == "decisions-by-commune" }?.basis.vi.hasPrefix("Thông tư 11/2025/TT-BGDĐT") == true)
        #expect(!table.rules.contains { $0.id != "decisions-by-commune" && $0.basis.vi.contains("11/2025") },
                "only the issuer rule cites Circular 11/2025")
        #expect(Set(after.map(\.id)).count == after.count, "one version of each rule at a time")

        // A board appointed by the district in 2024 is fine under the 2024 rules and breaks the 2026 ones.
        var board = BoardFixture.compliant
        for index in board.indices {
            board[index].decision = Decision(number: "9/QĐ-UBND", date: LocalDate(iso: "2025-09-01"),
                                             issuer: "UBND huyện Nghĩa Hưng")
        }
        let engine = BoardCompliance(table: table, units: ShippedUnits.directory)
        let past = engine.check(centreID: 1, members: board, staff: [], asOf: try #require(LocalDate(iso: "2025-06-30")))
        #expect(past.result(for: "decisions-by-commune") == nil)
        let now = engine.check(centreID: 1, members: board, staff: [], asOf: BoardFixture.asOf)
        #expect(now.result(for: "decisions-by-commune")?.outcome == .fail)
        #expect(now.errorCount == 1)
    }

    @Test func noRuleTitleIsTooLongForTheChecklistColumn() {
        for rule in table.rules { #expect(rule.title.vi.count <= 33, "\(rule.title.vi)") }
    }
}

@Suite struct IssuingBodyTests {
    @Test(arguments: ["UBND xã Nghĩa Sơn", "Ủy ban nhân dân phường Hoa Lư", "Chủ tịch UBND xã Yên Mô",
                      "UBND đặc khu Phú Quốc", "ubnd xa nghia lam", "U.B.N.D xã Kim Sơn"])
    func communeCommitteesAreRecognised(_ issuer: String) {
        #expect(IssuingBody.isCommuneCommittee(issuer, units: ShippedUnits.directory))
    }

    @Test(arguments: ["UBND huyện Nghĩa Hưng", "UBND tỉnh Ninh Bình", "Sở GD&ĐT Ninh Bình", "Hội Khuyến học xã",
                      "UBND thành phố Hà Nội", "", "Phòng GD&ĐT huyện"])
    func otherIssuersAreNot(_ issuer: String) {
        #expect(!IssuingBody.isCommuneCommittee(issuer, units: ShippedUnits.directory))
    }

    /// Every official unit's committee is a commune committee, however its name is written, "quan", "tinh" or
    /// "thanh" inside the name included (Xã Nho Quan...).
    @Test func everyUnitOfTheListIsRecognisedByItsName() {
        let units = ShippedUnits.directory
        var refused: [String] = []
        for unit in units.units {
            let lower = unit.name.prefix(1).lowercased() + unit.name.dropFirst()
            for issuer in ["UBND " + lower, "Ủy ban nhân dân " + unit.name, "Chủ tịch UBND " + lower + ", "
                           + (units.province(code: unit.province)?.name ?? "")] where
                !IssuingBody.isCommuneCommittee(issuer, units: units) {
                refused.append(issuer)
            }
        }
        #expect(refused.isEmpty, "\(refused.count) refused, e.g. \(refused.prefix(5))")
        #expect(IssuingBody.isCommuneCommittee("UBND xã Nho Quan", units: units))
    }

    @Test(arguments: ["UBND thị xã Sơn Tây", "UBND quận 1", "UBND huyện Nho Quan", "UBND xã Không Có Trong Danh Mục"])
    func unitsThatAreNotCommuneLevelAreNot(_ issuer: String) {
        #expect(!IssuingBody.isCommuneCommittee(issuer, units: ShippedUnits.directory))
    }
}

@Suite struct MemberValidationTests {
    let today = LocalDate(iso: "2026-11-21")!

    func valid() -> BoardMember {
        BoardFixture.person("Nguyễn Văn An", .member, start: "2026-01-01")
    }

    @Test func aCompleteAppointmentPasses() {
        #expect(MemberValidator.validate(valid(), today: today).isEmpty)
    }

    @Test func aTermEndBeforeItsStartIsRefused() {
        var m = valid()
        m.termEnd = LocalDate(iso: "2025-12-31")
        #expect(MemberValidator.validate(m, today: today) == [MemberIssue(.termEnd, .endBeforeStart)])
        m.termEnd = LocalDate(iso: "2026-01-01")
        #expect(MemberValidator.validate(m, today: today).isEmpty, "a one-day term is possible")
    }

    @Test func aPersonUnder18IsRefused() {
        var m = valid()
        m.birthYear = 2009  // 17 in 2026
        #expect(MemberValidator.validate(m, today: today) == [MemberIssue(.birthYear, .underAge(minimum: 18))])
        m.birthYear = 2008
        #expect(MemberValidator.validate(m, today: today).isEmpty)
        m.birthYear = 1920
        #expect(MemberValidator.validate(m, today: today) == [MemberIssue(.birthYear, .tooOld)])
    }

    @Test func aDecisionDatedInTheFutureIsRefused() {
        var m = valid()
        m.decision.date = today.adding(days: 1)
        #expect(MemberValidator.validate(m, today: today) == [MemberIssue(.decisionDate, .dateInFuture)])
    }

    @Test func aNameAndAStartAreRequired() {
        var m = valid()
        m.fullName = ""
        m.termStart = nil
        #expect(Set(MemberValidator.validate(m, today: today))
            == [MemberIssue(.fullName, .required), MemberIssue(.termStart, .required)])
    }

    @Test func trainingsNeedATopicSensibleHoursAndAPastDate() {
        let ok = Training(date: today, topic: "Kỹ năng", hours: 4, organiser: "")
        #expect(MemberValidator.validate(ok, today: today).isEmpty)
        let bad = Training(date: today.adding(days: 2), topic: " ", hours: 0, organiser: "")
        #expect(Set(MemberValidator.validate(bad, today: today)) == [
            MemberIssue(.trainingDate, .dateInFuture), MemberIssue(.trainingTopic, .required),
            MemberIssue(.trainingHours, .hoursOutOfRange),
        ])
    }
}
