import Foundation
import Storage
import Testing
@testable import Screens

/// "no such file" and every other message of the system is said in the user's language (issue 10, item 13): the
/// errors Foundation, the C library and SQLite throw are mapped to the catalogs' words, with at most a technical
/// code after them, and no screen or command puts an error's own text in front of the user.
@MainActor
@Suite struct SystemMessageTests {
    /// The system's own English, which must never reach the user.
    static let english = ["No such file", "Permission denied", "No space left", "Not a directory", "File exists",
                          "Read-only file system", "couldn’t", "couldn't", "The file", "The operation", "disk I/O",
                          "database or disk is full", "unable to open", "Error Domain"]

    /// Errors as the system really throws them where a test can provoke it, and as it would throw them otherwise
    /// (a full disk, a read-only medium; and permissions, which root ignores).
    static func errors(_ folder: URL) -> [(SystemError, Error)] {
        let file = folder.appendingPathComponent("a.txt")
        try? Data("x".utf8).write(to: file)
        var list: [(SystemError, Error)] = []
        do { _ = try Data(contentsOf: folder.appendingPathComponent("missing.csv")) } catch { list.append((.notFound, error)) }
        do { _ = try FileManager.default.contentsOfDirectory(atPath: file.path + "/b") } catch { list.append((.notADirectory, error)) }
        do { try FileManager.default.createDirectory(atPath: file.path, withIntermediateDirectories: false) } catch {
            list.append((.alreadyExists, error))
        }
        list += [
            (.permissionDenied, POSIXError(.EACCES)),
            (.permissionDenied, CocoaError(.fileWriteNoPermission)),
            (.permissionDenied, NSError(domain: NSPOSIXErrorDomain, code: Int(EPERM))),
            (.diskFull, POSIXError(.ENOSPC)),
            (.diskFull, CocoaError(.fileWriteOutOfSpace)),
            (.readOnlyMedia, POSIXError(.EROFS)),
            (.readOnlyMedia, CocoaError(.fileWriteVolumeReadOnly)),
            (.alreadyExists, POSIXError(.EEXIST)),
            (.notADirectory, POSIXError(.ENOTDIR)),
        ]
        return list
    }

    @Test(arguments: [Language.vi, .en])
    func theSystemsErrorsAreSaidInTheUsersLanguage(_ language: Language) throws {
        let s = try Strings(language: language)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tthtcd-sys-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let errors = Self.errors(folder)
        #expect(errors.count == 12, "the three real errors were provoked")
        for (reason, error) in errors {
            #expect(SystemError(cause: error) == reason, "\(error)")
            let cause = s.describeCause(error)
            #expect(cause == s.describe(reason))
            for message in [s.saveFailure(error), s.readFailure(error), s.describeFileError(error)] {
                #expect(message.contains(s.describe(reason)), "\(message)")
                #expect(Self.english.allSatisfy { !message.contains($0) }, "\(message)")
                #expect(message.first?.isUppercase == true, "\(message)")
            }
        }
    }

    @Test func theMainMappingsInBothLanguages() throws {
        let vi = try Strings(language: .vi)
        let en = try Strings(language: .en)
        let cases: [(Error, String, String)] = [
            (CocoaError(.fileReadNoSuchFile), "không có tệp hoặc thư mục này", "no such file or folder"),
            (POSIXError(.EACCES), "không có quyền truy cập", "permission denied"),
            (POSIXError(.ENOSPC), "ổ đĩa đã đầy", "the disk is full"),
            (POSIXError(.ENOTDIR), "một phần của đường dẫn không phải là thư mục", "part of the path is not a folder"),
            (CocoaError(.fileWriteFileExists), "đã có tệp hoặc thư mục cùng tên", "a file or folder of that name already exists"),
            (POSIXError(.EROFS), "ổ đĩa hoặc thư mục chỉ cho phép đọc", "the disk or folder is read-only"),
        ]
        for (error, vietnamese, english) in cases {
            #expect(vi.describeCause(error) == vietnamese)
            #expect(en.describeCause(error) == english)
            #expect(vi.readFailure(error) == "Không đọc được dữ liệu: " + vietnamese)
        }
        #expect(vi.saveFailure(POSIXError(.ENOSPC)) == "Không lưu được: ổ đĩa đã đầy. Dữ liệu cũ vẫn nguyên vẹn.")
    }

    /// An error with no words of its own: "an unexpected error" and a technical code, never its English text.
    @Test func anUnknownErrorGivesACodeNotItsText() throws {
        struct Strange: LocalizedError {
            var errorDescription: String? { "The operation could not be completed because of something." }
        }
        let vi = try Strings(language: .vi)
        let message = vi.saveFailure(Strange())
        #expect(message.hasPrefix("Không lưu được: lỗi không lường trước (mã kỹ thuật: "))
        #expect(!message.contains("operation") && !message.contains("Strange("))
        #expect(try Strings(language: .en).readFailure(Strange()).contains("an unexpected error (technical code: "))
    }

    /// No screen and no command puts an error's own description in front of the user: every error goes through the
    /// catalogs' mappings (`saveFailure`, `readFailure`, `describeCause`, `describe...`).
    @Test func noSourceInterpolatesAnErrorIntoText() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources")
        let patterns = ["localizedDescription", "String(describing: error", "String(describing: err", "String(reflecting: err",
                        "\\(error)", "\\(error.", "\\(err)", "strerror(", "debugDescription", "\\(failure)", "\\(underlying)"]
        var offending: [String] = []
        var scanned = 0
        for folder in ["Screens", "tthtcd"] {
            let root = sources.appendingPathComponent(folder)
            let files = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String } ?? []
            for file in files where file.hasSuffix(".swift") {
                let text = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
                scanned += 1
                for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                    let code = line.components(separatedBy: "//").first ?? ""
                    for pattern in patterns where code.contains(pattern) {
                        offending.append("\(folder)/\(file):\(number + 1): \(line.trimmingCharacters(in: .whitespaces))")
                    }
                }
            }
        }
        #expect(scanned > 100, "the sources were found")
        #expect(offending.isEmpty, "\(offending.joined(separator: "\n"))")
    }
}
