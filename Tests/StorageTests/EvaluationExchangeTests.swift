import AppResources
import Domain
import Foundation
import Testing
@testable import Storage

/// Evaluations between a commune office and its province (issue 13's way back): the commune's self-assessment goes
/// up, the province's assessment and rank come back, each side written by one office only and merged by identity.
@Suite struct EvaluationExchangeTests {
    static let catalog = try! EvaluationCatalog.decode(AppResources.data("evaluation/criteria.json"))
    static let officer = Actor(accountID: nil, username: "chuyenvien", fullName: "Lê Thu Hà", roles: [.provincialOfficer])
    static let director = Actor(accountID: nil, username: "giamdoc", fullName: "Trần Văn Minh", roles: [.centreDirector])
    let schedule = ThresholdSchedule(shipped: Self.catalog.thresholds, province: [])

    func set(_ evaluation: Evaluation) throws -> CriteriaSet { try #require(Self.catalog.set(id: evaluation.criteriaSetID)) }

    func provinceBundle(_ offices: ExchangeOffices, at moment: Date) throws -> URL {
        try offices.province.exportBundle(to: offices.usb, office: offices.provinceOffice, programVersion: "test",
                                          by: clerk, at: moment).url
    }

    func receiveAtCommune(_ offices: ExchangeOffices, _ url: URL, at moment: Date) throws -> ReceivedBundle {
        let commune = offices.communes[13918]!
        return try commune.receiveBundle(at: url, receiver: try ExchangeOffices.office(commune), by: clerk, at: moment)
    }

    /// xã Nghĩa Sơn sends its submitted self-assessment; the province adjusts one item with a comment and confirms;
    /// the commune receives the assessment and the rank, and can change none of it.
    @Test func theAssessmentTravelsBackAndIsReadOnlyAtTheCommune() throws {
        let offices = try ExchangeOffices()
        let commune = offices.communes[13918]!
        let centre = try #require(try commune.centre(code: "TT13918"))
        let sent = try #require(try commune.evaluation(centreID: centre.id!, year: 2026))
        #expect(sent.status == .submitted)

        let up = try offices.receive(try offices.export(13918))
        let entry = MergeReport.Entry(kind: "evaluation", name: "TT13918 2026")
        #expect(up.report.added.contains(entry))
        let atProvince = try #require(try offices.province.centre(code: "TT13918"))
        var evaluation = try #require(try offices.province.evaluation(centreID: atProvince.id!, year: 2026))
        #expect(evaluation.uid == sent.uid && evaluation.status == .submitted && evaluation.items == sent.items)
        #expect(evaluation.history == sent.history)
        // The commune's self-assessment is the commune's: the province cannot rewrite it.
        let set = try set(evaluation)
        #expect(failure {
            _ = try offices.province.saveSelfAssessment(evaluation, submit: false, set: set, schedule: schedule,
                                                        by: Self.director, at: offices.moment)
        } == .receivedRecord)

        // The officer keeps every score but one, which is lowered with a comment, and confirms.
        for index in evaluation.items.indices { evaluation.items[index].officerScore = evaluation.items[index].selfScore }
        let adjusted = try #require(evaluation.items.firstIndex { ($0.selfScore ?? 0) > 0 })
        evaluation.items[adjusted].officerScore = evaluation.items[adjusted].selfScore! - 1
        evaluation.items[adjusted].officerComment = "Thiếu bảng phân công nhiệm vụ"
        let confirmed = try offices.province.assessEvaluation(evaluation, confirm: true, set: set, schedule: schedule,
                                                              by: Self.officer, at: offices.moment.addingTimeInterval(3600))
        #expect(confirmed.status == .confirmed && confirmed.rank != nil)

        // A later bundle of the commune (sent before the way back) replaces its slice and keeps the assessment.
        let again = try offices.receive(try offices.export(13918, at: offices.moment.addingTimeInterval(7200)))
        #expect(!again.report.changed.contains(entry))
        let renumbered = try #require(try offices.province.centre(code: "TT13918"))
        #expect(renumbered.id != atProvince.id, "the slice was received anew, with new ids")
        let kept = try #require(try offices.province.evaluation(centreID: renumbered.id!, year: 2026))
        #expect(kept.status == .confirmed && kept.items == confirmed.items && kept.rank == confirmed.rank)

        // The way back: the province's bundle carries it; the commune takes the assessment, keeps its own side.
        let back = try receiveAtCommune(offices, try provinceBundle(offices, at: offices.moment.addingTimeInterval(10_800)),
                                        at: offices.moment.addingTimeInterval(10_800))
        #expect(back.report.changed == [entry])
        let atCommune = try #require(try commune.evaluation(centreID: centre.id!, year: 2026))
        #expect(atCommune.uid == sent.uid && atCommune.status == .confirmed && atCommune.rank == confirmed.rank)
        #expect(atCommune.items == confirmed.items)
        #expect(atCommune.item(evaluation.items[adjusted].itemID)?.officerComment == "Thiếu bảng phân công nhiệm vụ")
        #expect(atCommune.history == confirmed.history, "every step, the province's confirmation included")
        #expect(try commune.confirmedRanks()[centre.id!]?[2026] == confirmed.rank, "the commune's roster shows the rank")
        #expect(try commune.evaluationSides(centreID: centre.id!) == EvaluationSides(selfSide: true, officerSide: false))

        // Read-only at the commune: the director's side is closed (confirmed), the officer's is the province's.
        #expect(throws: EvaluationStoreError.refused(.wrongStatus(.confirmed))) {
            _ = try commune.saveSelfAssessment(atCommune, submit: false, set: set, schedule: schedule, by: Self.director,
                                               at: offices.moment.addingTimeInterval(14_400))
        }
        var tampered = atCommune
        tampered.items[adjusted].officerScore = 0
        #expect(failure {
            _ = try commune.assessEvaluation(tampered, confirm: true, set: set, schedule: schedule, by: Self.officer,
                                             at: offices.moment.addingTimeInterval(14_400))
        } == .receivedRecord)
        #expect(failure {
            _ = try commune.returnEvaluation(centreID: centre.id!, year: 2026, reason: "Sửa lại", set: set, by: Self.officer,
                                             at: offices.moment.addingTimeInterval(14_400))
        } == .receivedRecord)
        #expect(try commune.evaluation(centreID: centre.id!, year: 2026) == atCommune, "nothing changed")

        // Received again, nothing new: nothing changes.
        let repeated = try receiveAtCommune(offices, try provinceBundle(offices, at: offices.moment.addingTimeInterval(18_000)),
                                            at: offices.moment.addingTimeInterval(18_000))
        #expect(repeated.report.isEmpty)
    }

    /// A return for revision goes back down with its reason; the director revises and resubmits, and the province
    /// sees the new scores, submitted again, with every step of both offices in order.
    @Test func aReturnGoesDownAndTheRevisionComesBackUp() throws {
        let offices = try ExchangeOffices()
        let commune = offices.communes[13918]!
        let centre = try #require(try commune.centre(code: "TT13918"))
        _ = try offices.receive(try offices.export(13918))
        let atProvince = try #require(try offices.province.centre(code: "TT13918"))
        let held = try #require(try offices.province.evaluation(centreID: atProvince.id!, year: 2026))
        let set = try set(held)
        _ = try offices.province.returnEvaluation(centreID: atProvince.id!, year: 2026, reason: "Bổ sung minh chứng khảo sát",
                                                  set: set, by: Self.officer, at: offices.moment.addingTimeInterval(3600))

        _ = try receiveAtCommune(offices, try provinceBundle(offices, at: offices.moment.addingTimeInterval(3600)),
                                 at: offices.moment.addingTimeInterval(3600))
        var returned = try #require(try commune.evaluation(centreID: centre.id!, year: 2026))
        #expect(returned.status == .selfAssessing)
        #expect(returned.history.last?.action == .returnForRevision && returned.history.last?.comment == "Bổ sung minh chứng khảo sát")

        // The director revises one score and submits again.
        let item = try #require(returned.items.firstIndex { ($0.selfScore ?? 0) > 0 })
        returned.items[item].selfScore! -= 1
        returned.items[item].selfNote = "Đã bổ sung"
        let resubmitted = try commune.saveSelfAssessment(returned, submit: true, set: set, schedule: schedule,
                                                         by: Self.director, at: offices.moment.addingTimeInterval(7200))
        let up = try offices.receive(try offices.export(13918, at: offices.moment.addingTimeInterval(7200)))
        #expect(up.report.changed.contains(MergeReport.Entry(kind: "evaluation", name: "TT13918 2026")))
        let centreNow = try #require(try offices.province.centre(code: "TT13918"))
        let atProvinceNow = try #require(try offices.province.evaluation(centreID: centreNow.id!, year: 2026))
        #expect(atProvinceNow.status == .submitted)
        #expect(atProvinceNow.items == resubmitted.items)
        #expect(atProvinceNow.history.map(\.action).suffix(2) == [.returnForRevision, .submit])
    }

    /// The status the sender's new steps leave: the last one's, whatever the two offices' clocks say.
    @Test func theStatusIsTheLastNewSteps() {
        let t = { (seconds: Double) in Date(timeIntervalSince1970: 1_763_700_000 + seconds) }
        let steps = [EvaluationEvent(action: .saveSelf, username: "a", at: t(0)),
                     EvaluationEvent(action: .submit, username: "a", at: t(10)),
                     EvaluationEvent(action: .returnForRevision, username: "b", at: t(20)),
                     EvaluationEvent(action: .submit, username: "a", at: t(30)),
                     EvaluationEvent(action: .confirm, username: "b", at: t(40))]
        #expect(EvaluationExchange.status(after: []) == nil)
        #expect(EvaluationExchange.status(after: Array(steps.prefix(2))) == .submitted)
        #expect(EvaluationExchange.status(after: Array(steps.prefix(3))) == .selfAssessing)
        #expect(EvaluationExchange.status(after: steps) == .confirmed)
        #expect(EvaluationExchange.status(after: [steps[4], steps[2]]) == .selfAssessing, "order, not time")
    }
}
