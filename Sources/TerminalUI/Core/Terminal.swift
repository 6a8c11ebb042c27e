/// What the app needs of a terminal. ncurses implements it in NcursesBackend; tests use ``TestTerminal``.
@MainActor
public protocol Terminal: AnyObject {
    var size: Size { get }
    /// Whether the terminal shows colours (and the user did not ask for none with `NO_COLOR`).
    var supportsColour: Bool { get }
    /// Shows a whole frame; the cursor is shown at `cursor`, or hidden when nil.
    func draw(_ buffer: ScreenBuffer, cursor: Point?)
    /// The next key, waiting at most `timeoutMilliseconds` (-1: wait for ever); nil when none came.
    func nextKey(timeoutMilliseconds: Int) -> Key?
    /// The program was asked to stop (a signal, the window closed): the main loop ends as on F10.
    var stopRequested: Bool { get }
}

/// An in-memory terminal: a queue of keys in, the last frame out. When the keys run out it pauses (no key, so a
/// frame is drawn), then asks the program to quit like a person would (Ctrl-C, a pause, the first letter of yes in
/// either language), so a test that drives `App.run` always ends; `ranDry` tells the test it came to that.
@MainActor
public final class TestTerminal: Terminal {
    public var size: Size
    public var supportsColour: Bool
    public var pendingKeys: [Key]
    public private(set) var lastFrame: ScreenBuffer?
    public private(set) var lastCursor: Point?
    public private(set) var frameCount = 0
    public var stopRequested = false
    public private(set) var ranDry = false
    private var dryKeys: [Key?] = [nil, .ctrl("c"), nil, .char("c"), nil, .char("y")]

    public init(size: Size = .minimum, keys: [Key] = [], colour: Bool = false) {
        self.size = size
        self.supportsColour = colour
        self.pendingKeys = keys
    }

    public func draw(_ buffer: ScreenBuffer, cursor: Point?) {
        lastFrame = buffer
        lastCursor = cursor
        frameCount += 1
    }

    public func nextKey(timeoutMilliseconds: Int) -> Key? {
        if !pendingKeys.isEmpty { return pendingKeys.removeFirst() }
        ranDry = true
        let key = dryKeys.removeFirst()
        dryKeys.append(key)
        return key
    }
}
