import Foundation

extension Centre: Audited {
    public static var auditRecordType: String { "centre" }

    public var auditFields: [String: String] {
        var fields: [String: String] = [
            "code": code, "name": name, "provinceCode": String(provinceCode),
            "communeCode": communeCode.map(String.init) ?? "", "address": address,
            "establishment": establishment.auditText, "model": model.rawValue, "isPilot": isPilot ? "yes" : "no",
            "status": status.rawValue, "statusDecision": statusDecision.auditText, "statusReason": statusReason,
            "mergedInto": mergedInto ?? "", "otherFacilities": otherFacilities,
            "venues": venues.map { "\($0.name) (\($0.kind.rawValue), \($0.village))" }.joined(separator: "; "),
            "villages": villages.joined(separator: "; "),
        ]
        for item in facilities { fields["facility." + item.kind.rawValue] = item.present ? "\(item.count)" : "-" }
        return fields
    }
}

extension BoardMember: Audited {
    public static var auditRecordType: String { "boardMember" }

    public var auditFields: [String: String] {
        [
            "centreID": String(centreID), "fullName": fullName, "sex": sex.rawValue,
            "birthYear": birthYear.map(String.init) ?? "", "role": role.rawValue, "homeBody": homeBody.rawValue,
            "position": position.rawValue, "post": post, "employment": employment.rawValue,
            "decision": decision.auditText, "termStart": termStart?.iso ?? "", "termEnd": termEnd?.iso ?? "",
            "duties": duties, "phone": phone,
            "trainings": trainings.map { "\($0.date.iso) \($0.topic) \($0.hours)h \($0.organiser)" }.joined(separator: "; "),
        ]
    }
}

extension Account: Audited {
    public static var auditRecordType: String { "account" }

    /// Never the password or its hash. The scope only when it limits the account, so that the entries written
    /// before scopes existed still replay to what the file holds.
    public var auditFields: [String: String] {
        var fields = ["username": username, "fullName": fullName,
                      "roles": roles.sorted().map(\.rawValue).joined(separator: ","), "active": active ? "yes" : "no"]
        switch scope {
        case .office: break
        case .commune(let code): fields["scope"] = "commune:\(code)"
        case .centre(let id): fields["scope"] = "centre:\(id)"
        }
        return fields
    }
}

extension Decision {
    var auditText: String {
        isEmpty ? "" : [number, date?.iso ?? "", issuer].joined(separator: " | ")
    }
}
