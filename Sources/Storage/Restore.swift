import Domain
import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#endif

public struct RestoreSummary: Sendable, Equatable {
    /// The data file, now holding the backup's content.
    public let dataFile: String
    /// Where the file it replaced was kept; nil when there was none (or it was empty).
    public let kept: String?
    public let contents: BackupContents
}

public enum RestoreError: Error, Equatable, Sendable {
    /// The backup is refused as a data file would be (not ours, damaged, newer...).
    case source(DataFileError)
    /// The backup is the data file itself.
    case sameFile(path: String)
}

extension AppDatabase {
    /// Replaces the data file with a backup. The backup is refused when it is not a healthy tthtcd file
    /// (`integrity_check` included), and the data file when another window holds it. The current file is kept
    /// in the backup folder before it is replaced; the replacement is one rename, so a power cut leaves one
    /// file or the other.
    public static func restore(from source: String, into dataFile: String, label: String, at moment: Date,
                               progress: (Double) -> Bool = { _ in true }) throws -> RestoreSummary {
        let backup: AppDatabase
        do {
            backup = try AppDatabase.open(path: source, access: .readOnly)
        } catch let error as DataFileError {
            throw RestoreError.source(error)
        }
        defer { backup.close() }
        let problems = try backup.writer.writeWithoutTransaction { db in try IntegrityCheck.problems(db, thorough: true) }
        guard problems == 0 else {
            throw RestoreError.source(.damaged(path: source, reason: .integrity(problems: problems)))
        }
        let folder = (dataFile as NSString).deletingLastPathComponent
        if !folder.isEmpty && !FileManager.default.fileExists(atPath: folder) {
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                     attributes: [.posixPermissions: 0o700])
        }
        guard Backup.realPath(dataFile) != backup.path else { throw RestoreError.sameFile(path: source) }
        let lock = try DataFileLock.acquire(dataFile, exclusive: true, create: true)
        defer { lock.release() }
        let staging = ((lock.path as NSString).deletingLastPathComponent as NSString)
            .appendingPathComponent(".\((lock.path as NSString).lastPathComponent).restoring-\(getpid())")
        let contents: BackupContents
        do {
            contents = try backup.copy(to: staging, progress: progress)
        } catch {
            if lock.created { unlink(lock.path) }
            throw error
        }
        var kept: String?
        if !lock.created && lock.size > 0 {
            do {
                kept = try keepAside(lock, label: label, at: moment)
            } catch {
                unlink(staging)
                throw error
            }
        }
        guard rename(staging, lock.path) == 0 else {
            let reason = SystemError.current
            unlink(staging)
            throw BackupError.destination(path: lock.path, reason: reason)
        }
        PrivateFile.syncFolder(of: lock.path)
        AuditAnchor.reset(to: contents.head, dataFile: lock.path, from: backup.path, at: moment)
        return RestoreSummary(dataFile: lock.path, kept: kept, contents: contents)
    }

    /// Gives the current file a second name in the backup folder, with its journal, so that the rename that
    /// follows leaves it there whole. Its journal is written into it first when it can be.
    private static func keepAside(_ lock: DataFileLock, label: String, at moment: Date) throws -> String {
        let journal = JournalFiles(dataFile: lock.path)
        if journal.walExists, let queue = try? DatabaseQueue(path: lock.path) {
            _ = try? queue.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
            try? queue.close()
        }
        let folder = Backup.defaultFolder(dataFile: lock.path)
        try Backup.prepare(folder: folder, create: true)
        let kept = Backup.freeName(in: folder, label: label, at: moment, suffix: Backup.beforeRestoreSuffix)
        if link(lock.path, kept) != 0 {
            guard errno == EXDEV else { throw BackupError.destination(path: kept, reason: .current) }
            do {
                try FileManager.default.copyItem(atPath: lock.path, toPath: kept)
                chmod(kept, 0o600)
            } catch {
                throw BackupError.destination(path: kept, reason: SystemError(error))
            }
        }
        if journal.walHoldsFrames {
            guard rename(journal.wal, kept + "-wal") == 0 else {
                let reason = SystemError.current
                unlink(kept)
                throw BackupError.destination(path: kept, reason: reason)
            }
        } else {
            unlink(journal.wal)
        }
        unlink(journal.shm)
        return kept
    }
}
