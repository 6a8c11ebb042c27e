import AppResources
import Foundation
import Testing
@testable import Domain

enum SurveyFixture {
    static let questionnaire = try! Questionnaire.decode(AppResources.data("survey/questionnaire-v1.json"))
    static let villages = ["Xóm 1", "Xóm 2", "Xóm 3"]
    static let engine = SurveyEngine(questionnaire: questionnaire, villages: villages)

    /// A complete, valid form.
    static func answers(serial: String = "A-001", name: String = "Nguyễn Văn An", village: String = "Xóm 1",
                        born: Int = 1975, topics: [Int] = [1, 3]) -> SurveyAnswers {
        [
            "serial": .text(serial), "name": .text(name), "village": .text(village), "sex": .codes([1]),
            "birthYear": .number(born), "ethnicity": .codes([1]), "education": .codes([3]), "occupation": .codes([1]),
            "household": .codes([1]), "disability": .codes([1]), "topics": .codes(topics), "format": .codes([1]),
            "timeOfDay": .codes([3]), "season": .codes([1]),
        ]
    }

    static func response(_ answers: SurveyAnswers, id: Int64? = nil) -> SurveyResponse {
        SurveyResponse(id: id, campaignID: 1, answers: answers)
    }
}

@Suite struct QuestionnaireEngineTests {
    typealias F = SurveyFixture

    @Test func theShippedQuestionnaireIsConsistent() {
        let q = F.questionnaire
        #expect(q.topics.count == 16)
        #expect(Set(q.questions.map(\.id)).count == q.questions.count)
        for question in q.questions {
            #expect(!question.label.vi.isEmpty && !question.label.en.isEmpty, "\(question.id)")
            if question.type == .single || question.type == .multiple {
                #expect(!q.choices(for: question).isEmpty, "\(question.id)")
            }
            for condition in question.relevantIf ?? [] { #expect(q.question(condition.field) != nil) }
        }
        for check in q.checks { #expect(q.question(check.field) != nil, "\(check.id)") }
    }

    @Test func aCompleteFormHasNoProblems() {
        #expect(F.engine.validate(F.response(F.answers())).isEmpty)
    }

    @Test func relevanceSkipsQuestionsThatDoNotApply() {
        var answers = F.answers()
        let kind = F.questionnaire.question("disabilityKind")!
        #expect(!F.engine.isRelevant(kind, answers))
        answers["disability"] = .codes([2])
        #expect(F.engine.isRelevant(kind, answers))
        answers["disabilityKind"] = .codes([1])
        answers["disability"] = .codes([1])
        #expect(F.engine.pruned(answers)["disabilityKind"] == nil, "an answer to a skipped question is dropped")
        // "Other" occupation makes its text required.
        answers["occupation"] = .codes([10])
        #expect(F.engine.validate(F.response(answers)).map(\.field) == ["occupationOther"])
    }

    @Test func errorsBlockAndNameTheirQuestion() {
        var answers = F.answers()
        answers["sex"] = .codes([3])
        answers["birthYear"] = .number(1890)
        answers["topics"] = .codes([1, 2, 3, 4, 5, 6])
        answers["village"] = .text("Xóm 9")
        answers.removeValue(forKey: "serial")
        let issues = F.engine.validate(F.response(answers))
        #expect(issues.map(\.field) == ["serial", "village", "sex", "birthYear", "topics"])
        #expect(issues.allSatisfy { $0.severity == .error })
        #expect(issues.map(\.problem) == [.required, .unknownVillage("Xóm 9"), .unknownCode(3),
                                          .outOfRange(min: 1920, max: 2015), .tooMany(max: 5)])
    }

    @Test func warningsCanBeOverriddenWithAReason() {
        var answers = F.answers(born: 1930)
        answers["education"] = .codes([1])
        answers["occupation"] = .codes([5])
        var response = F.response(answers)
        let warnings = F.engine.validate(response)
        #expect(Set(warnings.map(\.checkID)) == ["age-over-90", "illiterate-official"])
        #expect(warnings.allSatisfy { $0.severity == .warning })
        response.overrides = [SurveyOverride(checkID: "age-over-90", reason: "Cụ 96 tuổi, đã hỏi lại")]
        #expect(F.engine.validate(response).map(\.checkID) == ["illiterate-official"])
    }

    @Test func checksAcrossAnswersAreData() {
        var answers = F.answers()
        answers["barriers"] = .codes([6, 2])
        let issues = F.engine.validate(F.response(answers))
        #expect(issues.map(\.checkID) == ["no-barrier-and-barrier"])
        #expect(issues[0].severity == .error)
        answers["barriers"] = .codes([6])
        #expect(F.engine.validate(F.response(answers)).isEmpty)
    }

    @Test func serialsAreUniqueAndTwinsAreWarnings() {
        let stored = [F.response(F.answers(serial: "A-001"), id: 1)]
        let sameSerial = F.response(F.answers(serial: "A-001", name: "Lê Thị Bình"))
        #expect(F.engine.validate(sameSerial, others: stored).map(\.problem) == [.duplicateSerial])
        let twin = F.response(F.answers(serial: "A-002", name: "NGUYEN VAN AN"))
        let issues = F.engine.validate(twin, others: stored)
        #expect(issues.map(\.problem) == [.possibleDuplicate(serial: "A-001")])
        #expect(issues[0].severity == .warning)
        #expect(F.engine.validate(F.response(F.answers(serial: "A-001"), id: 1), others: stored).isEmpty,
                "a form does not clash with itself when edited")
    }

    @Test func typedAnswersParseAndRoundTrip() {
        let q = F.questionnaire
        let topics = q.question("topics")!
        #expect(AnswerParser.parse("1 3,8", for: topics, villages: F.villages) == .codes([1, 3, 8]))
        #expect(AnswerParser.parse("2", for: q.question("village")!, villages: F.villages) == .text("Xóm 2"))
        #expect(AnswerParser.parse("19x", for: q.question("birthYear")!, villages: F.villages) == .text("19x"))
        #expect(AnswerParser.parse("  ", for: topics, villages: F.villages) == nil)
        #expect(AnswerParser.typed(.text("Xóm 2"), for: q.question("village")!, villages: F.villages) == "2")
        #expect(AnswerParser.typed(.codes([1, 8]), for: topics, villages: F.villages) == "1 8")
        var answers = F.answers()
        answers["sex"] = AnswerParser.parse("a", for: q.question("sex")!, villages: F.villages)
        #expect(F.engine.validate(F.response(answers)).map(\.problem) == [.notANumber("a")])
    }
}

@Suite struct SurveyImportTests {
    typealias F = SurveyFixture
    let importer = SurveyImport(engine: F.engine)
    let headers = ["Số phiếu", "Họ tên người trả lời", "Thôn/tổ dân phố", "Giới tính", "Năm sinh", "Dân tộc",
                   "Trình độ học vấn", "Nghề nghiệp chính", "Hộ nghèo, cận nghèo", "Khuyết tật", "Nội dung muốn học",
                   "Hình thức học", "Thời gian trong ngày", "Thời điểm trong năm"]

    func row(_ serial: String, sex: String = "Nữ", topics: String = "Trồng trọt; Tin học, kỹ năng số") -> [String] {
        [serial, "Trần Thị Mai", "xom 2", sex, "1980", "1", "3", "Nông nghiệp", "1", "1", topics, "1", "3", "1"]
    }

    @Test func headersAndLabelsAreMatchedIgnoringMarks() {
        let mapping = importer.suggestedMapping(for: headers.map { VietnameseText.fold($0) } + ["GHI CHU"])
        #expect(mapping["so phieu"] == "serial")
        #expect(mapping["noi dung muon hoc"] == "topics")
        #expect(mapping["GHI CHU"] == nil)
        let topics = F.questionnaire.question("topics")!
        #expect(importer.answer("trong trot; TIN HOC, KY NANG SO", for: topics) == .codes([1, 8]))
        #expect(importer.answer("Trồng trọt, Ngoại ngữ", for: topics) == .codes([1, 9]))
        #expect(importer.answer("Trồng trọt, Tin học, kỹ năng số, Ngoại ngữ", for: topics) == .codes([1, 8, 9]))
        #expect(importer.answer("Trồng lúa", for: topics) == .text("Trồng lúa"))
        #expect(importer.answer("1 8", for: topics) == .codes([1, 8]))
        #expect(importer.answer("Crop growing", for: topics) == .codes([1]))
        #expect(importer.answer("Xom 3", for: F.questionnaire.question("village")!) == .text("Xóm 3"))
    }

    @Test func aCleanFileConvertsEveryRow() {
        let mapping = importer.suggestedMapping(for: headers)
        let (responses, problems) = importer.convert(headers: headers, rows: [row("B-1"), row("B-2", sex: "2")],
                                                     mapping: mapping, campaignID: 7, existing: [])
        #expect(problems.isEmpty, "\(problems)")
        #expect(responses.count == 2)
        #expect(responses[0].answers["sex"] == .codes([2]))
        #expect(responses[0].answers["village"] == .text("Xóm 2"))
        #expect(responses[0].answers["topics"] == .codes([1, 8]))
        #expect(responses.allSatisfy { $0.campaignID == 7 })
    }

    @Test func anyProblemIsReportedByRowAndColumn() {
        var mapping = importer.suggestedMapping(for: headers + ["Ghi chú lạ"])
        var rows = (1...600).map { row("C-\($0)") + ["x"] }
        rows[499][3] = "7"                              // a wrong code in spreadsheet row 501
        rows[510].removeLast(3)                         // a cut-off row
        rows[520][0] = "C-3"                            // a serial used twice
        let (_, problems) = importer.convert(headers: headers + ["Ghi chú lạ"], rows: rows, mapping: mapping,
                                             campaignID: 1, existing: [])
        #expect(problems.contains(ImportProblem(row: 0, column: "Ghi chú lạ", value: "", reason: .unknownColumn)))
        #expect(problems.contains(ImportProblem(row: 500, column: "Giới tính", value: "7",
                                                reason: .answer(.unknownCode(7)), serial: "C-500", questionID: "sex")),
                "the row's form number and the question come with the problem")
        #expect(problems.contains { $0.row == 511 && $0.reason == .wrongCellCount(expected: 15, found: 12) })
        #expect(problems.contains { $0.row == 521 && $0.reason == .duplicateInFile(firstRow: 3) })
        mapping["Ghi chú lạ"] = SurveyImport.ignore
        let ignored = importer.convert(headers: headers + ["Ghi chú lạ"], rows: [row("D-1") + ["x"]], mapping: mapping,
                                       campaignID: 1, existing: [])
        #expect(ignored.problems.isEmpty, "an ignored column is fine")
    }

    @Test func koboAndODKMetadataColumnsAreSetAsideByThemselves() {
        let metadata = ["start", "end", "today", "deviceid", "subscriberid", "simserial", "phonenumber", "username",
                        "_id", "_uuid", "_submission_time", "_index", "_parent_index", "_validation_status", "__version__",
                        "meta/instanceID", "meta/instanceName", "meta/deprecatedID", "_status", "_submitted_by", "_tags",
                        "_notes", "_attachments", "_geolocation", "formhub/uuid", "group_a/_index", "ho_so/meta/instanceID",
                        "meta-instanceID", "SubmissionDate", "KEY", "SubmitterID", "SubmitterName", "ReviewState",
                        "DeviceID", " Start ", "AttachmentsPresent"]
        for header in metadata { #expect(SurveyImport.isMetadataColumn(header), "\(header)") }
        for header in headers + ["Ghi chú", "Ngày bắt đầu học", "startup", "thong_tin/ten", ""] {
            #expect(!SurveyImport.isMetadataColumn(header), "\(header)")
        }
        let mapping = importer.suggestedMapping(for: ["start", "Số phiếu", "_uuid", "meta/instanceID", "Ghi chú"])
        #expect(mapping == ["start": SurveyImport.ignore, "Số phiếu": "serial", "_uuid": SurveyImport.ignore,
                            "meta/instanceID": SurveyImport.ignore], "an ordinary unknown column stays to be mapped")
        // A header that names a question is the question's, even where a form tool uses the same word.
        #expect(importer.suggestedMapping(for: ["serial"]) == ["serial": "serial"])
        // A saved mapping keeps its choices; the columns it does not name are guessed.
        #expect(importer.mapping(for: ["start", "Số phiếu", "Ghi chú"], saved: ["Số phiếu": "name", "Ghi chú": "-"])
                == ["start": SurveyImport.ignore, "Số phiếu": "name", "Ghi chú": "-"])
    }

    @Test func aMissingRequiredColumnIsAProblem() {
        let short = Array(headers.dropFirst())
        let (_, problems) = importer.convert(headers: short, rows: [], mapping: importer.suggestedMapping(for: short),
                                             campaignID: 1, existing: [])
        #expect(problems == [ImportProblem(row: 0, column: "serial", value: "", reason: .missingColumn)])
    }

    @Test func existingSerialsClash() {
        let existing = [F.response(F.answers(serial: "B-1"), id: 9)]
        let (_, problems) = importer.convert(headers: headers, rows: [row("B-1")],
                                             mapping: importer.suggestedMapping(for: headers), campaignID: 1,
                                             existing: existing)
        #expect(problems.map(\.reason) == [.answer(.duplicateSerial)])
    }
}

@Suite struct NeedsAnalysisTests {
    typealias F = SurveyFixture

    @Test func topicsAreRankedByCountAndShareAgainstAnIndependentCount() {
        var generator = SystemRandomNumberGenerator()
        var responses: [SurveyResponse] = []
        for i in 0..<250 {
            var answers = F.answers(serial: "R-\(i)", village: F.villages[i % 3], born: 1950 + i % 50)
            let codes = Array(Set((0..<Int.random(in: 1...4, using: &generator)).map { _ in Int.random(in: 1...16, using: &generator) }))
            answers["topics"] = .codes(codes)
            answers["sex"] = .codes([i % 2 + 1])
            responses.append(F.response(answers))
        }
        let campaign = SurveyCampaign(id: 1, centreID: 1, year: 2026, target: 300)
        let analysis = NeedsAnalysis.compute(responses, campaign: campaign)
        // Counted again, plainly.
        var expected: [Int: Int] = [:]
        for response in responses {
            for code in Set(response.answers["topics"]!.codes) { expected[code, default: 0] += 1 }
        }
        #expect(analysis.respondents == 250)
        #expect(Dictionary(uniqueKeysWithValues: analysis.topics.map { ($0.code, $0.count) }) == expected)
        #expect(zip(analysis.topics, analysis.topics.dropFirst()).allSatisfy { $0.count >= $1.count })
        for tally in analysis.topics { #expect(abs(tally.share - Double(tally.count) / 250) < 1e-9) }
        #expect(abs(analysis.coverage - 250.0 / 300) < 1e-9)

        let women = NeedsAnalysis.compute(responses, campaign: campaign, filter: NeedsFilter(sex: 2))
        #expect(women.respondents == 125)
        let xom2 = NeedsAnalysis.compute(responses, campaign: campaign, filter: NeedsFilter(village: "Xóm 2"))
        #expect(xom2.respondents == responses.filter { $0.village == "Xóm 2" }.count)
        let young = NeedsAnalysis.compute(responses, campaign: campaign, filter: NeedsFilter(ageBand: .from15to29))
        #expect(young.respondents == responses.filter { 2026 - $0.birthYear! <= 29 && 2026 - $0.birthYear! >= 15 }.count)
    }

    @Test func ageBands() {
        #expect(AgeBand.of(birthYear: 2012, in: 2026) == .under15)
        #expect(AgeBand.of(birthYear: 2011, in: 2026) == .from15to29)
        #expect(AgeBand.of(birthYear: 1966, in: 2026) == .over60)
        #expect(AgeBand.of(birthYear: 1967, in: 2026) == .from45to59)
    }

    @Test func theDemoSurveyShowsNeedsThatDifferByVillage() throws {
        let dataset = try DemoDataset.decode(AppResources.data("demo/demo.json"))
        let survey = try #require(dataset.centres.first { $0.centre.communeCode == 13918 }?.surveys.first)
        #expect(survey.responses.count == 300)
        let responses = survey.responses.map { SurveyResponse(campaignID: 1, answers: $0) }
        let engine = SurveyEngine(questionnaire: SurveyFixture.questionnaire,
                                  villages: (1...8).map { "Xóm \($0)" })
        #expect(responses.allSatisfy { engine.validate($0).filter { $0.severity == .error }.isEmpty })
        func top(_ village: String) -> Int? {
            NeedsAnalysis.compute(responses, campaign: survey.campaign, filter: NeedsFilter(village: village)).topics.first?.code
        }
        #expect(top("Xóm 1") == 3, "aquaculture on the coast")
        #expect(top("Xóm 5") == 1, "crops inland")
        #expect(top("Xóm 8") == 8, "IT by the town")
    }
}
