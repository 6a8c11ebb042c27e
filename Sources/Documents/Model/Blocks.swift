/// What a document says, apart from how a format writes it: paragraphs of runs and tables. The same blocks become
/// Word XML (`WordML`) and plain text (`PlainText`), so the printed text and the .docx never disagree.
public enum Block: Equatable, Sendable {
    case paragraph(Paragraph)
    case table(Table)

    /// A part heading ("I. CHỈ TIÊU"): bold, kept with what follows.
    public static func heading(_ text: String) -> Block {
        .paragraph(Paragraph([Run(text, bold: true)], keepWithNext: true, spaceBefore: true))
    }

    /// A paragraph of the body: justified, its first line indented.
    public static func body(_ text: String) -> Block { .paragraph(Paragraph([Run(text)], alignment: .justify, indent: .firstLine)) }

    /// A line of a list ("- ..."), indented whole.
    public static func item(_ text: String) -> Block { .paragraph(Paragraph([Run(text)], alignment: .justify, indent: .hanging)) }

    /// A centred line, bold or not.
    public static func centred(_ text: String, bold: Bool = false, italic: Bool = false) -> Block {
        .paragraph(Paragraph([Run(text, bold: bold, italic: italic)], alignment: .center))
    }
}

public enum Alignment: String, Equatable, Sendable { case left, center, right, justify }

/// A piece of text with one look.
public struct Run: Equatable, Sendable {
    public var text: String
    public var bold: Bool
    public var italic: Bool
    public var underline: Bool

    public init(_ text: String, bold: Bool = false, italic: Bool = false, underline: Bool = false) {
        self.text = text
        self.bold = bold
        self.italic = italic
        self.underline = underline
    }
}

public struct Paragraph: Equatable, Sendable {
    public enum Indent: Equatable, Sendable { case none, firstLine, hanging }

    public var runs: [Run]
    public var alignment: Alignment
    public var indent: Indent
    /// Headings stay on the page of what they introduce.
    public var keepWithNext: Bool
    public var spaceBefore: Bool

    public init(_ runs: [Run], alignment: Alignment = .left, indent: Indent = .none, keepWithNext: Bool = false,
                spaceBefore: Bool = false) {
        self.runs = runs
        self.alignment = alignment
        self.indent = indent
        self.keepWithNext = keepWithNext
        self.spaceBefore = spaceBefore
    }

    public var text: String { runs.map(\.text).joined() }
}

/// A real table: a header row repeated on every page, rows, and bold total rows at the end.
public struct Table: Equatable, Sendable {
    public struct Column: Equatable, Sendable {
        public var header: String
        /// Share of the text width, against the other columns' weights.
        public var weight: Int
        public var alignment: Alignment

        public init(_ header: String, weight: Int, alignment: Alignment = .left) {
            self.header = header
            self.weight = weight
            self.alignment = alignment
        }
    }

    public var columns: [Column]
    public var rows: [[String]]
    public var totals: [[String]]
    /// How many leading columns make a row's title line in plain text ("1. Lớp tin học…"); the others follow as
    /// "header: value".
    public var leadColumns: Int

    public init(columns: [Column], rows: [[String]], totals: [[String]] = [], leadColumns: Int = 2) {
        self.columns = columns
        self.rows = rows
        self.totals = totals
        self.leadColumns = leadColumns
    }
}
