/// A horizontal bar chart: one row per item, a label, a bar scaled to the largest value, and a caption.
public enum BarChart {
    public struct Bar: Hashable, Sendable {
        public let label: String
        public let value: Double
        public let caption: String

        public init(label: String, value: Double, caption: String) {
            self.label = label
            self.value = value
            self.caption = caption
        }
    }

    /// Eighths of a cell, so short bars still differ.
    static let partials = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// The bar for `value` out of `maximum` in `width` cells.
    public static func bar(_ value: Double, maximum: Double, width: Int) -> String {
        guard maximum > 0, width > 0, value > 0 else { return "" }
        let eighths = Int((value / maximum * Double(width * 8)).rounded())
        return String(repeating: "█", count: eighths / 8) + partials[eighths % 8]
    }

    public static func render(into buffer: inout ScreenBuffer, rect: Rect, bars: [Bar], labelWidth: Int,
                              captionWidth: Int, theme: Theme) {
        let maximum = bars.map(\.value).max() ?? 0
        let barWidth = max(1, rect.width - labelWidth - captionWidth - 2)
        for (row, item) in bars.prefix(rect.height).enumerated() {
            let y = rect.y + row
            buffer.write(DisplayWidth.pad(item.label, to: labelWidth), x: rect.x, y: y, style: theme.label)
            buffer.write(bar(item.value, maximum: maximum, width: barWidth), x: rect.x + labelWidth + 1, y: y,
                         style: theme.section)
            buffer.write(DisplayWidth.pad(item.caption, to: captionWidth, alignRight: true),
                         x: rect.maxX - captionWidth, y: y, style: theme.normal)
        }
    }
}

/// A progress bar with a caption: "Đang kiểm tra ███████░░░░ 350/1000".
public enum ProgressBar {
    public static func render(into buffer: inout ScreenBuffer, rect: Rect, done: Int, total: Int, caption: String,
                              theme: Theme) {
        let text = " \(done)/\(total)"
        let labelWidth = buffer.write(caption + " ", x: rect.x, y: rect.y, style: theme.label, maxWidth: rect.width / 2)
        let width = max(1, rect.width - labelWidth - DisplayWidth.of(text))
        let filled = total > 0 ? min(width, width * done / total) : 0
        buffer.write(String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled),
                     x: rect.x + labelWidth, y: rect.y, style: theme.section)
        buffer.write(text, x: rect.x + labelWidth + width, y: rect.y, style: theme.normal)
    }
}
