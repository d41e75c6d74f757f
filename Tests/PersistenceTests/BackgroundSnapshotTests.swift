import Foundation
import XCTest
@testable import Persistence
@testable import Workshop

/// Snapshots written on a thread of their own: never claiming more of the journal than they
/// hold, all written before the lock is given back, and reopening gives every saved change.
final class BackgroundSnapshotTests: XCTestCase {
    let start = Date(timeIntervalSince1970: 1_795_000_000)

    private func newStore(_ folder: URL) throws -> SessionStore {
        let template = try ContentLibrary.load().template(named: "standard")
        let store = try SessionStore.create(Session(id: "s", title: "Background", createdAt: start, template: template), in: folder, at: start)
        store.writesSnapshotsInBackground = true
        return store
    }

    private func person(_ n: Int) -> SessionEvent { .addParticipant(Participant(id: "p\(n)", name: "Person \(n)")) }

    private func snapshotOnDisk(_ folder: URL) throws -> Snapshot<Session> {
        try SnapshotFile.read(folder.appendingPathComponent("snapshot.json"), as: Session.self, currentSchema: SessionStore.schema,
                              migrate: nil, readOnly: true, now: start).snapshot
    }

    /// As the console saves: through the store (the one owner of the session), and the due
    /// snapshot handed over after drawing. `editor` follows the store's, for the checks below.
    private func save(_ event: SessionEvent, store: SessionStore, editor: inout SessionEditor) throws {
        store.defersRegularSnapshots = true
        try store.record(event, at: start)
        store.snapshotIfDue(at: start)
        editor = store.editor
    }

    func testASnapshotHoldsExactlyTheJournalLinesItSaysEvenWhenMoreArriveWhileItIsWritten() throws {
        let folder = try makeTemporaryFolder(self).appendingPathComponent("s")
        let store = try newStore(folder)
        var editor = store.editor
        for n in 1...SessionStore.snapshotEvery { try save(person(n), store: store, editor: &editor) }
        // More changes saved at once, while the snapshot of the first 50 may still be being written.
        for n in (SessionStore.snapshotEvery + 1)...(SessionStore.snapshotEvery + 10) { try save(person(n), store: store, editor: &editor) }
        store.waitForSnapshots()
        let snapshot = try snapshotOnDisk(folder)
        XCTAssertEqual(snapshot.journalSequence, SessionStore.snapshotEvery)
        XCTAssertEqual(snapshot.document.record.participants.count, SessionStore.snapshotEvery,
                       "the snapshot holds the session as it was at the line it names, not later")
        let summary = try XCTUnwrap(SessionStore.Files.readSummary(SessionSummary.self, in: folder))
        XCTAssertEqual(summary.people, SessionStore.snapshotEvery)
        store.close(at: start)
        let reopened = try SessionStore.open(folder, readOnly: true, at: start)
        XCTAssertEqual(reopened.session.record.participants.count, SessionStore.snapshotEvery + 10)
    }

    func testABackgroundSnapshotNamesTheLengthAndChecksumOfExactlyItsJournalLines() throws {
        // i15's check on i20's writer: the position is taken with the copy of the session, so it
        // is the first 50 lines' bytes even though 10 more were appended while it was written.
        let folder = try makeTemporaryFolder(self).appendingPathComponent("s")
        let store = try newStore(folder)
        var editor = store.editor
        for n in 1...(SessionStore.snapshotEvery + 10) { try save(person(n), store: store, editor: &editor) }
        store.waitForSnapshots()
        let journal = try readBytes(folder.appendingPathComponent("journal.jsonl"))
        var ends: [Int] = []
        for (index, byte) in journal.enumerated() where byte == UInt8(ascii: "\n") { ends.append(index + 1) }
        XCTAssertEqual(ends.count, SessionStore.snapshotEvery + 10)
        let prefix = Array(journal[0..<ends[SessionStore.snapshotEvery - 1]])
        let snapshot = try snapshotOnDisk(folder)
        XCTAssertEqual(snapshot.envelope.journal.sequence, SessionStore.snapshotEvery)
        XCTAssertEqual(snapshot.envelope.journal.length, prefix.count)
        XCTAssertEqual(snapshot.envelope.journal.sum, String(format: "%08x", crc32Reference(prefix)))
        // So opening trusts it (nothing set aside) and replays only the 10 lines after it.
        let look = try SessionStore.open(folder, readOnly: true, at: start)
        XCTAssertNil(look.report.snapshotSetAside, look.report.messages.joined())
        XCTAssertEqual(look.session.record.participants.count, SessionStore.snapshotEvery + 10)
        store.close(at: start)
    }

    func testCloseWritesEverythingBeforeGivingTheLockBack() throws {
        let folder = try makeTemporaryFolder(self).appendingPathComponent("s")
        let store = try newStore(folder)
        var editor = store.editor
        let total = SessionStore.snapshotEvery * 3 + 7
        for n in 1...total { try save(person(n), store: store, editor: &editor) }
        store.close(at: start)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("lock").path))
        let snapshot = try snapshotOnDisk(folder)
        XCTAssertEqual(snapshot.journalSequence, total)
        XCTAssertEqual(snapshot.document, editor.session)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".tmp-") }
        XCTAssertEqual(leftovers, [], "no temporary file is left half-written")
        XCTAssertEqual(mode(folder.appendingPathComponent("snapshot.json")), 0o600)
    }

    func testOnlyTheLatestWaitingSnapshotIsWritten() throws {
        let folder = try makeTemporaryFolder(self).appendingPathComponent("s")
        let store = try newStore(folder)
        var editor = store.editor
        for n in 1...20 {
            try save(person(n), store: store, editor: &editor)
            try store.snapshot(editor.session, at: start)  // one handed over after every change
        }
        store.waitForSnapshots()
        let snapshot = try snapshotOnDisk(folder)
        XCTAssertEqual(snapshot.journalSequence, 20)
        XCTAssertEqual(snapshot.document, editor.session)
        store.close(at: start)
    }

    func testTheCommandLineStillWritesEachSnapshotBeforeReturning() throws {
        let folder = try makeTemporaryFolder(self).appendingPathComponent("s")
        let store = try newStore(folder)
        store.writesSnapshotsInBackground = false
        for n in 1...SessionStore.snapshotEvery { try store.record(person(n), at: start) }
        XCTAssertEqual(try snapshotOnDisk(folder).journalSequence, SessionStore.snapshotEvery)
        store.close(at: start)
    }

    // MARK: Stage snapshots on the snapshot thread

    /// A stage snapshot handed over on the console's path names the same change, with the same
    /// journal checksum, as one written at once; several are all kept, in order; and a rebuild
    /// can start from them.
    func testStageSnapshotsWrittenInTheBackgroundNameTheirOwnChangeAndAreAllKeptInOrder() throws {
        let folder = try makeTemporaryFolder(self).appendingPathComponent("s")
        let store = try newStore(folder)
        var editor = store.editor
        try save(person(1), store: store, editor: &editor)
        let beforeFirstMove = editor.session
        try save(.moveTo(step: FlowStep(.storytelling), overriddenGuards: [], overrideReason: nil), store: store, editor: &editor)
        store.keepStageSnapshot(beforeFirstMove, leaving: FlowStep(.welcome), at: start)
        // More changes saved while it may still be being written, then a second move.
        for n in 2...30 { try save(person(n), store: store, editor: &editor) }
        let beforeSecondMove = editor.session
        try save(.moveTo(step: FlowStep(.welcome), overriddenGuards: [], overrideReason: nil), store: store, editor: &editor)  // back a step
        store.keepStageSnapshot(beforeSecondMove, leaving: FlowStep(.storytelling), at: start)
        store.waitForSnapshots()
        let stages = try store.files.stageSnapshots(at: start)
        XCTAssertEqual(stages.map(\.file.lastPathComponent), ["0001-welcome.json", "0002-storytelling.json"])
        XCTAssertEqual(stages[0].snapshot.journalSequence, 1, "the state before the move (change 2) is change 1's")
        XCTAssertEqual(stages[0].snapshot.document, beforeFirstMove)
        XCTAssertEqual(stages[1].snapshot.journalSequence, 31)
        XCTAssertEqual(stages[1].snapshot.document, beforeSecondMove)
        XCTAssertTrue(stages.allSatisfy { $0.snapshot.envelope.isCheckable }, "each names its journal bytes and their checksum")
        XCTAssertNil(store.takeSnapshotProblem())
        store.close(at: start)
        // A rebuild starts from the later stage snapshot (the latest snapshot and start removed).
        try FileManager.default.removeItem(at: folder.appendingPathComponent("snapshot.json"))
        try FileManager.default.removeItem(at: folder.appendingPathComponent("start.json"))
        let reopened = try SessionStore.open(folder, readOnly: true, at: start)
        XCTAssertEqual(reopened.report.snapshotSetAside?.rebuiltFrom, "the stage snapshot stages/0002-storytelling.json")
        XCTAssertEqual(reopened.session, editor.session)
    }

    /// A stage snapshot that cannot be written on the snapshot thread is still said on the status
    /// line, as when it was written in the saving thread.
    func testAStageSnapshotThatCannotBeWrittenInTheBackgroundIsSaid() throws {
        let folder = try makeTemporaryFolder(self).appendingPathComponent("s")
        let store = try newStore(folder)
        var editor = store.editor
        try save(person(1), store: store, editor: &editor)
        let before = editor.session
        try save(.moveTo(step: FlowStep(.storytelling), overriddenGuards: [], overrideReason: nil), store: store, editor: &editor)
        // A file where the stages folder should be: the folder cannot be made.
        try Data("x".utf8).write(to: folder.appendingPathComponent("stages"))
        store.keepStageSnapshot(before, leaving: FlowStep(.welcome), at: start)
        store.waitForSnapshots()
        let problem = try XCTUnwrap(store.takeSnapshotProblem())
        XCTAssertTrue(problem.hasPrefix("The copy of the session as it was on leaving"), problem)
        XCTAssertTrue(problem.contains("every change is still saved in the journal"), problem)
        XCTAssertNil(store.takeSnapshotProblem(), "said once")
        store.close(at: start)
    }
}
