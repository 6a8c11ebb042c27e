import Domain
import Foundation
import Storage
import TerminalUI

/// "Nhận dữ liệu": the bundles found in a chosen folder (office, sequence, date, whether they can be received);
/// receives the chosen ones, one transaction each, and shows the merge report, which F6 saves to a file.
struct ReceiveScreen: KeyedScreen, Equatable {
    enum Action: Sendable, Equatable {
        case move(Key), chooseFolder, folderEntered(String), mark, receive, receiveConfirmed
        case viewReport, saveReport, savePathEntered(String), viewWhole, close
    }

    private(set) var folder: String
    private(set) var bundles: [BundlePreview] = []
    private(set) var marked: Set<Int> = []
    /// Bundles still to receive, and what each received one said.
    private(set) var queue: [URL] = []
    private(set) var total = 0
    /// How many of the queue were received and how many refused, for the status line at the end.
    private(set) var receivedCount = 0
    private(set) var refusedCount = 0
    private(set) var reportLines: [String] = []
    var table = TableState()
    var modal: Modal<Action>?
    var viewport = Rect.standardArea

    static let detailHeight = 4

    init(ctx: AppContext, folder: String? = nil) {
        self.folder = folder ?? ExchangeFolder.start(ctx)
        reload(ctx)
    }

    private var receiver: ExchangeOffice?

    mutating func reload(_ ctx: AppContext) {
        receiver = ctx.office.map { ExchangeOffice(settings: $0, units: ctx.units) }
        bundles = receiver.flatMap { try? ctx.database.previewBundles(in: URL(fileURLWithPath: folder), receiver: $0) } ?? []
        marked = []
        table.setRowCount(bundles.count)
        table.select(0)
    }

    /// Reloads the list with the cursor on the row it was on (the folder is the same, the files the same).
    private mutating func reloadKeepingRow(_ ctx: AppContext) {
        let row = table.selected
        reload(ctx)
        if !bundles.isEmpty { table.select(min(row, bundles.count - 1)) }
    }

    func title(_ ctx: AppContext) -> String { ctx.strings[.exchangeReceiveTitle] }

    func keymap(_ ctx: AppContext) -> Keymap<Action> {
        let s = ctx.strings
        var bindings: [KeyBinding<Action>] = [
            .function(2, action: .chooseFolder, label: s[.exchangeKeyFolder], help: s[.exchangeHelpReceiveFolder]),
            .function(3, also: [.char(" ")], action: .mark, label: s[.exchangeKeyMark], help: s[.exchangeHelpMark]),
            .function(5, action: .receive, label: s[.exchangeKeyReceive], help: s[.exchangeHelpReceive]),
        ]
        if !reportLines.isEmpty {
            bindings.append(.function(4, action: .viewReport, label: s[.exchangeKeyReport], help: s[.exchangeHelpReport]))
            bindings.append(.function(6, action: .saveReport, label: s[.exchangeKeySaveReport], help: s[.exchangeHelpSaveReport]))
        }
        bindings.append(ListKeys.viewWhole(.viewWhole, ctx))
        bindings.append(.function(10, also: [.escape], action: .close, label: s[.keyClose], help: s[.exchangeHelpClose]))
        bindings.append(ListKeys.move(.move(.down), ctx))
        return Keymap(bindings)
    }

    func action(for key: Key, _ ctx: AppContext) -> Action? { listAction(for: key, ctx, move: Action.move) }

    var hasPendingWork: Bool { !queue.isEmpty }

    func tableRect(in area: Rect) -> Rect {
        Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1 - Self.detailHeight - 1)
    }

    /// The bundles F5 receives: those marked, else the one selected.
    private var chosen: [BundlePreview] {
        let rows = marked.isEmpty ? (bundles.indices.contains(table.selected) ? [table.selected] : []) : marked.sorted()
        return rows.map { bundles[$0] }
    }

    mutating func update(_ action: Action, _ ctx: AppContext) -> [AppCommand] {
        let s = ctx.strings
        switch action {
        case .move(let key): _ = table.handle(key, pageSize: Self.pageSize(of: tableRect(in: viewport)))
        case .close: return [.pop]
        case .chooseFolder: askFolder(folder, problem: nil, ctx)
        case .folderEntered(let typed):
            guard let resolved = ExchangeFolder.resolve(typed) else {
                askFolder(typed, problem: s(.exchangeNoFolder, typed), ctx)
                return []
            }
            folder = resolved
            ctx.lastFolder = resolved
            modal = nil
            reload(ctx)
            if bundles.isEmpty { return [.message(StatusMessage(s(.exchangeNoBundles, folder)))] }
        case .mark:
            guard bundles.indices.contains(table.selected) else { return [] }
            if marked.remove(table.selected) == nil { marked.insert(table.selected) }
            _ = table.handle(.down, pageSize: 1)
        case .receive:
            guard receiver != nil else { return [.message(StatusMessage(s[.exchangeOfficeNotSet], kind: .error))] }
            guard ctx.can(.exchangeData) else { return [.message(StatusMessage(s[.routeNotAllowed], kind: .error))] }
            let chosen = self.chosen
            guard !chosen.isEmpty else { return [.message(StatusMessage(s(.exchangeNoBundles, folder)))] }
            let receivable = chosen.filter { $0.problem == nil }
            guard !receivable.isEmpty else {
                return [.message(StatusMessage(ReceiveText.cannotReceive(chosen, units: ctx.units, strings: s), kind: .error))]
            }
            confirm(s[.exchangeReceiveTitle], ReceiveText.question(receivable, left: chosen.count - receivable.count, strings: s),
                    yes: .receiveConfirmed, ctx)
        case .receiveConfirmed:
            queue = chosen.filter { $0.problem == nil }.map(\.url)
            total = queue.count
            receivedCount = 0
            refusedCount = 0
            reportLines = []
            showProgress(ctx)
        case .viewWhole:
            guard bundles.indices.contains(table.selected) else { return [] }
            view(TextViewer(title: bundles[table.selected].url.lastPathComponent, paragraphs: detailLines(ctx)))
        case .viewReport:
            view(TextViewer(title: s[.exchangeReportTitle], paragraphs: reportLines))
        case .saveReport:
            let name = s(.exchangeReportFileName, ctx.clock.today.iso)
            modal = .prompt(PromptDialog(title: s[.exchangeReportTitle], label: s[.exchangeReportPathLabel],
                                         text: folder + "/" + name, maxLength: 400), submit: Reply(Action.savePathEntered))
        case .savePathEntered(let typed):
            // The report names people and centres: written for the owner only, and never over another file.
            let path = UserFolder.resolve(typed)
            func refuse(_ problem: String) {
                modal = .prompt(PromptDialog(title: s[.exchangeReportTitle], label: s[.exchangeReportPathLabel], text: typed,
                                             maxLength: 400).refused(problem), submit: Reply(Action.savePathEntered))
            }
            guard !FileManager.default.fileExists(atPath: path) else {
                refuse(s(.fileExists, path))
                return []
            }
            do {
                try PrivateFile.write(Data((reportLines.joined(separator: "\n") + "\n").utf8), to: path)
                ctx.lastFolder = (path as NSString).deletingLastPathComponent
                return [.message(StatusMessage(s(.exchangeReportSaved, path)))]
            } catch {
                refuse(s(.exchangeReportNotSaved, path) + " " + s.saveFailure(error))
            }
        }
        return []
    }

    private mutating func askFolder(_ text: String, problem: String?, _ ctx: AppContext) {
        var dialog = PromptDialog(title: ctx.strings[.exchangeReceiveTitle], label: ctx.strings[.exchangeFolderLabel],
                                  text: text, maxLength: 400)
        if let problem { dialog = dialog.refused(problem) }
        modal = .prompt(dialog, submit: Reply(Action.folderEntered))
    }

    private mutating func showProgress(_ ctx: AppContext) {
        let next = queue.first?.lastPathComponent ?? ""
        modal = .progress(ProgressDialog(title: ctx.strings[.exchangeReceiveTitle], caption: ctx.strings[.exchangeReceiving],
                                         done: total - queue.count, total: total, detail: next), cancel: nil)
    }

    /// Receives the next bundle of the queue (each in its own transaction); the report grows as they arrive.
    mutating func tick(_ ctx: AppContext) -> [AppCommand] {
        guard !queue.isEmpty, let receiver else { return [] }
        let s = ctx.strings
        let url = queue.removeFirst()
        if !reportLines.isEmpty { reportLines.append("") }
        do {
            let received = try ctx.database.receiveBundle(at: url, receiver: receiver, by: ctx.actor, at: ctx.clock.now)
            reportLines += ExchangeText.report(received, strings: s)
            receivedCount += 1
        } catch let problem as BundleProblem {
            reportLines.append(s(.exchangeRefusedLine, url.lastPathComponent, s.describe(problem, units: ctx.units)))
            refusedCount += 1
        } catch {
            reportLines.append(s(.exchangeRefusedLine, url.lastPathComponent, s.saveFailure(error)))
            refusedCount += 1
        }
        guard queue.isEmpty else {
            showProgress(ctx)
            return []
        }
        reloadKeepingRow(ctx)
        view(TextViewer(title: s[.exchangeReportTitle], paragraphs: reportLines))
        let said = refusedCount == 0 ? StatusMessage(s[.exchangeReceivedAll])
            : StatusMessage(s(.receiveWalkReceivedSome, receivedCount, refusedCount), kind: receivedCount == 0 ? .error : .info)
        return [.changed(.centre(code: "")), .message(said)]
    }

    /// What the pane under the list says of the selected bundle, and Ctrl-V shows whole.
    private func detailLines(_ ctx: AppContext) -> [String] {
        let s = ctx.strings
        let b = bundles[table.selected]
        var lines = [b.url.lastPathComponent + (b.manifest.map { " · " + $0.office.writerID } ?? "")]
        if let at = b.receivedAt {
            lines.append(s(.receiveWalkAlreadyReceived, Timestamp.display(at)))
        } else if let problem = b.problem {
            lines.append(s.describe(problem, units: ctx.units))
        }
        if let fingerprint = b.fingerprint { lines.append(s(.exchangeKeyLine, fingerprint)) }
        if let counts = b.manifest?.counts { lines.append(ExchangeText.counts(counts, strings: s)) }
        return lines
    }

    func statusHint(_ ctx: AppContext) -> StatusMessage? {
        StatusMessage(ctx.strings(.exchangeBundleCount, bundles.count, marked.count))
    }

    mutating func render(into buffer: inout ScreenBuffer, area: Rect, _ ctx: AppContext) -> Point? {
        let s = ctx.strings
        let theme = ctx.theme
        buffer.write(s(.exchangeFolderLine, folder), x: area.x + 1, y: area.y, style: theme.label, maxWidth: area.width - 2)
        let rows = bundles
        let marks = marked
        let rect = tableRect(in: area)
        table.render(into: &buffer, rect: rect,
                     columns: [TableColumn("", width: 2), TableColumn(s[.exchangeColumnOffice], width: 24),
                               TableColumn(s[.exchangeColumnSequence], width: 6, alignRight: true),
                               TableColumn(s[.exchangeColumnWritten], width: 16), TableColumn(s[.exchangeColumnCheck])],
                     sortColumn: nil, ascending: true, theme: theme,
                     cells: { row in
                         let b = rows[row]
                         let check = ReceiveText.check(b, strings: s)
                         return [marks.contains(row) ? "✓" : "",
                                 b.manifest.map { $0.office.name } ?? b.url.lastPathComponent,
                                 b.manifest.map { String($0.sequence) } ?? "",
                                 b.manifest.map { Timestamp.display($0.writtenAt) } ?? "", check]
                     })
        buffer.rule(x: area.x, y: rect.maxY, width: area.width, style: theme.border)
        let lines = rows.indices.contains(table.selected) ? detailLines(ctx) : [s(.exchangeNoBundles, folder)]
        let wrapped = lines.flatMap { DisplayWidth.wrap($0, width: area.width - 2) }
        DetailPane.draw(wrapped, into: &buffer, rect: Rect(x: area.x + 1, y: rect.maxY + 1, width: area.width - 2,
                                                           height: Self.detailHeight), ctx, firstStyle: theme.dim)
        return nil
    }
}
