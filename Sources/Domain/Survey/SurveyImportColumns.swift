import Foundation

/// Which question each column of a file answers: guessed from the headers, saved under the headers'
/// signature, and the form tools' own metadata columns set aside.
extension SurveyImport {
    /// A stable name for a set of headers, under which a mapping is saved for reuse.
    public static func signature(of headers: [String]) -> String {
        headers.map { VietnameseText.fold($0.cleanedInput) }.joined(separator: "|")
    }

    /// Guesses each column's question from its header: the question's id or its label, marks and case aside.
    /// The metadata columns of KoboToolbox and ODK exports that answer no question are set aside (ignored).
    public func suggestedMapping(for headers: [String]) -> [String: String] {
        var mapping: [String: String] = [:]
        for header in headers {
            let folded = VietnameseText.fold(header.cleanedInput)
            if let question = engine.questionnaire.questions.first(where: {
                VietnameseText.fold($0.id) == folded || VietnameseText.fold($0.label.vi) == folded
                    || VietnameseText.fold($0.label.en) == folded
            }) {
                mapping[header] = question.id
            } else if Self.isMetadataColumn(header) {
                mapping[header] = Self.ignore
            }
        }
        return mapping
    }

    /// A saved mapping completed for headers it does not name (none, for the same file again): its choices kept,
    /// the rest guessed.
    public func mapping(for headers: [String], saved: [String: String]?) -> [String: String] {
        var mapping = suggestedMapping(for: headers)
        for header in headers { if let id = saved?[header] { mapping[header] = id } }
        return mapping
    }

    /// Names the form tools give their own columns: when the form was filled in, on which device, the
    /// server's record number and review state. KoboToolbox prefixes its system columns with "_" and
    /// ODK groups the form's metadata under "meta/" (ODK Central writes "meta-"), so those count as well.
    static let metadataNames: Set<String> = [
        "start", "end", "today", "deviceid", "subscriberid", "simserial", "phonenumber", "username", "email",
        "audit", "instanceid", "instancename", "deprecatedid", "rootuuid", "uuid", "__version__", "version",
        "submissiondate", "key", "submitterid", "submittername", "attachmentspresent", "attachmentsexpected",
        "status", "reviewstate", "edits", "formversion",
    ]

    /// Whether a column holds a form tool's metadata (KoboToolbox, ODK Collect or Central), not an answer:
    /// "start", "_submission_time", "meta/instanceID", "formhub/uuid", "__version__", also under a group
    /// ("group_a/_index"). Marks and case aside.
    public static func isMetadataColumn(_ header: String) -> Bool {
        let folded = VietnameseText.fold(header.cleanedInput).lowercased()
        guard !folded.isEmpty else { return false }
        let parts = folded.split(separator: "/").map(String.init)
        if parts.count > 1, parts.dropLast().contains(where: { $0 == "meta" || $0 == "formhub" || $0 == "__system" }) {
            return true
        }
        var name = parts.last ?? folded
        if name.hasPrefix("meta-") { return true }
        if name.hasPrefix("_") { return true }
        name = name.replacingOccurrences(of: " ", with: "")
        return metadataNames.contains(name)
    }
}
