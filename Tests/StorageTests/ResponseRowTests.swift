import Domain
import Foundation
import Testing
@testable import Storage

/// The responses list shows list rows read from columns and SQL (``ResponseRow``), where it once decoded every
/// form: on generated forms, imported, keyed and edited, each row says what its form says.
@Suite struct ResponseRowTests {
    @Test func eachRowSaysWhatItsFormSays() throws {
        var fixture = SurveyFixture(database: try AppDatabase.inMemory())
        let centre = try fixture.centre(province: 37, commune: 13891)
        let campaign = try fixture.campaign(centre, year: 2026)
        let database = fixture.database
        try database.importResponses(fixture.forms(campaign, count: 300, seed: 5, prefix: "A"), by: clerk, at: fixture.moment)
        for form in fixture.forms(campaign, count: 30, seed: 6, prefix: "B") {
            try database.saveResponse(form, by: clerk, at: fixture.moment)
        }
        let forms = try database.responses(campaignID: campaign.id!)
        let rows = try database.responseRows(campaignID: campaign.id!)
        #expect(rows.count == forms.count)
        #expect(forms.contains { ($0.answers["topics"]?.codes.count ?? 0) > 1 }, "some forms want several topics")
        for (row, form) in zip(rows, forms) {
            #expect(row.id == form.id)
            #expect(row.serial == form.serial)
            #expect(row.respondentName == form.respondentName)
            #expect(row.village == form.village)
            #expect(row.birthYear == form.birthYear)
            #expect(row.topics == (form.answers["topics"]?.codes ?? []))
            #expect(row.searchable == SearchableText(form.serial + " " + form.respondentName + " " + form.village))
        }
    }

    @Test func oneFormIsReadByItsId() throws {
        var fixture = SurveyFixture(database: try AppDatabase.inMemory())
        let campaign = try fixture.campaign(try fixture.centre(province: 37, commune: 13891), year: 2026)
        try fixture.database.importResponses(fixture.forms(campaign, count: 20, seed: 7, prefix: "A"), by: clerk,
                                             at: fixture.moment)
        let forms = try fixture.database.responses(campaignID: campaign.id!)
        for form in forms { #expect(try fixture.database.response(id: form.id!) == form) }
        #expect(try fixture.database.response(id: 999_999) == nil)
    }
}
