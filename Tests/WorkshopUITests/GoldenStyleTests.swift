import Foundation
import TerminalUI
import XCTest
@testable import Workshop
@testable import WorkshopUI

/// The golden comparison sees styles, not only words: a change of one cell's role or emphasis
/// fails and is reported by row and column.
final class GoldenStyleTests: XCTestCase {
    private func goalScreen() -> Grid {
        let (app, _) = ScreenFixtures.app(at: FlowStep(.goal))
        return ConsoleScreen.render(app, width: 80, height: 24)
    }

    func testOneCellsRoleChangedIsReportedByRowAndColumn() {
        let grid = goalScreen()
        var changed = grid
        // Row 0 is the breadcrumb; column 3 sits inside a word, so the text stays the same.
        XCTAssertNotEqual(changed[3, 0].style.role, .danger)
        changed[3, 0].style.role = .danger
        XCTAssertEqual(changed.quotedRows(), grid.quotedRows(), "only the style changed")

        let found = Golden.differences(expected: GridTranscript.text(of: grid), actual: GridTranscript.text(of: changed))
        XCTAssertEqual(found.count, 1, found.joined(separator: "\n"))
        let report = found.first ?? ""
        XCTAssertTrue(report.hasPrefix("roles row 0, column 3: expected \(grid[3, 0].style.role.letter) (\(grid[3, 0].style.role.rawValue)), actual d (danger)"), report)
    }

    func testBoldChangedAloneIsReportedInTheAttributesBlock() {
        let grid = goalScreen()
        var changed = grid
        changed[10, 5].style.bold.toggle()
        changed[11, 5].style.bold.toggle()
        let found = Golden.differences(expected: GridTranscript.text(of: grid), actual: GridTranscript.text(of: changed))
        XCTAssertEqual(found.count, 1, found.joined(separator: "\n"))
        XCTAssertTrue((found.first ?? "").hasPrefix("attributes row 5, columns 10-11: "), found.first ?? "")
    }

    func testTheSameScreenHasNoDifferences() {
        let text = GridTranscript.text(of: goalScreen())
        XCTAssertEqual(Golden.differences(expected: text, actual: text), [])
    }

    func testAGoldenWithoutStylesIsNotTakenAsMatching() {
        let grid = goalScreen()
        let found = Golden.differences(expected: grid.quotedRows(), actual: GridTranscript.text(of: grid))
        XCTAssertEqual(found, ["roles: not in the golden (re-record it)", "attributes: not in the golden (re-record it)"])
    }

    func testATextChangeNamesItsColumn() {
        let grid = goalScreen()
        var changed = grid
        changed.write("Z", x: 7, y: 2)
        let found = Golden.differences(expected: GridTranscript.text(of: grid), actual: GridTranscript.text(of: changed))
        XCTAssertTrue(found.contains { $0.hasPrefix("text row 2, from column 7:") }, found.joined(separator: "\n"))
    }
}
