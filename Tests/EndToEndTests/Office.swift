import Documents
import Foundation
import Storage
import Testing

/// LibreOffice headless and poppler, as an office's own programs would open our files. Each run has a profile and
/// a temporary folder of its own inside the test's sandbox, so the user's LibreOffice profile is never touched and
/// two tests never share a profile lock. `make deps` installs both; without them the test fails saying so.
struct Office {
    let root: URL

    init(_ sandbox: Sandbox) throws {
        root = sandbox.root.appendingPathComponent("office-\(UUID().uuidString.prefix(8))")
        for folder in ["profile", "tmp", "home", "out"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
    }

    static let soffice = ["/usr/bin/soffice", "/usr/bin/libreoffice"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static let pdftotext = "/usr/bin/pdftotext"

    /// False, with an issue recorded, when LibreOffice or pdftotext is missing.
    static func available(sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        guard soffice != nil, FileManager.default.isExecutableFile(atPath: pdftotext) else {
            Issue.record("LibreOffice (libreoffice-writer-nogui, libreoffice-calc-nogui) and poppler-utils are needed: run make deps",
                         sourceLocation: sourceLocation)
            return false
        }
        return true
    }

    var outFolder: String { root.appendingPathComponent("out").path }

    /// Converts the files in one LibreOffice run; `filter` is what `--convert-to` takes.
    @discardableResult
    func convert(_ files: [String], to filter: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> RunResult {
        let environment = ["HOME": root.appendingPathComponent("home").path, "TMPDIR": root.appendingPathComponent("tmp").path,
                           "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "SAL_USE_VCLPLUGIN": "svp"]
        let result = try spawn(Office.soffice!, [
            "-env:UserInstallation=file://" + root.appendingPathComponent("profile").path,
            "--headless", "--norestore", "--nolockcheck", "--convert-to", filter, "--outdir", outFolder,
        ] + files, environment: environment)
        #expect(result.status == 0, "soffice: \(result.stderr)", sourceLocation: sourceLocation)
        return result
    }

    /// Each file as PDF, then as text (pdftotext, reading order); keyed by the file's name without extension.
    func pdfTexts(_ files: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: String] {
        try convert(files, to: "pdf", sourceLocation: sourceLocation)
        var texts: [String: String] = [:]
        for file in files {
            let stem = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
            let pdf = (outFolder as NSString).appendingPathComponent(stem + ".pdf")
            guard FileManager.default.fileExists(atPath: pdf) else {
                Issue.record("\(file) did not convert to PDF", sourceLocation: sourceLocation)
                continue
            }
            let text = try spawn(Office.pdftotext, ["-enc", "UTF-8", pdf, "-"])
            #expect(text.status == 0, sourceLocation: sourceLocation)
            texts[stem] = text.stdout
        }
        return texts
    }

    /// Every sheet of a workbook as CSV the way LibreOffice saves it (UTF-8, comma, cells as shown); keyed by sheet
    /// name, in the workbook's order.
    func sheets(_ xlsx: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [(name: String, table: CSVTable)] {
        try convert([xlsx], to: "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1",
                    sourceLocation: sourceLocation)
        let stem = URL(fileURLWithPath: xlsx).deletingPathExtension().lastPathComponent
        let package = try ZipPackage.read(try Data(contentsOf: URL(fileURLWithPath: xlsx)), name: xlsx)
        let workbook = try XMLReader.parse(try #require(package["xl/workbook.xml"]))
        let names = workbook.elements.first { $0.name == "sheets" }?.elements.compactMap { $0.attribute("name") } ?? []
        return try names.map { name in
            (name, try CSVFiles.read(path: (outFolder as NSString).appendingPathComponent("\(stem)-\(name).csv")))
        }
    }
}

/// A text with its lines joined by single spaces: PDF text breaks lines where the page did.
func joinedLines(_ text: String) -> String {
    text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        .joined(separator: " ")
}

/// A cell of the program's CSV as the spreadsheet holds it: the apostrophe that keeps "=1+1" from running as a
/// formula in Excel is not part of the text.
func spreadsheetCell(_ csvCell: String) -> String {
    guard csvCell.hasPrefix("'"), let next = csvCell.dropFirst().unicodeScalars.first,
          "=+-@\t\r".unicodeScalars.contains(next) else { return csvCell }
    return String(csvCell.dropFirst())
}
