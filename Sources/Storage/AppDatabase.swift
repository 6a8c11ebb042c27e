import Domain
import Foundation
import GRDB

/// The data file: one SQLite database in WAL mode with `synchronous=FULL`, migrated on open. Every write
/// method is one transaction, so a power cut loses at most the record being typed.
public final class AppDatabase: Sendable {
    /// "TTHT" in the SQLite header: marks the file as ours.
    public static let applicationID = 0x5454_4854

    let writer: any DatabaseWriter
    public let path: String
    /// Held while an interactive session owns the file; nil for read-only commands.
    private let lock: DataFileLock?

    public enum Access: Sendable {
        /// The program's own session: takes the lock, creates and migrates the file.
        case exclusive
        /// A script reading the file (e.g. `centres list`): no lock, no change; the file must exist.
        case readOnly
    }

    private init(writer: any DatabaseWriter, path: String, lock: DataFileLock?) {
        self.writer = writer
        self.path = path
        self.lock = lock
    }

    /// Opens (and if needed creates) the data file. Refuses with a ``DataFileError``, leaving the file
    /// untouched, when it is not ours, damaged, from a newer version, or in use.
    public static func open(path: String, access: Access = .exclusive) throws -> AppDatabase {
        let migrator = Migrations.migrator
        let exists = FileManager.default.fileExists(atPath: path)
        if access == .readOnly && !exists {
            throw DataFileError.unreachable(path: path, detail: "no such file")
        }
        var lock: DataFileLock?
        if access == .exclusive {
            try prepareFolder(for: path)
            lock = try DataFileLock(dataFile: path)
        }
        try DataFileInspector.check(path: path, migrator: migrator)
        do {
            let writer: any DatabaseWriter
            if access == .readOnly {
                var config = configuration()
                config.readonly = true
                writer = try DatabaseQueue(path: path, configuration: config)
            } else {
                let created = !FileManager.default.fileExists(atPath: path)
                let pool = try DatabasePool(path: path, configuration: configuration())
                if created { restrictPermissions(path) }
                try migrator.migrate(pool)
                // Marked once: opening an existing file to read it must not change a byte of it.
                if try pool.read({ db in try Int.fetchOne(db, sql: "PRAGMA application_id") }) != applicationID {
                    try pool.writeWithoutTransaction { db in
                        try db.execute(sql: "PRAGMA application_id = \(applicationID)")
                    }
                }
                writer = pool
            }
            return AppDatabase(writer: writer, path: path, lock: lock)
        } catch let error as DatabaseError {
            throw DataFileError.unreachable(path: path, detail: error.message ?? "\(error)")
        }
    }

    /// A fresh database in memory for tests and previews; same schema, no file.
    public static func inMemory() throws -> AppDatabase {
        let queue = try DatabaseQueue(configuration: configuration())
        try Migrations.migrator.migrate(queue)
        return AppDatabase(writer: queue, path: ":memory:", lock: nil)
    }

    private static func configuration() -> Configuration {
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
            throw DataFileError.unreachable(path: folder, detail: error.localizedDescription)
        }
    }

    private static func restrictPermissions(_ path: String) {
        for file in [path, path + "-wal", path + "-shm"] where FileManager.default.fileExists(atPath: file) {
            try? FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file)
        }
    }

    /// Writes everything to the main file (so a copy of the .sqlite alone is complete) and closes it.
    public func close() {
        if let pool = writer as? DatabasePool {
            _ = try? pool.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
        }
        try? writer.close()
        lock?.release()
    }

    /// Names of the schema steps applied, oldest first.
    public func appliedMigrations() throws -> [String] {
        try writer.read { db in try Migrations.migrator.appliedMigrations(db) }
    }

    public static var knownMigrations: [String] { Migrations.migrator.migrations }
}
