import Testing
@testable import TerminalUI

@Suite struct ScreenBufferTests {
    @Test func writesClipsAndReadsBack() {
        var buffer = ScreenBuffer(size: Size(width: 10, height: 2))
        let used = buffer.write("Nghĩa Hưng xã", x: 1, y: 0)
        #expect(used == 9)
        #expect(buffer.lines == [" Nghĩa Hư…", ""], "cut at the right edge, with a sign")
        #expect(buffer.hardCuts.isEmpty)
        var hard = ScreenBuffer(size: Size(width: 10, height: 1))
        hard.write("──────────────", x: 0, y: 0, clip: .hard)
        #expect(hard.line(0) == "──────────")
        #expect(hard.hardCuts == ["──────────────"], "a hard cut is recorded for the layout test")
    }

    @Test func wideCharactersUseTwoCellsAndDoNotSplit() {
        var buffer = ScreenBuffer(size: Size(width: 5, height: 1))
        buffer.write("a漢字", x: 0, y: 0)
        #expect(buffer.line(0) == "a漢字")
        #expect(buffer[2, 0].isContinuation)
        var narrow = ScreenBuffer(size: Size(width: 4, height: 1))
        narrow.write("a漢字", x: 0, y: 0)
        #expect(narrow.line(0) == "a漢…", "the second wide character does not fit: an ellipsis says so")
    }

    @Test func combiningMarksJoinTheCellBefore() {
        var buffer = ScreenBuffer(size: Size(width: 6, height: 1))
        buffer.write("Nghi\u{0303}a", x: 0, y: 0)
        #expect(buffer.line(0) == "Nghi\u{0303}a")
    }

    @Test func boxesHaveTitles() {
        var buffer = ScreenBuffer(size: Size(width: 12, height: 3))
        buffer.box(Rect(x: 0, y: 0, width: 12, height: 3), style: .plain, title: "Xã")
        #expect(buffer.lines == ["┌─ Xã ─────┐", "│          │", "└──────────┘"])
    }
}
