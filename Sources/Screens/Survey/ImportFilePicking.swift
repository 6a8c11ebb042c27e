import Domain
import Foundation
import Storage
import TerminalUI

/// Choosing the file: a list of one folder (its sub-folders, ".." and its .csv files), starting in the folder
/// used last in this session, with a line to type a path instead. Then only the header and a few rows are read.
extension ImportScreen {
    /// Ids of the folder list's items: what picking each one does.
    enum PickedItem {
        static let typePath = "type"
        static let folder = "folder:"
        static let file = "file:"
    }

    /// The folder used last in this session, else the home folder.
    func startFolder(_ ctx: AppContext) -> String {
        ctx.lastFolder ?? UserFolder.home
    }

    /// Opens the list of `folder`; one that cannot be read opens the line to type a path, saying why.
    mutating func openFolder(_ folder: String, _ ctx: AppContext) {
        let s = ctx.strings
        let listing: FolderListing
        do {
            listing = try FolderListing(folder: folder, extensions: ["csv"])
        } catch {
            askPath(folder, problem: s.describe(error as? CSVFileError ?? .unreadable(path: folder)), ctx)
            return
        }
        var items = [ChoiceItem(id: PickedItem.typePath, label: s[.importPickTypePath])]
        if let parent = listing.parent { items.append(ChoiceItem(id: PickedItem.folder + parent, label: s[.importPickParent])) }
        items += listing.folders.map { ChoiceItem(id: PickedItem.folder + listing.path(of: $0), label: $0 + "/") }
        // Reports of refused imports sit beside the files but are never imported.
        let files = listing.files.filter { !$0.lowercased().hasSuffix(ImportReport.suffix) }
        items += files.map { ChoiceItem(id: PickedItem.file + listing.path(of: $0), label: $0) }
        // The file read last, else the first file, else the first folder: Enter goes where the person most
        // likely means.
        let current = files.contains { listing.path(of: $0) == path } ? PickedItem.file + path : nil
        let first = current ?? files.first.map { PickedItem.file + listing.path(of: $0) }
            ?? listing.folders.first.map { PickedItem.folder + listing.path(of: $0) }
        modal = .picker(PickerDialog(title: s(.importPickTitle, listing.folder), items: items, selectedID: first),
                        pick: Reply(Action.picked))
    }

    /// The line to type a path: a file is read, a folder is listed.
    mutating func askPath(_ text: String, problem: String?, _ ctx: AppContext) {
        var dialog = PromptDialog(title: ctx.strings[.importTitle], label: ctx.strings[.importFileLabel], text: text,
                                  maxLength: 400)
        if let problem { dialog = dialog.refused(problem) }
        modal = .prompt(dialog, submit: Reply(Action.fileChosen))
    }

    mutating func picked(_ id: String, _ ctx: AppContext) -> [AppCommand] {
        if id == PickedItem.typePath {
            let folder = ctx.lastFolder ?? startFolder(ctx)
            askPath(folder.hasSuffix("/") ? folder : folder + "/", problem: nil, ctx)
        } else if id.hasPrefix(PickedItem.folder) {
            openFolder(String(id.dropFirst(PickedItem.folder.count)), ctx)
        } else if id.hasPrefix(PickedItem.file) {
            return fileChosen(String(id.dropFirst(PickedItem.file.count)), ctx)
        }
        return []
    }

    /// Reads the header and the first rows of the file, and proposes the mapping: the one saved for the same
    /// columns, completed by guesses (Kobo and ODK metadata set aside).
    mutating func fileChosen(_ chosen: String, _ ctx: AppContext) -> [AppCommand] {
        let s = ctx.strings
        let full = UserFolder.resolve(chosen)
        if FolderListing.isFolder(full) {
            openFolder(full, ctx)
            return []
        }
        do {
            let stream = try CSVStream(path: full)
            var rows: [[String]] = []
            while rows.count < Self.sampleRows, let row = try stream.next() { rows.append(row) }
            path = full
            headers = stream.headers
            samples = rows
        } catch let error as CSVFileError {
            askPath(chosen, problem: s.describe(error), ctx)
            return []
        } catch {
            askPath(chosen, problem: s.readFailure(error), ctx)
            return []
        }
        ctx.lastFolder = (full as NSString).deletingLastPathComponent
        let saved = try? ctx.database.importMapping(for: SurveyImport.signature(of: headers))
        mapping = importer.mapping(for: headers, saved: saved)
        columns = TableState()
        columns.setRowCount(headers.count)
        report = nil
        stage = .mapping
        return [.message(StatusMessage(columnsRead(s) + " " + s[.importMapThenRun]))]
    }

    /// "Tệp có 29 cột; 16 cột thông tin của KoboToolbox/ODK được bỏ qua."
    func columnsRead(_ s: Strings) -> String {
        metadataColumns == 0 ? s(.importColumnsCount, headers.count)
            : s(.importColumnsMetadata, headers.count, metadataColumns)
    }

    /// Columns recognised as Kobo or ODK metadata and left out.
    var metadataColumns: Int {
        headers.filter { mapping[$0] == SurveyImport.ignore && SurveyImport.isMetadataColumn($0) }.count
    }
}
