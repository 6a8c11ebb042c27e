import Foundation

/// The shipped demo dataset (Resources/demo/demo.json): one province, about a dozen communes, centres in
/// every state. Trainers show the workflows on a fresh copy of it; it never mixes with real data.
public struct DemoDataset: Codable, Sendable {
    public struct StatusStep: Codable, Sendable {
        public var to: CentreStatus
        public var decision: Decision
        public var reason: String
        public var mergedInto: String?
        public var recordedAt: Date
    }

    public struct DemoCentre: Codable, Sendable {
        public var centre: Centre
        public var enteredAt: Date
        /// Status changes after the centre was entered, oldest first.
        public var history: [StatusStep]
        /// Appointments, current and former (their centre id is given when loaded).
        public var board: [BoardMember]
        /// Survey campaigns with their forms.
        public var surveys: [DemoSurvey]
        /// Plans with the steps they went through (plan.history holds the steps).
        public var plans: [Plan]
        /// Evaluations with their history (their centre id is given when loaded); teachers, speakers and
        /// volunteers; a year of money. Absent from datasets written before issue 14.
        public var evaluations: [Evaluation]?
        public var staff: [StaffMember]?
        public var funding: [FundingYear]?
    }

    public struct DemoSurvey: Codable, Sendable {
        public var campaign: SurveyCampaign
        public var responses: [SurveyAnswers]
    }

    /// One account per role, so a trainer can show what each role sees. Their passwords are shown on the
    /// demo's sign-in screen; the data file keeps only the hashes.
    public struct DemoAccount: Codable, Sendable {
        public var username: String
        public var fullName: String
        public var roles: [Role]
        public var password: String
        public var passwordHash: String
        /// The account's scope: the centre of this code, or the commune of this unit code; neither is the office.
        public var scopeCentreCode: String?
        public var scopeCommune: Int?

        public var account: Account { Account(username: username, fullName: fullName, roles: Set(roles)) }
    }

    /// When the demo office was set up; entries of the audit trail for the set-up carry this date.
    public var createdAt: Date
    public var office: OfficeSettings
    public var accounts: [DemoAccount]
    public var centres: [DemoCentre]

    public static func decode(_ data: Data) throws -> DemoDataset {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(DemoDataset.self, from: data)
    }
}
