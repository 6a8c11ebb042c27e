import Domain
import Foundation
import GRDB

/// A campaign's stored forms as validation asks about them: one indexed lookup per question, whatever the
/// campaign's size (the unique serial index, and the person-key index).
struct CampaignForms: SurveyDuplicates {
    let db: Database
    let campaignID: Int64

    func serialTaken(_ serial: String, except id: Int64?) throws(StorageError) -> Bool {
        do {
            let statement = try db.cachedStatement(sql: """
                SELECT 1 FROM surveyResponse WHERE campaignId = ? AND serial = ? AND (? IS NULL OR id <> ?)
                """)
            return try Int.fetchOne(statement, arguments: [campaignID, serial, id, id]) != nil
        } catch {
            throw StorageError(error)
        }
    }

    func twinSerial(personKey: String, except id: Int64?) throws(StorageError) -> String? {
        do {
            let statement = try db.cachedStatement(sql: """
                SELECT serial FROM surveyResponse WHERE campaignId = ? AND personKey = ? AND (? IS NULL OR id <> ?)
                ORDER BY id LIMIT 1
                """)
            return try String.fetchOne(statement, arguments: [campaignID, personKey, id, id])
        } catch {
            throw StorageError(error)
        }
    }
}

/// An error of the data file raised where a typed error is needed (validation asking about other forms).
/// ``StorageFailure`` describes what it wraps.
public struct StorageError: Error {
    public let underlying: any Error

    init(_ error: any Error) { underlying = (error as? StorageError)?.underlying ?? error }
}

/// The forms of one campaign in the data file, for the keyed-entry screen: each question opens a short read.
public struct StoredForms: SurveyDuplicates, Equatable, Sendable {
    let database: AppDatabase
    public let campaignID: Int64

    /// The same campaign of the same open data file.
    public static func == (lhs: StoredForms, rhs: StoredForms) -> Bool {
        lhs.database === rhs.database && lhs.campaignID == rhs.campaignID
    }

    public func serialTaken(_ serial: String, except id: Int64?) throws(StorageError) -> Bool {
        do {
            return try database.writer.read { db in
                try CampaignForms(db: db, campaignID: campaignID).serialTaken(serial, except: id)
            }
        } catch {
            throw StorageError(error)
        }
    }

    public func twinSerial(personKey: String, except id: Int64?) throws(StorageError) -> String? {
        do {
            return try database.writer.read { db in
                try CampaignForms(db: db, campaignID: campaignID).twinSerial(personKey: personKey, except: id)
            }
        } catch {
            throw StorageError(error)
        }
    }
}
