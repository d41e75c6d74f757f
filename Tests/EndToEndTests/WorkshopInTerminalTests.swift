import Foundation
import XCTest

/// Whole workshops in a real terminal, through the keys only, then the files on disk.
final class WorkshopInTerminalTests: TerminalTestCase {

    private func exported() throws -> [String: Any] {
        let result = try Binary.run(["export", "--data-dir", data.path, try sessionFolder().lastPathComponent, "--format", "json"])
        XCTAssertEqual(result.status, 0, result.errors)
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])["session"] as! [String: Any]
    }

    /// Adds a person on the welcome step: name, then the perspective moved `right` times.
    private func addPerson(_ t: String, _ name: String, right: Int) throws {
        try tmux.press(t, "a")
        try tmux.waitFor(t, "Add a person")
        try tmux.type(t, name)
        try tmux.press(t, "Enter")
        for _ in 0..<right { try tmux.press(t, "Right") }
        try tmux.press(t, "Enter", "Enter")
        try tmux.waitFor(t, "People in the room")
    }

    private func addStory(_ t: String, title: String, happened: String, small: String, consentRight: Int) throws {
        try tmux.press(t, "a")
        try tmux.waitFor(t, "Write down a story")
        try tmux.press(t, "Enter")
        try tmux.type(t, title)
        try tmux.press(t, "Enter")
        try tmux.type(t, happened)
        try tmux.press(t, "Enter")
        try tmux.type(t, small)
        try tmux.press(t, "Enter")
        // The box starts on "not chosen yet"; Right twice is "keep", three times "share".
        for _ in 0..<(consentRight + 2) { try tmux.press(t, "Right") }
        try tmux.press(t, "Enter")
        try tmux.waitUntilGone(t, "Write down a story")
        try tmux.waitFor(t, title)
    }

    private func scorePrinciple(_ t: String, stages: String, agreed: String, rag: String, evidence: String) throws {
        try tmux.press(t, "]")
        try tmux.waitFor(t, "everyone scores")
        for stage in stages { try tmux.type(t, String(stage)) }
        try tmux.waitFor(t, "stage \(stages.last!)")
        try tmux.press(t, "]")
        try tmux.waitFor(t, ": agree")
        try tmux.press(t, "Enter")
        try tmux.waitFor(t, "What the group agrees")
        try tmux.type(t, agreed)
        try tmux.press(t, "Enter")
        try tmux.type(t, rag)
        try tmux.press(t, "Enter")
        try tmux.type(t, evidence)
        try tmux.press(t, "Enter")
        try tmux.waitFor(t, "Evidence: \(evidence)")
        try tmux.press(t, "]")
    }

    func testWholeWorkshopThroughTheKeys() throws {
        let t = "whole"
        try tmux.start(t, command: "\(campfire) new --data-dir \(data.path) --title 'E2E workshop' --group e2e")
        try tmux.waitFor(t, "People in the room (0)")
        try addPerson(t, "Ann", right: 1)
        try addPerson(t, "Bo", right: 3)
        try addPerson(t, "Cy", right: 4)
        try tmux.waitFor(t, "People in the room (3)")

        try tmux.press(t, "]")
        try tmux.waitFor(t, "Talking stick")
        try tmux.press(t, "n")
        try tmux.waitFor(t, "Talking stick: Ann")
        try addStory(t, title: "The bus that waited", happened: "I was late and scared", small: "The driver waited", consentRight: 1)
        try tmux.press(t, "n")
        try tmux.waitFor(t, "Talking stick: Bo")
        try addStory(t, title: "Lunch together", happened: "We ate at one table", small: "A chat", consentRight: 0)
        try tmux.press(t, "n")
        try tmux.waitFor(t, "Talking stick: Cy")
        try tmux.press(t, "x")
        try tmux.waitFor(t, "passed 1")

        try tmux.press(t, "]")
        try tmux.waitFor(t, "Goal wordings (0)")
        try tmux.press(t, "a")
        try tmux.waitFor(t, "Propose a goal")
        try tmux.type(t, "Everyone is asked what they are good at")
        try tmux.press(t, "Enter", "Enter")
        try tmux.waitFor(t, "Goal wordings (1)")
        try tmux.press(t, "c")
        try tmux.waitFor(t, "Asking everyone about")
        try tmux.type(t, "1")
        try tmux.waitFor(t, "Ann: ✓")
        try tmux.type(t, "1")
        try tmux.waitFor(t, "Bo: ✓")
        try tmux.type(t, "2")
        try tmux.waitFor(t, "Cy: ~")
        try tmux.press(t, "Escape")
        try tmux.press(t, "g")
        try tmux.waitFor(t, "Agreed goal")

        try tmux.press(t, "]")
        try tmux.waitFor(t, "Recognising people as assets: explain")
        try scorePrinciple(t, stages: "232", agreed: "2", rag: "a", evidence: "Ann runs the art group")
        try tmux.waitFor(t, "Valuing work differently: explain")
        try scorePrinciple(t, stages: "122", agreed: "2", rag: "a", evidence: "Volunteers are thanked")
        try tmux.waitFor(t, "Promoting reciprocity: explain")
        try scorePrinciple(t, stages: "113", agreed: "1", rag: "r", evidence: "No peer support yet")
        try tmux.waitFor(t, "Building social networks: explain")
        try scorePrinciple(t, stages: "334", agreed: "3", rag: "g", evidence: "Café open to neighbours")

        try tmux.waitFor(t, "Ideas (0)")
        try tmux.press(t, "a")
        try tmux.type(t, "A skills swap board")
        try tmux.press(t, "Enter")
        try tmux.type(t, "13")
        try tmux.press(t, "Enter")
        try tmux.waitFor(t, "Ideas (1)")
        try tmux.press(t, "a")
        try tmux.type(t, "Open the café on Fridays")
        try tmux.press(t, "Enter")
        try tmux.type(t, "4")
        try tmux.press(t, "Enter")
        try tmux.waitFor(t, "Ideas (2)")

        try tmux.press(t, "]")
        try tmux.waitFor(t, "Ideas by dots")
        try tmux.type(t, "+")
        try tmux.waitFor(t, "from Ann — 2 dots left")
        try tmux.press(t, "Tab", "Down", "Tab")
        try tmux.type(t, "+")
        try tmux.waitFor(t, "from Bo — 2 dots left")
        try tmux.press(t, "Tab", "Down", "Tab", "Down")
        try tmux.type(t, "+")
        try tmux.waitFor(t, "from Cy — 2 dots left")
        try tmux.press(t, "Up", "Space")
        try tmux.waitFor(t, "chosen: 1")
        try tmux.press(t, "Down", "Space")
        try tmux.waitFor(t, "chosen: 2")

        try tmux.press(t, "]")
        try tmux.waitFor(t, "Action plan —")
        try tmux.press(t, "a")
        try tmux.waitFor(t, "Plan an action")
        try tmux.press(t, "Enter")
        try tmux.type(t, "Make the board")
        try tmux.press(t, "Enter")
        try tmux.type(t, "12")
        try tmux.press(t, "Enter")
        try tmux.type(t, "+7")
        try tmux.press(t, "Enter")
        try tmux.type(t, "Cork from the office")
        try tmux.press(t, "Enter")
        try tmux.waitFor(t, "Ann, Bo · by")
        try tmux.press(t, "a")
        try tmux.waitFor(t, "Plan an action")
        try tmux.press(t, "Right", "Enter")
        try tmux.type(t, "Ask the landlord")
        try tmux.press(t, "Enter")
        try tmux.type(t, "3")
        try tmux.press(t, "Enter")
        try tmux.type(t, "+10")
        try tmux.press(t, "Enter", "Enter")
        try tmux.waitFor(t, "Cy · by")

        try tmux.press(t, "]")
        try tmux.waitFor(t, "Our goal: Everyone is asked what they are good at")
        try tmux.press(t, "p")
        try tmux.waitFor(t, "Thank you all")
        try tmux.press(t, "p", "q")
        try tmux.waitFor(t, "EXITED 0")

        // The files on disk.
        let folder = try sessionFolder()
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("lock").path), "the lock is released on quit")
        let stages = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("stages").path)
        XCTAssertEqual(stages.count, 18, "a stage snapshot for every step left: \(stages.sorted())")
        let journal = try String(contentsOf: folder.appendingPathComponent("journal.jsonl"), encoding: .utf8)
        XCTAssertTrue(journal.contains("\"agreeGoal\""))
        XCTAssertTrue(journal.contains("Ann runs the art group"))

        let session = try exported()
        let record = try XCTUnwrap(session["record"] as? [String: Any])
        XCTAssertEqual((record["participants"] as? [[String: Any]])?.compactMap { $0["name"] as? String }, ["Ann", "Bo", "Cy"])
        XCTAssertEqual((record["participants"] as? [[String: Any]])?.compactMap { $0["perspective"] as? String }, ["lived", "frontline", "manager"])
        let stories = try XCTUnwrap(record["stories"] as? [[String: Any]])
        XCTAssertEqual(stories.compactMap { $0["title"] as? String }, ["The bus that waited"], "only the story shared by its teller leaves the room")
        XCTAssertEqual((record["agreedGoal"] as? [String: Any])?["text"] as? String, "Everyone is asked what they are good at")
        let principles = try XCTUnwrap(record["principles"] as? [[String: Any]])
        XCTAssertEqual(principles.compactMap { $0["rag"] as? String }, ["amber", "amber", "red", "green"])
        XCTAssertEqual(principles.compactMap { $0["agreedStage"] as? Int }, [2, 2, 1, 3])
        XCTAssertEqual(principles.map { ($0["scores"] as? [String: Int])?.count ?? 0 }, [3, 3, 3, 3])
        let ideas = try XCTUnwrap(record["ideas"] as? [[String: Any]])
        XCTAssertEqual(ideas.compactMap { $0["text"] as? String }, ["A skills swap board", "Open the café on Fridays"])
        XCTAssertEqual(ideas.map { ($0["votes"] as? [String: Int])?.values.reduce(0, +) ?? 0 }, [2, 1])
        XCTAssertEqual((record["chosenIdeas"] as? [String])?.count, 2)
        let actions = try XCTUnwrap(record["actions"] as? [[String: Any]])
        XCTAssertEqual(actions.compactMap { $0["what"] as? String }, ["Make the board", "Ask the landlord"])
        XCTAssertEqual(actions.compactMap { ($0["who"] as? [String])?.count }, [2, 1])
        XCTAssertEqual((session["step"] as? [String: Any])?["stage"] as? String, "close")
    }

    func testResizeDuringTypingLosesNothing() throws {
        let t = "resize"
        try tmux.start(t, command: "\(campfire) new --data-dir \(data.path) --title Resize --participant Ann")
        try tmux.waitFor(t, "People in the room (1)")
        try tmux.openStoryTitle(t)
        try tmux.type(t, "Before the resize ")
        try tmux.waitFor(t, "Before the resize")
        try tmux.resize(t, width: 20, height: 8)
        try tmux.waitFor(t, "larger")
        // Keys typed while the box cannot be seen go nowhere (issue 14); what was typed before stays.
        try tmux.type(t, "while small ")
        try tmux.resize(t, width: 1, height: 1)
        usleep(200_000)
        try tmux.resize(t, width: 80, height: 24)
        let back = try tmux.waitFor(t, "Before the resize")
        XCTAssertFalse(back.contains("while small"), back)
        try tmux.type(t, "and after")
        try tmux.press(t, "Enter", "Enter", "Enter", "Right", "Right", "Enter")
        try tmux.waitUntilGone(t, "Write down a story")
        try tmux.waitFor(t, "Before the resize and")
        try tmux.press(t, "q")
        try tmux.waitFor(t, "EXITED 0")
        let journal = try String(contentsOf: try sessionFolder().appendingPathComponent("journal.jsonl"), encoding: .utf8)
        XCTAssertTrue(journal.contains("Before the resize and after"))
    }

    func testKilledMidWorkshopThenResumedKeepsWhatWasSaved() throws {
        let t = "killed"
        try tmux.start(t, command: "\(campfire) new --data-dir \(data.path) --title Killed --participant Ann --participant Bo")
        try tmux.waitFor(t, "People in the room (2)")
        try tmux.press(t, "]")
        try tmux.waitFor(t, "Talking stick")
        try tmux.press(t, "n")
        try addStory(t, title: "Saved before the kill", happened: "It happened", small: "Kindness", consentRight: 1)
        try tmux.waitFor(t, "✓ Saved")
        let pid = try tmux.pid(t)
        XCTAssertGreaterThan(pid, 0)
        kill(pid, SIGKILL)
        try tmux.waitFor(t, "EXITED 137")
        let folder = try sessionFolder()
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent("lock").path), "a killed program leaves its lock")

        let r = "resumed"
        try tmux.start(r, command: "\(campfire) resume --data-dir \(data.path) \(folder.lastPathComponent)")
        try tmux.waitFor(r, "Saved before the kill")
        try tmux.waitFor(r, "Talking stick: Ann")
        try tmux.press(r, "q")
        try tmux.waitFor(r, "EXITED 0")
        let stories = (try exported()["record"] as? [String: Any])?["stories"] as? [[String: Any]]
        XCTAssertEqual(stories?.compactMap { $0["title"] as? String }, ["Saved before the kill"])
    }

    func testWordsBeingTypedSurviveAKill() throws {
        let t = "typing"
        try tmux.start(t, command: "\(campfire) new --data-dir \(data.path) --title Typing --participant Ann")
        try tmux.waitFor(t, "People in the room (1)")
        try tmux.openStoryTitle(t)
        try tmux.type(t, "Typed but not yet saved")
        let draft = try sessionFolder().appendingPathComponent("draft.json")
        let deadline = Date().addingTimeInterval(5)
        while Date() < deadline, !((try? String(contentsOf: draft, encoding: .utf8))?.contains("Typed but not yet saved") ?? false) { usleep(50_000) }
        let attributes = try FileManager.default.attributesOfItem(atPath: draft.path)
        XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, 0o600)
        kill(try tmux.pid(t), SIGKILL)
        try tmux.waitFor(t, "EXITED 137")

        let r = "back"
        try tmux.start(r, command: "\(campfire) resume --data-dir \(data.path) \(try sessionFolder().lastPathComponent)")
        try tmux.waitFor(r, "What you were typing when Campfire stopped is back")
        try tmux.waitFor(r, "Typed but not yet saved")
        try tmux.press(r, "Enter", "Enter", "Enter", "Right", "Right", "Enter")
        try tmux.waitUntilGone(r, "Write down a story")
        try tmux.press(r, "q")
        try tmux.waitFor(r, "EXITED 0")
        XCTAssertFalse(FileManager.default.fileExists(atPath: draft.path), "the draft goes once it is saved")
        let journal = try String(contentsOf: try sessionFolder().appendingPathComponent("journal.jsonl"), encoding: .utf8)
        XCTAssertTrue(journal.contains("Typed but not yet saved"))
    }

    /// Bytes that are not UTF-8 (a Latin-1 terminal's é, a pasted Windows-1252 apostrophe, a
    /// character cut short) are kept with the stated fallback, and the keys after them still work.
    func testBytesThatAreNotUTF8AreKeptAndDoNotStopTheKeysAfterThem() throws {
        let t = "bytes"
        try tmux.start(t, command: "\(campfire) new --data-dir \(data.path) --title Bytes --participant Ann")
        try tmux.waitFor(t, "People in the room (1)")
        try tmux.openStoryTitle(t)
        try tmux.type(t, "caf")
        try tmux.run(["send-keys", "-t", t, "-H", "e9"])
        try tmux.type(t, " au lait, It")
        try tmux.run(["send-keys", "-t", t, "-H", "92"])
        try tmux.type(t, "s fine ")
        try tmux.run(["send-keys", "-t", t, "-H", "e2", "82"])
        try tmux.type(t, "end")
        try tmux.waitFor(t, "café au lait, It’s fine \u{FFFD}end")
        // The consent starts on "not chosen yet": Right twice is "keep".
        try tmux.press(t, "Enter", "Enter", "Enter", "Right", "Right", "Enter")
        try tmux.waitUntilGone(t, "Write down a story")
        try tmux.press(t, "q")
        try tmux.waitFor(t, "EXITED 0")
        let journal = try String(contentsOf: try sessionFolder().appendingPathComponent("journal.jsonl"), encoding: .utf8)
        XCTAssertTrue(journal.contains("café au lait, It’s fine \u{FFFD}end"), journal)
    }

    func testPresentFollowsTheLiveSession() throws {
        let t = "console"
        try tmux.start(t, command: "\(campfire) new --data-dir \(data.path) --title Live --participant Ann")
        try tmux.waitFor(t, "People in the room (1)")
        try tmux.press(t, "]")
        try tmux.waitFor(t, "Talking stick")
        let id = try sessionFolder().lastPathComponent
        let p = "projector"
        try tmux.start(p, command: "\(campfire) present --data-dir \(data.path) \(id)")
        try tmux.waitFor(p, "a small thing made a big difference")
        try tmux.press(t, "n")
        try tmux.press(t, "a", "Enter")
        try tmux.type(t, "Seen on the wall")
        try tmux.press(t, "Enter", "Enter", "Enter", "Right", "Right", "Enter")
        try tmux.waitUntilGone(t, "Write down a story")
        let saved = Date()
        try tmux.waitFor(p, "Seen on the wall", timeout: 5)
        XCTAssertLessThan(Date().timeIntervalSince(saved), 1.0, "the projector shows a saved story within a second")
        let wall = try tmux.screen(p)
        XCTAssertFalse(wall.contains("q quit"), "the projector has no controls")
        try tmux.press(p, "q")
        try tmux.waitFor(p, "EXITED 0")
        try tmux.press(t, "q")
        try tmux.waitFor(t, "EXITED 0")
    }

    func testUnusableTerminalsGetAPlainMessageAndNoSession() throws {
        let t = "dumb"
        try tmux.start(t, command: "\(campfire) new --data-dir \(data.path) --title Dumb", environment: ["TERM": "dumb"])
        let screen = try tmux.waitFor(t, "EXITED")
        XCTAssertTrue(screen.contains("can't move the cursor"), screen)
        XCTAssertFalse(screen.contains("EXITED 0"))
        let u = "unknown"
        try tmux.start(u, command: "\(campfire) new --data-dir \(data.path) --title Unknown", environment: ["TERM": "no-such-terminal"])
        let unknown = try tmux.waitFor(u, "EXITED")
        XCTAssertFalse(unknown.contains("EXITED 0"), unknown)
        let sessions = (try? FileManager.default.contentsOfDirectory(atPath: data.appendingPathComponent("sessions").path)) ?? []
        XCTAssertEqual(sessions, [])
    }
}
