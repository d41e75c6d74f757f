import Foundation
import XCTest

/// Signals and a full disk during a workshop in a real terminal (tmux).
final class SignalTests: TerminalTestCase {

    /// Starts `command` in a window whose shell records `stty -g` before and after it.
    private func startRecordingTerminal(_ name: String, command: String, environment: [String: String] = [:]) throws -> (before: URL, after: URL) {
        let before = data.appendingPathComponent("\(name).stty-before")
        let after = data.appendingPathComponent("\(name).stty-after")
        var exports = ["LANG=C.UTF-8", "LC_ALL=C.UTF-8", "TERM=xterm-256color"]
        for (key, value) in environment { exports.append("\(key)=\(value)") }
        let script = "stty -g > \(before.path); env \(exports.joined(separator: " ")) \(command); code=$?; stty -g > \(after.path); echo; echo \"EXITED $code\"; sleep 30"
        try tmux.run(["new-session", "-d", "-s", name, "-x", "80", "-y", "24", script], readOutput: false)
        return (before, after)
    }

    private func folder(named id: String) -> URL {
        data.appendingPathComponent("sessions").appendingPathComponent(id)
    }

    private func prepare(_ title: String) throws -> String {
        let result = try Binary.run(["new", "--data-dir", data.path, "--prepare", "--title", title, "--participant", "Ann"])
        XCTAssertEqual(result.status, 0, result.errors)
        return try XCTUnwrap(result.output.split(separator: "\n").first { $0.hasPrefix("id:") }?.split(separator: " ").last.map(String.init))
    }

    private func addPerson(_ t: String, _ name: String) throws {
        try tmux.press(t, "a")
        try tmux.waitFor(t, "Add a person")
        try tmux.type(t, name)
        try tmux.press(t, "Enter", "Enter", "Enter")
    }

    func testEachStopSignalSavesReleasesTheLockAndRestoresTheTerminal() throws {
        let signals: [(String, Int32)] = [("int", SIGINT), ("term", SIGTERM), ("hup", SIGHUP), ("quit", SIGQUIT)]
        var files: [String: (id: String, stty: (before: URL, after: URL))] = [:]
        // All four at once, each in its own window.
        for (name, _) in signals {
            let id = try prepare("Signal \(name)")
            let stty = try startRecordingTerminal(name, command: "\(campfire) resume --data-dir \(data.path) \(id)")
            files[name] = (id, stty)
        }
        for (name, _) in signals {
            try tmux.waitFor(name, "People in the room (1)")
            try addPerson(name, "Bea-\(name)")
            try tmux.waitFor(name, "People in the room (2)")
            try tmux.waitFor(name, "✓ Saved")
        }
        for (name, signal) in signals {
            let pid = try tmux.pid(name)
            XCTAssertGreaterThan(pid, 0, name)
            kill(pid, signal)
        }
        for (name, signal) in signals {
            try tmux.waitFor(name, "EXITED \(128 + signal)")
            let (id, stty) = files[name]!
            let folder = folder(named: id)
            XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("lock").path), "\(name): the lock was left")
            let journal = try String(contentsOf: folder.appendingPathComponent("journal.jsonl"), encoding: .utf8)
            XCTAssertEqual(journal.split(separator: "\n").count, 2, name)
            XCTAssertTrue(journal.contains("Bea-\(name)"), name)
            let before = try String(contentsOf: stty.before, encoding: .utf8)
            let after = try String(contentsOf: stty.after, encoding: .utf8)
            XCTAssertFalse(before.isEmpty, name)
            XCTAssertEqual(before, after, "\(name): the terminal settings changed")
            // The last snapshot holds the change, so reopening replays nothing.
            let snapshot = try String(contentsOf: folder.appendingPathComponent("snapshot.json"), encoding: .utf8)
            XCTAssertTrue(snapshot.contains("Bea-\(name)"), "\(name): no last snapshot")
        }
    }

    /// A full disk while adding someone: told in plain words, the form stays open with the
    /// name in it, and the next try saves once space has returned.
    func testAFullDiskIsToldPlainlyAndTheNextTrySaves() throws {
        let id = try prepare("Full disk")
        let snapshotBefore = try Data(contentsOf: folder(named: id).appendingPathComponent("snapshot.json"))
        // Opening takes steps 1-3 (the lock: write, flush, folder flush); the first append's write is step 4.
        let t = "full"
        _ = try startRecordingTerminal(t, command: "\(campfire) resume --data-dir \(data.path) \(id)",
                                       environment: ["CAMPFIRE_FAIL_AT_STEP": "4"])
        try tmux.waitFor(t, "People in the room (1)")
        try addPerson(t, "Kept in memory")
        let screen = try tmux.waitFor(t, "Not saved")
        XCTAssertTrue(screen.contains("Not saved: The disk is full"), screen)
        XCTAssertTrue(screen.contains("Kept in memory"), "the form was closed and the words lost:\n\(screen)")
        XCTAssertEqual(try Data(contentsOf: folder(named: id).appendingPathComponent("snapshot.json")), snapshotBefore)
        // Space returns (the fault was one step): Enter again saves it.
        try tmux.press(t, "Enter")
        try tmux.waitFor(t, "People in the room (2)")
        try tmux.press(t, "q")
        try tmux.waitFor(t, "EXITED 0")
        let journal = try String(contentsOf: folder(named: id).appendingPathComponent("journal.jsonl"), encoding: .utf8)
        XCTAssertEqual(journal.components(separatedBy: "Kept in memory").count - 1, 1, journal)
    }

    /// A real file-size limit (as `ulimit -f` sets): the journal hits it part way through a line.
    /// Campfire must say so plainly and keep going (not be killed by SIGXFSZ), keep the form's words,
    /// and save again once the limit is gone.
    func testARealFileSizeLimitIsToldPlainlyAndSavingResumesWithoutIt() throws {
        let result = try Binary.run(["new", "--data-dir", data.path, "--prepare", "--title", "Limit"] + (1...30).flatMap { ["--participant", "P\($0)"] })
        XCTAssertEqual(result.status, 0, result.errors)
        let id = try XCTUnwrap(result.output.split(separator: "\n").first { $0.hasPrefix("id:") }?.split(separator: " ").last.map(String.init))
        let journal = folder(named: id).appendingPathComponent("journal.jsonl")
        let size = try Data(contentsOf: journal).count
        let snapshotBefore = try Data(contentsOf: folder(named: id).appendingPathComponent("snapshot.json"))
        XCTAssertLessThan(snapshotBefore.count, size)
        // Room for part of one more line only.
        let limit = size + 40
        let t = "limit"
        _ = try startRecordingTerminal(t, command: "prlimit --fsize=\(limit):\(limit) \(campfire) resume --data-dir \(data.path) \(id)")
        try tmux.waitFor(t, "People in the room (30)")
        try addPerson(t, "Over the limit")
        let screen = try tmux.waitFor(t, "Not saved", orAny: "EXITED")
        XCTAssertTrue(screen.contains("Not saved: The file has reached the largest size"), screen)
        XCTAssertTrue(screen.contains("Over the limit"), "the words were lost:\n\(screen)")
        try tmux.press(t, "Escape")
        try tmux.waitFor(t, "Throw away what you typed?")
        try tmux.press(t, "y")
        try tmux.waitUntilGone(t, "Add a person")
        try tmux.press(t, "q")
        try tmux.waitFor(t, "EXITED 0", orAny: "EXITED")
        // The snapshot is whole (rewritten on closing, with the same 30 people), without the unsaved person.
        let snapshotAfter = try String(contentsOf: folder(named: id).appendingPathComponent("snapshot.json"), encoding: .utf8)
        XCTAssertTrue(snapshotAfter.contains("\"P30\"") && !snapshotAfter.contains("Over the limit"), snapshotAfter)
        // Without the limit: the cut-off line is set aside and saving works again.
        let u = "unlimited"
        _ = try startRecordingTerminal(u, command: "\(campfire) resume --data-dir \(data.path) \(id)")
        try tmux.waitFor(u, "People in the room (30)")
        try addPerson(u, "Saved at last")
        try tmux.waitFor(u, "People in the room (31)")
        try tmux.press(u, "q")
        try tmux.waitFor(u, "EXITED 0")
    }

    /// A stop signal while Campfire asks what to do with a workshop open in another Campfire
    /// ends it with the signal's code, from `resume` and from the home screen. (Reading the
    /// signal clears it; the question used to answer "quit" instead, and the home screen then
    /// carried on as if nothing had been asked to stop.)
    func testAStopSignalDuringTheOpenElsewhereQuestionEndsCampfire() throws {
        let id = try prepare("Held")
        try tmux.start("holder", command: "\(campfire) resume --data-dir \(data.path) \(id)")
        try tmux.waitFor("holder", "People in the room (1)")
        try tmux.start("again", command: "\(campfire) resume --data-dir \(data.path) \(id)")
        try tmux.waitFor("again", "open in another Campfire")
        kill(try tmux.pid("again"), SIGTERM)
        try tmux.waitFor("again", "EXITED \(128 + SIGTERM)")
        try tmux.start("home", command: "\(campfire) --data-dir \(data.path)")
        try tmux.waitFor("home", "q quit")
        try tmux.press("home", "Enter")
        try tmux.waitFor("home", "open in another Campfire")
        kill(try tmux.pid("home"), SIGTERM)
        try tmux.waitFor("home", "EXITED \(128 + SIGTERM)")
        // The workshop is still the first Campfire's.
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder(named: id).appendingPathComponent("lock").path))
        try tmux.waitFor("holder", "People in the room (1)")
    }

    /// A terminal that goes away without a hang-up signal reaching Campfire (started with
    /// `setsid`, so the closed window is not its controlling terminal): every screen notices that
    /// no key can come and ends, instead of redrawing in a loop at full speed for ever.
    func testAClosedTerminalEndsEveryScreenEvenWithoutAHangUpSignal() throws {
        let id = try prepare("Closed window")
        let screens: [(name: String, command: String, shows: String)] = [
            ("home", "\(campfire) --data-dir \(data.path)", "p practise"),
            ("console", "\(campfire) resume --data-dir \(data.path) \(id)", "People in the room (1)"),
            ("wall", "\(campfire) present --data-dir \(data.path) \(id)", "Closed window"),
            ("review", "\(campfire) review --data-dir \(data.path)", "looking back"),
        ]
        var pids: [String: Int32] = [:]
        for screen in screens {
            try tmux.start(screen.name, command: "setsid -w \(screen.command)")
            try tmux.waitFor(screen.name, screen.shows)
            pids[screen.name] = try tmux.pid(screen.name)
            XCTAssertGreaterThan(pids[screen.name]!, 0, screen.name)
        }
        for screen in screens { tmux.kill(screen.name) }
        let deadline = Date().addingTimeInterval(10)
        for screen in screens {
            let pid = pids[screen.name]!
            while Self.isRunning(pid) && Date() < deadline { usleep(50_000) }
            XCTAssertFalse(Self.isRunning(pid), "\(screen.name): still running 10 s after its terminal closed")
            if Self.isRunning(pid) { Foundation.kill(pid, SIGKILL) }
        }
        let lock = folder(named: id).appendingPathComponent("lock")
        XCTAssertFalse(FileManager.default.fileExists(atPath: lock.path), "the console left its lock")
    }

    /// Whether a process is alive (an exited one waiting to be reaped counts as gone).
    private static func isRunning(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return false }
        let state = stat[stat.index(after: close)...].split(separator: " ").first ?? ""
        return state != "Z" && state != "X"
    }
}
