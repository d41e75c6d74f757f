import Foundation
import TerminalUI
import XCTest
@testable import Workshop
@testable import WorkshopUI

/// Every stage's console and projector screen, compared whole, at three sizes.
final class GoldenScreenTests: XCTestCase {

    func testEveryStageOnTheConsole() {
        for (name, step) in ScreenFixtures.steps {
            for size in ScreenFixtures.sizes {
                let (app, _) = ScreenFixtures.app(at: step)
                XCTAssertEqual(app.session.step, step, "the sample reaches \(name)")
                Golden.assertScreen(ConsoleScreen.render(app, width: size.width, height: size.height), named: "console-\(name)-\(size.width)x\(size.height)")
            }
        }
    }

    func testEveryStageOnTheProjector() {
        for (name, step) in ScreenFixtures.steps {
            for size in ScreenFixtures.sizes {
                let (app, _) = ScreenFixtures.app(at: step)
                app.state.layout = .projector
                Golden.assertScreen(ConsoleScreen.render(app, width: size.width, height: size.height), named: "projector-\(name)-\(size.width)x\(size.height)")
            }
        }
    }

    func testProjectorShowsNoControlsOrJargonWarnings() {
        let names = ["Maya", "Tom", "Priya", "Sam"]
        for (_, step) in ScreenFixtures.steps {
            let (app, _) = ScreenFixtures.app(at: step, names: names)
            app.state.layout = .projector
            let screen = ConsoleScreen.render(app, width: 80, height: 24).rows.joined(separator: "\n")
            for control in ["? all keys", "q quit", "” →", "✓ Saved", "Enter "] {
                XCTAssertFalse(screen.contains(control), "projector at \(step.label) shows \(control)")
            }
        }
    }

    func testOverrunIsShownDifferently() {
        let (app, _) = ScreenFixtures.app(at: FlowStep(.goal), minutesLater: 40)
        let grid = ConsoleScreen.render(app, width: 80, height: 24)
        XCTAssertTrue(grid.rowText(0).contains("15:00 over"), grid.rowText(0))
        let column = grid.rowText(0).firstIndex(of: "◷").map { grid.rowText(0).distance(from: grid.rowText(0).startIndex, to: $0) } ?? 0
        XCTAssertEqual(grid[column, 0].style.role, .overrun)
    }

    func testFormsHelpAndConsensusScreens() {
        let (storyApp, _) = ScreenFixtures.app(at: FlowStep(.storytelling))
        storyApp.handle(.character("a"))
        storyApp.handle(.enter)
        for character in "A care package that fitted" { storyApp.handle(.character(character)) }
        Golden.assertScreen(ConsoleScreen.render(storyApp, width: 80, height: 24), named: "console-story-form-80x24")

        let (helpApp, _) = ScreenFixtures.app(at: FlowStep(.goal))
        helpApp.handle(.character("?"))
        Golden.assertScreen(ConsoleScreen.render(helpApp, width: 80, height: 24), named: "console-help-goal-80x24")

        let (consensusApp, _) = ScreenFixtures.app(at: FlowStep(.goal))
        consensusApp.handle(.down)
        consensusApp.handle(.character("c"))
        consensusApp.handle(.character("1"))
        Golden.assertScreen(ConsoleScreen.render(consensusApp, width: 80, height: 24), named: "console-consensus-80x24")
    }

    func testTooSmallSaysSoAndNothingIsLost() {
        let (app, _) = ScreenFixtures.app(at: FlowStep(.storytelling))
        app.handle(.character("a"))
        app.handle(.enter)
        for character in "Half typed" { app.handle(.character(character)) }
        for (width, height) in [(20, 8), (1, 1), (43, 11)] {
            let grid = ConsoleScreen.render(app, width: width, height: height)
            if width > 10 { XCTAssertTrue(grid.rows.joined().contains("larger"), "\(width)x\(height)") }
        }
        XCTAssertEqual(app.state.form?.current.text, "Half typed")
        Golden.assertScreen(ConsoleScreen.render(app, width: 20, height: 8), named: "console-too-small-20x8")
    }

    func testUnicodeNamesLineUp() {
        let names = ["Zoë\u{301}", "李明", "👩🏽‍🦱 Ama", "עדי"]
        let (app, _) = ScreenFixtures.app(at: FlowStep(.storytelling), names: names)
        let grid = ConsoleScreen.render(app, width: 80, height: 24)
        for row in 0..<grid.height {
            XCTAssertEqual(TextWidth.of(grid.rowText(row)), 80, "row \(row) is exactly the screen's width: \(grid.rowText(row))")
        }
        Golden.assertScreen(grid, named: "console-storytelling-unicode-80x24")
    }

    func testHomeScreen() {
        let entries = [
            HomeEntry(id: "20261117-0930-cafe", date: "2026-11-17", title: "Riverside day service", group: "riverside", stage: "Close", people: 4, rag: [.amber, .amber, .red, .green], isPractice: false),
            HomeEntry(id: "20261120-1000-beef", date: "2026-11-20", title: "Home care team", group: "north", stage: "Stories", people: 6, rag: [nil, nil, nil, nil], isPractice: false),
        ]
        let home = HomeApp(entries: entries, content: ScreenFixtures.content)
        Golden.assertScreen(home.render(width: 80, height: 24), named: "home-80x24")
        Golden.assertScreen(home.render(width: 60, height: 20), named: "home-60x20")
        // However narrow the window (a projector's big letters leave few columns), the way out
        // stays on the bottom row, at the right.
        // (Below 40 columns the home screen asks for a bigger window instead.)
        for width in [40, 45, 50, 70, 100, 200] {
            let grid = home.render(width: width, height: 16)
            let bottom = (0..<width).map { grid[$0, 15].text }.joined()
            XCTAssertTrue(bottom.trimmingCharacters(in: .whitespaces).hasSuffix("q quit"), "\(width) columns: \(bottom)")
        }
    }
}

/// The guided first run.
final class GuidedTourTests: XCTestCase {
    func testTourShowsBothViewsWhenWideAndTakesTurnsWhenNarrow() {
        let tour = GuidedTour(content: ScreenFixtures.content, start: ScreenFixtures.start)
        tour.handle(.enter)
        Golden.assertScreen(tour.render(width: 160, height: 48), named: "tour-stories-160x48")
        Golden.assertScreen(tour.render(width: 80, height: 24), named: "tour-stories-console-80x24")
        tour.handle(.character("p"))
        Golden.assertScreen(tour.render(width: 80, height: 24), named: "tour-stories-projector-80x24")
        for _ in 0..<10 { tour.handle(.enter) }
        XCTAssertTrue(tour.finished)
    }

    func testQuestionMarkInTheTourShowsItsKeysAndAnyKeyClosesThem() {
        let tour = GuidedTour(content: ScreenFixtures.content, start: ScreenFixtures.start)
        tour.handle(.enter)
        XCTAssertTrue(tour.render(width: 80, height: 24).rows.last?.contains("? all keys") ?? false)
        tour.handle(.character("?"))
        XCTAssertTrue(tour.showingKeys)
        for (width, height) in [(80, 24), (60, 20), (160, 48)] {
            let screen = tour.render(width: width, height: height).rows.joined(separator: "\n")
            XCTAssertTrue(screen.contains("Open the sample workshop"), screen)
            XCTAssertTrue(screen.contains("Back to the home screen."), screen)
        }
        tour.handle(.character("q"))  // closes the box; does not leave the tour
        XCTAssertFalse(tour.showingKeys)
        XCTAssertFalse(tour.finished)
        XCTAssertEqual(tour.index, 1, "the closing key does nothing else")
    }

    func testHomeOffersTheTourOnFirstRunAndDeletesOnlySamples() {
        let empty = HomeApp(entries: [], content: ScreenFixtures.content)
        XCTAssertTrue(empty.render(width: 80, height: 24).rows.joined().contains("Press t for a two-minute tour"))
        empty.handle(.character("t"))
        XCTAssertEqual(empty.choice, .tour)

        let entries = [
            HomeEntry(id: "real", date: "2026-11-17", title: "Real", group: "g", stage: "Close", people: 4, rag: [nil, nil, nil, nil], isPractice: false),
            HomeEntry(id: "sample", date: "2026-11-18", title: "Sample", group: "sample", stage: "Stories", people: 4, rag: [nil, nil, nil, nil], isPractice: false, isSample: true),
        ]
        let home = HomeApp(entries: entries, content: ScreenFixtures.content)
        // Newest first: the sample is selected.
        home.handle(.character("d"))
        XCTAssertNil(home.choice, "asks first")
        home.handle(.character("d"))
        XCTAssertEqual(home.choice, .deleteSample(id: "sample", what: "the sample workshop"))
        let again = HomeApp(entries: entries, content: ScreenFixtures.content)
        again.handle(.down)
        again.handle(.character("d"))
        again.handle(.character("d"))
        XCTAssertNil(again.choice, "a real workshop is never deleted from the home screen")
        XCTAssertTrue(again.message?.text.contains("campfire erase real") ?? false)
    }
}
