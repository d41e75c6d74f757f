import Foundation
import TerminalUI
import XCTest
@testable import Workshop
@testable import WorkshopUI

/// On the Close step the console says, in plain words, that the stories told for the room only
/// will be forgotten: on arriving, in the question before finishing, and once finished.
final class RoomOnlyNoticeTests: XCTestCase {
    static let notice = "The story for the room only from Sam is forgotten when Campfire closes on this step: its words leave every file, and only that it was told stays."

    private func screenText(_ app: ConsoleApp, width: Int = 80, height: Int = 24) -> String {
        ConsoleScreen.render(app, width: width, height: height).rows
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\" ")) }.joined(separator: " ")
    }

    func testTheCloseStepSaysTheRoomOnlyStoriesWillBeForgotten() throws {
        let saved = ScreenFixtures.Saved()
        let (app, _) = ScreenFixtures.app(at: FlowStep(.actions), saved: saved)
        app.handle(.character("]"))
        XCTAssertEqual(app.session.step.stage, .close)
        XCTAssertEqual(app.state.message, StatusMessage(.saved, "Now on: Close. Saved. " + Self.notice))
        for size in [(80, 24), (60, 20)] {
            let shown = screenText(app, width: size.0, height: size.1)
            XCTAssertTrue(shown.contains("forgotten when Campfire closes"), "\(size): \(shown)")
            XCTAssertTrue(shown.contains("only that it was told stays"), "the whole sentence is on screen at \(size): \(shown)")
        }

        app.handle(.character("f"))
        guard case .confirm(let question, _) = app.state.mode else { return XCTFail("\(app.state.mode)") }
        XCTAssertEqual(question, "Finish the workshop? It is then shown as finished in the list. " + Self.notice + " Press y to finish, any other key to carry on.")
        XCTAssertTrue(screenText(app).contains("Press y to finish"), "the question is whole on an 80x24 screen")
        app.handle(.character("y"))
        XCTAssertEqual(saved.events.last, .finishWorkshop)
        XCTAssertEqual(app.state.message, StatusMessage(.saved, "The workshop is finished. Thank you, everyone. Saved. " + Self.notice))
    }

    func testNothingIsSaidWhenNoStoryIsForTheRoomOnly() throws {
        let (app, _) = ScreenFixtures.app(at: FlowStep(.actions))
        XCTAssertTrue(app.record(.setConsent(story: "s7", consent: .keep)))
        app.handle(.character("]"))
        XCTAssertEqual(app.state.message, StatusMessage(.saved, "Now on: Close. Saved."))
        app.handle(.character("f"))
        guard case .confirm(let question, _) = app.state.mode else { return XCTFail("\(app.state.mode)") }
        XCTAssertFalse(question.contains("room only"))
    }

    func testSeveralTellersAreNamedOnce() {
        var session = SampleWorkshop.session(template: ScreenFixtures.standard, names: ["Maya", "Tom", "Priya", "Sam"], upTo: FlowStep(.close), start: ScreenFixtures.start)
        session.record.stories.append(Story(id: "s90", teller: "p1", title: "Mine", consent: .roomOnly))
        session.record.stories.append(Story(id: "s91", teller: "p1", title: "Also mine", consent: .roomOnly))
        session.record.stories.append(Story(id: "s92", teller: "p2", title: Story.toldInTheRoom, consent: .roomOnly))  // already forgotten
        XCTAssertEqual(RoomOnlyNotice.sentence(for: session),
                       "The 3 stories for the room only from Sam and Maya are forgotten when Campfire closes on this step: their words leave every file, and only who told them stays.")
    }
}
