import Foundation
import TerminalUI
@testable import Workshop
@testable import WorkshopUI
import XCTest

/// Scores and answers are shown on the wall together, once everyone has placed, so nobody
/// anchors on the first or the most senior answer; and no one person's score is projected.
final class RevealTogetherTests: XCTestCase {
    private let scoring = FlowStep(principle: .reciprocity, phase: .score)

    private func wallText(_ app: ConsoleApp, width: Int = 80, height: Int = 24) -> String {
        app.state.layout = .projector
        defer { app.state.layout = .console }
        return ConsoleScreen.render(app, width: width, height: height).rows.joined(separator: "\n")
    }

    func testTheWallShowsOnlyHowManyHavePlacedUntilEveryoneHas() {
        let (app, _) = ScreenFixtures.app(at: scoring)
        XCTAssertTrue(app.record(.score(principle: .reciprocity, participant: "p3", stage: nil)))
        XCTAssertTrue(app.record(.score(principle: .reciprocity, participant: "p4", stage: nil)))
        for size in [(80, 24), (160, 48)] {
            let wall = wallText(app, width: size.0, height: size.1)
            XCTAssertTrue(wall.contains("2 of 4 have placed their stage"), wall)
            XCTAssertFalse(wall.contains("We've got the basics"), "no spread yet: \(wall)")
            XCTAssertFalse(wall.contains("By perspective"), wall)
        }
        // The console (the facilitator's own screen) still shows each stage.
        let console = ConsoleScreen.render(app, width: 80, height: 24).rows.joined(separator: "\n")
        XCTAssertTrue(console.contains("stage 1"), console)

        XCTAssertTrue(app.record(.score(principle: .reciprocity, participant: "p3", stage: 1)))
        XCTAssertTrue(wallText(app).contains("3 of 4 have placed"))
        XCTAssertTrue(app.record(.score(principle: .reciprocity, participant: "p4", stage: 3)))
        let revealed = wallText(app)
        XCTAssertFalse(revealed.contains("have placed"), revealed)
        XCTAssertTrue(revealed.contains("We've got the basics"), revealed)
    }

    func testTheKeyShowsScoresLiveAndIsSaved() {
        let saved = ScreenFixtures.Saved()
        let (app, _) = ScreenFixtures.app(at: scoring, saved: saved)
        XCTAssertTrue(app.record(.score(principle: .reciprocity, participant: "p4", stage: nil)))
        XCTAssertTrue(wallText(app).contains("3 of 4 have placed"))
        app.handle(.character("l"))
        XCTAssertEqual(saved.events.last, .showAnswersLive(true))
        XCTAssertEqual(app.session.showsAnswersLive, true)
        XCTAssertTrue(app.state.message?.text.contains("as they come") ?? false)
        let live = wallText(app)
        XCTAssertFalse(live.contains("have placed"), live)
        XCTAssertTrue(live.contains("We've got the basics"), live)
        app.handle(.character("l"))
        XCTAssertEqual(saved.events.last, .showAnswersLive(false))
        XCTAssertTrue(wallText(app).contains("3 of 4 have placed"))
        // Undo is for captures: it leaves the setting alone.
        XCTAssertNil(app.session.showsAnswersLive)
    }

    func testGoalAnswersAreShownTogether() {
        let (app, _) = ScreenFixtures.app(at: FlowStep(.goal))
        XCTAssertTrue(app.record(.respond(draft: "g9", participant: "p1", response: .disagree)))
        let wall = wallText(app)
        XCTAssertTrue(wall.contains("1 of 4 have answered"), wall)
        XCTAssertFalse(wall.contains("✗ 1"), wall)
        for person in ["p2", "p3", "p4"] {
            XCTAssertTrue(app.record(.respond(draft: "g9", participant: person, response: .agree)))
        }
        let all = wallText(app)
        XCTAssertTrue(all.contains("✓ 3 I agree"), all)
        XCTAssertTrue(all.contains("✗ 1 I disagree"), all)
    }

    func testNoOnePersonsScoreIsOnTheWall() {
        // The sample's four people each bring a different perspective.
        let (app, _) = ScreenFixtures.app(at: scoring)
        let wall = wallText(app, width: 160, height: 48)
        XCTAssertTrue(wall.contains("By perspective: other perspectives 1.8"), wall)
        for label in ["use services", "front line", "family carers", "run services"] {
            XCTAssertFalse(wall.contains(label), "\(label) alone is one person's score: \(wall)")
        }
        // Two people sharing a perspective are shown as such; the rest together.
        XCTAssertTrue(app.record(.setPerspective(id: "p2", perspective: .lived)))
        let shared = wallText(app, width: 160, height: 48)
        XCTAssertTrue(shared.contains("use services 1.5 · other perspectives 2.0"), shared)
        // The console still has each perspective for the facilitator.
        XCTAssertEqual(SpreadChart.wallAverages(app.session.record.score(for: .reciprocity), record: app.session.record).map(\.label), ["use services", "other perspectives"])
    }
}
