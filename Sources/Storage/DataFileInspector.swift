import Foundation
import GRDB

/// Looks at an existing file before anything opens it for writing, and refuses what tthtcd must not touch.
/// It only reads: a refused file stays byte-for-byte as it was.
enum DataFileInspector {
    static let sqliteMagic = Array("SQLite format 3\u{0}".utf8)

    /// Throws a ``DataFileError`` unless the file is missing, empty, or a healthy tthtcd database this
    /// version can open.
    static func check(path: String, migrator: DatabaseMigrator) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            if FileManager.default.fileExists(atPath: path) {
                throw DataFileError.unreachable(path: path, detail: "permission denied")
            }
            return
        }
        let header = (try? handle.read(upToCount: 100)) ?? Data()
        let size = (try? handle.seekToEnd()) ?? 0
        try? handle.close()
        if header.isEmpty { return }
        guard header.count == 100, Array(header.prefix(16)) == sqliteMagic else {
            throw DataFileError.notADatabase(path: path)
        }
        try checkDeclaredSize(header: header, fileSize: size, path: path)
        try checkContent(path: path, migrator: migrator)
    }

    /// The header states the page size and, when valid, the page count: a shorter file was cut off.
    private static func checkDeclaredSize(header: Data, fileSize: UInt64, path: String) throws {
        let bytes = Array(header)
        func u32(_ at: Int) -> UInt32 { bytes[at..<at + 4].reduce(0) { $0 << 8 | UInt32($1) } }
        var pageSize = UInt64(UInt16(bytes[16]) << 8 | UInt16(bytes[17]))
        if pageSize == 1 { pageSize = 65536 }
        let pages = UInt64(u32(28))
        let countIsValid = u32(24) == u32(92)
        let hasWAL = FileManager.default.fileExists(atPath: path + "-wal")
        if pageSize < 512 || fileSize % pageSize != 0 || (countIsValid && !hasWAL && fileSize < pages * pageSize) {
            throw DataFileError.damaged(path: path, detail: "file size \(fileSize) does not match its header")
        }
    }

    private static func checkContent(path: String, migrator: DatabaseMigrator) throws {
        var config = Configuration()
        config.readonly = true
        config.label = "inspector"
        do {
            let queue = try DatabaseQueue(path: path, configuration: config)
            defer { try? queue.close() }
            try queue.read { db in
                let check = try String.fetchAll(db, sql: "PRAGMA quick_check")
                guard check == ["ok"] else {
                    throw DataFileError.damaged(path: path, detail: check.prefix(3).joined(separator: "; "))
                }
                let appID = try Int.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                let tables = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0
                if appID != AppDatabase.applicationID {
                    if appID == 0 && tables == 0 { return }
                    throw DataFileError.foreignDatabase(path: path)
                }
                if try migrator.hasBeenSuperseded(db) { throw DataFileError.newerVersion(path: path) }
            }
        } catch let error as DataFileError {
            throw error
        } catch let error as DatabaseError {
            switch error.resultCode {
            case .SQLITE_NOTADB: throw DataFileError.notADatabase(path: path)
            case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_READONLY:
                throw DataFileError.unreachable(path: path, detail: error.message ?? "\(error)")
            default: throw DataFileError.damaged(path: path, detail: error.message ?? "\(error)")
            }
        }
    }
}
