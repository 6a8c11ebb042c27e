import ArgumentParser
import Domain
import Foundation
import Screens
import Storage

extension CLI {
    /// The office in backup names ("ninh-binh"), from the file's settings and the unit list.
    static func officeLabel(_ database: AppDatabase, units: UnitDirectory) -> String {
        guard let office = try? database.officeSettings() else { return Backup.label(office: "") }
        let name = office.communeCode.flatMap { units.unit(code: $0)?.name }
            ?? units.province(code: office.provinceCode)?.name ?? ""
        return Backup.label(office: name)
    }

    /// Closes a file that was written: everything into the `.sqlite` file. When that fails the user is told
    /// that the journal beside it holds the rest, and the program ends with exit code 1.
    static func finish(_ database: AppDatabase) throws {
        do {
            try database.finish()
        } catch let failure as CloseFailure {
            FileHandle.standardError.write(Data((strings.describe(failure) + "\n").utf8))
            throw ExitCode(1)
        }
    }

    /// One line of progress on standard error, rewritten in place; silent when it is not a terminal.
    final class ProgressLine {
        private let enabled = isatty(STDERR_FILENO) == 1
        private var shown = false

        func show(_ text: String) {
            guard enabled else { return }
            FileHandle.standardError.write(Data(("\r" + text + "\u{1B}[K").utf8))
            shown = true
        }

        /// An import's progress: rows, rows per second, the time left. Never cancels.
        func show(_ progress: ImportProgress) -> Bool {
            show(CLI.strings.describe(progress))
            return true
        }

        func clear() {
            guard enabled, shown else { return }
            FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
            shown = false
        }
    }
}
