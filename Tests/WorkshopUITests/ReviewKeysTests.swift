import TerminalUI
@testable import WorkshopUI
import XCTest

/// Review's `?` box and its key handling come from one list (`ReviewApp.keys(for:)`): before,
/// `k`/`j` moved in the actions list though the box did not say so, and the two could drift.
final class ReviewKeysTests: XCTestCase {
    func testNoKeyIsListedTwiceOnAScreen() {
        for screen: ReviewApp.Screen in [.browser, .session(id: "x"), .timeline(id: "x"), .progress(group: "g"), .compare("a", "b")] {
            var seen: [Key: String] = [:]
            for entry in ReviewApp.keys(for: screen) {
                for key in entry.binding.keys {
                    XCTAssertNil(seen[key], "\(screen): \(key.name) is both \(seen[key] ?? "") and \(entry.binding.keyLabel)")
                    seen[key] = entry.binding.keyLabel
                }
            }
            XCTAssertTrue(ReviewApp.keys(for: screen).contains { $0.action == .help }, "\(screen): ? is listed")
        }
    }

    func testAKeyTheBoxDoesNotListDoesNothingAndAListedOneWorks() {
        let app = ReviewFixture.standard().app()
        let before = app.selected
        app.handle(.character("z"))
        XCTAssertEqual(app.screen, .browser)
        XCTAssertEqual(app.selected, before)
        app.handle(.character("j"))
        XCTAssertEqual(app.selected, before + 1, "j is listed (↓, j too) and moves down")
        app.handle(.enter)
        guard case .session = app.screen else { return XCTFail("Enter opens the workshop") }
        app.handle(.character("t"))
        guard case .timeline = app.screen else { return XCTFail("t opens the timeline") }
        app.handle(.character("v"))
        guard case .session = app.screen else { return XCTFail("v goes back to the stages") }
        app.handle(.escape)
        XCTAssertEqual(app.screen, .browser)
    }
}

/// The review list is drawn by TerminalUI's `Table`, the one table widget: each principle is a
/// column of its own, so each score keeps its colour and its heading letter stands over it.
final class ReviewTableTests: XCTestCase {
    func testTheListIsATableWithAColumnPerPrincipleAndTheSortedOneMarked() throws {
        let app = ReviewFixture.standard().app()
        while app.query.sort != .principles { app.handle(.character("s")) }
        let grid = ReviewScreens.render(app, width: 80, height: 24)
        let heading = try XCTUnwrap(grid.rows.firstIndex { $0.contains("Date") && $0.contains("People") })
        XCTAssertTrue(grid.rowText(heading).hasSuffix(" A  W  R N↓  "), grid.rowText(heading))
        let n = try XCTUnwrap(grid.rowText(heading).range(of: "N↓")).lowerBound.utf16Offset(in: grid.rowText(heading))
        XCTAssertTrue(grid[n, heading].style.underline, "the sorted column's heading is underlined")
        // A row below the selected one: its RED, AMBER and GREEN in their own roles.
        let row = try XCTUnwrap((heading + 2..<grid.height).first { grid.rowText($0).contains("▲A") })
        let roles = Set((0..<grid.width).map { grid[$0, row].style.role })
        XCTAssertTrue(roles.contains(.amber), grid.rowText(row))
    }
}
