import Domain
import Foundation
import GRDB

public enum SurveyStoreError: Error, Equatable {
    case notFound
    /// Another form of the campaign has this serial number.
    case duplicateSerial(String)
}

extension AppDatabase {
    // MARK: Campaigns

    public func campaigns(centreID: Int64? = nil) throws -> [SurveyCampaign] {
        try writer.read { db in
            let all = CampaignRecord.order(CampaignRecord.Columns.year.desc, CampaignRecord.Columns.id.desc)
            return try (centreID.map { all.filter(CampaignRecord.Columns.centreId == $0) } ?? all)
                .fetchAll(db).map { try $0.campaign() }
        }
    }

    public func campaign(id: Int64) throws -> SurveyCampaign? {
        try writer.read { db in try CampaignRecord.fetchOne(db, key: id)?.campaign() }
    }

    /// Number of responses in each campaign, by campaign id.
    public func responseCounts() throws -> [Int64: Int] {
        try writer.read { db in
            var counts: [Int64: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT campaignId, count(*) AS n FROM surveyResponse GROUP BY campaignId") {
                counts[row["campaignId"]] = row["n"]
            }
            return counts
        }
    }

    @discardableResult
    public func saveCampaign(_ input: SurveyCampaign, by actor: Actor, at moment: Date) throws -> SurveyCampaign {
        try actor.require(.editSurveys)
        var campaign = input
        campaign.title = input.title.cleanedInput
        campaign.responsible = input.responsible.cleanedInput
        let stamp = Timestamp.string(moment)
        return try writer.write { db in
            let stored = try campaign.id.flatMap { try CampaignRecord.fetchOne(db, key: $0) }
            let before = try stored?.campaign()
            if let before { try Self.requireScope(db, actor, centreID: before.centreID) }
            try Self.requireScope(db, actor, centreID: campaign.centreID)
            if campaign.id != nil {
                guard let stored else { throw SurveyStoreError.notFound }
                try CampaignRecord(campaign, createdAt: stored.createdAt, updatedAt: stamp).update(db)
                // Age bands are counted in the campaign's year.
                if stored.year != campaign.year { try SurveyTallies.rebuild(db, campaignID: stored.id) }
            } else {
                var record = CampaignRecord(campaign, createdAt: stamp, updatedAt: stamp)
                try record.insert(db)
                campaign.id = record.id
            }
            try Self.audit(db, actor: actor, action: before == nil ? "create" : "update", recordType: "surveyCampaign",
                           recordID: String(campaign.id!),
                           changes: AuditDiff.changes(before: before.map(Self.auditFields), after: Self.auditFields(campaign)),
                           at: moment)
            return campaign
        }
    }

    static func auditFields(_ c: SurveyCampaign) -> [String: String] {
        ["centreID": String(c.centreID), "year": String(c.year), "title": c.title,
         "methods": c.methods.map(\.rawValue).joined(separator: ","), "start": c.start?.iso ?? "", "end": c.end?.iso ?? "",
         "responsible": c.responsible, "target": String(c.target), "questionnaireVersion": String(c.questionnaireVersion)]
    }

    // MARK: Responses

    public func responses(campaignID: Int64) throws -> [SurveyResponse] {
        try writer.read { db in
            try ResponseRecord.filter(ResponseRecord.Columns.campaignId == campaignID).order(ResponseRecord.Columns.id)
                .fetchAll(db).map { try $0.response() }
        }
    }

    /// One form by its id: opening a form from a list reads that form, not its whole campaign.
    public func response(id: Int64) throws -> SurveyResponse? {
        try writer.read { db in try ResponseRecord.fetchOne(db, key: id)?.response() }
    }

    /// Inserts or updates one form. Validation is the caller's (``SurveyEngine``); this keeps the serial
    /// unique and writes the audit entry.
    @discardableResult
    public func saveResponse(_ input: SurveyResponse, by actor: Actor, at moment: Date) throws -> SurveyResponse {
        try actor.require(.editSurveys)
        return try writer.write { db in
            try Self.requireScope(db, actor, campaignID: input.campaignID)
            if let id = input.id, let stored = try ResponseRecord.fetchOne(db, key: id) {
                try Self.requireScope(db, actor, campaignID: stored.campaignId)
            }
            return try Self.storeResponse(db, input, by: actor, at: moment)
        }
    }

    /// A form as it is stored: texts cleaned, empty answers left out.
    static func cleaned(_ input: SurveyResponse) -> SurveyResponse {
        // An import's answers are clean already: nothing to rebuild then.
        let clean = input.answers.values.allSatisfy { answer in
            if case .text(let text) = answer { return !text.isEmpty && text.cleanedInput == text }
            return !answer.isEmpty
        }
        if clean { return input }
        var response = input
        response.answers = input.answers.mapValues { answer in
            if case .text(let t) = answer { return .text(t.cleanedInput) }
            return answer
        }.filter { !$0.value.isEmpty }
        return response
    }

    static func storeResponse(_ db: Database, _ input: SurveyResponse, by actor: Actor, at moment: Date) throws
        -> SurveyResponse
    {
        var response = cleaned(input)
        let serial = response.serial
        if let clash = try ResponseRecord.select(ResponseRecord.Columns.id, as: Int64.self)
            .filter(ResponseRecord.Columns.campaignId == response.campaignID && ResponseRecord.Columns.serial == serial)
            .fetchOne(db), clash != response.id {
            throw SurveyStoreError.duplicateSerial(serial)
        }
        let stored = try response.id.flatMap { try ResponseRecord.fetchOne(db, key: $0) }
        let before = try stored?.response()
        let stamp = Timestamp.string(moment)
        if response.id != nil {
            guard let stored, let before else { throw SurveyStoreError.notFound }
            try ResponseRecord(response, createdAt: stored.createdAt, updatedAt: stamp,
                               importBatchID: stored.importBatchId).update(db)
            try SurveyTallies.add(db, before, times: -1)
        } else {
            var record = ResponseRecord(response, createdAt: stamp, updatedAt: stamp)
            try record.insert(db)
            response.id = record.id
        }
        try SurveyTallies.add(db, response)
        if let before, before.serial != serial {
            // A form is named in the trail by its number: a new number closes the old name and opens the new one,
            // so that replaying the trail still follows the form.
            try audit(db, actor: actor, action: "renumber", recordType: "surveyResponse",
                      recordID: "\(response.campaignID)/\(before.serial)",
                      changes: AuditDiff.changes(before: auditFields(before), after: nil), at: moment)
            try audit(db, actor: actor, action: "update", recordType: "surveyResponse",
                      recordID: "\(response.campaignID)/\(serial)",
                      changes: AuditDiff.changes(before: nil, after: auditFields(response)), at: moment)
            return response
        }
        try audit(db, actor: actor, action: before == nil ? "create" : "update", recordType: "surveyResponse",
                  recordID: "\(response.campaignID)/\(serial)",
                  changes: AuditDiff.changes(before: before.map(auditFields), after: auditFields(response)), at: moment)
        return response
    }

    static func auditFields(_ r: SurveyResponse) -> [String: String] {
        var fields = r.answers.mapValues { answer -> String in
            switch answer {
            case .text(let t): return t
            case .number(let n): return String(n)
            case .codes(let c): return c.map(String.init).joined(separator: " ")
            }
        }
        for o in r.overrides { fields["override." + o.checkID] = o.reason }
        return fields
    }

    public func deleteResponse(id: Int64, by actor: Actor, at moment: Date) throws {
        try actor.require(.editSurveys)
        try writer.write { db in
            guard let response = try ResponseRecord.fetchOne(db, key: id)?.response() else {
                throw SurveyStoreError.notFound
            }
            try Self.requireScope(db, actor, campaignID: response.campaignID)
            try ResponseRecord.deleteOne(db, key: id)
            try SurveyTallies.add(db, response, times: -1)
            try Self.audit(db, actor: actor, action: "delete", recordType: "surveyResponse",
                           recordID: "\(response.campaignID)/\(response.serial)",
                           changes: AuditDiff.changes(before: Self.auditFields(response), after: nil), at: moment)
        }
    }

    /// Adds many forms to one campaign in one transaction, all or nothing, as one import batch with one audit
    /// entry. `fileName` and `sha256` name the file they came from ("" when a program gives them).
    @discardableResult
    public func importResponses(_ responses: [SurveyResponse], fileName: String = "", sha256: String = "",
                                by actor: Actor, at moment: Date) throws -> ImportBatch? {
        guard let campaignID = responses.first?.campaignID else {
            try actor.require(.editSurveys)
            return nil
        }
        return try importResponses(campaignID: campaignID, fileName: fileName, sha256: sha256, by: actor, at: moment) {
            add in
            for response in responses { try add(response) }
        }
    }

    // MARK: Import mappings

    /// The column mapping saved for CSV files with these headers (question id by column header).
    public func importMapping(for signature: String) throws -> [String: String]? {
        try writer.read { db in
            try SettingRecord.fetchOne(db, key: "survey.mapping." + signature)
                .map { try SettingRecord.storedJSON([String: String].self, $0.value, SettingRecord.Columns.value) }
        }
    }

    public func saveImportMapping(_ mapping: [String: String], for signature: String, by actor: Actor, at moment: Date)
        throws
    {
        try actor.require(.editSurveys)
        try writer.write { db in
            try Self.storeSetting(db, "survey.mapping." + signature, StoredText.json(mapping), by: actor, at: moment)
        }
    }
}
