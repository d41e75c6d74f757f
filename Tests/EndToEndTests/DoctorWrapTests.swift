import Foundation
import XCTest

/// `campfire doctor` in a narrow terminal wraps its findings between words, under the finding,
/// instead of letting the terminal cut words in two (found in the trial run at 60x20:
/// "smaller than the 80x24 Camp" / "fire is made for"). Sent to a file, each finding stays one line.
final class DoctorWrapTests: TerminalTestCase {

    func testInANarrowTerminalFindingsWrapBetweenWords() throws {
        let t = "doctor"
        try tmux.start(t, command: "\(campfire) doctor --data-dir \(data.path)", width: 60, height: 40,
                       environment: ["TERM": "tmux-256color", "LANG": "C.UTF-8"])
        let screen = try tmux.waitFor(t, "EXITED")
        let rows = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let size = try XCTUnwrap(rows.firstIndex { $0.hasPrefix("WARNING  Terminal size:") }, screen)
        // The warning goes on over the next rows, each indented under the text, none cut in a word.
        let finding = rows[size...].prefix { $0 == rows[size] || $0.hasPrefix("         ") }
        XCTAssertGreaterThan(finding.count, 1, screen)
        let joined = finding.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        XCTAssertTrue(joined.contains("60x40 is smaller than the 80x24 Campfire is made for (it works down to 44x12, with less on screen). Make the window bigger"), screen)
        for row in rows { XCTAssertLessThanOrEqual(row.count, 60, row) }
        XCTAssertFalse(screen.contains("Camp\nfire"), screen)
    }
}

/// `campfire erase`'s question in a narrow terminal wraps between words (found in the trial run:
/// "… and their place in actions. T" / "heir name becomes …" at 80 columns).
final class EraseQuestionWrapTests: TerminalTestCase {

    func testTheQuestionWrapsBetweenWords() throws {
        let id = try PrintoutSessions.make(in: data, id: "20261123-1000-beef")
        let t = "erase"
        try tmux.start(t, command: "\(campfire) erase \(id) --participant Tom --data-dir \(data.path)", width: 60, height: 30)
        let screen = try tmux.waitFor(t, "just press Enter.")
        let rows = screen.split(separator: "\n").map(String.init)
        let joined = rows.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        XCTAssertTrue(joined.contains("Their name becomes \"someone\" in other people's words."), screen)
        XCTAssertTrue(joined.contains("type the session id (\(id)) and press Enter"), screen)
        for row in rows { XCTAssertLessThanOrEqual(row.count, 60, row) }
        try tmux.press(t, "Enter")
        try tmux.waitFor(t, "EXITED")
    }
}
