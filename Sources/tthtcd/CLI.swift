import AppResources
import ArgumentParser
import Domain
import Foundation
import Screens
import Storage

/// Shared pieces of the command line: the catalog in the language asked for, the unit list, and opening
/// the data file with refusals turned into clear messages and exit code 2.
enum CLI {
    static let version = AppVersion.current

    /// The language, read before parsing so that --help itself is translated.
    static let language: Language = {
        let args = CommandLine.arguments
        var option: String?
        for (i, arg) in args.enumerated() {
            if arg == "--lang", i + 1 < args.count { option = args[i + 1] }
            if arg.hasPrefix("--lang=") { option = String(arg.dropFirst(7)) }
        }
        return Language.detect(option: option)
    }()

    static let strings: Strings = {
        do {
            return try Strings(language: language)
        } catch {
            // Without the catalogs there are no words to say it in: both languages, fixed, and the error's code.
            let message = "Thiếu danh mục chữ của chương trình (strings) / the program's string catalogs are missing: "
            FileHandle.standardError.write(Data((message + SystemError.technicalCode(error) + "\n").utf8))
            exit(2)
        }
    }()

    static func fail(_ message: String) -> ExitCode {
        FileHandle.standardError.write(Data((message + "\n").utf8))
        return ExitCode(2)
    }

    static func units() throws -> UnitDirectory {
        do {
            return try UnitDirectory.decode(AppResources.data("units/units.json"))
        } catch {
            throw fail(strings(.cliResourceMissing, "units/units.json"))
        }
    }

    static func boardRules() throws -> BoardRuleTable {
        do {
            return try BoardRuleTable.decode(AppResources.data("rules/board-rules.json"))
        } catch {
            throw fail(strings(.cliResourceMissing, "rules/board-rules.json"))
        }
    }

    static func questionnaire() throws -> Questionnaire {
        do {
            return try Questionnaire.decode(AppResources.data("survey/questionnaire-v1.json"))
        } catch {
            throw fail(strings(.cliResourceMissing, "survey/questionnaire-v1.json"))
        }
    }

    /// The centre with this code, or exit 2.
    static func centre(_ code: String, in database: AppDatabase) throws -> Centre {
        // Codes are "TT" and digits (and "-2"...): upper case is the stored form.
        guard let centre = try database.centre(code: code.cleanedInput.uppercased()) else {
            throw fail(strings(.cliUnknownCentre, code))
        }
        return centre
    }

    static func demoDataset() throws -> DemoDataset {
        do {
            return try DemoDataset.decode(AppResources.data("demo/demo.json"))
        } catch {
            throw fail(strings(.cliResourceMissing, "demo/demo.json"))
        }
    }

    static func checkLanguage(_ option: String?) throws {
        if let option, Language(rawValue: option.lowercased()) == nil { throw fail(strings(.cliBadLanguage, option)) }
    }

    /// Opens the data file, or exits with code 2 and the reason.
    static func open(_ path: String?, access: AppDatabase.Access) throws -> AppDatabase {
        let resolved = path.map(absolute) ?? DataLocation.defaultPath()
        do {
            return try AppDatabase.open(path: resolved, access: access)
        } catch let error as DataFileError {
            throw fail(strings.describe(error))
        }
    }

    static func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    }
}
