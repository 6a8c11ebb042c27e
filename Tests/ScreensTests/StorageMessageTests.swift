import Storage
import Testing
@testable import Screens

/// Failures of the data file read as what to do, not as SQLite's or Swift's own words.
@MainActor
@Suite struct StorageMessageTests {
    struct Unexpected: Error {}

    @Test func storageFailuresAreDescribedInVietnamese() throws {
        let s = try Strings(language: .vi)
        #expect(s.saveFailure(CentreStoreError.notFound)
            == "Bản ghi này không còn trong tệp dữ liệu (có thể vừa bị xóa); hãy đóng và mở lại danh sách.")
        #expect(s.readFailure(BoardStoreError.notFound) == s.describe(StorageFailure.recordGone))
        #expect(s.describe(StorageFailure.diskFull).hasPrefix("Ổ đĩa đã đầy nên chưa lưu được"))
        #expect(s.saveFailure(Unexpected()).hasPrefix("Không lưu được: "), "anything else still says nothing was saved")
        let damaged = StoredValueError(table: "centre", column: "status", value: "closed")
        #expect(s.readFailure(damaged) == "Tệp dữ liệu có một giá trị chương trình không đọc được (bảng centre, cột status, "
            + "giá trị «closed»); có thể tệp đã bị sửa bằng chương trình khác hoặc bị hỏng. Không có gì bị thay đổi; "
            + "hãy nhờ quản trị viên kiểm tra tệp.")
        #expect(s.saveFailure(damaged) == s.readFailure(damaged))
    }
}
