import Domain
import Foundation
import Testing
import TerminalUI
@testable import Screens

/// Every screen of the demo data, at 80x24 and 120x40, in Vietnamese and in English: nothing is cut without "…",
/// and the last row of every list, the last line of every help and report, can be brought on screen.
@MainActor
@Suite struct LayoutTests {
    static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40)]

    /// Texts the buffer cut at an edge without "…", leaving out rules and bars, which are decoration.
    static func silentCuts(_ buffer: ScreenBuffer) -> [String] {
        buffer.hardCuts.filter { text in text.contains { $0.isLetter || $0.isNumber } }
    }

    /// The rows a viewer shows whole, at the width it is drawn at.
    static func lastViewerRow(_ modal: Modal<App.AppAction>?, width: Int) -> String? {
        guard case .viewer(let viewer)? = modal else { return nil }
        return viewer.rows(width: min(width - 2, 78) - 4).last?.text.trimmingCharacters(in: .whitespaces)
    }

    @Test(arguments: Language.allCases)
    func everyScreenFitsWithoutSilentCutsAndReachesItsLastRow(_ language: Language) throws {
        let h = try Harness(.demo, language: language, account: ScreenCatalog.everyRole)
        let routes = try ScreenCatalog.routes(h.database)
        for size in Self.sizes {
            for route in routes {
                ScreenCatalog.reopen(h, route, size: size)
                let where_ = "\(route) at \(size.width)x\(size.height) in \(language)"
                #expect(h.app.stack.count >= 1, "\(where_) did not open: \(h.messageLine)")
                let (first, _) = h.app.render(size: size)
                #expect(Self.silentCuts(first).isEmpty, "\(where_): cut without …: \(Self.silentCuts(first))")
                // The title says which screen this is, whole, even at 80 columns beside the demo banner.
                if let title = h.app.stack.last?.title(h.context) {
                    let bar = first.text.split(separator: "\n", omittingEmptySubsequences: false).first ?? ""
                    #expect(bar.contains(title), "\(where_): the title is cut: «\(title)» in «\(bar)»")
                }

                // The last row of a list comes on screen with End (and PgDn), whatever the window's height.
                if let probe = h.app.stack.last as? any LastRowProbe, let last = probe.lastRowText(h.context) {
                    h.press(.end)
                    for _ in 0..<3 { h.press(.pageDown) }
                    #expect(h.screen.contains(last), "\(where_): the last row «\(last)» cannot be reached")
                }

                // The help lists every key, and its last line can be scrolled to.
                h.press(.function(1))
                h.press(.end)
                let (help, _) = h.app.render(size: size)
                #expect(Self.silentCuts(help).isEmpty, "\(where_) help: cut without …: \(Self.silentCuts(help))")
                if let last = Self.lastViewerRow(h.app.modal, width: size.width) {
                    #expect(help.text.contains(last), "\(where_): the help's last line «\(last)» cannot be reached")
                } else {
                    Issue.record("\(where_): F1 opened no help")
                }
            }
        }
    }

    /// The reports that outgrow a screen: planned against done (month 11 and 12 included), the plan's history,
    /// the whole needs analysis. Each opens in the viewer, which reaches its last line.
    @Test(arguments: Language.allCases)
    func reportsScrollToTheirLastLine(_ language: Language) throws {
        let h = try Harness(.demo, language: language, account: ScreenCatalog.everyRole)
        let routes = try ScreenCatalog.routes(h.database).filter {
            if case .plan = $0 { return true }
            if case .needs = $0 { return true }
            return false
        }
        for route in routes {
            ScreenCatalog.reopen(h, route, size: .minimum)
            let keys: [Key] = {
                if case .needs = route { return [.function(3)] }
                return [.function(9), .ctrl("y")]
            }()
            for key in keys {
                h.press(key, .end)
                var lastRow: String?
                if let editor = h.app.stack.last as? PlanEditorScreen, case .viewer(let viewer)? = editor.modal {
                    lastRow = viewer.rows(width: 74).last?.text
                }
                if let needs = h.app.stack.last as? NeedsScreen, case .viewer(let viewer)? = needs.modal {
                    lastRow = viewer.rows(width: 74).last?.text
                }
                let shown = try #require(lastRow, "\(route): \(key) opened no viewer")
                #expect(h.screen.contains(shown.trimmingCharacters(in: .whitespaces)), "\(route) \(key): «\(shown)» unreachable")
                h.press(.escape)
            }
        }
    }

    /// The worst case the issue names: a label longer than its column ends in "…" and is read whole in F1.
    @Test(arguments: Language.allCases)
    func aLabelNeverCollidesWithItsValue(_ language: Language) throws {
        let h = try ScreenCatalog.open(.settings(firstRun: false), language: language, size: .minimum)
        for line in h.lines where line.contains("10") && !line.contains("10Đóng") && !line.contains("10Close") {
            #expect(line.contains("  10"), "label and value apart: \(line)")
        }
        // Every setting's label and value whole at 80 columns: nothing to guess from a "…".
        #expect(!h.lines.dropFirst().dropLast().contains { $0.contains("…") }, "\(h.screen)")
    }
}
