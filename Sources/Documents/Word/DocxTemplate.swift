import Foundation

/// A Word template: a .docx whose text holds `{{NAME}}` placeholders (see `Placeholder`), in the body, the
/// headers or the footers. Word splits text into runs wherever formatting, spelling marks or editing history
/// change, so a placeholder is looked for in a paragraph's whole text, across its runs; its replacement keeps the
/// formatting of the run where it begins. A block placeholder (the body, the recipients) stands alone in its
/// paragraph, which is replaced by paragraphs and tables that take its look.
public struct DocxTemplate: Sendable {
    /// The template's name for messages (its path, or the shipped file's name).
    public let name: String
    private let package: ZipPackage
    private let parts: [String: XElement]

    public init(data: Data, name: String) throws {
        self.name = name
        package = try ZipPackage.read(data, name: name)
        guard package["word/document.xml"] != nil else {
            throw DocumentError.missingPart(name: name, part: "word/document.xml")
        }
        var parts: [String: XElement] = [:]
        for path in package.paths where Self.holdsText(path) {
            do {
                parts[path] = try XMLReader.parse(package[path] ?? Data())
            } catch let error as XMLReader.Malformed {
                throw DocumentError.malformedPart(name: name, part: path, line: error.line)
            }
        }
        self.parts = parts
        try validate()
    }

    /// The parts where placeholders may be: the body, headers and footers.
    static func holdsText(_ path: String) -> Bool {
        path == "word/document.xml"
            || (path.hasPrefix("word/header") || path.hasPrefix("word/footer")) && path.hasSuffix(".xml")
    }

    /// Every placeholder as written, in the order the parts and paragraphs hold them.
    public var placeholders: [String] {
        parts.keys.sorted().flatMap { path in Self.paragraphs(in: parts[path]!).flatMap { Self.matches(in: $0).map(\.name) } }
    }

    private func validate() throws {
        var found: Set<Placeholder> = []
        for path in parts.keys.sorted() {
            for paragraph in Self.paragraphs(in: parts[path]!) {
                let matches = Self.matches(in: paragraph)
                for match in matches {
                    guard let placeholder = Self.placeholder(named: match.name) else {
                        throw DocumentError.unknownPlaceholder(template: name, placeholder: match.name)
                    }
                    if placeholder.isBlock && !Self.standsAlone(paragraph, matches) {
                        throw DocumentError.placeholderNotAlone(template: name, placeholder: placeholder.rawValue)
                    }
                    found.insert(placeholder)
                }
            }
        }
        if let missing = Placeholder.allCases.first(where: { !found.contains($0) }) {
            throw DocumentError.missingPlaceholder(template: name, placeholder: missing.rawValue)
        }
    }

    /// A name as an office may type it: spaces around it and lower case are forgiven.
    static func placeholder(named raw: String) -> Placeholder? {
        Placeholder(rawValue: raw.trimmingCharacters(in: .whitespaces).uppercased())
    }

    /// The .docx with every placeholder replaced.
    public func fill(_ values: [Placeholder: TemplateValue]) throws -> Data {
        var output = package
        for (path, root) in parts {
            output.set(path, Self.fill(root, values))
        }
        return try output.zipped()
    }

    // MARK: - Finding placeholders

    /// A `w:t` inside a paragraph (not inside a paragraph nested in it, as in a text box): where it is, its text.
    struct Slot {
        let path: [Int]
        let text: [Unicode.Scalar]
    }

    struct Match {
        let name: String
        /// Scalar offsets in the paragraph's joined text: `{{` starts at `start`, `}}` ends before `end`.
        let start: Int
        let end: Int
    }

    static func slots(in paragraph: XElement) -> [Slot] {
        var slots: [Slot] = []
        func walk(_ element: XElement, _ path: [Int]) {
            for (index, child) in element.children.enumerated() {
                guard case .element(let e) = child else { continue }
                if e.name == "w:p" { continue }
                if e.name == "w:t" {
                    slots.append(Slot(path: path + [index], text: Array(e.text.unicodeScalars)))
                } else {
                    walk(e, path + [index])
                }
            }
        }
        walk(paragraph, [])
        return slots
    }

    static func matches(in paragraph: XElement) -> [Match] {
        let text = slots(in: paragraph).flatMap(\.text)
        var matches: [Match] = []
        var i = 0
        while i + 1 < text.count {
            guard text[i] == "{", text[i + 1] == "{" else { i += 1; continue }
            var j = i + 2
            while j + 1 < text.count, !(text[j] == "}" && text[j + 1] == "}"), text[j] != "{" { j += 1 }
            guard j + 1 < text.count, text[j] == "}", text[j + 1] == "}" else { i += 1; continue }
            var name = String.UnicodeScalarView()
            name.append(contentsOf: text[(i + 2)..<j])
            matches.append(Match(name: String(name).trimmingCharacters(in: .whitespaces), start: i, end: j + 2))
            i = j + 2
        }
        return matches
    }

    /// True when the paragraph's text is the one placeholder and spaces.
    static func standsAlone(_ paragraph: XElement, _ matches: [Match]) -> Bool {
        guard matches.count == 1 else { return false }
        let text = slots(in: paragraph).flatMap(\.text)
        let outside = text[..<matches[0].start] + text[matches[0].end...]
        return outside.allSatisfy { $0 == " " || $0 == "\t" }
    }

    /// Every paragraph of a part, nested ones included.
    static func paragraphs(in root: XElement) -> [XElement] {
        var found: [XElement] = []
        func walk(_ e: XElement) {
            if e.name == "w:p" { found.append(e) }
            for child in e.elements { walk(child) }
        }
        walk(root)
        return found
    }

    // MARK: - Filling

    static func fill(_ element: XElement, _ values: [Placeholder: TemplateValue]) -> XElement {
        var copy = element
        copy.children = fillChildren(of: element, values)
        return copy
    }

    private static func fillChildren(of element: XElement, _ values: [Placeholder: TemplateValue]) -> [XNode] {
        var result: [XNode] = []
        for child in element.children {
            guard case .element(let e) = child else {
                result.append(child)
                continue
            }
            if e.name == "w:p" {
                result += fillParagraph(fill(e, values), values)
            } else {
                result.append(.element(fill(e, values)))
            }
        }
        // A table cell must end with a paragraph, even when a block ended in a table or left nothing.
        if element.name == "w:tc", !(result.last.map { if case .element(let e) = $0 { return e.name == "w:p" } else { return false } } ?? false) {
            result.append(.element(XElement("w:p")))
        }
        return result
    }

    /// The nodes that take a paragraph's place: itself with its placeholders filled, the blocks of a block
    /// placeholder, or nothing when it held only placeholders that came out empty.
    private static func fillParagraph(_ paragraph: XElement, _ values: [Placeholder: TemplateValue]) -> [XNode] {
        let matches = matches(in: paragraph)
        guard !matches.isEmpty else { return [.element(paragraph)] }
        let slots = slots(in: paragraph)
        if matches.count == 1, let placeholder = placeholder(named: matches[0].name), placeholder.isBlock,
           case .blocks(let blocks)? = values[placeholder] {
            let firstRun = slots.first.flatMap { runProperties(in: paragraph, slotPath: $0.path) }
            let ml = WordML(baseParagraph: paragraph.elements.first { $0.name == "w:pPr" }, baseRun: firstRun)
            return ml.elements(blocks).map(XNode.element)
        }
        let onlyPlaceholders = matches.reduce(slots.flatMap(\.text).count) { $0 - ($1.end - $1.start) } == 0
        var filled = paragraph
        // From the last match back, so the offsets of those before stay true.
        for match in matches.reversed() {
            let value: String
            switch placeholder(named: match.name).flatMap({ values[$0] }) {
            case .text(let text)?: value = text
            case .blocks(let blocks)?: value = blocks.map(plainText).joined(separator: "\n")
            case nil: value = ""
            }
            replace(match, with: value, in: &filled, slots: slots)
        }
        let keepsSection = paragraph.elements.first { $0.name == "w:pPr" }?.elements.contains { $0.name == "w:sectPr" } ?? false
        if onlyPlaceholders && !keepsSection && Self.slots(in: filled).allSatisfy({ $0.text.isEmpty })
            && !containsBreak(filled) {
            return []
        }
        return [.element(filled)]
    }

    static func plainText(_ block: Block) -> String {
        switch block {
        case .paragraph(let p): return p.text
        case .table(let t): return t.rows.map { $0.joined(separator: "\t") }.joined(separator: "\n")
        }
    }

    private static func containsBreak(_ e: XElement) -> Bool {
        e.elements.contains { $0.name == "w:br" || containsBreak($0) }
    }

    /// The `w:rPr` of the run that holds the slot at `path`.
    private static func runProperties(in paragraph: XElement, slotPath: [Int]) -> XElement? {
        guard slotPath.count >= 2 else { return nil }
        let run = element(at: Array(slotPath.dropLast()), in: paragraph)
        return run?.elements.first { $0.name == "w:rPr" }
    }

    private static func element(at path: [Int], in root: XElement) -> XElement? {
        var current = root
        for index in path {
            guard index < current.children.count, case .element(let e) = current.children[index] else { return nil }
            current = e
        }
        return current
    }

    /// Puts `value` where the match begins and takes the placeholder's characters out of every slot it spans.
    private static func replace(_ match: Match, with value: String, in paragraph: inout XElement, slots: [Slot]) {
        var offset = 0
        var spans: [(slot: Slot, from: Int, to: Int)] = []
        for slot in slots {
            let start = offset, end = offset + slot.text.count
            offset = end
            let from = max(match.start, start), to = min(match.end, end)
            if from < to { spans.append((slot, from - start, to - start)) }
        }
        guard let first = spans.first else { return }
        // The later slots lose their part of the placeholder; their text does not move.
        for span in spans.dropFirst().reversed() {
            var text = span.slot.text
            text.removeSubrange(span.from..<span.to)
            setText(String(String.UnicodeScalarView(text)), at: span.slot.path, in: &paragraph)
        }
        let prefix = String(String.UnicodeScalarView(first.slot.text[..<first.from]))
        let suffix = String(String.UnicodeScalarView(first.slot.text[first.to...]))
        let replacement = prefix + value + suffix
        if replacement.contains("\n") || replacement.contains("\t") {
            replaceNode(at: first.slot.path, with: WordML.textNodes(replacement).map(XNode.element), in: &paragraph)
        } else {
            setText(replacement, at: first.slot.path, in: &paragraph)
        }
    }

    private static func setText(_ text: String, at path: [Int], in root: inout XElement) {
        modify(&root, path) { t in
            t.children = text.isEmpty ? [] : [.text(text)]
            t.setAttribute("xml:space", "preserve")
        }
    }

    private static func modify(_ root: inout XElement, _ path: [Int], _ change: (inout XElement) -> Void) {
        guard let index = path.first, index < root.children.count, case .element(var child) = root.children[index] else {
            if path.isEmpty { change(&root) }
            return
        }
        if path.count == 1 {
            change(&child)
        } else {
            modify(&child, Array(path.dropFirst()), change)
        }
        root.children[index] = .element(child)
    }

    private static func replaceNode(at path: [Int], with nodes: [XNode], in root: inout XElement) {
        guard let last = path.last else { return }
        modify(&root, Array(path.dropLast())) { parent in
            guard last < parent.children.count else { return }
            parent.children.replaceSubrange(last...last, with: nodes)
        }
    }
}
