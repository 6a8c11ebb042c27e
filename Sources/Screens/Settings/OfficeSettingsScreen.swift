import Domain
import Storage
import TerminalUI

/// Which office this installation serves: its province and, for a commune office, its commune.
/// The first run starts here; later it is reached from the roster (F9).
struct OfficeSettingsScreen: FormScreen {
    enum Action: Sendable, Equatable, FormAction {
        case formKey(Key), save, cancel
    }

    let firstRun: Bool
    var form: Form

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
        if !firstRun {
            let days = ctx.boardCompliance.parameters.vacancyDays
            fields.append(FormField(id: "sec.rules", label: s[.sectionRuleSettings], control: .section))
            fields.append(FormField(id: "vacancyDays", label: s[.fieldVacancyDays],
                                    control: .text(TextField(String(days), maxLength: 3, digitsOnly: true)),
                                    help: s(.helpFieldVacancyDays, ctx.boardRules.parameters.vacancyDays)))
            let idle = (try? ctx.database.idleLockMinutes()) ?? 10
            fields.append(FormField(id: "idleMinutes", label: s[.fieldIdleMinutes],
                                    control: .text(TextField(String(idle), maxLength: 3, digitsOnly: true)),
                                    help: s[.helpFieldIdleMinutes]))
        }
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
            ctx.can(.changeSettings) ? .saveForm(.save, ctx, help: .helpSettingsSave) : nil,
            .function(10, also: [.escape], action: .cancel, label: firstRun ? s[.keyQuit] : s[.keyClose],
                      help: firstRun ? s[.helpSettingsQuit] : s[.helpFormCancel]),
        ].compactMap { $0 })
    }

    mutating func update(_ action: Action, _ ctx: AppContext) -> [AppCommand] {
        switch action {
        case .formKey(let key):
            if case .changed("province") = form.handle(key) { refreshCommunes(ctx) }
        case .cancel:
            return firstRun ? [.quit] : [.close]
        case .save:
            return save(ctx)
        }
        return []
    }

    private mutating func save(_ ctx: AppContext) -> [AppCommand] {
        let s = ctx.strings
        form.clearMessages()
        guard let province = form.choice("province").flatMap({ Int($0) }) else {
            return rejectField(&form, "province", s[.problemRequired])
        }
        var commune: Int?
        if form.choice("level") == "commune" {
            guard let code = form.choice("commune").flatMap({ Int($0) }) else {
                return rejectField(&form, "commune", s[.problemRequired])
            }
            commune = code
        }
        var vacancyDays: Int?
        if form.index(of: "vacancyDays") != nil {
            guard let days = Int(form.text("vacancyDays")), (1...365).contains(days) else {
                return rejectField(&form, "vacancyDays", s[.problemVacancyDays])
            }
            vacancyDays = days
        }
        var idleMinutes: Int?
        if form.index(of: "idleMinutes") != nil {
            guard let minutes = Int(form.text("idleMinutes")), (1...240).contains(minutes) else {
                return rejectField(&form, "idleMinutes", s[.problemIdleMinutes])
            }
            idleMinutes = minutes
        }
        let settings = OfficeSettings(provinceCode: province, communeCode: commune)
        do {
            try ctx.database.saveOfficeSettings(settings, by: ctx.actor, at: ctx.clock.now)
            if let vacancyDays { try ctx.database.saveBoardVacancyDays(vacancyDays, by: ctx.actor, at: ctx.clock.now) }
            if let idleMinutes { try ctx.database.saveIdleLockMinutes(idleMinutes, by: ctx.actor, at: ctx.clock.now) }
        } catch {
            return [.message(StatusMessage(s.saveFailure(error), kind: .error))]
        }
        ctx.office = settings
        let done = AppCommand.message(StatusMessage(s(.settingsSaved, ctx.officeName)))
        if firstRun { return [.replace(RosterScreen(ctx: ctx)), done] }
        return [.pop, .centresChanged(select: nil), done]
    }
}
