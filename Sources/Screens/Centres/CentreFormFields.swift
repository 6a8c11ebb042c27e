import Domain
import TerminalUI

/// The centre form's fields: built from a ``Centre`` and read back into one. Field ids are stable strings
/// so that messages from the validator can be put on the right line.
enum CentreFormFields {
    static func id(for field: CentreField) -> String {
        switch field {
        case .name: return "name"
        case .commune: return "commune"
        case .address: return "address"
        case .establishmentNumber: return "est.number"
        case .establishmentDate: return "est.date"
        case .establishmentIssuer: return "est.issuer"
        case .model: return "model"
        case .status: return "status"
        case .statusDecisionNumber: return "status.number"
        case .statusDecisionDate: return "status.date"
        case .statusReason: return "status.reason"
        case .mergedInto: return "mergedInto"
        case .venueName(let i): return "venue.\(i).name"
        case .venueVillage(let i): return "venue.\(i).village"
        case .facilityCount(let kind): return "fac.\(kind.rawValue)"
        case .otherFacilities: return "fac.otherText"
        }
    }

    @MainActor
    static func build(_ c: Centre, ctx: AppContext, otherCentres: [Centre]) -> [FormField] {
        let s = ctx.strings
        func text(_ id: String, _ label: StringKey, _ value: String, max: Int = 200, help: StringKey) -> FormField {
            FormField(id: id, label: s[label], control: .text(TextField(value, maxLength: max)), help: s[help])
        }
        func date(_ id: String, _ label: StringKey, _ value: LocalDate?, help: StringKey) -> FormField {
            FormField(id: id, label: s[label], control: .text(TextField(value?.vietnamese ?? "", maxLength: 10)),
                      help: s[help])
        }
        func section(_ id: String, _ label: StringKey) -> FormField {
            FormField(id: id, label: s[label], control: .section)
        }
        var communeItems = ctx.units.units(inProvince: ctx.office?.provinceCode ?? c.provinceCode).map {
            ChoiceItem(id: String($0.code), label: $0.name)
        }
        if let code = c.communeCode, ctx.units.unit(code: code) == nil {
            communeItems.insert(ChoiceItem(id: String(code), label: s(.communeNotInList, code)), at: 0)
        }
        var fields: [FormField] = [
            section("sec.general", .sectionGeneral),
            text("name", .fieldName, c.name, max: CentreValidator.maxNameLength, help: .helpFieldName),
            FormField(id: "commune", label: s[.fieldCommune],
                      control: .choice(selectedID: c.communeCode.map(String.init), items: communeItems),
                      help: s[.helpFieldCommune]),
            text("address", .fieldAddress, c.address, max: CentreValidator.maxTextLength, help: .helpFieldAddress),
            FormField(id: "model", label: s[.fieldModel], control: .choice(
                selectedID: c.model.rawValue,
                items: CentreModel.allCases.map { ChoiceItem(id: $0.rawValue, label: s.name($0)) }),
                      help: s[.helpFieldModel]),
            FormField(id: "pilot", label: s[.fieldPilot], control: .checkbox(c.isPilot), help: s[.helpFieldPilot]),
            section("sec.establishment", .sectionEstablishment),
            text("est.number", .fieldDecisionNumber, c.establishment.number, max: 60, help: .helpFieldDecisionNumber),
            date("est.date", .fieldDecisionDate, c.establishment.date, help: .helpFieldDecisionDate),
            text("est.issuer", .fieldDecisionIssuer, c.establishment.issuer, help: .helpFieldDecisionIssuer),
            section("sec.status", .sectionStatus),
            FormField(id: "status", label: s[.fieldStatus], control: .choice(
                selectedID: c.status.rawValue,
                items: CentreStatus.allCases.map { ChoiceItem(id: $0.rawValue, label: s.name($0)) }),
                      help: s[.helpFieldStatus]),
            text("status.number", .fieldStatusNumber, c.statusDecision.number, max: 60, help: .helpFieldStatusDecision),
            date("status.date", .fieldStatusDate, c.statusDecision.date, help: .helpFieldStatusDecision),
            text("status.issuer", .fieldStatusIssuer, c.statusDecision.issuer, help: .helpFieldStatusDecision),
            text("status.reason", .fieldStatusReason, c.statusReason, max: CentreValidator.maxTextLength,
                 help: .helpFieldStatusReason),
        ]
        if c.status == .merged {
            let items = VietnameseCollation.sorted(otherCentres, by: \.name).map {
                ChoiceItem(id: $0.code, label: $0.code + " " + $0.name)
            }
            fields.append(FormField(id: "mergedInto", label: s[.fieldMergedInto],
                                    control: .choice(selectedID: c.mergedInto, items: items),
                                    help: s[.helpFieldMergedInto]))
        }
        fields.append(section("sec.facilities", .sectionFacilities))
        for item in c.facilities {
            fields.append(FormField(
                id: "fac.\(item.kind.rawValue)", label: s.name(item.kind),
                control: .checkCount(present: item.present,
                                     count: TextField(item.count > 0 ? String(item.count) : "", maxLength: 4,
                                                      digitsOnly: true)),
                help: s[.helpFieldFacility]))
        }
        fields.append(text("fac.otherText", .fieldOtherFacilities, c.otherFacilities, max: 200,
                           help: .helpFieldOtherFacilities))
        fields.append(section("sec.villages", .sectionVillages))
        fields.append(FormField(id: "villages", label: s[.fieldVillages],
                                control: .text(TextField(c.villages.joined(separator: "; "), maxLength: 2000)),
                                help: s[.helpFieldVillages]))
        fields.append(section("sec.venues", .sectionVenues))
        let kinds = VenueKind.allCases.map { ChoiceItem(id: $0.rawValue, label: s.name($0)) }
        for (i, venue) in c.venues.enumerated() {
            fields.append(FormField(id: "venue.\(i).name", label: s(.fieldVenueName, i + 1),
                                    control: .text(TextField(venue.name, maxLength: 120)), help: s[.helpFieldVenue]))
            fields.append(FormField(id: "venue.\(i).kind", label: s[.fieldVenueKind],
                                    control: .choice(selectedID: venue.kind.rawValue, items: kinds),
                                    help: s[.helpFieldVenue]))
            fields.append(FormField(id: "venue.\(i).village", label: s[.fieldVenueVillage],
                                    control: .text(TextField(venue.village, maxLength: 80)), help: s[.helpFieldVenue]))
        }
        fields.append(FormField(id: "venue.add", label: s[.fieldAddVenue], control: .button(s[.fieldAddVenueButton]),
                                help: s[.helpFieldAddVenue]))
        return fields
    }

    /// The centre the form describes, on top of `base`, and the fields that could not be read (dates).
    static func read(_ form: Form, base: Centre) -> (Centre, [CentreIssue]) {
        var c = base
        var issues: [CentreIssue] = []
        func date(_ id: String, _ field: CentreField) -> LocalDate? {
            let typed = form.text(id).trimmingCharacters(in: .whitespaces)
            guard !typed.isEmpty else { return nil }
            guard let value = LocalDate(typed: typed) else {
                issues.append(CentreIssue(field, .dateInvalid))
                return nil
            }
            return value
        }
        c.name = form.text("name")
        c.communeCode = form.choice("commune").flatMap { Int($0) }
        c.address = form.text("address")
        c.model = form.choice("model").flatMap(CentreModel.init(rawValue:)) ?? .rural
        c.isPilot = form.isChecked("pilot")
        c.establishment = Decision(number: form.text("est.number"), date: date("est.date", .establishmentDate),
                                   issuer: form.text("est.issuer"))
        c.status = form.choice("status").flatMap(CentreStatus.init(rawValue:)) ?? .active
        c.statusDecision = Decision(number: form.text("status.number"),
                                    date: date("status.date", .statusDecisionDate), issuer: form.text("status.issuer"))
        c.statusReason = form.text("status.reason")
        c.mergedInto = form.index(of: "mergedInto") != nil ? form.choice("mergedInto") : base.mergedInto
        c.facilities = FacilityKind.allCases.map { kind in
            let id = "fac.\(kind.rawValue)"
            return FacilityItem(kind: kind, present: form.isChecked(id), count: Int(form.text(id)) ?? 0)
        }
        c.otherFacilities = form.text("fac.otherText")
        c.villages = form.text("villages").split(separator: ";").map { String($0).cleanedInput }.filter { !$0.isEmpty }
        var venues: [Venue] = []
        var i = 0
        while form.index(of: "venue.\(i).name") != nil {
            venues.append(Venue(name: form.text("venue.\(i).name"),
                                kind: form.choice("venue.\(i).kind").flatMap(VenueKind.init(rawValue:)) ?? .other,
                                village: form.text("venue.\(i).village")))
            i += 1
        }
        c.venues = venues
        return (c, issues)
    }
}
