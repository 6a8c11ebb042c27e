import Domain
import TerminalUI

/// The fields of the centre form, by typed id.
enum CentreFormField: Hashable, Sendable {
    enum Section: Hashable, Sendable { case general, establishment, status, facilities, villages, venues }

    case section(Section)
    case name, commune, address, model, pilot
    case establishmentNumber, establishmentDate, establishmentIssuer
    case status, statusNumber, statusDate, statusIssuer, statusReason, mergedInto
    case facility(FacilityKind), otherFacilities, villages
    case venueName(Int), venueKind(Int), venueVillage(Int), addVenue

    /// The field a validator's finding belongs to.
    init(_ field: CentreField) {
        switch field {
        case .name: self = .name
        case .commune: self = .commune
        case .address: self = .address
        case .establishmentNumber: self = .establishmentNumber
        case .establishmentDate: self = .establishmentDate
        case .establishmentIssuer: self = .establishmentIssuer
        case .model: self = .model
        case .status: self = .status
        case .statusDecisionNumber: self = .statusNumber
        case .statusDecisionDate: self = .statusDate
        case .statusReason: self = .statusReason
        case .mergedInto: self = .mergedInto
        case .venueName(let i): self = .venueName(i)
        case .venueVillage(let i): self = .venueVillage(i)
        case .facilityCount(let kind): self = .facility(kind)
        case .otherFacilities: self = .otherFacilities
        }
    }

    /// The venue a field belongs to, if any.
    var venueIndex: Int? {
        switch self {
        case .venueName(let i), .venueKind(let i), .venueVillage(let i): return i
        default: return nil
        }
    }

    /// The domain's name of the field, for the fields that are read back as dates.
    var dateField: CentreField? {
        switch self {
        case .establishmentDate: return .establishmentDate
        case .statusDate: return .statusDecisionDate
        default: return nil
        }
    }
}

/// The centre form's fields over a ``Centre``: each declared once with its words, its kind, and how it is read
/// from the centre and written back. The list depends on the centre (its venues; "merged into" only when merged).
enum CentreFormFields {
    @MainActor
    static func bindings(for c: Centre, ctx: AppContext, otherCentres: [Centre]) -> FormBindings<Centre, CentreFormField> {
        let s = ctx.strings
        let make = FieldMaker<Centre, CentreFormField>(ctx)
        var communeItems = ctx.units.units(inProvince: ctx.office?.provinceCode ?? c.provinceCode).map {
            ChoiceItem(id: String($0.code), label: $0.name)
        }
        if let code = c.communeCode, ctx.units.unit(code: code) == nil {
            communeItems.insert(ChoiceItem(id: String(code), label: s(.communeNotInList, code)), at: 0)
        }
        var list: [FieldBinding<Centre, CentreFormField>] = [
            make.section(.section(.general), s[.sectionGeneral]),
            make.text(.name, s[.fieldName], help: s[.helpFieldName], \.name, max: CentreValidator.maxNameLength),
            FieldBinding(spec: FieldSpec(.commune, label: s[.fieldCommune], help: s[.helpFieldCommune],
                                         kind: .choice(communeItems)),
                         read: { .choice($0.communeCode.map(String.init)) },
                         write: { centre, value in
                             if case .choice(let picked) = value { centre.communeCode = picked.flatMap { Int($0) } }
                             return nil
                         }),
            make.text(.address, s[.fieldAddress], help: s[.helpFieldAddress], \.address, max: CentreValidator.maxTextLength),
            make.choice(.model, s[.fieldModel], help: s[.helpFieldModel], \.model, name: s.name),
            make.flag(.pilot, s[.fieldPilot], help: s[.helpFieldPilot], \.isPilot),
            make.section(.section(.establishment), s[.sectionEstablishment]),
            make.text(.establishmentNumber, s[.fieldDecisionNumber], help: s[.helpFieldDecisionNumber],
                      \.establishment.number, max: 60),
            make.date(.establishmentDate, s[.fieldDecisionDate], help: s[.helpFieldDecisionDate], \.establishment.date),
            make.text(.establishmentIssuer, s[.fieldDecisionIssuer], help: s[.helpFieldDecisionIssuer],
                      \.establishment.issuer),
            make.section(.section(.status), s[.sectionStatus]),
            make.choice(.status, s[.fieldStatus], help: s[.helpFieldStatus], \.status, name: s.name),
            make.text(.statusNumber, s[.fieldStatusNumber], help: s[.helpFieldStatusDecision], \.statusDecision.number,
                      max: 60),
            make.date(.statusDate, s[.fieldStatusDate], help: s[.helpFieldStatusDecision], \.statusDecision.date),
            make.text(.statusIssuer, s[.fieldStatusIssuer], help: s[.helpFieldStatusDecision], \.statusDecision.issuer),
            make.text(.statusReason, s[.fieldStatusReason], help: s[.helpFieldStatusReason], \.statusReason,
                      max: CentreValidator.maxTextLength),
        ]
        if c.status == .merged {
            let items = VietnameseCollation.sorted(otherCentres, by: \.name).map {
                ChoiceItem(id: $0.code, label: $0.code + " " + $0.name)
            }
            list.append(make.option(.mergedInto, s[.fieldMergedInto], help: s[.helpFieldMergedInto], \.mergedInto,
                                    items: items))
        }
        list.append(make.section(.section(.facilities), s[.sectionFacilities]))
        for kind in FacilityKind.allCases {
            list.append(FieldBinding(
                spec: FieldSpec(.facility(kind), label: s.name(kind), help: s[.helpFieldFacility], kind: .checkCount(maxDigits: 4)),
                read: { centre in
                    let item = centre.facilities.first { $0.kind == kind }
                    return .count(present: item?.present ?? false, count: (item?.count ?? 0) > 0 ? String(item!.count) : "")
                },
                write: { centre, value in
                    guard case .count(let present, let count) = value else { return nil }
                    let item = FacilityItem(kind: kind, present: present, count: Int(count) ?? 0)
                    if let index = centre.facilities.firstIndex(where: { $0.kind == kind }) {
                        centre.facilities[index] = item
                    } else {
                        centre.facilities.append(item)
                    }
                    return nil
                }))
        }
        list += [
            make.text(.otherFacilities, s[.fieldOtherFacilities], help: s[.helpFieldOtherFacilities], \.otherFacilities),
            make.section(.section(.villages), s[.sectionVillages]),
            make.villages(.villages, s[.fieldVillages], help: s[.helpFieldVillages], \.villages),
            make.section(.section(.venues), s[.sectionVenues]),
        ]
        for i in c.venues.indices {
            list += [
                make.text(.venueName(i), s(.fieldVenueName, i + 1), help: s[.helpFieldVenue], \.venues[i].name, max: 120),
                make.choice(.venueKind(i), s[.fieldVenueKind], help: s[.helpFieldVenue], \.venues[i].kind, name: s.name),
                make.text(.venueVillage(i), s[.fieldVenueVillage], help: s[.helpFieldVenue], \.venues[i].village, max: 80),
            ]
        }
        list.append(FieldBinding(spec: FieldSpec(.addVenue, label: s[.fieldAddVenue], help: s[.helpFieldAddVenue],
                                                 kind: .button(s[.fieldAddVenueButton])),
                                 read: { _ in nil }, write: { _, _ in nil }))
        return FormBindings(list)
    }
}
