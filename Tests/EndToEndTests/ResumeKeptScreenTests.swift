import Foundation
import Persistence
import Workshop
import XCTest

/// `campfire resume` shows the screen the workshop was left on at once, from `screen.txt`, while
/// the session opens behind it (docs/decisions.md), and only while that screen still matches the
/// files exactly. Watched as the terminal receives it: every byte the program writes is kept with
/// tmux's `pipe-pane`.
final class ResumeKeptScreenTests: TerminalTestCase {
    let id = "20261123-1000-k3pt"
    var folder: URL { data.appendingPathComponent("sessions/\(id)") }
    var kept: URL { folder.appendingPathComponent(LastScreen.fileName) }

    /// Starts `campfire resume` in a window after a moment, with everything it writes to the
    /// terminal copied to a file from its first byte.
    private func resume(_ name: String) throws -> URL {
        let stream = data.appendingPathComponent("\(name).bytes")
        try tmux.start(name, command: "sleep 0.5; \(Binary.campfire.path) resume \(id) --data-dir \(data.path)")
        try tmux.run(["pipe-pane", "-t", name, "-o", "cat > \(stream.path)"])
        return stream
    }

    /// The kept screen, with "Ideas (" changed to a word the console never draws, so that seeing
    /// it on the terminal shows the kept screen was drawn. Only `screen.txt` changes.
    private func markKeptScreen() throws {
        let text = try String(contentsOf: kept, encoding: .utf8)
        let range = try XCTUnwrap(text.range(of: "Ideas ("), "the kept screen shows the ideas:\n\(text)")
        try text.replacingCharacters(in: range, with: "KEPTSC(").write(to: kept, atomically: false, encoding: .utf8)
    }

    func testResumeShowsTheScreenItWasLeftOnFirstThenTheWorkshopItself() throws {
        _ = try SessionMaker.sample(in: data, id: id, upTo: FlowStep(.ideas))
        XCTAssertFalse(FileManager.default.fileExists(atPath: kept.path), "no screen is kept until a console closes")

        // Opened and left normally: the screen is kept, for its owner only.
        try tmux.start("a", command: "\(Binary.campfire.path) resume \(id) --data-dir \(data.path)")
        _ = try tmux.waitFor("a", "q quit")
        try tmux.press("a", "Down")
        try tmux.press("a", "Down")
        Thread.sleep(forTimeInterval: 0.3)
        try tmux.press("a", "q")
        _ = try tmux.waitFor("a", "EXITED 0")
        let mode = try FileManager.default.attributesOfItem(atPath: kept.path)[.posixPermissions] as? NSNumber
        XCTAssertEqual(mode?.intValue, 0o600, "it holds words: readable by its owner only")

        // Resumed: the kept screen reaches the terminal first, then the console draws the same
        // workshop over it; while the workshop is open, no screen is kept.
        try markKeptScreen()
        let streamB = try resume("b")
        _ = try tmux.waitFor("b", "q quit")
        try tmux.waitUntilGone("b", "KEPTSC")
        Thread.sleep(forTimeInterval: 0.3)
        let screen = try tmux.screen("b")
        XCTAssertTrue(screen.contains("Ideas ("), "the console's own screen replaced the kept one:\n\(screen)")
        XCTAssertFalse(screen.contains("KEPTSC"), screen)
        let bytesB = try String(decoding: Data(contentsOf: streamB), as: UTF8.self)
        XCTAssertTrue(bytesB.contains("KEPTSC"), "the kept screen was drawn first")
        XCTAssertFalse(FileManager.default.fileExists(atPath: kept.path), "open for changes: the kept screen is removed")
        try tmux.press("b", "q")
        _ = try tmux.waitFor("b", "EXITED 0")
        let again = try String(contentsOf: kept, encoding: .utf8)
        XCTAssertFalse(again.contains("KEPTSC"), "kept again at close, from the console")

        // A change to the files since (here only the journal's permissions, set as they were):
        // the kept screen is not shown.
        try markKeptScreen()
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: folder.appendingPathComponent("journal.jsonl").path)
        let streamC = try resume("c")
        _ = try tmux.waitFor("c", "q quit")
        Thread.sleep(forTimeInterval: 0.3)
        let bytesC = try String(decoding: Data(contentsOf: streamC), as: UTF8.self)
        XCTAssertTrue(bytesC.contains("Ideas ("), "the stream was recorded")
        XCTAssertFalse(bytesC.contains("KEPTSC"), "a screen kept for other files is never shown")
        try tmux.press("c", "q")
        _ = try tmux.waitFor("c", "EXITED 0")

        // Erasing a person opens the workshop for changes: no kept screen holds their name after.
        XCTAssertTrue(try String(contentsOf: kept, encoding: .utf8).contains("Maya"), "the people panel shows Maya")
        let erased = try Binary.run(["erase", "--data-dir", data.path, id, "--participant", "Maya", "--yes"])
        XCTAssertEqual(erased.status, 0, erased.output)
        XCTAssertFalse(FileManager.default.fileExists(atPath: kept.path), "erasing removes the kept screen with the rest")
    }

    /// Ctrl-C and a window closed (a hang-up) close the console normally too: the screen is kept.
    func testCtrlCAndAClosedWindowKeepTheScreenToo() throws {
        _ = try SessionMaker.sample(in: data, id: id, upTo: FlowStep(.ideas))
        try tmux.start("a", command: "\(Binary.campfire.path) resume \(id) --data-dir \(data.path)")
        _ = try tmux.waitFor("a", "q quit")
        try tmux.press("a", "C-c")
        _ = try tmux.waitFor("a", "EXITED 130")
        XCTAssertTrue(FileManager.default.fileExists(atPath: kept.path), "kept after Ctrl-C")

        try tmux.start("b", command: "\(Binary.campfire.path) resume \(id) --data-dir \(data.path)")
        _ = try tmux.waitFor("b", "q quit")
        // "q quit" is on the kept screen too, drawn before the workshop opens: wait for the opening.
        let opened = Date().addingTimeInterval(10)
        while FileManager.default.fileExists(atPath: kept.path), Date() < opened { Thread.sleep(forTimeInterval: 0.02) }
        XCTAssertFalse(FileManager.default.fileExists(atPath: kept.path), "removed once open for changes")
        let pid = try tmux.pid("b")
        XCTAssertGreaterThan(pid, 0, "the console is running in the window")
        try tmux.run(["kill-session", "-t", "b"])
        let deadline = Date().addingTimeInterval(10)
        while kill(pid, 0) == 0, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        XCTAssertTrue(FileManager.default.fileExists(atPath: kept.path), "kept after the window was closed")
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("lock").path), "and the workshop was closed properly")
    }
}
