import AppResources
import Domain
import Foundation
import GRDB
import Testing
@testable import Storage

/// The streaming import: two passes over the file, nothing written unless every row is right, one batch and
/// one audit entry, the same answers as converting the file in memory.
@Suite struct SurveyFileImportTests {
    let moment = Date(timeIntervalSince1970: 1_763_700_000)

    struct Setup {
        let temp = TempFolder()
        var fixture: SurveyFixture
        let campaign: SurveyCampaign
        let importer: SurveyImport

        init() throws {
            fixture = SurveyFixture(database: try AppDatabase.open(path: temp.path("tthtcd.sqlite")))
            campaign = try fixture.campaign(try fixture.centre(province: 37, commune: 13891), year: 2026)
            importer = SurveyImport(engine: SurveyEngine(questionnaire: SurveyFixture.questionnaire,
                                                         villages: SurveyFixture.villages))
        }

        var database: AppDatabase { fixture.database }
        var headers: [String] { SurveyFixture.questionnaire.questions.map { $0.label.vi } }

        /// Forms as a clerk's spreadsheet holds them: labels for some choices, village names, codes for others.
        func rows(_ forms: [SurveyResponse]) -> [[String]] {
            forms.map { form in
                SurveyFixture.questionnaire.questions.map { question -> String in
                    switch form.answers[question.id] {
                    case .text(let text)?: return text
                    case .number(let n)?: return String(n)
                    case .codes(let codes)? where question.id == "topics":
                        return codes.compactMap { code in SurveyFixture.questionnaire.topic(code)?.label.vi }
                            .joined(separator: "; ")
                    case .codes(let codes)?: return codes.map(String.init).joined(separator: " ")
                    case nil: return ""
                    }
                }
            }
        }

        func write(_ rows: [[String]], name: String = "phieu.csv") throws -> String {
            let path = temp.path(name)
            try CSVFiles.write(path: path, style: .comma, headers: headers, rows: rows)
            return path
        }

        func job(_ path: String) -> SurveyFileImport {
            var job = SurveyFileImport(path: path, campaignID: campaign.id!, importer: importer,
                                       mapping: importer.suggestedMapping(for: headers))
            job.slice = 100
            return job
        }
    }

    @Test func aCleanFileIsImportedAsOneBatchWithTheAnswersOfTheInMemoryPath() throws {
        let setup = try Setup()
        let forms = setup.fixture.forms(setup.campaign, count: 750, seed: 7, prefix: "F")
        let rows = setup.rows(forms)
        let path = try setup.write(rows)
        let auditBefore = try setup.database.auditEntries().count
        var seen: [ImportProgress] = []
        let check = try setup.database.checkSurveyFile(setup.job(path)) { seen.append($0); return true }
        #expect(check.isClean, "\(check.report.problems.prefix(3))")
        #expect(check.rows == 750)
        let batch = try setup.database.importSurveyFile(setup.job(path), checked: check, by: clerk, at: moment) {
            seen.append($0)
            return true
        }
        // Heard at the start, at least every slice (sooner on a slow machine), and at the end.
        let checking = seen.filter { $0.phase == .checking }.map(\.rows)
        #expect(checking.first == 0 && checking.last == 750 && checking.count >= 9, "\(checking)")
        #expect(zip(checking, checking.dropFirst()).allSatisfy { $0 < $1 && $1 - $0 <= 100 }, "\(checking)")
        #expect(seen.last == ImportProgress(phase: .writing, rows: 750, totalRows: 750, fraction: 1,
                                            rowsPerSecond: seen.last!.rowsPerSecond, remaining: seen.last!.remaining))

        let inMemory = setup.importer.convert(headers: setup.headers, rows: rows,
                                              mapping: setup.importer.suggestedMapping(for: setup.headers),
                                              campaignID: setup.campaign.id!, existing: [])
        #expect(inMemory.problems.isEmpty)
        let stored = try setup.database.responses(campaignID: setup.campaign.id!)
        #expect(stored.map(\.answers) == inMemory.responses.map { AppDatabase.cleaned($0).answers })
        #expect(stored.map(\.answers) == forms.map(\.answers), "what was generated is what is stored")

        #expect(batch.rows == 750)
        #expect(batch.firstSerial == "F-1" && batch.lastSerial == "F-750")
        #expect(batch.fileName == "phieu.csv")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        var digest = ContentDigest()
        digest.update(bytes)
        #expect(batch.sha256 == digest.hex())
        #expect(try setup.database.importBatches(campaignID: setup.campaign.id!) == [batch])
        let entries = try setup.database.auditEntries()
        #expect(entries.count == auditBefore + 1, "one entry for the whole file")
        #expect(entries[0].action == "import")
        #expect(Set(entries[0].changes.map(\.field)) == ["campaign", "file", "rows", "serials", "sha256"])
        #expect(entries[0].changes.first { $0.field == "serials" }?.after == "F-1 – F-750")
        let batches = try setup.database.writer.read { db in
            try Int64.fetchAll(db, sql: "SELECT DISTINCT importBatchId FROM surveyResponse")
        }
        #expect(batches == [batch.id!], "every form records its batch")
        #expect(try setup.database.verifyAudit() == .intact(entries: entries.count))
        #expect(try setup.database.needsAnalysis(campaignIDs: [setup.campaign.id!])
            == NeedsAnalysis.compute(stored, campaign: setup.campaign))
    }

    @Test func cancellingWhileWritingLeavesNothing() throws {
        let setup = try Setup()
        let path = try setup.write(setup.rows(setup.fixture.forms(setup.campaign, count: 450, seed: 8, prefix: "G")))
        let auditBefore = try setup.database.auditEntries().count
        let check = try setup.database.checkSurveyFile(setup.job(path))
        #expect(throws: ImportCancelled()) {
            try setup.database.importSurveyFile(setup.job(path), checked: check, by: clerk, at: moment) { progress in
                progress.rows < 200
            }
        }
        #expect(try setup.database.responseCount(campaignID: setup.campaign.id!) == 0)
        #expect(try setup.database.importBatches(campaignID: setup.campaign.id!).isEmpty)
        #expect(try setup.database.auditEntries().count == auditBefore)
        #expect(try setup.database.needsAnalysis(campaignIDs: [setup.campaign.id!]).respondents == 0)
        #expect(throws: ImportCancelled()) {
            _ = try setup.database.checkSurveyFile(setup.job(path)) { _ in false }
        }
        // A file smaller than a slice still tells the screen it has begun, before its first row is checked.
        var heard: [ImportProgress] = []
        _ = try setup.database.checkSurveyFile(setup.job(path)) { heard.append($0); return true }
        #expect(heard.first?.rows == 0 && heard.first?.phase == .checking)
        #expect(heard.last?.rows == 450)
    }

    @Test func aFileWithManyErrorsKeepsTheFirstThousandAndACountOfEachKind() throws {
        let setup = try Setup()
        var rows = setup.rows(setup.fixture.forms(setup.campaign, count: 1400, seed: 9, prefix: "H"))
        let sex = try #require(setup.headers.firstIndex(of: "Giới tính"))
        for index in stride(from: 0, to: 1400, by: 2) { rows[index][sex] = "7" }
        rows[1][0] = "H-1"
        rows[3].removeLast()
        try setup.database.saveResponse(setup.fixture.forms(setup.campaign, count: 6, seed: 9, prefix: "H")[5],
                                        by: clerk, at: moment)
        let path = try setup.write(rows)
        let check = try setup.database.checkSurveyFile(setup.job(path))
        #expect(!check.isClean)
        #expect(check.report.total == 700 + 1 + 1 + 1)
        #expect(check.report.problems.count == 703)
        #expect(check.report.countByKind == [.unknownCode: 700, .duplicateInFile: 1, .wrongCellCount: 1,
                                             .duplicateSerial: 1])
        #expect(check.report.problems[1] == ImportProblem(row: 2, column: "Số phiếu", value: "H-1",
                                                          reason: .duplicateInFile(firstRow: 1), serial: "H-1",
                                                          questionID: "serial"))
        #expect(throws: SurveyFileImportError.notChecked) {
            try setup.database.importSurveyFile(setup.job(path), checked: check, by: clerk, at: moment)
        }
        for index in stride(from: 1, to: 1400, by: 2) where index > 5 { rows[index][sex] = "x" }
        let many = try setup.database.checkSurveyFile(setup.job(try setup.write(rows, name: "nhieu-loi.csv")))
        #expect(many.report.total == 700 + 697 + 3)
        #expect(many.report.problems.count == ImportProblemReport.kept)
        #expect(many.report.omitted == 400)
        #expect(many.report.countByKind[.notANumber] == 697)
        #expect(try setup.database.responseCount(campaignID: setup.campaign.id!) == 1, "nothing was written")
    }

    @Test func aFileChangedBetweenTheCheckAndTheImportIsRefused() throws {
        let setup = try Setup()
        let forms = setup.fixture.forms(setup.campaign, count: 50, seed: 11, prefix: "J")
        let path = try setup.write(setup.rows(forms))
        let check = try setup.database.checkSurveyFile(setup.job(path))
        _ = try setup.write(setup.rows(Array(forms.prefix(49))))
        #expect(throws: SurveyFileImportError.changedSinceCheck) {
            try setup.database.importSurveyFile(setup.job(path), checked: check, by: clerk, at: moment)
        }
        try setup.database.saveResponse(forms[10], by: clerk, at: moment)
        _ = try setup.write(setup.rows(forms))
        #expect(throws: SurveyStoreError.duplicateSerial("J-11")) {
            try setup.database.importSurveyFile(setup.job(path), checked: check, by: clerk, at: moment)
        }
        #expect(try setup.database.responseCount(campaignID: setup.campaign.id!) == 1)
    }

    @Test func aTenMegabyteLineIsRefusedWithoutReadingItAll() throws {
        let temp = TempFolder()
        let path = temp.path("mot-dong.csv")
        try Data(repeating: UInt8(ascii: "x"), count: 10 << 20).write(to: URL(fileURLWithPath: path))
        do {
            _ = try CSVStream(path: path)
            Issue.record("a ten-megabyte line was accepted")
        } catch let error as CSVFileError {
            #expect(error == .recordTooLong(path: path, line: 1, limit: CSVStream.recordLimit))
        }
        let second = temp.path("hai-dong.csv")
        try (Data("Số phiếu,Họ tên\nA-1,".utf8) + Data(repeating: UInt8(ascii: "y"), count: 3 << 20))
            .write(to: URL(fileURLWithPath: second))
        let stream = try CSVStream(path: second)
        #expect(throws: CSVFileError.recordTooLong(path: second, line: 2, limit: CSVStream.recordLimit)) {
            _ = try stream.next()
        }
        #expect(stream.bytesRead <= 3 * CSVStream.chunkSize, "refused after reading about the limit, not the file")
    }
}

@Suite struct CSVStreamTests {
    @Test func recordsSplitAcrossChunksAreReadWhole() throws {
        let temp = TempFolder()
        var expected: [[String]] = []
        var text = "\u{FEFF}Số phiếu;Ghi chú;Thôn\r\n"
        var index = 0
        while text.utf8.count < 3 * CSVStream.chunkSize {
            index += 1
            let note = index % 7 == 0 ? "Dòng một\ndòng \"hai\"; ba" : "Nguyễn Thị Ánh \(index)"
            expected.append(["A-\(index)", note, "Xóm \(index % 9)"])
            let quoted = note.contains("\n") || note.contains(";") || note.contains("\"")
                ? "\"" + note.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : note
            text += "A-\(index); \(quoted) ;Xóm \(index % 9)" + (index % 3 == 0 ? "\n" : "\r\n")
            if index % 11 == 0 { text += ";;\n" }
        }
        let path = temp.path("lon.csv")
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let stream = try CSVStream(path: path)
        #expect(stream.headers == ["Số phiếu", "Ghi chú", "Thôn"])
        #expect(stream.delimiter == ";")
        var rows: [[String]] = []
        while let row = try stream.next() { rows.append(row) }
        #expect(rows.count == expected.count)
        #expect(rows == expected)
        #expect(try CSVFiles.read(path: path).rows == expected)
    }

    @Test func aChunkEndingInsideACharacterIsReadOn() throws {
        let temp = TempFolder()
        // "ễ" is three bytes: with the header's ten bytes, the first chunk ends inside one, in an unquoted cell.
        let cell = String(repeating: "ễ", count: 1000)
        let rows = (0..<400).map { _ in cell }
        let path = temp.path("dau.csv")
        let header = "Ghi chú x\n"
        try Data((header + rows.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
        #expect((CSVStream.chunkSize - header.utf8.count) % 3001 % 3 != 0, "the first chunk ends inside a character")
        #expect(try CSVFiles.read(path: path).rows == rows.map { [$0] })
        let quoted = temp.path("dau-ngoac.csv")
        try Data(("Ghi chú x\n" + rows.map { "\"" + $0 + "\"x" }.joined(separator: "\n")).utf8)
            .write(to: URL(fileURLWithPath: quoted))
        #expect(try CSVFiles.read(path: quoted).rows == rows.map { [$0 + "x"] })
    }

    @Test func aDecomposedCellIsComposedAndABadByteIsRefused() throws {
        let temp = TempFolder()
        let path = temp.path("nfd.csv")
        try Data("Họ tên\nNguye\u{0302}\u{0303}n\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect(try CSVFiles.read(path: path).rows == [["Nguyễn"]])
        let bad = temp.path("bad.csv")
        // The bad byte comes after the first chunk, on line 2,002.
        let line = Array(repeating: UInt8(ascii: "B"), count: 1000) + [0x0A]
        try Data([0x41, 0x0A] + Array(Array(repeating: line, count: 2000).joined()) + [0x42, 0xFF, 0x0A])
            .write(to: URL(fileURLWithPath: bad))
        #expect(throws: CSVFileError.notUTF8(path: bad)) { _ = try CSVFiles.read(path: bad) }
    }
}

@Suite struct AnswersJSONTests {
    @Test func whatIsWrittenByHandReadsTheSameAsFoundationsCoder() throws {
        var random = SeededRandom(seed: 42)
        let texts = ["Nguyễn Văn \"An\"", "a\\b/c", "dòng\nmới\ttab\r", "\u{01}\u{1F}", "", "😀 emoji", "Ghi chú"]
        for _ in 0..<500 {
            var answers: SurveyAnswers = [:]
            for key in ["serial", "name", "topics", "birthYear", "sex", "ghi \"chú\""] where random.chance(0.8) {
                switch random.int(0...2) {
                case 0: answers[key] = .text(texts.randomElement(using: &random)!)
                case 1: answers[key] = .number(random.int(-5000...5000))
                default: answers[key] = .codes((0..<random.int(0...4)).map { _ in random.int(-3...20) })
                }
            }
            let text = AnswersJSON.encode(answers)
            #expect(try JSONDecoder().decode(SurveyAnswers.self, from: Data(text.utf8)) == answers, "\(text)")
            #expect(AnswersJSON.decode(text) == answers)
            let foundation = StoredText.json(answers)
            #expect(AnswersJSON.decode(foundation) == answers, "what the previous version wrote: \(foundation)")
        }
        #expect(AnswersJSON.decode("{\"a\":{\"text\":\"\\u00e9\"}}") == ["a": .text("é")], "escapes go to JSONDecoder")
        #expect(AnswersJSON.decode("{\"a\":") == nil)
        #expect(AnswersJSON.decode("[]") == nil)
    }
}
