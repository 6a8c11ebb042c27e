import ArgumentParser
import Domain
import Foundation
import NcursesBackend
import Screens
import Storage

/// Runs the terminal interface on an open data file and gives the terminal back on every way out.
enum InteractiveSession {
    /// `demoAccounts` is non-empty for a demo session: the banner shows, and the sign-in screen lists them.
    static func run(database: AppDatabase, units: UnitDirectory, demoAccounts: [DemoDataset.DemoAccount]) throws {
        try MainActor.assumeIsolated {
            let context = try AppContext(database: database, units: units, strings: CLI.strings,
                                         boardRules: try CLI.boardRules(), isDemo: !demoAccounts.isEmpty)
            context.demoAccounts = demoAccounts
            let colour = ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true
            let terminal: NcursesTerminal
            do {
                terminal = try NcursesTerminal(colour: colour)
            } catch NcursesTerminal.StartError.notUTF8 {
                throw CLI.fail(CLI.strings[.cliNotUTF8])
            } catch NcursesTerminal.StartError.unknownTerminal(let name) {
                throw CLI.fail(CLI.strings(.cliUnknownTerminal, name))
            }
            defer { terminal.stop() }
            App(context: context).run(on: terminal)
        }
    }
}
