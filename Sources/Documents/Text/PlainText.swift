import Domain

/// An official document as plain text 80 columns wide, laid out as on paper: the issuer and the motto side by
/// side, number beside place and date, the title centred, the body wrapped, tables as numbered entries with their
/// columns named, "Nơi nhận" beside the signature block, the audit head last. `plan print --format text` prints
/// it, and the golden tests compare it.
public enum PlainText {
    public static let width = 80

    public static func render(_ document: OfficialDocument) -> String {
        var lines: [String] = []
        let half = width / 2
        let left = textLines(document.superiorBody) + textLines(document.issuingBody) + ["────────", document.number]
        let right = [document.motto, document.slogan, "───────────────", ""]
        for i in 0..<max(left.count, right.count) {
            let l = i < left.count ? left[i] : "", r = i < right.count ? right[i] : ""
            lines.append(center(l, half) + center(r, width - half))
        }
        lines.append(String(repeating: " ", count: half) + center(document.placeAndDate, width - half))
        lines.append("")
        lines.append(center(document.title, width))
        for line in textLines(document.subject) {
            for wrapped in DisplayWidth.wrap(line, width: width - 10) { lines.append(center(wrapped, width)) }
        }
        lines.append(center("──────────", width))
        lines.append("")
        lines += body(document.body)
        lines.append("")
        // Recipients wrap within their half (a long one continues indented), never cut.
        let recipients = [document.recipientsLabel] + document.recipients.flatMap { recipient -> [String] in
            let head = DisplayWidth.wrap(recipient, width: half - 1)
            guard let first = head.first else { return [] }
            let rest = String(recipient.dropFirst(first.count)).trimmingCharacters(in: .whitespaces)
            return [first] + (rest.isEmpty ? [] : DisplayWidth.wrap(rest, width: half - 3).map { "  " + $0 })
        }
        let signature = textLines(document.signingAuthority) + textLines(document.signerTitle) + ["", "", document.signerName]
        for i in 0..<max(recipients.count, signature.count) {
            let l = i < recipients.count ? recipients[i] : "", r = i < signature.count ? signature[i] : ""
            lines.append(DisplayWidth.pad(l, to: half) + center(r, width - half))
        }
        lines.append("")
        for line in textLines(document.footer) { lines += DisplayWidth.wrap(line, width: width) }
        return lines.map { $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }
            .joined(separator: "\n") + "\n"
    }

    /// The body's blocks as wrapped lines: paragraphs indented three columns, list items hanging, table rows as
    /// numbered entries whose other columns follow by name.
    public static func body(_ blocks: [Block]) -> [String] {
        var lines: [String] = []
        for block in blocks {
            switch block {
            case .paragraph(let p):
                if p.spaceBefore, !(lines.last?.isEmpty ?? true) { lines.append("") }
                for line in textLines(p.text) {
                    switch (p.alignment, p.indent) {
                    case (.center, _): lines += DisplayWidth.wrap(line, width: width - 4).map { center($0, width) }
                    case (_, .hanging): lines += indented(line, first: 3, rest: 5)
                    case (_, .firstLine): lines += indented(line, first: 3, rest: 3)
                    default: lines += DisplayWidth.wrap(line, width: width)
                    }
                }
            case .table(let table):
                for cells in table.rows + table.totals {
                    let flat = cells.map { $0.replacingOccurrences(of: "\n", with: " – ") }
                    let lead = flat.prefix(table.leadColumns).filter { !$0.isEmpty }
                    let title = lead.count > 1 ? lead[0] + ". " + lead.dropFirst().joined(separator: " – ") : lead.joined()
                    lines += indented(title, first: 3, rest: 6)
                    let details = zip(table.columns, flat).dropFirst(table.leadColumns)
                        .filter { !$0.1.isEmpty }.map { $0.0.header + ": " + $0.1 }
                    if !details.isEmpty { lines += indented(details.joined(separator: "; "), first: 6, rest: 6) }
                }
            }
        }
        return lines
    }

    static func textLines(_ text: String) -> [String] {
        text.isEmpty ? [] : text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// Wrapped so that the first line starts `first` columns in and the others `rest` columns in.
    static func indented(_ text: String, first: Int, rest: Int) -> [String] {
        let head = DisplayWidth.wrap(text, width: width - first)
        guard let firstLine = head.first else { return [] }
        let remainder = String(text.dropFirst(firstLine.count)).trimmingCharacters(in: .whitespaces)
        let tail = remainder.isEmpty ? [] : DisplayWidth.wrap(remainder, width: width - rest)
        return [String(repeating: " ", count: first) + firstLine] + tail.map { String(repeating: " ", count: rest) + $0 }
    }

    static func center(_ text: String, _ width: Int) -> String {
        let w = DisplayWidth.of(text)
        guard w < width else { return text }
        let left = (width - w) / 2
        return String(repeating: " ", count: left) + text + String(repeating: " ", count: width - w - left)
    }
}
