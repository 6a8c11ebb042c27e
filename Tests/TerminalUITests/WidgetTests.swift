import Testing
@testable import TerminalUI

@Suite struct ChoiceListTests {
    let items = ["Xã Nghĩa Hưng", "Xã Nghĩa Lâm", "Xã Nghĩa Sơn", "Phường Hoa Lư", "Xã Đồng Thái"].enumerated().map {
        ChoiceItem(id: String($0.offset), label: $0.element)
    }

    @Test func typingFiltersIgnoringMarks() {
        var list = ChoiceList(items: items)
        for c in "nghia" { _ = list.handle(.char(c)) }
        #expect(list.visible.map { items[$0].label } == ["Xã Nghĩa Hưng", "Xã Nghĩa Lâm", "Xã Nghĩa Sơn"])
        _ = list.handle(.down)
        do { let outcome = list.handle(.enter); #expect(outcome == .picked(items[1])) }
        var d = ChoiceList(items: items, filter: "dong")
        #expect(d.selectedItem?.label == "Xã Đồng Thái")
        do { let outcome = d.handle(.escape); #expect(outcome == .cancelled) }
    }

    @Test func typingPutsTheFirstMatchUnderTheCursor() {
        // "c" matches "Khác", the current choice; typing on must not leave the cursor on an old position.
        let labels = ["Chủ tịch UBND", "Phó Chủ tịch UBND", "Chủ tịch hội", "Phó Chủ tịch hội", "Khác"]
        var list = ChoiceList(items: labels.map { ChoiceItem(id: $0, label: $0) }, selectedID: "Khác", filter: "c")
        for c in "hu tich hoi" { _ = list.handle(.char(c)) }
        #expect(list.selectedItem?.label == "Chủ tịch hội")
        #expect(ChoiceList(items: labels.map { ChoiceItem(id: $0, label: $0) }, selectedID: "Khác").selectedItem?.label
            == "Khác", "with no filter the list opens on the current choice")
    }

    @Test func noMatchPicksNothing() {
        var list = ChoiceList(items: items, filter: "zzz")
        #expect(list.visible.isEmpty)
        do { let outcome = list.handle(.enter); #expect(outcome == .handled) }
        _ = list.handle(.backspace)
        _ = list.handle(.backspace)
        _ = list.handle(.backspace)
        #expect(list.visible.count == items.count)
    }
}

@Suite struct FormTests {
    enum F: Hashable, Sendable { case s, name, pilot, model, count, add }

    func sample() -> Form<F> {
        Form([
            FieldSpec(.s, label: "Phần", kind: .section),
            FieldSpec(.name, label: "Tên", kind: .text(maxLength: 500)),
            FieldSpec(.pilot, label: "Thí điểm", kind: .checkbox),
            FieldSpec(.model, label: "Mô hình", kind: .choice([
                ChoiceItem(id: "rural", label: "Nông thôn"), ChoiceItem(id: "mountain", label: "Miền núi"),
            ])),
            FieldSpec(.count, label: "Tủ sách", kind: .checkCount(maxDigits: 4)),
            FieldSpec(.add, label: "Thêm", kind: .button("+")),
        ])
    }

    @Test func focusSkipsSectionsAndReportsTheFieldLeft() {
        var form = sample()
        #expect(form.focusedID == .name)
        do { let outcome = form.handle(.char("A")); #expect(outcome == .changed(.name)) }
        do { let outcome = form.handle(.tab); #expect(outcome == .left(.name)) }
        #expect(form.focusedID == .pilot)
        do { let outcome = form.handle(.backTab); #expect(outcome == .left(.pilot)) }
        do { let outcome = form.handle(.up); #expect(outcome == .handled, "nothing focusable above the first field") }
        #expect(form.focusedID == .name)
        #expect(form.isModified)
    }

    @Test func checkboxesToggleWithSpace() {
        var form = sample()
        form.focus(on: .pilot)
        do { let outcome = form.handle(.char(" ")); #expect(outcome == .changed(.pilot)) }
        #expect(form.isChecked(.pilot))
    }

    @Test func choicesOpenOnTypingAndPickWithEnter() {
        var form = sample()
        form.focus(on: .model)
        do { let outcome = form.handle(.char("m")); #expect(outcome == .handled) }
        #expect(form.popup != nil)
        #expect(form.popup?.visible.count == 1)
        do { let outcome = form.handle(.enter); #expect(outcome == .changed(.model)) }
        #expect(form.choice(.model) == "mountain")
        #expect(form.popup == nil)
        do { let outcome = form.handle(.delete); #expect(outcome == .changed(.model)) }
        #expect(form.choice(.model) == nil)
    }

    @Test func countsTickTheirBoxAndButtonsActivate() {
        var form = sample()
        form.focus(on: .count)
        _ = form.handle(.char("3"))
        #expect(form.text(.count) == "3")
        #expect(form.isChecked(.count))
        _ = form.handle(.tab)
        do { let outcome = form.handle(.enter); #expect(outcome == .activated(.add)) }
    }

    @Test func aReadOnlyFormMovesButChangesNothing() {
        var form = sample()
        form.isReadOnly = true
        do { let outcome = form.handle(.char("A")); #expect(outcome == .ignored) }
        #expect(form.text(.name).isEmpty)
        do { let outcome = form.handle(.tab); #expect(outcome == .left(.name)) }
        do { let outcome = form.handle(.char(" ")); #expect(outcome == .ignored) }
        #expect(!form.isChecked(.pilot))
        #expect(!form.isModified)
    }

    @Test func reshapingKeepsWhatWasTypedInFieldsThatRemain() {
        var form = sample()
        _ = form.handle(.char("X"))
        form.setMessage(FieldMessage("sai"), for: .name)
        form.reshape(Array(sample().specs.prefix(3)), focusOn: .pilot)
        #expect(form.text(.name) == "X")
        #expect(form.message(.name)?.text == "sai")
        #expect(!form.contains(.model))
        #expect(form.focusedID == .pilot)
    }

    @Test func rendersLabelsValuesAndMarkers() {
        var form = sample()
        form.setText(.name, to: "Trung tâm học tập cộng đồng xã Nghĩa Hưng")
        form.setMessage(FieldMessage("Không được để trống."), for: .pilot)
        form.focus(on: .count)
        var buffer = ScreenBuffer(size: Size(width: 40, height: 6))
        let labels = Form<F>.Labels(filter: "Lọc:", noMatch: "—", none: "(chưa chọn)")
        let cursor = form.render(into: &buffer, rect: Rect(x: 0, y: 0, width: 40, height: 6), theme: .monochrome,
                                 labels: labels)
        #expect(buffer.line(0) == "Phần")
        #expect(buffer.line(1).hasPrefix("  Tên       Trung"), "values start two blanks after the longest label")
        #expect(buffer.line(1).hasSuffix("Trung tâm học tập cộng đồng›"), "a text field shows › where it goes on")
        #expect(DisplayWidth.of(buffer.line(1)) <= 40)
        #expect(buffer.line(2).hasPrefix("✗ Thí điểm"))
        #expect(buffer.line(3).contains("(chưa chọn)"))
        #expect(buffer.line(4).contains("[ ]"))
        #expect(cursor?.y == 4)
        #expect(buffer.hardCuts.isEmpty)
    }

    /// A ✗ said what was wrong with the value typed then: changing the value takes it away.
    @Test func aFieldsMarkGoesWhenItsValueChanges() {
        var form = sample()
        form.setMessage(FieldMessage("Thiếu tên"), for: .name)
        form.setMessage(FieldMessage("Chọn mô hình"), for: .model)
        _ = form.handle(.char("A"))
        #expect(form.message(.name) == nil)
        #expect(form.message(.model) != nil, "other fields keep theirs")
    }

    @Test func theLabelColumnFitsTheLongestLabelWithinLimits() {
        let form = sample()
        #expect(form.labelWidth(for: 80) == DisplayWidth.of("Thí điểm") + 4, "two blanks between label and value")
        let long = Form<F>([FieldSpec(.name, label: String(repeating: "Khóa màn hình sau ", count: 4), kind: .checkbox)])
        #expect(long.labelWidth(for: 80) == 32, "never more than two fifths of the width")
    }
}

@Suite struct TableTests {
    @Test func selectionStaysInRangeAndScrollFollows() {
        var table = TableState(rowCount: 50)
        _ = table.handle(.pageDown, pageSize: 10)
        #expect(table.selected == 10)
        _ = table.handle(.end, pageSize: 10)
        #expect(table.selected == 49)
        _ = table.handle(.down, pageSize: 10)
        #expect(table.selected == 49)
        var buffer = ScreenBuffer(size: Size(width: 30, height: 6))
        table.render(into: &buffer, rect: Rect(x: 0, y: 0, width: 30, height: 6),
                     columns: [TableColumn("Số", width: 4), TableColumn("Tên")], sortColumn: 1, ascending: true,
                     theme: .monochrome, cells: { ["\($0)", "Dòng \($0)"] })
        #expect(buffer.line(0) == "Số   Tên▲")
        #expect(buffer.line(5) == "49   Dòng 49")
        #expect(buffer.line(1) == "45   Dòng 45")
        table.setRowCount(3)
        #expect(table.selected == 2)
    }

    @Test func columnsShareTheRemainingWidth() {
        let widths = TableState.layout([TableColumn("A", width: 5), TableColumn("B"), TableColumn("C")], width: 30)
        #expect(widths == [5, 11, 12])
        #expect(widths.reduce(0, +) + 2 == 30)
    }
}

@Suite struct DialogTests {
    @Test func theSafeAnswerIsTheDefaultAndLettersPick() {
        var dialog = ConfirmDialog(title: "Xóa", message: "Xóa hẳn?", yes: "Có", no: "Không")
        do { let outcome = dialog.handle(.enter); #expect(outcome == .cancelled) }
        do { let outcome = dialog.handle(.left); #expect(outcome == .pending) }
        do { let outcome = dialog.handle(.enter); #expect(outcome == .confirmed) }
        var byLetter = ConfirmDialog(title: "Xóa", message: "Xóa hẳn?", yes: "Có", no: "Không")
        do { let outcome = byLetter.handle(.char("c")); #expect(outcome == .confirmed) }
        do { let outcome = byLetter.handle(.char("k")); #expect(outcome == .cancelled) }
        do { let outcome = byLetter.handle(.escape); #expect(outcome == .cancelled) }
    }
}
