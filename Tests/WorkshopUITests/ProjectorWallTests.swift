import Foundation
import TerminalUI
@testable import Workshop
@testable import WorkshopUI

import XCTest

/// The wall as the room reads it: said once, big where it fits.
final class ProjectorWallTests: XCTestCase {
    private func wall(at step: FlowStep, width: Int = 80, height: Int = 24, names: [String] = ["Maya", "Tom", "Priya", "Sam"]) -> Grid {
        let (app, _) = ScreenFixtures.app(at: step, names: names)
        app.state.layout = .projector
        return ConsoleScreen.render(app, width: width, height: height)
    }

    func testTheWelcomeSaysEachRuleOnce() {
        for size in [(80, 24), (160, 48)] {
            let screen = wall(at: FlowStep(.welcome), width: size.0, height: size.1).rows.joined(separator: "\n")
            XCTAssertEqual(screen.components(separatedBy: "Everyone here is equal").count - 1, 1, "\(size)")
        }
    }

    func testTheHeadingIsInBigLettersFrom80x24WhenItFits() {
        let grid = wall(at: FlowStep(.storytelling))
        // "OUR STORIES" in five rows of block letters at the top.
        XCTAssertEqual(grid.rows.prefix(BigText.height).filter { $0.contains("█") }.count, BigText.height)
        XCTAssertFalse(grid.rows.joined().contains("OUR STORIES"), "the bar is only for headings too wide for big letters")
        // Too small for it: the bar.
        let small = wall(at: FlowStep(.storytelling), width: 60, height: 20)
        XCTAssertTrue(small.rowText(0).contains("OUR STORIES"))
    }
}
