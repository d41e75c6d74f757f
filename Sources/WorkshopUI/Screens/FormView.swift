import Foundation
import TerminalUI
import Workshop

/// Draws an open form over the main area, with the cursor and jargon underlined.
public enum FormView {
    public static func render(_ form: Form, content: ContentLibrary, in rect: Rect, grid: inout Grid) {
        let box = rect.inset(horizontal: 2, vertical: 0)
        guard box.width > 10, box.height > 4 else { return }
        grid.fill(box, style: .plain)
        Box(title: " \(form.title) ", style: Style(.accent, bold: true)).render(in: box, into: &grid)
        let inner = Box.inner(box)
        var y = inner.y
        if !form.note.isEmpty {
            // The note (often the instruction) wraps into every row the fields do not need.
            let noteRows = max(2, inner.maxY - y - form.fields.count - 1)
            y += Draw.paragraph(form.note, in: Rect(x: inner.x, y: y, width: inner.width, height: noteRows), grid: &grid, style: Style(.muted), maxRows: noteRows)
        }
        let labelWidth = min(form.fields.map { TextWidth.of($0.label) }.max() ?? 10, 20) + 2
        let valueX = inner.x + labelWidth
        let valueWidth = inner.maxX - valueX
        guard valueWidth > 4 else { return }
        for (index, field) in form.fields.enumerated() where y < inner.maxY {
            let focused = index == form.focused
            grid.write(field.label + (field.isOptional ? "" : "*"), x: inner.x, y: y, style: Style(focused ? .accent : .muted, bold: focused), maxWidth: labelWidth - 1)
            let rowsLeft = inner.maxY - y - (form.fields.count - index - 1)
            y += renderValue(field, focused: focused, content: content, x: valueX, y: y, width: valueWidth, maxRows: max(1, min(rowsLeft, focused ? 6 : 2)), grid: &grid)
        }
    }

    /// Draws a field's value; returns the rows used.
    private static func renderValue(_ field: FormField, focused: Bool, content: ContentLibrary, x: Int, y: Int, width: Int, maxRows: Int, grid: inout Grid) -> Int {
        switch field.kind {
        case .choice(let options):
            // A long choice ("not chosen yet: ask the teller…") wraps into the rows it may use,
            // like text does, rather than being cut on one row while rows below are free.
            let text = options.isEmpty ? "" : "‹ \(options[min(field.index, options.count - 1)]) ›"
            let lines = TextLayout.wrap(text, width: width)
            let rows = max(1, min(lines.count, maxRows))
            for row in 0..<rows {
                // The last row allowed takes the rest, cut with "…" by `Draw.line`.
                let line = row == rows - 1 ? lines[row...].joined(separator: " ") : lines[row]
                Draw.line(line, x: x, y: y + row, width: width, grid: &grid, style: Style(focused ? .selected : .text, bold: focused))
            }
            return rows
        case .people(let people):
            var column = x
            var row = y
            for (index, person) in people.enumerated() {
                let tick = field.ticked.contains(index) ? "☑" : "☐"
                let label = "\(tick) \(index + 1) \(TextLayout.sanitize(person.name))"
                let labelWidth = TextWidth.of(label) + 2
                if column + labelWidth > x + width, column > x {
                    row += 1
                    column = x
                    if row >= y + maxRows { break }
                }
                let isCursor = focused && index == field.index
                grid.write(label, x: column, y: row, style: Style(isCursor ? .selected : (field.ticked.contains(index) ? .good : .text), bold: isCursor), maxWidth: x + width - column)
                column += labelWidth
            }
            if people.isEmpty { grid.write("(nobody in the room yet)", x: x, y: y, style: Style(.muted)) }
            return row - y + 1
        case .principles:
            var column = x
            var row = y
            for (index, principle) in PrincipleID.allCases.enumerated() {
                let tick = field.ticked.contains(index) ? "☑" : "☐"
                let short = content.principles.guide(principle)?.shortName ?? principle.displayName
                let label = "\(tick) \(index + 1) \(short)"
                let labelWidth = TextWidth.of(label) + 2
                if column + labelWidth > x + width, column > x {
                    row += 1
                    column = x
                    if row >= y + maxRows { break }
                }
                grid.write(label, x: column, y: row, style: Style(field.ticked.contains(index) ? .good : .text, bold: focused), maxWidth: x + width - column)
                column += labelWidth
            }
            return row - y + 1
        case .text, .day:
            return renderText(field, focused: focused, content: content, x: x, y: y, width: width, maxRows: maxRows, grid: &grid)
        }
    }

    /// Text wrapped to the field; jargon underlined; the cursor shown as a reversed cell.
    private static func renderText(_ field: FormField, focused: Bool, content: ContentLibrary, x: Int, y: Int, width: Int, maxRows: Int, grid: inout Grid) -> Int {
        let characters = Array(TextLayout.sanitize(field.text))
        var jargon = Set<Int>()
        if case .text(true) = field.kind {
            for match in content.glossary.matches(in: String(characters)) {
                for index in match.start..<(match.start + match.length) { jargon.insert(index) }
            }
        }
        // Lay out character by character so the cursor and underlines land on the right cells,
        // breaking after the last space that fits, as word wrapping does.
        var rows: [[(Character, Int)]] = [[]]
        var rowWidth = 0
        for (index, character) in characters.enumerated() {
            let w = max(TextWidth.of(character), 0)
            if rowWidth + w > width - 1 {
                var carried: [(Character, Int)] = []
                if character != " ", let space = rows[rows.count - 1].lastIndex(where: { $0.0 == " " }), space < rows[rows.count - 1].count - 1 {
                    carried = Array(rows[rows.count - 1][(space + 1)...])
                    rows[rows.count - 1].removeSubrange((space + 1)...)
                }
                rows.append(carried)
                rowWidth = carried.reduce(0) { $0 + max(TextWidth.of($1.0), 0) }
            }
            rows[rows.count - 1].append((character, index))
            rowWidth += w
        }
        let cursorRow = rows.firstIndex { row in row.contains { $0.1 == field.cursor } } ?? (rows.count - 1)
        // Keep the cursor's row in view: for a long paste, show its end.
        let first = max(0, min(cursorRow - maxRows + 1, rows.count - maxRows))
        let shown = rows[first..<min(rows.count, first + maxRows)]
        for (offset, row) in shown.enumerated() {
            var column = x
            for (character, index) in row {
                let isCursor = focused && index == field.cursor
                let style = Style(jargon.contains(index) ? .jargon : .text, underline: jargon.contains(index), reverse: isCursor)
                column += grid.write(String(character), x: column, y: y + offset, style: style, maxWidth: x + width - column)
            }
            if focused && field.cursor == characters.count && offset == shown.count - 1 {
                grid.write(" ", x: column, y: y + offset, style: Style(.text, reverse: true))
            }
        }
        if characters.isEmpty && !focused {
            grid.write(field.kind == .day ? "e.g. 2026-12-14 or +14" : "", x: x, y: y, style: Style(.muted))
        }
        return max(shown.count, 1)
    }

    /// A line suggesting plain words for jargon in the field being typed.
    static func jargonHint(_ form: Form, content: ContentLibrary) -> String? {
        guard case .text(true) = form.current.kind else { return nil }
        let matches = content.glossary.matches(in: form.current.text)
        guard !matches.isEmpty else { return nil }
        let parts = matches.prefix(3).map { "“\($0.entry.term)” → try “\($0.entry.plain.joined(separator: "” or “"))”" }
        return "Plain words: " + parts.joined(separator: "; ")
    }
}
