import Domain
import Foundation
import Storage
import Testing
import TerminalUI
@testable import Screens

/// The evaluation flow on its screens: the director scores and submits, the officer adjusts one item with a
/// comment and confirms; each refusal by role; the frames at 80x24.
@MainActor
@Suite struct EvaluationScreenTests {
    static let director = Account(username: "giamdoc", fullName: "Hoàng Văn Nam", roles: [.centreDirector])
    static let officer = Account(username: "chuyenvien", fullName: "Lê Thu Hà", roles: [.provincialOfficer])

    func centre(_ h: Harness, _ code: String) throws -> Centre { try #require(try h.database.centre(code: code)) }

    @Test func theDirectorScoresAndSubmitsAndTheOfficerAdjustsAndConfirms() throws {
        let h = try Harness(.demo, account: Self.director)
        let s = h.context.strings
        let kimSon = try centre(h, "TT14638")
        var screen = EvaluationScreen(ctx: h.context, centre: kimSon, year: 2026)
        #expect(screen.status == nil && screen.evaluation?.item("partners")?.selfScore == nil)
        // Submitting with unscored items is refused with the items named.
        #expect(screen.update(.submitConfirmed, h.context).first.map {
            if case .message(let m) = $0 { return m.text.contains("2") } else { return false }
        } == true)
        #expect(try h.database.evaluation(centreID: kimSon.id!, year: 2026) == nil, "nothing half-written")
        // The director scores the two items only people can judge, through the item form.
        for (item, score) in [("partners", "6"), ("impact", "7")] {
            var form = try #require(EvaluationItemFormScreen(ctx: h.context, centre: kimSon, year: 2026, itemID: item))
            #expect(form.mode == .director)
            form.form.setText(.selfScore, to: score)
            let commands = form.update(.save, h.context)
            #expect(commands.first == .pop, "\(commands)")
        }
        screen.reload(h.context)
        #expect(screen.update(.submit, h.context).isEmpty)
        #expect(screen.modal != nil)
        let submitted = screen.update(.submitConfirmed, h.context)
        #expect(submitted == [.changed(.evaluation(centreID: kimSon.id!)),
                              .message(StatusMessage(s[.evaluationSubmittedMessage]))])
        // The officer: the director's form is read-only now, and the officer's asks for a comment to adjust.
        h.context.account = Self.officer
        screen.reload(h.context)
        #expect(!screen.mayScore(h.context) && screen.mayAssess(h.context))
        var form = try #require(EvaluationItemFormScreen(ctx: h.context, centre: kimSon, year: 2026, itemID: "impact"))
        #expect(form.mode == .officer)
        form.form.setText(.officerScore, to: "4")
        let refused = form.update(.save, h.context)
        #expect(refused.count == 1 && form.form.message(.comment) != nil)
        form.form.setText(.comment, to: "Chưa có báo cáo tổng kết")
        #expect(form.update(.save, h.context).first == .pop)
        screen.reload(h.context)
        _ = screen.update(.agreeAll, h.context)
        _ = screen.update(.confirmRank, h.context)
        #expect(screen.modal != nil)
        _ = screen.update(.confirmConfirmed, h.context)
        let stored = try #require(try h.database.evaluation(centreID: kimSon.id!, year: 2026))
        #expect(stored.status == .confirmed && stored.item("impact")?.officerScore == 4
                && stored.item("impact")?.selfScore == 7)
        #expect(stored.rank != nil && stored.history.map(\.action) == [.saveSelf, .submit, .confirm])
        // The roster shows the rank.
        let roster = RosterScreen(ctx: h.context)
        #expect(roster.entries.first { $0.centre.code == "TT14638" }?.lastRank == stored.rank)
    }

    @Test func onlyADirectorSubmitsAndOnlyAnOfficerConfirms() throws {
        let h = try Harness(.demo, account: Self.officer)
        let kimSon = try centre(h, "TT14638")
        var screen = EvaluationScreen(ctx: h.context, centre: kimSon, year: 2026)
        // The officer has no key to save or submit a self-assessment, and the action does nothing.
        #expect(screen.keymap(h.context).bindings.allSatisfy { $0.action != .submit && $0.action != .save })
        #expect(screen.update(.submitConfirmed, h.context).isEmpty)
        #expect(try h.database.evaluation(centreID: kimSon.id!, year: 2026) == nil)
        // A director on a submitted evaluation has no key to confirm, and the action does nothing.
        h.context.account = Self.director
        let nghiaSon = try centre(h, "TT13918")
        var submitted = EvaluationScreen(ctx: h.context, centre: nghiaSon, year: 2026)
        #expect(submitted.status == .submitted)
        #expect(submitted.keymap(h.context).bindings.allSatisfy { $0.action != .confirmRank && $0.action != .submit })
        #expect(submitted.update(.confirmConfirmed, h.context).isEmpty)
        #expect(try h.database.evaluation(centreID: nghiaSon.id!, year: 2026)?.status == .submitted)
    }

    @Test func aReturnNeedsAReasonAndReopensThePrompt() throws {
        let h = try Harness(.demo, account: Self.officer)
        let s = h.context.strings
        let store = ScreenStore(EvaluationScreen(ctx: h.context, centre: try centre(h, "TT13918"), year: 2026), h.context)
        let dialog = PromptDialog(title: s[.evaluationReturnTitle], label: s[.evaluationReturnLabel], multilineText: "")
        store.send(.returnAsked) { $0.modal = .prompt(dialog, submit: Reply(EvaluationScreen.Action.returnReason)) }
        store.send(.returnReason(" ")) {
            $0.modal = .prompt(PromptDialog(title: dialog.title, label: dialog.label, multilineText: " ")
                                   .refused(s[.evaluationReturnReasonRequired]),
                               submit: Reply(EvaluationScreen.Action.returnReason))
        }
    }

    @Test func theRosterFilterSelectsByRankAndFlagsTwoYearsAtChuaDat() throws {
        let h = try Harness(.demo)
        var roster = RosterScreen(ctx: h.context)
        let yenMo = try #require(roster.entries.first { $0.centre.code == "TT14701" })
        #expect(yenMo.lastRank == .notMet && yenMo.needsReview)
        for _ in 0..<8 { _ = roster.update(.cycleStatusFilter, h.context) }
        #expect(roster.listing.rank == .notMet && roster.shown.map(\.centre.code) == ["TT14701"])
        #expect(RosterScreen.cells(yenMo, board: nil, planApproved: false, h.context).contains("CĐ!"))
    }

    @Test func framesAt80x24() throws {
        let h = try Harness(.demo, account: Self.officer)
        let hoaLu = try centre(h, "TT14329")
        h.app.open(.evaluation(centreID: hoaLu.id!, year: 2026))
        expectGolden("evaluation_hoa_lu", h.screen)
        h.app.open(.targets(year: 2026))
        expectGolden("targets", h.screen)
        h.app.open(.funding(centreID: hoaLu.id!, year: 2026))
        expectGolden("funding_hoa_lu", h.screen)
        h.app.open(.staff(centreID: hoaLu.id!))
        expectGolden("staff_hoa_lu", h.screen)
    }

    @Test func theTargetsDrillDownListsTheCentresThatFallShort() throws {
        let h = try Harness(.demo)
        var screen = TargetsScreen(ctx: h.context, year: 2026)
        let plan = try #require(screen.summary.shares.first { $0.measure == .plan })
        #expect(plan.met == 1 && plan.of == 11)
        _ = screen.update(.drillDown, h.context)
        guard case .viewer(let viewer) = screen.modal else { Issue.record("no list"); return }
        #expect(viewer.title.contains("10"))
    }

    /// The heading's officer total says what the TĐ column shows: nothing before the officer scores an item.
    @Test func theOfficersTotalIsShownOnlyForWhatWasAssessed() throws {
        let h = try Harness(.demo, account: Self.officer)
        let nghiaSon = try centre(h, "TT13918")
        h.app.open(.evaluation(centreID: nghiaSon.id!, year: 2026))
        #expect(h.screen.contains("Thẩm định — "), "submitted, not yet assessed:\n\(h.screen)")
    }

    /// A province has more communes than the screen has lines: PgDn shows the rest of the table by commune.
    @Test func theTableByCommuneScrolls() throws {
        let h = try Harness(.demo, account: Self.officer)
        h.app.open(.targets(year: 2026))
        let screen = try #require(h.app.stack.last as? TargetsScreen)
        let last = try #require(screen.summary.byCommune.last?.commune.flatMap { h.context.units.unit(code: $0)?.short })
        #expect(h.screen.contains("PgDn") && !h.screen.contains(" " + last + " "), "\(h.screen)")
        h.press(.pageDown)
        #expect(h.screen.contains(" " + last + " "), "the last commune after PgDn:\n\(h.screen)")
        h.press(.pageUp)
        #expect(!h.screen.contains(" " + last + " "))
    }

    @Test func anActivitysSpeakerIsPickedFromTheRegister() throws {
        let h = try Harness(.demo, account: EvaluationScreenTests.director)
        let hoaLu = try centre(h, "TT14329")
        let draft = try h.database.savePlan(Plan(centreID: hoaLu.id!, kind: .annual, year: 2027, title: "KH 2027"),
                                            by: h.context.actor, at: h.context.clock.now)
        var form = ActivityFormScreen(ctx: h.context, centre: hoaLu, plan: draft, index: nil)
        #expect(Set(form.speakers.map(\.id)) == ["Đặng Văn Luật", "Ngô Minh Đức", "Phạm Thị Hương"])
        _ = form.update(.pickSpeaker, h.context)
        guard case .picker = form.modal else { Issue.record("no picker"); return }
        _ = form.update(.speakerPicked("Đặng Văn Luật"), h.context)
        #expect(form.form[.speaker] == .text("Đặng Văn Luật"))
    }

    @Test func aSpeakersTrainingAndAContributionWithoutADonorAndThresholdsFromADate() throws {
        let h = try Harness(.demo)
        let hoaLu = try centre(h, "TT14329")
        let speaker = try #require(try h.database.staffMembers(centreID: hoaLu.id!).first { $0.kind == .teacher })
        var training = TrainingFormScreen(ctx: h.context, trainee: .staff(speaker))
        training.form.setText(.topic, to: "Tin học văn phòng cho người lớn")
        #expect(training.update(.save, h.context).first == .pop)
        #expect(try h.database.staffMember(id: speaker.id!)?.trainings.count == speaker.trainings.count + 1)

        var receipt = ReceiptFormScreen(ctx: h.context, centre: hoaLu, year: 2026)
        #expect(receipt.form.text(.amount) == "", "an amount not typed yet is empty, so what is typed is not appended to a 0")
        receipt.form.setChoice(.source, to: ReceiptSource.contributions.rawValue)
        receipt.form.setText(.amount, to: "1.000.000")
        _ = receipt.update(.save, h.context)
        #expect(receipt.form.message(.donor)?.text == h.context.strings[.receiptDonorRequired])
        receipt.form.setText(.donor, to: "Bà Nguyễn Thị Sen")
        #expect(receipt.update(.save, h.context).first == .pop)
        #expect(try h.database.fundingYear(centreID: hoaLu.id!, year: 2026).received(from: .contributions) == 3_500_000)

        var thresholds = ThresholdsScreen(ctx: h.context)
        thresholds.form.setText(.good, to: "60")
        _ = thresholds.update(.save, h.context)
        #expect(thresholds.form.message(.good) != nil, "Tốt below Khá is refused")
        thresholds.form.setText(.good, to: "90")
        #expect(thresholds.update(.save, h.context).first == .pop)
        #expect(try h.database.provinceThresholds().map(\.good) == [90])
    }
}
