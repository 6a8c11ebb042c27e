/// The eight basic terminal colours, or the terminal's own default.
public enum TerminalColor: Int, Hashable, Sendable, CaseIterable {
    case standard = -1
    case black = 0, red, green, yellow, blue, magenta, cyan, white
}

public struct Style: Hashable, Sendable {
    public var foreground: TerminalColor
    public var background: TerminalColor
    public var bold: Bool
    public var reverse: Bool
    public var underline: Bool
    public var dim: Bool

    public init(foreground: TerminalColor = .standard, background: TerminalColor = .standard, bold: Bool = false,
                reverse: Bool = false, underline: Bool = false, dim: Bool = false) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
        self.dim = dim
    }

    public static let plain = Style()
}

/// The styles screens draw with, by role. The monochrome theme carries every distinction by attributes
/// alone (reverse, bold, underline), so nothing depends on colour: for `NO_COLOR` and plain terminals.
public struct Theme: Sendable {
    public var normal: Style
    public var titleBar: Style
    public var banner: Style
    public var header: Style
    public var selection: Style
    public var input: Style
    public var inputFocused: Style
    public var label: Style
    public var labelFocused: Style
    public var section: Style
    public var error: Style
    public var warning: Style
    public var info: Style
    public var dim: Style
    public var border: Style
    public var keyNumber: Style
    public var keyLabel: Style
    public var ok: Style

    public static let colour = Theme(
        normal: .plain,
        titleBar: Style(foreground: .white, background: .blue, bold: true),
        banner: Style(foreground: .black, background: .yellow, bold: true),
        header: Style(foreground: .cyan, bold: true, underline: true),
        selection: Style(foreground: .black, background: .cyan),
        input: Style(underline: true),
        inputFocused: Style(foreground: .black, background: .white),
        label: .plain,
        labelFocused: Style(foreground: .cyan, bold: true),
        section: Style(foreground: .yellow, bold: true),
        error: Style(foreground: .red, bold: true),
        warning: Style(foreground: .yellow, bold: true),
        info: Style(foreground: .green),
        dim: Style(dim: true),
        border: Style(foreground: .cyan),
        keyNumber: .plain,
        keyLabel: Style(foreground: .black, background: .cyan),
        ok: Style(foreground: .green, bold: true)
    )

    public static let monochrome = Theme(
        normal: .plain,
        titleBar: Style(reverse: true),
        banner: Style(bold: true, reverse: true),
        header: Style(bold: true, underline: true),
        selection: Style(reverse: true),
        input: Style(underline: true),
        inputFocused: Style(reverse: true),
        label: .plain,
        labelFocused: Style(bold: true),
        section: Style(bold: true),
        error: Style(bold: true),
        warning: Style(bold: true),
        info: .plain,
        dim: Style(dim: true),
        border: .plain,
        keyNumber: .plain,
        keyLabel: Style(reverse: true),
        ok: Style(bold: true)
    )
}
