import Foundation
import Testing
@testable import Documents

/// Finished files: 0600, never over an existing file unless asked, a clear reason when they cannot be written.
@Suite struct OutputFileTests {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("tthtcd-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func permissions(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) ?? -1
    }

    @Test func aNewFileIsOwnerOnly() throws {
        let path = folder.appendingPathComponent("a.docx").path
        try OutputFile.write(Data("one".utf8), to: path, overwrite: false)
        #expect(try permissions(path) == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["a.docx"], "no temporary file left")
        try FileManager.default.removeItem(at: folder)
    }

    @Test func anExistingFileIsKeptUnlessOverwriteIsAsked() throws {
        let path = folder.appendingPathComponent("a.xlsx").path
        try Data("old".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: DocumentError.fileExists(path: path)) { try OutputFile.write(Data("new".utf8), to: path, overwrite: false) }
        #expect(String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self) == "old")
        try OutputFile.write(Data("new".utf8), to: path, overwrite: true)
        #expect(String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self) == "new")
        #expect(try permissions(path) == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["a.xlsx"])
        try FileManager.default.removeItem(at: folder)
    }

    @Test func reasonsAreNamed() throws {
        let missing = folder.appendingPathComponent("no/such/a.docx").path
        #expect(throws: DocumentError.unwritable(path: missing, reason: .noSuchFolder)) {
            try OutputFile.write(Data(), to: missing, overwrite: false)
        }
        #expect(throws: DocumentError.unwritable(path: folder.path, reason: .isFolder)) {
            try OutputFile.write(Data(), to: folder.path, overwrite: true)
        }
        try FileManager.default.removeItem(at: folder)
    }
}
