import Domain
import Foundation
import GRDB

public enum SurveyStoreError: Error, Equatable {
    case notFound
    /// Another form of the campaign has this serial number.
    case duplicateSerial(String)
    /// An import without a single form: nothing is written, not even its column mapping.
    case nothingToImport
}

extension AppDatabase {
    // MARK: Campaigns

    public func campaigns(centreID: Int64? = nil) throws -> [SurveyCampaign] {
        try writer.read { db in
            let rows = try centreID.map {
                try Row.fetchAll(db, sql: "SELECT * FROM surveyCampaign WHERE centreId = ? ORDER BY year DESC, id DESC",
                                 arguments: [$0])
            } ?? Row.fetchAll(db, sql: "SELECT * FROM surveyCampaign ORDER BY year DESC, id DESC")
            return rows.map(Self.campaign(from:))
        }
    }

    public func campaign(id: Int64) throws -> SurveyCampaign? {
        try writer.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM surveyCampaign WHERE id = ?", arguments: [id]).map(Self.campaign(from:))
        }
    }

    static func campaign(from row: Row) -> SurveyCampaign {
        SurveyCampaign(
            id: row["id"], centreID: row["centreId"], year: row["year"], title: row["title"],
            methods: (row["methods"] as String).split(separator: ",").compactMap { SurveyMethod(rawValue: String($0)) },
            start: CentreRows.date(row["startDate"]), end: CentreRows.date(row["endDate"]),
            responsible: row["responsible"], target: row["target"], questionnaireVersion: row["questionnaireVersion"])
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
            let before = try campaign.id.flatMap {
                try Row.fetchOne(db, sql: "SELECT * FROM surveyCampaign WHERE id = ?", arguments: [$0]).map(Self.campaign(from:))
            }
            let arguments: StatementArguments = [
                "centreId": campaign.centreID, "year": campaign.year, "title": campaign.title,
                "methods": campaign.methods.map(\.rawValue).joined(separator: ","), "startDate": campaign.start?.iso,
                "endDate": campaign.end?.iso, "responsible": campaign.responsible, "target": campaign.target,
                "questionnaireVersion": campaign.questionnaireVersion, "stamp": stamp, "id": campaign.id,
            ]
            if campaign.id != nil {
                guard before != nil else { throw SurveyStoreError.notFound }
                try db.execute(sql: """
                    UPDATE surveyCampaign SET centreId = :centreId, year = :year, title = :title, methods = :methods,
                        startDate = :startDate, endDate = :endDate, responsible = :responsible, target = :target,
                        questionnaireVersion = :questionnaireVersion, updatedAt = :stamp WHERE id = :id
                    """, arguments: arguments)
            } else {
                try db.execute(sql: """
                    INSERT INTO surveyCampaign(centreId, year, title, methods, startDate, endDate, responsible, target,
                        questionnaireVersion, createdAt, updatedAt)
                    VALUES (:centreId, :year, :title, :methods, :startDate, :endDate, :responsible, :target,
                        :questionnaireVersion, :stamp, :stamp)
                    """, arguments: arguments)
                campaign.id = db.lastInsertedRowID
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
            try Row.fetchAll(db, sql: "SELECT * FROM surveyResponse WHERE campaignId = ? ORDER BY id", arguments: [campaignID])
                .map(Self.response(from:))
        }
    }

    static func response(from row: Row) -> SurveyResponse {
        let decoder = JSONDecoder()
        return SurveyResponse(
            id: row["id"], campaignID: row["campaignId"],
            answers: (try? decoder.decode(SurveyAnswers.self, from: Data((row["answers"] as String).utf8))) ?? [:],
            overrides: (try? decoder.decode([SurveyOverride].self, from: Data((row["overrides"] as String).utf8))) ?? [])
    }

    static func encode<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(value)) ?? Data(), as: UTF8.self)
    }

    /// Inserts or updates one form. Validation is the caller's (``SurveyEngine``); this keeps the serial
    /// unique and writes the audit entry.
    @discardableResult
    public func saveResponse(_ input: SurveyResponse, by actor: Actor, at moment: Date) throws -> SurveyResponse {
        try actor.require(.editSurveys)
        return try writer.write { db in try Self.storeResponse(db, input, by: actor, at: moment) }
    }

    static func storeResponse(_ db: Database, _ input: SurveyResponse, by actor: Actor, at moment: Date) throws
        -> SurveyResponse
    {
        var response = input
        response.answers = input.answers.mapValues { answer in
            if case .text(let t) = answer { return .text(t.cleanedInput) }
            return answer
        }.filter { !$0.value.isEmpty }
        let serial = response.serial
        if let clash = try Int64.fetchOne(db, sql: "SELECT id FROM surveyResponse WHERE campaignId = ? AND serial = ?",
                                          arguments: [response.campaignID, serial]), clash != response.id {
            throw SurveyStoreError.duplicateSerial(serial)
        }
        let before = try response.id.flatMap {
            try Row.fetchOne(db, sql: "SELECT * FROM surveyResponse WHERE id = ?", arguments: [$0]).map(response(from:))
        }
        let stamp = Timestamp.string(moment)
        let arguments: StatementArguments = [
            "campaignId": response.campaignID, "serial": serial, "name": response.respondentName,
            "village": response.village, "birthYear": response.birthYear, "answers": encode(response.answers),
            "overrides": encode(response.overrides), "stamp": stamp, "id": response.id,
        ]
        if response.id != nil {
            guard before != nil else { throw SurveyStoreError.notFound }
            try db.execute(sql: """
                UPDATE surveyResponse SET serial = :serial, respondentName = :name, village = :village,
                    birthYear = :birthYear, answers = :answers, overrides = :overrides, updatedAt = :stamp WHERE id = :id
                """, arguments: arguments)
        } else {
            try db.execute(sql: """
                INSERT INTO surveyResponse(campaignId, serial, respondentName, village, birthYear, answers, overrides,
                    createdAt, updatedAt)
                VALUES (:campaignId, :serial, :name, :village, :birthYear, :answers, :overrides, :stamp, :stamp)
                """, arguments: arguments)
            response.id = db.lastInsertedRowID
        }
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
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM surveyResponse WHERE id = ?", arguments: [id]) else {
                throw SurveyStoreError.notFound
            }
            let response = Self.response(from: row)
            try db.execute(sql: "DELETE FROM surveyResponse WHERE id = ?", arguments: [id])
            try Self.audit(db, actor: actor, action: "delete", recordType: "surveyResponse",
                           recordID: "\(response.campaignID)/\(response.serial)",
                           changes: AuditDiff.changes(before: Self.auditFields(response), after: nil), at: moment)
        }
    }

    /// Adds many forms in one transaction: all or nothing.
    public func importResponses(_ responses: [SurveyResponse], by actor: Actor, at moment: Date) throws {
        try actor.require(.editSurveys)
        guard !responses.isEmpty else { throw SurveyStoreError.nothingToImport }
        try writer.write { db in
            for response in responses { _ = try Self.storeResponse(db, response, by: actor, at: moment) }
        }
    }

    // MARK: Import mappings

    /// The column mapping saved for CSV files with these headers (question id by column header).
    public func importMapping(for signature: String) throws -> [String: String]? {
        try writer.read { db in
            try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: ["survey.mapping." + signature])
                .flatMap { try? JSONDecoder().decode([String: String].self, from: Data($0.utf8)) }
        }
    }

    public func saveImportMapping(_ mapping: [String: String], for signature: String, by actor: Actor, at moment: Date)
        throws
    {
        try actor.require(.editSurveys)
        try writer.write { db in
            try Self.storeSetting(db, "survey.mapping." + signature, Self.encode(mapping), by: actor, at: moment)
        }
    }
}
