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
}
