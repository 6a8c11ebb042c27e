import Testing
@testable import TerminalUI

@Suite struct KeyDecoderTests {
    let decoder = KeyDecoder()

    func key(_ input: KeyDecoder.Input, next: KeyDecoder.Input? = nil) -> Key? { decoder.decode(input, next: next).0 }

    @Test func functionAndCursorKeysNormalise() {
        #expect(key(.keyCode(0o410 + 1)) == .function(1))
        #expect(key(.keyCode(0o410 + 10)) == .function(10))
        #expect(key(.keyCode(0o403)) == .up)
        #expect(key(.keyCode(0o541)) == .backTab)
        #expect(key(.keyCode(0o512)) == .delete)
        #expect(key(.keyCode(0o632)) == .resize)
    }

    @Test func enterAndBackspaceHaveOneNameWhateverTheTerminalSends() {
        #expect(key(.character(10)) == .enter)
        #expect(key(.character(13)) == .enter)
        #expect(key(.keyCode(0o527)) == .enter)
        #expect(key(.character(127)) == .backspace)
        #expect(key(.character(8)) == .backspace)
        #expect(key(.keyCode(0o407)) == .backspace)
        #expect(key(.character(9)) == .tab)
    }

    @Test func controlLettersAndEscapeSequences() {
        #expect(key(.character(19)) == .ctrl("s"))
        #expect(key(.character(3)) == .ctrl("c"))
        let (alt, consumed) = decoder.decode(.character(27), next: .character(50))
        #expect(alt == .alt("2"))
        #expect(consumed)
        #expect(key(.character(27)) == .escape)
        #expect(key(.character(27), next: .keyCode(0o403)) == .escape, "Esc then an arrow is two keys")
    }

    @Test func vietnameseCharactersPassThrough() {
        #expect(key(.character(0x1EEF)) == .char("ữ"))
        #expect(key(.character(0x0111)) == .char("đ"))
    }
}

@Suite struct LoneEscapeTests {
    let decoder = KeyDecoder()

    @Test func escThenADigitWithinASecondIsAltAndTheDigit() {
        #expect(decoder.decodeLoneEscape(then: .character(0x32)) == (.alt("2"), true))
        #expect(decoder.decodeLoneEscape(then: .character(0x30)) == (.alt("0"), true), "Esc 0 is F10")
    }

    @Test func anotherKeyOrNothingLeavesTheEscAlone() {
        #expect(decoder.decodeLoneEscape(then: nil) == (.escape, false))
        #expect(decoder.decodeLoneEscape(then: .character(27)) == (.escape, true), "a second Esc ends the wait")
        #expect(decoder.decodeLoneEscape(then: .character(0x61)) == (.escape, false), "a letter is read on its own")
        #expect(decoder.decodeLoneEscape(then: .keyCode(0o402)) == (.escape, false))
    }
}

@Suite struct KeymapTests {
    enum Act: Sendable, Equatable { case save, quit }

    let keymap = Keymap<Act>([
        .function(2, also: [.ctrl("s")], action: .save, label: "Lưu", help: "Lưu lại", meaning: "save"),
        .function(10, also: [.ctrl("q")], action: .quit, label: "Thoát", help: "Thoát", meaning: "quit"),
    ])

    @Test func everyFunctionKeyHasAltAndCtrlAlternatives() {
        #expect(keymap.action(for: .function(2)) == .save)
        #expect(keymap.action(for: .alt("2")) == .save)
        #expect(keymap.action(for: .ctrl("s")) == .save)
        #expect(keymap.action(for: .alt("0")) == .quit)
        #expect(keymap.action(for: .char("x")) == nil)
    }

    @Test func theBarAndTheHelpComeFromTheSameTable() {
        #expect(keymap.barLabels == [2: "Lưu", 10: "Thoát"])
        #expect(keymap.helpLines.map(\.keys) == ["F2 · Alt-2 · Ctrl-S", "F10 · Alt-0 · Ctrl-Q"])
    }

    @Test func keyBarSlotsFitTheirLabels() {
        var buffer = ScreenBuffer(size: Size(width: 80, height: 1))
        KeyBar.render(into: &buffer, row: 0, width: 80, labels: [1: "Giúp", 2: "Thêm địa điểm", 10: "Thoát"],
                      theme: .monochrome)
        let line = buffer.line(0)
        #expect(line.contains("1Giúp"))
        #expect(line.contains("2Thêm địa điểm"))
        #expect(line.hasSuffix("10Thoát"))
        #expect(KeyBar.layout(labels: [:], width: 80).reduce(0, +) == 80)
    }
}
