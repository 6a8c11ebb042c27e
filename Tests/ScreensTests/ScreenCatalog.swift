import Domain
import Foundation
import Storage
import TerminalUI
import Testing
@testable import Screens

/// Every screen the demo data can show, as routes with real ids: what the layout and keymap tests walk.
@MainActor
enum ScreenCatalog {
    /// Someone who holds every role, so that every screen and every key is offered.
    nonisolated static let everyRole = Account(username: "quantri", fullName: "Nguyễn Văn Quản Trị", roles: Set(Role.allCases))

    static func routes(_ db: AppDatabase) throws -> [Route] {
        let centres = try db.allCentres()
        func centre(_ code: String) throws -> Int64 { try #require(centres.first { $0.code == code }?.id) }
        let nghiaSon = try centre("TT13918")
        let nghiaLam = try centre("TT13957")
        let member = try #require(try db.boardMembers(centreID: nghiaLam).first?.id)
        let campaign = try #require(try db.campaigns(centreID: nghiaSon).first?.id)
        let response = try #require(try db.responses(campaignID: campaign).first?.id)
        let plans = try db.plans()
        let withActivities = try #require(plans.first { !$0.activities.isEmpty && $0.status != .approved }?.id)
        let approved = try #require(plans.first { $0.status == .approved && !$0.activities.isEmpty }?.id)
        var routes: [Route] = [
            .signIn(username: ""), .createAdmin, .roster, .centreForm(centreID: nil), .centreForm(centreID: nghiaSon),
            .statusHistory(centreID: try centre("TT14398")), .settings(firstRun: false), .settings(firstRun: true),
            .board(centreID: nghiaLam, asOf: nil), .memberForm(centreID: nghiaLam, memberID: nil, purpose: .add),
            .memberForm(centreID: nghiaLam, memberID: member, purpose: .edit),
            .memberForm(centreID: nghiaLam, memberID: member, purpose: .endTerm), .trainings(memberID: member),
            .trainingForm(memberID: member), .compliance, .accounts, .accountForm(username: nil),
            .accountForm(username: "canbo"), .changePassword, .audit, .campaigns(centreID: nghiaSon),
            .campaignForm(centreID: nghiaSon, campaignID: nil), .campaignForm(centreID: nghiaSon, campaignID: campaign),
            .surveyEntry(campaignID: campaign, responseID: nil), .surveyEntry(campaignID: campaign, responseID: response),
            .responses(campaignID: campaign), .needs(campaignID: campaign), .surveyImport(campaignID: campaign),
            .plans(centreID: nghiaSon), .planHeader(centreID: nghiaSon, planID: nil),
            .planHeader(centreID: nghiaSon, planID: withActivities), .activity(planID: withActivities, index: nil),
            .activity(planID: withActivities, index: 0), .activity(planID: approved, index: 0), .inbox, .backup,
            .exchangeSend, .exchangeReceive, .exchangeRollUp,
        ]
        routes += plans.compactMap { $0.id.map { Route.plan(planID: $0) } }
        let hoaLu = try centre("TT14329")
        let staff = try #require(try db.staffMembers(centreID: hoaLu).first?.id)
        routes += [
            .evaluations(year: 2026), .evaluation(centreID: hoaLu, year: 2026), .evaluation(centreID: nghiaSon, year: 2026),
            .evaluation(centreID: try centre("TT14638"), year: 2026),
            .evaluationItem(centreID: nghiaSon, year: 2026, itemID: "survey"),
            .evaluationItem(centreID: hoaLu, year: 2026, itemID: "impact"), .staff(centreID: hoaLu),
            .staffForm(centreID: hoaLu, staffID: nil), .staffForm(centreID: hoaLu, staffID: staff),
            .staffTraining(staffID: staff), .funding(centreID: hoaLu, year: 2026), .fundingPlan(centreID: hoaLu, year: 2026),
            .receiptForm(centreID: hoaLu, year: 2026), .targets(year: 2026), .thresholds,
        ]
        return routes
    }

    /// A harness at `size` with the route's screen on top.
    static func open(_ route: Route, language: Language, size: Size) throws -> Harness {
        let h = try Harness(.demo, language: language, account: everyRole)
        reopen(h, route, size: size)
        return h
    }

    /// The same harness with only the route's screen above the first one: no pop-up, no message left over.
    static func reopen(_ h: Harness, _ route: Route, size: Size) {
        h.app.modal = nil
        h.app.message = nil
        h.app.stack = Array(h.app.stack.prefix(1))
        h.size = size
        h.app.open(route)
    }
}

/// What the layout test needs to know of a list screen: the text of its last row, which must be reachable.
@MainActor
protocol LastRowProbe { func lastRowText(_ ctx: AppContext) -> String? }

extension EvaluationsScreen: LastRowProbe {
    func lastRowText(_ ctx: AppContext) -> String? { shown.last?.centre.code }
}
extension EvaluationScreen: LastRowProbe {
    func lastRowText(_ ctx: AppContext) -> String? { items.last.map { String(ctx.strings.text($0.title).prefix(12)) } }
}
extension StaffScreen: LastRowProbe {
    func lastRowText(_ ctx: AppContext) -> String? { people.last?.fullName }
}
extension FundingScreen: LastRowProbe {
    func lastRowText(_ ctx: AppContext) -> String? { funding.receipts.last.map { ctx.strings.money($0.amount) } }
}
extension RosterScreen: LastRowProbe {
    func lastRowText(_ ctx: AppContext) -> String? { shown.last?.centre.code }
}
extension StatusHistoryScreen: LastRowProbe {
    func lastRowText(_ ctx: AppContext) -> String? { changes.last.map { cells($0, ctx.strings)[1] } }
}
extension TrainingScreen: LastRowProbe {
    func lastRowText(_ ctx: AppContext) -> String? { trainings.last?.topic }
}
extension ComplianceScreen: LastRowProbe {
    func lastRowText(_ ctx: AppContext) -> String? { shown.last?.centre.code }
}
extension AccountsScreen: LastRowProbe {
    func lastRowText(_ ctx: AppContext) -> String? { accounts.last?.username }
}
extension AuditScreen: LastRowProbe {
    func lastRowText(_ ctx: AppContext) -> String? { entries.last.map { Timestamp.display($0.at) } }
}
extension CampaignsScreen: LastRowProbe {
    func lastRowText(_ ctx: AppContext) -> String? { campaigns.last?.title }
}
extension ResponseListScreen: LastRowProbe {
    func lastRowText(_ ctx: AppContext) -> String? { shown.last?.serial }
}
extension PlansScreen: LastRowProbe {
    func lastRowText(_ ctx: AppContext) -> String? { plans.last.map { ctx.strings.name($0.kind, month: $0.month) } }
}
extension ApprovalInboxScreen: LastRowProbe {
    func lastRowText(_ ctx: AppContext) -> String? { items.last?.centre.code }
}
extension PlanEditorScreen: LastRowProbe {
    func lastRowText(_ ctx: AppContext) -> String? {
        plan.activities.isEmpty ? nil : String(plan.activities.count) + " "
    }
}
extension NeedsScreen: LastRowProbe {
    func lastRowText(_ ctx: AppContext) -> String? {
        let topics = questionnaire.question("topics")
        // The chart's label column is 28 wide: a longer name ends in "…" there (F3 shows it whole).
        return analysis.topics.last.map { tally in
            DisplayWidth.truncate(topics.map { ctx.strings.label(of: tally.code, in: $0, questionnaire) } ?? "", to: 28)
        }
    }
}
