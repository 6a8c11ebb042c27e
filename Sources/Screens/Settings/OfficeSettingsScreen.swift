import Domain
import Storage
import TerminalUI

/// Which office this installation serves: its province and, for a commune office, its commune; and the rules'
/// parameters the office may set. The first run starts here; later it is reached from the menu (Ctrl-T).
struct OfficeSettingsScreen: FormScreen, Equatable {
    enum Action: Sendable, Equatable, FormAction {
        case formKey(Key), save, cancel
    }

    enum Field: Hashable, Sendable {
        case intro, province, level, commune, sectionRules, vacancyDays, sectionSession, idleMinutes, backupKeepDays
        case sectionExport, csvStyle
    }

    struct Draft {
        var province: String?
        var level: String?
        var commune: String?
        var vacancyDays = 0
        var idleMinutes = 0
        var csvStyle: String?
        var backupKeepDays = 0
    }

    let firstRun: Bool
    private(set) var fields: FormBindings<Draft, Field>
    var form: Form<Field>
    var modal: Modal<Action>?
    var viewport = Rect.standardArea

    init(ctx: AppContext, firstRun: Bool) {
        self.firstRun = firstRun
        let office = ctx.office
        var draft = Draft(province: office.map { String($0.provinceCode) },
                          level: office?.communeCode == nil ? "province" : "commune",
                          commune: office?.communeCode.map(String.init))
        if !firstRun {
            draft.vacancyDays = ctx.boardCompliance.parameters.vacancyDays
            draft.idleMinutes = (try? ctx.database.idleLockMinutes()) ?? 10
            draft.csvStyle = ((try? ctx.database.csvStyle()) ?? .semicolon).rawValue
            draft.backupKeepDays = (try? ctx.database.backupKeepDays()) ?? BackupPolicy.defaultKeepDays
        }
        fields = Self.bindings(ctx, firstRun: firstRun, province: draft.province)
        form = fields.form(draft)
        form.isReadOnly = !firstRun && !ctx.can(.changeSettings)
    }

    @MainActor
    static func bindings(_ ctx: AppContext, firstRun: Bool, province: String?) -> FormBindings<Draft, Field> {
        let s = ctx.strings
        let make = FieldMaker<Draft, Field>(ctx)
        let provinces = ctx.units.provinces.map { ChoiceItem(id: String($0.code), label: $0.name) }
        // The commune list follows the province chosen.
        let communes = province.flatMap(Int.init).map { code in
            ctx.units.units(inProvince: code).map { ChoiceItem(id: String($0.code), label: $0.name) }
        } ?? []
        var list = [
            make.section(.intro, s[firstRun ? .settingsWelcome : .settingsIntro]),
            make.option(.province, s[.fieldProvince], help: s[.helpFieldProvince], \.province, items: provinces),
            make.option(.level, s[.fieldOfficeLevel], help: s[.helpFieldOfficeLevel], \.level,
                        items: [ChoiceItem(id: "province", label: s[.officeLevelProvince]),
                                ChoiceItem(id: "commune", label: s[.officeLevelCommune])]),
            make.option(.commune, s[.fieldOfficeCommune], help: s[.helpFieldOfficeCommune], \.commune, items: communes),
        ]
        if !firstRun {
            list += [
                make.section(.sectionRules, s[.sectionRuleSettings]),
                make.number(.vacancyDays, s[.fieldVacancyDays], help: s(.helpFieldVacancyDays, ctx.boardRules.parameters.vacancyDays),
                            \.vacancyDays, digits: 3),
                make.section(.sectionSession, s[.sectionSessionSettings]),
                make.number(.idleMinutes, s[.fieldIdleMinutes], help: s[.helpFieldIdleMinutes], \.idleMinutes, digits: 3),
                make.number(.backupKeepDays, s[.fieldBackupKeepDays], help: s[.helpFieldBackupKeepDays],
                            \.backupKeepDays, digits: 3),
                make.section(.sectionExport, s[.sectionExportSettings]),
                make.option(.csvStyle, s[.fieldCsvStyle], help: s[.helpFieldCsvStyle], \.csvStyle,
                            items: [ChoiceItem(id: CSVStyle.semicolon.rawValue, label: s[.csvStyleSemicolon]),
                                    ChoiceItem(id: CSVStyle.comma.rawValue, label: s[.csvStyleComma])]),
            ]
        }
        return FormBindings(list)
    }

    func title(_ ctx: AppContext) -> String { ctx.strings[.settingsTitle] }

    func keymap(_ ctx: AppContext) -> Keymap<Action> {
        let s = ctx.strings
        return Keymap([
            form.isReadOnly ? nil : .saveForm(.save, ctx, help: .helpSettingsSave),
            .function(10, also: [.escape], action: .cancel, label: firstRun ? s[.keyQuit] : s[.keyClose],
                      help: firstRun ? s[.helpSettingsQuit] : s[.helpFormCancel]),
        ].compactMap { $0 })
    }

    mutating func update(_ action: Action, _ ctx: AppContext) -> [AppCommand] {
        switch action {
        case .formKey(let key):
            if case .changed(.province) = form.handle(key) {
                let province = form.choice(.province)
                fields = Self.bindings(ctx, firstRun: firstRun, province: province)
                // Keep the commune only if it lies in the province now chosen.
                let commune = form.choice(.commune).flatMap { id in
                    Int(id).flatMap { ctx.units.unit(code: $0) }.map { String($0.province) } == province ? id : nil
                }
                form.reshape(fields.specs, values: [.commune: .choice(commune)])
            }
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
        let (draft, unreadable) = fields.read(form, into: Draft())
        if let first = unreadable.first { return reject(first.id, first.problem) }
        guard let province = draft.province.flatMap({ Int($0) }) else { return reject(.province, s[.problemRequired]) }
        var commune: Int?
        if draft.level == "commune" {
            guard let code = draft.commune.flatMap({ Int($0) }) else { return reject(.commune, s[.problemRequired]) }
            commune = code
        }
        if !firstRun {
            guard (1...365).contains(draft.vacancyDays) else { return reject(.vacancyDays, s[.problemVacancyDays]) }
            guard (1...240).contains(draft.idleMinutes) else { return reject(.idleMinutes, s[.problemIdleMinutes]) }
            guard BackupPolicy.keepDaysRange.contains(draft.backupKeepDays) else {
                return reject(.backupKeepDays, s.saveFailure(BackupSettingError.keepDaysOutOfRange))
            }
        }
        let settings = OfficeSettings(provinceCode: province, communeCode: commune)
        do {
            try ctx.database.saveOfficeSettings(settings, by: ctx.actor, at: ctx.clock.now)
            if !firstRun {
                try ctx.database.saveBoardVacancyDays(draft.vacancyDays, by: ctx.actor, at: ctx.clock.now)
                try ctx.database.saveIdleLockMinutes(draft.idleMinutes, by: ctx.actor, at: ctx.clock.now)
                try ctx.database.saveBackupKeepDays(draft.backupKeepDays, by: ctx.actor, at: ctx.clock.now)
                if let style = draft.csvStyle.flatMap(CSVStyle.init(rawValue:)) {
                    try ctx.database.saveCSVStyle(style, by: ctx.actor, at: ctx.clock.now)
                }
            }
        } catch {
            return [.message(StatusMessage(s.saveFailure(error), kind: .error))]
        }
        ctx.office = settings
        let done = AppCommand.message(StatusMessage(s(.settingsSaved, ctx.officeName)))
        if firstRun { return [.replace(.roster), done] }
        return [.pop, .changed(.settings), done]
    }
}
