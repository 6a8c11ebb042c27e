import AppResources
import Documents
import Domain
import Foundation
import Storage

/// Where documents and workbooks become files: the template chosen (the office's own before the shipped one),
/// the file written 0600, never over an existing one unless asked.
public enum DocumentFiles {
    /// The office's templates: `<folder of the data file>/templates/`.
    public static func officeTemplateFolder(dataFile: String) -> String {
        URL(fileURLWithPath: dataFile).deletingLastPathComponent().appendingPathComponent("templates").path
    }

    /// The template for a kind of document, and the office's file when it is the one used (nil: the shipped one).
    public static func template(for kind: DocumentKind, dataFile: String) throws -> (DocxTemplate, officeFile: String?) {
        let own = (officeTemplateFolder(dataFile: dataFile) as NSString).appendingPathComponent(kind.templateFile)
        if FileManager.default.fileExists(atPath: own) {
            guard let data = FileManager.default.contents(atPath: own) else {
                throw DocumentError.templateUnreadable(path: own)
            }
            return (try DocxTemplate(data: data, name: own), own)
        }
        let data = try AppResources.data("templates/" + kind.templateFile)
        return (try DocxTemplate(data: data, name: kind.templateFile), nil)
    }

    /// Writes the document as .docx; returns the office template used, if one was.
    @discardableResult
    public static func writeDocx(_ document: OfficialDocument, to path: String, overwrite: Bool, dataFile: String) throws
        -> String?
    {
        let (template, officeFile) = try template(for: document.kind, dataFile: dataFile)
        try OutputFile.write(try template.fill(document.values), to: path, overwrite: overwrite)
        return officeFile
    }

    public static func writeText(_ document: OfficialDocument, to path: String, overwrite: Bool) throws {
        try OutputFile.write(Data(PlainText.render(document).utf8), to: path, overwrite: overwrite)
    }

    public static func writeWorkbook(_ workbook: Workbook, to path: String, overwrite: Bool) throws {
        try OutputFile.write(try XLSXWriter.data(workbook), to: path, overwrite: overwrite)
    }

    /// The CSV files of a workbook: the path itself for one sheet, "<name>-<sheet>.csv" beside it for several.
    public static func csvPaths(_ workbook: Workbook, path: String) -> [String] {
        guard workbook.sheets.count > 1 else { return [path] }
        let base = path.hasSuffix(".csv") ? String(path.dropLast(4)) : path
        return workbook.sheets.map { base + "-" + slug($0.name) + ".csv" }
    }

    /// Writes each sheet as CSV for Excel (the same cells as the .xlsx), 0600 like every other file; returns the
    /// paths. None is written when one of them exists and `overwrite` is not given.
    public static func writeCSV(_ workbook: Workbook, to path: String, style: CSVStyle, overwrite: Bool) throws -> [String] {
        let paths = csvPaths(workbook, path: path)
        if !overwrite, let existing = paths.first(where: { FileManager.default.fileExists(atPath: $0) }) {
            throw DocumentError.fileExists(path: existing)
        }
        for (sheet, file) in zip(workbook.sheets, paths) {
            let bytes = CSVFiles.data(style: style, headers: sheet.headers, rows: sheet.textRows(style))
            try OutputFile.write(bytes, to: file, overwrite: overwrite)
        }
        return paths
    }

    /// "Nhu cầu (chủ đề)" as "nhu-cau-chu-de": a file name part without marks or spaces.
    static func slug(_ name: String) -> String {
        let folded = VietnameseText.fold(name).lowercased()
        let parts = folded.split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }
        return parts.joined(separator: "-")
    }
}

extension Strings {
    public func describe(_ error: DocumentError) -> String {
        switch error {
        case .notAPackage(let name): return self(.docErrorNotDocx, name)
        case .missingPart(let name, let part): return self(.docErrorMissingPart, name, part)
        case .malformedPart(let name, let part, let line): return self(.docErrorMalformed, name, part, line)
        case .unknownPlaceholder(let template, let placeholder): return self(.docErrorUnknownPlaceholder, template, placeholder)
        case .missingPlaceholder(let template, let placeholder): return self(.docErrorMissingPlaceholder, template, placeholder)
        case .placeholderNotAlone(let template, let placeholder): return self(.docErrorPlaceholderNotAlone, template, placeholder)
        case .packagingFailed: return self[.docErrorPackaging]
        case .fileExists(let path): return self(.docErrorFileExists, path)
        case .templateUnreadable(let path): return self(.docErrorTemplateUnreadable, path)
        case .unwritable(let path, let reason):
            switch reason {
            case .noSuchFolder: return self(.docErrorNoFolder, path)
            case .permissionDenied: return self(.docErrorPermission, path)
            case .diskFull: return self(.docErrorDiskFull, path)
            case .readOnly: return self(.docErrorReadOnly, path)
            case .isFolder: return self(.docErrorIsFolder, path)
            case .other(let code): return self(.docErrorOther, path, code)
            }
        }
    }

    public func describe(_ problem: DocumentProblem) -> String {
        switch problem {
        case .communeNotInList(let code): return self(.docErrorCommuneNotInList, code)
        case .planNotApproved(let status): return self(.docErrorPlanNotApproved, name(status))
        case .officeNotSet: return self[.docErrorOfficeNotSet]
        case .evaluationNotStarted(let code, let year): return self(.docErrorEvaluationNotStarted, code, year)
        case .noCriteria: return self[.evaluationNoCriteria]
        }
    }

    /// Any failure while making a document, in words.
    public func documentFailure(_ error: Error) -> String {
        if let error = error as? DocumentError { return describe(error) }
        if let problem = error as? DocumentProblem { return describe(problem) }
        if let error = error as? CSVFileError { return describe(error) }
        return readFailure(error)
    }
}
