import Domain
import Foundation

/// A workbook as an .xlsx file (SpreadsheetML): each sheet with its header row bold and frozen, a filter on it,
/// columns as wide as their widest cell (by display width, so Vietnamese marks and wide characters count right),
/// numbers as numbers, dates as date serials with a dd/mm/yyyy format, and every text as an inline string.
public enum XLSXWriter {
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"

    /// Style indexes of `styles.xml`'s cell formats.
    enum Style: Int { case normal = 0, header = 1, date = 2, percent = 3, number = 4 }

    public static func data(_ workbook: Workbook) throws -> Data {
        var package = ZipPackage()
        let names = sheetNames(workbook.sheets.map(\.name))
        package.set("[Content_Types].xml", contentTypes(sheets: workbook.sheets.count))
        package.set("_rels/.rels", XElement("Relationships", [("xmlns", packageRelationships)], [
            .element(XElement("Relationship", [
                ("Id", "rId1"), ("Target", "xl/workbook.xml"),
                ("Type", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"),
            ])),
        ]))
        package.set("xl/workbook.xml", workbookPart(names, workbook.sheets))
        var rels = XElement("Relationships", [("xmlns", packageRelationships)])
        for index in workbook.sheets.indices {
            rels.add(XElement("Relationship", [
                ("Id", "rId\(index + 1)"), ("Target", "worksheets/sheet\(index + 1).xml"),
                ("Type", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"),
            ]))
        }
        rels.add(XElement("Relationship", [
            ("Id", "rId\(workbook.sheets.count + 1)"), ("Target", "styles.xml"),
            ("Type", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"),
        ]))
        package.set("xl/_rels/workbook.xml.rels", rels)
        package.set("xl/styles.xml", styles())
        for (index, sheet) in workbook.sheets.enumerated() {
            package.set("xl/worksheets/sheet\(index + 1).xml", worksheet(sheet))
        }
        return try package.zipped()
    }

    static func contentTypes(sheets: Int) -> XElement {
        var types = XElement("Types", [("xmlns", "http://schemas.openxmlformats.org/package/2006/content-types")])
        types.add(XElement("Default", [("Extension", "rels"),
                                       ("ContentType", "application/vnd.openxmlformats-package.relationships+xml")]))
        types.add(XElement("Default", [("Extension", "xml"), ("ContentType", "application/xml")]))
        types.add(XElement("Override", [
            ("PartName", "/xl/workbook.xml"),
            ("ContentType", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"),
        ]))
        types.add(XElement("Override", [
            ("PartName", "/xl/styles.xml"),
            ("ContentType", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"),
        ]))
        for index in 0..<sheets {
            types.add(XElement("Override", [
                ("PartName", "/xl/worksheets/sheet\(index + 1).xml"),
                ("ContentType", "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"),
            ]))
        }
        return types
    }

    static func workbookPart(_ names: [String], _ sheets: [Sheet]) -> XElement {
        var list = XElement("sheets")
        var filters = XElement("definedNames")
        for (index, name) in names.enumerated() {
            list.add(XElement("sheet", [("name", name), ("sheetId", String(index + 1)), ("r:id", "rId\(index + 1)")]))
            let sheet = sheets[index]
            let range = "'" + name.replacingOccurrences(of: "'", with: "''") + "'!$A$1:$"
                + column(max(1, sheet.headers.count) - 1) + "$" + String(sheet.rows.count + 1)
            filters.add(XElement("definedName", [("name", "_xlnm._FilterDatabase"), ("localSheetId", String(index)),
                                                 ("hidden", "1")], text: range))
        }
        return XElement("workbook", [("xmlns", main), ("xmlns:r", relationships)], [
            .element(XElement("bookViews", [], [.element(XElement("workbookView", [("activeTab", "0")]))])),
            .element(list), .element(filters),
        ])
    }

    /// Arial for its Vietnamese letters; bold headers; dd/mm/yyyy dates; shares with one decimal; whole numbers
    /// as plain digits, as the CSV export writes them.
    static func styles() -> XElement {
        func font(bold: Bool) -> XNode {
            var children: [XNode] = []
            if bold { children.append(.element(XElement("b"))) }
            children += [.element(XElement("sz", [("val", "11")])), .element(XElement("name", [("val", "Arial")]))]
            return .element(XElement("font", [], children))
        }
        func xf(_ numFmt: Int, font: Int, apply: Bool) -> XNode {
            var attributes = [("numFmtId", String(numFmt)), ("fontId", String(font)), ("fillId", "0"), ("borderId", "0"),
                              ("xfId", "0")]
            if apply { attributes.append(("applyNumberFormat", "1")) }
            if font > 0 { attributes.append(("applyFont", "1")) }
            return .element(XElement("xf", attributes))
        }
        return XElement("styleSheet", [("xmlns", main)], [
            .element(XElement("numFmts", [("count", "2")], [
                .element(XElement("numFmt", [("numFmtId", "164"), ("formatCode", "dd/mm/yyyy")])),
                .element(XElement("numFmt", [("numFmtId", "165"), ("formatCode", "0.0%")])),
            ])),
            .element(XElement("fonts", [("count", "2")], [font(bold: false), font(bold: true)])),
            .element(XElement("fills", [("count", "2")], [
                .element(XElement("fill", [], [.element(XElement("patternFill", [("patternType", "none")]))])),
                .element(XElement("fill", [], [.element(XElement("patternFill", [("patternType", "gray125")]))])),
            ])),
            .element(XElement("borders", [("count", "1")], [.element(XElement("border", [], [
                .element(XElement("left")), .element(XElement("right")), .element(XElement("top")),
                .element(XElement("bottom")), .element(XElement("diagonal")),
            ]))])),
            .element(XElement("cellStyleXfs", [("count", "1")], [xf(0, font: 0, apply: false)])),
            .element(XElement("cellXfs", [("count", "5")], [
                xf(0, font: 0, apply: false), xf(0, font: 1, apply: false), xf(164, font: 0, apply: true),
                xf(165, font: 0, apply: true), xf(1, font: 0, apply: true),
            ])),
            .element(XElement("cellStyles", [("count", "1")], [
                .element(XElement("cellStyle", [("name", "Normal"), ("xfId", "0"), ("builtinId", "0")])),
            ])),
        ])
    }

    static func worksheet(_ sheet: Sheet) -> XElement {
        let columns = max(sheet.headers.count, sheet.rows.map(\.count).max() ?? 0)
        var root = XElement("worksheet", [("xmlns", main), ("xmlns:r", relationships)])
        let last = column(max(1, columns) - 1) + String(sheet.rows.count + 1)
        root.add(XElement("dimension", [("ref", "A1:" + last)]))
        root.add(XElement("sheetViews", [], [.element(XElement("sheetView", [("workbookViewId", "0")], [
            .element(XElement("pane", [("ySplit", "1"), ("topLeftCell", "A2"), ("activePane", "bottomLeft"),
                                       ("state", "frozen")])),
            .element(XElement("selection", [("pane", "bottomLeft"), ("activeCell", "A2"), ("sqref", "A2")])),
        ]))]))
        root.add(XElement("sheetFormatPr", [("defaultRowHeight", "15")]))
        if columns > 0 {
            var cols = XElement("cols")
            for (index, width) in widths(sheet, columns: columns).enumerated() {
                cols.add(XElement("col", [("min", String(index + 1)), ("max", String(index + 1)),
                                          ("width", String(format: "%.1f", width)), ("customWidth", "1")]))
            }
            root.add(cols)
        }
        var data = XElement("sheetData")
        data.add(row(1, sheet.headers.map { Cell.text($0) }, header: true))
        for (index, cells) in sheet.rows.enumerated() { data.add(row(index + 2, cells, header: false)) }
        root.add(data)
        if columns > 0 { root.add(XElement("autoFilter", [("ref", "A1:" + last)])) }
        return root
    }

    static func row(_ number: Int, _ cells: [Cell], header: Bool) -> XElement {
        var row = XElement("row", [("r", String(number))])
        for (index, cell) in cells.enumerated() {
            let reference = column(index) + String(number)
            switch cell {
            case .empty: continue
            case .text(let text):
                var attributes = [("r", reference), ("t", "inlineStr")]
                if header { attributes.append(("s", String(Style.header.rawValue))) }
                row.add(XElement("c", attributes, [.element(XElement("is", [], [
                    .element(XElement("t", [("xml:space", "preserve")], text: text)),
                ]))]))
            case .number(let n):
                row.add(XElement("c", [("r", reference), ("s", String(Style.number.rawValue))], [
                    .element(XElement("v", text: String(n))),
                ]))
            case .percent(let share):
                row.add(XElement("c", [("r", reference), ("s", String(Style.percent.rawValue))], [
                    .element(XElement("v", text: String(share))),
                ]))
            case .date(let date):
                row.add(XElement("c", [("r", reference), ("s", String(Style.date.rawValue))], [
                    .element(XElement("v", text: String(serial(date)))),
                ]))
            }
        }
        return row
    }

    /// Days since 30 December 1899, as spreadsheets count dates (1 January 1900 is day 2 that way; the dates
    /// people record all fall after Excel's false 29 February 1900).
    static func serial(_ date: LocalDate) -> Int {
        date.dayNumber - LocalDate(year: 1900, month: 1, day: 1)!.dayNumber + 2
    }

    /// Each column as wide as its widest line (header bold counts a little wider), between 6 and 60 characters.
    static func widths(_ sheet: Sheet, columns: Int) -> [Double] {
        var widest = [Int](repeating: 0, count: columns)
        func measure(_ text: String, _ index: Int, extra: Int) {
            let width = text.split(separator: "\n", omittingEmptySubsequences: false)
                .map { DisplayWidth.of(String($0)) }.max() ?? 0
            widest[index] = max(widest[index], width + extra)
        }
        for (index, header) in sheet.headers.enumerated() { measure(header, index, extra: 3) }
        for cells in sheet.rows {
            for (index, cell) in cells.enumerated() where index < columns {
                measure(cell.displayText, index, extra: 0)
            }
        }
        return widest.map { Double(min(60, max(6, $0 + 2))) }
    }

    /// A, B, ... Z, AA, AB ...
    static func column(_ index: Int) -> String {
        var n = index + 1
        var letters = ""
        while n > 0 {
            let remainder = (n - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + remainder))) + letters
            n = (n - 1) / 26
        }
        return letters
    }

    /// Names a spreadsheet accepts: no [ ] : * ? / \, at most 31 characters, not empty, each different.
    static func sheetNames(_ wanted: [String]) -> [String] {
        var used: Set<String> = []
        return wanted.enumerated().map { index, raw in
            var name = String(XMLWriter.legal(raw).map { "[]:*?/\\".contains($0) ? "-" : $0 })
                .trimmingCharacters(in: CharacterSet(charactersIn: "' "))
            if name.isEmpty { name = "Sheet\(index + 1)" }
            name = String(name.prefix(31))
            var candidate = name
            var n = 2
            while used.contains(candidate.lowercased()) {
                let suffix = " (\(n))"
                candidate = String(name.prefix(31 - suffix.count)) + suffix
                n += 1
            }
            used.insert(candidate.lowercased())
            return candidate
        }
    }
}
