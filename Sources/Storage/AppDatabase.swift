import Domain
import Foundation
import GRDB

/// The data file: one SQLite database in WAL mode with `synchronous=FULL`, migrated on open. Every write
/// method is one transaction, so a power cut loses at most the record being typed.
public final class AppDatabase: @unchecked Sendable {
    /// "TTHT" in the SQLite header: marks the file as ours.
    public static let applicationID = 0x5454_4854

    let writer: any DatabaseWriter
    /// The file's real path (symbolic links resolved).
    public let path: String
    /// The file held by its identity; nil in memory. Released only after every connection is closed.
    let lock: DataFileLock?
    /// The last session ended without writing its journal into the file (a crash, a kill, a power cut) and
    /// the caller chose to run ``IntegrityCheck`` itself, after showing its first frame.
    public let needsIntegrityCheck: Bool
    /// Keeps the anchor file beside the data file up to date.
    private let anchorKeeper: AuditAnchor.Keeper?
    private let closing = NSLock()
    private var closed = false

    public enum Access: Sendable {
        /// The program's own session: takes the lock, creates and migrates the file.
        case exclusive
        /// A script reading the file (e.g. `centres list`): no change to the file and nothing created
        /// beside it; the file must exist. Works on a write-protected stick.
        case readOnly
    }

    public struct Options: Sendable {
        /// Turns a 0-byte file, or an SQLite file without tables, into a new data file. Only the interface
        /// sets it, after the user confirmed; everything else refuses such a file.
        public var acceptEmptyFile: Bool
        /// After an unclean shutdown: true checks the whole file before opening it; false leaves the check to
        /// the caller (``needsIntegrityCheck``), who runs it after its first frame with progress.
        public var checkAfterCrashNow: Bool

        public init(acceptEmptyFile: Bool = false, checkAfterCrashNow: Bool = true) {
            self.acceptEmptyFile = acceptEmptyFile
            self.checkAfterCrashNow = checkAfterCrashNow
        }
    }

    private init(writer: any DatabaseWriter, path: String, lock: DataFileLock?, needsIntegrityCheck: Bool = false,
                 anchorKeeper: AuditAnchor.Keeper? = nil) {
        self.writer = writer
        self.path = path
        self.lock = lock
        self.needsIntegrityCheck = needsIntegrityCheck
        self.anchorKeeper = anchorKeeper
    }

    /// Opens (and if needed creates) the data file. Refuses with a ``DataFileError``, leaving the file
    /// untouched, when it is not ours, damaged, from a newer version, empty, linked twice, or in use.
    public static func open(path: String, access: Access = .exclusive, options: Options = Options()) throws
        -> AppDatabase
    {
        switch access {
        case .exclusive: return try openForWriting(path, options)
        case .readOnly: return try openForReading(path)
        }
    }

    private static func openForWriting(_ requested: String, _ options: Options) throws -> AppDatabase {
        let migrator = Migrations.migrator
        try prepareFolder(for: requested)
        let lock = try DataFileLock.acquire(requested, exclusive: true, create: true)
        let journal = JournalFiles(dataFile: lock.path)
        do {
            let unclean = journal.walHoldsFrames
            let content = lock.created ? .blank : try DataFileInspector.inspect(
                lock, requested: requested, migrator: migrator, fullCheck: unclean && options.checkAfterCrashNow)
            if content != .ours && !lock.created && !options.acceptEmptyFile {
                throw DataFileError.empty(path: requested)
            }
            let pool = try DatabasePool(path: lock.path, configuration: configuration())
            // GRDB sets the writer to synchronous=NORMAL when it sets up WAL mode: a power cut could then lose
            // acknowledged saves. Every save is fsynced.
            try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
            if content != .ours { restrictPermissions(lock.path) }
            try migrator.migrate(pool)
            // Marked once: opening an existing file to read it must not change a byte of it.
            if try pool.read({ db in try Int.fetchOne(db, sql: "PRAGMA application_id") }) != applicationID {
                try pool.writeWithoutTransaction { db in
                    try db.execute(sql: "PRAGMA application_id = \(applicationID)")
                }
            }
            let keeper = AuditAnchor.keep(pool, dataFile: lock.path)
            return AppDatabase(writer: pool, path: lock.path, lock: lock,
                               needsIntegrityCheck: unclean && !options.checkAfterCrashNow, anchorKeeper: keeper)
        } catch {
            if lock.created {
                for file in [lock.path, journal.wal, journal.shm] { unlink(file) }
            }
            lock.release()
            if let error = error as? DatabaseError {
                throw DataFileInspector.refusal(error, requested: requested,
                                                folder: (lock.path as NSString).deletingLastPathComponent)
            }
            throw error
        }
    }

    private static func openForReading(_ requested: String) throws -> AppDatabase {
        let lock = try DataFileLock.acquire(requested, exclusive: false, create: false)
        do {
            guard try DataFileInspector.inspect(lock, requested: requested, migrator: Migrations.migrator,
                                                fullCheck: false) == .ours
            else { throw DataFileError.empty(path: requested) }
            let queue = try ReaderConnection.open(lock, label: "reader")
            return AppDatabase(writer: queue, path: lock.path, lock: lock)
        } catch {
            lock.release()
            if let error = error as? DatabaseError {
                throw DataFileInspector.refusal(error, requested: requested,
                                                folder: (lock.path as NSString).deletingLastPathComponent)
            }
            throw error
        }
    }

    /// A fresh database in memory for tests and previews; same schema, no file.
    public static func inMemory() throws -> AppDatabase {
        let queue = try DatabaseQueue(configuration: configuration())
        try Migrations.migrator.migrate(queue)
        return AppDatabase(writer: queue, path: ":memory:", lock: nil)
    }

    static func configuration() -> Configuration {
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(5)
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        return config
    }

    /// The folder is the user's alone (0700), and so is the file (0600): it holds personal data.
    private static func prepareFolder(for path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        guard !folder.isEmpty else { return }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) { return }
        do {
            try FileManager.default.createDirectory(
                atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw DataFileError.unreachable(path: folder, reason: SystemError(error))
        }
    }

    private static func restrictPermissions(_ path: String) {
        for file in [path, path + "-wal", path + "-shm"] where FileManager.default.fileExists(atPath: file) {
            try? FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file)
        }
    }

    /// Writes everything into the main file and closes it, leaving only the `.sqlite` file beside it. Throws
    /// ``CloseFailure`` when the journal could not be written into the file (a full disk, a pulled stick): the
    /// journal then stays beside the file, holding what the file lacks, and the file must not be copied alone.
    public func finish() throws {
        closing.lock()
        defer { closing.unlock() }
        guard !closed else { return }
        closed = true
        guard writer is DatabasePool else {
            try? writer.close()
            lock?.release()
            return
        }
        var reason: SystemError?
        // The pool's readers are read-only connections, which may neither checkpoint nor remove the journal
        // when they close last: one read-write connection does both once the pool is gone.
        if let anchorKeeper { try? writer.writeWithoutTransaction { db in anchorKeeper.flush(db) } }
        do {
            try writer.close()
            let last = try DatabaseQueue(path: path, configuration: Self.configuration())
            defer { try? last.close() }
            _ = try last.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
        } catch {
            reason = SystemError(database: error)
        }
        let journal = JournalFiles(dataFile: path)
        lock?.release()
        if journal.walHoldsFrames { throw CloseFailure(path: path, reason: reason ?? .ioError) }
    }

    /// ``finish()`` for callers with nothing to tell the user (tests, commands that only read).
    public func close() {
        try? finish()
    }

    /// Names of the schema steps applied, oldest first.
    public func appliedMigrations() throws -> [String] {
        try writer.read { db in try Migrations.migrator.appliedMigrations(db) }
    }

    public static var knownMigrations: [String] { Migrations.migrator.migrations }
}

/// The journal could not be written into the data file on closing. Nothing is lost: the journal beside the
/// file holds it, and the next start writes it in. Until then the `.sqlite` file alone is incomplete.
public struct CloseFailure: Error, Equatable, Sendable {
    public let path: String
    public let reason: SystemError

    public init(path: String, reason: SystemError) {
        self.path = path
        self.reason = reason
    }
}
