import Domain
import Foundation
import Testing
import TerminalUI
@testable import Screens

/// Screens driven by their actions, each step stating the whole resulting state and the commands returned.
@MainActor
@Suite struct ScreenUpdateTests {
    func centre(_ h: Harness, _ code: String) throws -> Centre { try #require(try h.database.centre(code: code)) }

    @Test func deletingACentreAsksNamingItAndNoLeavesEverythingAsItWas() throws {
        let h = try Harness(.demo)
        let s = h.context.strings
        var roster = RosterScreen(ctx: h.context)
        let tamDiep = try centre(h, "TT14362")
        roster.table.select(try #require(roster.shown.firstIndex { $0.centre.code == "TT14362" }))
        let store = ScreenStore(roster, h.context)
        store.send(.delete) {
            $0.modal = .confirm(ConfirmDialog(title: s[.deleteCentreTitle], message: s(.deleteCentreQuestion, tamDiep.name),
                                              yes: s[.yes], no: s[.no]),
                                yes: .deleteConfirmed(centreID: tamDiep.id!, name: tamDiep.name))
        }
        store.press(.escape) { $0.modal = nil }
        #expect(try h.database.centre(code: "TT14362") != nil)
        store.send(.deleteConfirmed(centreID: tamDiep.id!, name: tamDiep.name),
                   commands: [.message(StatusMessage(s(.centreDeleted, tamDiep.name)))]) { wanted in
            wanted.reload(h.context, select: nil)
        }
        #expect(try h.database.centre(code: "TT14362") == nil)
    }

    @Test func theBoardAsksForADateAndRefusesOneThatDoesNotExist() throws {
        let h = try Harness(.demo)
        let s = h.context.strings
        let store = ScreenStore(BoardScreen(ctx: h.context, centre: try centre(h, "TT13957")), h.context)
        let prompt = PromptDialog(title: s[.checkDateTitle], label: s[.checkDateLabel], text: "21/11/2026", maxLength: 10)
        store.send(.changeDate) { $0.modal = .prompt(prompt, submit: Reply(BoardScreen.Action.dateEntered)) }
        store.send(.dateEntered("31/02/2026")) {
            $0.modal = .prompt(PromptDialog(title: prompt.title, label: prompt.label, text: "31/02/2026", maxLength: 10)
                                   .refused(s[.problemDateInvalid]),
                               submit: Reply(BoardScreen.Action.dateEntered))
        }
    }

    @Test func removingATrainingAsksNamingTopicAndDate() throws {
        let h = try Harness(.demo)
        let s = h.context.strings
        let nghiaLam = try centre(h, "TT13957")
        let member = try #require(try h.database.boardMembers(centreID: nghiaLam.id!).first { !$0.trainings.isEmpty })
        let store = ScreenStore(TrainingScreen(ctx: h.context, centre: nghiaLam, member: member), h.context)
        let newest = try #require(store.screen.trainings.first)
        store.send(.delete) {
            $0.modal = .confirm(ConfirmDialog(title: s[.trainingDeleteTitle],
                                              message: s(.trainingDeleteQuestion, newest.topic, newest.date.vietnamese),
                                              yes: s[.yes], no: s[.no]),
                                yes: .deleteConfirmed(newest))
        }
    }

    @Test func theNeedsVillageFilterHasItsOwnTitleAndRecounts() throws {
        let h = try Harness(.demo)
        let s = h.context.strings
        let nghiaSon = try centre(h, "TT13918")
        let campaign = try #require(try h.database.campaigns(centreID: nghiaSon.id!).first)
        let questionnaire = try #require(ShippedQuestionnaire.current)
        let store = ScreenStore(NeedsScreen(ctx: h.context, campaign: campaign, centre: nghiaSon,
                                            questionnaire: questionnaire), h.context)
        store.send(.village) {
            $0.modal = .picker(PickerDialog(title: s[.keyVillage], items: [ChoiceItem(id: "", label: s[.filterAll])]
                                                + nghiaSon.villages.map { ChoiceItem(id: $0, label: $0) }, selectedID: ""),
                               pick: Reply(NeedsScreen.Action.villagePicked))
        }
        let responses = try h.database.responses(campaignID: campaign.id!)
        store.send(.villagePicked("Xóm 3")) {
            $0.filter.village = "Xóm 3"
            $0.analysis = NeedsAnalysis.compute(responses, campaign: campaign, filter: $0.filter)
        }
        #expect(store.screen.analysis.respondents < responses.count)
    }

    @Test func submittingAskNamingThePlanAndReturningAsksForAReasonOverSeveralLines() throws {
        let h = try Harness(.demo, account: Account(username: "giamdoc", fullName: "Trần Văn Minh",
                                                    roles: [.centreDirector, .communeLeader]))
        let s = h.context.strings
        let plan = try #require(try h.database.plans().first { $0.status == .submitted })
        let owner = try #require(try h.database.centre(id: plan.centreID))
        let store = ScreenStore(PlansScreen(ctx: h.context, centre: owner), h.context)
        let name = h.context.strings.planName(plan, centre: owner)
        store.send(.workflow(.giveBack(planID: plan.id!))) {
            $0.modal = .prompt(PromptDialog(title: s[.returnTitle], label: s(.returnReasonLabel, name),
                                            multilineText: "", maxLength: 2000),
                               submit: Reply { PlansScreen.Action.workflow(.reason(planID: plan.id!, text: $0)) })
        }
        store.send(.workflow(.reason(planID: plan.id!, text: "  \n "))) {
            $0.modal = .prompt(PromptDialog(title: s[.returnTitle], label: s(.returnReasonLabel, name),
                                            multilineText: "  \n ", maxLength: 2000).refused(s[.planReasonRequired]),
                               submit: Reply { PlansScreen.Action.workflow(.reason(planID: plan.id!, text: $0)) })
        }
        #expect(try h.database.plan(id: plan.id!)?.status == .submitted, "nothing taken without a reason")
    }

    @Test func aRuleFilterPickedFromTheListNarrowsTheCentres() throws {
        let h = try Harness(.demo)
        let store = ScreenStore(ComplianceScreen(ctx: h.context), h.context)
        store.send(.rulePicked("assigned-teacher")) { wanted in
            wanted.ruleFilter = "assigned-teacher"
            wanted.shown = wanted.rows.filter { $0.report.result(for: "assigned-teacher")?.outcome == .fail }
            wanted.table.setRowCount(wanted.shown.count)
        }
        #expect(store.screen.shown.allSatisfy { $0.report.result(for: "assigned-teacher")?.outcome == .fail })
        #expect(store.screen.shown.count < store.screen.rows.count)
    }
}
