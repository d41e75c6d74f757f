import Foundation
import TerminalUI
import XCTest
@testable import Workshop
@testable import WorkshopUI

/// A change of a story's consent is a person's permission: the status line says whose story
/// and what it changed from and to, not only "Saved." (found by a new user's trial).
final class ConsentStatusTests: XCTestCase {
    func testChangingAStorysConsentIsNamedOnTheStatusLine() throws {
        let (app, _) = ScreenFixtures.app(at: FlowStep(.storytelling), saved: ScreenFixtures.Saved())
        let story = try XCTUnwrap(app.session.record.stories.first { $0.consent != .share })
        let was = StageScreens.consentWord(story.consent)
        let teller = app.session.record.name(of: try XCTUnwrap(story.teller))
        XCTAssertTrue(app.record(.setConsent(story: story.id, consent: .share)))
        XCTAssertEqual(app.state.message, StatusMessage(.saved, "\(teller)'s story ‘\(story.title)’: \(was) → share. Saved."))
    }

    func testAReadOnlyRefusalSaysItOnce() throws {
        let (app, _) = ScreenFixtures.app(at: FlowStep(.storytelling), saved: ScreenFixtures.Saved())
        app.readOnlyReason = "this workshop is open to look at only (it is open for changes somewhere else, or its files need mending first)."
        app.handle(.character("a"))
        let text = try XCTUnwrap(app.state.message?.text)
        XCTAssertEqual(text.components(separatedBy: "changed").count - 1, 1, text)
    }
}
