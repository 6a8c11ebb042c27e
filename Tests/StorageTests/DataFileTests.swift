import Domain
import Foundation
import Testing
@testable import Storage

@Suite struct DataFileTests {
    @Test func aNewFileIsCreatedPrivateInWALWithFullSync() throws {
        let temp = TempFolder()
        let path = temp.path("office/data/tthtcd.sqlite")
        let database = try AppDatabase.open(path: path)
        let folderMode = try FileManager.default.attributesOfItem(atPath: temp.path("office/data"))[.posixPermissions]
        let fileMode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions]
        #expect(folderMode as? Int == 0o700)
        #expect(fileMode as? Int == 0o600)
        // The writer's own setting: GRDB leaves it at NORMAL after switching to WAL, which can lose saves.
        let (journal, synchronous, appID) = try database.writer.writeWithoutTransaction { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA synchronous"),
             try Int.fetchOne(db, sql: "PRAGMA application_id"))
        }
        #expect(journal == "wal")
        #expect(synchronous == 2, "2 is FULL")
        #expect(appID == AppDatabase.applicationID)
        #expect(try database.appliedMigrations() == AppDatabase.knownMigrations)
        database.close()
        #expect(try sqlite3(path, "PRAGMA application_id").trimmingCharacters(in: .whitespacesAndNewlines)
            == String(AppDatabase.applicationID))
    }

    @Test func reopeningKeepsDataAndMigratesNothingTwice() throws {
        let temp = TempFolder()
        let path = temp.path("tthtcd.sqlite")
        var database = try AppDatabase.open(path: path)
        try database.saveOfficeSettings(OfficeSettings(provinceCode: 37), by: .system, at: Date())
        database.close()
        database = try AppDatabase.open(path: path)
        #expect(try database.officeSettings() == OfficeSettings(provinceCode: 37))
        #expect(try database.appliedMigrations() == AppDatabase.knownMigrations)
        database.close()
    }

    @Test func migrationsUpgradeAnOlderFileStepByStep() throws {
        // A file at the first schema step opens and reaches the current one.
        let temp = TempFolder()
        let path = temp.path("old.sqlite")
        _ = try sqlite3(path, """
            PRAGMA application_id = \(AppDatabase.applicationID);
            CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
            """)
        let database = try AppDatabase.open(path: path)
        #expect(try database.appliedMigrations() == AppDatabase.knownMigrations)
        database.close()
    }

    func expectRefused(_ build: (String) throws -> Void, _ check: (DataFileError) -> Bool) throws {
        let temp = TempFolder()
        let path = temp.path("refused.sqlite")
        try build(path)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let files = names(in: temp.url.path)
        do {
            let database = try AppDatabase.open(path: path)
            database.close()
            Issue.record("the file was accepted")
        } catch let error as DataFileError {
            #expect(check(error), "\(error)")
        }
        do {
            _ = try AppDatabase.open(path: path, access: .readOnly)
            Issue.record("the file was accepted read-only")
        } catch let error as DataFileError {
            #expect(check(error), "\(error)")
        }
        let after = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(before == after, "the refused file is byte-for-byte unchanged")
        #expect(names(in: temp.url.path) == files, "nothing was created beside it")
    }

    @Test func aFileThatIsNotADatabaseIsRefusedUntouched() throws {
        try expectRefused({ path in
            try Data("Họ và tên;Năm sinh\nNguyễn Văn An;1970\n".utf8).write(to: URL(fileURLWithPath: path))
        }, { if case .notADatabase = $0 { return true } else { return false } })
    }

    @Test func aTruncatedFileIsRefusedUntouched() throws {
        try expectRefused({ path in
            let whole = TempFolder()
            let source = whole.path("whole.sqlite")
            try AppDatabase.createDemo(at: source, dataset: DemoFixture.dataset)
            let data = try Data(contentsOf: URL(fileURLWithPath: source))
            #expect(data.count > 16384)
            try data.prefix(data.count / 2 + 100).write(to: URL(fileURLWithPath: path))
        }, { if case .damaged = $0 { return true } else { return false } })
    }

    /// A value SQLite reads but the program cannot (found by the restore fuzz: a NULL where a migration's name
    /// belongs) is a damaged file, said in words, not GRDB's decoding error.
    @Test func anUnreadableMigrationListIsRefusedAsDamaged() throws {
        try expectRefused({ path in
            let database = try AppDatabase.open(path: path)
            database.close()
            _ = try sqlite3(path, """
                PRAGMA writable_schema = ON;
                UPDATE sqlite_master SET sql = 'CREATE TABLE grdb_migrations (identifier TEXT)' WHERE name = 'grdb_migrations';
                """)
            _ = try sqlite3(path, "INSERT INTO grdb_migrations VALUES (NULL)")
        }, { if case .damaged = $0 { return true } else { return false } })
    }

    @Test func aFileFromANewerVersionIsRefusedUntouched() throws {
        try expectRefused({ path in
            let database = try AppDatabase.open(path: path)
            database.close()
            _ = try sqlite3(path, "INSERT INTO grdb_migrations VALUES ('v99-from-the-future')")
        }, { if case .newerVersion = $0 { return true } else { return false } })
    }

    @Test func anotherProgramsDatabaseIsRefusedUntouched() throws {
        try expectRefused({ path in
            _ = try sqlite3(path, "CREATE TABLE invoices(id INTEGER PRIMARY KEY, total REAL)")
        }, { if case .foreignDatabase = $0 { return true } else { return false } })
    }

    @Test func aSecondSessionOnTheSameFileIsToldItIsInUse() throws {
        let temp = TempFolder()
        let path = temp.path("tthtcd.sqlite")
        let first = try AppDatabase.open(path: path)
        #expect(throws: DataFileError.inUse(path: path)) { _ = try AppDatabase.open(path: path) }
        // Scripts may still read while the session works.
        let reader = try AppDatabase.open(path: path, access: .readOnly)
        #expect(try reader.allCentres().isEmpty)
        reader.close()
        first.close()
    }

    @Test func readOnlyAccessNeverCreatesAFile() throws {
        let temp = TempFolder()
        let path = temp.path("missing.sqlite")
        #expect(throws: DataFileError.self) { _ = try AppDatabase.open(path: path, access: .readOnly) }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func theDefaultLocationFollowsXDG() {
        #expect(DataLocation.defaultPath(environment: ["XDG_DATA_HOME": "/srv/x", "HOME": "/home/a"])
            == "/srv/x/tthtcd/tthtcd.sqlite")
        #expect(DataLocation.defaultPath(environment: ["HOME": "/home/a"]) == "/home/a/.local/share/tthtcd/tthtcd.sqlite")
        #expect(DataLocation.defaultPath(environment: ["XDG_DATA_HOME": "relative", "HOME": "/home/a"])
            == "/home/a/.local/share/tthtcd/tthtcd.sqlite", "a relative XDG path is ignored, as the spec says")
    }
}
