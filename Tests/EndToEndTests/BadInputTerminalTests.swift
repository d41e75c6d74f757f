import Foundation
import Persistence
import XCTest

/// Hostile text and odd terminals: nothing raw reaches the terminal, exports keep the text exactly,
/// a 100 KB paste is saved whole, and no terminal means a plain message, not a broken session.
final class BadInputTerminalTests: TerminalTestCase {

    static let hostileNames = [
        "Ann\u{1B}[2J\u{1B}]0;pwned\u{07}",    // clear screen, set window title
        "Bob\u{202E}evil",                      // right-to-left override
        "👩🏽‍🦱 Ama",                            // ZWJ emoji sequence with a skin tone
        "李明",                                  // CJK, two columns each
        "Zoe\u{301}\u{0323}",                   // combining marks
    ]

    private func prepare(_ names: [String]) throws -> String {
        let result = try Binary.run(["new", "--data-dir", data.path, "--prepare", "--title", "Hostile \u{1B}[31mtitle"] + names.flatMap { ["--participant", $0] })
        XCTAssertEqual(result.status, 0, result.errors)
        return try XCTUnwrap(result.output.split(separator: "\n").first { $0.hasPrefix("id:") }?.split(separator: " ").last.map(String.init))
    }

    func testHostileTextNeverReachesTheTerminalRawAndExportsKeepItExactly() throws {
        let id = try prepare(Self.hostileNames)
        for (name, locale) in [("utf8", "C.UTF-8"), ("clocale", "C")] {
            try tmux.start(name, command: "\(Binary.campfire.path) resume --data-dir \(data.path) \(id)", environment: ["LANG": locale, "LC_ALL": locale])
            try tmux.waitFor(name, "People in the room (5)")
            let raw = try tmux.run(["capture-pane", "-p", "-e", "-t", name])
            XCTAssertFalse(raw.contains("\u{1B}[2J"), "\(name): a clear-screen sequence reached the terminal")
            XCTAssertFalse(raw.contains("\u{1B}]0;"), "\(name): a title sequence reached the terminal")
            XCTAssertFalse(raw.contains("\u{202E}"), "\(name): a right-to-left override reached the terminal")
            XCTAssertFalse(raw.contains("pwned\u{07}"), name)
            let title = try tmux.run(["display-message", "-p", "-t", name, "#{pane_title}"])
            XCTAssertFalse(title.contains("pwned"), "\(name): the window title was changed")
            if locale == "C.UTF-8" {
                let screen = try tmux.screen(name)
                // Columns line up: on every person's row the panel border is at the same display column.
                setlocale(LC_CTYPE, "C.UTF-8")
                func columns(_ text: Substring) -> Int {
                    text.unicodeScalars.reduce(0) { $0 + max(0, Int(systemWidth(Int32(bitPattern: $1.value)))) }
                }
                let rows = screen.split(separator: "\n").filter { $0.contains("○ ") }
                XCTAssertEqual(rows.count, 5, screen)
                let borders = Set(rows.compactMap { row in row.firstIndex(of: "│").map { columns(row[..<$0]) } })
                XCTAssertEqual(borders.count, 1, "the columns do not line up:\n\(rows.joined(separator: "\n"))")
                XCTAssertTrue(screen.contains("李明"), screen)
                XCTAssertTrue(screen.contains("Zoe\u{301}\u{0323}") || screen.contains("Zoé"), screen)
            }
            try tmux.press(name, "q")
            try tmux.waitFor(name, "EXITED 0")
        }
        // The JSON export keeps every name exactly (escaped inside JSON, not stripped).
        let json = try Binary.run(["export", "--data-dir", data.path, id, "--format", "json"])
        XCTAssertEqual(json.status, 0, json.errors)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        let session = try XCTUnwrap(object["session"] as? [String: Any])
        let people = try XCTUnwrap((session["record"] as? [String: Any])?["participants"] as? [[String: Any]])
        XCTAssertEqual(people.compactMap { $0["name"] as? String }, Self.hostileNames)
    }

    func testAHundredKilobytePasteIntoAStoryIsSavedWhole() throws {
        let id = try prepare(["Ann"])
        // 100 KB of mixed text, one line (a story field), with wide and combining characters.
        let unit = "Waited 40 minutes — 李明 said 👩🏽‍🦱 it was e\u{301}nough. "
        var paste = ""
        while paste.utf8.count < 100_000 { paste += unit }
        paste += "The end."  // fields are trimmed of outer spaces, so end on a word
        let pasteFile = data.appendingPathComponent("paste.txt")
        try paste.write(to: pasteFile, atomically: true, encoding: .utf8)
        let t = "paste"
        try tmux.start(t, command: "\(Binary.campfire.path) resume --data-dir \(data.path) \(id)")
        try tmux.waitFor(t, "People in the room (1)")
        try tmux.openStoryTitle(t)
        try tmux.type(t, "Long one")
        try tmux.press(t, "Enter")
        try tmux.run(["load-buffer", "-b", "big", pasteFile.path])
        try tmux.run(["paste-buffer", "-p", "-b", "big", "-t", t])  // bracketed, as a terminal pastes
        try tmux.waitFor(t, "The end.", timeout: 60)
        try tmux.press(t, "Enter", "Enter", "Right", "Right", "Enter")
        try tmux.waitUntilGone(t, "Write down a story", timeout: 30)
        try tmux.waitFor(t, "✓ Saved")
        try tmux.press(t, "q")
        try tmux.waitFor(t, "EXITED 0")
        let store = try SessionStore.open(data.appendingPathComponent("sessions/\(id)"), readOnly: true, at: Date())
        let story = try XCTUnwrap(store.session.record.stories.first)
        XCTAssertEqual(story.title, "Long one")
        let saved = Mirror(reflecting: story).children.compactMap { $0.value as? String }.first { $0.count > 1000 } ?? ""
        XCTAssertEqual(saved.utf8.count, paste.utf8.count, "the paste was not saved whole")
        XCTAssertEqual(saved, paste)
    }

    func testWithoutATerminalResumeSaysSoPlainlyAndLeavesNoLock() throws {
        let id = try prepare(["Ann"])
        let folder = data.appendingPathComponent("sessions/\(id)")
        // Standard input and output are not a terminal here (null and a pipe).
        let result = try Binary.run(["resume", "--data-dir", data.path, id])
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.errors.contains("needs a terminal"), result.errors)
        XCTAssertFalse(result.errors.contains("Ann"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("lock").path))
        // Unset, unknown and dumb TERM.
        for term in ["", "no-such-terminal", "dumb"] {
            let t = "term\(term.count)"
            let command = term.isEmpty ? "env -u TERM \(Binary.campfire.path) resume --data-dir \(data.path) \(id)"
                                       : "env TERM=\(term) \(Binary.campfire.path) resume --data-dir \(data.path) \(id)"
            try tmux.start(t, command: command)
            let screen = try tmux.waitFor(t, "EXITED")
            XCTAssertFalse(screen.contains("EXITED 0"), "\(term): \(screen)")
            XCTAssertTrue(screen.contains("TERM") || screen.contains("terminal"), "\(term): \(screen)")
            XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("lock").path), term)
        }
    }
}

/// The C library's `wcwidth` (not exported to Swift by Glibc), as the program itself measures text.
@_silgen_name("wcwidth")
private func systemWidth(_ character: Int32) -> Int32
