import Domain
import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#endif

/// What a backup or a restore holds, counted in the same snapshot as the copy.
public struct BackupContents: Sendable, Equatable {
    public let centres: Int
    public let responses: Int
    public let plans: Int
    public let auditEntries: Int
    public let head: AuditHead?

    static func count(_ db: Database) throws -> BackupContents {
        func count(_ table: String) throws -> Int {
            try db.tableExists(table) ? Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0 : 0
        }
        return BackupContents(centres: try count("centre"), responses: try count("surveyResponse"),
                              plans: try count("plan"), auditEntries: try count("auditEntry"),
                              head: try db.tableExists("auditEntry") ? AuditHead.current(db) : nil)
    }
}

public struct BackupSummary: Sendable, Equatable {
    /// The checked copy.
    public let path: String
    public let contents: BackupContents
}

public enum BackupError: Error, Equatable, Sendable {
    /// The folder is missing, read-only or full.
    case destination(path: String, reason: SystemError)
    /// The copy failed its check and was deleted.
    case copyDoesNotMatch(path: String)
    /// The copy would be the data file itself.
    case sameAsDataFile(path: String)
    case cancelled
}

/// Where backups go and what they are called: `tthtcd-<office>-<date>.sqlite`, 0600, in the `sao-luu`
/// folder beside the data file unless another folder (a USB stick) is named.
public enum Backup {
    public static let folderName = "sao-luu"
    static let automaticSuffix = "tu-dong"
    static let beforeRestoreSuffix = "truoc-khoi-phuc"

    public static func defaultFolder(dataFile: String) -> String {
        URL(fileURLWithPath: dataFile).deletingLastPathComponent().appendingPathComponent(folderName).path
    }

    /// The office in a file name: "Tỉnh Ninh Bình" -> "ninh-binh" (marks, the unit word and spaces gone).
    public static func label(office: String) -> String {
        var words = VietnameseText.fold(office).split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        if let first = words.first, ["tinh", "thanh", "xa", "phuong", "dac"].contains(first), words.count > 1 {
            words.removeFirst()
            if let next = words.first, ["pho", "khu"].contains(next), words.count > 1 { words.removeFirst() }
        }
        let label = words.joined(separator: "-").filter { $0.isASCII }
        return label.isEmpty ? "du-lieu" : label
    }

    static func fileName(label: String, date: LocalDate, suffix: String?) -> String {
        (["tthtcd", label, date.iso] + (suffix.map { [$0] } ?? [])).joined(separator: "-") + ".sqlite"
    }

    /// A name in `folder` not yet taken: the plain name, else with the time, else numbered.
    static func freeName(in folder: String, label: String, at moment: Date, suffix: String?) -> String {
        let date = LocalDate(date: moment, timeZone: .current)
        let plain = (folder as NSString).appendingPathComponent(fileName(label: label, date: date, suffix: suffix))
        if !FileManager.default.fileExists(atPath: plain) { return plain }
        let parts = Calendar.current.dateComponents([.hour, .minute, .second], from: moment)
        let time = String(format: "%02d%02d%02d", parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0)
        for n in 0..<1000 {
            let extra = ([suffix, String(time)] + (n == 0 ? [] : [String(n + 1)])).compactMap { $0 }.joined(separator: "-")
            let candidate = (folder as NSString).appendingPathComponent(fileName(label: label, date: date, suffix: extra))
            if !FileManager.default.fileExists(atPath: candidate) { return candidate }
        }
        return plain + "-\(UUID().uuidString.prefix(8))"
    }

    /// The `.sqlite` files of a backup folder, oldest name first.
    public static func files(in folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".sqlite") && !$0.hasPrefix(".") }.sorted()
            .map { (folder as NSString).appendingPathComponent($0) }
    }

    public static func modified(_ path: String) -> Date {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date) ?? .distantPast
    }

    /// The audit head stored in a backup; nil when it cannot be read as a tthtcd file.
    public static func auditHead(of backup: String) -> AuditHead? {
        guard let database = try? AppDatabase.open(path: backup, access: .readOnly) else { return nil }
        defer { database.close() }
        return try? database.auditHead()
    }

    /// Opens `folder`, creating the default one (0700); refuses a missing or unwritable one.
    static func prepare(folder: String, create: Bool) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw BackupError.destination(path: folder, reason: .notADirectory) }
        } else if create {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                        attributes: [.posixPermissions: 0o700])
            } catch {
                throw BackupError.destination(path: folder, reason: SystemError(error))
            }
        } else {
            throw BackupError.destination(path: folder, reason: .notFound)
        }
        if access(folder, W_OK) != 0 { throw BackupError.destination(path: folder, reason: .current) }
    }

    /// The real path of a file that may not exist yet.
    static func realPath(_ path: String) -> String {
        (try? DataFileLock.resolve(path).0) ?? path
    }
}

extension AppDatabase {
    /// Copies the data file with SQLite's online backup API, consistent even while a session writes, into
    /// `folder`, named with `label` (the office) and the date. The copy is written 0600 under a temporary name,
    /// checked (`integrity_check`, the same record counts and audit head as the snapshot it was taken from),
    /// synced, and only then given its name. `progress` gets 0...1 and may return false to cancel.
    @discardableResult
    public func backup(to folder: String, label: String, at moment: Date, createFolder: Bool = false,
                       progress: (Double) -> Bool = { _ in true }) throws -> BackupSummary {
        try backup(to: folder, label: label, suffix: nil, at: moment, createFolder: createFolder, progress: progress)
    }

    func backup(to folder: String, label: String, suffix: String?, at moment: Date, createFolder: Bool,
                progress: (Double) -> Bool) throws -> BackupSummary {
        try Backup.prepare(folder: folder, create: createFolder)
        let target = Backup.freeName(in: Backup.realPath(folder), label: label, at: moment, suffix: suffix)
        guard Backup.realPath(target) != path else { throw BackupError.sameAsDataFile(path: target) }
        let contents = try copy(to: target, progress: progress)
        if lock != nil {
            if let head = contents.head {
                AuditAnchor.append(AuditAnchorRecord(kind: .backup, head: head, at: moment, note: target), dataFile: path)
            }
        }
        return BackupSummary(path: target, contents: contents)
    }

    /// The copy itself: into a temporary file beside `target`, checked, then renamed to `target`.
    func copy(to target: String, progress: (Double) -> Bool) throws -> BackupContents {
        let temporary = ((target as NSString).deletingLastPathComponent as NSString)
            .appendingPathComponent(".\((target as NSString).lastPathComponent).partial-\(getpid())")
        let fd = Glibc.open(temporary, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw BackupError.destination(path: target, reason: .current) }
        Glibc.close(fd)
        let cleanUp = { for file in [temporary, temporary + "-journal", temporary + "-wal", temporary + "-shm"] { unlink(file) } }
        do {
            let destination = try DatabaseQueue(path: temporary, configuration: Self.configuration())
            let contents: BackupContents = try withoutActuallyEscaping(progress) { progress in
                try writer.read { source in
                    // Counting first opens the read transaction the copy is then taken from: the same snapshot.
                    let contents = try BackupContents.count(source)
                    try destination.writeWithoutTransaction { copy in
                        try source.backup(to: copy, pagesPerStep: 256) { step in
                            let done = step.totalPageCount == 0
                                ? 1 : 1 - Double(step.remainingPageCount) / Double(step.totalPageCount)
                            if !step.isCompleted && !progress(done) { throw BackupError.cancelled }
                        }
                    }
                    return contents
                }
            }
            try destination.close()
            guard try Self.checkCopy(temporary, matches: contents) else {
                cleanUp()
                throw BackupError.copyDoesNotMatch(path: target)
            }
            guard rename(temporary, target) == 0 else { throw BackupError.destination(path: target, reason: .current) }
            PrivateFile.syncFolder(of: target)
            return contents
        } catch let error as DatabaseError {
            cleanUp()
            throw BackupError.destination(path: target, reason: SystemError(database: error))
        } catch {
            cleanUp()
            throw error
        }
    }

    /// A copy is good when SQLite finds nothing wrong in it and it holds what the snapshot held.
    static func checkCopy(_ copy: String, matches contents: BackupContents) throws -> Bool {
        var config = Configuration()
        config.readonly = true
        let queue = try DatabaseQueue(path: ReaderConnection.uri(copy, immutable: true), configuration: config)
        defer { try? queue.close() }
        return try queue.inDatabase { db in
            guard try IntegrityCheck.problems(db, thorough: true) == 0 else { return false }
            return try Int.fetchOne(db, sql: "PRAGMA application_id") == applicationID
                && BackupContents.count(db) == contents
        }
    }
}
