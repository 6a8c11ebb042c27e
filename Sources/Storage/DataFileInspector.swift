import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#endif

/// Looks at a locked file before anything opens it for writing, and refuses what tthtcd must not touch.
/// It only reads, and leaves nothing beside the file: a refused file stays byte-for-byte as it was.
///
/// Opening checks only what is cheap: the header, the size the header declares, `application_id` and the
/// schema steps. SQLite's full `quick_check` reads the whole file (half a minute for a province's data after a
/// reboot), so it runs only after an unclean shutdown and on demand (``IntegrityCheck``, `tthtcd check`).
enum DataFileInspector {
    static let sqliteMagic = Array("SQLite format 3\u{0}".utf8)

    enum Content: Equatable {
        /// 0 bytes.
        case blank
        /// An SQLite database with no tables and no application id.
        case emptyDatabase
        /// A tthtcd data file this version can open.
        case ours
    }

    static func inspect(_ lock: DataFileLock, requested: String, migrator: DatabaseMigrator, fullCheck: Bool) throws
        -> Content
    {
        let size = lock.size
        if size == 0 { return .blank }
        let header = lock.readHeader(100)
        guard header.count == 100, Array(header.prefix(16)) == sqliteMagic else {
            throw DataFileError.notADatabase(path: requested)
        }
        let journal = JournalFiles(dataFile: lock.path)
        try checkDeclaredSize(header: header, fileSize: size, hasWAL: journal.walExists, path: requested)
        return try checkContent(lock, requested: requested, migrator: migrator, fullCheck: fullCheck)
    }

    /// The header states the page size and, when valid, the page count: a shorter file was cut off.
    private static func checkDeclaredSize(header: Data, fileSize: UInt64, hasWAL: Bool, path: String) throws {
        let bytes = Array(header)
        func u32(_ at: Int) -> UInt32 { bytes[at..<at + 4].reduce(0) { $0 << 8 | UInt32($1) } }
        var pageSize = UInt64(UInt16(bytes[16]) << 8 | UInt16(bytes[17]))
        if pageSize == 1 { pageSize = 65536 }
        let pages = UInt64(u32(28))
        let countIsValid = u32(24) == u32(92)
        if pageSize < 512 || fileSize % pageSize != 0 {
            throw DataFileError.damaged(path: path, reason: .misaligned)
        }
        if countIsValid && !hasWAL && fileSize < pages * pageSize {
            throw DataFileError.damaged(path: path, reason: .truncated)
        }
    }

    private static func checkContent(_ lock: DataFileLock, requested: String, migrator: DatabaseMigrator,
                                     fullCheck: Bool) throws -> Content {
        do {
            let queue = try ReaderConnection.open(lock, label: "inspector")
            defer { try? queue.close() }
            // Without a transaction: on a damaged file SQLite can fail the closing COMMIT of a mere read.
            return try queue.inDatabase { db in
                let appID = try Int.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                let tables = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0
                if appID != AppDatabase.applicationID {
                    if appID == 0 && tables == 0 { return .emptyDatabase }
                    throw DataFileError.foreignDatabase(path: requested)
                }
                if try migrator.hasBeenSuperseded(db) { throw DataFileError.newerVersion(path: requested) }
                if fullCheck {
                    let problems = try IntegrityCheck.problems(db)
                    if problems > 0 { throw DataFileError.damaged(path: requested, reason: .integrity(problems: problems)) }
                }
                return .ours
            }
        } catch let error as DataFileError {
            throw error
        } catch let error as DatabaseError {
            throw refusal(error, requested: requested, folder: (lock.path as NSString).deletingLastPathComponent)
        } catch {
            // A value SQLite reads but the program cannot (a NULL where a migration's name belongs): damaged.
            throw DataFileError.damaged(path: requested, reason: .unreadable)
        }
    }

    /// SQLite's error on opening or reading a file, as the reason a person is given.
    static func refusal(_ error: DatabaseError, requested: String, folder: String) -> DataFileError {
        switch error.resultCode {
        case .SQLITE_NOTADB: return .notADatabase(path: requested)
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_READONLY, .SQLITE_IOERR:
            // The journal beside the file could not be created or read: say why the folder refuses it.
            if access(folder, W_OK) != 0 { return .unreachable(path: requested, reason: .current) }
            return .unreachable(path: requested, reason: .ioError)
        case .SQLITE_FULL: return .unreachable(path: requested, reason: .diskFull)
        default: return .damaged(path: requested, reason: .unreadable)
        }
    }
}

/// The journal files SQLite keeps beside a data file in WAL mode.
struct JournalFiles {
    let wal: String
    let shm: String

    init(dataFile: String) {
        wal = dataFile + "-wal"
        shm = dataFile + "-shm"
    }

    var walExists: Bool { FileManager.default.fileExists(atPath: wal) }

    /// A journal holding frames: the last session ended without writing them into the file (a crash, a
    /// power cut, a kill). Only meaningful while the exclusive lock is held.
    var walHoldsFrames: Bool {
        var info = stat()
        return stat(wal, &info) == 0 && info.st_size > 0
    }
}

/// A connection that only reads. When no session can be writing (the shared or exclusive lock is held) and
/// there is no journal, the file is opened `immutable`: SQLite then creates no -wal or -shm beside it, which
/// also lets it read a write-protected USB stick or folder.
enum ReaderConnection {
    static func open(_ lock: DataFileLock, label: String) throws -> DatabaseQueue {
        var config = Configuration()
        config.readonly = true
        config.label = label
        config.busyMode = .timeout(5)
        let immutable = lock.mode != .none && !JournalFiles(dataFile: lock.path).walExists
        return try DatabaseQueue(path: immutable ? uri(lock.path, immutable: true) : lock.path, configuration: config)
    }

    /// An SQLite URI for a path (the library on Debian and Ubuntu is built with URI names on).
    static func uri(_ path: String, immutable: Bool) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#%")
        let escaped = path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
        return "file:" + escaped + (immutable ? "?immutable=1" : "")
    }
}
