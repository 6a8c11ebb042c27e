/// What an audit entry is about, as a person names it: the record's own words (a centre's name, a member's full
/// name and centre, a plan's title and centre), looked up when the trail is read. Entries point to records by
/// type and id; these are the names those ids stand for now, or, for a removed record, what its entry said.
public enum AuditSubject: Hashable, Sendable {
    case centre(name: String)
    case boardMember(fullName: String, sex: Sex?, centreName: String)
    case plan(title: String, centreName: String, activity: Int?)
    case campaign(title: String, centreName: String)
    case response(serial: String, centreName: String)
    case importBatch(fileName: String, centreName: String)
    /// An import whose file had no name (the demo's, a bulk load): by its count and campaign.
    case importedForms(rows: Int, campaignTitle: String, centreName: String)
    case account(username: String, fullName: String)
    case evaluation(year: Int, centreName: String)
    case staffMember(fullName: String, centreName: String)
    case fundingYear(year: Int, centreName: String)
    /// A receipt by its date (ISO) and amount in đồng: receipts have no name of their own.
    case receipt(date: String, amount: Int, centreName: String)
    case setting(key: String)
    case dataset
    /// A record no longer found and whose entry names nothing: its kind and id.
    case unknown(recordType: String, recordID: String)
}

/// The record types and actions the audit trail holds: the catalog has a word for each, and a test checks it.
public enum AuditVocabulary {
    public static let recordTypes = ["centre", "boardMember", "account", "plan", "setting", "surveyCampaign",
                                     "surveyResponse", "importBatch", "dataset", "evaluation", "staffMember",
                                     "fundingYear", "fundingReceipt", "exchange"]
    public static let actions = ["create", "update", "delete", "signIn", "lock", "passwordChanged", "import", "renumber",
                                 "amend", "bulkLoad", "recordOutcome", "confirm", "receive", "handOver", "takeBack",
                                 "handedOver", "takenOver"] + PlanAction.allCases.map(\.rawValue)
}
