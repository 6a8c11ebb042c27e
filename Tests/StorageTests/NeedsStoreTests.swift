import AppResources
import Domain
import Foundation
import Testing
@testable import Storage

/// Forms in a campaign, some imported, some keyed, edited and deleted, generated from a seed.
struct SurveyFixture {
    static let questionnaire = try! Questionnaire.decode(AppResources.data("survey/questionnaire-v1.json"))
    static let villages = ["Xóm 1", "Xóm 2", "Thôn Đông", "Thôn Đoài", "Tổ dân phố 5"]
    let moment = Date(timeIntervalSince1970: 1_763_700_000)
    let database: AppDatabase
    var centres: [Centre] = []
    var campaigns: [SurveyCampaign] = []

    init(database: AppDatabase) { self.database = database }

    mutating func centre(province: Int, commune: Int) throws -> Centre {
        let centre = try database.saveCentre(Centre(name: "TT \(commune)", provinceCode: province, communeCode: commune,
                                                    villages: Self.villages), by: clerk, at: moment)
        centres.append(centre)
        return centre
    }

    mutating func campaign(_ centre: Centre, year: Int) throws -> SurveyCampaign {
        let campaign = try database.saveCampaign(SurveyCampaign(centreID: centre.id!, year: year, title: "KS \(year)",
                                                                target: 500), by: clerk, at: moment)
        campaigns.append(campaign)
        return campaign
    }

    func forms(_ campaign: SurveyCampaign, count: Int, seed: UInt64, prefix: String) -> [SurveyResponse] {
        var random = SeededRandom(seed: seed)
        let sampler = SampleForms(engine: SurveyEngine(questionnaire: Self.questionnaire, villages: Self.villages),
                                  year: campaign.year)
        return (1...count).map { sampler.form(serial: "\(prefix)-\($0)", campaignID: campaign.id!, using: &random) }
    }
}

@Suite struct NeedsStoreTests {
    /// Every filter the needs screen offers, alone and together.
    static var filters: [NeedsFilter] {
        var result: [NeedsFilter] = []
        for village in [nil, "Xóm 1", "Thôn Đoài"] {
            for sex in [nil, 1, 2] {
                for band in [nil] + AgeBand.allCases.map(Optional.some) {
                    for occupation in [nil, 1, 4] {
                        result.append(NeedsFilter(village: village, sex: sex, ageBand: band, occupation: occupation))
                    }
                }
            }
        }
        return result
    }

    @Test func theStoredCountsGiveTheSameAnalysisAsCountingEveryForm() throws {
        var fixture = SurveyFixture(database: try AppDatabase.inMemory())
        let centre = try fixture.centre(province: 37, commune: 13891)
        let campaign = try fixture.campaign(centre, year: 2026)
        let database = fixture.database
        try database.importResponses(fixture.forms(campaign, count: 600, seed: 1, prefix: "A"), by: clerk, at: fixture.moment)
        for form in fixture.forms(campaign, count: 80, seed: 2, prefix: "B") {
            try database.saveResponse(form, by: clerk, at: fixture.moment)
        }
        // Edits that move forms between cells, and deletions.
        let stored = try database.responses(campaignID: campaign.id!)
        let others = fixture.forms(campaign, count: 40, seed: 3, prefix: "C")
        for (index, form) in stored.prefix(40).enumerated() {
            var edited = others[index]
            edited.id = form.id
            edited.answers["serial"] = form.answers["serial"]
            try database.saveResponse(edited, by: clerk, at: fixture.moment)
        }
        for form in stored.suffix(30) { try database.deleteResponse(id: form.id!, by: clerk, at: fixture.moment) }
        let forms = try database.responses(campaignID: campaign.id!)
        #expect(forms.count == 650)
        for filter in Self.filters {
            let counted = NeedsAnalysis.compute(forms, campaign: campaign, filter: filter)
            #expect(try database.needsAnalysis(campaignIDs: [campaign.id!], filter: filter) == counted, "\(filter)")
        }
        // A new year moves every respondent to the age band of that year.
        var moved = campaign
        moved.year = 2025
        try database.saveCampaign(moved, by: clerk, at: fixture.moment)
        for filter in Self.filters where filter.ageBand != nil {
            #expect(try database.needsAnalysis(campaignIDs: [campaign.id!], filter: filter)
                == NeedsAnalysis.compute(forms, campaign: moved, filter: filter), "\(filter)")
        }
    }

    @Test func aProvinceIsTheSumOfItsCentres() throws {
        var fixture = SurveyFixture(database: try AppDatabase.inMemory())
        var inProvince: [SurveyResponse] = []
        for (index, commune) in [13891, 13894, 13897].enumerated() {
            let campaign = try fixture.campaign(try fixture.centre(province: 37, commune: commune), year: 2026)
            let forms = fixture.forms(campaign, count: 150 + 50 * index, seed: UInt64(10 + index), prefix: "P")
            try fixture.database.importResponses(forms, by: clerk, at: fixture.moment)
            inProvince += forms
        }
        let elsewhere = try fixture.campaign(try fixture.centre(province: 1, commune: 4), year: 2026)
        try fixture.database.importResponses(fixture.forms(elsewhere, count: 90, seed: 20, prefix: "Q"), by: clerk,
                                             at: fixture.moment)
        let lastYear = try fixture.campaign(fixture.centres[0], year: 2025)
        try fixture.database.importResponses(fixture.forms(lastYear, count: 70, seed: 21, prefix: "R"), by: clerk,
                                             at: fixture.moment)
        var combined = fixture.campaigns[0]
        combined.target = 1500
        for filter in [NeedsFilter(), NeedsFilter(sex: 1), NeedsFilter(ageBand: .over60, occupation: 1)] {
            let (analysis, campaigns) = try fixture.database.needsAnalysis(provinceCode: 37, year: 2026, filter: filter)
            #expect(campaigns == 3)
            #expect(analysis == NeedsAnalysis.compute(inProvince, campaign: combined, filter: filter), "\(filter)")
        }
        let everywhere = try fixture.database.needsAnalysis(provinceCode: nil, year: 2026)
        #expect(everywhere.campaigns == 4)
        #expect(everywhere.analysis.respondents == inProvince.count + 90)
    }

    @Test func keyedEntryAsksTheIndexesWhatItAskedOfEveryForm() throws {
        var fixture = SurveyFixture(database: try AppDatabase.inMemory())
        let campaign = try fixture.campaign(try fixture.centre(province: 37, commune: 13891), year: 2026)
        let database = fixture.database
        try database.importResponses(fixture.forms(campaign, count: 300, seed: 5, prefix: "K"), by: clerk, at: fixture.moment)
        let forms = try database.responses(campaignID: campaign.id!)
        let memory = FormsInMemory(forms)
        let stored = database.storedForms(campaignID: campaign.id!)
        for form in forms.prefix(60) + fixture.forms(campaign, count: 40, seed: 6, prefix: "K") {
            for id in [nil, form.id] {
                #expect(try stored.serialTaken(form.serial, except: id) == memory.serialTaken(form.serial, except: id))
                if let key = form.personKey {
                    #expect(try stored.twinSerial(personKey: key, except: id)
                        == memory.twinSerial(personKey: key, except: id))
                }
            }
        }
        #expect(try database.responseCount(campaignID: campaign.id!) == 300)
        #expect(try database.lastResponse(campaignID: campaign.id!) == forms.last)
    }
}
