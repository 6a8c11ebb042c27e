import Foundation
import Testing
@testable import Documents

/// The one XML writer against what people type: markup, ampersands, quotes, control characters, decomposed marks,
/// emoji and formula prefixes all come back as typed (control characters, which XML cannot hold, are dropped).
@Suite struct XMLWriterTests {
    static let hostile = [
        "<b>Nguyễn</b>", "Hội & Đoàn", "\"Lê\" 'Văn'", "=1+1", "+84 912", "-5", "@SUM(A1)", "😀 👨‍👩‍👧", "a]]>b",
        "Tab\there", "line one\nline two", "&amp; literally", "</w:t><w:t>injected",
    ]

    @Test func hostileTextRoundTripsThroughTheParser() throws {
        for text in Self.hostile {
            let element = XElement("w:t", [("note", text)], text: text)
            let data = XMLWriter.document(XElement("root", [], [.element(element)]))
            let parsed = try XMLReader.parse(data)
            let back = try #require(parsed.elements.first)
            #expect(back.text == text, "text «\(text)»")
            #expect(back.attribute("note") == text, "attribute «\(text)»")
            #expect(back.name == "w:t", "no element was injected by «\(text)»")
            #expect(parsed.elements.count == 1)
        }
    }

    @Test func markupIsEscapedNeverWritten() {
        let out = XMLWriter.string(XElement("t", [("a", "x\"y<z")], text: "<b>&</b>"))
        #expect(out == "<t a=\"x&quot;y&lt;z\">&lt;b&gt;&amp;&lt;/b&gt;</t>")
    }

    @Test func controlCharactersAreDroppedAndTheRestKept() throws {
        let text = "Nguyễn\u{0}\u{1}\u{7}\u{8}\u{B}\u{C}\u{1B}\u{1F} Văn\u{FFFE}\u{FFFF} A"
        #expect(XMLWriter.legal(text) == "Nguyễn Văn A")
        let parsed = try XMLReader.parse(XMLWriter.document(XElement("t", text: text)))
        #expect(parsed.text == "Nguyễn Văn A")
    }

    @Test func decomposedMarksBecomeNFC() throws {
        let nfd = "Nguyễn Thị Hường".decomposedStringWithCanonicalMapping
        #expect(nfd.unicodeScalars.count > "Nguyễn Thị Hường".unicodeScalars.count)
        let parsed = try XMLReader.parse(XMLWriter.document(XElement("t", text: nfd)))
        #expect(parsed.text.unicodeScalars.elementsEqual("Nguyễn Thị Hường".unicodeScalars))
    }

    @Test func carriageReturnsAndAttributeWhitespaceSurvive() throws {
        let text = "a\r\nb\tc"
        let parsed = try XMLReader.parse(XMLWriter.document(XElement("t", [("v", text)], text: text)))
        #expect(parsed.text == text)
        #expect(parsed.attribute("v") == text)
    }

    @Test func aMalformedPartIsRefusedWithItsLine() {
        #expect(throws: XMLReader.Malformed.self) { try XMLReader.parse(Data("<a>\n<b></a>".utf8)) }
    }
}
