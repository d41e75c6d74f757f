import Foundation
import TerminalUI
import Workshop

/// The "who?" box of `i`: the people present, narrowed by what has been typed.
enum PersonPickerView {
    static func render(_ app: ConsoleApp, _ picker: PersonPicker, in rect: Rect, grid: inout Grid) {
        grid.fill(rect, style: .plain)
        let box = rect.inset(horizontal: 2, vertical: 0)
        let title = picker.purpose == .giveStick ? " Give the talking stick to… " : " Ask someone by name "
        Box(title: title, style: Style(.accent, bold: true)).render(in: box, into: &grid)
        let inner = Box.inner(box)
        guard inner.height > 0, inner.width > 0 else { return }
        var y = inner.y
        let explain = picker.purpose == .giveStick
            ? "Type part of a name, then Enter."
            : "Who do you ask for their view? Asking by name is how a quiet person is heard. Type part of a name, then Enter."
        y += Draw.paragraph(explain, in: Rect(x: inner.x, y: y, width: inner.width, height: min(2, inner.height)), grid: &grid, style: Style(.muted), maxRows: 2)
        if y < inner.maxY {
            Draw.line("Name: " + picker.filter + "▏", x: inner.x, y: y, width: inner.width, grid: &grid, style: Style(.heading, bold: true))
            y += 1
        }
        let people = app.session.record.present
        let shown = picker.matches(people)
        let quiet = (app.practice?.coachOn ?? false) ? app.practice!.quietPeople(in: app.session) : []
        let rows = shown.map { person -> (text: String, style: Style) in
            (person.name + (quiet.contains(person.id) ? "  · speaks when asked" : ""), Style(.text))
        }
        let selected = shown.firstIndex { $0.id == picker.highlighted(people)?.id } ?? 0
        StageScreens.list(rows, selected: selected, active: true,
                          in: Rect(x: inner.x, y: y, width: inner.width, height: max(inner.maxY - y, 0)), grid: &grid,
                          empty: people.isEmpty ? "Nobody is here." : "Nobody's name has \"\(picker.filter)\" in it. Backspace to change it.")
    }
}
