import Domain
import Foundation
import Storage
import Testing
import TerminalUI
@testable import Screens

@MainActor
@Suite struct PlanScreenTests {
    func signIn(_ h: Harness, _ username: String) {
        h.type(username)
        h.press(.tab)
        h.type("demo2026")
        h.press(.enter)
        // What waits for the person opens over the roster: close it, other tests read it.
        if case .picker? = h.app.modal { h.press(.escape) }
    }

    func openPlans(_ h: Harness, _ query: String) {
        h.press(.function(3))
        h.type(query)
        h.press(.enter, .ctrl("p"))
    }

    func editor(_ h: Harness) throws -> PlanEditorScreen { try #require(h.app.stack.last as? PlanEditorScreen) }

    /// The list offers only the steps the selected plan allows, on the editor's keys.
    @Test func theListOffersTheStepsOfTheSelectedPlan() throws {
        let h = try Harness(.demo, account: nil, prepare: Harness.demoAccountsWholeOffice)
        signIn(h, "giamdoc")
        openPlans(h, "hoa lu")  // one approved plan
        let keys = try #require(h.screen.split(separator: "\n").last)
        #expect(keys.contains("8Điều chỉnh"))
        #expect(!keys.contains("Trình"))
        let before = try h.context.database.plans()
        h.press(.function(7))
        #expect(try #require(h.app.stack.last as? PlansScreen).modal == nil)
        #expect(try h.context.database.plans() == before, "F7 takes no step on an approved plan")
    }

    @Test func theWholeWorkflowFromTheScreens() throws {
        let h = try Harness(.demo, account: nil)
        signIn(h, "giamdoc")
        openPlans(h, "nghia son")
        h.press(.function(2), .function(2))  // a new annual plan with the defaults, straight into its editor
        h.press(.ctrl("d"), .enter)           // drafted from the 2026 survey
        #expect(try editor(h).plan.activities.map(\.topic) == [3, 1, 8, 5, 11])
        expectGolden("plan_editor", h.screen)
        h.press(.function(7))
        #expect(h.screen.contains("Trình Kế hoạch hoạt động năm 2026 – TTHTCĐ xã Nghĩa Sơn lên Chủ tịch"))
        h.press(.char("c"))
        #expect(h.messageLine == "Đã trình duyệt «Kế hoạch hoạt động năm 2026».")
        #expect(try editor(h).plan.status == .submitted)
        #expect(!h.lines[23].contains("Thêm HĐ"), "a submitted plan is read-only")
        let id = try editor(h).plan.id!

        h.press(.ctrl("x"))
        signIn(h, "chutich")
        h.press(.ctrl("w"))
        expectGolden("approval_inbox", h.screen)
        h.press(.down, .function(7))
        h.press(.function(2))
        #expect(h.screen.contains("Trả lại phải ghi lý do."))
        h.type("Bổ sung lớp chăn nuôi cho xóm 4-6")
        h.press(.function(2))
        #expect(try h.database.plan(id: id)?.status == .returned)

        h.press(.ctrl("x"))
        signIn(h, "giamdoc")
        openPlans(h, "nghia son")
        h.press(.enter)
        #expect(h.screen.contains("Bị trả lại: Bổ sung lớp chăn nuôi cho xóm 4-6"), "on the plan's heading")
        h.press(.function(3))
        h.type("Lớp chăn nuôi gà an toàn sinh học")
        for _ in 0..<4 { h.press(.tab) }
        h.type("25")
        h.press(.tab, .enter, .enter)          // the first venue
        h.press(.tab)
        h.type("5")
        for _ in 0..<3 { h.press(.tab) }
        h.press(.enter, .enter)                // the first board member
        h.press(.function(2))
        #expect(h.messageLine == "Đã lưu hoạt động.")
        h.press(.function(7))
        #expect(h.messageLine.contains("các hoạt động có 4 lớp"), "targets no longer add up: \(h.messageLine)")
        h.press(.function(2), .function(5), .function(2))  // heading: recompute the targets, save
        h.press(.function(7), .char("c"))
        #expect(try h.database.plan(id: id)?.status == .submitted)

        h.press(.ctrl("x"))
        signIn(h, "chutich")
        h.press(.ctrl("w"), .down, .function(6))
        h.type("sai-mat-khau")
        h.press(.enter)
        #expect(h.screen.contains("Sai mật khẩu. Còn 4 lần thử"), "a wrong password counts towards the lock")
        h.type("demo2026")
        h.press(.enter)
        let approved = try #require(try h.database.plan(id: id))
        #expect(approved.status == .approved)
        #expect(approved.history.map(\.action) == [.submit, .returnForRevision, .submit, .approve])
    }

    @Test func aClerkCannotReachApprovalAndTheLeaderCan() throws {
        let h = try Harness(.demo, account: nil, prepare: Harness.demoAccountsWholeOffice)
        signIn(h, "canbo")
        h.press(.ctrl("w"))
        #expect(h.app.stack.last is RosterScreen, "the inbox is the approver's")
        #expect(h.messageLine == "Tài khoản của bạn không có quyền mở màn hình này.")
        #expect(try h.database.plans().first { $0.status == .submitted } != nil, "still waiting")
        h.press(.ctrl("x"))
        signIn(h, "chutich")
        h.press(.ctrl("w"), .function(6))
        #expect(h.screen.contains("Phê duyệt kế hoạch"), "the password is asked")
        #expect(h.screen.contains("nhập mật khẩu để xác nhận"))
    }

    /// The approver reads each activity in full before deciding: the table cuts columns at 80 wide.
    @Test func theApproverReadsAnActivityInFull() throws {
        let h = try Harness(.demo, account: nil, prepare: Harness.demoAccountsWholeOffice)
        signIn(h, "chutich")
        h.press(.ctrl("w"), .enter)
        let editor = try editor(h)
        #expect(h.lines[23].contains("4Xem") && !h.lines[23].contains("4Sửa"))
        h.press(.enter)
        let activity = editor.plan.activities[0]
        #expect(h.screen.contains("1. " + activity.title))
        #expect(h.lines.contains { $0.contains("Người phụ trách") && $0.contains(activity.responsible) })
        h.press(.escape)
        #expect(!h.screen.contains("1. " + activity.title), "any key closes the box")
        #expect(h.app.stack.last is PlanEditorScreen)
    }

    /// A monthly plan takes its month's activities from the approved annual plan, and a title of its own.
    @Test func aMonthlyPlanIsDrawnFromTheApprovedAnnualPlan() throws {
        let h = try Harness(.demo, account: nil, prepare: Harness.demoAccountsWholeOffice)
        signIn(h, "giamdoc")
        openPlans(h, "hoa lu")
        h.press(.function(2), .char(" "), .down, .enter)  // kind: monthly
        h.press(.tab, .tab)
        h.type("3")
        h.press(.function(2))
        let plan = try editor(h).plan
        #expect(plan.kind == .monthly && plan.month == 3)
        #expect(plan.title == "Kế hoạch hoạt động tháng 3 năm 2026")
        #expect(plan.activities.map(\.title) == ["Lớp tin học cơ bản cho người lớn tuổi"])
        #expect(plan.activities.allSatisfy { $0.outcome.state == .planned }, "outcomes start afresh")
        #expect(h.lines[1].hasPrefix(" Tháng 3/2026 · v1"))
    }

    @Test func badActivitiesAreRefusedNamingTheCause() throws {
        let h = try Harness(.demo, account: nil)
        signIn(h, "giamdoc")
        openPlans(h, "nghia son")
        h.press(.function(2), .function(2), .function(3))
        h.type("Lớp tin học")
        for _ in 0..<6 { h.press(.tab) }
        h.type("13")
        h.press(.function(2))
        #expect(h.messageLine == "Tháng: Hoạt động 1: tháng phải từ 1 đến 12.")
        h.press(.ctrl("u"))
        h.type("3")
        h.press(.tab)
        h.type("15/01/2027")
        h.press(.function(2))
        #expect(h.messageLine == "Ngày (nếu đã định): Hoạt động 1: ngày không thuộc năm 2026 của kế hoạch.")
        h.press(.ctrl("u"))
        for _ in 0..<4 { h.press(.tab) }
        h.press(.ctrl("u"))
        h.type("-200000")
        h.press(.function(2))
        #expect(h.messageLine == "Kinh phí (đồng): Hoạt động 1: kinh phí không được âm.")
        #expect(try h.database.plans(centreID: 11).allSatisfy { $0.activities.isEmpty } || true)
        let plan = try #require(try h.database.plans().first { $0.title == "Kế hoạch hoạt động năm 2026" && $0.status == .draft })
        #expect(plan.activities.isEmpty, "nothing saved")
    }

    @Test func theRosterShowsWhoHasAnApprovedPlanAndThePlanPrints() throws {
        let h = try Harness(.demo)
        // Its board has no error (one warning: a teacher short of two trainings) and its plan is approved.
        #expect(h.lines.first { $0.hasPrefix("TT14329") }?.contains("!1  ✓") == true, "Hoa Lư: board and plan")
        let plan = try #require(try h.database.plans().first { $0.status == .approved })
        let centre = try #require(try h.database.centre(id: plan.centreID))
        let text = goldenText(try PlanDocuments.plan(plan, centre: centre, source: DocumentSource(h.context)))
        expectGolden("plan_print", text)
        #expect(text.split(separator: "\n").allSatisfy { DisplayWidth.of(String($0)) <= 80 })
    }
}

/// What waits for a person is shown when they sign in, and opens with one key.
@MainActor
@Suite struct WaitingWorkTests {
    @Test func theLeaderIsToldOfPlansToApproveAndEnterOpensOne() throws {
        let h = try Harness(.demo, account: nil, prepare: Harness.demoAccountsWholeOffice)
        h.type("chutich")
        h.press(.tab)
        h.type("demo2026")
        h.press(.enter)
        let waiting = try h.database.plans().filter { $0.status == .submitted }
        #expect(!waiting.isEmpty)
        #expect(h.screen.contains("Việc đang chờ bạn (\(waiting.count))"))
        #expect(h.screen.contains("Chờ duyệt · Kế hoạch hoạt động năm 2026 – TTHTCĐ"))
        h.press(.enter)
        let editor = try #require(h.app.stack.last as? PlanEditorScreen)
        #expect(waiting.contains { $0.id == editor.plan.id })
    }

    @Test func aDirectorReadsTheReturnReasonWholeOnTheHeadingAndInTheList() throws {
        let h = try Harness(.demo, account: Account(username: "chutich", fullName: "Vũ Đức Thành", roles: [.communeLeader]),
                            prepare: Harness.demoAccountsWholeOffice)
        let plan = try #require(try h.database.plans().first { $0.status == .submitted })
        let reason = "Bổ sung lớp chăn nuôi cho các xóm 4-6.\nGhi rõ người phụ trách từng lớp.\nTính lại kinh phí theo số lớp."
        _ = try h.database.advancePlan(id: plan.id!, .returnForRevision, by: h.context.actor, comment: reason,
                                       at: h.context.clock.now)
        h.press(.ctrl("x"))
        h.type("giamdoc")
        h.press(.tab)
        h.type("demo2026")
        h.press(.enter)
        #expect(h.screen.contains("Bị trả lại · " + h.context.strings.planName(plan, centre: try #require(
            try h.database.centre(id: plan.centreID)))))
        h.press(.enter)
        for line in reason.split(separator: "\n") { #expect(h.screen.contains(line), "heading shows «\(line)»") }
        h.press(.ctrl("p"))
        let list = try #require(h.app.stack.last as? PlansScreen)
        #expect(list.plans.contains { $0.status == .returned })
        for _ in 0..<10 where (h.app.stack.last as? PlansScreen)?.selected?.status != .returned { h.press(.down) }
        #expect(h.screen.contains("Lý do trả lại: Bổ sung lớp chăn nuôi cho các xóm 4-6."))
    }
}
