import Documents
import Domain
import Foundation
import Storage
import Testing
@testable import Screens

/// A document's text as the golden files hold it: the audit head differs with every run's timestamps, so its
/// number and hash are written N:HASH (a test of its own checks them against the trail).
func goldenText(_ document: OfficialDocument) -> String {
    PlainText.render(document).replacingOccurrences(of: "[0-9]+:[0-9a-f]{16}", with: "N:HASH", options: .regularExpression)
}

/// The text with its lines joined by one space, so a sentence is found wherever the 80 columns wrapped it.
func unwrapped(_ text: String) -> String {
    text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: " ")
}

/// The demo with one more approved plan: xã Nghĩa Sơn's 2026 plan, resting on its 2026 survey, drafted and
/// submitted by the director, approved by `approver`, its first activity done.
@MainActor
enum CommunePlan {
    static let ns = "TT13918"

    static func make(_ h: Harness, approver: String = "chutich") throws -> (Plan, Centre) {
        let db = h.database
        let accounts = try db.accounts()
        let actor = { (name: String) in accounts.first { $0.username == name }!.actor }
        let centre = try #require(try db.centre(code: ns))
        let campaign = try #require(try db.campaigns(centreID: centre.id!).first { $0.year == 2026 })
        let day = { (iso: String) in FixedClock(LocalDate(iso: iso)!).now }
        var plan = Plan(centreID: centre.id!, kind: .annual, year: 2026, title: "Kế hoạch hoạt động năm 2026",
                        legalBases: h.context.strings[.planDefaultBases], campaignIDs: [campaign.id!], targetClasses: 1,
                        targetTalks: 1, targetLearners: 160, activities: [
                            PlanActivity(title: "Lớp trồng lúa chất lượng cao", topic: 1, format: .classSession,
                                         expectedLearners: 40, venue: "Hội trường UBND xã", month: 3,
                                         responsible: "Trần Văn Minh", cost: 5_000_000, costSource: .communeBudget),
                            PlanActivity(title: "Nói chuyện phòng chống tệ nạn xã hội", topic: 13, format: .talk,
                                         expectedLearners: 120, venue: "Nhà văn hóa xóm 3", month: 6, speaker: "Công an xã",
                                         responsible: "Nguyễn Thị Hoa", cost: 1_500_000, costSource: .contributions),
                        ])
        plan = try db.savePlan(plan, by: actor("giamdoc"), at: day("2026-01-08"))
        plan = try db.advancePlan(id: plan.id!, .submit, by: actor("giamdoc"), at: day("2026-01-10"))
        plan = try db.advancePlan(id: plan.id!, .approve, by: actor(approver), password: "demo2026", at: day("2026-01-15"))
        plan = try db.recordOutcome(planID: plan.id!, activityIndex: 0,
                                    ActivityOutcome(state: .done, actualDate: LocalDate(iso: "2026-03-20"), participants: 38,
                                                    women: 21, ethnicMinority: 2, cost: 4_800_000),
                                    by: actor("giamdoc"), at: day("2026-03-25"))
        return (plan, centre)
    }
}

@MainActor
@Suite struct DocumentTextTests {
    func source(_ h: Harness, office: OfficeSettings? = nil) -> DocumentSource {
        let base = DocumentSource(h.context)
        return DocumentSource(database: base.database, units: base.units, strings: base.strings, today: base.today,
                              office: office ?? base.office, questionnaire: base.questionnaire, boardRules: base.boardRules)
    }

    func ward(_ h: Harness) throws -> (Plan, Centre) {
        let centre = try #require(try h.database.centre(code: "TT14329"))
        let plan = try #require(try h.database.plans(centreID: centre.id!).first { $0.status == .approved })
        return (plan, centre)
    }

    @Test func aCommunesDocuments() throws {
        let h = try Harness(.demo)
        let (plan, centre) = try CommunePlan.make(h)
        let office = OfficeSettings(provinceCode: 37, communeCode: 13918)
        let source = source(h, office: office)
        let planText = goldenText(try PlanDocuments.plan(plan, centre: centre, source: source))
        expectGolden("doc_commune_plan", planText)
        expectGolden("doc_commune_decision", goldenText(try PlanDocuments.decision(plan, centre: centre, source: source)))
        expectGolden("doc_commune_year_report", goldenText(try YearReport.document(centre: centre, year: 2026, source: source)))
        expectGolden("doc_commune_summary", goldenText(try SummaryReport.document(year: 2026, source: source)))
        // Resting on the 2026 survey, the plan says so, with what the survey found.
        #expect(planText.contains("Căn cứ kết quả khảo sát nhu cầu học tập năm 2026 (300 phiếu);"))
        #expect(planText.contains("I. KẾT QUẢ KHẢO SÁT NHU CẦU HỌC TẬP"))
    }

    @Test func aWardsDocuments() throws {
        let h = try Harness(.demo)
        let (plan, centre) = try ward(h)
        let source = source(h)
        let planText = goldenText(try PlanDocuments.plan(plan, centre: centre, source: source))
        let decision = goldenText(try PlanDocuments.decision(plan, centre: centre, source: source))
        let report = goldenText(try YearReport.document(centre: centre, year: 2026, source: source))
        expectGolden("doc_ward_decision", decision)
        expectGolden("doc_ward_year_report", report)
        expectGolden("doc_province_summary", goldenText(try SummaryReport.document(year: 2026, source: source)))
        // A ward is a ward in every mention.
        for text in [planText, decision, report] {
            for wrong in ["UBND xã", "Hội Khuyến học xã", "xã Hoa Lư", "XÃ HOA LƯ"] { #expect(!text.contains(wrong), "«\(wrong)»") }
        }
        #expect(planText.contains("UBND PHƯỜNG HOA LƯ"))
        #expect(planText.contains("- Hội Khuyến học phường Hoa Lư;"))
        #expect(decision.contains("ỦY BAN NHÂN DÂN"))
        #expect(decision.contains("PHƯỜNG HOA LƯ"))
        #expect(decision.contains("CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG HOA LƯ"))
        // It rests on no survey: it claims none.
        #expect(!planText.contains("khảo sát"))
        // The approver by full name and title, never the login name; the numbers the registers gave at approval.
        #expect(decision.contains("Vũ Đức Thành"))
        #expect(unwrapped(planText).contains("Kế hoạch đã được Vũ Đức Thành, Chủ tịch UBND phường Hoa Lư, phê duyệt ngày 20/01/2026."))
        #expect(!decision.contains("chutich") && !planText.contains("chutich"))
        #expect(planText.contains("Số: 1/KH-TTHTCĐ"))
        #expect(decision.contains("Số: 1/QĐ-UBND"))
        #expect(planText.split(separator: "\n").allSatisfy { DisplayWidth.of(String($0)) <= 80 })
    }

    @Test func aViceChairmanSignsForTheChairman() throws {
        let h = try Harness(.demo)
        let admin = try #require(try h.database.accounts().first { $0.username == "quantri" }).actor
        // The centre's director is the commune's vice-chairman; his own account approves.
        _ = try h.database.createAccount(Account(username: "phochutich", fullName: "Trần Văn Minh", roles: [.communeLeader]),
                                         password: "demo2026", by: admin, at: FixedClock(Harness.today).now)
        let (plan, centre) = try CommunePlan.make(h, approver: "phochutich")
        let decision = PlainText.render(try PlanDocuments.decision(plan, centre: centre, source: source(h)))
        #expect(decision.contains("KT. CHỦ TỊCH"))
        #expect(decision.contains("PHÓ CHỦ TỊCH"))
        #expect(decision.contains("Trần Văn Minh"))
        let planText = PlainText.render(try PlanDocuments.plan(plan, centre: centre, source: source(h)))
        #expect(unwrapped(planText).contains("Trần Văn Minh, Phó Chủ tịch UBND xã Nghĩa Sơn, phê duyệt ngày 15/01/2026."))
    }

    @Test func theFooterCarriesTheAuditHead() throws {
        let h = try Harness(.demo)
        let (plan, centre) = try ward(h)
        let head = try #require(try h.database.auditEntries(limit: 1).first)
        let text = PlainText.render(try PlanDocuments.plan(plan, centre: centre, source: source(h)))
        #expect(text.contains("tthtcd audit verify --anchor \(head.id):\(head.hash.prefix(16))"))
    }

    @Test func whatCannotBeStatedTrulyIsRefused() throws {
        let h = try Harness(.demo)
        let kimSon = try #require(try h.database.centre(code: "TT14638"))
        let submitted = try #require(try h.database.plans(centreID: kimSon.id!).first)
        #expect(throws: DocumentProblem.planNotApproved(status: .submitted)) {
            try PlanDocuments.decision(submitted, centre: kimSon, source: source(h))
        }
        let giaThuy = try #require(try h.database.centre(code: "TT14398"))
        #expect(throws: DocumentProblem.communeNotInList(centreCode: "TT14398")) {
            try YearReport.document(centre: giaThuy, year: 2026, source: source(h))
        }
        #expect(h.context.strings.describe(DocumentProblem.planNotApproved(status: .submitted))
                == "Kế hoạch chưa được phê duyệt (Đã trình): chưa có quyết định phê duyệt để in.")
    }

    /// The word for a unit comes from the list's type, for every one of the 3,321 units: "Xã Nho Quan" is a
    /// commune, "Đặc khu Phú Quốc" a special zone.
    @Test func everyUnitIsNamedByItsType() throws {
        let s = try Strings(language: .vi)
        #expect(Harness.units.units.count == 3321)
        for unit in Harness.units.units {
            let words = s.words(unit)
            #expect(words.full == unit.name.prefix(1).lowercased() + unit.name.dropFirst(), "\(unit.name)")
            #expect(s.committeeHeading(words) == "ỦY BAN NHÂN DÂN\n" + unit.name.uppercased())
        }
        let nhoQuan = try #require(Harness.units.units.first { $0.name == "Xã Nho Quan" })
        #expect(s.committee(s.words(nhoQuan)) == "UBND xã Nho Quan")
        let zone = try #require(Harness.units.units.first { $0.type == .specialZone })
        #expect(s.committee(s.words(zone)).hasPrefix("UBND đặc khu "))
        #expect(s.committeeHeading(s.words(zone)).hasPrefix("ỦY BAN NHÂN DÂN\nĐẶC KHU "))
    }
}
