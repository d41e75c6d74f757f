import TerminalUI
@testable import WorkshopUI
import XCTest

/// Trial finding 23: the home screen's erase suggestion left out --data-dir, a practice run
/// (made up too) could not be deleted and was called "a real workshop".
final class HomeDeleteTests: XCTestCase {
    let entries = [
        HomeEntry(id: "20261203-1142-4724", date: "2026-12-03", title: "Practice at Maple Street", group: "–", stage: "Close", people: 5, rag: [nil, nil, nil, nil], isPractice: true),
        HomeEntry(id: "20261117-0930-cafe", date: "2026-11-17", title: "Real", group: "g", stage: "Close", people: 4, rag: [nil, nil, nil, nil], isPractice: false),
    ]

    func testAPracticeRunCanBeDeletedAfterASecondPressAndIsNamed() {
        let home = HomeApp(entries: entries, content: ScreenFixtures.content)
        home.handle(.down)  // practice runs are listed below real workshops
        home.handle(.character("d"))
        XCTAssertNil(home.choice)
        XCTAssertEqual(home.message?.text, "Press d again to delete the practice run “Practice at Maple Street” (made up).")
        home.handle(.character("d"))
        XCTAssertEqual(home.choice, .deleteSample(id: "20261203-1142-4724", what: "the practice run “Practice at Maple Street”"))
    }

    func testARealWorkshopGetsTheEraseCommandWithTheOptionsGiven() {
        let home = HomeApp(entries: entries, content: ScreenFixtures.content)
        home.eraseCommand = { "campfire erase \($0) --data-dir /media/usb/campfire" }
        home.handle(.character("d"))
        home.handle(.character("d"))
        XCTAssertNil(home.choice, "a real workshop is never deleted from the home screen")
        XCTAssertEqual(home.message?.text, "Only made-up workshops (the sample and practice runs) can be deleted here. To remove a real workshop, use: campfire erase 20261117-0930-cafe --data-dir /media/usb/campfire")
    }
}

/// Trial finding 9: at 80x24 the tour said "The console (left) … The projector view (right)"
/// where only the console was shown.
final class TourCaptionTests: XCTestCase {
    func testLeftAndRightAreSaidOnlyWhenBothViewsAreShown() {
        let tour = GuidedTour(content: ScreenFixtures.content, start: ScreenFixtures.start)
        let narrow = tour.render(width: 80, height: 24).rows.joined(separator: " ")
        XCTAssertFalse(narrow.contains("(left)") || narrow.contains("(right)"), narrow)
        XCTAssertTrue(narrow.contains("The console is yours alone"), narrow)
        let wide = tour.render(width: 200, height: 50).rows.joined(separator: " ")
        XCTAssertTrue(wide.contains("The console (left) is yours alone"), wide)
    }
}
