/// Blocks as WordprocessingML: `w:p` paragraphs of `w:r` runs and real `w:tbl` tables (header row repeated on each
/// page, rows kept whole, fixed column widths). Generated paragraphs take the look of the template paragraph they
/// replace (its font, size and spacing), with their own alignment, indent and emphasis on top.
public struct WordML: Sendable {
    /// The text width in twentieths of a point: A4 less the margins of Decree 30 (30 mm left, 15 mm right).
    public static let textWidth = 9355

    /// Properties of the template paragraph and run the blocks replace.
    public var baseParagraph: XElement?
    public var baseRun: XElement?

    public init(baseParagraph: XElement? = nil, baseRun: XElement? = nil) {
        self.baseParagraph = baseParagraph
        self.baseRun = baseRun
    }

    /// The blocks in order; a paragraph after a table keeps a little space from it.
    public func elements(_ blocks: [Block]) -> [XElement] {
        var afterTable = false
        return blocks.map { block in
            switch block {
            case .paragraph(var p):
                p.spaceBefore = p.spaceBefore || afterTable
                afterTable = false
                return paragraph(p)
            case .table(let t):
                afterTable = true
                return table(t)
            }
        }
    }

    public func paragraph(_ p: Paragraph, runSize: Int? = nil) -> XElement {
        var own: [XElement] = []
        if p.keepWithNext { own.append(XElement("w:keepNext")) }
        if p.spaceBefore { own.append(XElement("w:spacing", [("w:before", "120")])) }
        switch p.indent {
        case .none: break
        case .firstLine: own.append(XElement("w:ind", [("w:firstLine", "567")]))
        case .hanging: own.append(XElement("w:ind", [("w:left", "850"), ("w:hanging", "283")]))
        }
        own.append(XElement("w:jc", [("w:val", Self.justification(p.alignment))]))
        var element = XElement("w:p")
        element.add(WordProperties.merged("w:pPr", base: baseParagraph, own: own))
        for run in p.runs { element.children += Self.runs(run, base: baseRun, size: runSize).map(XNode.element) }
        return element
    }

    /// A run per line: line breaks become `w:br`, tabs `w:tab`.
    static func runs(_ run: Run, base: XElement?, size: Int?) -> [XElement] {
        var own: [XElement] = []
        if run.bold { own.append(XElement("w:b")) }
        if run.italic { own.append(XElement("w:i")) }
        if let size {
            own.append(XElement("w:sz", [("w:val", String(size))]))
            own.append(XElement("w:szCs", [("w:val", String(size))]))
        }
        if run.underline { own.append(XElement("w:u", [("w:val", "single")])) }
        var element = XElement("w:r")
        let properties = WordProperties.merged("w:rPr", base: base, own: own)
        if !properties.children.isEmpty { element.add(properties) }
        element.children += textNodes(run.text).map(XNode.element)
        return [element]
    }

    /// `w:t` pieces with `w:br` and `w:tab` between them, as a run holds text.
    public static func textNodes(_ text: String) -> [XElement] {
        var nodes: [XElement] = []
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() {
            if index > 0 { nodes.append(XElement("w:br")) }
            let pieces = line.split(separator: "\t", omittingEmptySubsequences: false)
            for (i, piece) in pieces.enumerated() {
                if i > 0 { nodes.append(XElement("w:tab")) }
                if !piece.isEmpty { nodes.append(XElement("w:t", [("xml:space", "preserve")], text: String(piece))) }
            }
        }
        return nodes
    }

    static func justification(_ alignment: Alignment) -> String {
        switch alignment {
        case .left: return "left"
        case .center: return "center"
        case .right: return "right"
        case .justify: return "both"
        }
    }

    /// A bordered table across the text width; header cells bold and centred, total rows bold; 12 pt text, 11 pt
    /// when there are more than seven columns.
    public func table(_ t: Table) -> XElement {
        let totalWeight = max(1, t.columns.reduce(0) { $0 + $1.weight })
        let widths = t.columns.map { Self.textWidth * $0.weight / totalWeight }
        var tbl = XElement("w:tbl")
        let border: [(String, String)] = [("w:val", "single"), ("w:sz", "4"), ("w:space", "0"), ("w:color", "000000")]
        tbl.add(XElement("w:tblPr", [], [
            .element(XElement("w:tblW", [("w:w", String(Self.textWidth)), ("w:type", "dxa")])),
            .element(XElement("w:jc", [("w:val", "center")])),
            .element(XElement("w:tblBorders", [], ["w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"]
                .map { .element(XElement($0, border)) })),
            .element(XElement("w:tblLayout", [("w:type", "fixed")])),
            .element(XElement("w:tblCellMar", [], [
                .element(XElement("w:left", [("w:w", "57"), ("w:type", "dxa")])),
                .element(XElement("w:right", [("w:w", "57"), ("w:type", "dxa")])),
            ])),
        ]))
        tbl.add(XElement("w:tblGrid", [], widths.map { .element(XElement("w:gridCol", [("w:w", String($0))])) }))
        tbl.add(row(t.columns.map(\.header), widths: widths, alignments: t.columns.map { _ in .center }, bold: true,
                    header: true))
        for cells in t.rows {
            tbl.add(row(cells, widths: widths, alignments: t.columns.map(\.alignment), bold: false, header: false))
        }
        for cells in t.totals {
            tbl.add(row(cells, widths: widths, alignments: t.columns.map(\.alignment), bold: true, header: false))
        }
        return tbl
    }

    private func row(_ cells: [String], widths: [Int], alignments: [Alignment], bold: Bool, header: Bool) -> XElement {
        var tr = XElement("w:tr")
        var rowProperties = [XNode.element(XElement("w:cantSplit"))]
        if header { rowProperties.append(.element(XElement("w:tblHeader"))) }
        tr.add(XElement("w:trPr", [], rowProperties))
        // Cells are plain: the template's look is for the body text, not for the table.
        let plain = WordML()
        for (index, width) in widths.enumerated() {
            let text = index < cells.count ? cells[index] : ""
            var tc = XElement("w:tc")
            tc.add(XElement("w:tcPr", [], [
                .element(XElement("w:tcW", [("w:w", String(width)), ("w:type", "dxa")])),
                .element(XElement("w:vAlign", [("w:val", "center")])),
            ]))
            var paragraph = Paragraph([Run(text, bold: bold)], alignment: alignments[index])
            paragraph.keepWithNext = header
            tc.add(plain.paragraph(paragraph, runSize: widths.count > 7 ? 22 : 24))
            tr.add(tc)
        }
        return tr
    }
}

/// Property elements (`w:pPr`, `w:rPr`) in the order the schema requires: Word refuses a file whose properties
/// are out of order.
enum WordProperties {
    static let paragraphOrder = [
        "w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr", "w:widowControl", "w:numPr",
        "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap",
        "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd",
        "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
        "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr",
        "w:sectPr", "w:pPrChange",
    ]
    static let runOrder = [
        "w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:i", "w:iCs", "w:caps", "w:smallCaps", "w:strike", "w:dstrike",
        "w:outline", "w:shadow", "w:emboss", "w:imprint", "w:noProof", "w:snapToGrid", "w:vanish", "w:webHidden",
        "w:color", "w:spacing", "w:w", "w:kern", "w:position", "w:sz", "w:szCs", "w:highlight", "w:u", "w:effect",
        "w:bdr", "w:shd", "w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout",
        "w:specVanish", "w:oMath",
    ]

    /// The base's children with `own` replacing those of the same name, in schema order. A paragraph's own
    /// emphasis (bold, italic) replaces the base's; the base's emphasis is dropped when the block sets none, so a
    /// bold placeholder does not make a whole table bold.
    static func merged(_ name: String, base: XElement?, own: [XElement]) -> XElement {
        let order = name == "w:pPr" ? paragraphOrder : runOrder
        let ownNames = Set(own.map(\.name))
        let dropped: Set<String> = name == "w:rPr" ? ["w:b", "w:bCs", "w:i", "w:iCs", "w:u", "w:caps"] : ["w:sectPr", "w:pPrChange", "w:numPr"]
        let kept = (base?.elements ?? []).filter { !ownNames.contains($0.name) && !dropped.contains($0.name) }
        let all = (kept + own).enumerated().sorted { a, b in
            let ia = order.firstIndex(of: a.element.name) ?? order.count
            let ib = order.firstIndex(of: b.element.name) ?? order.count
            return ia != ib ? ia < ib : a.offset < b.offset
        }.map { XNode.element($0.element) }
        return XElement(name, [], all)
    }
}
