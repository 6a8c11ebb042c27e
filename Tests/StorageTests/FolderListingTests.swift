import Foundation
import Storage
import Testing

@Suite struct FolderListingTests {
    @Test func listsSubFoldersAndCSVFilesOnlyInNameOrder() throws {
        let temp = TempFolder()
        let root = temp.path("khao-sat")
        for folder in ["Xã 10", "Xã 9", ".an"] {
            try FileManager.default.createDirectory(atPath: root + "/" + folder, withIntermediateDirectories: true)
        }
        for file in ["phieu-2.csv", "phieu-10.csv", "PHIEU-1.CSV", "ghi-chu.txt", ".tam.csv", "bang.xlsx"] {
            try Data("a;b\n".utf8).write(to: URL(fileURLWithPath: root + "/" + file))
        }
        let listing = try FolderListing(folder: root + "/./", extensions: ["csv"])
        #expect(listing.folder == root)
        #expect(listing.parent == temp.url.path, "\(String(describing: listing.parent))")
        #expect(listing.folders == ["Xã 9", "Xã 10"])
        #expect(listing.files == ["PHIEU-1.CSV", "phieu-2.csv", "phieu-10.csv"])
        #expect(listing.path(of: "phieu-2.csv") == root + "/phieu-2.csv")
        #expect(FolderListing.isFolder(root) && !FolderListing.isFolder(root + "/phieu-2.csv"))
        #expect(try FolderListing(folder: "/", extensions: ["csv"]).parent == nil)
        #expect(throws: CSVFileError.unreadable(path: root + "/khong-co")) {
            try FolderListing(folder: root + "/khong-co", extensions: ["csv"])
        }
    }
}
