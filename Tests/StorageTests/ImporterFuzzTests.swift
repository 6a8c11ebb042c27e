import AppResources
import Domain
import Foundation
import Testing
@testable import Storage

/// Random and malformed bytes into every importer: the CSV reader and converter, and a backup given to restore
/// (issue 12, finding 8). Nothing may crash, and a refusal leaves the data file as it was.
@Suite struct ImporterFuzzTests {
    static let isLong = ProcessInfo.processInfo.environment["TTHTCD_RELIABILITY"] == "long"
    static let seed = ProcessInfo.processInfo.environment["TTHTCD_SEED"].flatMap(UInt64.init)
        ?? UInt64.random(in: 1...UInt64.max / 2)
    static let questionnaire = try! Questionnaire.decode(AppResources.data("survey/questionnaire-v1.json"))

    /// SplitMix64, so that a failing run can be replayed from its seed.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let validCSV = #"""
        Số phiếu;Họ tên người trả lời;Thôn/tổ dân phố;Giới tính;Năm sinh;Dân tộc;Trình độ học vấn;Nghề nghiệp chính;\#
        Hộ nghèo, cận nghèo;Khuyết tật;Nội dung muốn học;Hình thức học;Thời gian trong ngày;Thời điểm trong năm
        F-1;Trần Thị Mai;Xóm 1;Nữ;1980;1;3;Nông nghiệp;1;1;Trồng trọt;1;3;1
        F-2;"Lê Văn ""Tư""";Xóm 2;2;1975;Kinh;2;1;1;1;"Trồng trọt; Tin học, kỹ năng số";2;1;4
        """#

    /// A damaged variant of `base`: bytes flipped, cut, repeated, or pieces that break CSV and UTF-8.
    static func mutate(_ base: [UInt8], _ random: inout Generator) -> [UInt8] {
        var bytes = base
        let pieces: [[UInt8]] = [[0], [0x22], [0x22, 0x22, 0x22], [0x3B], [0x0D], [0x0A], [0xEF, 0xBB, 0xBF], [0xFF, 0xFE],
                                 [0xC3], [0xE2, 0x80, 0xAE], Array(repeating: 0x41, count: 70_000), Array("=cmd|".utf8)]
        for _ in 0..<Int(random.next() % 4) + 1 {
            switch random.next() % 10 {
            case 0 where !bytes.isEmpty:
                bytes[Int(random.next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: random.next())
            case 1 where !bytes.isEmpty:
                bytes.removeLast(Int(random.next() % UInt64(bytes.count)))
            case 2:
                bytes = (0..<Int(random.next() % 2000)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            case 3:
                bytes += bytes.prefix(Int(random.next() % 500))
            default:
                let piece = pieces[Int(random.next() % UInt64(pieces.count))]
                bytes.insert(contentsOf: piece, at: Int(random.next() % UInt64(bytes.count + 1)))
            }
        }
        return bytes
    }

    @Test func randomAndMalformedCSVNeverCrashesTheImport() throws {
        let rounds = Self.isLong ? 20_000 : 300
        var random = Generator(state: Self.seed)
        let temp = TempFolder()
        let database = try AppDatabase.inMemory()
        let centre = try database.saveCentre(Centre(name: "TT", provinceCode: 37, communeCode: 13891,
                                                    villages: ["Xóm 1", "Xóm 2"]), by: clerk, at: Date())
        let campaign = try database.saveCampaign(SurveyCampaign(centreID: centre.id!, year: 2026, title: "KS", target: 10),
                                                 by: clerk, at: Date())
        let importer = SurveyImport(engine: SurveyEngine(questionnaire: Self.questionnaire, villages: ["Xóm 1", "Xóm 2"]))
        var read = 0, refused = 0, imported = 0
        for round in 0..<rounds {
            let path = temp.path("f\(round % 8).csv")
            try Data(Self.mutate(Array(Self.validCSV.utf8), &random)).write(to: URL(fileURLWithPath: path))
            let table: CSVTable
            do {
                table = try CSVFiles.read(path: path)
            } catch is CSVFileError {
                refused += 1
                continue
            }
            read += 1
            let (responses, problems) = importer.convert(
                headers: table.headers, rows: table.rows, mapping: importer.suggestedMapping(for: table.headers),
                campaignID: campaign.id!, existing: try database.responses(campaignID: campaign.id!))
            guard problems.isEmpty, !responses.isEmpty else { continue }
            #expect(responses.allSatisfy { $0.answers.values.allSatisfy { answer in
                if case .text(let text) = answer { return text.firstForbiddenControl == nil }
                return true
            } }, "seed \(Self.seed), round \(round): a control character got through")
            do {
                try database.importResponses(responses, by: clerk, at: Date())
                imported += 1
            } catch SurveyStoreError.duplicateSerial {
            }
        }
        print("importer fuzz: seed \(Self.seed), \(rounds) files, \(read) read, \(refused) refused, \(imported) imported")
        #expect(try database.verifyAudit().isIntact)
    }

    @Test func damagedBackupsAreRefusedByRestoreAndNothingChanges() throws {
        let rounds = Self.isLong ? 400 : 12
        var random = Generator(state: Self.seed)
        let temp = TempFolder()
        let data = temp.path("tthtcd.sqlite")
        try AppDatabase.createDemo(at: data, dataset: DemoFixture.dataset)
        let original = try [UInt8](Data(contentsOf: URL(fileURLWithPath: data)))
        var refusedCount = 0
        for round in 0..<rounds {
            let backup = temp.path("backup-\(round).sqlite")
            var bytes = original
            for _ in 0..<Int(random.next() % 40) + 1 {
                bytes[Int(random.next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: random.next())
            }
            if random.next() % 3 == 0 { bytes.removeLast(Int(random.next() % UInt64(bytes.count))) }
            try Data(bytes).write(to: URL(fileURLWithPath: backup))
            let before = try Data(contentsOf: URL(fileURLWithPath: data))
            do {
                _ = try AppDatabase.restore(from: backup, into: data, label: "x", at: Date())
                // A change SQLite's checks cannot see (a byte in free space or unused bytes) is restorable.
                let restored = try AppDatabase.open(path: data, access: .readOnly)
                #expect(try IntegrityCheck(database: restored, scope: .complete).run { _ in } == .intact)
                restored.close()
            } catch is RestoreError {
                refusedCount += 1
                #expect(try Data(contentsOf: URL(fileURLWithPath: data)) == before,
                        "seed \(Self.seed), round \(round): a refused restore changed the data file")
            }
            unlink(backup)
        }
        print("restore fuzz: seed \(Self.seed), \(rounds) damaged backups, \(refusedCount) refused")
    }
}
