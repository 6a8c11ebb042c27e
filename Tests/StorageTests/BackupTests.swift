import Domain
import Foundation
import Testing
@testable import Storage

/// Backups with SQLite's online backup API, checked and private; the daily automatic backup and its keeping;
/// restore (issue 12, finding 1).
@Suite struct BackupTests {
    let moment = Date(timeIntervalSince1970: 1_763_700_000)

    func demo(_ temp: TempFolder) throws -> String {
        let path = temp.path("tthtcd.sqlite")
        try AppDatabase.createDemo(at: path, dataset: DemoFixture.dataset)
        return path
    }

    func mode(_ path: String) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? Int
    }

    @Test func aBackupWhileASessionWritesIsConsistentCheckedAndPrivate() throws {
        let temp = TempFolder()
        let path = try demo(temp)
        let session = try AppDatabase.open(path: path)
        defer { session.close() }
        // Saves keep arriving while the copy is made.
        let writer = Thread {
            for index in 0..<40 {
                _ = try? session.saveCentre(Centre(name: "TTHTCĐ thử \(index)", provinceCode: 37, communeCode: 14710),
                                            by: clerk, at: Date())
            }
        }
        writer.start()
        let reader = try AppDatabase.open(path: path, access: .readOnly)
        defer { reader.close() }
        let usb = temp.path("usb")
        try FileManager.default.createDirectory(atPath: usb, withIntermediateDirectories: true)
        var steps: [Double] = []
        let summary = try reader.backup(to: usb, label: Backup.label(office: "Tỉnh Ninh Bình"), at: moment) {
            steps.append($0)
            return true
        }
        #expect((summary.path as NSString).lastPathComponent.hasPrefix("tthtcd-ninh-binh-"))
        #expect(mode(summary.path) == 0o600)
        #expect(names(in: usb) == [(summary.path as NSString).lastPathComponent], "no journal or partial file left")
        let copy = try AppDatabase.open(path: summary.path, access: .readOnly)
        defer { copy.close() }
        #expect(try copy.allCentres().count == summary.contents.centres, "the counts are those of the copy's snapshot")
        #expect(try copy.auditHead() == summary.contents.head)
        #expect(try copy.auditReport().chain.isIntact)
        while writer.isExecuting { Thread.sleep(forTimeInterval: 0.01) }
    }

    @Test func aFolderThatCannotTakeTheCopyLeavesNothingAndSaysWhy() throws {
        let temp = TempFolder()
        let path = try demo(temp)
        let database = try AppDatabase.open(path: path, access: .readOnly)
        defer { database.close() }
        guard let stick = ReadOnlyFolder(copying: []) else { return }
        do {
            try database.backup(to: stick.path, label: "x", at: moment)
            Issue.record("a backup was written to a read-only folder")
        } catch BackupError.destination(_, let reason) {
            #expect(reason == .readOnlyMedia || reason == .permissionDenied)
        }
        #expect(names(in: stick.path).isEmpty)
        #expect(throws: BackupError.destination(path: temp.path("none"), reason: .notFound)) {
            try database.backup(to: temp.path("none"), label: "x", at: moment)
        }
    }

    @Test func restoreBringsBackTheBackupAndKeepsTheFileItReplaces() throws {
        let temp = TempFolder()
        let path = try demo(temp)
        let reader = try AppDatabase.open(path: path, access: .readOnly)
        let backup = try reader.backup(to: temp.url.path, label: "ninh-binh", at: moment)
        reader.close()
        let session = try AppDatabase.open(path: path)
        try session.saveCentre(Centre(name: "TTHTCĐ sau sao lưu", provinceCode: 37, communeCode: 14710), by: clerk, at: moment)
        #expect(throws: DataFileError.inUse(path: path), "not while a window holds the file") {
            _ = try AppDatabase.restore(from: backup.path, into: path, label: "ninh-binh", at: moment)
        }
        session.close()
        let summary = try AppDatabase.restore(from: backup.path, into: path, label: "ninh-binh", at: moment)
        #expect(summary.contents == backup.contents)
        let restored = try AppDatabase.open(path: path)
        #expect(try restored.allCentres().count == 14)
        #expect(try restored.auditReport().isIntact, "the anchor file follows the restored trail")
        restored.close()
        let kept = try #require(summary.kept)
        #expect(kept.contains("/sao-luu/") && kept.contains("truoc-khoi-phuc"))
        let previous = try AppDatabase.open(path: kept, access: .readOnly)
        #expect(try previous.allCentres().count == 15, "the replaced file, with the save made after the backup")
        previous.close()
        #expect(mode(path) == 0o600)
    }

    @Test func restoreRefusesWhatCannotBeADataFile() throws {
        let temp = TempFolder()
        let path = try demo(temp)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let foreign = temp.path("hoa-don.sqlite")
        _ = try sqlite3(foreign, "CREATE TABLE invoice(id INTEGER PRIMARY KEY)")
        #expect(throws: RestoreError.source(.foreignDatabase(path: foreign))) {
            _ = try AppDatabase.restore(from: foreign, into: path, label: "x", at: moment)
        }
        let cut = temp.path("cut.sqlite")
        // Cut at a page boundary (pages of 4,096 bytes), so that the header declares more pages than there are.
        try before.prefix(before.count / 2 / 4096 * 4096).write(to: URL(fileURLWithPath: cut))
        #expect(throws: RestoreError.source(.damaged(path: cut, reason: .truncated))) {
            _ = try AppDatabase.restore(from: cut, into: path, label: "x", at: moment)
        }
        #expect(throws: RestoreError.sameFile(path: path)) {
            _ = try AppDatabase.restore(from: path, into: path, label: "x", at: moment)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(!FileManager.default.fileExists(atPath: Backup.defaultFolder(dataFile: path)))
    }

    @Test func theDailyBackupIsMadeOnceADayAndOldOnesGo() throws {
        let temp = TempFolder()
        let path = try demo(temp)
        let database = try AppDatabase.open(path: path)
        defer { database.close() }
        #expect(try database.backupKeepDays() == BackupPolicy.defaultKeepDays)
        let first = try #require(try database.dailyBackupIfDue(label: "ninh-binh", at: moment))
        #expect(first.path.hasSuffix("-tu-dong.sqlite"))
        #expect(try database.dailyBackupIfDue(label: "ninh-binh", at: moment.addingTimeInterval(60)) == nil,
                "once a day")
        let folder = Backup.defaultFolder(dataFile: path)
        let today = LocalDate(date: moment, timeZone: .current)
        for days in [1, 2, 5, 9] {
            let old = (folder as NSString).appendingPathComponent(
                Backup.fileName(label: "ninh-binh", date: LocalDate(dayNumber: today.dayNumber - days), suffix: "tu-dong"))
            try FileManager.default.copyItem(atPath: first.path, toPath: old)
        }
        let manual = (folder as NSString).appendingPathComponent("tthtcd-ninh-binh-2020-01-01.sqlite")
        try FileManager.default.copyItem(atPath: first.path, toPath: manual)
        #expect(throws: PermissionDenied.self) { try database.saveBackupKeepDays(3, by: clerk, at: moment) }
        #expect(throws: BackupSettingError.keepDaysOutOfRange) { try database.saveBackupKeepDays(0, by: admin, at: moment) }
        try database.saveBackupKeepDays(3, by: admin, at: moment)
        let tomorrow = moment.addingTimeInterval(86_400)
        _ = try #require(try database.dailyBackupIfDue(label: "ninh-binh", at: tomorrow))
        let left = Backup.automaticBackups(in: folder).map { today.dayNumber - $0.date.dayNumber }.sorted()
        #expect(left == [-1, 0, 1], "tomorrow's, today's and yesterday's: three days kept")
        #expect(FileManager.default.fileExists(atPath: manual), "backups made by hand are never removed")
    }
}
