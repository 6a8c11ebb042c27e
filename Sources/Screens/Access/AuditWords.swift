import Domain
import Foundation
import Storage

/// The audit trail in the words of the people who read it: records by their names, actions, fields and values
/// from the catalog, dates as dd/mm/yyyy. The trail itself keeps program names, so that its hash chain never
/// depends on the language of the screen.
struct AuditWords {
    let s: Strings
    let units: UnitDirectory
    let questionnaire: Questionnaire?
    /// The names of the centres the entries on screen point to by id (``AppDatabase/auditCentreNames(for:)``).
    var centreNames: [Int64: String] = [:]
    /// The titles of the survey campaigns they point to by id.
    var campaignTitles: [Int64: String] = [:]

    /// "Trung tâm", "Thành viên Ban giám đốc"...; nil for a type the catalog does not know.
    func recordType(_ type: String) -> String? {
        switch type {
        case "centre": return s[.auditTypeCentre]
        case "boardMember": return s[.auditTypeBoardMember]
        case "account": return s[.auditTypeAccount]
        case "plan": return s[.auditTypePlan]
        case "planActivity": return s[.auditTypePlanActivity]
        case "setting": return s[.auditTypeSetting]
        case "surveyCampaign": return s[.auditTypeCampaign]
        case "surveyResponse": return s[.auditTypeResponse]
        case "importBatch": return s[.auditTypeImportBatch]
        case "dataset": return s[.auditTypeDataset]
        case "exchange": return s[.auditTypeExchange]
        default: return evaluationRecordType(type)
        }
    }

    /// "tạo", "phê duyệt"...; nil for an action the catalog does not know.
    func action(_ action: String) -> String? {
        switch action {
        case "create": return s[.auditCreate]
        case "update": return s[.auditUpdate]
        case "delete": return s[.auditDelete]
        case "signIn": return s[.auditSignIn]
        case "lock": return s[.auditLock]
        case "passwordChanged": return s[.auditPasswordChanged]
        case "import": return s[.auditImport]
        case "receive": return s[.auditReceive]
        case "handOver": return s[.auditHandOver]
        case "takeBack": return s[.auditTakeBack]
        case "handedOver": return s[.auditHandedOver]
        case "takenOver": return s[.auditTakenOver]
        case "renumber": return s[.auditRenumber]
        case "amend": return s[.auditAmend]
        case "bulkLoad": return s[.auditBulkLoad]
        case "recordOutcome": return s[.auditRecordOutcome]
        case PlanAction.submit.rawValue: return s[.auditSubmit]
        case PlanAction.approve.rawValue: return s[.auditApprove]
        case PlanAction.returnForRevision.rawValue: return s[.auditReturn]
        case PlanAction.supersede.rawValue: return s[.auditSupersede]
        case "confirm": return s[.auditConfirm]
        default: return nil
        }
    }

    /// The record as a person names it: "Ông Nguyễn Văn Hải (Ban giám đốc TTHTCĐ xã Nghĩa Sơn)".
    func subject(_ subject: AuditSubject) -> String {
        func inCentre(_ text: String, _ centre: String) -> String {
            centre.isEmpty ? text : s(.subjectInCentre, text, s.abbreviated(centreName: centre))
        }
        switch subject {
        case .centre(let name): return name
        case .boardMember(let name, let sex, let centre):
            let person = sex.map { ($0 == .female ? s[.honorificFemale] : s[.honorificMale]) + " " + name } ?? name
            return centre.isEmpty ? person : s(.subjectMember, person, s.abbreviated(centreName: centre))
        case .plan(let title, let centre, let activity):
            let plan = inCentre(title, centre)
            return activity.map { s(.subjectPlanActivity, $0, plan) } ?? plan
        case .campaign(let title, let centre): return inCentre(title, centre)
        case .response(let serial, let centre): return inCentre(s(.subjectResponse, serial), centre)
        case .importBatch(let file, let centre): return inCentre(s(.subjectImport, file), centre)
        case .importedForms(let rows, let campaign, let centre): return inCentre(s(.subjectImportForms, rows, campaign), centre)
        case .account(let username, let fullName): return s(.subjectAccount, fullName, username)
        case .evaluation(let year, let centre): return inCentre(s(.subjectEvaluation, year), centre)
        case .staffMember(let name, let centre):
            return centre.isEmpty ? name : s(.subjectStaff, name, s.abbreviated(centreName: centre))
        case .fundingYear(let year, let centre): return inCentre(s(.subjectFundingYear, year), centre)
        case .receipt(let date, let amount, let centre):
            return inCentre(s(.subjectReceipt, s.money(amount), Self.isoDate(date)?.vietnamese ?? date), centre)
        case .setting(let key): return s(.subjectSetting, settingName(key))
        case .dataset: return s[.auditTypeDataset]
        case .unknown(let type, let id): return s(.subjectUnknown, recordType(type) ?? type, id)
        }
    }

    /// The field's name in the catalog's words; nil for a field the catalog does not know.
    func field(_ type: String, _ field: String) -> String? {
        if field.hasPrefix("facility."), let kind = FacilityKind(rawValue: String(field.dropFirst(9))) { return s.name(kind) }
        if field.hasPrefix("activity."), let number = Int(field.dropFirst(9)) { return s(.auditFieldActivity, number) }
        if type == "dataset" { return recordType(field).map { s(.auditFieldCount, $0) } }
        if type == "surveyResponse" {
            if field.hasPrefix("override.") {
                let question = field.dropFirst(9).split(separator: ".").first.map(String.init) ?? ""
                return s(.auditFieldOverride, questionLabel(question) ?? question)
            }
            return questionLabel(field)
        }
        switch (type, field) {
        case ("centre", "code"): return s[.auditFieldCode]
        case ("centre", "name"): return s[.fieldName]
        case (_, "provinceCode"): return s[.fieldProvince]
        case (_, "communeCode"): return s[.fieldCommune]
        case ("centre", "address"): return s[.fieldAddress]
        case ("centre", "establishment"): return s[.auditFieldEstablishment]
        case ("centre", "model"): return s[.fieldModel]
        case ("centre", "isPilot"): return s[.fieldPilot]
        case (_, "status"): return s[.fieldStatus]
        case ("centre", "statusDecision"): return s[.auditFieldStatusDecision]
        case ("centre", "statusReason"): return s[.fieldStatusReason]
        case ("centre", "mergedInto"): return s[.fieldMergedInto]
        case ("centre", "otherFacilities"): return s[.fieldOtherFacilities]
        case ("centre", "venues"): return s[.auditFieldVenues]
        case ("centre", "villages"): return s[.auditFieldVillages]
        case (_, "centreID"): return s[.auditFieldCentre]
        case (_, "fullName"): return s[.fieldFullName]
        case ("boardMember", "sex"): return s[.fieldSex]
        case ("boardMember", "birthYear"): return s[.fieldBirthYear]
        case ("boardMember", "role"): return s[.fieldRole]
        case ("boardMember", "homeBody"): return s[.fieldHomeBody]
        case ("boardMember", "position"): return s[.fieldPosition]
        case ("boardMember", "post"): return s[.fieldPost]
        case ("boardMember", "employment"): return s[.fieldEmployment]
        case ("boardMember", "decision"): return s[.auditFieldAppointment]
        case ("boardMember", "termStart"): return s[.fieldTermStart]
        case ("boardMember", "termEnd"): return s[.fieldTermEnd]
        case ("boardMember", "duties"): return s[.fieldDuties]
        case ("boardMember", "phone"): return s[.fieldPhone]
        case ("boardMember", "trainings"): return s[.auditFieldTrainings]
        case ("account", "username"): return s[.fieldUsername]
        case ("account", "roles"): return s[.auditFieldRoles]
        case ("account", "active"): return s[.fieldActive]
        case ("account", "scope"): return s[.auditFieldScope]
        case ("plan", "kind"): return s[.auditFieldPlanKind]
        case (_, "year"): return s[.auditFieldYear]
        case ("plan", "month"): return s[.fieldPlanMonth]
        case ("plan", "title"): return s[.fieldPlanTitle]
        case ("plan", "legalBases"): return s[.fieldLegalBases]
        case ("plan", "campaigns"), ("importBatch", "campaign"): return s[.auditTypeCampaign]
        case ("plan", "targetClasses"): return s[.fieldTargetClasses]
        case ("plan", "targetTalks"): return s[.fieldTargetTalks]
        case ("plan", "targetLearners"): return s[.fieldTargetLearners]
        case ("plan", "version"): return s[.auditFieldVersion]
        case ("plan", "outcome"): return s[.auditFieldOutcome]
        case ("setting", "value"): return s[.auditFieldValue]
        case ("surveyCampaign", "title"): return s[.fieldCampaignTitle]
        case ("surveyCampaign", "methods"): return s[.auditFieldMethods]
        case ("surveyCampaign", "start"): return s[.fieldCampaignStart]
        case ("surveyCampaign", "end"): return s[.fieldCampaignEnd]
        case ("surveyCampaign", "responsible"): return s[.fieldCampaignResponsible]
        case ("surveyCampaign", "target"): return s[.fieldCampaignTarget]
        case ("surveyCampaign", "questionnaireVersion"): return s[.auditFieldQuestionnaire]
        case ("importBatch", "file"), ("exchange", "file"): return s[.auditFieldFile]
        case ("importBatch", "sha256"), ("exchange", "sha256"): return s[.auditFieldSha256]
        case ("exchange", "sequence"): return s[.auditFieldBundleSequence]
        case ("exchange", "added"): return s[.auditFieldRecordsAdded]
        case ("exchange", "changed"): return s[.auditFieldRecordsChanged]
        case ("exchange", "removed"): return s[.auditFieldRecordsRemoved]
        case ("exchange", "handOver"): return s[.auditFieldHandOverTo]
        case ("exchange", "centres"): return s[.auditFieldCentres]
        case ("exchange", "digest"): return s[.auditFieldSliceDigest]
        case ("importBatch", "rows"): return s[.auditFieldRows]
        case ("importBatch", "serials"): return s[.auditFieldSerials]
        default: return evaluationField(type, field)
        }
    }

    /// A stored value in words: names for codes, "Có"/"Không", dates as dd/mm/yyyy, a decision in one sentence.
    func value(_ type: String, _ field: String, _ raw: String?) -> String {
        guard let raw, !raw.isEmpty else { return s[.auditEmptyValue] }
        switch (type, field) {
        case (_, "isPilot"), (_, "active"): return raw == "yes" ? s[.yes] : (raw == "no" ? s[.no] : raw)
        case ("centre", "status"): return CentreStatus(rawValue: raw).map { s.name($0) } ?? raw
        case ("plan", "status"): return PlanStatus(rawValue: raw).map { s.name($0) } ?? raw
        case ("centre", "model"): return CentreModel(rawValue: raw).map { s.name($0) } ?? raw
        case ("boardMember", "sex"): return Sex(rawValue: raw).map { s.name($0) } ?? raw
        case ("boardMember", "role"): return BoardRole(rawValue: raw).map { s.name($0) } ?? raw
        case ("boardMember", "homeBody"): return HomeBody(rawValue: raw).map { s.name($0) } ?? raw
        case ("boardMember", "position"): return Position(rawValue: raw).map { s.name($0) } ?? raw
        case ("boardMember", "employment"): return Employment(rawValue: raw).map { s.name($0) } ?? raw
        case ("plan", "kind"): return PlanKind(rawValue: raw).map { s.name($0, month: nil) } ?? raw
        case ("account", "roles"): return names(raw, separator: ",") { Role(rawValue: $0).map { s.name($0) } }
        case ("account", "scope"): return scopeValue(raw)
        case ("surveyCampaign", "methods"): return names(raw, separator: ",") { SurveyMethod(rawValue: $0).map { s.name($0) } }
        case (_, "provinceCode"): return Int(raw).flatMap { code in units.provinces.first { $0.code == code }?.name } ?? raw
        case (_, "communeCode"): return Int(raw).flatMap { units.unit(code: $0)?.name } ?? s(.auditFormerUnit, raw)
        case (_, "establishment"), (_, "statusDecision"), (_, "decision"): return decision(raw)
        default:
            if let text = recordValue(type, field, raw) { return text }
            if type == "surveyResponse", let text = answer(field, raw) { return text }
            if field.hasPrefix("facility.") { return raw == "-" ? s[.no] : raw }
            return Self.isoDate(raw).map(\.vietnamese) ?? raw
        }
    }

    /// "12/QĐ-UBND | 2024-05-02 | UBND xã Nghĩa Sơn" → "số 12/QĐ-UBND ngày 02/05/2024, UBND xã Nghĩa Sơn".
    private func decision(_ raw: String) -> String {
        let parts = raw.components(separatedBy: " | ")
        guard parts.count == 3 else { return raw }
        return s(.auditDecisionText, parts[0], Self.isoDate(parts[1])?.vietnamese ?? parts[1], parts[2])
    }

    /// "commune:13918" → "Xã Nghĩa Sơn"; "centre:7" → the centre's name.
    private func scopeValue(_ raw: String) -> String {
        let parts = raw.split(separator: ":")
        guard parts.count == 2, let number = Int(parts[1]) else { return raw }
        if parts[0] == "commune" { return units.unit(code: number)?.name ?? raw }
        return centreNames[Int64(number)] ?? s[.auditFieldCentre] + " #" + String(number)
    }

    private func names(_ raw: String, separator: Character, _ name: (String) -> String?) -> String {
        raw.split(separator: separator).map { name(String($0)) ?? String($0) }.joined(separator: ", ")
    }

    private func questionLabel(_ id: String) -> String? {
        questionnaire?.question(id).map { s.text($0.label) }
    }

    /// A form's answer: the labels of its codes where the question has a list.
    private func answer(_ field: String, _ raw: String) -> String? {
        guard let questionnaire, let question = questionnaire.question(field) else { return nil }
        let choices = questionnaire.choices(for: question)
        guard !choices.isEmpty else { return nil }
        let codes = raw.split(separator: " ").compactMap { Int($0) }
        guard codes.count == raw.split(separator: " ").count else { return nil }
        return codes.map { code in choices.first { $0.code == code }.map { s.text($0.label) } ?? String(code) }
            .joined(separator: ", ")
    }

    static func isoDate(_ raw: String) -> LocalDate? {
        raw.count == 10 ? LocalDate(iso: raw) : nil
    }

    /// One entry whole: its number and hash, what it is about, then each field before and after.
    func lines(_ entry: AuditEntry, subject: AuditSubject?) -> [String] {
        var lines = [s(.auditEntryHeader, entry.id, String(entry.hash.prefix(16)))]
        let what = [action(entry.action) ?? entry.action, subject.map(self.subject) ?? ""].filter { !$0.isEmpty }
        lines.append(what.joined(separator: " · "))
        // A record's uid is the program's, for the exchange between offices: it says nothing to a reader.
        for change in entry.changes where change.field != "uid" {
            let name = field(entry.recordType, change.field) ?? change.field
            func shown(_ raw: String?) -> String {
                entry.recordType == "setting" ? settingValue(entry.recordID, raw) : value(entry.recordType, change.field, raw)
            }
            // A new record's fields have no "before": its values alone read better than "(trống) → …".
            lines.append(name + ": " + (change.before == nil ? shown(change.after)
                                        : shown(change.before) + " → " + shown(change.after)))
        }
        return lines
    }
}
