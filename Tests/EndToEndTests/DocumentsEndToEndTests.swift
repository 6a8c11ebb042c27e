import Documents
import Domain
import Foundation
import Storage
import Testing

/// The documents and workbooks as the commands write them, opened by LibreOffice: each converts to PDF, the PDF's
/// text says what the document must, a workbook saved back as CSV by LibreOffice holds the cells of the program's
/// own CSV export, and hostile names come out as typed.
@Suite struct DocumentsEndToEndTests {
    /// A demo data file in a fresh sandbox.
    func demo() throws -> (Sandbox, String) {
        let sandbox = Sandbox()
        let data = sandbox.path("demo.sqlite")
        #expect(try runProgram(["demo", "create", data], in: sandbox).status == 0)
        return (sandbox, data)
    }

    /// Runs a command that writes a file; expects success.
    @discardableResult
    func write(_ arguments: [String], _ data: String, _ sandbox: Sandbox, sourceLocation: SourceLocation = #_sourceLocation)
        throws -> RunResult
    {
        let result = try runProgram(arguments + ["--data", data], in: sandbox)
        #expect(result.status == 0, "\(arguments): \(result.stderr)", sourceLocation: sourceLocation)
        return result
    }

    /// The audit head as documents print it.
    func auditHead(_ data: String) throws -> String {
        let database = try AppDatabase.open(path: data, access: .readOnly)
        defer { database.close() }
        let head = try #require(try database.auditEntries(limit: 1).first)
        return "\(head.id):\(head.hash.prefix(16))"
    }

    @Test func everyDocumentConvertsToPDFAndSaysWhatItMust() throws {
        guard Office.available() else { return }
        let (sandbox, data) = try demo()
        let file = { (name: String) in sandbox.path(name) }
        // Plan 1 is phường Hoa Lư's approved 2026 plan.
        try write(["plan", "print", "1", "--format", "docx", "-o", file("ke-hoach.docx")], data, sandbox)
        try write(["plan", "decision", "1", "-o", file("quyet-dinh.docx")], data, sandbox)
        try write(["report", "year", "--year", "2026", "--centre", "TT14329", "-o", file("tong-ket.docx")], data, sandbox)
        try write(["report", "year", "--year", "2026", "-o", file("tong-hop.docx")], data, sandbox)
        try write(["evaluation", "print", "TT14329", "--year", "2026", "-o", file("danh-gia.docx")], data, sandbox)
        for kind in ["roster", "board", "plans"] { try write(["export", kind, "-o", file("\(kind).xlsx")], data, sandbox) }
        try write(["export", "targets", "--year", "2026", "-o", file("targets.xlsx")], data, sandbox)
        for kind in ["survey", "needs"] {
            try write(["export", kind, "--centre", "TT13918", "--year", "2026", "-o", file("\(kind).xlsx")], data, sandbox)
        }
        let names = ["ke-hoach.docx", "quyet-dinh.docx", "tong-ket.docx", "tong-hop.docx", "danh-gia.docx", "roster.xlsx",
                     "board.xlsx", "plans.xlsx", "survey.xlsx", "needs.xlsx", "targets.xlsx"]
        for name in names {
            let mode = try FileManager.default.attributesOfItem(atPath: file(name))[.posixPermissions] as? Int
            #expect(mode == 0o600, "\(name) is readable by its owner only")
        }
        let texts = try Office(sandbox).pdfTexts(names.map(file)).mapValues(joinedLines)
        #expect(texts.count == names.count, "every file converts to PDF")
        let anchor = try auditHead(data)
        for stem in ["ke-hoach", "quyet-dinh", "tong-ket", "tong-hop", "danh-gia"] {
            let text = texts[stem] ?? ""
            #expect(text.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), "\(stem): motto")
            #expect(text.contains("Độc lập - Tự do - Hạnh phúc"), "\(stem): slogan")
            #expect(text.contains("Nơi nhận:"), "\(stem): recipients")
            #expect(text.contains("tthtcd audit verify --anchor \(anchor)"), "\(stem): the audit head in the footer")
        }
        let plan = texts["ke-hoach"] ?? ""
        #expect(plan.contains("UBND PHƯỜNG HOA LƯ"))
        #expect(plan.contains("Trung tâm học tập cộng đồng phường Hoa Lư xây dựng kế hoạch hoạt động năm 2026"))
        for row in ["Lớp tin học cơ bản cho người lớn tuổi", "Nói chuyện pháp luật giao thông", "Câu lạc bộ đọc sách thiếu nhi",
                    "4.500.000", "8.500.000"] {
            #expect(plan.contains(row), "the activity table holds «\(row)»")
        }
        #expect(plan.contains("Kế hoạch đã được Vũ Đức Thành, Chủ tịch UBND phường Hoa Lư, phê duyệt ngày 20/01/2026."))
        #expect(plan.contains("Nguyễn Văn Hải"), "the director signs the plan")
        let decision = texts["quyet-dinh"] ?? ""
        for phrase in ["QUYẾT ĐỊNH", "CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG HOA LƯ", "Điều 1.", "Vũ Đức Thành"] {
            #expect(decision.contains(phrase), "the decision says «\(phrase)»")
        }
        #expect(!decision.contains("chutich"), "never the login name")
        #expect((texts["tong-ket"] ?? "").contains("Báo cáo tổng kết hoạt động năm 2026") || (texts["tong-ket"] ?? "").contains("năm 2026"))
        #expect((texts["tong-hop"] ?? "").contains("SỞ GIÁO DỤC VÀ ĐÀO TẠO"))
        #expect((texts["roster"] ?? "").contains("Trung tâm học tập cộng đồng xã Nghĩa Sơn"))
        #expect((texts["needs"] ?? "").contains("Nuôi trồng thủy sản"))
        // The evaluation sheet: its title, a criterion row of its table, both totals, the rank and the director.
        let sheet = texts["danh-gia"] ?? ""
        for phrase in ["PHIẾU ĐÁNH GIÁ, XẾP LOẠI", "UBND PHƯỜNG HOA LƯ", "Thực hiện các hoạt động",
                       "Trung tâm tự đánh giá 83/100 điểm", "xếp loại: Khá", "Nguyễn Văn Hải"] {
            #expect(sheet.contains(phrase), "the evaluation sheet says «\(phrase)»")
        }
        let targets = texts["targets"] ?? ""
        #expect(targets.contains("Có kế hoạch năm được duyệt"), "the targets workbook's first sheet")
    }

    @Test func workbooksReopenWithTheCellsOfTheCSVExport() throws {
        guard Office.available() else { return }
        let (sandbox, data) = try demo()
        let office = try Office(sandbox)
        let exports: [(String, [String])] = [
            ("roster", []), ("board", ["--as-of", "2026-11-21"]), ("plans", []),
            ("survey", ["--centre", "TT13918", "--year", "2026"]), ("needs", ["--centre", "TT13918", "--year", "2026"]),
            ("targets", ["--year", "2026"]),
        ]
        for (kind, options) in exports {
            let xlsx = sandbox.path("\(kind).xlsx")
            try write(["export", kind, "-o", xlsx] + options, data, sandbox)
            let printed = try write(["export", kind, "-o", sandbox.path("\(kind).csv")] + options, data, sandbox)
            // One file per sheet, in the workbook's order, as the command says.
            let csvFiles = printed.stdout.split(separator: "\n").compactMap { line -> String? in
                guard let start = line.range(of: sandbox.root.path) else { return nil }
                return String(line[start.lowerBound...]).trimmingCharacters(in: CharacterSet(charactersIn: "."))
            }
            let sheets = try office.sheets(xlsx)
            #expect(sheets.count == csvFiles.count, "\(kind): a CSV file per sheet")
            for ((name, reopened), csv) in zip(sheets, csvFiles) {
                let own = try CSVFiles.read(path: csv)
                #expect(reopened.headers == own.headers.map(spreadsheetCell), "\(kind)/\(name): headers")
                #expect(reopened.rows.count == own.rows.count, "\(kind)/\(name): rows")
                for (index, (theirs, ours)) in zip(reopened.rows, own.rows).enumerated() {
                    // The program writes shares with the decimal comma Vietnamese Excel reads ("32,3%"); LibreOffice in
                    // the tests' locale writes a point.
                    let pointed = ours.map { cell in
                        cell.range(of: #"^-?\d+,\d+%$"#, options: .regularExpression) == nil
                            ? cell : cell.replacingOccurrences(of: ",", with: ".")
                    }
                    #expect(theirs == pointed.map(spreadsheetCell), "\(kind)/\(name) row \(index + 1)")
                }
            }
        }
    }

    /// Names typed with markup, an ampersand, quotes, a formula, an emoji and decomposed marks: the files open, and
    /// each holds the name as typed (in NFC), never as markup or a formula.
    @Test func hostileNamesComeOutAsTyped() throws {
        guard Office.available() else { return }
        let (sandbox, data) = try demo()
        let typed = "=1+1 <b>Ngô</b> & \"Lan\" 'Anh' 😀 " + "Nguyễn".decomposedStringWithCanonicalMapping
        let nfc = typed.precomposedStringWithCanonicalMapping
        do {
            let database = try AppDatabase.open(path: data)
            defer { database.close() }
            let clerk = try #require(try database.accounts().first { $0.username == "canbo" }).actor
            let centre = try #require(try database.centre(code: "TT14329"))
            var director = try #require(try database.boardMembers(centreID: centre.id!).first { $0.role == .director })
            director.fullName = typed
            _ = try database.saveBoardMember(director, by: clerk, at: Date())
            var renamed = centre
            renamed.address = typed
            _ = try database.saveCentre(renamed, by: clerk, at: Date())
        }
        try write(["plan", "print", "1", "--format", "docx", "-o", sandbox.path("ke-hoach.docx")], data, sandbox)
        try write(["export", "roster", "-o", sandbox.path("roster.xlsx")], data, sandbox)
        try write(["export", "roster", "-o", sandbox.path("roster.csv")], data, sandbox)

        // In the Word file: one text node holding the name, escaped by the writer and read back whole.
        let package = try ZipPackage.read(try Data(contentsOf: URL(fileURLWithPath: sandbox.path("ke-hoach.docx"))), name: "docx")
        let body = try XMLReader.parse(try #require(package["word/document.xml"]))
        #expect(body.text.contains(nfc))
        let office = try Office(sandbox)
        let text = joinedLines(try office.pdfTexts([sandbox.path("ke-hoach.docx")])["ke-hoach"] ?? "")
        #expect(text.contains("=1+1 <b>Ngô</b> & \"Lan\" 'Anh'"), "the PDF shows the name as typed")
        #expect(text.contains("Nguyễn"))

        // In the workbook: the address cell is the text typed, not a formula's result, and the CSV agrees.
        let sheets = try office.sheets(sandbox.path("roster.xlsx"))
        let reopened = try #require(sheets.first?.table)
        let column = try #require(reopened.headers.firstIndex(of: "Địa chỉ trụ sở"))
        let row = try #require(reopened.rows.first { $0.first == "TT14329" })
        #expect(row[column] == nfc)
        let own = try CSVFiles.read(path: sandbox.path("roster.csv"))
        #expect(own.rows.first { $0.first == "TT14329" }?[column] == "'" + nfc, "Excel would run it: the CSV neutralises it")
    }

    @Test func filesAreNeverOverwrittenWithoutForceAndABrokenTemplateIsRefusedByName() throws {
        let (sandbox, data) = try demo()
        let out = sandbox.path("ke-hoach.docx")
        let first = try write(["plan", "print", "1", "--format", "docx", "-o", out], data, sandbox)
        #expect(first.stdout.contains("Mẫu đã dùng: ke-hoach.docx (mẫu có sẵn)"))
        let before = try Data(contentsOf: URL(fileURLWithPath: out))
        let again = try runProgram(["plan", "print", "1", "--format", "docx", "-o", out, "--data", data], in: sandbox)
        #expect(again.status != 0)
        #expect(again.stderr.contains(out))
        #expect(try Data(contentsOf: URL(fileURLWithPath: out)) == before)
        try write(["plan", "print", "1", "--format", "docx", "-o", out, "--force"], data, sandbox)

        // The office's own template, beside the data file, is used and named.
        let templates = sandbox.root.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        let own = templates.appendingPathComponent("ke-hoach.docx")
        var package = try ZipPackage.read(try Data(contentsOf: shippedTemplate("ke-hoach.docx")), name: "ke-hoach.docx")
        try package.zipped().write(to: own)
        let used = try write(["plan", "print", "1", "--format", "docx", "-o", sandbox.path("own.docx")], data, sandbox)
        #expect(used.stdout.contains(own.path))

        // One unknown placeholder: refused, naming it, and nothing written.
        let body = String(decoding: try #require(package["word/document.xml"]), as: UTF8.self)
        package["word/document.xml"] = Data(body.replacingOccurrences(of: "{{TRICH_YEU}}", with: "{{TRICH_YEU}} {{SO_HIEU}}").utf8)
        try package.zipped().write(to: own)
        let refused = try runProgram(["plan", "print", "1", "--format", "docx", "-o", sandbox.path("x.docx"), "--data", data],
                                     in: sandbox)
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("{{SO_HIEU}}"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: sandbox.path("x.docx")))

        // One missing: refused, naming it.
        package["word/document.xml"] = Data(body.replacingOccurrences(of: "{{HO_TEN_KY}}", with: "").utf8)
        try package.zipped().write(to: own)
        let missing = try runProgram(["plan", "decision", "1", "-o", sandbox.path("y.docx"), "--data", data], in: sandbox)
        #expect(missing.status == 0, "another kind's template is not affected")
        let lacking = try runProgram(["plan", "print", "1", "--format", "docx", "-o", sandbox.path("z.docx"), "--data", data],
                                     in: sandbox)
        #expect(lacking.status != 0)
        #expect(lacking.stderr.contains("{{HO_TEN_KY}}"), "\(lacking.stderr)")
    }

    func shippedTemplate(_ name: String) -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Resources/templates/" + name)
    }
}
