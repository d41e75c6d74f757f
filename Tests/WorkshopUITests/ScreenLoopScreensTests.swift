import Foundation
import TerminalUI
import XCTest
@testable import Workshop
@testable import WorkshopUI

/// The console, the home screen, review and the tour driven through the real loop in-process,
/// with a fake terminal that records every grid drawn, styles included.
final class ScreenLoopScreensTests: XCTestCase {
    /// The row holding some text, or nil.
    private func row(containing text: String, in grid: Grid) -> Int? {
        (0..<grid.height).first { grid.rowText($0).contains(text) }
    }

    /// The column where `text` starts on row `y` (wide characters count two).
    private func column(of text: String, row y: Int, in grid: Grid) -> Int? {
        var x = 0
        while x < grid.width {
            let rest = (x..<grid.width).map { grid[$0, y].text }.joined()
            if rest.hasPrefix(text) { return x }
            x += 1
        }
        return nil
    }

    func testConsoleDotsGoToTheHighlightedIdeaAndAResizeRedrawsAtTheNewSize() throws {
        let saved = ScreenFixtures.Saved()
        let (app, _) = ScreenFixtures.app(at: FlowStep(.choose), saved: saved)
        let terminal = FakeTerminal(width: 80, height: 24, script: [
            .key(.character("+")), .tick, .resize(width: 60, height: 20), .key(.character("q")), .key(.character("x")),
        ])
        try app.screenLoop().run(on: terminal)
        XCTAssertTrue(app.wantsToQuit, "q ended the loop; the x after it was never read")

        // The screen after the dot, at 80x24: the status line names the idea, and the idea's row
        // is drawn as the selection.
        let afterDot = terminal.drawn[1]
        XCTAssertEqual(afterDot.width, 80)
        let status = try XCTUnwrap(row(containing: "A dot for", in: afterDot), afterDot.quotedRows())
        XCTAssertTrue(afterDot.rowText(status).contains("A skills swap board"), afterDot.rowText(status))
        let selected = try XCTUnwrap(row(containing: "▸", in: afterDot))
        XCTAssertTrue(afterDot.rowText(selected).contains("A skills swap board"), afterDot.rowText(selected))
        let ideaColumn = try XCTUnwrap(column(of: "A skills", row: selected, in: afterDot))
        XCTAssertEqual(afterDot[ideaColumn, selected].style.role, .selected)
        XCTAssertEqual(afterDot[0, 0].style.role, .title, "the breadcrumb row")
        XCTAssertEqual(saved.events.count, 1)

        // After the resize: drawn at 60x20, as the console renders at that size.
        let last = terminal.screen
        XCTAssertEqual([last.width, last.height], [60, 20])
        XCTAssertEqual(GridTranscript.text(of: last), GridTranscript.text(of: ConsoleScreen.render(app, width: 60, height: 20)))
        XCTAssertNotNil(row(containing: "A skills swap board", in: last))
        XCTAssertEqual(terminal.drawn.map(\.width), [80, 80, 80, 60])
    }

    func testConsoleTooSmallTakesNoKeyButQuit() throws {
        let saved = ScreenFixtures.Saved()
        let (app, _) = ScreenFixtures.app(at: FlowStep(.choose), saved: saved)
        let terminal = FakeTerminal(width: 80, height: 24, script: [.resize(width: 20, height: 8), .key(.character("+")), .resize(width: 80, height: 24)])
        XCTAssertThrowsError(try app.screenLoop().run(on: terminal))
        XCTAssertEqual(saved.events.count, 0, "the + typed while the window was too small did nothing")
        XCTAssertEqual([terminal.drawn[2].width, terminal.drawn[2].height], [20, 8])
        XCTAssertNotNil(row(containing: "larger", in: terminal.drawn[2]), terminal.drawn[2].quotedRows())
        XCTAssertEqual([terminal.screen.width, terminal.screen.height], [80, 24])
    }

    func testHomeArrowMovesTheSelectionAndAResizeKeepsIt() throws {
        let entries = [
            HomeEntry(id: "20261117-0930-cafe", date: "2026-11-17", title: "Riverside day service", group: "riverside", stage: "Close", people: 4, rag: [.amber, .amber, .red, .green], isPractice: false),
            HomeEntry(id: "20261120-1000-beef", date: "2026-11-20", title: "Home care team", group: "north", stage: "Stories", people: 6, rag: [nil, nil, nil, nil], isPractice: false),
        ]
        let home = HomeApp(entries: entries, content: ScreenFixtures.content)
        let terminal = FakeTerminal(width: 80, height: 24, script: [.key(.down), .resize(width: 60, height: 20)])
        XCTAssertThrowsError(try home.screenLoop().run(on: terminal))
        XCTAssertNil(home.choice)
        let last = terminal.screen
        XCTAssertEqual([last.width, last.height], [60, 20])
        // The newest is listed first; the arrow moved the selection to the older one.
        let selected = try XCTUnwrap(row(containing: "Riverside day", in: last), last.quotedRows())
        let x = try XCTUnwrap(column(of: "Riverside day", row: selected, in: last))
        XCTAssertEqual(last[x, selected].style.role, .selected)
        let first = terminal.drawn[0]
        let before = try XCTUnwrap(row(containing: "Riverside day", in: first))
        let beforeX = try XCTUnwrap(column(of: "Riverside day", row: before, in: first))
        XCTAssertEqual(first[beforeX, before].style.role, .text, "not selected before the arrow")
        let other = try XCTUnwrap(row(containing: "Home care team", in: last))
        let otherX = try XCTUnwrap(column(of: "Home care team", row: other, in: last))
        XCTAssertNotEqual(last[otherX, other].style.role, .selected)

        // q is a choice: the loop ends.
        let quitting = FakeTerminal(width: 80, height: 24, script: [.key(.character("q"))])
        try home.screenLoop().run(on: quitting)
        XCTAssertEqual(home.choice, .quit)
    }

    func testReviewOpensASessionAndRedrawsItAtTheNewSize() throws {
        let app = ReviewFixture.standard().app()
        let terminal = FakeTerminal(width: 80, height: 24, script: [.key(.enter), .resize(width: 160, height: 48), .key(.character("q")), .key(.character("q"))])
        try app.screenLoop().run(on: terminal)
        XCTAssertTrue(app.wantsToQuit)
        // The last screen before quitting: the newest session, open, at 160x48.
        let opened = terminal.drawn[terminal.drawn.count - 2]
        XCTAssertEqual([opened.width, opened.height], [160, 48])
        XCTAssertTrue(opened.rowText(0).contains("Riverside: six weeks on"), opened.rowText(0))
        XCTAssertEqual(opened[1, 0].style.role, .title)
        XCTAssertEqual(terminal.drawn[1].width, 80)
        XCTAssertTrue(terminal.drawn[1].rowText(0).contains("Riverside: six weeks on"), terminal.drawn[1].rowText(0))
    }

    func testTourEndsOnTheLoopWhenThePersonQuits() throws {
        let tour = GuidedTour(content: ScreenFixtures.content, start: ScreenFixtures.start)
        let terminal = FakeTerminal(width: 80, height: 24, script: [.key(.enter), .key(.character("q")), .key(.enter)])
        try tour.screenLoop().run(on: terminal)
        XCTAssertTrue(tour.finished)
        XCTAssertEqual(terminal.drawn.count, 2)
        XCTAssertEqual(terminal.screen[0, 0].style.role, .title)
        XCTAssertTrue(terminal.screen.rowText(0).contains("Guided tour 2 of"), terminal.screen.rowText(0))
    }

    func testTheOneKeyQuestionTakesOnlyItsAnswersAndRedrawsAtANewSize() throws {
        let asking = OneKeyQuestion("This workshop is open in another Campfire.", options: [("r", "open it read-only"), ("q", "quit")])
        let terminal = FakeTerminal(width: 80, height: 24, script: [.key(.character("x")), .resize(width: 30, height: 10), .key(.character("r")), .key(.character("q"))])
        try asking.screenLoop().run(on: terminal)
        XCTAssertEqual(asking.answer, "r", "x is not an answer; r is, and the q after it is never read")
        let last = terminal.screen
        XCTAssertEqual([last.width, last.height], [30, 10])
        XCTAssertEqual(last.rowText(2), "  This workshop is open in    ")
        XCTAssertEqual(last[2, 2].style.role, .warning)
        let answer = try XCTUnwrap(row(containing: "r  open it", in: last), last.quotedRows())
        XCTAssertEqual(last[2, answer].style.role, .accent)
        XCTAssertEqual(terminal.drawn.count, 3)

        let escaping = OneKeyQuestion("Open it?", options: [("r", "read-only"), ("q", "quit")])
        try escaping.screenLoop().run(on: FakeTerminal(width: 40, height: 10, script: [.key(.escape)]))
        XCTAssertEqual(escaping.answer, "q")
    }
}
