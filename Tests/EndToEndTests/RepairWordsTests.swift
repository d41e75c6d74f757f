import Foundation
import XCTest
import Persistence
import Workshop

/// What `campfire repair` says about where it starts from (found in the trial run: after an
/// erase, repair called a snapshot holding the whole workshop one that "holds no changes yet").
final class RepairWordsTests: TerminalTestCase {

    func testASnapshotWrittenBeforeTheJournalIsNotCalledEmpty() throws {
        let id = try PrintoutSessions.make(in: data, id: "20261123-1000-beef")
        // Erasing one person rewrites the session as a snapshot and an empty journal.
        let erase = try Binary.run(["erase", id, "--participant", "Tom", "--yes", "--data-dir", data.path])
        XCTAssertEqual(erase.status, 0, erase.errors)
        let repair = try Binary.run(["repair", id, "--data-dir", data.path])
        XCTAssertEqual(repair.status, 0, repair.errors)
        XCTAssertFalse(repair.output.contains("holds no changes yet"), repair.output)
        XCTAssertTrue(repair.output.contains(
            "The journal has 0 lines. Starting from the snapshot (snapshot.json), which holds the session as it was before the journal's first line:"),
            repair.output)
        XCTAssertTrue(repair.output.contains("Nothing needs mending"), repair.output)
    }

    /// Each damaged line is said by number in plain words — what it held, and why it is set
    /// aside — never as raw JSON, while every original byte is still kept in kept/.
    func testDamagedLinesAreDescribedInWordsAndTheirBytesKept() throws {
        let id = "20261203-1000-word"
        let folder = data.appendingPathComponent("sessions/\(id)", isDirectory: true)
        let start = Date(timeIntervalSince1970: 1_795_000_000)
        let template = try ContentLibrary.load().template(named: "standard")
        let store = try SessionStore.create(Session(id: id, title: "Words", createdAt: start, template: template), in: folder, at: start)
        let events: [SessionEvent] = [
            .addParticipant(Participant(id: "p1", name: "Ann")),
            .addParticipant(Participant(id: "p2", name: "Zoë")),
            .moveTo(step: FlowStep(.storytelling), overriddenGuards: [], overrideReason: nil),
            .addStory(Story(id: "s4", teller: "p2", title: "Bus", whatHappened: "The driver waited", consent: .keep)),
            .addStory(Story(id: "s5", teller: "p2", title: "Door", whatHappened: "Someone held it", consent: .keep)),
        ]
        for (index, event) in events.enumerated() { try store.record(event, at: start.addingTimeInterval(Double(index + 1))) }
        try store.files.close()
        let journal = folder.appendingPathComponent("journal.jsonl")
        var text = String(decoding: try Data(contentsOf: journal), as: UTF8.self)
        text = text.replacingOccurrences(of: "The driver waited", with: "The driver waitex")   // line 4: checksum wrong, JSON whole
        text = text.replacingOccurrences(of: "\"title\":\"Door\"", with: "\"title\":\"Door")   // line 5: JSON broken
        text += "\u{1}\u{7}garbage\n"                                                          // line 6: not an entry at all
        try Data(text.utf8).write(to: journal)
        let damaged = try Data(contentsOf: journal)

        let look = try Binary.run(["repair", id, "--data-dir", data.path])
        let said = look.output
        XCTAssertTrue(said.contains("  line 4: set aside: what seems to be this change: Zoë told a story: “Bus” (kept, not shared) (damaged: its checksum does not match its contents)."), said)
        XCTAssertTrue(said.contains("  line 5: set aside: a story from Zoë, which cannot be read (damaged: "), said)
        XCTAssertTrue(said.contains("  line 6: set aside: 10 bytes that are not a journal entry Campfire can read (damaged: "), said)
        XCTAssertTrue(said.contains("  line 2: keep (change 2): Zoë joined the group."), said)
        XCTAssertFalse(said.contains("{\"seq\""), "no raw journal line is shown:\n\(said)")
        XCTAssertFalse(said.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "no control character is printed")

        let repair = try Binary.run(["repair", id, "--data-dir", data.path, "--yes"])
        XCTAssertEqual(repair.status, 0, repair.errors)
        let kept = folder.appendingPathComponent("kept")
        let copies = try FileManager.default.contentsOfDirectory(atPath: kept.path).map { kept.appendingPathComponent($0).appendingPathComponent("journal.jsonl") }
        XCTAssertTrue(copies.contains { (try? Data(contentsOf: $0)) == damaged }, "every original byte is kept in kept/")
    }
}
