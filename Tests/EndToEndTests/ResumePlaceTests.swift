import Foundation
import Persistence
import Workshop
import XCTest

/// Reopening a workshop puts the facilitator back where they were: the step, the panel and the
/// highlighted item (issue 14: "resume loses the place"), from `place.json` in the session folder.
final class ResumePlaceTests: TerminalTestCase {
    /// The highlighted row of the screen (the one starting with ▸ or ›).
    private func highlighted(_ screen: String) -> [String] {
        screen.split(separator: "\n").dropFirst().map(String.init).filter { $0.contains("▸ ") || $0.contains("› ") }
    }

    /// A closed sample workshop at `step`, with `extraIdeas` more ideas; returns the command
    /// that resumes it.
    private func closedSession(upTo step: FlowStep, extraIdeas: Int = 0) throws -> String {
        let template = try ContentLibrary.load().template(named: "standard")
        let start = SessionMaker.start
        let store = try SessionLibrary(dataFolder: DataFolder(url: data)).create(
            Session(id: "20261123-1000-p1ac", title: "Riverside", group: nil, facilitator: "Jo", createdAt: start, template: template), at: start)
        for (event, seconds) in SampleWorkshop.events(template: template, upTo: step) {
            try store.record(event, at: start.addingTimeInterval(seconds))
        }
        for number in 0..<extraIdeas {
            try store.record(.addIdea(Idea(id: "x\(number)", text: "Idea number \(number)", principles: [], proposedBy: "p1")), at: start.addingTimeInterval(8_000 + Double(number)))
        }
        store.close(at: start.addingTimeInterval(9_000))
        return "\(Binary.campfire.path) resume 20261123-1000-p1ac --data-dir \(data.path)"
    }

    func testTheHighlightedIdeaAndPanelComeBackOnResume() throws {
        let command = try closedSession(upTo: FlowStep(.choose))

        try tmux.start("a", command: command)
        _ = try tmux.waitFor("a", "q quit")
        let first = highlighted(try tmux.screen("a"))
        try tmux.press("a", "Down")
        try tmux.press("a", "Down")
        Thread.sleep(forTimeInterval: 0.3)
        let moved = highlighted(try tmux.screen("a"))
        XCTAssertNotEqual(moved, first, "the highlight moved to the third idea")
        try tmux.press("a", "Tab")
        _ = try tmux.waitFor("a", "pick idea")
        let focused = highlighted(try tmux.screen("a"))
        XCTAssertNotEqual(focused, moved, "Tab moved the focus (▸) to the people")
        try tmux.press("a", "q")
        _ = try tmux.waitFor("a", "EXITED 0")

        let place = data.appendingPathComponent("sessions/20261123-1000-p1ac/place.json")
        let attributes = try FileManager.default.attributesOfItem(atPath: place.path)
        XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, 0o600, "readable by its owner only")
        let words = try String(contentsOf: place, encoding: .utf8)
        XCTAssertFalse(words.contains("café") || words.contains("swap"), "only identities, never words: \(words)")

        try tmux.start("b", command: command)
        let again = try tmux.waitFor("b", "q quit")
        XCTAssertEqual(highlighted(again), focused, "the same idea and person are highlighted, the people panel in focus:\n" + again)
        XCTAssertTrue(again.contains("pick idea"), "and the people panel still has the keys (Tab goes back to the ideas):\n" + again)
    }

    /// `place.json` is written once the highlight has stayed put for half a second (docs/file-
    /// format.md), not in the middle of a run of ↓ presses: after a run of presses and a pause, a
    /// Campfire killed without closing reopens on the last highlighted idea; and the file was
    /// replaced (it is written by renaming a new file over it) at most once during a run of 12
    /// presses a tenth of a second apart (once only if a press was slow to arrive).
    func testThePlaceIsWrittenWhenTheHighlightStopsAndSurvivesAKill() throws {
        let command = try closedSession(upTo: FlowStep(.ideas), extraIdeas: 12)
        let place = data.appendingPathComponent("sessions/20261123-1000-p1ac/place.json")
        // Each write renames a new file over it: a new inode, and a new time of change (a freed
        // inode can be given out again, so both are taken).
        func inode() -> String? {
            var status = stat()
            guard stat(place.path, &status) == 0 else { return nil }
            return "\(status.st_ino) \(status.st_ctim.tv_sec).\(status.st_ctim.tv_nsec)"
        }

        try tmux.start("a", command: command)
        _ = try tmux.waitFor("a", "q quit")
        try tmux.press("a", "Down")
        Thread.sleep(forTimeInterval: 1.2)
        let settled = try XCTUnwrap(inode(), "written once the first move settled")
        var seen: Set<String> = [settled]
        for _ in 0..<12 {
            try tmux.press("a", "Down")
            Thread.sleep(forTimeInterval: 0.1)
            if let now = inode() { seen.insert(now) }
        }
        XCTAssertLessThanOrEqual(seen.count, 2, "written during the run of keys (\(seen.count - 1) times)")
        let last = highlighted(try tmux.screen("a"))
        Thread.sleep(forTimeInterval: 1.2)
        kill(try tmux.pid("a"), SIGKILL)
        _ = try tmux.waitFor("a", "EXITED")

        try tmux.start("b", command: command)
        let again = try tmux.waitFor("b", "q quit")
        XCTAssertEqual(highlighted(again), last, "the idea highlighted when Campfire was killed:\n" + again)
    }

    /// A damaged `place.json` only means the highlight starts at the top (docs/file-format.md).
    func testADamagedPlaceLeavesTheHighlightAtTheTop() throws {
        let command = try closedSession(upTo: FlowStep(.ideas), extraIdeas: 3)
        let place = data.appendingPathComponent("sessions/20261123-1000-p1ac/place.json")
        try tmux.start("a", command: command)
        let first = try tmux.waitFor("a", "q quit")
        try tmux.press("a", "Down")
        try tmux.press("a", "Down")
        try tmux.press("a", "q")
        _ = try tmux.waitFor("a", "EXITED 0")
        XCTAssertNotEqual(try String(contentsOf: place, encoding: .utf8), "", "the place was kept")
        try Data("{\"selectedItems\": {\"ideas\": tor".utf8).write(to: place)
        // The screen kept at the close shows the place as it was; without it, what is seen first
        // is the console as opened.
        try FileManager.default.removeItem(at: place.deletingLastPathComponent().appendingPathComponent(LastScreen.fileName))

        try tmux.start("b", command: command)
        let again = try tmux.waitFor("b", "q quit")
        XCTAssertEqual(highlighted(again), highlighted(first), "the highlight at the top, as on a first opening:\n" + again)
    }
}
