import Foundation
import Persistence
import Workshop
import XCTest

/// Reveal together, end to end: the console in one terminal, `campfire present` in another.
final class RevealTogetherInTerminalTests: TerminalTestCase {
    func testTheWallRevealsScoresOnceEveryoneHasPlaced() throws {
        // The sample workshop at "everyone scores" for reciprocity, with two people still to place.
        let template = try ContentLibrary.load().template(named: "standard")
        let library = SessionLibrary(dataFolder: DataFolder(url: data))
        let start = Date().addingTimeInterval(-3_600)
        let id = "20261203-1000-5c0e"
        let step = FlowStep(principle: .reciprocity, phase: .score)
        let store = try library.create(Session(id: id, title: "Riverside", createdAt: start, template: template), at: start)
        var last = 0.0
        for (event, seconds) in SampleWorkshop.events(template: template, upTo: step) {
            try store.record(event, at: start.addingTimeInterval(seconds))
            last = seconds
        }
        try store.record(.score(principle: .reciprocity, participant: "p3", stage: nil), at: start.addingTimeInterval(last + 1))
        try store.record(.score(principle: .reciprocity, participant: "p4", stage: nil), at: start.addingTimeInterval(last + 2))
        store.close(at: start.addingTimeInterval(last + 3))

        let console = "console", wall = "wall"
        try tmux.start(console, command: "\(campfire) resume --data-dir \(data.path) \(id)", width: 100, height: 30)
        try tmux.waitFor(console, "Each person's stage")
        try tmux.start(wall, command: "\(campfire) present --data-dir \(data.path) \(id)")
        var screen = try tmux.waitFor(wall, "2 of 4 have placed their stage")
        XCTAssertFalse(screen.contains("We've got the basics"), "no spread before everyone has placed")

        // Priya places stage 1: still hidden. (Resuming puts the highlight on the next person to
        // score, Priya; after her it moves on to Sam.)
        try tmux.press(console, "1")
        screen = try tmux.waitFor(wall, "3 of 4 have placed")
        XCTAssertFalse(screen.contains("By perspective"))

        // Shown live, then together again.
        try tmux.press(console, "l")
        try tmux.waitFor(console, "as they come")
        try tmux.waitFor(wall, "We've got the basics")
        try tmux.press(console, "l")
        try tmux.waitFor(wall, "3 of 4 have placed")

        // Sam places the last stage: the whole spread at once, no one person's own score.
        try tmux.press(console, "3")
        screen = try tmux.waitFor(wall, "We've got the basics")
        XCTAssertFalse(screen.contains("have placed"), screen)
        XCTAssertFalse(screen.contains("use services"), "one person's perspective is not shown alone: \(screen)")

        try tmux.press(wall, "q")
        try tmux.waitFor(wall, "EXITED 0")
        try tmux.press(console, "q")
        try tmux.waitFor(console, "EXITED 0")
        let journal = try String(contentsOf: data.appendingPathComponent("sessions/\(id)/journal.jsonl"), encoding: .utf8)
        XCTAssertEqual(journal.components(separatedBy: "showAnswersLive").count - 1, 2, "both switches are in the journal")
    }
}
