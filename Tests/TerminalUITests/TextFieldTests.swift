import Foundation
import Testing
@testable import TerminalUI

@Suite struct TextFieldTests {
    func typed(_ text: String, into field: inout TextField) {
        for c in text { _ = field.handle(.char(c)) }
    }

    @Test func cursorMovesByCharacter() {
        var field = TextField("Hưng")
        #expect(field.cursor == 4)
        _ = field.handle(.left)
        _ = field.handle(.backspace)
        #expect(field.text == "Hưg")
        _ = field.handle(.home)
        _ = field.handle(.delete)
        #expect(field.text == "ưg")
        _ = field.handle(.end)
        #expect(field.cursor == 2)
    }

    @Test func marksTypedAfterTheirVowelJoinItInNFC() {
        var field = TextField()
        // An NFD paste arrives one code point at a time.
        for scalar in "Nghĩa Hưng".decomposedStringWithCanonicalMapping.unicodeScalars {
            _ = field.handle(.char(Character(scalar)))
        }
        #expect(field.text == "Nghĩa Hưng")
        #expect(field.text.unicodeScalars.count == "Nghĩa Hưng".unicodeScalars.count)
        #expect(field.cursor == 10)
        _ = field.handle(.backspace)
        _ = field.handle(.backspace)
        _ = field.handle(.backspace)
        #expect(field.text == "Nghĩa H", "backspace removes a whole grapheme, mark and all")
    }

    @Test func pastedTextIsInsertedAtTheCursor() {
        var field = TextField("xã Hưng")
        for _ in 0..<4 { _ = field.handle(.left) }
        field.insert("Nghĩa ")
        #expect(field.text == "xã Nghĩa Hưng")
        #expect(field.cursor == 9)
        field.insert("\u{7}\t")
        #expect(field.text == "xã Nghĩa Hưng", "control characters are dropped")
    }

    @Test func maxLengthAndDigitsOnlyAreEnforced() {
        var field = TextField("", maxLength: 5)
        typed("Nghĩa Hưng", into: &field)
        #expect(field.text == "Nghĩa")
        var count = TextField("", maxLength: 4, digitsOnly: true)
        typed("1a2b3", into: &count)
        #expect(count.text == "123")
    }

    @Test func ctrlUClearsAndOtherKeysAreNotEditing() {
        var field = TextField("abc")
        let cleared = field.handle(.ctrl("u"))
        #expect(cleared)
        #expect(field.text.isEmpty)
        let f2 = field.handle(.function(2))
        let tab = field.handle(.tab)
        #expect(!f2 && !tab)
    }

    @Test func longTextScrollsToKeepTheCursorVisible() {
        var field = TextField("Trung tâm học tập cộng đồng xã Nghĩa Hưng")
        var buffer = ScreenBuffer(size: Size(width: 20, height: 1))
        let cursor = field.render(into: &buffer, rect: Rect(x: 0, y: 0, width: 20, height: 1), style: .plain)
        #expect(buffer.line(0).hasPrefix("‹"))
        #expect(buffer.line(0).hasSuffix("Nghĩa Hưng"))
        #expect(cursor.x <= 19)
        _ = field.handle(.home)
        let atStart = field.render(into: &buffer, rect: Rect(x: 0, y: 0, width: 20, height: 1), style: .plain)
        #expect(atStart.x == 0)
        #expect(buffer.line(0).hasPrefix("Trung tâm"))
        #expect(buffer.line(0).hasSuffix("›"))
    }
}
