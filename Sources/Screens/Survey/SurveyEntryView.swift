import Domain
import TerminalUI

/// Drawing of the entry screen: the questions on the left, the codes of the current question on the right.
extension SurveyEntryScreen {
    static let labelWidth = 24
    static let inputWidth = 11
    static let codesWidth = 27

    mutating func render(into buffer: inout ScreenBuffer, area: Rect, _ ctx: AppContext) -> Point? {
        let s = ctx.strings
        let theme = ctx.theme
        let count = savedCount + (editing == nil ? 1 : 0)
        let header = editing == nil ? s(.surveyFormNumber, count, campaign.target) : s(.surveyEditing, editing?.serial ?? "")
        buffer.write(header + " · " + campaign.title, x: area.x + 1, y: area.y, style: theme.labelFocused,
                     maxWidth: area.width - 2)
        let listWidth = area.width - Self.codesWidth - 1
        let rows = area.height - 1
        let current = answers
        if focus < scroll { scroll = focus }
        if focus >= scroll + rows { scroll = focus - rows + 1 }
        var cursor: Point?
        for line in 0..<rows {
            let index = scroll + line
            guard questionnaire.questions.indices.contains(index) else { break }
            let question = questionnaire.questions[index]
            let y = area.y + 1 + line
            let applies = engine.isRelevant(question, current)
            let focused = index == focus
            let message = messages[question.id]
            if let message {
                buffer.write(Marks.symbol(message.severity), x: area.x, y: y,
                             style: message.severity == .error ? theme.error : theme.warning)
            }
            var label = s.text(question.label)
            if question.required { label += " *" }
            buffer.write(label, x: area.x + 1, y: y, style: !applies ? theme.dim : (focused ? theme.labelFocused : theme.label),
                         maxWidth: Self.labelWidth - 1)
            let inputX = area.x + Self.labelWidth
            if !applies {
                buffer.write(s[.surveySkipped], x: inputX, y: y, style: theme.dim)
                continue
            }
            var field = inputs[question.id] ?? TextField()
            // Words get the whole width; codes a short box with their meaning beside it.
            let width = question.type == .text ? listWidth - Self.labelWidth - 1 : Self.inputWidth
            let point = field.render(into: &buffer, rect: Rect(x: inputX, y: y, width: width, height: 1),
                                     style: focused ? theme.inputFocused : theme.input, focused: focused)
            if focused { cursor = point }
            buffer.write(decoded(question, current[question.id], ctx), x: inputX + Self.inputWidth + 1, y: y,
                         style: theme.dim, maxWidth: listWidth - inputX - Self.inputWidth - 1)
        }
        renderCodes(into: &buffer, rect: Rect(x: area.maxX - Self.codesWidth, y: area.y + 1, width: Self.codesWidth,
                                              height: rows), ctx)
        return cursor
    }

    /// What the typed codes mean: "Nữ", "Trồng trọt, Tin học", "Xóm 3", "48 tuổi".
    func decoded(_ question: Question, _ answer: Answer?, _ ctx: AppContext) -> String {
        let s = ctx.strings
        guard let answer else { return "" }
        switch question.type {
        case .single, .multiple:
            return answer.codes.map { s.label(of: $0, in: question, questionnaire) }.joined(separator: ", ")
        case .year:
            return answer.number.map { s(.surveyAge, campaign.year - $0) } ?? ""
        case .village:
            return answer.text.map { centre.villages.contains($0) ? $0 : "?" } ?? ""
        case .integer, .text:
            return ""
        }
    }

    private func renderCodes(into buffer: inout ScreenBuffer, rect: Rect, _ ctx: AppContext) {
        let s = ctx.strings
        let theme = ctx.theme
        for y in rect.y..<rect.maxY { buffer.write("│", x: rect.x - 1, y: y, style: theme.border) }
        let lines = codeLines(ctx)
        // Long labels wrap under themselves ("13 Phòng chống tệ nạn / xã hội"), never cut mid-word.
        var rows: [String] = []
        for line in lines {
            let code = line.prefix(while: { $0 != " " })
            let indent = String(repeating: " ", count: code.count + 1)
            let wrapped = DisplayWidth.wrap(String(line.dropFirst(min(line.count, code.count + 1))),
                                            width: max(4, rect.width - 2 - indent.count))
            for (i, part) in wrapped.enumerated() { rows.append((i == 0 ? code + " " : indent) + part) }
        }
        let fits = rows.count <= rect.height
        for (i, line) in rows.prefix(fits ? rect.height : rect.height - 1).enumerated() {
            buffer.write(line, x: rect.x + 1, y: rect.y + i, style: theme.normal, maxWidth: rect.width - 1)
        }
        if !fits {
            buffer.write(s[.surveyMoreCodes], x: rect.x + 1, y: rect.maxY - 1, style: theme.dim, maxWidth: rect.width - 1)
        }
    }

    /// The codes of the focused question and what they mean, or what to type.
    func codeLines(_ ctx: AppContext) -> [String] {
        let s = ctx.strings
        let question = focusedQuestion
        var lines: [String] = []
        switch question.type {
        case .single, .multiple:
            lines = questionnaire.choices(for: question).map { "\($0.code) \(s.text($0.label))" }
            if let max = question.maxSelections { lines.append(s(.surveyUpTo, max)) }
        case .village:
            lines = centre.villages.enumerated().map { "\($0.offset + 1) \($0.element)" }
            if lines.isEmpty { lines = [s[.surveyNoVillages]] }
        case .year, .integer:
            if let min = question.min, let max = question.max { lines = [s(.surveyRange, min, max)] }
        case .text:
            lines = [s[.surveyFreeText]]
        }
        return lines
    }
}
