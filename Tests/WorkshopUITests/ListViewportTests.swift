import Foundation
import TerminalUI
import XCTest
@testable import Workshop
@testable import WorkshopUI

/// Lists stay still while the highlight moves (`ListViewport`): only when the highlight comes
/// to the list's edge does the list move, and then by one row.
final class ListViewportTests: XCTestCase {
    /// Random walks of the highlight over lists of every size: the highlight is always shown,
    /// with a row to spare on each side where the list allows; the list never moves while that
    /// holds, and otherwise moves by the fewest rows that make it hold again.
    func testTheHighlightIsAlwaysShownAndTheListMovesOnlyAsFarAsItMust() {
        var random = SystemRandomNumberGenerator()
        for _ in 0..<400 {
            let count = Int.random(in: 0...60, using: &random)
            let rows = Int.random(in: 1...20, using: &random)
            let viewport = ListViewport()
            var selected = count == 0 ? 0 : Int.random(in: 0..<count, using: &random)
            var previous: Range<Int>?
            for _ in 0..<80 {
                let shown = viewport.rows(selected: selected, count: count, rows: rows)
                XCTAssertEqual(shown.count, min(count, rows))
                XCTAssertTrue(shown.lowerBound >= 0 && shown.upperBound <= count)
                if count > 0 { XCTAssertTrue(shown.contains(selected), "\(selected) not in \(shown) (count \(count), rows \(rows))") }
                if count > rows {
                    let margin = rows >= 5 ? 1 : 0
                    // Where the highlight may be without the list moving: a row in from each
                    // edge, except at the list's own first and last rows.
                    func room(_ range: Range<Int>) -> ClosedRange<Int> {
                        (range.lowerBound == 0 ? 0 : range.lowerBound + margin)...(range.upperBound == count ? count - 1 : range.upperBound - 1 - margin)
                    }
                    XCTAssertTrue(room(shown).contains(selected), "\(selected) too near the edge of \(shown) (count \(count), rows \(rows))")
                    if let previous {
                        if room(previous).contains(selected) {
                            XCTAssertEqual(shown, previous, "the list moved although \(selected) was well in view")
                        } else if selected < room(previous).lowerBound {
                            XCTAssertEqual(shown.lowerBound, max(selected - margin, 0), "moved up too far or not far enough")
                        } else {
                            XCTAssertEqual(shown.upperBound - 1, min(selected + margin, count - 1), "moved down too far or not far enough")
                        }
                    }
                }
                previous = shown
                guard count > 0 else { break }
                switch Int.random(in: 0..<10, using: &random) {
                case 0: selected = Int.random(in: 0..<count, using: &random)  // a jump (Home, End, a search)
                case 1...4: selected = max(selected - 1, 0)
                default: selected = min(selected + 1, count - 1)
                }
            }
        }
    }

    /// A list drawn for the first time puts the highlight in the middle, as before: the screen a
    /// reopened console draws first, which `campfire resume` shows from `screen.txt`.
    func testTheFirstDrawingPutsTheHighlightInTheMiddle() {
        XCTAssertEqual(ListViewport().rows(selected: 500, count: 1000, rows: 8), 496..<504)
        XCTAssertEqual(ListViewport().rows(selected: 2, count: 1000, rows: 8), 0..<8)
        XCTAssertEqual(ListViewport().rows(selected: 999, count: 1000, rows: 8), 992..<1000)
    }

    /// On the console: ↓ and ↑ through the middle of a long ideas list change only the rows of
    /// the old and the new highlight; at the list's edge it moves by one row and the
    /// highlight stays in view.
    func testDownAndUpInALongListChangeOnlyTheTwoHighlightedRows() throws {
        let (app, _) = ScreenFixtures.app(at: FlowStep(.ideas))
        for number in 0..<60 {
            try app.openSession.record(.addIdea(Idea(id: "x\(number)", text: "Idea number \(number)", principles: [], proposedBy: "p1")), at: ScreenFixtures.start)
        }
        app.state.size = (80, 24)
        for _ in 0..<30 { app.handle(.down) }
        var before = ConsoleScreen.render(app, width: 80, height: 24)
        for key in [Key.down, .down, .up, .up, .up] {
            app.handle(key)
            let after = ConsoleScreen.render(app, width: 80, height: 24)
            let changed = (0..<24).filter { before.rows[$0] != after.rows[$0] || !Self.sameStyles(before, after, row: $0) }
            XCTAssertEqual(changed.count, 2, "rows changed by \(key): \(changed)\n" + after.rows.joined(separator: "\n"))
            before = after
        }
        // Down to the bottom of what is shown: from there each ↓ moves the list by one row.
        let selectedRow = { (grid: Grid) in grid.rows.firstIndex { $0.contains("▸") } }
        var rowOfHighlight = selectedRow(before)!
        var moves = 0
        for _ in 0..<40 {
            app.handle(.down)
            let after = ConsoleScreen.render(app, width: 80, height: 24)
            let row = try XCTUnwrap(selectedRow(after), "the highlight left the screen")
            XCTAssertGreaterThanOrEqual(row, rowOfHighlight, "↓ moved the highlight up the screen")
            if row == rowOfHighlight { moves += 1 }
            rowOfHighlight = row
        }
        XCTAssertGreaterThan(moves, 0, "the list never moved")
        XCTAssertTrue(before.rows.joined().contains("Idea number") && ConsoleScreen.render(app, width: 80, height: 24).rows.joined().contains("Idea number 59"))
    }

    private static func sameStyles(_ a: Grid, _ b: Grid, row: Int) -> Bool {
        (0..<a.width).allSatisfy { a[$0, row].style == b[$0, row].style }
    }
}
