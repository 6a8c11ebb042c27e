import ArgumentParser
import Domain
import Foundation
import Screens
import Storage

struct CentresCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "centres", abstract: CLI.strings[.cliCentresAbstract],
                             subcommands: [List.self])
    }

    struct List: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "list", abstract: CLI.strings[.cliCentresListAbstract])
        }

        @OptionGroup var dataFile: DataFileOptions

        @Flag(name: .long, help: ArgumentHelp(CLI.strings[.cliJsonHelp]))
        var json = false


        func run() throws {
            try dataFile.checkLanguage()
            let units = try CLI.units()
            let database = try dataFile.open(access: .readOnly)
            defer { database.close() }
            let centres = VietnameseCollation.sorted(try database.allCentres(), by: \.name)
            if json {
                print(try CentreJSON.encode(centres, units: units))
            } else if centres.isEmpty {
                print(CLI.strings[.cliNoCentres])
            } else {
                for centre in centres {
                    let commune = centre.communeCode.flatMap { units.unit(code: $0)?.name }
                        ?? CLI.strings(.communeNotInList, centre.communeCode.map(String.init) ?? "—")
                    print([centre.code, CLI.strings.name(centre.status), centre.name, commune].joined(separator: "\t"))
                }
            }
        }
    }
}

/// The JSON scripts read: stable English keys, ISO dates, one object per centre.
enum CentreJSON {
    struct Item: Encodable {
        let code: String
        let name: String
        let provinceCode: Int
        let communeCode: Int?
        let communeName: String?
        let communeInList: Bool
        let address: String
        let model: String
        let isPilot: Bool
        let status: String
        let establishment: Decision
        let statusDecision: Decision
        let statusReason: String
        let mergedInto: String?
        let venues: [Venue]
        let facilities: [FacilityItem]
        let otherFacilities: String
        let updatedAt: String?
    }

    static func encode(_ centres: [Centre], units: UnitDirectory) throws -> String {
        let items = centres.map { c in
            Item(code: c.code, name: c.name, provinceCode: c.provinceCode, communeCode: c.communeCode,
                 communeName: c.communeCode.flatMap { units.unit(code: $0)?.name },
                 communeInList: c.hasKnownCommune(in: units), address: c.address, model: c.model.rawValue,
                 isPilot: c.isPilot, status: c.status.rawValue, establishment: c.establishment,
                 statusDecision: c.statusDecision, statusReason: c.statusReason, mergedInto: c.mergedInto,
                 venues: c.venues, facilities: c.facilities, otherFacilities: c.otherFacilities,
                 updatedAt: c.updatedAt.map(Timestamp.string))
        }
        return try ScriptJSON.encode(items)
    }
}
