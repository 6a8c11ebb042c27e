import Domain
import Foundation
import Testing
@testable import Storage

/// The file held by its identity, hostile files refused in words, and only the `.sqlite` file left behind
/// (issue 12, findings 2 and 5; issue 10, item 16).
@Suite struct DataFileIdentityTests {
    let moment = Date(timeIntervalSince1970: 1_763_700_000)

    func demo(_ temp: TempFolder, _ name: String = "d.sqlite") throws -> String {
        let path = temp.path(name)
        try AppDatabase.createDemo(at: path, dataset: DemoFixture.dataset)
        return path
    }

    @Test func aSecondHardLinkIsRefusedWhateverTheName() throws {
        let temp = TempFolder()
        let path = try demo(temp)
        let other = temp.path("other.sqlite")
        #expect(link(path, other) == 0)
        for name in [path, other] {
            #expect(throws: DataFileError.hardLinked(path: name, links: 2)) { _ = try AppDatabase.open(path: name) }
            #expect(throws: DataFileError.hardLinked(path: name, links: 2)) {
                _ = try AppDatabase.open(path: name, access: .readOnly)
            }
        }
    }

    @Test func aSymbolicLinkMeetsTheSameLockAndTheSameJournal() throws {
        let temp = TempFolder()
        let path = try demo(temp)
        let link = temp.path("link.sqlite")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: path)
        let first = try AppDatabase.open(path: link)
        #expect(first.path == URL(fileURLWithPath: path).resolvingSymlinksInPath().path, "the journal sits beside the real file")
        #expect(throws: DataFileError.inUse(path: path)) { _ = try AppDatabase.open(path: path) }
        first.close()
        let second = try AppDatabase.open(path: path)
        #expect(throws: DataFileError.inUse(path: link)) { _ = try AppDatabase.open(path: link) }
        second.close()
        #expect(!FileManager.default.fileExists(atPath: link + "-wal"))
    }

    @Test func theLockIsOnTheFileNotOnALockFileBesideIt() throws {
        let temp = TempFolder()
        let path = try demo(temp)
        // An earlier version's lock file, left behind: removed, so only the data file remains.
        FileManager.default.createFile(atPath: path + ".lock", contents: nil)
        let database = try AppDatabase.open(path: path)
        #expect(!FileManager.default.fileExists(atPath: path + ".lock"))
        try database.saveCentre(Centre(name: "TTHTCĐ xã Yên Thắng", provinceCode: 37, communeCode: 14710), by: clerk, at: moment)
        #expect(FileManager.default.fileExists(atPath: path + "-wal"))
        try database.finish()
        #expect(names(in: temp.url.path) == ["d.sqlite", ".d.sqlite.audit-anchors"],
                "after closing, only the data file (and its hidden anchor) remain")
        let reader = try AppDatabase.open(path: path, access: .readOnly)
        #expect(try reader.allCentres().count == 15)
        reader.close()
        #expect(names(in: temp.url.path) == ["d.sqlite", ".d.sqlite.audit-anchors"], "reading leaves nothing either")
    }

    @Test func aZeroByteFileBecomesADataFileOnlyWhenAccepted() throws {
        let temp = TempFolder()
        let path = temp.path("zero.sqlite")
        FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o644])
        #expect(throws: DataFileError.empty(path: path)) { _ = try AppDatabase.open(path: path) }
        #expect(throws: DataFileError.empty(path: path)) { _ = try AppDatabase.open(path: path, access: .readOnly) }
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int == 0)
        #expect(names(in: temp.url.path) == ["zero.sqlite"])
        let database = try AppDatabase.open(path: path, options: AppDatabase.Options(acceptEmptyFile: true))
        #expect(try database.appliedMigrations() == AppDatabase.knownMigrations)
        database.close()
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int == 0o600,
                "it holds personal data from now on")
    }

    @Test func anSQLiteFileWithoutTablesIsTreatedAsEmpty() throws {
        let temp = TempFolder()
        let path = temp.path("blank.sqlite")
        _ = try sqlite3(path, "PRAGMA user_version = 1")
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(throws: DataFileError.empty(path: path)) { _ = try AppDatabase.open(path: path) }
        #expect(throws: DataFileError.empty(path: path)) { _ = try AppDatabase.open(path: path, access: .readOnly) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func aFolderAndAMissingFileAreRefusedInWords() throws {
        let temp = TempFolder()
        let folder = temp.path("folder.sqlite")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        #expect(throws: DataFileError.notAFile(path: folder)) { _ = try AppDatabase.open(path: folder) }
        #expect(throws: DataFileError.notAFile(path: folder)) { _ = try AppDatabase.open(path: folder, access: .readOnly) }
        let missing = temp.path("missing.sqlite")
        #expect(throws: DataFileError.unreachable(path: missing, reason: .notFound)) {
            _ = try AppDatabase.open(path: missing, access: .readOnly)
        }
    }

    @Test func aWriteProtectedCopyIsReadReadOnly() throws {
        let temp = TempFolder()
        let path = try demo(temp)
        guard let stick = ReadOnlyFolder(copying: [path]) else { return }
        let copy = stick.file("d.sqlite")
        let reader = try AppDatabase.open(path: copy, access: .readOnly)
        #expect(try reader.allCentres().count == 14)
        #expect(try reader.auditReport().isIntact)
        reader.close()
        do {
            _ = try AppDatabase.open(path: copy)
            Issue.record("a read-only copy was opened for writing")
        } catch let error as DataFileError {
            guard case .unreachable(_, let reason) = error else { Issue.record("\(error)"); return }
            #expect(reason == .readOnlyMedia || reason == .permissionDenied)
        }
    }

    /// The files as a crash leaves them: the data file and its journal, copied while a session writes.
    func crashImage(_ temp: TempFolder) throws -> String {
        let path = try demo(temp, "live.sqlite")
        let database = try AppDatabase.open(path: path)
        try database.saveCentre(Centre(name: "TTHTCĐ xã Yên Thắng", provinceCode: 37, communeCode: 14710), by: clerk, at: moment)
        let image = temp.path("crash.sqlite")
        for suffix in ["", "-wal"] { try FileManager.default.copyItem(atPath: path + suffix, toPath: image + suffix) }
        database.close()
        return image
    }

    @Test func anUncleanShutdownIsNoticedAndTheFileCheckedTableByTable() throws {
        let temp = TempFolder()
        let image = try crashImage(temp)
        let database = try AppDatabase.open(path: image, options: AppDatabase.Options(checkAfterCrashNow: false))
        #expect(database.needsIntegrityCheck)
        #expect(try database.allCentres().count == 15, "the journal's last save is there")
        var steps: [IntegrityCheck.Progress] = []
        let outcome = try IntegrityCheck(database: database, scope: .tables).run { steps.append($0) }
        #expect(outcome == .intact)
        #expect(steps.count > 10 && steps.last?.done == steps.last?.total, "one step per table, then done")
        database.close()
        let again = try AppDatabase.open(path: image, options: AppDatabase.Options(checkAfterCrashNow: false))
        #expect(!again.needsIntegrityCheck, "closed properly this time")
        again.close()
    }

    @Test func damageInsideTheFileIsFoundByTheFullCheckAndRefusedAfterACrash() throws {
        let temp = TempFolder()
        let image = try crashImage(temp)
        var data = try Data(contentsOf: URL(fileURLWithPath: image))
        let pageSize = 4096
        let page = data.count / pageSize / 2
        data.replaceSubrange(page * pageSize..<(page + 1) * pageSize, with: Data(repeating: 0xA5, count: pageSize))
        try data.write(to: URL(fileURLWithPath: image))
        // After a crash the file is checked before anything touches it.
        do {
            _ = try AppDatabase.open(path: image)
            Issue.record("a damaged file was opened after a crash")
        } catch DataFileError.damaged(_, .integrity(let problems)) {
            #expect(problems > 0)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: image)) == data, "the damaged file is unchanged")
        // On demand the check finds it without a crash too.
        let reader = try AppDatabase.open(path: image, access: .readOnly)
        defer { reader.close() }
        guard case .damaged = try IntegrityCheck(database: reader, scope: .complete).run(progress: { _ in }) else {
            Issue.record("the whole-file check passed a damaged file")
            return
        }
    }
}
