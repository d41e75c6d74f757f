import TerminalUI
import Workshop
@testable import WorkshopUI
import XCTest

/// A box saved as several events (a person renamed and their access needs changed) is one
/// change: the status line names each part, and one undo takes the whole box back (before, the
/// status named only the last part and undo took back only that).
final class BoxUndoTests: XCTestCase {
    func testOneUndoTakesBackAWholeBox() throws {
        let (app, _) = ScreenFixtures.app(at: FlowStep(.welcome))
        let before = app.session.record
        let person = try XCTUnwrap(app.session.record.participants.first)
        app.handle(.enter)  // change the highlighted person
        XCTAssertEqual(app.screen, .form)
        app.handle(.control("u"))
        for character in "Mia" { app.handle(.character(character)) }
        app.handle(.tab)
        app.handle(.tab)
        app.handle(.control("u"))
        for character in "Hearing loop" { app.handle(.character(character)) }
        app.handle(.enter)
        XCTAssertNil(app.state.form, "saved")
        let changed = try XCTUnwrap(app.session.record.participant(person.id))
        XCTAssertEqual(changed.name, "Mia")
        XCTAssertEqual(changed.accessNeeds, "Hearing loop")
        let message = try XCTUnwrap(app.state.message?.text)
        XCTAssertTrue(message == "Renamed \(person.name) to Mia. Mia's access needs: ‘Hearing loop’. Saved.", "both parts named, Saved once: \(message)")

        app.handle(.character("u"))
        XCTAssertEqual(app.session.record, before, "one undo takes the whole box back")
        app.handle(.control("r"))
        XCTAssertEqual(app.session.record.participant(person.id)?.name, "Mia", "and one redo puts it all back")
        XCTAssertEqual(app.session.record.participant(person.id)?.accessNeeds, "Hearing loop")
    }
}

/// `k` on the stories step chooses how long an unfinished workshop keeps room-only stories, and
/// the step says it where there are any.
final class RoomOnlyPeriodKeyTests: XCTestCase {
    func testKCyclesThePeriodAndTheStepSaysIt() throws {
        let (app, _) = ScreenFixtures.app(at: FlowStep(.storytelling))
        XCTAssertTrue(app.session.record.stories.contains { $0.consent == .roomOnly }, "the fixture has a room-only story")
        var screen = ConsoleScreen.render(app, width: 80, height: 24).rows.joined(separator: " ")
        XCTAssertTrue(screen.contains("or 7 days after last"), screen)
        app.handle(.character("k"))
        XCTAssertEqual(app.session.roomOnlyPeriodDays, 14)
        XCTAssertEqual(app.state.message?.text, "Room-only stories are forgotten 14 days after this workshop was last open, if it is not finished by then (was 7 days); a finished workshop forgets them at its close. Saved.")
        screen = ConsoleScreen.render(app, width: 80, height: 24).rows.joined(separator: " ")
        XCTAssertTrue(screen.contains("or 14 days after"), screen)
        app.handle(.character("k"))
        app.handle(.character("k"))
        XCTAssertEqual(app.session.roomOnlyPeriodDays, 1, "30, then round to 1")
        XCTAssertTrue(app.activeBindings.contains { $0.keyLabel == "k" && $0.help.contains("1, 3, 7, 14 or 30 days") })
    }
}
