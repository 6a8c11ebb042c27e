import ArgumentParser
import Screens

/// ArgumentParser refuses a wrong command line in English ("Missing expected argument '--year <YEAR>'"). The usual
/// refusals are said in the user's language from the catalog; the names quoted are the command's own syntax and
/// stay as typed. A refusal this table does not know is said as "the command line is wrong" with ArgumentParser's
/// text after it as the technical detail.
enum UsageMessages {
    static func translate(message: String, fullMessage: String, strings s: Strings) -> String {
        var lines = [sentence(message, s)]
        for line in fullMessage.split(separator: "\n").map(String.init) {
            if line.hasPrefix("Usage: ") {
                lines.append(s(.cliUsage, String(line.dropFirst("Usage: ".count))))
            } else if line.hasPrefix("Help: ") {
                lines.append(s(.cliHelpLine, line.dropFirst("Help: ".count).trimmingCharacters(in: .whitespaces)))
            } else if line.contains("See '"), let command = quoted(line).first {
                lines.append(s(.cliSeeHelp, command))
            }
        }
        return lines.joined(separator: "\n")
    }

    private static func sentence(_ message: String, _ s: Strings) -> String {
        let names = quoted(message)
        let all = names.joined(separator: ", ")
        switch true {
        case message.lowercased().contains("unexpected argument") && !names.isEmpty: return s(.cliUnexpectedArgument, all)
        case message.hasPrefix("Unknown option") && !names.isEmpty: return s(.cliUnknownOption, all)
        case message.hasPrefix("Missing expected argument") && !names.isEmpty: return s(.cliMissingArgument, all)
        case message.hasPrefix("Missing value for") && !names.isEmpty: return s(.cliMissingValue, all)
        case message.hasPrefix("The value") && names.count >= 2: return s(.cliInvalidValue, names[0], names[1])
        default: return s(.cliCommandLineRefused, message)
        }
    }

    /// The texts between single quotes, in order.
    private static func quoted(_ text: String) -> [String] {
        let parts = text.split(separator: "'", omittingEmptySubsequences: false)
        return stride(from: 1, to: parts.count - 1, by: 2).map { String(parts[$0]) }
    }

    /// ArgumentParser writes --help with English headings and texts of its own ("OPTIONS:", "Show help
    /// information.", "(default: 30)"): said in the user's language, the command's own syntax left as it is.
    static func translateHelp(_ help: String, strings s: Strings) -> String {
        let headings: [(String, StringKey)] = [("OVERVIEW:", .cliHelpOverview), ("USAGE:", .cliHelpUsage),
                                               ("ARGUMENTS:", .cliHelpArguments), ("OPTIONS:", .cliHelpOptions),
                                               ("SUBCOMMANDS:", .cliHelpSubcommands)]
        let phrases: [(String, String)] = [("Show the version.", s[.cliHelpVersion]),
                                           ("Show help information.", s[.cliHelpHelp]),
                                           ("(default:", s[.cliHelpDefault]), ("(default)", s[.cliHelpDefaultSubcommand])]
        return help.split(separator: "\n", omittingEmptySubsequences: false).map { raw in
            var line = String(raw)
            if let (english, key) = headings.first(where: { line.hasPrefix($0.0) }) {
                line = s[key] + line.dropFirst(english.count)
            }
            for (english, words) in phrases { line = line.replacingOccurrences(of: english, with: words) }
            if line.trimmingCharacters(in: .whitespaces).hasPrefix("See '"), line.hasSuffix("for detailed help."),
               let command = quoted(line).first {
                line = String(line.prefix { $0 == " " }) + s(.cliHelpSeeSubcommand, command)
            }
            return line
        }.joined(separator: "\n")
    }
}
