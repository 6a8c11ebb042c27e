import Foundation
import GRDB
import Testing
@testable import Storage

/// The merge report's digests are written in hex by hand now (a province hashes hundreds of thousands of
/// forms): the same text as `String(format: "%02x")` gave, for every byte value.
@Suite struct SliceDigestTests {
    @Test func hexIsWhatFormattingEachByteGave() {
        let every = (0...255).map { UInt8($0) }
        #expect(SliceSummaries.hex(every) == every.map { String(format: "%02x", $0) }.joined())
        #expect(SliceSummaries.hex([UInt8]()) == "")
    }
}

extension SliceDigestTests {
    static func described(_ value: DatabaseValue) -> String {
        var bytes: [UInt8] = []
        SliceSummaries.describe(value) { bytes.append(contentsOf: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Each stored value is hashed as its `description`, with texts passed through when quoting leaves them
    /// as they are: every scalar up to U+2FFFF, alone and around letters, and the other kinds of value.
    @Test func valuesAreHashedAsTheirDescription() {
        var texts = ["", "Nguyễn Thị Ánh", "Trung tâm học tập cộng đồng xã Nghĩa Hưng", "it's", "a \"b\" \\ c", "Xóm 1\n",
                     "e\u{301}", "\u{301}e", "ĐĐ đ"]
        for value in 0..<0x30000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let one = String(scalar)
            texts += [one, "a" + one, one + "b", "ệ" + one + one]
        }
        var values = texts.map { DatabaseValue(value: $0)! }
        values += [.null, 0.databaseValue, Int64.min.databaseValue, 2.5.databaseValue, 1e300.databaseValue,
                   Data([0, 1, 2]).databaseValue]
        let wrong = values.filter { Self.described($0) != $0.description }
        #expect(wrong.isEmpty, "\(wrong.prefix(5))")
    }
}
