import Domain
import TerminalUI

/// One field of a form over `Model`, declared once: its description (typed id, label, help, kind) and how its
/// value is read from the model and written back into it.
struct FieldBinding<Model, ID: Hashable & Sendable> {
    let spec: FieldSpec<ID>
    let read: (Model) -> FieldValue?
    /// Writes what was typed into the model; returns the problem when the text cannot be read (a date, a number).
    let write: (inout Model, FieldValue) -> String?
}

/// The fields of a form over a model: what builds the form from a record and reads the record back. Two are equal
/// when they describe the same fields: the reading and writing follow from the description. The closures are pure
/// functions of their arguments and of immutable captured values (words, key paths), hence safe to share.
struct FormBindings<Model, ID: Hashable & Sendable>: Equatable, @unchecked Sendable {
    static func == (lhs: FormBindings, rhs: FormBindings) -> Bool { lhs.specs == rhs.specs }

    var fields: [FieldBinding<Model, ID>]

    init(_ fields: [FieldBinding<Model, ID>]) { self.fields = fields }

    var specs: [FieldSpec<ID>] { fields.map(\.spec) }

    func values(_ model: Model) -> [ID: FieldValue] {
        var values: [ID: FieldValue] = [:]
        for field in fields { if let value = field.read(model) { values[field.spec.id] = value } }
        return values
    }

    func form(_ model: Model) -> Form<ID> { Form(specs, values: values(model)) }

    /// The record the form describes, on top of `base`, and the fields whose text could not be read, with why.
    func read(_ form: Form<ID>, into base: Model) -> (Model, [(id: ID, problem: String)]) {
        var model = base
        var problems: [(id: ID, problem: String)] = []
        for field in fields {
            guard form.contains(field.spec.id), let value = form[field.spec.id] else { continue }
            if let problem = field.write(&model, value) { problems.append((field.spec.id, problem)) }
        }
        return (model, problems)
    }
}

/// Builds the usual kinds of field over key paths of a model, with the catalog's words for what cannot be read.
@MainActor
struct FieldMaker<Model, ID: Hashable & Sendable> {
    let strings: Strings

    init(_ ctx: AppContext) { strings = ctx.strings }

    func section(_ id: ID, _ label: String) -> FieldBinding<Model, ID> {
        FieldBinding(spec: FieldSpec(id, label: label, kind: .section), read: { _ in nil }, write: { _, _ in nil })
    }

    func readOnly(_ id: ID, _ label: String, _ value: String) -> FieldBinding<Model, ID> {
        FieldBinding(spec: FieldSpec(id, label: label, kind: .readOnly(value)), read: { _ in nil },
                     write: { _, _ in nil })
    }

    func text(_ id: ID, _ label: String, help: String, _ path: WritableKeyPath<Model, String>, max: Int = 200,
              secure: Bool = false) -> FieldBinding<Model, ID> {
        FieldBinding(spec: FieldSpec(id, label: label, help: help, kind: .text(maxLength: max, secure: secure)),
                     read: { .text($0[keyPath: path]) },
                     write: { model, value in
                         if case .text(let typed) = value { model[keyPath: path] = typed }
                         return nil
                     })
    }

    /// A count or an amount: digits only; empty means 0.
    func number(_ id: ID, _ label: String, help: String, _ path: WritableKeyPath<Model, Int>, digits: Int = 6)
        -> FieldBinding<Model, ID>
    {
        let invalid = strings[.problemNotANumber]
        return FieldBinding(spec: FieldSpec(id, label: label, help: help, kind: .text(maxLength: digits, digitsOnly: true)),
                            read: { .text(String($0[keyPath: path])) },
                            write: { model, value in
                                guard case .text(let typed) = value else { return nil }
                                if typed.isEmpty { model[keyPath: path] = 0; return nil }
                                guard let number = Int(typed) else { return invalid }
                                model[keyPath: path] = number
                                return nil
                            })
    }

    /// A number that may be left empty (a birth year, a month).
    func optionalNumber(_ id: ID, _ label: String, help: String, _ path: WritableKeyPath<Model, Int?>, digits: Int = 4)
        -> FieldBinding<Model, ID>
    {
        let invalid = strings[.problemNotANumber]
        return FieldBinding(spec: FieldSpec(id, label: label, help: help, kind: .text(maxLength: digits, digitsOnly: true)),
                            read: { .text($0[keyPath: path].map(String.init) ?? "") },
                            write: { model, value in
                                guard case .text(let typed) = value else { return nil }
                                if typed.isEmpty { model[keyPath: path] = nil; return nil }
                                guard let number = Int(typed) else { return invalid }
                                model[keyPath: path] = number
                                return nil
                            })
    }

    /// A date typed dd/mm/yyyy; empty means none.
    func date(_ id: ID, _ label: String, help: String, _ path: WritableKeyPath<Model, LocalDate?>)
        -> FieldBinding<Model, ID>
    {
        let invalid = strings[.problemDateInvalid]
        return FieldBinding(spec: FieldSpec(id, label: label, help: help, kind: .text(maxLength: 10)),
                            read: { .text($0[keyPath: path]?.vietnamese ?? "") },
                            write: { model, value in
                                guard case .text(let typed) = value else { return nil }
                                let trimmed = typed.trimmingCharacters(in: .whitespaces)
                                if trimmed.isEmpty { model[keyPath: path] = nil; return nil }
                                guard let date = LocalDate(typed: trimmed) else { return invalid }
                                model[keyPath: path] = date
                                return nil
                            })
    }

    func flag(_ id: ID, _ label: String, help: String, _ path: WritableKeyPath<Model, Bool>) -> FieldBinding<Model, ID> {
        FieldBinding(spec: FieldSpec(id, label: label, help: help, kind: .checkbox),
                     read: { .flag($0[keyPath: path]) },
                     write: { model, value in
                         if case .flag(let on) = value { model[keyPath: path] = on }
                         return nil
                     })
    }

    /// One value of an enumeration, picked from a list of its names.
    func choice<E: RawRepresentable & CaseIterable>(_ id: ID, _ label: String, help: String,
                                                    _ path: WritableKeyPath<Model, E>, name: (E) -> String)
        -> FieldBinding<Model, ID> where E.RawValue == String
    {
        let items = E.allCases.map { ChoiceItem(id: $0.rawValue, label: name($0)) }
        return FieldBinding(spec: FieldSpec(id, label: label, help: help, kind: .choice(items)),
                            read: { .choice($0[keyPath: path].rawValue) },
                            write: { model, value in
                                if case .choice(let raw?) = value, let picked = E(rawValue: raw) {
                                    model[keyPath: path] = picked
                                }
                                return nil
                            })
    }

    /// A text picked from a list (a venue, a person), or none.
    func pick(_ id: ID, _ label: String, help: String, _ path: WritableKeyPath<Model, String>, items: [ChoiceItem])
        -> FieldBinding<Model, ID>
    {
        FieldBinding(spec: FieldSpec(id, label: label, help: help, kind: .choice(items)),
                     read: { .choice($0[keyPath: path].isEmpty ? nil : $0[keyPath: path]) },
                     write: { model, value in
                         if case .choice(let picked) = value { model[keyPath: path] = picked ?? "" }
                         return nil
                     })
    }

    /// An id picked from a list, or none (a province, a commune, a campaign).
    func option(_ id: ID, _ label: String, help: String, _ path: WritableKeyPath<Model, String?>, items: [ChoiceItem])
        -> FieldBinding<Model, ID>
    {
        FieldBinding(spec: FieldSpec(id, label: label, help: help, kind: .choice(items)),
                     read: { .choice($0[keyPath: path]) },
                     write: { model, value in
                         if case .choice(let picked) = value { model[keyPath: path] = picked }
                         return nil
                     })
    }

    /// An amount of money in đồng, typed with or without thousands dots ("1.500.000"); empty means 0.
    func amount(_ id: ID, _ label: String, help: String, _ path: WritableKeyPath<Model, Int>) -> FieldBinding<Model, ID> {
        let invalid = strings[.problemNotAnAmount]
        // Nothing yet shows as an empty field, not "0": typing 5000000 after a 0 gave 05000000.
        return FieldBinding(spec: FieldSpec(id, label: label, help: help, kind: .text(maxLength: 15)),
                            read: { $0[keyPath: path] == 0 ? .text("") : .text(String($0[keyPath: path])) },
                            write: { model, value in
                                guard case .text(let typed) = value else { return nil }
                                let digits = typed.filter { $0 != "." && $0 != " " }
                                if digits.isEmpty { model[keyPath: path] = 0; return nil }
                                guard let number = Int(digits) else { return invalid }
                                model[keyPath: path] = number
                                return nil
                            })
    }

    /// The villages (thôn, tổ dân phố) typed on one line: "Thôn 1; Thôn 2; Xóm Chợ".
    func villages(_ id: ID, _ label: String, help: String, _ path: WritableKeyPath<Model, [String]>)
        -> FieldBinding<Model, ID>
    {
        FieldBinding(spec: FieldSpec(id, label: label, help: help, kind: .text(maxLength: 2000)),
                     read: { .text($0[keyPath: path].joined(separator: "; ")) },
                     write: { model, value in
                         if case .text(let typed) = value {
                             model[keyPath: path] = typed.split(separator: ";").map { String($0).cleanedInput }
                                 .filter { !$0.isEmpty }
                         }
                         return nil
                     })
    }
}
