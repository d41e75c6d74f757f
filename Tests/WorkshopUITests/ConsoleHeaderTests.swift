import TerminalUI
import Workshop
@testable import WorkshopUI
import XCTest

/// The step's hint ("Pass the stick round. Ask the teller about consent before you save a
/// story.") was cut at 80 columns: the part about consent was lost. It now wraps under itself.
final class ConsoleHeaderTests: XCTestCase {
    func testEveryStepsHintIsWholeAtEightyByTwentyFourAndAbove() {
        for stage in Stage.allCases {
            let (app, _) = ScreenFixtures.app(at: stage == .principles ? FlowStep(principle: .reciprocity, phase: .score) : FlowStep(stage))
            let hint = app.content.prompts.prompt(for: stage).hint
            for (width, height) in [(80, 24), (100, 30), (200, 60)] {
                app.state.size = (width, height)
                let rows = ConsoleScreen.render(app, width: width, height: height).rows.prefix(4)
                let words = rows.joined(separator: " ").split(separator: " ").joined(separator: " ")
                XCTAssertTrue(words.contains(hint), "\(stage) at \(width)x\(height): the hint is whole\n" + rows.joined(separator: "\n"))
                XCTAssertFalse(rows.prefix(2).joined().contains("…"), "nothing cut in the header:\n" + rows.joined(separator: "\n"))
            }
        }
    }

    func testASmallWindowKeepsOneRowForTheHint() {
        let (app, _) = ScreenFixtures.app(at: FlowStep(.storytelling))
        app.state.size = (60, 20)
        let rows = ConsoleScreen.render(app, width: 60, height: 20).rows
        XCTAssertTrue(rows[1].contains("…"), "a cut says so: " + rows[1])
        XCTAssertTrue(rows[2].contains("Talking stick"), "the stage's own rows start on the third row at 60x20: " + rows[2])
    }
}

final class TimerWordsTests: XCTestCase {
    func testALongOverrunIsSaidInHoursOrDaysNotThousandsOfMinutes() {
        XCTAssertEqual(Draw.duration(24 * 60), "24 min")
        XCTAssertEqual(Draw.duration(59 * 60 + 1), "1 h")
        XCTAssertEqual(Draw.duration(2 * 3600 + 5 * 60), "2 h 5 min")
        XCTAssertEqual(Draw.duration(3 * 3600), "3 h")
        XCTAssertEqual(Draw.duration(25 * 3600), "1 day")
        XCTAssertEqual(Draw.duration(10 * 86_400 + 7), "10 days")
        // A workshop reopened ten days after its step began (trial: "◷ 14556:55 of 10:00 · 14546:55 over").
        let (app, clock) = ScreenFixtures.app(at: FlowStep(.storytelling))
        clock.advance(by: 10 * 86_400)
        let header = ConsoleScreen.render(app, width: 80, height: 24).rowText(0)
        XCTAssertTrue(header.contains("◷ 35:00 time box · 9 days over"), header)
        var wall = Grid(width: 100, height: 30)
        ProjectorScreen.render(session: app.session, content: app.content, now: app.now, into: &wall)
        XCTAssertTrue(wall.rows.joined().contains("time is up — 9 days over"), wall.rows.joined(separator: "\n"))
    }
}
