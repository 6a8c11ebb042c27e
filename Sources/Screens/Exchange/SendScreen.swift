import Domain
import Foundation
import Storage
import TerminalUI

/// "Gửi dữ liệu": writes this office's bundle to a chosen folder (a USB stick), with progress, and says where. At a
/// provincial office F5 first asks which bundle: the province's own, a hand-over of a commune it keyed (to that
/// commune's office), or taking a hand-over back while the commune has sent nothing (see HandOver.swift).
struct SendScreen: KeyedScreen, Equatable {
    enum Action: Sendable, Equatable {
        case chooseFolder, folderEntered(String), write, close
        /// At a provincial office: F5's choice of bundle ("own", "handOver", "takeBack").
        case start, kindPicked(String)
        case communePicked(String), handOverConfirmed(commune: Int)
        case takeBackPicked(String), takeBackConfirmed(commune: Int)
    }

    /// The export under way (a class: it holds the temporary copy between steps), and the commune handed over.
    struct Run: Equatable {
        let job: BundleExportJob
        var handOver: Int?
        static func == (a: Run, b: Run) -> Bool { a.job === b.job && a.handOver == b.handOver }
    }

    private(set) var folder: String
    private(set) var nextSequence: Int
    private(set) var fingerprint: String?
    private(set) var lastWritten: String?
    private(set) var run: Run?
    /// At a provincial office: the communes it keyed, handed over or not (empty at a commune office).
    private(set) var candidates: [HandOverCandidate] = []
    var modal: Modal<Action>?
    var viewport = Rect.standardArea

    init(ctx: AppContext, folder: String? = nil) {
        self.folder = folder ?? ExchangeFolder.start(ctx)
        nextSequence = (try? ctx.database.nextBundleSequence()) ?? 1
        fingerprint = Self.fingerprint(ctx)
        candidates = (try? ctx.database.handOverCandidates()) ?? []
    }

    /// A provincial office: F5 offers the hand-over beside the province's own bundle.
    private static func isProvince(_ ctx: AppContext) -> Bool { ctx.office.map { $0.communeCode == nil } ?? false }

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
            Self.isProvince(ctx)
                ? .function(5, action: .start, label: s[.exchangeKeyWrite], help: s[.handOverHelpWrite])
                : .function(5, action: .write, label: s[.exchangeKeyWrite], help: s[.exchangeHelpWrite]),
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
        case .start, .kindPicked, .communePicked, .handOverConfirmed, .takeBackPicked, .takeBackConfirmed:
            return handOver(action, ctx)
        }
        return []
    }

    /// The province's choices: which bundle, which commune, the question, then the hand-over or taking it back.
    private mutating func handOver(_ action: Action, _ ctx: AppContext) -> [AppCommand] {
        let s = ctx.strings
        func refuse(_ text: String) -> [AppCommand] {
            modal = nil
            return [.message(StatusMessage(text, kind: .error))]
        }
        switch action {
        case .start:
            guard ctx.can(.exchangeData) else { return refuse(s[.routeNotAllowed]) }
            candidates = (try? ctx.database.handOverCandidates()) ?? []
            var items = [ChoiceItem(id: "own", label: s[.handOverChoiceOwn]),
                         ChoiceItem(id: "handOver", label: s[.handOverChoiceHandOver])]
            if candidates.contains(where: \.handedOver) {
                items.append(ChoiceItem(id: "takeBack", label: s[.handOverChoiceTakeBack]))
            }
            modal = .picker(PickerDialog(title: s[.handOverChoiceTitle], items: items), pick: Reply(Action.kindPicked))
        case .kindPicked("own"):
            modal = nil
            return update(.write, ctx)
        case .kindPicked("takeBack"):
            let handed = candidates.filter(\.handedOver)
            guard !handed.isEmpty else { return refuse(s[.handOverNothingToTakeBack]) }
            modal = .picker(PickerDialog(title: s[.handOverTakeBackTitle], items: items(handed, ctx)),
                            pick: Reply(Action.takeBackPicked))
        case .kindPicked:
            guard !candidates.isEmpty else { return refuse(s[.handOverNoCandidates]) }
            modal = .picker(PickerDialog(title: s[.handOverPickTitle], items: items(candidates, ctx)),
                            pick: Reply(Action.communePicked))
        case .communePicked(let id):
            guard let candidate = candidates.first(where: { String($0.communeCode) == id }) else { return [] }
            let name = s.communeName(candidate.communeCode, units: ctx.units)
            let question = s(candidate.handedOver ? .handOverConfirmAgain : .handOverConfirmQuestion, name,
                             candidate.centres, folder)
            confirm(s[.handOverConfirmTitle], question, yes: .handOverConfirmed(commune: candidate.communeCode), ctx)
        case .handOverConfirmed(let commune):
            guard let settings = ctx.office else { return refuse(s[.exchangeOfficeNotSet]) }
            guard ctx.can(.exchangeData) else { return refuse(s[.routeNotAllowed]) }
            let office = ExchangeOffice(settings: settings, units: ctx.units)
            run = Run(job: ctx.database.handOverExport(commune: commune, to: URL(fileURLWithPath: folder), office: office,
                                                       programVersion: AppVersion.current, by: ctx.actor,
                                                       at: ctx.clock.now), handOver: commune)
            showProgress(ctx)
        case .takeBackPicked(let id):
            guard let candidate = candidates.first(where: { String($0.communeCode) == id && $0.handedOver }) else { return [] }
            confirm(s[.handOverTakeBackTitle], s(.handOverTakeBackQuestion, s.communeName(candidate.communeCode, units: ctx.units),
                                                 candidate.centres),
                    yes: .takeBackConfirmed(commune: candidate.communeCode), ctx)
        case .takeBackConfirmed(let commune):
            let name = s.communeName(commune, units: ctx.units)
            do {
                let count = try ctx.database.takeBackHandOver(commune: commune, by: ctx.actor, at: ctx.clock.now)
                candidates = (try? ctx.database.handOverCandidates()) ?? []
                modal = nil
                return [.changed(.centre(code: "")), .message(StatusMessage(s(.handOverTakenBack, count, name)))]
            } catch let error as HandOverError {
                return refuse(s.describe(error, units: ctx.units))
            } catch {
                return refuse(s.saveFailure(error))
            }
        case .chooseFolder, .folderEntered, .write, .close:
            break
        }
        return []
    }

    /// The communes by name, in Vietnamese order. A commune no longer in the unit list has no office to receive
    /// its centres: they are to be moved to the commune that took it over first (the roster flags them).
    private func items(_ communes: [HandOverCandidate], _ ctx: AppContext) -> [ChoiceItem] {
        let known = communes.compactMap { candidate in ctx.units.unit(code: candidate.communeCode).map { (candidate, $0.name) } }
        return VietnameseCollation.sorted(known, by: { $0.1 }).map { candidate, _ in
            ChoiceItem(id: String(candidate.communeCode), label: ctx.strings.handOverItem(candidate, units: ctx.units))
        }
    }

    private mutating func showProgress(_ ctx: AppContext) {
        let done = Int(((run?.job.fraction ?? 1) * 100).rounded())
        let caption = ctx.strings[run?.handOver == nil ? .exchangeWriting : .handOverWriting]
        modal = .progress(ProgressDialog(title: ctx.strings[.exchangeSendTitle], caption: caption,
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
            let reason = (error as? DataFileError).map(ctx.strings.describe)
                ?? (error as? HandOverError).map { ctx.strings.describe($0, units: ctx.units) } ?? ctx.strings.saveFailure(error)
            return [.message(StatusMessage(reason, kind: .error))]
        }
        guard job.isFinished, let result = job.result else {
            showProgress(ctx)
            return []
        }
        let handedOver = run?.handOver
        run = nil
        modal = nil
        lastWritten = result.url.path
        nextSequence = result.manifest.sequence + 1
        fingerprint = OfficeKey.fingerprint(result.manifest.publicKey)
        guard let handedOver else {
            return [.changed(.settings), .message(StatusMessage(ctx.strings(.exchangeWritten, result.url.lastPathComponent)))]
        }
        candidates = (try? ctx.database.handOverCandidates()) ?? []
        let text = ctx.strings(.handOverWritten, result.url.lastPathComponent, ctx.strings.communeName(handedOver, units: ctx.units))
        return [.changed(.settings), .changed(.centre(code: "")), .message(StatusMessage(text))]
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
        let waiting = candidates.filter(\.handedOver).map { s.communeName($0.communeCode, units: ctx.units) }
        if !waiting.isEmpty { lines.append((s(.handOverPendingLine, waiting.joined(separator: ", ")), theme.warning)) }
        lines.append(("", theme.normal))
        lines.append((s[.exchangeSendExplain], theme.dim))
        if Self.isProvince(ctx) { lines.append((s[.handOverProvinceExplain], theme.dim)) }
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
