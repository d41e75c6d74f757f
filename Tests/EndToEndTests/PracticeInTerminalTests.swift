import Foundation
import XCTest

/// A whole practice run in a real terminal, through the keys only: the built-in day-service
/// scenario with seed 7, run carelessly, ending on the debrief; then the files on disk.
final class PracticeInTerminalTests: TerminalTestCase {

    /// The debrief figures of this run: the same as `PracticeConsoleTests.expectedFigures`, which
    /// drives the console with the same keys on a fixed clock.
    static let expectedFigures = [
        "The loudest voice, Marcus, had 68% of the speaking time (7 turns, 25 min 21 s in all).",
        "Someone took the stick without being given it 3 times.",
        "0 of 2 of the people who only speak when asked by name were invited by name (0%).",
        "0 of 6 jargon terms were translated (0%); 6 were missed.",
        "10 of 10 time-boxes were kept (100%).",
        "The goal was agreed although Tomasz disagreed (override: \"We ran out of time\").",
        "1 of 4 principles have an agreed stage, a RED/AMBER/GREEN score and evidence (25%).",
        "0 of 2 actions say what, who, when and how (0%).",
        "0 of 2 actions are due within 28 days (0%).",
        "1 of 6 people own an action; the busiest, June, is on 2 of 2 (100%).",
    ]

    private func keys(_ t: String, _ keys: [String]) throws {
        for key in keys {
            if key.hasPrefix("text:") { try tmux.type(t, String(key.dropFirst(5))) } else { try tmux.press(t, key) }
        }
    }

    func testACarelessPracticeRunEndsOnTheDebrief() throws {
        let t = "practice"
        try tmux.start(t, command: "\(campfire) practice --data-dir \(data.path) --scenario day-service --seed 7", width: 160, height: 48)
        try tmux.waitFor(t, "People in the room (6)")
        try tmux.waitFor(t, "Coach")

        // The campfire round: the stick passed on nine times, nobody named.
        try keys(t, ["]"])
        try tmux.waitFor(t, "Talking stick")
        for _ in 0..<9 { try keys(t, ["n"]) }
        try tmux.waitFor(t, "Kofi looks down and passes.")

        // The goal: the group puts wordings forward and answers the check; agreed over Tomasz.
        try keys(t, ["]"])
        try tmux.waitFor(t, "Goal wordings (5)")
        try keys(t, ["c"])
        try tmux.waitFor(t, "Tomasz: That could mean anything")
        try keys(t, ["Escape", "g"])
        try tmux.waitFor(t, "Someone disagrees")
        try keys(t, ["text:We ran out of time", "Enter"])
        try tmux.waitUntilGone(t, "Someone disagrees")

        // Principles: assets agreed with evidence, the rest moved past with a reason.
        try keys(t, ["]", "]", "]"])
        try tmux.waitFor(t, "assets: agree")
        try keys(t, ["Enter"])
        try tmux.waitFor(t, "What the group agrees")
        try keys(t, ["2", "Enter", "a", "Enter", "text:Members help with the quiz.", "Enter"])
        try tmux.waitUntilGone(t, "What the group agrees")
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
        try tmux.waitFor(t, "Now on: Action plan")
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
        for figure in Self.expectedFigures { XCTAssertTrue(screen.contains(figure), "the screen shows \(figure):\n\(screen)") }
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
        XCTAssertTrue(journal.contains("The pottery teacher"), "the group's stories are journaled")
        XCTAssertTrue(journal.contains("\"respond\""), "the group's answers are journaled")

        // Left out of the list unless asked for.
        let plain = try Binary.run(["list", "--data-dir", data.path])
        XCTAssertFalse(plain.output.contains("Practice: Maple Street day centre"), plain.output)
        let all = try Binary.run(["list", "--data-dir", data.path, "--practice"])
        XCTAssertTrue(all.output.contains("(practice)"), all.output)
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
