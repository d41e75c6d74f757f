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

/// "Throw away what you typed? … any other key to keep typing": the key that keeps typing is typed.
final class DiscardQuestionTests: XCTestCase {
    func testTheKeyThatKeepsTypingGoesIntoTheBox() throws {
        let (app, _) = ScreenFixtures.app(at: FlowStep(.storytelling), saved: ScreenFixtures.Saved())
        app.handle(.character("a"))
        app.handle(.enter)  // from "Told by" to the title
        for character in "Bus" { app.handle(.character(character)) }
        app.handle(.escape)
        XCTAssertEqual(app.state.mode, .confirmDiscard)
        app.handle(.character("y"))
        XCTAssertNil(app.state.form, "y throws it away")

        app.handle(.character("a"))
        app.handle(.enter)
        for character in "Bus" { app.handle(.character(character)) }
        app.handle(.escape)
        app.handle(.character("e"))
        XCTAssertEqual(app.state.mode, .browse)
        XCTAssertEqual(app.state.form?.text(.title), "Buse", "the key that kept typing was typed")
        app.handle(.escape)
        app.handle(.character("n"))
        XCTAssertEqual(app.state.form?.text(.title), "Buse", "n only answers the question")
    }
}

/// After a resume there is no undo history: `u` says why, and what can be done instead.
final class NothingToUndoTests: XCTestCase {
    func testUndoAfterOpeningSaysWhyThereIsNothingToUndo() throws {
        let (app, _) = ScreenFixtures.app(at: FlowStep(.storytelling), saved: ScreenFixtures.Saved())
        app.handle(.character("u"))
        let text = try XCTUnwrap(app.state.message?.text)
        XCTAssertTrue(text.contains("since this workshop was opened"), text)
        XCTAssertEqual(app.state.message?.kind, .info)
    }
}
