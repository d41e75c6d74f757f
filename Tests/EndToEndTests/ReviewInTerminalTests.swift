import Foundation
import XCTest
import Persistence
import Workshop

/// `campfire review` in a real terminal: browse, search, open, timeline, mark an action, quit;
/// then every file byte compared with before.
final class ReviewInTerminalTests: TerminalTestCase {

    /// A sample workshop saved through the real store, with its own id, title and group.
    static func make(in data: URL, id: String, title: String, group: String, daysLater: Double, extra: [SessionEvent] = []) throws {
        let template = try ContentLibrary.load().template(named: "standard")
        let library = SessionLibrary(dataFolder: DataFolder(url: data))
        let start = SessionMaker.start.addingTimeInterval(daysLater * 86_400)
        let store = try library.create(Session(id: id, title: title, group: group, facilitator: "Jo", createdAt: start, template: template), at: start)
        for (event, seconds) in SampleWorkshop.events(template: template) {
            try store.record(event, at: start.addingTimeInterval(seconds))
        }
        for (index, event) in extra.enumerated() {
            try store.record(event, at: start.addingTimeInterval(20_000 + Double(index)))
        }
        store.close(at: start.addingTimeInterval(30_000))
    }

    /// Every file under the data folder with its bytes.
    private func files() throws -> [String: Data] {
        var result: [String: Data] = [:]
        let root = data.standardizedFileURL.path
        let walker = FileManager.default.enumerator(atPath: root)!
        while let relative = walker.nextObject() as? String {
            var isFolder: ObjCBool = false
            let path = root + "/" + relative
            FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
            if !isFolder.boolValue { result[relative] = try Data(contentsOf: URL(fileURLWithPath: path)) }
        }
        return result
    }

    func testBrowseSearchOpenTimelineMarkAnActionAndQuit() throws {
        try Self.make(in: data, id: "20261123-1000-aaaa", title: "Riverside day service", group: "riverside", daysLater: 0)
        try Self.make(in: data, id: "20261221-1000-bbbb", title: "Riverside six weeks on", group: "riverside", daysLater: 28,
                      extra: [.agreePrinciple(principle: .reciprocity, stage: 2, rag: .amber, evidence: "People help each other at lunch.")])
        try Self.make(in: data, id: "20261125-1000-cccc", title: "Hillside carers", group: "hillside", daysLater: 2)
        let before = try files()

        let t = "review"
        try tmux.start(t, command: "\(Binary.campfire.path) review --data-dir \(data.path)", width: 100, height: 30)
        try tmux.waitFor(t, "looking back")
        try tmux.waitFor(t, "3 of 3 sessions")

        // Search: typed words are text, so "q" does not quit.
        try tmux.press(t, "/")
        try tmux.type(t, "hill")
        var screen = try tmux.waitFor(t, "1 of 3 sessions")
        XCTAssertTrue(screen.contains("Hillside carers"))
        XCTAssertFalse(screen.contains("Riverside six weeks on"))
        try tmux.press(t, "Enter")
        try tmux.press(t, "Escape")
        try tmux.waitFor(t, "3 of 3 sessions")

        // Open the six-weeks-on session (newest first, so it is at the top) and read it.
        try tmux.press(t, "/")
        try tmux.type(t, "six weeks")
        try tmux.waitFor(t, "1 of 3 sessions")
        try tmux.press(t, "Enter", "Enter")
        try tmux.waitFor(t, "1 of 11")
        try tmux.press(t, "Right")
        screen = try tmux.waitFor(t, "2 of 11")
        XCTAssertTrue(screen.contains("[room only] Sam"), screen)

        // The timeline: forward one event, then to the next stage change.
        try tmux.press(t, "t")
        try tmux.waitFor(t, "Timeline")
        try tmux.waitFor(t, "Entry 1 of")
        XCTAssertTrue(try tmux.screen(t).contains("Maya joined the group"))
        try tmux.press(t, "Right")
        try tmux.waitFor(t, "Entry 2 of")
        try tmux.press(t, "]")
        try tmux.waitFor(t, "The workshop moved to Stories")
        try tmux.press(t, "Escape")
        try tmux.waitFor(t, "2 of 11")

        // Over time, for the group: mark the first action of the first session done. Actions are
        // listed newest first: the later session's two, then the first session's, its first last.
        try tmux.press(t, "o")
        try tmux.waitFor(t, "Over time")
        try tmux.waitFor(t, "This is the one change review makes")
        try tmux.press(t, "Down", "Down", "Down")
        try tmux.waitFor(t, "▸ [· planned ] Make the swap board — Maya, Tom — by 2026-12-04 (2026-11-23)")
        try tmux.press(t, "d")
        screen = try tmux.waitFor(t, "Saved:")
        XCTAssertTrue(screen.contains("[✓ done    ] Make the swap board"), screen)
        try tmux.press(t, "q")
        try tmux.waitFor(t, "looking back")
        try tmux.press(t, "q")
        try tmux.waitFor(t, "EXITED 0")

        // Every file as it was, except one more journal line in the session that was marked.
        let after = try files()
        XCTAssertEqual(Set(after.keys), Set(before.keys), "files were added or removed (a lock left behind?)")
        let journal = "sessions/20261123-1000-aaaa/journal.jsonl"
        for (name, bytes) in before where name != journal {
            XCTAssertEqual(after[name], bytes, "\(name) changed")
        }
        let old = try XCTUnwrap(before[journal]), new = try XCTUnwrap(after[journal])
        XCTAssertEqual(new.prefix(old.count), old, "the journal was rewritten, not appended to")
        let added = String(decoding: new.dropFirst(old.count), as: UTF8.self)
        XCTAssertEqual(added.filter { $0 == "\n" }.count, 1)
        XCTAssertTrue(added.contains("\"setActionStatus\":{\"id\":\"a13\",\"status\":\"done\"}"), added)

        // The store replays it: the action is done, and the session opens as before otherwise.
        let store = try SessionStore.open(data.appendingPathComponent("sessions/20261123-1000-aaaa"), readOnly: true, at: Date())
        XCTAssertEqual(store.session.record.action("a13")?.status, .done)
        XCTAssertEqual(store.session.record.action("a14")?.status, .planned)
    }

    func testMarkingIsRefusedWhileTheSessionIsOpenElsewhere() throws {
        try Self.make(in: data, id: "20261123-1000-aaaa", title: "Riverside day service", group: "riverside", daysLater: 0)
        let library = SessionLibrary(dataFolder: DataFolder(url: data))
        let folder = data.appendingPathComponent("sessions/20261123-1000-aaaa")
        let console = try SessionStore.open(folder, readOnly: false, at: Date())
        defer { console.close(at: Date()) }
        let journal = try Data(contentsOf: folder.appendingPathComponent("journal.jsonl"))
        XCTAssertThrowsError(try ReviewFiles(library: library).markAction("20261123-1000-aaaa", action: "a13", status: .done)) { error in
            XCTAssertEqual("\(error)", "This session is open in another Campfire right now, so the action cannot be marked. Close it there and try again.")
        }
        XCTAssertEqual(try Data(contentsOf: folder.appendingPathComponent("journal.jsonl")), journal)
    }

    func testLookBackFromTheHomeScreenOpensTheReview() throws {
        try Self.make(in: data, id: "20261123-1000-aaaa", title: "Riverside day service", group: "riverside", daysLater: 0)
        let before = try files()
        let t = "home"
        try tmux.start(t, command: "\(Binary.campfire.path) --data-dir \(data.path)", width: 100, height: 30)
        try tmux.waitFor(t, "Riverside day service")
        try tmux.press(t, "l")
        try tmux.waitFor(t, "1 of 11")
        XCTAssertTrue(try tmux.screen(t).contains("read-only"))
        try tmux.press(t, "Escape")
        try tmux.waitFor(t, "looking back")
        try tmux.press(t, "q")
        try tmux.waitFor(t, "Workshops")
        try tmux.press(t, "q")
        try tmux.waitFor(t, "EXITED 0")
        XCTAssertEqual(try files(), before, "looking back changed a file")
    }

    func testFirstScreenPrintsWithoutATerminal() throws {
        try Self.make(in: data, id: "20261123-1000-aaaa", title: "Riverside day service", group: "riverside", daysLater: 0)
        let result = try Binary.run(["review", "--data-dir", data.path, "--print-first-screen", "80x24"])
        XCTAssertEqual(result.status, 0, result.errors)
        XCTAssertTrue(result.output.contains("1 of 1 sessions"), result.output)
        XCTAssertTrue(result.output.contains("Riverside day servi"), result.output)
        XCTAssertTrue(result.output.contains("▲A ▲A ■R ●G"), result.output)
    }

    /// `?` in review shows the keys of the screen it is on (the list, then one workshop), at
    /// 60 × 20 the box scrolls and says so; any other key closes it and review goes on.
    func testQuestionMarkShowsTheKeysOfEachReviewScreen() throws {
        try Self.make(in: data, id: "20261123-1000-aaaa", title: "Riverside day service", group: "riverside", daysLater: 0)
        let t = "review"
        try tmux.start(t, command: "\(Binary.campfire.path) review --data-dir \(data.path)", width: 60, height: 20)
        try tmux.waitFor(t, "1 of 1 sessions")
        try tmux.waitFor(t, "? keys")
        try tmux.press(t, "?")
        try tmux.waitFor(t, "Search by title or group")
        try tmux.waitFor(t, "more below: ↓")
        try tmux.press(t, "Down", "Down", "Down", "Down", "Down", "Down", "Down", "Down")
        try tmux.waitFor(t, "Quit (Esc too")
        try tmux.press(t, "x")  // closes the box, nothing else
        try tmux.waitUntilGone(t, "Keys")
        try tmux.waitFor(t, "1 of 1 sessions")
        try tmux.press(t, "Enter")
        try tmux.press(t, "?")
        try tmux.waitFor(t, "The next stage")
        try tmux.press(t, "x")
        try tmux.waitUntilGone(t, "The next stage")
        try tmux.press(t, "Escape", "q")
        try tmux.waitFor(t, "EXITED 0")
    }
}
