import AppResources
import Domain
import Foundation
import Screens
import Storage
import TerminalUI

// Prints timings of the hot paths over a whole country's worth of centres: one centre for each of the 3,321
// commune-level units. Figures, not pass/fail: compare them across changes on the same machine.

func measure(_ label: String, runs: Int = 30, _ body: () throws -> Void) rethrows {
    var samples: [Double] = []
    for _ in 0..<runs {
        let start = ContinuousClock.now
        try body()
        let elapsed = ContinuousClock.now - start
        samples.append(Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1e3)
    }
    samples.sort()
    let median = samples[samples.count / 2]
    let worst = samples.last ?? 0
    let padded = label.padding(toLength: 56, withPad: " ", startingAt: 0)
    print(padded + String(format: " median %8.3f ms   worst %8.3f ms   (%d runs)", median, worst, runs))
}

let units = try UnitDirectory.decode(AppResources.data("units/units.json"))
let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tthtcd-bench-\(UUID().uuidString)")
try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: folder) }
let database = try AppDatabase.open(path: folder.appendingPathComponent("bench.sqlite").path)
let moment = Date()

print("tthtcd benchmarks: \(units.units.count) centres, one per commune-level unit")
let insertStart = ContinuousClock.now
for unit in units.units {
    var centre = Centre(name: "Trung tâm học tập cộng đồng " + unit.name.lowercased(), provinceCode: unit.province,
                        communeCode: unit.code, address: "Trụ sở UBND " + unit.name)
    centre.venues = [Venue(name: "Nhà văn hóa thôn 1", kind: .villageCulturalHouse, village: "Thôn 1")]
    try database.saveCentre(centre, by: .system, at: moment)
}
let insertTime = ContinuousClock.now - insertStart
print("saving \(units.units.count) centres".padding(toLength: 56, withPad: " ", startingAt: 0)
    + String(format: " total  %8.0f ms   (one transaction each, synchronous=FULL)",
             Double(insertTime.components.seconds) * 1e3 + Double(insertTime.components.attoseconds) / 1e15))

var all: [Centre] = []
try measure("loading every centre", runs: 10) { all = try database.allCentres() }
var entries: [CentreListEntry] = []
measure("preparing search keys for every centre", runs: 10) {
    entries = all.map { CentreListEntry(centre: $0, units: units) }
}
let sortedByName = CentreListing().sort(entries)
for query in ["n", "nghia", "nghia hung", "Hưng"] {
    measure("search \"\(query)\" over \(entries.count) sorted centres") {
        _ = CentreListing(query: query).filter(sortedByName)
    }
}
measure("sort \(entries.count) centres by name (Vietnamese order)") { _ = CentreListing().sort(entries) }

// The interface: the largest province (Ho Chi Minh City, 168 communes) seen by its provincial office.
try database.saveOfficeSettings(OfficeSettings(provinceCode: 79), by: .system, at: moment)
let strings = try Strings(language: .vi)
let rules = try BoardRuleTable.decode(AppResources.data("rules/board-rules.json"))
let context = try await MainActor.run {
    try AppContext(database: database, units: units, strings: strings, boardRules: rules)
}
await MainActor.run {
    let app = App(context: context, signedIn: Account(username: "bench", fullName: "Bench", roles: [.dataClerk]))
    let size = Size(width: 80, height: 24)
    measure("a roster frame at 80x24 (168 centres)") { _ = app.render(size: size) }
    measure("a roster frame at 200x60") { _ = app.render(size: Size(width: 200, height: 60)) }
    measure("a keystroke: ↓ in the roster") { app.handle(.down, size: size) }
    app.handle(.function(3), size: size)
    measure("a keystroke typed into the search (then erased)", runs: 30) {
        app.handle(.char("n"), size: size)
        app.handle(.backspace, size: size)
    }
    app.handle(.escape, size: size)
    measure("opening the centre form", runs: 10) {
        app.handle(.function(2), size: size)
        app.handle(.function(10), size: size)
    }
}
database.close()
