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
