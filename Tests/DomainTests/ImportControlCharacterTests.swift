import Domain
import Testing

/// A NUL or a bidirectional override in an imported cell is refused, naming the row and the column, instead of
/// being stored cut in one column and whole in another (issue 12, finding 6).
@Suite struct ImportControlCharacterTests {
    typealias F = SurveyFixture
    let importer = SurveyImport(engine: F.engine)
    let headers = ["Số phiếu", "Họ tên người trả lời", "Thôn/tổ dân phố", "Giới tính", "Năm sinh", "Dân tộc",
                   "Trình độ học vấn", "Nghề nghiệp chính", "Hộ nghèo, cận nghèo", "Khuyết tật", "Nội dung muốn học",
                   "Hình thức học", "Thời gian trong ngày", "Thời điểm trong năm"]

    func row(_ serial: String, name: String) -> [String] {
        [serial, name, "xom 2", "Nữ", "1980", "1", "3", "Nông nghiệp", "1", "1", "Trồng trọt", "1", "3", "1"]
    }

    @Test func controlCharactersAreRefusedByRowAndColumn() {
        let rows = [row("A-1", name: "Trần Thị Mai"), row("A-2", name: "Trần\u{0}Thị Lan"), row("A-3", name: "Lê \u{202E}naV")]
        let (_, problems) = importer.convert(headers: headers, rows: rows, mapping: importer.suggestedMapping(for: headers),
                                             campaignID: 1, existing: [])
        #expect(problems == [
            ImportProblem(row: 2, column: "Họ tên người trả lời", value: "TrầnThị Lan", reason: .controlCharacter(0)),
            ImportProblem(row: 3, column: "Họ tên người trả lời", value: "Lê naV", reason: .controlCharacter(0x202E)),
        ])
    }

    @Test func typedTextLosesItsControlCharacters() {
        #expect("Nguyễn\u{0}Văn\u{7}An".cleanedInput == "NguyễnVănAn")
        #expect("  Lê\u{202E} Văn\tAn ".cleanedInput == "Lê Văn An")
        #expect("Dòng 1\nDòng 2".firstForbiddenControl == nil, "line breaks are not control characters here")
    }
}
