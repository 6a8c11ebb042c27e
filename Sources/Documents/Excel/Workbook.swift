import Domain

/// One cell of a sheet, typed: a spreadsheet sums numbers and sorts dates only when they are stored as such.
public enum Cell: Equatable, Sendable {
    /// Always a string cell: a text that starts with "=" is shown as typed, never run as a formula.
    case text(String)
    case number(Int)
    /// A share between 0 and 1, shown as a percentage with one decimal.
    case percent(Double)
    case date(LocalDate)
    case empty

    /// The cell as CSV and the spreadsheet's own display show it: numbers plain, dates dd/mm/yyyy, shares as
    /// "12.5%". The program's CSV export writes exactly this, so the two files agree.
    public var displayText: String {
        switch self {
        case .text(let text): return text
        case .number(let n): return String(n)
        case .percent(let share): return Self.percentText(share)
        case .date(let date): return date.vietnamese
        case .empty: return ""
        }
    }

    /// The cell in a CSV file of `style`: a share with the decimal comma Vietnamese Excel reads, or a point.
    public func text(_ style: CSVStyle) -> String {
        if case .percent(let share) = self { return style.decimal(share * 100, places: 1) + "%" }
        return displayText
    }

    static func percentText(_ share: Double) -> String {
        let tenths = Int((share * 1000).rounded())
        return "\(tenths / 10).\(abs(tenths % 10))%"
    }
}

/// A sheet: one header row, then rows of cells.
public struct Sheet: Equatable, Sendable {
    public var name: String
    public var headers: [String]
    public var rows: [[Cell]]

    public init(name: String, headers: [String], rows: [[Cell]]) {
        self.name = name
        self.headers = headers
        self.rows = rows
    }

    /// The rows as text, as `Cell.displayText` gives them, for the CSV export.
    public var textRows: [[String]] { rows.map { $0.map(\.displayText) } }

    /// The rows as a CSV file of `style` holds them.
    public func textRows(_ style: CSVStyle) -> [[String]] { rows.map { $0.map { $0.text(style) } } }
}

/// A workbook: sheets in order.
public struct Workbook: Equatable, Sendable {
    public var sheets: [Sheet]

    public init(sheets: [Sheet]) { self.sheets = sheets }
}
