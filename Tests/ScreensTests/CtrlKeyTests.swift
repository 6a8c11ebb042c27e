import Domain
import Foundation
import Testing
import TerminalUI
@testable import Screens

/// A Ctrl letter means one thing in the whole program: the app's table says what, and every screen that binds
/// a Ctrl letter binds it with that meaning.
@MainActor
@Suite struct CtrlKeyTests {
    @Test func theTableGivesEachLetterOneMeaning() {
        var seen: [Character: CtrlKey] = [:]
        for meaning in CtrlKey.allCases {
            for letter in meaning.letters {
                #expect(seen[letter] == nil, "Ctrl-\(letter) means both \(seen[letter]!) and \(meaning)")
                seen[letter] = meaning
            }
        }
        // Ctrl-H, I, J and M arrive as Backspace, Tab and Enter: no meaning may rest on them.
        #expect(Set(seen.keys).isDisjoint(with: ["h", "i", "j", "m"]))
    }

    /// Walks every screen of the demo, for someone with every role and for a viewer, and fails on a Ctrl letter
    /// that a screen binds with another meaning than the table's, or without saying which.
    @Test(arguments: [ScreenCatalog.everyRole,
                      Account(username: "xem", fullName: "Người Xem", roles: [.viewer])])
    func everyScreenBindsCtrlLettersWithTheirOneMeaning(_ account: Account) throws {
        let h = try Harness(.demo, account: account)
        var meanings: [Character: Set<String>] = [:]
        for route in try ScreenCatalog.routes(h.database) {
            ScreenCatalog.reopen(h, route, size: .minimum)
            guard let top = h.app.stack.last, h.app.stack.count > 1 || route == .roster else { continue }
            for (key, meaning) in top.boundKeys(h.context) {
                guard case .ctrl(let letter) = key else { continue }
                let table = CtrlKey.meaning(of: key)?.rawValue
                #expect(meaning != nil, "\(route): Ctrl-\(letter) bound without a meaning")
                #expect(meaning == table, "\(route): Ctrl-\(letter) means \(meaning ?? "?") here, \(table ?? "nothing") in the table")
                meanings[letter, default: []].insert(meaning ?? "?")
            }
        }
        for (letter, found) in meanings { #expect(found.count == 1, "Ctrl-\(letter) has \(found.count) meanings: \(found)") }
        #expect(!meanings.isEmpty, "the walk found Ctrl letters to check")
    }

    /// The text field's one Ctrl key is the table's "clear the field".
    @Test func textFieldsClearWithTheTablesLetter() {
        var field = TextField("Nghĩa Hưng")
        let cleared = field.handle(.ctrl(CtrlKey.clearField.letters[0]))
        #expect(cleared)
        #expect(field.text.isEmpty)
        let handledA = field.handle(.ctrl("a"))
        let handledE = field.handle(.ctrl("e"))
        #expect(!handledA && !handledE, "Ctrl-A and Ctrl-E are not the field's")
    }

    /// Typing a screen's name in the Ctrl-O menu takes that screen first, not the first screen of the group
    /// whose name holds the same words ("chi tieu" is "Chỉ tiêu", not "Đánh giá, kinh phí, chỉ tiêu › …").
    @Test func theMenuOffersTheScreenNamedBeforeItsGroup() throws {
        let h = try Harness(.demo)
        h.press(.ctrl("o"))
        h.type("chi tieu")
        h.press(.enter)
        #expect(h.app.stack.last is TargetsScreen, "\(h.screen)")
    }
}
