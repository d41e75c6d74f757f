import Foundation
import XCTest

/// A whole practice run in a real terminal, through the keys only: the built-in day-service
/// scenario with seed 7, run carelessly, ending on the debrief; then the files on disk.
final class PracticeInTerminalTests: TerminalTestCase {

    /// The debrief figures of this run: the same as `PracticeConsoleTests.expectedFigures`, which
    /// drives the console with the same keys on a fixed clock.
    static let expectedFigures = [
        "Nobody was offered the stick by name.",
        "0 of 2 of the people who only speak when asked by name were invited by name (0%).",
        "Marcus cut in 3 times, so the next person did not get their turn.",
        "People who use services and carers had 19% of the talking, below the band for 4 of 6 people (at least 33%).",
        "Tellers were asked what may happen to 0 of 6 stories.",
        "0 of 6 jargon terms were translated (0%); 6 were missed.",
        "0 of 4 principles were explained for at least a minute before people scored them.",
        "10 of 10 time-boxes were kept (100%).",
        "The goal was agreed although Tomasz disagreed (override: \"We ran out of time\").",
        "No agreed stage was above what people who use services and carers placed without their voice in the evidence.",
        "1 of 4 principles have an agreed stage, a RED/AMBER/GREEN score and evidence (25%).",
        "The evidence is in plain words.",
        "0 of 2 actions say what, who, when and how (0%).",
        "0 of 2 actions are due within 28 days (0%).",
        "Nobody said no to an action, and every story is kept as its teller wants.",
        "2 of 2 actions are left to one person.",
        "1 of 6 people own an action; the busiest, June, is on 2 of 2 (100%).",
    ]

    /// The campfire round (the stick passed on nine times, nobody named), then the goal: the
    /// group puts wordings forward and the check is asked, where Tomasz disagrees.
    /// - Returns: the screen once Tomasz has said so.
    private func toTheGoalCheck(_ t: String) throws -> String {
        try keys(t, ["]"])
        try tmux.waitFor(t, "Talking stick")
        for _ in 0..<9 { try keys(t, ["n"]) }
        try tmux.waitFor(t, "Kofi looks down and passes.")
        try keys(t, ["]"])
        try tmux.waitFor(t, "Goal wordings (5)")
        try keys(t, ["c"])
        return try tmux.waitFor(t, "Tomasz: That could mean anything")
    }

    /// The goal agreed over Tomasz's disagreement, with the reason asked for.
    private func agreeOverTomasz(_ t: String) throws {
        try keys(t, ["Escape", "g"])
        try tmux.waitFor(t, "Someone disagrees")
        try keys(t, ["text:We ran out of time", "Enter"])
        try tmux.waitUntilGone(t, "Someone disagrees")
    }

    private func keys(_ t: String, _ keys: [String]) throws {
        for key in keys {
            if key.hasPrefix("text:") { try tmux.type(t, String(key.dropFirst(5))) } else { try tmux.press(t, key) }
        }
    }

    /// At 80x24, where the action plan has no side panel, what the group says that the trainee
    /// must react to reaches the status line: Tomasz's disagreement with the first goal wording,
    /// and June's offer to do every action on arriving at the action plan.
    func testImportantRemarksReachTheStatusLineAt80x24() throws {
        let t = "small"
        try tmux.start(t, command: "\(campfire) practice --data-dir \(data.path) --scenario day-service --seed 7", width: 80, height: 24)
        try tmux.waitFor(t, "People in the room (6)")
        var screen = try toTheGoalCheck(t)
        let status = { (screen: String) in screen.split(separator: "\n").suffix(4).joined(separator: "\n") }
        XCTAssertTrue(status(screen).contains("Tomasz: That could mean anything"), "on the status line:\n\(screen)")
        try agreeOverTomasz(t)
        // On past the principles and ideas to the action plan, giving a reason where asked.
        for _ in 0..<40 {
            screen = try tmux.screen(t)
            if screen.contains("Action plan —") { break }
            if screen.contains("Not quite ready") {
                try keys(t, ["text:practice run", "Enter"])
                try tmux.waitUntilGone(t, "Not quite ready")
            } else {
                try keys(t, ["]"])
                usleep(300_000)
            }
        }
        screen = try tmux.waitFor(t, "June: Put me down for every one.")
        XCTAssertTrue(screen.contains("Action plan —"), screen)
        XCTAssertTrue(status(screen).contains("June: Put me down for every one."), "on the status line:\n\(screen)")
        try keys(t, ["q"])
        try tmux.waitFor(t, "EXITED 0")
    }

    func testACarelessPracticeRunEndsOnTheDebrief() throws {
        let t = "practice"
        try tmux.start(t, command: "\(campfire) practice --data-dir \(data.path) --scenario day-service --seed 7", width: 160, height: 48)
        try tmux.waitFor(t, "People in the room (6)")
        try tmux.waitFor(t, "Coach")

        _ = try toTheGoalCheck(t)
        try agreeOverTomasz(t)

        // Principles: assets agreed with evidence, the rest moved past with a reason.
        try keys(t, ["]", "]", "]"])
        try tmux.waitFor(t, "assets: agree")
        try keys(t, ["Enter"])
        try tmux.waitFor(t, "What the group agrees")
        try keys(t, ["2", "Enter", "a", "Enter", "text:Members help with the quiz.", "Enter"])
        try tmux.waitFor(t, "evidence written down")  // the status line names what was saved
        try keys(t, ["]"])
        for principle in ["Valuing work differently", "Promoting reciprocity", "Building social networks"] {
            try tmux.waitFor(t, "\(principle): explain")
            try keys(t, ["]", "]", "]"])
            try tmux.waitFor(t, "Not quite ready")
            try keys(t, ["text:practice run", "Enter"])
            try tmux.waitUntilGone(t, "Not quite ready")
        }

        // Ideas come from the group; choose the top two after the group's dots.
        try tmux.waitFor(t, "Ideas")
        try keys(t, ["]"])
        try tmux.waitFor(t, "Now on: Choose")
        try keys(t, ["Space", "Down", "Space"])
        try tmux.waitFor(t, "chosen: 2")

        // Both actions to June, far off.
        try keys(t, ["]"])
        try tmux.waitFor(t, "June: Put me down for every one.")
        for right in [false, true] {
            try keys(t, ["a"])
            try tmux.waitFor(t, "Plan an action")
            try keys(t, (right ? ["Right"] : []) + ["Enter", "text:Sort it out", "Enter", "5", "Enter", "text:+90", "Enter", "Enter"])
            try tmux.waitUntilGone(t, "Plan an action")
        }

        // The close shows the debrief.
        try keys(t, ["]"])
        // Wait for the end of the screen, not its title: under load tmux can capture a screen
        // that ncurses is still drawing.
        try tmux.waitFor(t, "Practice debrief")
        let screen = try tmux.waitFor(t, Self.expectedFigures.last ?? "Three things to do differently next time")
        XCTAssertTrue(screen.contains("Three things to do differently next time"), screen)
        XCTAssertTrue(screen.contains("Practice debrief · Maple Street day centre · seed 7"), "the seed is on the debrief, to run the group again:\n\(screen)")
        // Every indicator's row is on screen at 160x48 (the figures in words are in debrief.txt).
        for title in ["Stick offered by name", "Voices by perspective", "Consent asked", "Stages they would recognise", "Refusals heeded", "Shared actions"] {
            XCTAssertTrue(screen.contains(title), "the screen shows \(title):\n\(screen)")
        }
        try keys(t, ["v"])
        try tmux.waitUntilGone(t, "Practice debrief")
        try keys(t, ["v", "v"])
        try tmux.waitFor(t, "Practice debrief")
        try keys(t, ["q"])
        try tmux.waitFor(t, "EXITED 0")

        // The files on disk.
        let folder = try sessionFolder()
        let debriefURL = folder.appendingPathComponent("debrief.txt")
        let debrief = try String(contentsOf: debriefURL, encoding: .utf8)
        XCTAssertTrue(debrief.hasPrefix("Campfire practice debrief"))
        for figure in Self.expectedFigures { XCTAssertTrue(debrief.contains("   \(figure)\n"), "debrief.txt has \(figure)") }
        for file in ["debrief.txt", "practice.json"] {
            let attributes = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(file).path)
            XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, 0o600, file)
        }
        let journal = try String(contentsOf: folder.appendingPathComponent("journal.jsonl"), encoding: .utf8)
        XCTAssertTrue(journal.contains("\"addStory\""), "the group's stories are journaled")
        // Nobody was asked, so every story stayed "room only": at the close its words were forgotten.
        XCTAssertFalse(journal.contains("The pottery teacher"), "room-only words are gone after the close")
        XCTAssertTrue(journal.contains("a story told in the room"), "each forgotten story keeps a plain placeholder")
        XCTAssertTrue(journal.contains("\"respond\""), "the group's answers are journaled")

        // Left out of the list unless asked for.
        let plain = try Binary.run(["list", "--data-dir", data.path])
        XCTAssertFalse(plain.output.contains("Practice: Maple Street day centre"), plain.output)
        let all = try Binary.run(["list", "--data-dir", data.path, "--practice"])
        XCTAssertTrue(all.output.contains("(practice, seed 7)"), all.output)
        XCTAssertTrue(debrief.contains("Seed:     7 (run the same group again: campfire practice --replay \(folder.lastPathComponent))"), debrief)

        // A trainer looks back: the run's last page in review is its debrief and what the group said.
        let v = "review"
        try tmux.start(v, command: "\(campfire) review --data-dir \(data.path) \(folder.lastPathComponent)", width: 160, height: 48)
        try tmux.waitFor(v, "[Welcome]")
        try keys(v, ["End"])
        let looked = try tmux.waitFor(v, "What the group said")
        XCTAssertTrue(looked.contains("Scenario: Maple Street day centre · seed 7"), looked)
        XCTAssertTrue(looked.contains("Marcus cuts in before anyone else can start."), looked)
        for _ in 0..<40 { try keys(v, ["Down"]) }
        let scrolled = try tmux.waitFor(v, "Campfire practice debrief")
        XCTAssertTrue(scrolled.contains("Nobody was offered the stick by name."), scrolled)
        try keys(v, ["q", "q"])
        try tmux.waitFor(v, "EXITED 0")

        // The same group again, from the earlier run: same scenario, same seed.
        let r = "replay"
        try tmux.start(r, command: "\(campfire) practice --data-dir \(data.path) --replay \(folder.lastPathComponent)", width: 160, height: 48)
        try tmux.waitFor(r, "People in the room (6)")
        try keys(r, ["q"])
        try tmux.waitFor(r, "EXITED 0")
        let folders = try FileManager.default.contentsOfDirectory(atPath: data.appendingPathComponent("sessions").path).filter { !$0.hasPrefix(".") && $0 != folder.lastPathComponent }
        XCTAssertEqual(folders.count, 1)
        let again = try PracticeFileSeed.read(data.appendingPathComponent("sessions").appendingPathComponent(folders[0]).appendingPathComponent("practice.json"))
        XCTAssertEqual(again.seed, 7)
        XCTAssertEqual(again.scenario, "day-service")
        let refused = try Binary.run(["practice", "--data-dir", data.path, "--replay", "nothing-like-this"])
        XCTAssertNotEqual(refused.status, 0)
    }

    func testResumingAPracticeRunCarriesTheGroupOn() throws {
        let t = "resume"
        try tmux.start(t, command: "\(campfire) practice --data-dir \(data.path) --scenario day-service --seed 7 --no-coach")
        try tmux.waitFor(t, "People in the room (6)")
        XCTAssertFalse(try tmux.screen(t).contains("Coach"), "--no-coach hides the coach")
        try keys(t, ["]"])
        try tmux.waitFor(t, "Talking stick")
        try keys(t, ["n"])
        try tmux.waitFor(t, "Marcus  · 1 turn")
        try keys(t, ["q"])
        try tmux.waitFor(t, "EXITED 0")
        let folder = try sessionFolder()
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent("debrief.txt").path), "quitting after the welcome writes the debrief")

        let r = "resumed"
        try tmux.start(r, command: "\(campfire) resume --data-dir \(data.path) \(folder.lastPathComponent)")
        try tmux.waitFor(r, "Talking stick")
        try keys(r, ["n"])
        // Elsie, quiet and not invited, passes; Marcus cuts in: the simulation carried on.
        try tmux.waitFor(r, "Marcus cuts in before anyone else can start.")
        XCTAssertFalse(try tmux.screen(r).contains("Coach"), "an assessed run stays assessed")
        try keys(r, ["q"])
        try tmux.waitFor(r, "EXITED 0")
    }
}

/// The scenario name and seed in a practice.json, read as plain JSON.
enum PracticeFileSeed {
    static func read(_ url: URL) throws -> (seed: UInt64, scenario: String) {
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        let state = object["state"] as! [String: Any]
        let scenario = object["scenario"] as! [String: Any]
        return ((state["seed"] as! NSNumber).uint64Value, scenario["name"] as! String)
    }
}
