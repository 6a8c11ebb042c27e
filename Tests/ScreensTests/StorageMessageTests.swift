import Domain
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

/// Every refusal of the file layer is a sentence in the user's language, never a Swift value or the C library's
/// English (issue 12, findings 5 and 6; issue 10, item 13).
@MainActor
@Suite struct RefusalMessageTests {
    @Test func aConcurrentDuplicateSerialIsDescribedInWords() throws {
        let s = try Strings(language: .vi)
        let message = s.saveFailure(SurveyStoreError.duplicateSerial("P0000000"))
        #expect(message.hasPrefix("Số phiếu P0000000 đã có trong đợt khảo sát"))
        #expect(!message.contains("duplicateSerial"))
    }

    @Test func systemErrorsAreSaidInTheUsersLanguage() throws {
        for language in Language.allCases {
            let s = try Strings(language: language)
            let english = ["No such file", "Permission denied", "disk I/O error", "Read-only file system", "unable to open"]
            let refusals: [DataFileError] = [
                .unreachable(path: "/x", reason: .notFound), .unreachable(path: "/x", reason: .permissionDenied),
                .unreachable(path: "/x", reason: .readOnlyMedia), .unreachable(path: "/x", reason: .ioError),
                .unreachable(path: "/x", reason: .other(code: 71)), .notAFile(path: "/x"), .empty(path: "/x"),
                .hardLinked(path: "/x", links: 2), .damaged(path: "/x", reason: .integrity(problems: 3)),
                .damaged(path: "/x", reason: .truncated), .notADatabase(path: "/x"), .foreignDatabase(path: "/x"),
                .alreadyExists(path: "/x"), .inUse(path: "/x"), .newerVersion(path: "/x"),
            ]
            for refusal in refusals {
                let text = s.describe(refusal)
                #expect(english.allSatisfy { !text.contains($0) }, "\(text)")
                #expect(text.first?.isUppercase == true, "a sentence begins with a capital: \(text)")
                #expect(text.hasSuffix("."), "\(text)")
            }
        }
        let vi = try Strings(language: .vi)
        #expect(vi.describe(DataFileError.unreachable(path: "/a.sqlite", reason: .notFound))
            == "Không mở được /a.sqlite: không có tệp hoặc thư mục này.")
        #expect(vi.describe(CSVFileError.unwritable(path: "/b.csv", reason: .diskFull)) == "Không ghi được /b.csv: ổ đĩa đã đầy.")
        #expect(vi.describe(CloseFailure(path: "/a.sqlite", reason: .diskFull))
            .hasPrefix("Chưa ghi hết được dữ liệu vào tệp /a.sqlite: ổ đĩa đã đầy. Không mất gì"))
    }

    @Test func aControlCharacterInAnImportIsNamed() throws {
        let s = try Strings(language: .vi)
        #expect(s.describe(ImportProblem.Reason.controlCharacter(0)) == "có ký tự điều khiển (mã U+0000) không được phép trong ô")
    }

    /// Every refusal of the evaluation store is said in words, by either way in: `saveFailure` sends evaluation
    /// errors to `evaluationFailure`, which must never send them back (that loop crashed the test run once).
    @Test func everyEvaluationRefusalIsSaidInWords() throws {
        let s = try Strings(language: .vi)
        let errors: [EvaluationStoreError] = [.notFound, .invalidThresholds, .readOnlyHere,
                                              .refused(.reasonRequired)]
        for error in errors {
            for text in [s.saveFailure(error), s.evaluationFailure(error, set: nil)] {
                #expect(!text.isEmpty && !text.contains("EvaluationStoreError"), "\(error): \(text)")
            }
        }
        #expect(s.saveFailure(EvaluationStoreError.readOnlyHere) == s.describe(StorageFailure.receivedRecord))
    }
}
