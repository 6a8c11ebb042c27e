import Foundation
import Testing
@testable import Documents

/// Templates: placeholders found across Word's runs, unknown and missing ones refused by name, blocks put in place
/// of their paragraph with its look, and the shipped templates complete.
@Suite struct DocxTemplateTests {
    /// A run of text, with bold when asked.
    static func run(_ text: String, bold: Bool = false) -> XNode {
        var r = XElement("w:r")
        if bold { r.add(XElement("w:rPr", [], [.element(XElement("w:b")), .element(XElement("w:sz", [("w:val", "26")]))])) }
        r.add(XElement("w:t", [("xml:space", "preserve")], text: text))
        return .element(r)
    }

    static func paragraph(_ runs: [XNode], centred: Bool = false) -> XElement {
        var p = XElement("w:p")
        if centred { p.add(XElement("w:pPr", [], [.element(XElement("w:jc", [("w:val", "center")]))])) }
        p.children += runs
        return p
    }

    /// Every placeholder, each as Word may store it: split over runs, with spelling marks and bookmarks between.
    static func body(extra: [XElement] = [], leaving: Placeholder? = nil) -> XElement {
        var paragraphs: [XElement] = []
        for placeholder in Placeholder.allCases where placeholder != leaving {
            let name = placeholder.rawValue
            if placeholder.isBlock {
                paragraphs.append(paragraph([run("{{"), run(name), run("}}")]))
            } else {
                let half = name.index(name.startIndex, offsetBy: name.count / 2)
                paragraphs.append(paragraph([
                    run("Before {", bold: true), .element(XElement("w:proofErr", [("w:type", "spellStart")])),
                    run("{" + String(name[..<half]), bold: true), .element(XElement("w:bookmarkStart", [("w:id", "0"), ("w:name", "x")])),
                    run(String(name[half...]) + "}", bold: true), run("} after"),
                ], centred: true))
            }
        }
        return XElement("w:document", [("xmlns:w", "http://schemas.openxmlformats.org/wordprocessingml/2006/main")], [
            .element(XElement("w:body", [], (paragraphs + extra).map(XNode.element))),
        ])
    }

    static func docx(_ document: XElement) throws -> Data {
        var package = ZipPackage()
        package["[Content_Types].xml"] = Data("<Types/>".utf8)
        package.set("word/document.xml", document)
        return try package.zipped()
    }

    static func values(_ text: String = "X") -> [Placeholder: TemplateValue] {
        var values: [Placeholder: TemplateValue] = [:]
        for placeholder in Placeholder.allCases {
            values[placeholder] = placeholder.isBlock
                ? .blocks([.body("Body & <more>"), .table(Table(columns: [.init("A", weight: 1)], rows: [["1"]]))])
                : .text(text + placeholder.rawValue)
        }
        return values
    }

    static func filledBody(_ data: Data) throws -> XElement {
        let package = try ZipPackage.read(data, name: "out.docx")
        return try XMLReader.parse(try #require(package["word/document.xml"]))
    }

    @Test func placeholdersSplitOverRunsAreFilledInTheFirstRunsLook() throws {
        let template = try DocxTemplate(data: try Self.docx(Self.body()), name: "t.docx")
        #expect(Set(template.placeholders) == Set(Placeholder.allCases.map(\.rawValue)))
        let body = try Self.filledBody(try template.fill(Self.values("Nguyễn <b>")))
        let texts = DocxTemplate.paragraphs(in: body).map { $0.slotsText }
        #expect(texts.contains("Before Nguyễn <b>HO_TEN_KY after"))
        #expect(!texts.contains { $0.contains("{{") || $0.contains("}}") })
        // The value sits in the bold run where the placeholder began.
        let signer = try #require(DocxTemplate.paragraphs(in: body).first { $0.slotsText.contains("HO_TEN_KY") })
        let boldRun = try #require(signer.elements.first { $0.name == "w:r" && $0.text.contains("HO_TEN_KY") })
        #expect(boldRun.elements.first?.elements.contains { $0.name == "w:b" } == true)
    }

    @Test func blocksReplaceTheirParagraphAndKeepItsLook() throws {
        let template = try DocxTemplate(data: try Self.docx(Self.body()), name: "t.docx")
        let body = try Self.filledBody(try template.fill(Self.values()))
        let content = try #require(body.elements.first)
        #expect(content.elements.contains { $0.name == "w:tbl" }, "a real Word table")
        #expect(content.text.contains("Body & <more>"))
    }

    @Test func anUnknownPlaceholderIsRefusedByName() throws {
        let extra = Self.paragraph([Self.run("{{"), Self.run("Người ký"), Self.run("}}")])
        #expect(throws: DocumentError.unknownPlaceholder(template: "t.docx", placeholder: "Người ký")) {
            try DocxTemplate(data: try Self.docx(Self.body(extra: [extra])), name: "t.docx")
        }
    }

    @Test func aMissingPlaceholderIsRefusedByName() throws {
        #expect(throws: DocumentError.missingPlaceholder(template: "t.docx", placeholder: "DAU_NHAT_KY")) {
            try DocxTemplate(data: try Self.docx(Self.body(leaving: .auditHead)), name: "t.docx")
        }
    }

    @Test func aBlockPlaceholderMustStandAlone() throws {
        var document = Self.body(leaving: .body)
        let shared = Self.paragraph([Self.run("Nội dung: {{NOI_DUNG}}")])
        document.children[0] = .element(XElement("w:body", [], document.elements[0].children + [.element(shared)]))
        #expect(throws: DocumentError.placeholderNotAlone(template: "t.docx", placeholder: "NOI_DUNG")) {
            try DocxTemplate(data: try Self.docx(document), name: "t.docx")
        }
    }

    @Test func lowerCaseAndSpacesAreForgiven() throws {
        var document = Self.body(leaving: .signerName)
        let typed = Self.paragraph([Self.run("{{ ho_ten_ky }}")])
        document.children[0] = .element(XElement("w:body", [], document.elements[0].children + [.element(typed)]))
        let template = try DocxTemplate(data: try Self.docx(document), name: "t.docx")
        let body = try Self.filledBody(try template.fill(Self.values()))
        #expect(body.text.contains("XHO_TEN_KY"))
    }

    @Test func aParagraphOfPlaceholdersLeftEmptyGoes() throws {
        let template = try DocxTemplate(data: try Self.docx(Self.body(extra: [Self.paragraph([Self.run("{{QUYEN_HAN_KY}}")])])),
                                        name: "t.docx")
        var values = Self.values()
        values[.signingAuthority] = .text("")
        let body = try Self.filledBody(try template.fill(values))
        let paragraphs = DocxTemplate.paragraphs(in: body)
        #expect(!paragraphs.contains { $0.slotsText.isEmpty && $0.elements.contains { $0.name == "w:r" } })
    }

    @Test func lineBreaksInAValueBecomeWordBreaks() throws {
        let template = try DocxTemplate(data: try Self.docx(Self.body()), name: "t.docx")
        var values = Self.values()
        values[.issuingBody] = .text("ỦY BAN NHÂN DÂN\nXÃ NGHĨA SƠN")
        let body = try Self.filledBody(try template.fill(values))
        let issuer = try #require(DocxTemplate.paragraphs(in: body).first { $0.text.contains("ỦY BAN") })
        let run = try #require(issuer.elements.first { $0.name == "w:r" && $0.text.contains("ỦY BAN") })
        #expect(run.elements.map(\.name).contains("w:br"))
        #expect(issuer.text.contains("ỦY BAN NHÂN DÂNXÃ NGHĨA SƠN"))
    }

    @Test func notADocxIsRefused() {
        #expect(throws: DocumentError.notAPackage(name: "x.docx")) { try DocxTemplate(data: Data("hello".utf8), name: "x.docx") }
        #expect(throws: DocumentError.self) {
            var package = ZipPackage()
            package["a.txt"] = Data("a".utf8)
            try DocxTemplate(data: try package.zipped(), name: "x.docx")
        }
    }

    /// Every shipped template holds every placeholder once parsed; a fill leaves none behind.
    @Test func theShippedTemplatesAreComplete() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Resources/templates")
        for kind in DocumentKind.allCases {
            let data = try Data(contentsOf: folder.appendingPathComponent(kind.templateFile))
            let template = try DocxTemplate(data: data, name: kind.templateFile)
            let filled = try ZipPackage.read(try template.fill(Self.values()), name: kind.templateFile)
            for path in filled.paths where DocxTemplate.holdsText(path) {
                let text = String(decoding: try #require(filled[path]), as: UTF8.self)
                #expect(!text.contains("{{"), "\(kind.templateFile) \(path) still holds a placeholder")
            }
        }
    }
}

extension XElement {
    /// The text of a paragraph's `w:t` slots, as the template sees it.
    var slotsText: String { DocxTemplate.slots(in: self).map { String(String.UnicodeScalarView($0.text)) }.joined() }
}
