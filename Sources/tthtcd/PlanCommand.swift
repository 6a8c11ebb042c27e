import ArgumentParser
import Domain
import Foundation
import Screens
import Storage

struct PlanCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "plan", abstract: CLI.strings[.cliPlanAbstract], subcommands: [List.self, Print.self])
    }

    struct List: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "list", abstract: CLI.strings[.cliPlanListAbstract])
        }

        @Option(name: .long, help: ArgumentHelp(CLI.strings[.cliCentreHelp], valueName: "CODE")) var centre: String?
        @Option(name: .long, help: ArgumentHelp(CLI.strings[.cliYearHelp], valueName: "YEAR")) var year: Int?
        @OptionGroup var dataFile: DataFileOptions
        @Flag(name: .long, help: ArgumentHelp(CLI.strings[.cliJsonHelp])) var json = false

        struct Event: Encodable {
            let action: String
            let by: String
            let at: String
            let comment: String
        }

        struct Item: Encodable {
            let id: Int64
            let centre: String
            let kind: String
            let year: Int
            let month: Int?
            let title: String
            let version: Int
            let amends: Int64?
            let status: String
            let campaigns: [Int64]
            let targets: [String: Int]
            let activities: Int
            let done: Int
            let totalCost: Int
            let history: [Event]
        }

        func run() throws {
            try dataFile.checkLanguage()
            let database = try dataFile.open(access: .readOnly)
            defer { database.close() }
            let codes = try database.centreCodes()
            let chosen = try centre.map { try CLI.centre($0, in: database) }
            let summaries = try database.planSummaries(centreID: chosen?.id, year: year)
            let plans = summaries.map(\.plan)
            let items = summaries.map { summary in
                let p = summary.plan
                return Item(id: p.id ?? 0, centre: codes[p.centreID] ?? "", kind: p.kind.rawValue, year: p.year,
                     month: p.month, title: p.title, version: p.version, amends: p.amends, status: p.status.rawValue,
                     campaigns: p.campaignIDs,
                     targets: ["classes": p.targetClasses, "talks": p.targetTalks, "learners": p.targetLearners],
                     activities: summary.activities, done: summary.done, totalCost: summary.totalCost,
                     history: p.history.map { Event(action: $0.action.rawValue, by: $0.username, at: Timestamp.string($0.at),
                                                    comment: $0.comment) })
            }
            if json {
                print(try CLIJSON.encode(items))
            } else {
                let s = CLI.strings
                for (item, plan) in zip(items, plans) {
                    print(["#\(item.id)", item.centre, String(item.year), s.name(plan.kind, month: plan.month),
                           "v\(item.version)", s.name(plan.status), item.title].joined(separator: "\t"))
                }
            }
        }
    }

    struct Print: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "print", abstract: CLI.strings[.cliPlanPrintAbstract])
        }

        @Argument(help: ArgumentHelp(CLI.strings[.cliPlanIDHelp], valueName: "ID")) var id: Int64
        @OptionGroup var dataFile: DataFileOptions

        func run() throws {
            try dataFile.checkLanguage()
            let units = try CLI.units()
            let database = try dataFile.open(access: .readOnly)
            defer { database.close() }
            guard let plan = try database.plan(id: id), let centre = try database.centre(id: plan.centreID) else {
                throw CLI.fail(CLI.strings(.cliUnknownPlan, id))
            }
            let commune = centre.communeCode.flatMap { units.unit(code: $0) }
            let director = try database.boardMembers(centreID: centre.id ?? 0)
                .first { $0.role == .director && $0.termEnd == nil }?.fullName ?? ""
            let dated = plan.history.last(where: { $0.action == .approve || $0.action == .submit })
                .map { LocalDate(date: $0.at, timeZone: .current) } ?? SystemClock().today
            print(PlanDocument.render(plan, centre: centre, communeName: commune.map { $0.name.prefix(1).lowercased() + $0.name.dropFirst() } ?? "",
                                      placeName: commune?.short ?? "", date: dated, director: director,
                                      strings: CLI.strings), terminator: "")
            // The audit trail's head on paper: an anchor `audit verify --anchor` checks the trail against later.
            if let head = try database.auditHead() { print(CLI.strings(.auditHeadLine, head.printed)) }
        }
    }
}
