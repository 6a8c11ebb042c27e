import Domain
import Foundation
import Storage
import Testing
import TerminalUI
@testable import Screens

/// A centre handed over to its commune (or received from another office) is shown, not edited: its forms open
/// read-only and say whose it is, and F8 says whose it is instead of advising a dissolution that cannot be saved.
@MainActor
@Suite struct OtherOfficeReadOnlyTests {
    @Test func aHandedOverCentreOpensReadOnlyAndSaysWhoseItIs() throws {
        let clerk = Account(username: "canbo", fullName: "Cán bộ", roles: [.dataClerk, .administrator, .provincialOfficer])
        let desk = try ExchangeDesk()
        let h = try Harness(.demo, account: clerk) { database in
            let office = ExchangeOffice(settings: try database.officeSettings()!, units: Harness.units)
            let officer = Actor(accountID: nil, username: "tinh", fullName: "", roles: [.provincialOfficer, .administrator])
            _ = try database.exportHandOver(commune: 13918, to: desk.usb, office: office, programVersion: "test",
                                            by: officer, at: Date(timeIntervalSince1970: 1_790_000_000))
        }
        let centre = try #require(try h.database.centre(code: "TT13918"))
        let own = try #require(try h.database.centre(code: "TT14329"))
        #expect(h.context.can(.editCentres, on: own), "the province's own centres stay editable")
        #expect(!h.context.can(.editCentres, on: centre))
        #expect(!h.context.can(.editBoards, on: centre) && !h.context.can(.recordFunding, on: centre))
        #expect(h.context.can(.evaluate, on: centre), "the province's assessment is its own to write")

        h.app.stack.append(CentreFormScreen(ctx: h.context, editing: centre))
        #expect(h.messageLine.contains("đã bàn giao cho Xã Nghĩa Sơn"), "\(h.messageLine)")
        #expect(!h.screen.contains("Lưu"), "no save key on a form that cannot be saved")
        h.type("X")
        h.press(.function(2))
        #expect(try h.database.centre(code: "TT13918")?.address == centre.address)
        h.press(.escape)

        h.app.stack.append(MemberFormScreen(ctx: h.context, centre: centre, member: nil, purpose: .add))
        #expect(h.messageLine.contains("đã bàn giao cho Xã Nghĩa Sơn"), "\(h.messageLine)")
    }
}
