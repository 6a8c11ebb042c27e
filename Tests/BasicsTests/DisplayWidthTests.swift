import Foundation
import Testing
@testable import Basics

@Suite struct DisplayWidthTests {
    static let vowels = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"]
    static let tones = ["", "\u{0300}", "\u{0309}", "\u{0303}", "\u{0301}", "\u{0323}"]

    @Test func everyVietnameseVowelWithEveryToneIsOneColumnInNFCAndNFD() {
        for vowel in Self.vowels {
            for tone in Self.tones {
                for form in [(vowel + tone), (vowel + tone).uppercased()] {
                    let nfc = form.precomposedStringWithCanonicalMapping
                    let nfd = form.decomposedStringWithCanonicalMapping
                    #expect(DisplayWidth.of(nfc) == 1, "\(nfc)")
                    #expect(DisplayWidth.of(nfd) == 1, "\(nfd) NFD")
                    #expect(nfd.count == 1, "one grapheme cluster")
                }
            }
        }
        #expect(DisplayWidth.of("đ") == 1)
        #expect(DisplayWidth.of("Đ") == 1)
    }

    @Test func wholeNamesMeasureByGraphemeNotByBytesOrCodePoints() {
        let name = "Trung tâm học tập cộng đồng xã Nghĩa Hưng"
        #expect(DisplayWidth.of(name) == 41)
        #expect(DisplayWidth.of(name.decomposedStringWithCanonicalMapping) == 41)
        #expect(name.utf8.count > 41)
    }

    @Test func wideCharactersTakeTwoColumnsAndMarksNone() {
        #expect(DisplayWidth.of("漢") == 2)
        #expect(DisplayWidth.of("한") == 2)
        #expect(DisplayWidth.of("😀") == 2)
        #expect(DisplayWidth.of(Character("\u{0301}")) == 0)
        #expect(DisplayWidth.of("\u{200B}") == 0)
    }

    @Test func truncationEndsWithAnEllipsisAtTheRightColumn() {
        let name = "Trung tâm học tập cộng đồng xã Nghĩa Hưng"
        let cut = DisplayWidth.truncate(name, to: 20)
        #expect(cut == "Trung tâm học tập c…")
        #expect(DisplayWidth.of(cut) == 20)
        #expect(DisplayWidth.truncate("漢字漢字", to: 5) == "漢字…")
        #expect(DisplayWidth.pad("Hưng", to: 6) == "Hưng  ")
        #expect(DisplayWidth.pad("Hưng", to: 6, alignRight: true) == "  Hưng")
    }

    @Test func anAmountKeepsItsCurrencySign() {
        #expect(DisplayWidth.wrap("Kinh phí 4.500.000 đ", width: 18) == ["Kinh phí", "4.500.000 đ"])
        #expect(DisplayWidth.wrap("chi 950.000 đ, còn lại", width: 11) == ["chi", "950.000 đ,", "còn lại"])
        #expect(DisplayWidth.wrap("đi đường đ đ", width: 4) == ["đi", "đườn", "g đ", "đ"], "a word đ after a word, not a number")
    }

    @Test func wrapBreaksAtSpaces() {
        #expect(DisplayWidth.wrap("một hai ba bốn", width: 7) == ["một hai", "ba bốn"])
        #expect(DisplayWidth.wrap("", width: 5) == [""])
    }
}
