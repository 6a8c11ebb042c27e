import Domain
import Foundation
import Screens
import Storage

/// Runs every figure: probes in processes of their own, the command line as a user runs it, and the sqlite3
/// tool doing the same work where the work compares (the floor).
struct BenchRunner {
    let dataFile: String
    let runs: Int
    let files: BenchFiles
    let executable: String
    let sqlite3 = "/usr/bin/sqlite3"
    let facts: BenchFacts
    /// Rows of the large import files (a million, unless a quick run asks for fewer).
    let importRows: Int
    /// The groups of figures to measure (`--only`; all by default).
    let groups: Set<Group>

    enum Group: String, CaseIterable {
        case start, needs, `import`, entry, lists, memory, exchange
    }

    init(dataFile: String, runs: Int, importRows: Int, questionnaire: Questionnaire, groups: Set<Group>) throws {
        self.dataFile = dataFile
        self.groups = groups
        self.runs = runs
        self.importRows = importRows
        files = try BenchFiles(dataFile: dataFile, questionnaire: questionnaire)
        executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
        let database = try CLI.open(dataFile, access: .readOnly)
        defer { database.close() }
        facts = try BenchFacts.read(database)
    }

    typealias Measured = (samples: [Double], peakMB: Double?)

    func figure(_ id: String, _ key: StringKey, with arguments: [CustomStringConvertible] = [], unit: String = "ms",
                _ measured: Measured, floor: [Double]? = nil, floorText: String? = nil, target: BenchTarget? = nil)
        -> BenchFigure
    {
        let median = Percentile.of(measured.samples, 0.5), p99 = Percentile.of(measured.samples, 0.99)
        let name = CLI.strings(key, arguments: arguments)
        return BenchFigure(id: id, name: name, unit: unit, median: median, p99: p99, peakMB: measured.peakMB,
                           samples: measured.samples.count, floorMedian: floor.map { Percentile.of($0, 0.5) },
                           floor: floorText, target: target?.text,
                           met: target?.check(median: median, p99: p99, peak: measured.peakMB))
    }

    /// A probe in a child process: its timings, and the child's peak memory.
    func probe(_ name: String, on file: String? = nil, runs: Int? = nil) throws -> [String: Measured] {
        let result = try ChildProcess.run(executable, ["bench", "probe", name, file ?? dataFile, "--runs", String(runs ?? self.runs)])
        guard result.status == 0, let lists = try? JSONDecoder().decode([String: [Double]].self, from: Data(result.output.utf8))
        else { throw CLI.fail(CLI.strings(.benchProbeFailed, name, result.status)) }
        return lists.mapValues { ($0, result.peakMB) }
    }

    /// A whole process, run `count` times: wall times, and the largest peak memory.
    func processes(_ path: String, _ arguments: [String], count: Int, input: String? = nil, before: () throws -> Void = {},
                   expect status: Int32 = 0) throws -> Measured {
        try processes(path, [], count: count, input: input, before: before, expect: status, arguments: { arguments })
    }

    /// The sqlite3 tool running `sql` on a file, output thrown away.
    func floor(_ sql: String, on file: String? = nil, count: Int = 5, before: () throws -> Void = {}) throws -> [Double] {
        try processes(sqlite3, [file ?? dataFile, sql], count: count, before: before).samples
    }

    func evict() {
        for path in [dataFile, dataFile + "-wal", executable] { ChildProcess.evictFromCache(path) }
    }

    func measureAll(_ show: (BenchFigure) -> Void) throws -> BenchReport {
        var figures: [BenchFigure] = []
        func add(_ figure: BenchFigure) {
            figures.append(figure)
            show(figure)
        }
        if groups.contains(.start) { try measureStart(add) }
        if groups.contains(.needs) { try measureNeeds(add) }
        if groups.contains(.import) { try measureImports(add) }
        if groups.contains(.entry) { try measureEntryAndRoster(add) }
        if groups.contains(.lists) { try measureLists(add) }
        if groups.contains(.memory) {
            let screens = try probe("screens", runs: 1)["open"]!
            add(figure("memory.interface", .benchInterfaceMemory, screens,
                       target: BenchTarget(statistic: .peak, bound: 100, unit: "MB")))
        }
        if groups.contains(.exchange) { try measureExchange(add) }
        return try report(figures)
    }

    func measureStart(_ add: (BenchFigure) -> Void) throws {
        let centresOfProvince = "SELECT * FROM centre WHERE provinceCode = \(facts.provinceCode)"
        _ = try processes(executable, ["bench", "probe", "start", dataFile], count: 1, expect: 0)
        add(figure("start.cached", .benchStartCached,
                   try processes(executable, ["bench", "probe", "start", dataFile], count: 10),
                   floor: try floor(centresOfProvince), floorText: centresOfProvince,
                   target: BenchTarget(statistic: .median, bound: 150, unit: "ms")))
        add(figure("start.uncached", .benchStartUncached,
                   try processes(executable, ["bench", "probe", "start", dataFile], count: 5, before: evict),
                   floor: try floor(centresOfProvince, before: evict), floorText: centresOfProvince,
                   target: BenchTarget(statistic: .median, bound: 1000, unit: "ms")))
    }

    func measureNeeds(_ add: (BenchFigure) -> Void) throws {
        let json = NeedsFloor.sql(campaigns: "SELECT \(facts.campaignID)")
        add(figure("needs.centre", .benchNeedsCentre, with: [facts.forms], try probe("needs-centre")["query"]!,
                   floor: try floor(json), floorText: NeedsFloor.description,
                   target: BenchTarget(statistic: .median, bound: 50, unit: "ms")))
        let province = NeedsFloor.sql(campaigns: """
            SELECT s.id FROM surveyCampaign s JOIN centre c ON c.id = s.centreId \
            WHERE c.provinceCode = \(facts.provinceCode) AND s.year = \(facts.year)
            """)
        add(figure("needs.province", .benchNeedsProvince, with: [facts.provinceForms], try probe("needs-province")["query"]!,
                   floor: try floor(province), floorText: NeedsFloor.description,
                   target: BenchTarget(statistic: .median, bound: 200, unit: "ms")))
        add(figure("needs.filter", .benchNeedsFilter, try probe("needs-filter")["query"]!,
                   target: BenchTarget(statistic: .p99, bound: 20, unit: "ms")))
        add(figure("needs.command", .benchNeedsCommand,
                   try processes(executable, ["survey", "needs", "--centre", facts.centreCode, "--year", String(facts.year),
                                              "--json", "--data", dataFile], count: 5),
                   floor: try floor(json), floorText: NeedsFloor.description))
    }
}

/// The floor of the needs analysis as the issue measured it: the sqlite3 tool counting the answers in the
/// stored JSON of every form.
enum NeedsFloor {
    static let description = "GROUP BY over json_each(answers) (sqlite3)"

    static func sql(campaigns: String) -> String {
        let forms = "SELECT answers FROM surveyResponse WHERE campaignId IN (\(campaigns))"
        return ["topics", "format", "timeOfDay", "season"].map { question in
            "SELECT '\(question)', j.value, count(*) FROM (\(forms)) f, json_each(f.answers, '$.\(question).codes') j GROUP BY j.value"
        }.joined(separator: " UNION ALL ") + "; SELECT count(*) FROM (\(forms));"
    }
}
