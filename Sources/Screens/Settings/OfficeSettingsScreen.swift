import Domain
import Storage
import TerminalUI

/// Which office this installation serves: its province and, for a commune office, its commune.
/// The first run starts here; later it is reached from the roster (F9).
struct OfficeSettingsScreen: KeyedScreen {
    enum Action: Sendable, Equatable {
        case formKey(Key), save, cancel
    }

    let firstRun: Bool
    private(set) var form: Form

    init(ctx: AppContext, firstRun: Bool) {
        self.firstRun = firstRun
        let office = ctx.office
        let s = ctx.strings
        let provinces = ctx.units.provinces.map { ChoiceItem(id: String($0.code), label: $0.name) }
        var fields = [
            FormField(id: "intro", label: s[firstRun ? .settingsWelcome : .settingsIntro], control: .section),
            FormField(id: "province", label: s[.fieldProvince],
                      control: .choice(selectedID: office.map { String($0.provinceCode) }, items: provinces),
                      help: s[.helpFieldProvince]),
            FormField(id: "level", label: s[.fieldOfficeLevel], control: .choice(
                selectedID: office?.communeCode == nil ? "province" : "commune",
                items: [ChoiceItem(id: "province", label: s[.officeLevelProvince]),
                        ChoiceItem(id: "commune", label: s[.officeLevelCommune])]),
                      help: s[.helpFieldOfficeLevel]),
        ]
        fields.append(FormField(id: "commune", label: s[.fieldOfficeCommune],
                                control: .choice(selectedID: office?.communeCode.map(String.init), items: []),
                                help: s[.helpFieldOfficeCommune]))
        form = Form(fields: fields, labelWidth: 24)
        refreshCommunes(ctx)
    }

    /// The commune list follows the province chosen.
    private mutating func refreshCommunes(_ ctx: AppContext) {
        let province = form.choice("province").flatMap { Int($0) }
        let items = province.map { code in
            ctx.units.units(inProvince: code).map { ChoiceItem(id: String($0.code), label: $0.name) }
        } ?? []
        let selected = form.choice("commune").flatMap { id in items.contains { $0.id == id } ? id : nil }
        if let index = form.index(of: "commune") {
            form.fields[index].control = .choice(selectedID: selected, items: items)
        }
    }

    func title(_ ctx: AppContext) -> String { ctx.strings[.settingsTitle] }

    func keymap(_ ctx: AppContext) -> Keymap<Action> {
        let s = ctx.strings
        return Keymap([
            .function(2, ctrl: "s", action: .save, label: s[.keySave], help: s[.helpSettingsSave]),
            .function(10, also: [.escape], action: .cancel, label: firstRun ? s[.keyQuit] : s[.keyClose],
                      help: firstRun ? s[.helpSettingsQuit] : s[.helpFormCancel]),
        ])
    }

    func helpEntries(_ ctx: AppContext) -> [(keys: String, help: String)] {
        var entries: [(keys: String, help: String)] = []
        if let field = form.focusedField, !field.help.isEmpty { entries += [(field.label, field.help), ("", "")] }
        entries += keymap(ctx).helpLines
        entries.append(("Tab · ↓ · Enter", ctx.strings[.helpFormNext]))
        return entries
    }

    func action(for key: Key, _ ctx: AppContext) -> Action? {
        if form.popup != nil { return .formKey(key) }
        return keymap(ctx).action(for: key) ?? .formKey(key)
    }

    mutating func update(_ action: Action, _ ctx: AppContext) -> [AppCommand] {
        switch action {
        case .formKey(let key):
            if case .changed("province") = form.handle(key) { refreshCommunes(ctx) }
        case .cancel:
            return firstRun ? [.quit] : [.pop]
        case .save:
            return save(ctx)
        }
        return []
    }

    private mutating func save(_ ctx: AppContext) -> [AppCommand] {
        let s = ctx.strings
        form.clearMessages()
        guard let province = form.choice("province").flatMap({ Int($0) }) else {
            form.setMessage(s[.problemRequired], for: "province")
            form.focus(on: "province")
            return [.message(StatusMessage(s[.fieldProvince] + ": " + s[.problemRequired], kind: .error))]
        }
        var commune: Int?
        if form.choice("level") == "commune" {
            guard let code = form.choice("commune").flatMap({ Int($0) }) else {
                form.setMessage(s[.problemRequired], for: "commune")
                form.focus(on: "commune")
                return [.message(StatusMessage(s[.fieldOfficeCommune] + ": " + s[.problemRequired], kind: .error))]
            }
            commune = code
        }
        let settings = OfficeSettings(provinceCode: province, communeCode: commune)
        do {
            try ctx.database.saveOfficeSettings(settings)
        } catch {
            return [.message(StatusMessage(s(.errorSaving, "\(error)"), kind: .error))]
        }
        ctx.office = settings
        let done = AppCommand.message(StatusMessage(s(.settingsSaved, ctx.officeName)))
        if firstRun { return [.replace(RosterScreen(ctx: ctx)), done] }
        return [.pop, .centresChanged(select: nil), done]
    }

    func statusHint(_ ctx: AppContext) -> StatusMessage? {
        if let field = form.focusedField, let message = field.message {
            return StatusMessage(field.label + ": " + message, kind: .error)
        }
        return form.popup != nil ? StatusMessage(ctx.strings[.choiceHint]) : nil
    }

    mutating func render(into buffer: inout ScreenBuffer, area: Rect, _ ctx: AppContext) -> Point? {
        let s = ctx.strings
        let labels = Form.Labels(filter: s[.choiceFilter], noMatch: s[.choiceNoMatch], none: s[.choiceNone])
        return form.render(into: &buffer, rect: Rect(x: area.x + 1, y: area.y + 1, width: area.width - 2,
                                                     height: area.height - 1), theme: ctx.theme, labels: labels)
    }
}
