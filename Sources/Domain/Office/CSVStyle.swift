/// How the office's CSV files are written. Vietnamese Excel reads ";" between cells and a comma before the
/// decimals (it takes "0.35" for a date or text); other spreadsheets expect "," and a decimal point.
public enum CSVStyle: String, CaseIterable, Codable, Sendable {
    /// ";" between cells, decimal comma: what Excel set to Vietnamese opens with a double click.
    case semicolon
    /// "," between cells, decimal point.
    case comma

    public var separator: UInt8 { self == .semicolon ? UInt8(ascii: ";") : UInt8(ascii: ",") }

    /// A number with `places` decimals as this style writes it: "0,35" or "0.35".
    public func decimal(_ value: Double, places: Int) -> String {
        let scale = (0..<places).reduce(1.0) { product, _ in product * 10 }
        let scaled = Int64((abs(value) * scale).rounded())
        let whole = scaled / Int64(scale)
        let fraction = String(scaled % Int64(scale))
        let sign = value < 0 && scaled != 0 ? "-" : ""
        guard places > 0 else { return sign + String(whole) }
        let padded = String(repeating: "0", count: places - fraction.count) + fraction
        return sign + String(whole) + (self == .semicolon ? "," : ".") + padded
    }
}
