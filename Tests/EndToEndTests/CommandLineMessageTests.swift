import Foundation
import Testing

/// A wrong command line is refused in the user's language (issue 10, item 13): ArgumentParser's English refusals
/// are said from the catalog, with the command's syntax kept, and --help still prints the help.
@Suite struct CommandLineMessageTests {
    @Test func aWrongCommandLineIsRefusedInTheUsersLanguage() throws {
        let sandbox = Sandbox()
        let data = sandbox.path("demo.sqlite")
        #expect(try runProgram(["demo", "create", data], in: sandbox).status == 0)
        let extra = try runProgram(["backup", "/x", "--data", data], in: sandbox)
        #expect(extra.status == 64)
        #expect(extra.stderr.hasPrefix("Thừa tham số /x.\nCách dùng: tthtcd backup"), "\(extra.stderr)")
        #expect(!extra.stderr.contains("Unexpected") && !extra.stderr.contains("Usage:") && !extra.stderr.contains("Error:"))
        let missing = try runProgram(["evaluation", "show", "TT13918", "--data", data], in: sandbox)
        #expect(missing.stderr.hasPrefix("Thiếu tham số bắt buộc --year <YEAR>."), "\(missing.stderr)")
        let english = try runProgram(["backup", "/x", "--lang", "en", "--data", data], in: sandbox)
        #expect(english.stderr.hasPrefix("Unexpected argument /x.\nUsage: tthtcd backup"), "\(english.stderr)")
        let two = try runProgram(["tao-lao", "/x"], in: sandbox)
        #expect(two.stderr.hasPrefix("Thừa tham số tao-lao, /x."), "\(two.stderr)")
        let unknown = try runProgram(["centres", "list", "--khong-co", "--data", data], in: sandbox)
        #expect(unknown.stderr.hasPrefix("Không có tùy chọn --khong-co."), "\(unknown.stderr)")
        let help = try runProgram(["centres", "--help"], in: sandbox)
        #expect(help.status == 0 && help.stdout.contains("tthtcd centres"))
        #expect(help.stdout.contains("TÙY CHỌN:") && help.stdout.contains("In hướng dẫn này."), "\(help.stdout)")
        for english in ["OPTIONS:", "USAGE:", "Show help information", "(default"] {
            #expect(!help.stdout.contains(english), "«\(english)» in the help:\n\(help.stdout)")
        }
        let englishHelp = try runProgram(["centres", "--help", "--lang", "en"], in: sandbox)
        #expect(englishHelp.stdout.contains("OPTIONS:"), "\(englishHelp.stdout)")
        let version = try runProgram(["--version"], in: sandbox)
        #expect(version.status == 0 && !version.stdout.isEmpty)
    }
}
