import CNcursesw
import Foundation
import TerminalUI

/// The ncurses side of ``Terminal``: the only code that calls curses. Everything runs on the main actor.
@MainActor
public final class NcursesTerminal: Terminal {
    public enum StartError: Error, Equatable {
        /// The locale is not UTF-8 and C.UTF-8 is not available either.
        case notUTF8
        /// ncurses does not know the terminal named by TERM.
        case unknownTerminal(String)
    }

    private let screen: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    public let supportsColour: Bool
    private var pairs: [PairKey: Int16] = [:]
    private var queued: [KeyDecoder.Input] = []
    private let decoder = KeyDecoder()
    private var stopped = false

    private struct PairKey: Hashable {
        let foreground: TerminalColor
        let background: TerminalColor
    }

    /// Takes over the terminal: UTF-8 locale, raw keys (Ctrl-S and Ctrl-C reach the app), no echo, keypad,
    /// a short Esc delay, colours unless `colour` is false. ``stop()`` gives it back.
    public init(colour: Bool) throws {
        setlocale(LC_ALL, "")
        if tt_codeset_is_utf8() == 0 {
            setlocale(LC_ALL, "C.UTF-8")
            guard tt_codeset_is_utf8() != 0 else { throw StartError.notUTF8 }
        }
        TerminalRestorer.install()
        guard let screen = tt_newterm(), let window = tt_stdscr() else {
            throw StartError.unknownTerminal(ProcessInfo.processInfo.environment["TERM"] ?? "")
        }
        self.screen = screen
        self.window = window
        raw()
        noecho()
        nonl()
        keypad(window, true)
        set_escdelay(25)
        var useColour = false
        if colour && has_colors() {
            start_color()
            use_default_colors()
            useColour = tt_colors() >= 8
        }
        supportsColour = useColour
        TerminalRestorer.active = true
    }

    /// Gives the terminal back as it was. Safe to call twice.
    public func stop() {
        guard !stopped else { return }
        stopped = true
        endwin()
        delscreen(screen)
        TerminalRestorer.active = false
    }

    public var size: Size {
        Size(width: Int(getmaxx(window)), height: Int(getmaxy(window)))
    }

    public func draw(_ buffer: ScreenBuffer, cursor: Point?) {
        let rows = min(buffer.size.height, size.height)
        let columns = min(buffer.size.width, size.width)
        for y in 0..<rows {
            for x in 0..<columns {
                let cell = buffer[x, y]
                if cell.isContinuation { continue }
                var wide: [wchar_t] = cell.text.unicodeScalars.prefix(4).map { wchar_t(bitPattern: $0.value) }
                if wide.isEmpty { wide = [32] }
                wide.append(0)
                // The bottom-right cell scrolls some terminals when written with a wide character; skip errors.
                _ = tt_put_cluster(window, Int32(y), Int32(x), wide, attributes(cell.style), pair(cell.style))
            }
        }
        if let cursor, cursor.x < columns, cursor.y < rows {
            curs_set(1)
            wmove(window, Int32(cursor.y), Int32(cursor.x))
        } else {
            curs_set(0)
        }
        wrefresh(window)
    }

    public func nextKey(timeoutMilliseconds: Int) -> Key? {
        while true {
            guard let input = queued.isEmpty ? read(timeout: timeoutMilliseconds) : queued.removeFirst() else {
                return nil
            }
            var next: KeyDecoder.Input?
            if input == .character(27) {
                next = queued.isEmpty ? read(timeout: 0) : queued.removeFirst()
                if next == nil {
                    // Esc alone: a digit within a second makes Alt and the digit (the F-key alternatives).
                    let late = read(timeout: KeyDecoder.escapeDigitWait)
                    let (key, used) = decoder.decodeLoneEscape(then: late)
                    if let late, !used { queued.insert(late, at: 0) }
                    return key
                }
            }
            let (key, consumed) = decoder.decode(input, next: next)
            if let next, !consumed { queued.insert(next, at: 0) }
            if let key { return key }
            if timeoutMilliseconds == 0 && queued.isEmpty { return nil }
        }
    }

    private func read(timeout: Int) -> KeyDecoder.Input? {
        wtimeout(window, Int32(timeout))
        var value: wint_t = 0
        let result = wget_wch(window, &value)
        if result == tt_key_code_yes() { return .keyCode(Int32(value)) }
        if result == tt_ok() { return .character(UInt32(value)) }
        return nil
    }

    private func attributes(_ style: Style) -> attr_t {
        var attrs = tt_a_normal()
        if style.bold { attrs |= tt_a_bold() }
        if style.reverse { attrs |= tt_a_reverse() }
        if style.underline { attrs |= tt_a_underline() }
        if style.dim { attrs |= tt_a_dim() }
        return attrs
    }

    private func pair(_ style: Style) -> Int16 {
        guard supportsColour, style.foreground != .standard || style.background != .standard else { return 0 }
        let key = PairKey(foreground: style.foreground, background: style.background)
        if let existing = pairs[key] { return existing }
        let number = Int16(pairs.count + 1)
        guard Int32(number) < tt_color_pairs() else { return 0 }
        init_pair(number, Int16(style.foreground.rawValue), Int16(style.background.rawValue))
        pairs[key] = number
        return number
    }
}

/// What happens on signals. A request to stop (SIGTERM, SIGHUP when the window is closed, SIGINT) only sets
/// ``pendingStop``: the main loop sees it, ends like F10, and the data file is closed properly (everything
/// written into it) before the program goes. A crash restores the terminal and dies at once. ncurses keeps
/// handlers that are already installed, so these stay in charge.
public enum TerminalRestorer {
    nonisolated(unsafe) static var active = false

    /// The stop signal received, or 0. An aligned 32-bit store, written only by the handler.
    nonisolated(unsafe) public private(set) static var pendingStop: Int32 = 0

    static let stopSignals: [Int32] = [SIGTERM, SIGHUP, SIGINT]

    static func install() {
        for signal in stopSignals { Foundation.signal(signal, requestStop) }
        for signal in [SIGQUIT, SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP] {
            Foundation.signal(signal, restoreAndReraise)
        }
    }

    /// After the file is closed: end as the signal asked, so whoever sent it sees the usual status.
    public static func reraisePendingStop() {
        let signalNumber = pendingStop
        guard signalNumber != 0 else { return }
        signal(signalNumber, SIG_DFL)
        raise(signalNumber)
    }

    fileprivate static func record(_ signalNumber: Int32) { pendingStop = signalNumber }
}

extension NcursesTerminal {
    /// A stop signal arrived: the main loop ends as if F10 were pressed.
    public var stopRequested: Bool { TerminalRestorer.pendingStop != 0 }
}

private func requestStop(_ signalNumber: Int32) {
    // A second stop signal while closing is not waited for: SQLite's journal keeps the file safe anyway.
    if TerminalRestorer.pendingStop != 0 {
        restoreAndReraise(signalNumber)
        return
    }
    TerminalRestorer.record(signalNumber)
}

private func restoreAndReraise(_ signalNumber: Int32) {
    if TerminalRestorer.active {
        TerminalRestorer.active = false
        endwin()
    }
    signal(signalNumber, SIG_DFL)
    raise(signalNumber)
}
