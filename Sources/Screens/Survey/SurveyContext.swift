import AppResources
import Domain
import Foundation

/// The questionnaire shipped in Resources/survey, loaded once.
enum ShippedQuestionnaire {
    static let current: Questionnaire? = try? Questionnaire.decode(AppResources.data("survey/questionnaire-v1.json"))
}

extension Strings {
    public func describe(_ problem: SurveyProblem) -> String {
        switch problem {
        case .required: return self[.problemRequired]
        case .unknownCode(let code): return self(.surveyUnknownCode, code)
        case .unknownVillage(let name): return self(.surveyUnknownVillage, name)
        case .outOfRange(let min, let max): return self(.surveyOutOfRange, min, max)
        case .tooMany(let max): return self(.surveyTooMany, max)
        case .notANumber(let text): return self(.surveyNotANumber, text)
        case .tooLong(let max): return self(.problemTooLong, max)
        case .duplicateSerial: return self[.surveyDuplicateSerial]
        case .possibleDuplicate(let serial): return self(.surveyPossibleDuplicate, serial)
        case .check(let text): return self.text(text)
        }
    }

    public func describe(_ reason: ImportProblem.Reason) -> String {
        switch reason {
        case .answer(let problem): return describe(problem)
        case .unknownColumn: return self[.importUnknownColumn]
        case .missingColumn: return self[.importMissingColumn]
        case .wrongCellCount(let expected, let found): return self(.importWrongCellCount, expected, found)
        case .duplicateInFile(let first): return self(.importDuplicateInFile, first + 1)
        case .controlCharacter(let scalar): return self(.importControlCharacter, String(format: "%04X", scalar))
        }
    }

    public func name(_ method: SurveyMethod) -> String {
        switch method {
        case .villageMeeting: return self[.methodVillageMeeting]
        case .householdForm: return self[.methodHouseholdForm]
        case .interview: return self[.methodInterview]
        case .mailbox: return self[.methodMailbox]
        case .socialNetwork: return self[.methodSocialNetwork]
        }
    }

    public func name(_ band: AgeBand) -> String {
        switch band {
        case .under15: return self[.ageUnder15]
        case .from15to29: return self[.age15to29]
        case .from30to44: return self[.age30to44]
        case .from45to59: return self[.age45to59]
        case .over60: return self[.age60plus]
        }
    }

    /// A choice's label in the user's language, or the bare code when the questionnaire does not know it.
    func label(of code: Int, in question: Question, _ questionnaire: Questionnaire) -> String {
        questionnaire.choices(for: question).first { $0.code == code }.map { text($0.label) } ?? "?\(code)"
    }
}
