import Testing
@testable import Screens

/// The monkey once exported with an emptied folder prompt, and the files landed in the folder the tests ran from.
@Suite struct UserFolderTests {
    @Test(arguments: [("", "/home/an"), ("~", "/home/an"), ("  ", "/home/an"), ("sao-luu", "/home/an/sao-luu"),
                      ("~/USB", "/home/an/USB"), ("/media/usb", "/media/usb"), (" /media/usb ", "/media/usb")])
    func aTypedFolderIsAbsoluteOrUnderHome(_ typed: String, _ expected: String) {
        #expect(UserFolder.resolve(typed, home: "/home/an") == expected)
    }
}
