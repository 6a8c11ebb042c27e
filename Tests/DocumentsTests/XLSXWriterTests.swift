import Domain
import Foundation
import Testing
@testable import Documents

/// Workbooks: header frozen and bold, widths by display width, numbers and dates typed, every text a string cell.
@Suite struct XLSXWriterTests {
    static let sheet = Sheet(name: "Trung tâm", headers: ["Mã", "Tên", "Số", "Ngày", "Tỉ lệ"], rows: [
        [.text("TT13918"), .text("=1+1"), .number(4_500_000), .date(LocalDate(iso: "2026-03-20")!), .percent(0.125)],
        [.text("TT14329"), .text("Nguyễn Thị Hường".decomposedStringWithCanonicalMapping), .number(-3), .empty, .percent(1)],
        [.text("@SUM(A1)"), .text("日本語 😀 <b>&"), .empty, .date(LocalDate(iso: "1900-03-01")!), .empty],
    ])

    static func part(_ data: Data, _ path: String) throws -> XElement {
        let package = try ZipPackage.read(data, name: "x.xlsx")
        return try XMLReader.parse(try #require(package[path], "no part \(path)"))
    }

    static func cells(_ sheet: XElement) -> [String: XElement] {
        var cells: [String: XElement] = [:]
        for row in sheet.elements.first(where: { $0.name == "sheetData" })?.elements ?? [] {
            for cell in row.elements { cells[cell.attribute("r") ?? ""] = cell }
        }
        return cells
    }

    @Test func theHeaderIsFrozenAndBold() throws {
        let data = try XLSXWriter.data(Workbook(sheets: [Self.sheet]))
        let sheet = try Self.part(data, "xl/worksheets/sheet1.xml")
        let pane = sheet.elements.first { $0.name == "sheetViews" }?.elements.first?.elements.first { $0.name == "pane" }
        #expect(pane?.attribute("state") == "frozen")
        #expect(pane?.attribute("ySplit") == "1")
        let cells = Self.cells(sheet)
        #expect(cells["A1"]?.attribute("s") == "1", "the header's style is the bold one")
        let styles = try Self.part(data, "xl/styles.xml")
        let xfs = try #require(styles.elements.first { $0.name == "cellXfs" }).elements
        let fonts = try #require(styles.elements.first { $0.name == "fonts" }).elements
        #expect(fonts[Int(xfs[1].attribute("fontId") ?? "0")!].elements.contains { $0.name == "b" })
    }

    @Test func textIsAlwaysAStringNeverAFormula() throws {
        let data = try XLSXWriter.data(Workbook(sheets: [Self.sheet]))
        let cells = Self.cells(try Self.part(data, "xl/worksheets/sheet1.xml"))
        for reference in ["B2", "A4", "B4"] {
            let cell = try #require(cells[reference])
            #expect(cell.attribute("t") == "inlineStr")
            #expect(!cell.elements.contains { $0.name == "f" })
        }
        #expect(cells["B2"]?.text == "=1+1")
        #expect(cells["B4"]?.text == "日本語 😀 <b>&")
        #expect(cells["B3"]?.text.unicodeScalars.elementsEqual("Nguyễn Thị Hường".unicodeScalars) == true, "NFC")
    }

    @Test func numbersAndDatesAreTyped() throws {
        let data = try XLSXWriter.data(Workbook(sheets: [Self.sheet]))
        let cells = Self.cells(try Self.part(data, "xl/worksheets/sheet1.xml"))
        #expect(cells["C2"]?.attribute("t") == nil)
        #expect(cells["C2"]?.text == "4500000")
        #expect(cells["C3"]?.text == "-3")
        // 20 March 2026 is day 46101 of a spreadsheet; 1 March 1900 is day 61.
        #expect(cells["D2"]?.text == "46101")
        #expect(cells["D4"]?.text == "61")
        let styles = try Self.part(data, "xl/styles.xml")
        let xfs = try #require(styles.elements.first { $0.name == "cellXfs" }).elements
        let dateStyle = xfs[Int(cells["D2"]?.attribute("s") ?? "0")!]
        let formats = try #require(styles.elements.first { $0.name == "numFmts" }).elements
        #expect(formats.first { $0.attribute("numFmtId") == dateStyle.attribute("numFmtId") }?.attribute("formatCode") == "dd/mm/yyyy")
        #expect(cells["E2"]?.text == "0.125")
        #expect(cells["C4"] == nil, "an empty cell is not written")
    }

    @Test func columnsAreAsWideAsTheirWidestCellByDisplayWidth() {
        let widths = XLSXWriter.widths(Sheet(name: "s", headers: ["A", "B", "C"], rows: [
            [.text("日本語日本語"), .text("Nguyễn".decomposedStringWithCanonicalMapping), .text(String(repeating: "x", count: 200))],
        ]), columns: 3)
        #expect(widths[0] == 14, "six wide characters are twelve columns, and a margin")
        #expect(widths[1] == 8, "combining marks take no width")
        #expect(widths[2] == 60, "at most sixty")
    }

    @Test func sheetNamesAreMadeAcceptable() {
        #expect(XLSXWriter.sheetNames(["a/b", "", "A/B", String(repeating: "x", count: 40)])
                == ["a-b", "Sheet2", "A-B (2)", String(repeating: "x", count: 31)])
    }

    @Test func theCSVTextOfACellIsWhatTheSpreadsheetShows() {
        #expect(Cell.date(LocalDate(iso: "2026-03-05")!).displayText == "05/03/2026")
        #expect(Cell.percent(0.125).displayText == "12.5%")
        #expect(Cell.percent(0.5).displayText == "50.0%")
        #expect(Cell.number(4_500_000).displayText == "4500000")
    }

    @Test func columnLetters() {
        #expect([0, 25, 26, 27, 701, 702].map(XLSXWriter.column) == ["A", "Z", "AA", "AB", "ZZ", "AAA"])
    }
}
