import Domain

/// The audit trail's words for the records of issue 14: evaluations, the register, the money.
extension AuditWords {
    func evaluationRecordType(_ type: String) -> String? {
        switch type {
        case "evaluation": return s[.auditTypeEvaluation]
        case "staffMember": return s[.auditTypeStaff]
        case "fundingYear": return s[.auditTypeFundingYear]
        case "fundingReceipt": return s[.auditTypeReceipt]
        default: return nil
        }
    }

    /// An evaluation's item fields ("item.survey.officer") are named by the criterion's title.
    func evaluationField(_ type: String, _ field: String) -> String? {
        if type == "evaluation", field.hasPrefix("item.") {
            let parts = field.split(separator: ".").map(String.init)
            guard parts.count == 3 else { return nil }
            let title = EvaluationRules.shipped?.catalog.sets.lazy.compactMap { $0.item(parts[1]) }.first
                .map { s.text($0.title) } ?? parts[1]
            switch parts[2] {
            case "evidence": return s(.auditFieldItemEvidence, title)
            case "override": return s(.auditFieldItemOverride, title)
            case "self": return s(.auditFieldItemSelf, title)
            case "officer": return s(.auditFieldItemOfficer, title)
            default: return nil
            }
        }
        switch (type, field) {
        case (_, "uid"): return s[.auditFieldUid]
        case ("evaluation", "criteriaSet"): return s[.auditFieldCriteriaSet]
        case ("evaluation", "selfTotal"): return s[.auditFieldSelfTotal]
        case ("evaluation", "total"): return s[.auditFieldTotal]
        case ("evaluation", "selfRank"): return s[.auditFieldSelfRank]
        case ("evaluation", "rank"): return s[.auditFieldRank]
        case ("staffMember", "kind"): return s[.columnStaffKind]
        case ("staffMember", "field"): return s[.fieldStaffField]
        case ("staffMember", "workplace"): return s[.fieldStaffWorkplace]
        case ("staffMember", "phone"): return s[.fieldPhone]
        case ("staffMember", "active"): return s[.fieldStaffActive]
        case ("staffMember", "trainings"): return s[.auditFieldTrainings]
        case ("fundingReceipt", "date"): return s[.columnDate]
        case ("fundingReceipt", "source"): return s[.fieldReceiptSource]
        case ("fundingReceipt", "amount"): return s[.fieldAmount]
        case ("fundingReceipt", "donor"): return s[.fieldDonor]
        case ("fundingReceipt", "note"), ("fundingYear", "note"): return s[.fieldNotes]
        case ("fundingYear", "estimate"): return s[.fieldEstimate]
        case ("fundingYear", "preparedBy"): return s[.fieldPreparedBy]
        case ("fundingYear", "allocated"): return s[.fieldAllocated]
        default: return nil
        }
    }
}
