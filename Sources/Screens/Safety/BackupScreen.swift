import Domain
import Foundation
import Storage
import TerminalUI

/// Backups (issue 12): the copies in the `sao-luu` folder beside the data file, newest first, and F2 to make a
/// checked copy into a folder the person names, such as a USB stick, with progress; Esc stops it and leaves nothing.
/// The copy is SQLite's online backup, so the person may go on working in other windows of the same office.
struct BackupScreen: KeyedScreen, Equatable {
    enum Action: Sendable, Equatable {
        case move(Key), backUp, folderChosen(String), cancelBackup, close
    }

    struct Copy: Equatable, Sendable {
        let name: String
        let bytes: Int
        let made: Date
    }

    /// The folder the automatic backups go to, and the proposed one.
    let folder: String
    private(set) var copies: [Copy] = []
    private(set) var job: BackupJob?
    var table = TableState()
    var modal: Modal<Action>?
    var viewport = Rect.standardArea

    init(ctx: AppContext) {
        folder = Backup.defaultFolder(dataFile: ctx.database.path)
        reload()
    }

    private mutating func reload() {
        copies = Backup.files(in: folder).map { path in
            let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int ?? 0
            return Copy(name: (path as NSString).lastPathComponent, bytes: size, made: Backup.modified(path))
        }.sorted { $0.made > $1.made }
        table.setRowCount(copies.count)
    }

    var hasPendingWork: Bool { job != nil }

    func title(_ ctx: AppContext) -> String { ctx.strings[.backupScreenTitle] }

    func keymap(_ ctx: AppContext) -> Keymap<Action> {
        let s = ctx.strings
        return Keymap([
            .function(2, shortcut: .save, action: .backUp, label: s[.keyBackUp], help: s[.helpBackUp]),
            .function(10, also: [.escape], action: .close, label: s[.keyClose], help: s[.helpBackupClose]),
            ListKeys.move(.move(.down), ctx),
        ])
    }

    func action(for key: Key, _ ctx: AppContext) -> Action? { listAction(for: key, ctx, move: Action.move) }

    func tableRect(in area: Rect) -> Rect { Rect(x: area.x, y: area.y + 2, width: area.width, height: area.height - 4) }

    mutating func update(_ action: Action, _ ctx: AppContext) -> [AppCommand] {
        let s = ctx.strings
        switch action {
        case .move(let key): _ = table.handle(key, pageSize: Self.pageSize(of: tableRect(in: viewport)))
        case .close: return [.pop]
        case .backUp:
            guard job == nil else { return [] }
            modal = .prompt(PromptDialog(title: s[.backupPromptTitle], label: s[.backupPromptLabel], text: folder,
                                         maxLength: 300),
                            submit: Reply(Action.folderChosen))
        case .folderChosen(let typed):
            let target = UserFolder.resolve(typed)
            let label = Backup.label(office: ctx.officeName.components(separatedBy: ", ").first ?? "")
            job = BackupJob(database: ctx.database, folder: target, label: label, createFolder: target == folder,
                            at: ctx.clock.now)
            modal = .progress(ProgressDialog(title: s[.backupPromptTitle], caption: target, total: 100),
                              cancel: .cancelBackup)
        case .cancelBackup:
            job?.cancel()
            modal = .progress(ProgressDialog(title: s[.backupPromptTitle], caption: s[.backupStopping], total: 100),
                              cancel: nil)
        }
        return []
    }

    /// Waits a moment for the copy (keys are read between waits), then shows how far it got or how it ended.
    mutating func tick(_ ctx: AppContext) -> [AppCommand] {
        guard let running = job else { return [] }
        guard let outcome = running.wait(milliseconds: 40) else {
            if case .progress(var dialog, let cancel) = modal {
                dialog.done = Int(running.progress * 100)
                dialog.detail = ctx.strings(.backupProgress, dialog.done)
                modal = .progress(dialog, cancel: cancel)
            }
            return []
        }
        job = nil
        modal = nil
        reload()
        let s = ctx.strings
        switch outcome {
        case .success(let summary):
            let c = summary.contents
            return [.message(StatusMessage(s(.backupDone, summary.path, c.centres, c.responses, c.plans,
                                             c.auditEntries, c.head?.printed ?? "—")))]
        case .failure(let error as BackupError):
            return [.message(StatusMessage(s.describe(error), kind: error == .cancelled ? .info : .error))]
        case .failure(let error):
            return [.message(StatusMessage(s.saveFailure(error), kind: .error))]
        }
    }

    func columns(_ s: Strings) -> [TableColumn] {
        [TableColumn(s[.backupColumnFile]), TableColumn(s[.backupColumnMade], width: 16),
         TableColumn(s[.backupColumnSize], width: 10, alignRight: true)]
    }

    func cells(_ copy: Copy) -> [String] {
        [copy.name, Timestamp.display(copy.made), Self.size(copy.bytes)]
    }

    /// "1.234 kB": whole kilobytes, grouped as Vietnamese writes them.
    static func size(_ bytes: Int) -> String {
        let kilobytes = (bytes + 1023) / 1024
        var digits = String(kilobytes)
        var grouped = ""
        while digits.count > 3 {
            grouped = "." + digits.suffix(3) + grouped
            digits.removeLast(3)
        }
        return digits + grouped + " kB"
    }

    mutating func render(into buffer: inout ScreenBuffer, area: Rect, _ ctx: AppContext) -> Point? {
        let s = ctx.strings
        let theme = ctx.theme
        let keep = (try? ctx.database.backupKeepDays()) ?? BackupPolicy.defaultKeepDays
        buffer.write(s(.backupFolderLine, folder, keep), x: area.x + 1, y: area.y, style: theme.labelFocused,
                     maxWidth: area.width - 2)
        let rows = copies
        let me = self
        table.render(into: &buffer, rect: tableRect(in: area), columns: me.columns(s), sortColumn: nil, ascending: true,
                     theme: theme, cells: { row in me.cells(rows[row]) })
        if rows.isEmpty {
            buffer.write(s[.backupEmptyHint], x: area.x + 2, y: area.y + 4, style: theme.dim, maxWidth: area.width - 4)
        }
        buffer.write(s[.backupRestoreHint], x: area.x + 1, y: area.y + area.height - 1, style: theme.dim,
                     maxWidth: area.width - 2)
        return nil
    }
}
