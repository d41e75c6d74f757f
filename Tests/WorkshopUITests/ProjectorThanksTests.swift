import Foundation
import TerminalUI
@testable import Workshop
@testable import WorkshopUI

import XCTest

/// The wall's last words at the close are read whole (found in the trial run: at 60x20 the wall
/// ended "Thank you all for your stories, your ideas and your tim…" with empty rows above it).
final class ProjectorThanksTests: XCTestCase {

    private func closeWall(width: Int, height: Int) -> String {
        let (app, _) = ScreenFixtures.app(at: FlowStep(.close))
        app.state.layout = .projector
        return ConsoleScreen.render(app, width: width, height: height).rows.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }

    func testTheThanksIsWholeOnANarrowWall() {
        let thanks = ScreenFixtures.content.prompts.close.thanks
        for size in [(60, 20), (44, 16), (80, 24), (160, 48)] {
            let screen = closeWall(width: size.0, height: size.1)
                .replacingOccurrences(of: "  ", with: " ")
            XCTAssertTrue(screen.contains(thanks), "\(size): \(screen)")
            XCTAssertFalse(screen.contains("your tim…"), "\(size)")
        }
    }
}
