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
