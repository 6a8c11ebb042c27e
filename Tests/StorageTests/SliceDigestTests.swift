import Foundation
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
