import Foundation
import XCTest
import Persistence

/// A command that cannot find the session it was asked for suggests what to run next, and that
/// suggestion works when pasted: it names the same data folder (found in the trial run, where
/// `campfire present --data-dir D` and `campfire export nope --data-dir D` sent the facilitator to
/// the default folder).
final class FollowUpDataFolderTests: TerminalTestCase {

    func testAnUnknownSessionSuggestsListingTheSameDataFolder() throws {
        _ = try PrintoutSessions.make(in: data, id: "20261123-1000-beef")
        let list = "campfire list --data-dir \(shellWord(data.path))"
        for command in [["export", "nope"], ["resume", "nope"], ["present", "nope"], ["erase", "nope", "--yes"], ["repair", "nope"], ["review", "nope"]] {
            let run = try Binary.run(command + ["--data-dir", data.path])
            XCTAssertNotEqual(run.status, 0, "\(command)")
            XCTAssertTrue(run.errors.contains("There is no session called \"nope\". Run \"\(list)\" to see the sessions there are."),
                          "\(command): \(run.errors)")
        }
    }

    func testPresentWithNothingOpenSuggestsCommandsForTheSameDataFolder() throws {
        _ = try PrintoutSessions.make(in: data, id: "20261123-1000-beef")
        let run = try Binary.run(["present", "--data-dir", data.path])
        XCTAssertEqual(run.status, 1)
        let folder = shellWord(data.path)
        XCTAssertTrue(run.errors.contains("campfire present ID --data-dir \(folder)"), run.errors)
        XCTAssertTrue(run.errors.contains("campfire list --data-dir \(folder)"), run.errors)
    }

    /// Without --data-dir the suggestions stay short, as before.
    func testWithoutADataFolderOptionTheSuggestionHasNone() throws {
        _ = try PrintoutSessions.make(in: data, id: "20261123-1000-beef")
        let run = try Binary.run(["export", "nope"], environment: ["CAMPFIRE_DATA_DIR": data.path])
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.errors.contains("Run \"campfire list\" to see the sessions there are."), run.errors)
    }

    private func shellWord(_ text: String) -> String {
        let safe = text.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || "/._-+:@=,".unicodeScalars.contains($0) }
        return safe ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
