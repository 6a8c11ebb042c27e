import Domain
import Foundation
import Storage
import TerminalUI

/// "Gửi dữ liệu": writes this office's bundle to a chosen folder (a USB stick), with progress, and says where.
struct SendScreen: KeyedScreen, Equatable {
    enum Action: Sendable, Equatable {
        case chooseFolder, folderEntered(String), write, close
    }

    /// The export under way (a class: it holds the temporary copy between steps).
    struct Run: Equatable {
        let job: BundleExportJob
        static func == (a: Run, b: Run) -> Bool { a.job === b.job }
    }

    private(set) var folder: String
    private(set) var nextSequence: Int
    private(set) var fingerprint: String?
    private(set) var lastWritten: String?
    private(set) var run: Run?
    var modal: Modal<Action>?
    var viewport = Rect.standardArea

    init(ctx: AppContext, folder: String? = nil) {
        self.folder = folder ?? ExchangeFolder.start(ctx)
        nextSequence = (try? ctx.database.nextBundleSequence()) ?? 1
        fingerprint = Self.fingerprint(ctx)
    }

    private static func fingerprint(_ ctx: AppContext) -> String? {
        let keyPath = OfficeKeyFile.path(forDataFile: ctx.database.path)
        guard FileManager.default.fileExists(atPath: keyPath),
              let key = try? OfficeKeyFile.loadOrCreate(forDataFile: ctx.database.path) else { return nil }
        return OfficeKey.fingerprint(key.publicKey)
    }

    func title(_ ctx: AppContext) -> String { ctx.strings[.exchangeSendTitle] }

    func keymap(_ ctx: AppContext) -> Keymap<Action> {
        let s = ctx.strings
        return Keymap([
            .function(2, action: .chooseFolder, label: s[.exchangeKeyFolder], help: s[.exchangeHelpFolder]),
            .function(5, action: .write, label: s[.exchangeKeyWrite], help: s[.exchangeHelpWrite]),
            .function(10, also: [.escape], action: .close, label: s[.keyClose], help: s[.exchangeHelpClose]),
        ])
    }

    var hasPendingWork: Bool { run != nil }

    mutating func update(_ action: Action, _ ctx: AppContext) -> [AppCommand] {
        let s = ctx.strings
        switch action {
        case .close: return [.pop]
        case .chooseFolder:
            modal = .prompt(PromptDialog(title: s[.exchangeSendTitle], label: s[.exchangeFolderLabel], text: folder,
                                         maxLength: 400), submit: Reply(Action.folderEntered))
        case .folderEntered(let typed):
            guard let resolved = ExchangeFolder.resolve(typed) else {
                modal = .prompt(PromptDialog(title: s[.exchangeSendTitle], label: s[.exchangeFolderLabel], text: typed,
                                             maxLength: 400).refused(s(.exchangeNoFolder, typed)),
                                submit: Reply(Action.folderEntered))
                return []
            }
            folder = resolved
            ctx.lastFolder = resolved
            modal = nil
        case .write:
            guard let settings = ctx.office else { return [.message(StatusMessage(s[.exchangeOfficeNotSet], kind: .error))] }
            guard ctx.can(.exchangeData) else { return [.message(StatusMessage(s[.routeNotAllowed], kind: .error))] }
            let office = ExchangeOffice(settings: settings, units: ctx.units)
            run = Run(job: ctx.database.bundleExport(to: URL(fileURLWithPath: folder), office: office,
                                                     programVersion: AppVersion.current, by: ctx.actor, at: ctx.clock.now))
            showProgress(ctx)
        }
        return []
    }

    private mutating func showProgress(_ ctx: AppContext) {
        let done = Int(((run?.job.fraction ?? 1) * 100).rounded())
        modal = .progress(ProgressDialog(title: ctx.strings[.exchangeSendTitle], caption: ctx.strings[.exchangeWriting],
                                         done: done, total: 100, detail: folder), cancel: nil)
    }

    mutating func tick(_ ctx: AppContext) -> [AppCommand] {
        guard let job = run?.job else { return [] }
        do {
            try job.step()
        } catch {
            run = nil
            modal = nil
            nextSequence = (try? ctx.database.nextBundleSequence()) ?? nextSequence
            let reason = (error as? DataFileError).map(ctx.strings.describe) ?? ctx.strings.saveFailure(error)
            return [.message(StatusMessage(reason, kind: .error))]
        }
        guard job.isFinished, let result = job.result else {
            showProgress(ctx)
            return []
        }
        run = nil
        modal = nil
        lastWritten = result.url.path
        nextSequence = result.manifest.sequence + 1
        fingerprint = OfficeKey.fingerprint(result.manifest.publicKey)
        return [.changed(.settings), .message(StatusMessage(ctx.strings(.exchangeWritten, result.url.lastPathComponent)))]
    }

    mutating func render(into buffer: inout ScreenBuffer, area: Rect, _ ctx: AppContext) -> Point? {
        let s = ctx.strings
        let theme = ctx.theme
        var lines: [(String, Style)] = []
        if let settings = ctx.office {
            let office = ExchangeOffice(settings: settings, units: ctx.units)
            lines.append((s(.exchangeOfficeLine, office.name, office.writerID), theme.normal))
        } else {
            lines.append((s[.exchangeOfficeNotSet], theme.error))
        }
        lines.append((s(.exchangeNextSequence, nextSequence), theme.normal))
        lines.append((fingerprint.map { s(.exchangeKeyLine, $0) } ?? s[.exchangeKeyNew], theme.normal))
        lines.append(("", theme.normal))
        lines.append((s(.exchangeFolderLine, folder), theme.label))
        if let lastWritten { lines.append((s(.exchangeWrittenLine, lastWritten), theme.info)) }
        lines.append(("", theme.normal))
        lines.append((s[.exchangeSendExplain], theme.dim))
        var y = area.y + 1
        for (text, style) in lines {
            for line in text.isEmpty ? [""] : DisplayWidth.wrap(text, width: area.width - 4) where y < area.maxY {
                buffer.write(line, x: area.x + 2, y: y, style: style, maxWidth: area.width - 4)
                y += 1
            }
        }
        return nil
    }
}
