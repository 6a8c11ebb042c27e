import Domain
import Storage
import TerminalUI

/// Every screen of the program, with what it needs to open (ids, read afresh from the data file), its title in
/// menus, the permission it takes and its menu group. The app opens screens from routes only: F9 and the go-to
/// list (Ctrl-O) are generated from here. Adding a screen: its file, a case here, and its strings.
enum Route: Hashable, Sendable {
    case signIn(username: String)
    case createAdmin
    case roster
    case centreForm(centreID: Int64?)
    case statusHistory(centreID: Int64)
    case settings(firstRun: Bool)
    case board(centreID: Int64, asOf: LocalDate?)
    case memberForm(centreID: Int64, memberID: Int64?, purpose: MemberFormScreen.Purpose)
    case trainings(memberID: Int64)
    case trainingForm(memberID: Int64)
    case compliance
    case accounts
    case accountForm(username: String?)
    case changePassword
    case audit
    case campaigns(centreID: Int64)
    case campaignForm(centreID: Int64, campaignID: Int64?)
    case surveyEntry(campaignID: Int64, responseID: Int64?)
    case responses(campaignID: Int64)
    case needs(campaignID: Int64)
    case surveyImport(campaignID: Int64)
    case plans(centreID: Int64)
    case plan(planID: Int64)
    case planHeader(centreID: Int64, planID: Int64?)
    case activity(planID: Int64, index: Int?)
    case inbox
    case backup
    case evaluations(year: Int?)
    case evaluation(centreID: Int64, year: Int?)
    case evaluationItem(centreID: Int64, year: Int, itemID: String)
    case staff(centreID: Int64)
    case staffForm(centreID: Int64, staffID: Int64?)
    case staffTraining(staffID: Int64)
    case funding(centreID: Int64, year: Int?)
    case fundingPlan(centreID: Int64, year: Int)
    case receiptForm(centreID: Int64, year: Int)
    case targets(year: Int?)
    case thresholds

    case exchangeSend
    case exchangeReceive
    case exchangeRollUp

    /// The groups of the menu, in the order shown.
    enum MenuGroup: Int, CaseIterable, Sendable { case centres, board, surveys, plans, evaluation, exchange, system }

    /// The routes the menu offers, for the centre the person is looking at (if any); filtered by permission later.
    static func menu(centreID: Int64?) -> [Route] {
        var routes: [Route] = [.roster, .centreForm(centreID: nil)]
        if let centreID {
            routes += [.statusHistory(centreID: centreID), .board(centreID: centreID, asOf: nil),
                       .staff(centreID: centreID)]
        }
        routes.append(.compliance)
        if let centreID { routes += [.campaigns(centreID: centreID), .plans(centreID: centreID)] }
        routes.append(.inbox)
        if let centreID { routes += [.evaluation(centreID: centreID, year: nil), .funding(centreID: centreID, year: nil)] }
        routes += [.evaluations(year: nil), .targets(year: nil)]
        routes += [.exchangeSend, .exchangeReceive, .exchangeRollUp]
        routes += [.settings(firstRun: false), .thresholds, .backup, .accounts, .audit, .changePassword]
        return routes
    }

    /// The menu entry's words, and its group; nil for screens reached only from another screen (forms...).
    var menuEntry: (title: StringKey, group: MenuGroup)? {
        switch self {
        case .roster: return (.menuRoster, .centres)
        case .centreForm(nil): return (.menuAdd, .centres)
        case .statusHistory: return (.menuHistory, .centres)
        case .board: return (.menuBoard, .board)
        case .compliance: return (.menuCompliance, .board)
        case .campaigns: return (.menuSurveys, .surveys)
        case .plans: return (.menuPlans, .plans)
        case .inbox: return (.menuInbox, .plans)
        case .staff: return (.menuStaff, .board)
        case .evaluation: return (.menuEvaluation, .evaluation)
        case .funding: return (.menuFunding, .evaluation)
        case .evaluations: return (.menuEvaluations, .evaluation)
        case .targets: return (.menuTargets, .evaluation)
        case .thresholds: return (.menuThresholds, .system)
        case .exchangeSend: return (.exchangeSendTitle, .exchange)
        case .exchangeReceive: return (.exchangeReceiveTitle, .exchange)
        case .exchangeRollUp: return (.exchangeRollUpTitle, .exchange)
        case .settings: return (.menuSettings, .system)
        case .accounts: return (.menuAccounts, .system)
        case .audit: return (.menuAudit, .system)
        case .backup: return (.menuBackup, .system)
        case .changePassword: return (.menuChangePassword, .system)
        default: return nil
        }
    }

    /// The Ctrl letter that opens the route from any screen (for the centre in view, where it takes one).
    var shortcut: CtrlKey? {
        switch self {
        case .board: return .board
        case .campaigns: return .surveys
        case .plans: return .plans
        case .inbox: return .inbox
        case .compliance: return .compliance
        case .settings(firstRun: false): return .settings
        default: return nil
        }
    }

    /// The route a Ctrl letter opens, for the centre in view.
    static func forShortcut(_ key: CtrlKey, centreID: Int64?) -> Route? {
        menu(centreID: centreID).first { $0.shortcut == key }
    }

    /// What the person must be allowed to do to open the screen at all (reading is everyone's right).
    var permission: Permission? {
        switch self {
        case .centreForm(nil): return .editCentres
        case .memberForm(_, nil, _), .memberForm(_, _, .endTerm), .trainingForm: return .editBoards
        case .accounts, .accountForm: return .manageAccounts
        case .audit: return .viewAudit
        case .backup: return .changeSettings
        case .campaignForm, .surveyImport, .surveyEntry(_, nil): return .editSurveys
        case .planHeader(_, nil): return .draftPlans
        case .inbox: return .approvePlans
        case .staffForm(_, nil), .staffTraining: return .editBoards
        case .fundingPlan, .receiptForm: return .recordFunding
        case .thresholds: return .changeSettings
        case .exchangeSend, .exchangeReceive: return .exchangeData
        default: return nil
        }
    }

    /// Screens that need no one signed in.
    var isOpenBeforeSignIn: Bool {
        switch self {
        case .signIn, .createAdmin: return true
        default: return false
        }
    }

    /// A record the route names is no longer in the data file.
    struct RecordGone: Error {}

    /// The screen, built from what the data file holds now.
    @MainActor
    func make(_ ctx: AppContext) throws -> any ScreenHost {
        let db = ctx.database
        func centre(_ id: Int64) throws -> Centre {
            guard let found = try db.centre(id: id) else { throw RecordGone() }
            return found
        }
        func campaign(_ id: Int64) throws -> (SurveyCampaign, Centre) {
            guard let found = try db.campaign(id: id) else { throw RecordGone() }
            return (found, try centre(found.centreID))
        }
        func member(_ id: Int64) throws -> BoardMember {
            guard let found = try db.boardMember(id: id) else { throw RecordGone() }
            return found
        }
        func plan(_ id: Int64) throws -> Plan {
            guard let found = try db.plan(id: id) else { throw RecordGone() }
            return found
        }
        switch self {
        case .signIn(let username): return SignInScreen(ctx: ctx, username: username)
        case .createAdmin: return CreateAdminScreen(ctx: ctx)
        case .roster: return RosterScreen(ctx: ctx)
        case .centreForm(let id): return CentreFormScreen(ctx: ctx, editing: try id.map(centre))
        case .statusHistory(let id): return StatusHistoryScreen(ctx: ctx, centre: try centre(id))
        case .settings(let firstRun): return OfficeSettingsScreen(ctx: ctx, firstRun: firstRun)
        case .board(let id, let asOf): return BoardScreen(ctx: ctx, centre: try centre(id), asOf: asOf)
        case .memberForm(let centreID, let memberID, let purpose):
            return MemberFormScreen(ctx: ctx, centre: try centre(centreID), member: try memberID.map(member),
                                    purpose: purpose)
        case .trainings(let id):
            let found = try member(id)
            return TrainingScreen(ctx: ctx, centre: try centre(found.centreID), member: found)
        case .trainingForm(let id):
            let found = try member(id)
            return TrainingFormScreen(ctx: ctx, trainee: .member(found))
        case .compliance: return ComplianceScreen(ctx: ctx)
        case .accounts: return AccountsScreen(ctx: ctx)
        case .accountForm(let username):
            let account = try username.map { name in
                guard let found = try db.accounts().first(where: { $0.username == name }) else { throw RecordGone() }
                return found
            }
            return AccountFormScreen(ctx: ctx, account: account)
        case .changePassword: return ChangePasswordScreen(ctx: ctx)
        case .audit: return AuditScreen(ctx: ctx)
        case .backup: return BackupScreen(ctx: ctx)
        case .campaigns(let id): return CampaignsScreen(ctx: ctx, centre: try centre(id))
        case .campaignForm(let centreID, let campaignID):
            return CampaignFormScreen(ctx: ctx, centre: try centre(centreID), campaign: try campaignID.map { try campaign($0).0 })
        case .surveyEntry(let campaignID, let responseID):
            let (found, owner) = try campaign(campaignID)
            let editing = try responseID.map { id in
                guard let response = try db.response(id: id), response.campaignID == campaignID else {
                    throw RecordGone()
                }
                return response
            }
            return SurveyEntryScreen(ctx: ctx, campaign: found, centre: owner, questionnaire: try questionnaire(ctx),
                                     editing: editing)
        case .responses(let id):
            let (found, owner) = try campaign(id)
            return ResponseListScreen(ctx: ctx, campaign: found, centre: owner, questionnaire: try questionnaire(ctx))
        case .needs(let id):
            let (found, owner) = try campaign(id)
            return NeedsScreen(ctx: ctx, campaign: found, centre: owner, questionnaire: try questionnaire(ctx))
        case .surveyImport(let id):
            let (found, owner) = try campaign(id)
            return ImportScreen(ctx: ctx, campaign: found, centre: owner, questionnaire: try questionnaire(ctx))
        case .plans(let id): return PlansScreen(ctx: ctx, centre: try centre(id))
        case .plan(let id):
            let found = try plan(id)
            return PlanEditorScreen(ctx: ctx, centre: try centre(found.centreID), plan: found)
        case .planHeader(let centreID, let planID):
            return PlanHeaderFormScreen(ctx: ctx, centre: try centre(centreID), plan: try planID.map(plan))
        case .activity(let planID, let index):
            let found = try plan(planID)
            guard index.map(found.activities.indices.contains) ?? true else { throw RecordGone() }
            return ActivityFormScreen(ctx: ctx, centre: try centre(found.centreID), plan: found, index: index)
        case .inbox: return ApprovalInboxScreen(ctx: ctx)
        case .evaluations(let year): return EvaluationsScreen(ctx: ctx, year: year ?? ctx.clock.today.year)
        case .evaluation(let id, let year):
            return EvaluationScreen(ctx: ctx, centre: try centre(id), year: year ?? ctx.clock.today.year)
        case .evaluationItem(let id, let year, let itemID):
            guard let screen = EvaluationItemFormScreen(ctx: ctx, centre: try centre(id), year: year, itemID: itemID) else {
                throw RecordGone()
            }
            return screen
        case .staff(let id): return StaffScreen(ctx: ctx, centre: try centre(id))
        case .staffForm(let id, let staffID):
            let person = try staffID.map { staffID in
                guard let found = try db.staffMember(id: staffID) else { throw RecordGone() }
                return found
            }
            return StaffFormScreen(ctx: ctx, centre: try centre(id), person: person)
        case .staffTraining(let staffID):
            guard let person = try db.staffMember(id: staffID) else { throw RecordGone() }
            return TrainingFormScreen(ctx: ctx, trainee: .staff(person))
        case .funding(let id, let year):
            return FundingScreen(ctx: ctx, centre: try centre(id), year: year ?? ctx.clock.today.year)
        case .fundingPlan(let id, let year): return FundingPlanFormScreen(ctx: ctx, centre: try centre(id), year: year)
        case .receiptForm(let id, let year): return ReceiptFormScreen(ctx: ctx, centre: try centre(id), year: year)
        case .targets(let year): return TargetsScreen(ctx: ctx, year: year ?? ctx.clock.today.year)
        case .thresholds: return ThresholdsScreen(ctx: ctx)
        case .exchangeSend: return SendScreen(ctx: ctx)
        case .exchangeReceive: return ReceiveScreen(ctx: ctx)
        case .exchangeRollUp: return RollUpScreen(ctx: ctx)
        }
    }

    /// The questionnaire shipped with the program; without it no survey screen can open.
    struct QuestionnaireMissing: Error {}

    @MainActor
    private func questionnaire(_ ctx: AppContext) throws -> Questionnaire {
        guard let found = ShippedQuestionnaire.current else { throw QuestionnaireMissing() }
        return found
    }
}
