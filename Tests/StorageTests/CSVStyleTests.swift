import Domain
import Foundation
import GRDB
import Testing
@testable import Storage

/// CSV files as Vietnamese Excel opens them: ";" between cells and decimal commas, "," kept as a choice.
@Suite struct CSVStyleTests {
    let moment = Date(timeIntervalSince1970: 1_760_000_000)
    let admin = Actor(accountID: nil, username: "admin", fullName: "", roles: [.administrator])

    @Test func decimalsFollowTheStyle() {
        #expect(CSVStyle.semicolon.decimal(35.04, places: 1) == "35,0")
        #expect(CSVStyle.comma.decimal(35.06, places: 1) == "35.1")
        #expect(CSVStyle.semicolon.decimal(0.5, places: 2) == "0,50")
        #expect(CSVStyle.semicolon.decimal(-2.25, places: 1) == "-2,3")
        #expect(CSVStyle.comma.decimal(7, places: 0) == "7")
        #expect(CSVStyle.semicolon.decimal(-0.01, places: 1) == "0,0", "no minus sign on a zero")
    }

    @Test func aSemicolonFileQuotesCellsHoldingSemicolonsAndReadsBack() throws {
        let temp = TempFolder()
        let path = temp.path("out.csv")
        let rows = [["Trồng trọt; chăn nuôi", CSVStyle.semicolon.decimal(12.5, places: 1)], ["Tin học", "3,0"]]
        try CSVFiles.write(path: path, style: .semicolon, headers: ["Nội dung", "Tỉ lệ"], rows: rows)
        let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)).dropFirst(3), as: UTF8.self)
        #expect(text == "Nội dung;Tỉ lệ\n\"Trồng trọt; chăn nuôi\";12,5\nTin học;3,0\n")
        let read = try CSVFiles.read(path: path)
        #expect(read.rows == rows)
    }

    @Test func theStyleIsASettingSemicolonUntilChosenAndAStrangeValueIsAnError() throws {
        let temp = TempFolder()
        let database = try AppDatabase.open(path: temp.path("a.sqlite"))
        defer { database.close() }
        #expect(try database.csvStyle() == .semicolon)
        try database.saveCSVStyle(.comma, by: admin, at: moment)
        #expect(try database.csvStyle() == .comma)
        #expect(throws: (any Error).self) {
            try database.saveCSVStyle(.semicolon, by: Actor(accountID: nil, username: "xem", fullName: "", roles: [.viewer]),
                                      at: moment)
        }
        try database.writer.write { db in
            try db.execute(sql: "UPDATE setting SET value = 'tab' WHERE key = 'export.csvStyle'")
        }
        #expect(throws: StoredValueError.self) { try database.csvStyle() }
    }
}
