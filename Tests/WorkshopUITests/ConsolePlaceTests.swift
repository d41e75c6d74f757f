import TerminalUI
import Workshop
@testable import WorkshopUI
import XCTest

final class ConsolePlaceTests: XCTestCase {
    func testAPlaceComesBackOnlyOnItsOwnStepAndOnlyForItemsStillThere() {
        let (app, _) = ScreenFixtures.app(at: FlowStep(.ideas))
        app.handle(.down)
        app.handle(.down)
        let idea = app.selectedIdea?.id
        XCTAssertNotNil(idea)
        let place = app.place

        let (fresh, _) = ScreenFixtures.app(at: FlowStep(.ideas))
        XCTAssertNotEqual(fresh.selectedIdea?.id, idea)
        XCTAssertTrue(fresh.restore(place))
        XCTAssertEqual(fresh.selectedIdea?.id, idea, "the same idea is highlighted")

        let (other, _) = ScreenFixtures.app(at: FlowStep(.actions))
        XCTAssertFalse(other.restore(place), "a place kept on another step is not used")

        var gone = place
        gone.selectedItems["ideas"] = "no-such-idea"
        gone.focus = 7
        let (again, _) = ScreenFixtures.app(at: FlowStep(.ideas))
        XCTAssertTrue(again.restore(gone))
        XCTAssertEqual(again.selectedIdea?.id, again.session.record.ideas.first?.id, "an item that has gone leaves the highlight at the top")
        XCTAssertEqual(again.state.focus, 1, "a panel number out of range is kept in range")
    }
}
