import Foundation

extension Evaluation: Audited {
    public static var auditRecordType: String { "evaluation" }

    /// Each item's figures and words, so the trail shows who scored what and why.
    public var auditFields: [String: String] {
        var fields: [String: String] = [
            "uid": uid, "centreID": String(centreID), "year": String(year), "criteriaSet": criteriaSetID,
            "status": status.rawValue, "selfTotal": String(selfTotal), "total": String(total),
            "selfRank": selfRank?.rawValue ?? "", "rank": rank?.rawValue ?? "",
        ]
        for item in items {
            let key = "item." + item.itemID
            fields[key + ".evidence"] = item.evidence.map { "\($0.achieved)/\($0.outOf)" } ?? ""
            fields[key + ".override"] = item.override.map { "\($0.achieved)/\($0.outOf) (\(item.overrideReason))" } ?? ""
            fields[key + ".self"] = (item.selfScore.map(String.init) ?? "") + (item.selfNote.isEmpty ? "" : " " + item.selfNote)
            fields[key + ".officer"] = (item.officerScore.map(String.init) ?? "")
                + (item.officerComment.isEmpty ? "" : " " + item.officerComment)
        }
        return fields
    }
}

extension StaffMember: Audited {
    public static var auditRecordType: String { "staffMember" }

    public var auditFields: [String: String] {
        ["uid": uid, "centreID": String(centreID), "fullName": fullName, "kind": kind.rawValue, "field": field,
         "workplace": workplace, "phone": phone, "active": active ? "yes" : "no",
         "trainings": trainings.map { "\($0.date.iso) \($0.topic) \($0.hours)h \($0.organiser)" }.joined(separator: "; ")]
    }
}

extension FundingReceipt: Audited {
    public static var auditRecordType: String { "fundingReceipt" }

    public var auditFields: [String: String] {
        ["uid": uid, "centreID": String(centreID), "date": date.iso, "source": source.rawValue,
         "amount": String(amount), "donor": donor, "note": note]
    }
}

extension FundingYear: Audited {
    public static var auditRecordType: String { "fundingYear" }

    /// The estimate and allocation only: receipts are audited one by one, spending is read from the plans.
    public var auditFields: [String: String] {
        ["centreID": String(centreID), "year": String(year), "estimate": String(estimate), "preparedBy": preparedBy,
         "allocated": String(allocated), "note": note]
    }
}
