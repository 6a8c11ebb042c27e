import Foundation
import Testing
@testable import Basics

/// Every Vietnamese vowel (with its vowel marks) under every tone, lower and upper case.
enum VietnameseAlphabet {
    static let vowels = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"]
    /// Combining tone marks: huyền, hỏi, ngã, sắc, nặng.
    static let tones = ["\u{0300}", "\u{0309}", "\u{0303}", "\u{0301}", "\u{0323}"]

    /// (NFC form, the plain vowel it folds to) for every vowel and tone, both cases.
    static var toned: [(String, String)] {
        var result: [(String, String)] = []
        for vowel in vowels {
            let plain = VietnameseText.fold(vowel)
            for tone in [""] + tones {
                let lower = (vowel + tone).precomposedStringWithCanonicalMapping
                result.append((lower, plain))
                result.append((lower.uppercased(), plain))
            }
        }
        return result
    }
}

@Suite struct FoldingTests {
    @Test func everyVowelWithEveryToneFoldsToItsPlainLetterInNFCAndNFD() {
        #expect(VietnameseAlphabet.toned.count == 12 * 6 * 2)
        for (nfc, plain) in VietnameseAlphabet.toned {
            #expect(nfc.unicodeScalars.count == 1, "\(nfc) is one precomposed code point in NFC")
            let nfd = nfc.decomposedStringWithCanonicalMapping
            #expect(VietnameseText.fold(nfc) == plain)
            #expect(VietnameseText.fold(nfd) == plain)
            #expect(["a", "e", "i", "o", "u", "y"].contains(plain))
        }
    }

    @Test func dStrokeFoldsToD() {
        #expect(VietnameseText.fold("đ") == "d")
        #expect(VietnameseText.fold("Đ") == "d")
        #expect(VietnameseText.fold("Đường Đồng Đăng") == "duong dong dang")
    }

    @Test func hasMarksSeesTonesVowelMarksAndDStroke() {
        #expect(!VietnameseText.hasMarks("nghia hung"))
        #expect(VietnameseText.hasMarks("nghĩa"))
        #expect(VietnameseText.hasMarks("ư"))
        #expect(VietnameseText.hasMarks("đ"))
        #expect(VietnameseText.hasMarks("Đ"))
        #expect(VietnameseText.hasMarks("nghi\u{0303}a"), "NFD marks count too")
    }

    @Test func queryWithoutMarksIgnoresMarks() {
        #expect(TextQuery("nghia hung").matches("Trung tâm học tập cộng đồng xã Nghĩa Hưng"))
        #expect(TextQuery("duong").matches("Đường Trần Hưng Đạo"))
        #expect(TextQuery("NGHIA").matches("nghĩa"))
        #expect(!TextQuery("nghia son").matches("Xã Nghĩa Hưng"))
    }

    @Test func queryWithMarksMatchesExactly() {
        #expect(TextQuery("Hưng").matches("Xã Nghĩa Hưng"))
        #expect(!TextQuery("Hùng").matches("Xã Nghĩa Hưng"))
        #expect(TextQuery("nghĩa hung").matches("Nghĩa Hưng"), "each word decides for itself")
        #expect(!TextQuery("nghìa").matches("Nghĩa Hưng"))
    }

    @Test func queriesAndTextsAreComparedInNFC() {
        let nfdText = "Xã Nghĩa Hưng".decomposedStringWithCanonicalMapping
        let nfdQuery = "Nghĩa".decomposedStringWithCanonicalMapping
        #expect(TextQuery(nfdQuery).matches("Xã Nghĩa Hưng"))
        #expect(TextQuery("Nghĩa").matches(nfdText))
    }

    @Test func cleanedInputIsNFCWithTidySpaces() {
        let typed = "  Trung  tâm\tNghi\u{0303}a ".decomposedStringWithCanonicalMapping
        #expect(typed.cleanedInput == "Trung tâm Nghĩa")
        #expect(typed.cleanedInput.unicodeScalars.count == "Trung tâm Nghĩa".unicodeScalars.count)
    }
}

@Suite struct CollationTests {
    @Test func lettersFollowTheVietnameseAlphabet() {
        let alphabet = ["a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "g", "h", "i", "k", "l", "m", "n", "o", "ô",
                        "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "x", "y"]
        let shuffled = alphabet.reversed().map { $0 }
        #expect(VietnameseCollation.sorted(shuffled, by: { $0 }) == alphabet)
    }

    @Test func tonesBreakTiesInDictionaryOrder() {
        for vowel in VietnameseAlphabet.vowels {
            let forms = ([""] + VietnameseAlphabet.tones).map { (vowel + $0).precomposedStringWithCanonicalMapping }
            #expect(VietnameseCollation.sorted(forms.shuffled(), by: { $0 }) == forms, "tones of \(vowel)")
        }
    }

    @Test func lettersWinOverTones() {
        // "ả" (a with hook) sorts before "ă" (a breve, no tone): the letter decides first.
        #expect(VietnameseCollation.key("ả") < VietnameseCollation.key("ă"))
        #expect(VietnameseCollation.key("mà") < VietnameseCollation.key("mắ"))
        #expect(VietnameseCollation.key("Nghĩa Sơn") < VietnameseCollation.key("Nghĩa Thọ"))
        #expect(VietnameseCollation.key("Đồng") > VietnameseCollation.key("Dương"), "đ after d")
        #expect(VietnameseCollation.key("Ưng") > VietnameseCollation.key("Uyên"), "ư after u")
    }

    @Test func nfcAndNfdHaveTheSameKey() {
        for (nfc, _) in VietnameseAlphabet.toned {
            #expect(VietnameseCollation.key(nfc) == VietnameseCollation.key(nfc.decomposedStringWithCanonicalMapping))
        }
        #expect(VietnameseCollation.key("Đ") == VietnameseCollation.key("Đ".decomposedStringWithCanonicalMapping))
    }

    @Test func peopleSortByGivenNameThenTheRest() {
        let names = ["Trần Văn Bình", "Nguyễn Thị An", "Lê Văn An", "Phạm Thị Đào", "Đỗ Minh Châu"]
        #expect(VietnameseCollation.sorted(names, by: { _ in "" }).count == 5)
        let sorted = names.sorted { VietnameseCollation.personKey($0) < VietnameseCollation.personKey($1) }
        #expect(sorted == ["Lê Văn An", "Nguyễn Thị An", "Trần Văn Bình", "Đỗ Minh Châu", "Phạm Thị Đào"])
    }
}

/// The quick paths give exactly what the definitions give.
@Suite struct TextFastPathTests {
    /// Letters, marks, spaces and punctuation a form or a name may hold, in NFC and NFD.
    static let alphabet: [String] = {
        var pieces = VietnameseAlphabet.toned.flatMap { [$0.0, $0.0.decomposedStringWithCanonicalMapping] }
        pieces += ["đ", "Đ", "d", "D", "x", "Q", "1", "9", " ", "  ", "\t", "\n", "\u{00A0}", ",", "-", "'", "İ", "ß", "Æ",
                   "ǅ", "ȸ", "Ω", "Ω", "σ", "ς", "Σ", "…", "–", "\u{0301}", "\u{0323}", "\u{0306}", "Å", "Å", "한", "😀"]
        return pieces
    }()

    @Test func foldingByTableEqualsFoldingByDecomposition() {
        for value in Array(0x80..<0x250) + Array(0x1E00..<0x1F00) {
            let text = String(Unicode.Scalar(UInt32(value))!)
            #expect(VietnameseText.fold(text) == VietnameseText.slowFold(text), "U+\(String(value, radix: 16))")
            #expect(VietnameseText.loweredBytes(text) == Array(text.lowercased().utf8), "U+\(String(value, radix: 16))")
        }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in
                Self.alphabet.randomElement(using: &generator)!
            }.joined()
            #expect(VietnameseText.fold(text) == VietnameseText.slowFold(text), "\(Array(text.unicodeScalars))")
            #expect(VietnameseText.loweredBytes(text) == Array(text.nfc.lowercased().utf8), "\(Array(text.unicodeScalars))")
            #expect(text.nfc == text.precomposedStringWithCanonicalMapping, "\(Array(text.unicodeScalars))")
            let slowClean = text.precomposedStringWithCanonicalMapping.split(whereSeparator: { $0.isWhitespace })
                .joined(separator: " ")
            #expect(text.cleanedInput == slowClean, "\(Array(text.unicodeScalars))")
        }
    }

    @Test func cleanTextIsReturnedAsItIs() {
        #expect("Nguyễn Văn An".cleanedInput == "Nguyễn Văn An")
        #expect(" Nguyễn  Văn An ".cleanedInput == "Nguyễn Văn An")
        #expect("Nguye\u{0302}\u{0303}n".cleanedInput == "Nguyễn")
        #expect("".cleanedInput == "")
        #expect(" ".cleanedInput == "")
    }
}

/// The quick paths of sorting and searching give what the definitions give.
@Suite struct CollationAndSearchFastPathTests {
    @Test func keysByTableEqualKeysByDecomposition() {
        for value in Array(0..<0x250) + Array(0x1E00..<0x1F00) {
            let text = String(Unicode.Scalar(UInt32(value))!)
            #expect(VietnameseCollation.key(text) == VietnameseCollation.slowKey(text), "U+\(String(value, radix: 16))")
        }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let text = (0..<Int.random(in: 0...10, using: &generator)).map { _ in
                TextFastPathTests.alphabet.randomElement(using: &generator)!
            }.joined()
            #expect(VietnameseCollation.key(text) == VietnameseCollation.slowKey(text), "\(Array(text.unicodeScalars))")
        }
    }

    @Test func searchingBytesFindsWhatContainsFinds() {
        let texts = ["TT13891 Trung tâm học tập cộng đồng xã Nghĩa Hưng Xã Nghĩa Hưng Trụ sở UBND", "Phường 1", "", "a"]
        let queries = ["nghia", "Nghĩa", "hưng", "hung ubnd", "tt1389", "x", "Phường 1", "phuong 12", "đồng", "dong", ""]
        for text in texts {
            let searchable = SearchableText(text)
            for query in queries {
                let parsed = TextQuery(query)
                let expected = parsed.words.allSatisfy { word in
                    word.exact ? searchable.lowered.contains(word.text) : searchable.folded.contains(word.text)
                }
                #expect(parsed.matches(searchable) == expected, "\(query) in \(text)")
            }
        }
    }
}
