import Foundation
import Testing

/// `tthtcd exchange handover` refuses what the screen's picker leaves out, and prints a plain path.
@Suite struct HandOverCommandWalkTests {
    @Test func aCommuneNoLongerInTheUnitListIsRefusedInWordsAndThePathIsPlain() throws {
        let sandbox = Sandbox()
        let usb = sandbox.path("usb")
        try FileManager.default.createDirectory(atPath: usb, withIntermediateDirectories: true)
        let province = sandbox.path("tinh.sqlite")
        #expect(try runProgram(["demo", "create", province], in: sandbox).status == 0)
        let gone = try runProgram(["exchange", "handover", "--commune", "14137", "--to", usb, "--data", province], in: sandbox)
        #expect(gone.status != 0 && gone.stderr.contains("không có trong danh sách đơn vị hành chính"), "\(gone.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: usb).isEmpty)
        let written = try runProgram(["exchange", "handover", "--commune", "13918", "--to", usb + "/./", "--data", province],
                                     in: sandbox)
        #expect(written.status == 0 && written.stdout == "\(usb)/P37-000001-X13918.tthtcd\n", "\(written.stdout)")
    }
}
