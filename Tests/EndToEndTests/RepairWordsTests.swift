import Foundation
import XCTest
import Persistence

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
}
