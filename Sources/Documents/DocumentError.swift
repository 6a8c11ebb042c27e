/// Why a document or workbook could not be made. Screens and commands say each in the user's language.
public enum DocumentError: Error, Equatable, Sendable {
    /// A template (or a part) that is not a ZIP file: not a .docx at all.
    case notAPackage(name: String)
    /// A .docx without one of the parts every Word document has.
    case missingPart(name: String, part: String)
    /// A part that is not well-formed XML.
    case malformedPart(name: String, part: String, line: Int)
    /// A placeholder the program does not know, as the template spells it.
    case unknownPlaceholder(template: String, placeholder: String)
    /// A placeholder this kind of document needs, absent from the template.
    case missingPlaceholder(template: String, placeholder: String)
    /// A placeholder that stands for paragraphs or a table, sharing its paragraph with other text.
    case placeholderNotAlone(template: String, placeholder: String)
    case packagingFailed
    /// The output file exists and `--force` (or the user's yes) was not given.
    case fileExists(path: String)
    case unwritable(path: String, reason: WriteFailure)
    case templateUnreadable(path: String)
}

/// What the system said when a file could not be written, in words the screens can translate.
public enum WriteFailure: Equatable, Sendable {
    case noSuchFolder, permissionDenied, diskFull, readOnly, isFolder, other(code: Int32)
}
