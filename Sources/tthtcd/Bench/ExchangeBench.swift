import ArgumentParser
import Domain
import Foundation
import Screens
import Storage

/// `tthtcd bench exchange`: commune bundles of N forms each, written then received at one provincial office,
/// timed. The target: 100 bundles of 2,000 forms received in ≤ 30 s in all, on 2 cores. Everything is
/// made in a temporary folder and removed afterwards.
struct ExchangeBench: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "exchange", abstract: CLI.strings[.cliBenchExchangeAbstract])
    }

    @Option(name: .long, help: ArgumentHelp(CLI.strings[.cliBenchBundlesHelp], valueName: "N")) var bundles = 100
    @Option(name: .long, help: ArgumentHelp(CLI.strings[.cliBenchFormsHelp], valueName: "M")) var forms = 2_000

    static let target = 30.0

    func run() throws {
        let s = CLI.strings
        let measured = try Self.measure(bundles: bundles, forms: forms)
        print(s(.benchExchangeExport, forms) + ": " + Self.line(measured.writing))
        print(s(.benchExchangeReceive, measured.receiving.count, forms) + ": " + Self.line(measured.receiving))
        print(s(.benchExchangeTotal, String(format: "%.2f", measured.total), measured.received, measured.bundleKB,
                measured.total <= Self.target ? s[.benchMet] : s[.benchNotMet], Int(Self.target)))
    }

    /// What one run measured, in seconds: writing each bundle, receiving each, receiving all of them.
    struct Measured {
        var writing: [Double]
        var receiving: [Double]
        var total: Double
        /// Forms the province's needs analysis counts once every bundle is in.
        var received: Int
        var bundleKB: Int
    }

    static func measure(bundles: Int, forms: Int) throws -> Measured {
        let s = CLI.strings
        let units = try CLI.units()
        let dataset = try CLI.demoDataset()
        guard let model = dataset.centres.first(where: { !$0.surveys.isEmpty }) else {
            throw CLI.fail(s(.cliResourceMissing, "demo/demo.json"))
        }
        let answers = model.surveys.flatMap(\.responses)
        let communes = units.units(inProvince: dataset.office.provinceCode).prefix(max(1, bundles))
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("tthtcd-bench-exchange-\(UUID().uuidString)")
        let usb = work.appendingPathComponent("usb")
        try FileManager.default.createDirectory(at: usb, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let moment = Date()

        // Each commune office: one centre, one campaign of `forms` forms, its bundle (timed: writing a bundle).
        var urls: [URL] = []
        var writing: [Double] = []
        for unit in communes {
            let database = try AppDatabase.open(path: work.appendingPathComponent("x\(unit.code).sqlite").path)
            defer { database.close() }
            try database.saveOfficeSettings(OfficeSettings(provinceCode: unit.province, communeCode: unit.code), by: .system,
                                            at: moment)
            var centre = model.centre
            centre.communeCode = unit.code
            centre.name = "Trung tâm học tập cộng đồng " + unit.name.lowercased()
            let saved = try database.saveCentre(centre, by: .system, at: moment)
            let campaign = try database.saveCampaign(SurveyCampaign(centreID: saved.id!, year: 2025, title: "Khảo sát 2025",
                                                                    target: forms), by: .system, at: moment)
            let responses = (0..<forms).map { index -> SurveyResponse in
                var filled = answers[index % answers.count]
                filled["serial"] = .text(String(format: "B-%05d", index + 1))
                return SurveyResponse(campaignID: campaign.id!, answers: filled)
            }
            try database.importResponses(responses, by: .system, at: moment)
            let office = ExchangeOffice(settings: try database.officeSettings()!, units: units)
            let started = ContinuousClock.now
            urls.append(try database.exportBundle(to: usb, office: office, programVersion: CLI.version, by: .system,
                                                  at: moment).url)
            writing.append((ContinuousClock.now - started) / .seconds(1))
        }

        // The province receives them all (timed: the figure the target holds).
        let province = try AppDatabase.open(path: work.appendingPathComponent("tinh.sqlite").path)
        defer { province.close() }
        try province.saveOfficeSettings(OfficeSettings(provinceCode: dataset.office.provinceCode), by: .system, at: moment)
        let receiver = ExchangeOffice(settings: try province.officeSettings()!, units: units)
        var receiving: [Double] = []
        let all = ContinuousClock.now
        for url in urls {
            let started = ContinuousClock.now
            _ = try province.receiveBundle(at: url, receiver: receiver, by: .system, at: moment)
            receiving.append((ContinuousClock.now - started) / .seconds(1))
        }
        let total = (ContinuousClock.now - all) / .seconds(1)
        let received = try province.needsAnalysis(provinceCode: dataset.office.provinceCode, year: 2025).analysis.respondents
        let size = urls.compactMap { try? FileManager.default.attributesOfItem(atPath: $0.path)[.size] as? Int }.reduce(0, +)
        return Measured(writing: writing, receiving: receiving, total: total, received: received,
                        bundleKB: size / urls.count / 1024)
    }

    /// "median 0.123 s · p99 0.456 s"
    static func line(_ samples: [Double]) -> String {
        let sorted = samples.sorted()
        let median = sorted[sorted.count / 2]
        let p99 = sorted[min(sorted.count - 1, Int(Double(sorted.count) * 0.99))]
        return String(format: "median %.3f s · p99 %.3f s", median, p99)
    }
}
