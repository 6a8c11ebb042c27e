import Domain
import Storage
import TerminalUI

/// What every screen works with: the data file, the unit list, the strings, the clock and the office.
@MainActor
public final class AppContext {
    public let database: AppDatabase
    public let units: UnitDirectory
    public let strings: Strings
    public let clock: any Clock
    public var office: OfficeSettings?
    /// A demo session on a temporary copy: a banner says so.
    public let isDemo: Bool
    public var theme: Theme
    /// The board rules shipped in Resources/rules, with the office's own parameters.
    public let boardRules: BoardRuleTable
    /// The person signed in; nil on the sign-in screen.
    public var account: Account?
    /// Demo accounts and their passwords, shown on the demo's sign-in screen.
    public var demoAccounts: [DemoDataset.DemoAccount] = []
    /// The folder a file was last read from or written to in this session: the next file dialog starts there.
    public var lastFolder: String?

    public init(database: AppDatabase, units: UnitDirectory, strings: Strings, boardRules: BoardRuleTable,
                clock: any Clock = SystemClock(), isDemo: Bool = false, theme: Theme = .monochrome) throws {
        self.database = database
        self.units = units
        self.strings = strings
        self.boardRules = boardRules
        self.clock = clock
        self.isDemo = isDemo
        self.theme = theme
        self.office = try database.officeSettings()
    }

    /// Who is acting, for every write: the signed-in person (or nobody, who may do nothing).
    public var actor: Actor {
        account?.actor ?? Actor(accountID: nil, username: "", fullName: "", roles: [])
    }

    public func can(_ permission: Permission) -> Bool { actor.can(permission) }

    /// The rule engine with the parameters stored in the data file.
    public var boardCompliance: BoardCompliance {
        let parameters = (try? database.boardParameters(defaults: boardRules.parameters)) ?? boardRules.parameters
        return BoardCompliance(table: boardRules, parameters: parameters, units: units)
    }

    /// The words the modals show around what screens give them.
    public var modalLabels: ModalLabels {
        let s = strings
        return .init(viewerFooter: s[.helpFooter], promptFooter: s[.promptFooter], multilineFooter: s[.multilineFooter],
                     pickerFilter: s[.choiceFilter], pickerEmpty: s[.choiceNoMatch], progressFooter: s[.progressFooter])
    }

    /// "Tỉnh Ninh Bình" or "Xã Nghĩa Hưng, Tỉnh Ninh Bình".
    public var officeName: String {
        guard let office else { return "" }
        let province = units.province(code: office.provinceCode)?.name ?? String(office.provinceCode)
        if let commune = office.communeCode.flatMap({ units.unit(code: $0) }) { return commune.name + ", " + province }
        return province
    }
}
