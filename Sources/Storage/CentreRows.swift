import Domain
import Foundation
import GRDB

/// Mapping between ``Centre`` values and the rows of `centre`, `venue` and `facility`.
enum CentreRows {
    static func centre(from row: Row, venues: [Venue], facilities: [FacilityItem]) -> Centre {
        Centre(
            id: row["id"],
            code: row["code"],
            name: row["name"],
            provinceCode: row["provinceCode"],
            communeCode: row["communeCode"],
            address: row["address"],
            establishment: Decision(
                number: row["establishmentNumber"], date: date(row["establishmentDate"]),
                issuer: row["establishmentIssuer"]),
            model: CentreModel(rawValue: row["model"]) ?? .rural,
            isPilot: row["isPilot"],
            venues: venues,
            villages: (try? JSONDecoder().decode([String].self, from: Data((row["villages"] as String? ?? "[]").utf8))) ?? [],
            facilities: FacilityKind.allCases.map { kind in
                facilities.first { $0.kind == kind } ?? FacilityItem(kind: kind)
            },
            otherFacilities: row["otherFacilities"],
            status: CentreStatus(rawValue: row["status"]) ?? .active,
            statusDecision: Decision(
                number: row["statusDecisionNumber"], date: date(row["statusDecisionDate"]),
                issuer: row["statusDecisionIssuer"]),
            statusReason: row["statusReason"],
            mergedInto: row["mergedInto"],
            updatedAt: (row["updatedAt"] as String?).flatMap(Timestamp.date)
        )
    }

    static func date(_ text: String?) -> LocalDate? { text.flatMap(LocalDate.init(iso:)) }

    static func arguments(_ c: Centre) -> StatementArguments {
        [
            "code": c.code, "name": c.name, "provinceCode": c.provinceCode, "communeCode": c.communeCode,
            "address": c.address, "establishmentNumber": c.establishment.number,
            "establishmentDate": c.establishment.date?.iso, "establishmentIssuer": c.establishment.issuer,
            "model": c.model.rawValue, "isPilot": c.isPilot, "otherFacilities": c.otherFacilities,
            "status": c.status.rawValue, "statusDecisionNumber": c.statusDecision.number,
            "statusDecisionDate": c.statusDecision.date?.iso, "statusDecisionIssuer": c.statusDecision.issuer,
            "statusReason": c.statusReason, "mergedInto": c.status == .merged ? c.mergedInto : nil,
            "villages": String(decoding: (try? JSONEncoder().encode(c.villages)) ?? Data("[]".utf8), as: UTF8.self),
        ]
    }

    static let columns = [
        "code", "name", "provinceCode", "communeCode", "address", "establishmentNumber", "establishmentDate",
        "establishmentIssuer", "model", "isPilot", "otherFacilities", "status", "statusDecisionNumber",
        "statusDecisionDate", "statusDecisionIssuer", "statusReason", "mergedInto", "villages",
    ]

    /// Venues by centre: of one centre, of one province's centres, or of all (both nil).
    static func venuesByCentre(_ db: Database, centreID: Int64? = nil, provinceCode: Int? = nil) throws
        -> [Int64: [Venue]]
    {
        var result: [Int64: [Venue]] = [:]
        let (condition, arguments) = scope(centreID: centreID, provinceCode: provinceCode)
        let rows = try Row.fetchAll(
            db, sql: "SELECT venue.* FROM venue JOIN centre ON centre.id = venue.centreId \(condition) ORDER BY centreId, position",
            arguments: arguments)
        for row in rows {
            let centreID: Int64 = row["centreId"]
            result[centreID, default: []].append(
                Venue(name: row["name"], kind: VenueKind(rawValue: row["kind"]) ?? .other, village: row["village"]))
        }
        return result
    }

    static func facilitiesByCentre(_ db: Database, centreID: Int64? = nil, provinceCode: Int? = nil) throws
        -> [Int64: [FacilityItem]]
    {
        var result: [Int64: [FacilityItem]] = [:]
        let (condition, arguments) = scope(centreID: centreID, provinceCode: provinceCode)
        let rows = try Row.fetchAll(
            db, sql: "SELECT facility.* FROM facility JOIN centre ON centre.id = facility.centreId \(condition)",
            arguments: arguments)
        for row in rows {
            guard let kind = FacilityKind(rawValue: row["kind"]) else { continue }
            result[row["centreId"], default: []].append(
                FacilityItem(kind: kind, present: row["present"], count: row["count"]))
        }
        return result
    }

    private static func scope(centreID: Int64?, provinceCode: Int?) -> (String, StatementArguments) {
        if let centreID { return ("WHERE centre.id = ?", [centreID]) }
        if let provinceCode { return ("WHERE centre.provinceCode = ?", [provinceCode]) }
        return ("", [])
    }

    static func writeChildren(_ db: Database, centreID: Int64, _ centre: Centre) throws {
        try db.execute(sql: "DELETE FROM venue WHERE centreId = ?", arguments: [centreID])
        for (position, venue) in centre.venues.enumerated() {
            try db.execute(
                sql: "INSERT INTO venue(centreId, position, name, kind, village) VALUES (?, ?, ?, ?, ?)",
                arguments: [centreID, position, venue.name, venue.kind.rawValue, venue.village])
        }
        try db.execute(sql: "DELETE FROM facility WHERE centreId = ?", arguments: [centreID])
        for item in centre.facilities {
            try db.execute(
                sql: "INSERT INTO facility(centreId, kind, present, count) VALUES (?, ?, ?, ?)",
                arguments: [centreID, item.kind.rawValue, item.present, item.count])
        }
    }
}
