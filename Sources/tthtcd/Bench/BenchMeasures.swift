import Domain
import Foundation
import Screens
import Storage

extension BenchRunner {
    /// Imports through the command line, as a clerk runs them: a million rows into an empty campaign (and the
    /// same file with errors, refused), a ten-megabyte line, twenty rows into the largest campaign and into
    /// an empty one.
    func measureImports(_ add: (BenchFigure) -> Void) throws {
        let count = importRows
        let villages = BenchFiles.villages
        let valid = try files.forms("import-valid-\(count).csv", count: count, villages: villages, prefix: "V", seed: 7)
        let faulty = try files.forms("import-errors-\(count).csv", count: count, villages: villages, prefix: "E", faulty: true,
                                     seed: 8)
        let password = try files.passwordFile()
        let template = try files.emptyTemplate()
        func importing(_ csv: String, into data: String, campaign: Int64 = 1) -> [String] {
            ["survey", "import", csv, "--campaign", String(campaign), "--user", "canbo", "--data", data]
        }
        var scratch = ""
        let imported = try processes(executable, [], count: 1, input: password, before: {}, expect: 0, arguments: {
            scratch = try files.copy(template, to: "empty.sqlite")
            return importing(valid, into: scratch)
        })
        let sqliteImport = try processes(sqlite3, [], count: 1, arguments: {
            let fresh = files.path("sqlite3-import.sqlite")
            try? FileManager.default.removeItem(atPath: fresh)
            return [fresh, ".import --csv \(valid) forms"]
        }).samples
        add(figure("import.valid", .benchImportValid, with: [count], imported, floor: sqliteImport,
                   floorText: "sqlite3 .import --csv",
                   target: BenchTarget(statistic: .median, bound: 4 * Percentile.of(sqliteImport, 0.5), unit: "ms")))
        add(figure("import.valid.memory", .benchImportMemory, with: [count], unit: "MB", ([imported.peakMB ?? 0], imported.peakMB),
                   target: BenchTarget(statistic: .peak, bound: 150, unit: "MB")))
        let refused = try processes(executable, importing(faulty, into: template), count: 1, input: password, expect: 1)
        add(figure("import.errors", .benchImportErrors, with: [count], refused, floor: sqliteImport,
                   floorText: "sqlite3 .import --csv (valid file)",
                   target: BenchTarget(statistic: .peak, bound: 150, unit: "MB")))
        add(figure("import.longline", .benchImportLongLine,
                   try processes(executable, importing(try files.longLine(), into: template), count: 3, input: password,
                                 expect: 2),
                   target: BenchTarget(statistic: .median, bound: 2000, unit: "ms")))
        // Twenty rows at a time, new serials each run: into the largest campaign of a scratch copy, and into
        // an empty one; the same cost a row is the target.
        let national = try files.copy(dataFile, to: "national-scratch.sqlite")
        let centre = try CLI.open(national, access: .readOnly)
        let largeVillages = try centre.centre(id: facts.centreID)?.villages ?? villages
        centre.close()
        var run = 0
        func small(_ villages: [String], _ prefix: String) throws -> String {
            run += 1
            return try files.forms("small-\(prefix)-\(run).csv", count: 20, villages: villages, prefix: "\(prefix)\(run)",
                                   seed: UInt64(100 + run))
        }
        let intoLarge = try processes(executable, [], count: 5, input: password, arguments: {
            importing(try small(largeVillages, "L"), into: national, campaign: facts.campaignID)
        })
        let empty = try files.copy(template, to: "empty-small.sqlite")
        let intoEmpty = try processes(executable, [], count: 5, input: password, arguments: {
            importing(try small(villages, "S"), into: empty)
        })
        add(figure("import.twenty.large", .benchImportSmallIntoLarge, with: [facts.forms], intoLarge,
                   target: BenchTarget(statistic: .median, bound: Percentile.of(intoEmpty.samples, 0.5) * 1.25 + 20,
                                       unit: "ms")))
        add(figure("import.twenty.empty", .benchImportSmallIntoEmpty, intoEmpty))
    }

    /// Keyed entry on the scratch copy's largest campaign, and the roster over the whole country.
    func measureEntryAndRoster(_ add: (BenchFigure) -> Void) throws {
        // The imports' scratch copy (with their forms), or a fresh one when the imports were not measured.
        let scratch = files.path("national-scratch.sqlite")
        let national = groups.contains(.import) && FileManager.default.fileExists(atPath: scratch)
            ? scratch : try files.copy(dataFile, to: "national-scratch.sqlite")
        let entry = try probe("entry", on: national)
        add(figure("entry.open", .benchEntryOpen, with: [facts.forms], entry["open"]!,
                   target: BenchTarget(statistic: .median, bound: 100, unit: "ms")))
        add(figure("entry.enter", .benchEntryEnter, entry["enter"]!, target: BenchTarget(statistic: .p99, bound: 5, unit: "ms")))
        add(figure("entry.key", .benchEntryKey, entry["key"]!, target: BenchTarget(statistic: .p99, bound: 5, unit: "ms")))
        add(figure("entry.save", .benchEntrySave, entry["save"]!, target: BenchTarget(statistic: .p99, bound: 5, unit: "ms")))
        let rosterFloor = "SELECT * FROM centre; SELECT * FROM venue; SELECT * FROM facility; SELECT * FROM boardMember; "
            + "SELECT * FROM training;"
        add(figure("roster.load", .benchRosterLoad, with: [facts.centres], try probe("roster-load", runs: max(5, runs / 3))["load"]!,
                   floor: try floor(rosterFloor), floorText: "SELECT * (centre, venue, facility, boardMember, training)",
                   target: BenchTarget(statistic: .median, bound: 150, unit: "ms")))
        add(figure("roster.search", .benchRosterSearch, with: [facts.centres], try probe("roster-search")["key"]!,
                   target: BenchTarget(statistic: .p99, bound: 5, unit: "ms")))
    }

    /// The command line's lists for the whole country, beside sqlite3 building comparable JSON.
    func measureLists(_ add: (BenchFigure) -> Void) throws {
        let lists: [(String, StringKey, [String], String)] = [
            ("list.centres", .benchCentresList, ["centres", "list", "--json"],
             "SELECT json_group_array(json_object('code', c.code, 'name', c.name, 'status', c.status, 'venues', "
                + "(SELECT json_group_array(v.name) FROM venue v WHERE v.centreId = c.id))) FROM centre c"),
            ("list.plans", .benchPlanList, ["plan", "list", "--json"],
             "SELECT json_group_array(json_object('id', p.id, 'status', p.status, 'activities', "
                + "(SELECT count(*) FROM planActivity a WHERE a.planId = p.id), 'history', "
                + "(SELECT json_group_array(e.action) FROM planEvent e WHERE e.planId = p.id))) FROM plan p"),
            ("list.board", .benchBoardCheck, ["board", "check", "--json", "--as-of", "2026-03-01"],
             "SELECT json_group_array(json_object('centre', centreId, 'role', role, 'name', fullName, 'trainings', "
                + "(SELECT count(*) FROM training t WHERE t.memberId = m.id))) FROM boardMember m"),
        ]
        for (id, key, arguments, sql) in lists {
            let measured = try processes(executable, arguments + ["--data", dataFile], count: 5,
                                         expect: id == "list.board" ? 1 : 0)
            add(figure(id, key, measured, floor: try floor(sql), floorText: "json_group_array (sqlite3)",
                       target: BenchTarget(statistic: .median, bound: 500, unit: "ms")))
        }
    }

    /// Issue 13's scale figure: 100 commune bundles of 2,000 forms each, written then received at one province.
    func measureExchange(_ add: (BenchFigure) -> Void) throws {
        let bundles = 100, forms = 2_000
        let measured = try ExchangeBench.measure(bundles: bundles, forms: forms)
        add(figure("exchange.export", .benchExchangeExport, with: [forms], (measured.writing.map { $0 * 1000 }, nil)))
        add(figure("exchange.receive", .benchExchangeReceive, with: [measured.receiving.count, forms],
                   ([measured.total * 1000], nil),
                   target: BenchTarget(statistic: .median, bound: ExchangeBench.target * 1000, unit: "ms")))
    }

    func report(_ figures: [BenchFigure]) throws -> BenchReport {
        let cpu = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?
            .split(separator: "\n").first { $0.hasPrefix("model name") }
            .map { String($0.split(separator: ":", maxSplits: 1).last ?? "").trimmingCharacters(in: .whitespaces) } ?? ""
        let version = try ChildProcess.run(sqlite3, ["--version"]).output.split(separator: " ").first.map(String.init) ?? ""
        let audit = try ChildProcess.run(sqlite3, [dataFile, "SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'auditEntry%'"])
        let size = (try FileManager.default.attributesOfItem(atPath: dataFile)[.size] as? Int) ?? 0
        return BenchReport(machine: cpu, cores: ProcessInfo.processInfo.activeProcessorCount,
                           memoryGB: Double(ProcessInfo.processInfo.physicalMemory) / 1_073_741_824, sqlite: version,
                           dataFile: dataFile, dataFileMB: Double(size) / 1_048_576,
                           auditMB: (Double(audit.output.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0) / 1_048_576,
                           facts: facts, figures: figures)
    }

    /// The same, for commands whose arguments change each run (new files, fresh copies).
    func processes(_ path: String, _ fixed: [String], count: Int, input: String? = nil, before: () throws -> Void = {},
                   expect status: Int32 = 0, arguments: () throws -> [String]) throws -> Measured {
        var samples: [Double] = []
        var peak = 0.0
        for _ in 0..<count {
            try before()
            let result = try ChildProcess.run(path, fixed + arguments(), input: input, keepOutput: false)
            guard result.status == status else {
                throw CLI.fail(CLI.strings(.benchProbeFailed, ([path] + fixed).joined(separator: " "), result.status))
            }
            samples.append(result.milliseconds)
            peak = max(peak, result.peakMB)
        }
        return (samples, peak)
    }
}

/// The figures as a table for a terminal.
enum BenchTable {
    static func line(_ figure: BenchFigure) -> String {
        let s = CLI.strings
        func number(_ value: Double) -> String { value >= 100 ? String(format: "%.0f", value) : String(format: "%.2f", value) }
        let width = 58
        var text = figure.name.count < width
            ? figure.name.padding(toLength: width, withPad: " ", startingAt: 0)
            : figure.name + "\n" + String(repeating: " ", count: width)
        text += " " + s(.benchLineValues, number(figure.median), number(figure.p99), figure.unit,
                        figure.peakMB.map { String(format: "%.0f", $0) } ?? "–")
        if let floor = figure.floorMedian { text += " · " + s(.benchLineFloor, number(floor)) }
        if let target = figure.target, let met = figure.met {
            text += " · " + target + " " + (met ? s[.benchMet] : s[.benchNotMet])
        }
        return text
    }

    static func footer(_ report: BenchReport) -> String {
        CLI.strings(.benchFooter, report.machine, report.cores, String(format: "%.0f", report.memoryGB), report.sqlite,
                    String(format: "%.0f", report.dataFileMB), String(format: "%.0f", report.auditMB),
                    report.facts.centres, report.facts.forms)
    }
}
