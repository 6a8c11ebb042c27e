import Domain
import Foundation
import Storage
import TerminalUI

/// The province's roll-up: every office it has received bundles from, with its last bundle (number, written,
/// received), what the slice holds and a flag for an office silent for longer than the setting (30 days unless
/// changed with F4). The received centres themselves are in the roster, read-only.
struct RollUpScreen: KeyedScreen, Equatable {
    enum Action: Sendable, Equatable {
        case move(Key), changeDays, daysEntered(String), viewWhole, close
    }

    private(set) var peers: [PeerStatus] = []
    var staleDays = PeerStatus.defaultStaleDays
    var table = TableState()
    var modal: Modal<Action>?
    var viewport = Rect.standardArea

    static let detailHeight = 4

    init(ctx: AppContext) { reload(ctx) }

    mutating func reload(_ ctx: AppContext) {
        peers = (try? ctx.database.exchangePeers()) ?? []
        staleDays = (try? ctx.database.exchangeStaleDays()) ?? PeerStatus.defaultStaleDays
        table.setRowCount(peers.count)
    }

    mutating func changed(_ change: Change, _ ctx: AppContext) { reload(ctx) }

    func title(_ ctx: AppContext) -> String { ctx.strings[.exchangeRollUpTitle] }

    func keymap(_ ctx: AppContext) -> Keymap<Action> {
        let s = ctx.strings
        var bindings: [KeyBinding<Action>] = []
        if ctx.can(.changeSettings) {
            bindings.append(.function(4, action: .changeDays, label: s[.exchangeKeyStaleDays], help: s[.exchangeHelpStaleDays]))
        }
        bindings += [
            .function(10, also: [.escape], action: .close, label: s[.keyClose], help: s[.exchangeHelpClose]),
            ListKeys.viewWhole(.viewWhole, ctx),
            ListKeys.move(.move(.down), ctx),
        ]
        return Keymap(bindings)
    }

    func action(for key: Key, _ ctx: AppContext) -> Action? { listAction(for: key, ctx, move: Action.move) }

    func tableRect(in area: Rect) -> Rect {
        Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1 - Self.detailHeight - 1)
    }

    mutating func update(_ action: Action, _ ctx: AppContext) -> [AppCommand] {
        let s = ctx.strings
        switch action {
        case .move(let key): _ = table.handle(key, pageSize: Self.pageSize(of: tableRect(in: viewport)))
        case .close: return [.pop]
        case .changeDays:
            modal = .prompt(PromptDialog(title: s[.exchangeRollUpTitle], label: s[.exchangeStaleDaysLabel],
                                         text: String(staleDays), maxLength: 4), submit: Reply(Action.daysEntered))
        case .daysEntered(let typed):
            guard let days = Int(typed.trimmingCharacters(in: .whitespaces)), (1...3650).contains(days) else {
                modal = .prompt(PromptDialog(title: s[.exchangeRollUpTitle], label: s[.exchangeStaleDaysLabel], text: typed,
                                             maxLength: 4).refused(s[.exchangeStaleDaysInvalid]),
                                submit: Reply(Action.daysEntered))
                return []
            }
            do {
                try ctx.database.saveExchangeStaleDays(days, by: ctx.actor, at: ctx.clock.now)
            } catch {
                return [.message(StatusMessage(s.saveFailure(error), kind: .error))]
            }
            staleDays = days
            modal = nil
            return [.changed(.settings)]
        case .viewWhole:
            guard peers.indices.contains(table.selected) else { return [] }
            view(TextViewer(title: peers[table.selected].office.name, paragraphs: detailLines(peers[table.selected], ctx)))
        }
        return []
    }

    func detailLines(_ peer: PeerStatus, _ ctx: AppContext) -> [String] {
        let s = ctx.strings
        return [s(.exchangeRollUpDetail, peer.office.writerID, peer.lastSequence, Timestamp.display(peer.lastWrittenAt),
                  Timestamp.display(peer.lastReceivedAt)),
                ExchangeText.counts(peer.counts, strings: s),
                s(.exchangeKeyLine, peer.fingerprint)]
    }

    func statusHint(_ ctx: AppContext) -> StatusMessage? {
        let now = ctx.clock.now
        let stale = peers.filter { $0.isStale(asOf: now, days: staleDays) }.count
        return StatusMessage(ctx.strings(.exchangeRollUpCount, peers.count, stale, staleDays), kind: stale > 0 ? .warning : .info)
    }

    mutating func render(into buffer: inout ScreenBuffer, area: Rect, _ ctx: AppContext) -> Point? {
        let s = ctx.strings
        let theme = ctx.theme
        let now = ctx.clock.now
        let days = staleDays
        buffer.write(s(.exchangeRollUpIntro, days), x: area.x + 1, y: area.y, style: theme.label, maxWidth: area.width - 2)
        let rows = peers
        let rect = tableRect(in: area)
        if rows.isEmpty {
            buffer.write(s[.exchangeNoPeers], x: area.x + 1, y: rect.y + 1, style: theme.dim, maxWidth: area.width - 2)
        }
        table.render(into: &buffer, rect: rect,
                     columns: [TableColumn(s[.exchangeColumnOffice], width: 22),
                               TableColumn(s[.exchangeColumnSequence], width: 5, alignRight: true),
                               TableColumn(s[.exchangeColumnWritten], width: 16),
                               TableColumn(s[.exchangeColumnCentres], width: 6, alignRight: true),
                               TableColumn(s[.exchangeColumnForms], width: 7, alignRight: true),
                               TableColumn(s[.exchangeColumnState])],
                     sortColumn: nil, ascending: true, theme: theme,
                     cells: { row in
                         let p = rows[row]
                         let state = p.isStale(asOf: now, days: days)
                             ? s(.exchangeStale, p.daysSilent(asOf: now)) : ExchangeText.silence(p.daysSilent(asOf: now), strings: s)
                         return [p.office.name, String(p.lastSequence), Timestamp.display(p.lastWrittenAt),
                                 String(p.counts[ExchangeKind.centre.rawValue] ?? 0),
                                 String(p.counts[ExchangeKind.surveyResponse.rawValue] ?? 0), state]
                     })
        buffer.rule(x: area.x, y: rect.maxY, width: area.width, style: theme.border)
        if rows.indices.contains(table.selected) {
            let lines = detailLines(rows[table.selected], ctx).flatMap { DisplayWidth.wrap($0, width: area.width - 2) }
            DetailPane.draw(lines, into: &buffer, rect: Rect(x: area.x + 1, y: rect.maxY + 1, width: area.width - 2,
                                                             height: Self.detailHeight), ctx, firstStyle: theme.dim)
        }
        return nil
    }
}
