import ArgumentParser
import Storage

/// The options every command that reads the data file takes: which file, and the language of its messages.
struct DataFileOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(CLI.strings[.cliDataHelp], valueName: "PATH"))
    var data: String?

    @Option(name: .long, help: ArgumentHelp(CLI.strings[.cliLangHelp], valueName: "vi|en"))
    var lang: String?

    /// Refuses an unknown --lang with exit code 2, before any other work.
    func checkLanguage() throws { try CLI.checkLanguage(lang) }

    /// Opens the file; a file that is refused becomes a message and exit code 2.
    func open(access: AppDatabase.Access) throws -> AppDatabase { try CLI.open(data, access: access) }

    /// The data file named, or the default one.
    var path: String { data.map(CLI.absolute) ?? DataLocation.defaultPath() }
}
