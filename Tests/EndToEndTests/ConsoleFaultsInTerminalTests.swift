import Foundation
import XCTest

/// The faults found by hand in a whole workshop (issue 14), in a real terminal, then on disk.
final class ConsoleFaultsInTerminalTests: TerminalTestCase {

    /// A short plan: welcome, ideas, choose, actions, close.
    private func shortTemplate() throws -> URL {
        let file = data.appendingPathComponent("short.json")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        let json = """
        { "name": "short", "title": "Ideas only", "description": "Ideas, dots and actions.",
          "stages": [ { "stage": "welcome", "minutes": 10 }, { "stage": "ideas", "minutes": 10 }, { "stage": "choose", "minutes": 10 }, { "stage": "actions", "minutes": 10 }, { "stage": "close", "minutes": 10 } ],
          "dotsPerPerson": 3, "smallMovementDays": 28 }
        """
        try Data(json.utf8).write(to: file)
        return file
    }

    private func exported() throws -> [String: Any] {
        let result = try Binary.run(["export", "--data-dir", data.path, try sessionFolder().lastPathComponent, "--format", "json"])
        XCTAssertEqual(result.status, 0, result.errors)
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])["session"] as! [String: Any]
    }

    func testThreeDotsOnOneIdeaGiveThatIdeaThreeDotsOnTheConsoleAndTheWallThenTheWorkshopIsFinished() throws {
        let t = "dots"
        let template = try shortTemplate()
        try tmux.start(t, command: "\(campfire) new --data-dir \(data.path) --title Dots --template \(template.path) --participant Ann --participant Bo --participant Cy")
        try tmux.waitFor(t, "People in the room")
        try tmux.press(t, "]")
        try tmux.waitFor(t, "Ideas (0)")
        for idea in ["Tea rota", "Walk group", "Book swap"] {
            try tmux.press(t, "a")
            try tmux.waitFor(t, "Add an idea")
            try tmux.type(t, idea)
            try tmux.press(t, "Enter", "Enter")
            try tmux.waitUntilGone(t, "Add an idea")
        }
        try tmux.press(t, "]")
        try tmux.waitFor(t, "Ideas by dots")
        // The third idea, then three dots from Ann: the list re-sorts after the first.
        try tmux.press(t, "Down", "Down")
        for _ in 0..<3 { try tmux.type(t, "+") }
        let console = try tmux.waitFor(t, "— 0 dots left")
        XCTAssertTrue(console.contains("A dot for ‘Book swap’ from Ann — 0 dots left"), console)
        let highlighted = console.split(separator: "\n").first { $0.contains("▸") } ?? ""
        XCTAssertTrue(highlighted.contains("●●● 3  Book swap"), "the highlight stayed on Book swap, with its three dots:\n\(console)")
        try tmux.press(t, "p")
        // The console also shows "Book swap": wait until the wall has replaced it (under load it takes a moment).
        try tmux.waitUntilGone(t, "dots left")
        let wall = try tmux.waitFor(t, "Book swap")
        XCTAssertFalse(wall.contains("dots left"), "this is the room's view")
        let wallLine = wall.split(separator: "\n").first { $0.contains("Book swap") } ?? ""
        XCTAssertTrue(wallLine.contains("●●●  Book swap"), "the wall shows Book swap's three dots:\n\(wall)")
        try tmux.press(t, "p")
        try tmux.waitFor(t, "Ideas by dots")

        // Choose it, move on to the actions (saying why, as none is planned) and the close, and finish.
        try tmux.press(t, "Space")
        try tmux.waitFor(t, "★")
        try tmux.press(t, "]")
        try tmux.waitFor(t, "Action plan")
        try tmux.press(t, "]")
        try tmux.waitFor(t, "Not quite ready")
        try tmux.type(t, "We plan next week")
        try tmux.press(t, "Enter")
        try tmux.waitFor(t, "f finish")
        try tmux.press(t, "]")
        try tmux.waitFor(t, "Finish the workshop?")
        try tmux.type(t, "y")
        try tmux.waitFor(t, "The workshop is finished")
        try tmux.press(t, "q")
        try tmux.waitFor(t, "EXITED 0")

        let session = try exported()
        let record = try XCTUnwrap(session["record"] as? [String: Any])
        let ideas = try XCTUnwrap(record["ideas"] as? [[String: Any]])
        let swap = try XCTUnwrap(ideas.first { $0["text"] as? String == "Book swap" })
        XCTAssertEqual((swap["votes"] as? [String: Int])?.values.reduce(0, +), 3)
        for other in ideas where other["text"] as? String != "Book swap" {
            XCTAssertEqual((other["votes"] as? [String: Int])?.values.reduce(0, +) ?? 0, 0, "\(other)")
        }
        XCTAssertNotNil(session["finishedAt"])
        let list = try Binary.run(["list", "--data-dir", data.path])
        XCTAssertTrue(list.output.contains("Finished"), list.output)
    }

    func testAKeyInTheProjectorViewNeverGoesIntoAHiddenBox() throws {
        let t = "hidden"
        try tmux.start(t, command: "\(campfire) new --data-dir \(data.path) --title Hidden --participant Ann --participant Bo")
        try tmux.waitFor(t, "People in the room")
        try tmux.press(t, "]")
        try tmux.waitFor(t, "Talking stick")
        try tmux.press(t, "p")
        try tmux.waitUntilGone(t, "Talking stick: nobody — press n")
        try tmux.press(t, "]")
        // The "say why" box comes up on the console, where it can be seen.
        try tmux.waitFor(t, "Not quite ready")
        try tmux.type(t, "pq")
        let screen = try tmux.waitFor(t, "Why")
        XCTAssertFalse(screen.contains("EXITED"), "q was typed into the box, not taken as quit")
        try tmux.press(t, "Escape")
        try tmux.waitFor(t, "Throw away")
        try tmux.type(t, "y")
        try tmux.waitUntilGone(t, "Not quite ready")
        try tmux.press(t, "q")
        try tmux.waitFor(t, "EXITED 0")
        let journal = try String(contentsOf: try sessionFolder().appendingPathComponent("journal.jsonl"), encoding: .utf8)
        XCTAssertFalse(journal.contains("\"pq\""), "no reason was saved")
        XCTAssertEqual(try exported()["step"].map { "\($0)" }?.contains("storytelling"), true)
    }

    func testAFailedNewLeavesNothingBehind() throws {
        let made = try Binary.run(["new", "--data-dir", data.path, "--title", "Twice", "--participant", "Ann", "--participant", "Ann", "--prepare"])
        XCTAssertNotEqual(made.status, 0)
        XCTAssertTrue(made.errors.contains("Ann is already in the list"), made.errors)
        XCTAssertTrue(made.errors.contains("Nothing was made."), made.errors)
        let sessions = data.appendingPathComponent("sessions")
        let left = (try? FileManager.default.contentsOfDirectory(atPath: sessions.path).filter { !$0.hasPrefix(".") }) ?? []
        XCTAssertEqual(left, [], "no half-made workshop")
        let list = try Binary.run(["list", "--data-dir", data.path])
        XCTAssertFalse(list.output.contains("Twice"), list.output)
    }

    func testTheHomeScreenSaysWhyAWorkshopWillNotOpen() throws {
        let made = try Binary.run(["new", "--data-dir", data.path, "--title", "Broken", "--participant", "Ann", "--prepare"])
        XCTAssertEqual(made.status, 0, made.errors)
        let folder = try sessionFolder()
        // A snapshot from a newer Campfire: refused without touching it.
        let snapshot = folder.appendingPathComponent("snapshot.json")
        var text = try String(contentsOf: snapshot, encoding: .utf8)
        let schema = try XCTUnwrap(text.range(of: #""schema"\s*:\s*\d+"#, options: .regularExpression))
        text.replaceSubrange(schema, with: "\"schema\" : 999")
        try Data(text.utf8).write(to: snapshot)
        let t = "home"
        try tmux.start(t, command: "\(campfire) --data-dir \(data.path)")
        try tmux.waitFor(t, "Broken")
        try tmux.press(t, "Enter")
        let screen = try tmux.waitFor(t, "did not open")
        XCTAssertTrue(screen.contains("newer version of Campfire"), screen)
        try tmux.press(t, "q")
        try tmux.waitFor(t, "EXITED 0")
    }

    func testKeysTypedWhileTheWindowIsTooSmallChangeNothing() throws {
        let t = "small"
        try tmux.start(t, command: "\(campfire) new --data-dir \(data.path) --title Small --participant Ann")
        try tmux.waitFor(t, "People in the room")
        try tmux.resize(t, width: 30, height: 10)
        try tmux.waitFor(t, "larger")
        try tmux.type(t, "a]Bo")
        try tmux.press(t, "Enter", "Escape")
        try tmux.resize(t, width: 80, height: 24)
        let screen = try tmux.waitFor(t, "People in the room")
        XCTAssertFalse(screen.contains("Add a person"), "no box was opened unseen:\n\(screen)")
        XCTAssertFalse(screen.contains("Bo"), screen)
        XCTAssertTrue(screen.contains("Welcome"), "still on the welcome step")
        try tmux.press(t, "q")
        try tmux.waitFor(t, "EXITED 0")
        let journal = try String(contentsOf: try sessionFolder().appendingPathComponent("journal.jsonl"), encoding: .utf8)
        XCTAssertEqual(journal.split(separator: "\n").count, 1, "only Ann, added by the command line")
    }
}
