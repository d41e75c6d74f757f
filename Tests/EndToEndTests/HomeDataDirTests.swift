import Foundation
import XCTest

/// `campfire --data-dir PATH` opens the home screen on that folder without the command-line
/// parser (for speed), in both spellings; anything else still goes through the parser.
final class HomeDataDirTests: TerminalTestCase {
    func testBothSpellingsOpenTheHomeScreenOnThatFolder() throws {
        let made = try Binary.run(["new", "--data-dir", data.path, "--prepare", "--title", "Kept in this folder"])
        XCTAssertEqual(made.status, 0, made.errors)
        for (name, argument) in [("spaced", "--data-dir \(data.path)"), ("joined", "--data-dir=\(data.path)")] {
            try tmux.start(name, command: "\(campfire) \(argument)")
            try tmux.waitFor(name, "Kept in this folder")
            try tmux.press(name, "q")
            try tmux.waitFor(name, "EXITED 0")
        }
    }

    func testAMissingFolderIsStillExplainedByTheParser() throws {
        let result = try Binary.run(["--data-dir"])
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.errors.contains("--data-dir"), result.errors)
    }

    /// `campfire resume SESSION` alone is read without the parser too; with more it goes through it.
    func testResumeWithOnlyTheSessionStillOpensAndExplainsMistakes() throws {
        let made = try Binary.run(["new", "--data-dir", data.path, "--prepare", "--title", "Straight back in"])
        XCTAssertEqual(made.status, 0, made.errors)
        let folder = try sessionFolder()
        try tmux.start("resume", command: "\(campfire) resume \(folder.path)")
        try tmux.waitFor("resume", "People in the room (0)")
        try tmux.press("resume", "q")
        try tmux.waitFor("resume", "EXITED 0")
        let missing = try Binary.run(["resume", data.appendingPathComponent("no-such-workshop").path])
        XCTAssertNotEqual(missing.status, 0)
        XCTAssertFalse(missing.errors.isEmpty)
        XCTAssertFalse(missing.errors.contains("Fatal error"), missing.errors)
    }
}
