import Foundation
import TerminalUI
import XCTest
@testable import Workshop
@testable import WorkshopUI

/// The highlighted row of a list is a band of its own colour in every theme and without colour,
/// worked out as the terminal shows it (colours after reverse). The selected role's colours are
/// already a band; the lists also asked for reverse, which turned the band back into the
/// colours of plain text, so the highlight showed only as its marker.
final class SelectionBandTests: XCTestCase {
    /// Foreground and background as the terminal shows them: the role's colours, swapped when
    /// reversed; without colour, only whether the cell is reversed.
    private func shown(_ style: Style, _ table: ColourPairTable) -> (foreground: String, background: String) {
        let entry = table.entry(for: style.role)
        let reverse = table.attributes(for: style).reverse
        guard table.usesColour else { return ("", reverse ? "reversed" : "plain") }
        let colours = ("\(entry.foreground)", "\(entry.background)")
        return reverse ? (colours.1, colours.0) : colours
    }

    func testTheHighlightedRowIsABandInEveryThemeAndWithoutColour() throws {
        let screens: [(String, Grid)] = [
            ("ideas", { let (app, _) = ScreenFixtures.app(at: FlowStep(.ideas)); return ConsoleScreen.render(app, width: 80, height: 24) }()),
            ("welcome", { let (app, _) = ScreenFixtures.app(at: FlowStep(.welcome)); return ConsoleScreen.render(app, width: 80, height: 24) }()),
            ("actions", { let (app, _) = ScreenFixtures.app(at: FlowStep(.actions)); return ConsoleScreen.render(app, width: 80, height: 24) }()),
        ]
        for (name, grid) in screens {
            let rows = grid.rows
            let selectedRow = try XCTUnwrap(rows.firstIndex { $0.hasPrefix(" ▸") }, "\(name): no highlighted row")
            // The next row of the list that is not part of the highlighted item (which may wrap).
            let plainRow = try XCTUnwrap(rows.indices.first { $0 > selectedRow && rows[$0].hasPrefix("   ") && rows[$0].dropFirst(3).first != " " && grid[4, $0].style.role != .selected },
                                         "\(name): no plain row under the highlighted one\n" + rows.joined(separator: "\n"))
            let selected = grid[4, selectedRow].style, plain = grid[4, plainRow].style
            for theme in Theme.all {
                for useColour in [true, false] {
                    let table = ColourPairTable(theme: theme, useColour: useColour)
                    XCTAssertNotEqual(shown(selected, table).background, shown(plain, table).background,
                                      "\(name), \(theme.name)\(useColour ? "" : " without colour"): the highlighted row \(selectedRow) shows as \(shown(selected, table)), a plain row as \(shown(plain, table))")
                }
            }
        }
    }

    /// In a box, the person under the cursor of a list of people (an action's "who") is a band too.
    func testThePersonUnderTheCursorInABoxIsABand() throws {
        let (app, _) = ScreenFixtures.app(at: FlowStep(.actions))
        app.handle(.character("a"))
        var form = try XCTUnwrap(app.state.form, "a opens the box for an action")
        let people = try XCTUnwrap(form.fields.firstIndex { if case .people = $0.kind { return true } else { return false } }, "the box has a list of people")
        form.focused = people
        app.state.form = form
        let grid = ConsoleScreen.render(app, width: 80, height: 24)
        let row = try XCTUnwrap(grid.rows.firstIndex { $0.contains("☐ 1 ") }, grid.rows.joined(separator: "\n"))
        let cursor = try XCTUnwrap(grid.rows[row].range(of: "☐ 1 ").map { grid.rows[row].distance(from: grid.rows[row].startIndex, to: $0.lowerBound) })
        let other = try XCTUnwrap(grid.rows[row].range(of: "☐ 2 ").map { grid.rows[row].distance(from: grid.rows[row].startIndex, to: $0.lowerBound) })
        for theme in Theme.all {
            for useColour in [true, false] {
                let table = ColourPairTable(theme: theme, useColour: useColour)
                XCTAssertNotEqual(shown(grid[cursor, row].style, table).background, shown(grid[other, row].style, table).background,
                                  "\(theme.name)\(useColour ? "" : " without colour"): the person under the cursor shows as \(shown(grid[cursor, row].style, table))")
            }
        }
    }
}
