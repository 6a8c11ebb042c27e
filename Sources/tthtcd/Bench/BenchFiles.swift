import Domain
import Foundation
import Storage

/// The files `bench run` works on, beside the data set in `<data>.bench/`: CSV files to import (written once,
/// the same every time) and scratch data files that the measured writes may change.
struct BenchFiles {
    let folder: String
    let questionnaire: Questionnaire

    init(dataFile: String, questionnaire: Questionnaire) throws {
        folder = dataFile + ".bench"
        self.questionnaire = questionnaire
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
    }

    func path(_ name: String) -> String { folder + "/" + name }

    /// The villages of the scratch file's centre, which the import files use.
    static let villages = (1...12).map { "Thôn \($0)" }

    /// A small data file with one centre and an empty campaign (id 1), for imports that start from nothing.
    func emptyTemplate() throws -> String {
        let target = path("empty-template.sqlite")
        if FileManager.default.fileExists(atPath: target) { return target }
        let database = try AppDatabase.open(path: target)
        let moment = DatasetGenerator.moment
        let admin = try database.createAccount(Account(username: "quantri", fullName: "Quản trị", roles: [.administrator]),
                                               password: DatasetGenerator.password, by: .system, at: moment)
        try database.createAccount(Account(username: "canbo", fullName: "Cán bộ", roles: [.dataClerk]),
                                   password: DatasetGenerator.password, by: admin.actor, at: moment)
        let centre = try database.saveCentre(Centre(name: "Trung tâm học tập cộng đồng xã Thử", provinceCode: 37,
                                                    communeCode: 13891, villages: Self.villages), by: .system, at: moment)
        try database.saveCampaign(SurveyCampaign(centreID: centre.id!, year: DatasetGenerator.surveyYear,
                                                 title: "Khảo sát thử", target: 100_000), by: .system, at: moment)
        database.close()
        return target
    }

    /// A fresh copy of a file (closed, so the .sqlite alone is whole).
    func copy(_ source: String, to name: String) throws -> String {
        let target = path(name)
        for suffix in ["", "-wal", "-shm", ".lock"] { try? FileManager.default.removeItem(atPath: target + suffix) }
        try FileManager.default.copyItem(atPath: source, toPath: target)
        return target
    }

    /// Forms as a CSV file: question ids as headers, codes as typed, villages by name. With `faulty`, every
    /// seventh form has a sex code the questionnaire does not know.
    func forms(_ name: String, count: Int, villages: [String], prefix: String, faulty: Bool = false, seed: UInt64) throws
        -> String
    {
        let target = path(name)
        if FileManager.default.fileExists(atPath: target) { return target }
        let engine = SurveyEngine(questionnaire: questionnaire, villages: villages)
        let sampler = SampleForms(engine: engine, year: DatasetGenerator.surveyYear)
        var random = SeededRandom(seed: seed)
        try CSVFiles.write(path: target, style: .comma, headers: questionnaire.questions.map(\.id)) { emit in
            for number in 1...count {
                var form = sampler.form(serial: "\(prefix)-\(String(format: "%07d", number))", campaignID: 0, using: &random)
                if faulty && number % 7 == 0 { form.answers["sex"] = .codes([9]) }
                try emit(questionnaire.questions.map { question in
                    switch form.answers[question.id] {
                    case .codes(let codes)?: return codes.map(String.init).joined(separator: " ")
                    case .number(let n)?: return String(n)
                    case .text(let text)?: return text
                    case nil: return ""
                    }
                })
            }
        }
        return target
    }

    /// Ten megabytes and no line end.
    func longLine() throws -> String {
        let target = path("one-line-10mb.csv")
        if !FileManager.default.fileExists(atPath: target) {
            try Data(repeating: UInt8(ascii: "x"), count: 10 << 20).write(to: URL(fileURLWithPath: target))
        }
        return target
    }

    /// The password of the generated accounts, as `survey import` reads it from standard input.
    func passwordFile() throws -> String {
        let target = path("password.txt")
        try Data((DatasetGenerator.password + "\n").utf8).write(to: URL(fileURLWithPath: target))
        return target
    }
}
