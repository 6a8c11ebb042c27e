import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A node of an XML tree: an element or a run of text (unescaped; `XMLWriter` escapes it).
public enum XNode: Equatable, Sendable {
    case element(XElement)
    case text(String)
}

/// An XML element with its attributes in order and its children. Small on purpose: the documents are built as
/// trees of these and the templates are read into them, then `XMLWriter` writes them out.
public struct XElement: Equatable, Sendable {
    public var name: String
    public var attributes: [(String, String)]
    public var children: [XNode]

    public init(_ name: String, _ attributes: [(String, String)] = [], _ children: [XNode] = []) {
        self.name = name
        self.attributes = attributes
        self.children = children
    }

    /// An element holding only text.
    public init(_ name: String, _ attributes: [(String, String)] = [], text: String) {
        self.init(name, attributes, [.text(text)])
    }

    public static func == (lhs: XElement, rhs: XElement) -> Bool {
        lhs.name == rhs.name && lhs.children == rhs.children
            && lhs.attributes.map { [$0.0, $0.1] } == rhs.attributes.map { [$0.0, $0.1] }
    }

    public func attribute(_ name: String) -> String? { attributes.first { $0.0 == name }?.1 }

    public mutating func setAttribute(_ name: String, _ value: String) {
        if let index = attributes.firstIndex(where: { $0.0 == name }) {
            attributes[index].1 = value
        } else {
            attributes.append((name, value))
        }
    }

    /// The element children, in order.
    public var elements: [XElement] {
        children.compactMap { if case .element(let e) = $0 { return e } else { return nil } }
    }

    /// Appends a child element.
    public mutating func add(_ child: XElement) { children.append(.element(child)) }

    /// All the text inside, in document order.
    public var text: String {
        children.map { node in
            switch node {
            case .text(let t): return t
            case .element(let e): return e.text
            }
        }.joined()
    }
}

/// Reading XML parts (a template's document, header and footers) into `XElement` trees, with the parser of
/// Foundation. Namespace prefixes are kept as written ("w:p"), and namespace declarations as attributes, so the
/// tree writes back as the same document.
public enum XMLReader {
    public struct Malformed: Error, Equatable, Sendable {
        public let line: Int
        public let detail: String
    }

    public static func parse(_ data: Data) throws -> XElement {
        let parser = XMLParser(data: data)
        let builder = TreeBuilder()
        parser.delegate = builder
        parser.shouldProcessNamespaces = false
        parser.shouldReportNamespacePrefixes = false
        parser.shouldResolveExternalEntities = false
        guard parser.parse(), let root = builder.root else {
            throw Malformed(line: parser.lineNumber, detail: parser.parserError.map { "\($0)" } ?? "no root element")
        }
        return root
    }

    private final class TreeBuilder: NSObject, XMLParserDelegate {
        var stack: [XElement] = []
        var root: XElement?

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            // The parser gives attributes unordered: declarations first, then by name, so output is stable.
            let ordered = attributes.sorted { a, b in
                let (da, db) = (a.key.hasPrefix("xmlns"), b.key.hasPrefix("xmlns"))
                return da != db ? da : a.key < b.key
            }
            stack.append(XElement(name, ordered.map { ($0.key, $0.value) }))
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            guard let done = stack.popLast() else { return }
            if stack.isEmpty { root = done } else { stack[stack.count - 1].children.append(.element(done)) }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            guard !stack.isEmpty else { return }
            // The parser hands text over in pieces (around entities, at buffer ends): join them.
            if case .text(let previous)? = stack[stack.count - 1].children.last {
                stack[stack.count - 1].children[stack[stack.count - 1].children.count - 1] = .text(previous + string)
            } else {
                stack[stack.count - 1].children.append(.text(string))
            }
        }

        func parser(_ parser: XMLParser, foundCDATA block: Data) {
            self.parser(parser, foundCharacters: String(decoding: block, as: UTF8.self))
        }
    }
}
