import Foundation
import XCTest
@testable import Persistence
@testable import Workshop

/// `SessionRepair`: every line kept or set aside by number, originals kept in a dated folder,
/// and a session that opens for writing afterwards with every saved word.
final class SessionRepairTests: XCTestCase {
    var folder: URL!
    let start = Date(timeIntervalSince1970: 1_795_000_000)

    override func setUpWithError() throws {
        folder = try makeTemporaryFolder(self).appendingPathComponent("sessions/20261117-0930-cafe", isDirectory: true)
    }

    private var journalFile: URL { folder.appendingPathComponent("journal.jsonl") }

    /// A session with `names` added one by one; snapshot written on close only if `close`.
    private func make(_ names: [String], close: Bool) throws -> Session {
        let template = try ContentLibrary.load().template(named: "standard")
        let store = try SessionStore.create(Session(id: "20261117-0930-cafe", title: "T", createdAt: start, template: template), in: folder, at: start)
        for (index, name) in names.enumerated() {
            try store.record(.addParticipant(Participant(id: "p\(index + 1)", name: name)), at: start.addingTimeInterval(Double(index)))
        }
        let session = store.session
        if close { store.close(at: start) } else { try store.files.close() }
        return session
    }

    private func journalLines() throws -> [String] {
        try String(decoding: Data(contentsOf: journalFile), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    private func write(_ lines: [String]) throws {
        try Data(lines.joined(separator: "\n").utf8).write(to: journalFile)
    }

    /// Every byte of `original` is somewhere in the session folder (a file holding it whole).
    private func assertKeptSomewhere(_ original: Data, file: StaticString = #filePath, line: UInt = #line) {
        let found = allEntries(under: folder).contains { url in
            !isFolder(url) && ((try? Data(contentsOf: url)) == original)
        }
        XCTAssertTrue(found, "the original bytes are kept in the session folder", file: file, line: line)
    }

    func testADamagedLineAfterTheSnapshotIsSetAsideAndTheSessionCarriesOn() throws {
        _ = try make(["Ann", "Bo", "Cy", "Di"], close: false)  // snapshot covers nothing
        var lines = try journalLines()
        lines[1] = lines[1].replacingOccurrences(of: "Bo", with: "Bx")  // checksum now wrong
        try write(lines)
        let original = try Data(contentsOf: journalFile)
        XCTAssertTrue(try SessionStore.open(folder, readOnly: false, at: start).isReadOnly)

        let plan = try SessionRepair.plan(folder, at: start)
        XCTAssertEqual(plan.lines.map(\.number), [1, 2, 3, 4])
        XCTAssertEqual(plan.lines[0].verdict, .keep(newSequence: 1))
        XCTAssertEqual(plan.lines[1].verdict, .setAside("its checksum does not match its contents"))
        XCTAssertEqual(plan.lines[2].verdict, .keep(newSequence: 2))
        XCTAssertEqual(plan.lines[3].verdict, .keep(newSequence: 3))
        XCTAssertEqual(try Data(contentsOf: journalFile), original, "planning changes nothing")

        let kept = try plan.apply(at: start.addingTimeInterval(100))
        XCTAssertEqual(try Data(contentsOf: kept.appendingPathComponent("journal.jsonl")), original)
        XCTAssertTrue(kept.path.contains("/kept/20261118-"), kept.path)
        let quarantine = String(decoding: try Data(contentsOf: folder.appendingPathComponent("quarantine.jsonl")), as: UTF8.self)
        XCTAssertTrue(quarantine.contains(#""journalLine":2"#))
        XCTAssertTrue(quarantine.contains("Bx"))
        assertKeptSomewhere(original)

        let store = try SessionStore.open(folder, readOnly: false, at: start.addingTimeInterval(200))
        XCTAssertFalse(store.isReadOnly, store.report.messages.joined())
        XCTAssertTrue(store.report.isClean, store.report.messages.joined())
        XCTAssertEqual(store.session.record.participants.map(\.name), ["Ann", "Cy", "Di"])
        try store.record(.addParticipant(Participant(id: store.editor.makeID("p"), name: "Ed")), at: start.addingTimeInterval(300))
        store.close(at: start.addingTimeInterval(301))
        XCTAssertEqual(try SessionStore.open(folder, readOnly: true, at: start).session.record.participants.map(\.name), ["Ann", "Cy", "Di", "Ed"])
    }

    /// Repair rewrites the session with its own lock: the screen kept at the last close (which
    /// holds words and is stale once anything is rewritten) goes first, as at any opening for changes.
    func testRepairRemovesTheScreenKeptAtTheLastClose() throws {
        _ = try make(["Ann", "Bo", "Cy"], close: true)
        LastScreen.write(LastScreen.Picture(transcript: "\"Ann Bo Cy\"\n", width: 9, height: 1), in: folder, shownUntil: nil)
        let screen = folder.appendingPathComponent(LastScreen.fileName)
        XCTAssertTrue(FileManager.default.fileExists(atPath: screen.path))
        var lines = try journalLines()
        lines[1] = lines[1].replacingOccurrences(of: "Bo", with: "Bx")
        try write(lines)
        try SessionRepair.plan(folder, at: start).apply(at: start.addingTimeInterval(100))
        XCTAssertFalse(FileManager.default.fileExists(atPath: screen.path), "removed by repair itself, before it writes")
    }

    func testADamagedLineTheSnapshotCoversLosesNothing() throws {
        let saved = try make(["Ann", "Bo", "Cy"], close: true)
        var lines = try journalLines()
        lines[1] = lines[1].replacingOccurrences(of: "Bo", with: "Bx")
        try write(lines)
        let plan = try SessionRepair.plan(folder, at: start)
        guard case .setAside(let reason) = plan.lines[1].verdict else { return XCTFail("line 2 is set aside") }
        XCTAssertTrue(reason.contains("already in the snapshot"), reason)
        try plan.apply(at: start.addingTimeInterval(100))
        let store = try SessionStore.open(folder, readOnly: false, at: start.addingTimeInterval(200))
        XCTAssertFalse(store.isReadOnly)
        XCTAssertEqual(store.session.record, saved.record, "Bo is still there: the snapshot held them")
        store.close(at: start)
        // Even without the snapshot, the repaired point is a stage snapshot a rebuild starts from.
        try FileManager.default.removeItem(at: folder.appendingPathComponent("snapshot.json"))
        XCTAssertEqual(try SessionStore.open(folder, readOnly: true, at: start).session.record, saved.record)
    }

    func testSwappedAndDuplicatedLinesArePutInOrderAndTheCopySetAside() throws {
        let saved = try make(["Ann", "Bo", "Cy"], close: false)
        var lines = try journalLines()  // 3 lines and a final empty string
        lines.swapAt(0, 1)
        lines.insert(lines[2], at: 3)   // a second copy of line 3
        try write(lines)
        let plan = try SessionRepair.plan(folder, at: start)
        XCTAssertEqual(plan.lines.map(\.verdict), [
            .keep(newSequence: 2), .keep(newSequence: 1), .keep(newSequence: 3), .setAside("it is a second copy of line 3"),
        ])
        try plan.apply(at: start)
        let store = try SessionStore.open(folder, readOnly: false, at: start)
        XCTAssertFalse(store.isReadOnly)
        XCTAssertEqual(store.session.record.participants, saved.record.participants)
        store.close(at: start)
    }

    func testGarbageAppendedWithANewlineIsSetAside() throws {
        let saved = try make(["Ann", "Bo"], close: true)
        let handle = try FileHandle(forWritingTo: journalFile)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("garbage \u{1}\u{2} here\n".utf8))
        try handle.close()
        let plan = try SessionRepair.plan(folder, at: start)
        XCTAssertEqual(plan.lines.last?.verdict, .setAside("it has no checksum"))
        try plan.apply(at: start)
        let store = try SessionStore.open(folder, readOnly: false, at: start)
        XCTAssertFalse(store.isReadOnly)
        XCTAssertEqual(store.session.record.participants, saved.record.participants)
        store.close(at: start)
    }

    func testAGoodSessionNeedsNoRepair() throws {
        _ = try make(["Ann"], close: true)
        XCTAssertFalse(try SessionRepair.plan(folder, at: start).isNeeded)
    }

    /// A journal that lost its last lines while the snapshot still holds them: read-only, and
    /// repair keeps the snapshot's changes and makes the session writable again.
    func testAJournalBehindItsSnapshotIsRepairedKeepingTheSnapshotsChanges() throws {
        let saved = try make(["Ann", "Bo", "Cy"], close: true)
        var lines = try journalLines()
        lines.removeLast(2)  // the last line and the empty string after its newline
        try write(lines + [""])
        let look = try SessionStore.open(folder, readOnly: false, at: start)
        XCTAssertTrue(look.isReadOnly)
        XCTAssertEqual(look.session.record.participants.map(\.name), ["Ann", "Bo", "Cy"], "shown from the snapshot")
        try SessionRepair.plan(folder, at: start).apply(at: start)
        let store = try SessionStore.open(folder, readOnly: false, at: start)
        XCTAssertFalse(store.isReadOnly, store.report.messages.joined())
        XCTAssertEqual(store.session.record, saved.record)
        store.close(at: start)
    }

    /// The review timeline leaves damaged lines out, and says so, naming file and lines.
    func testReviewSaysWhichLinesItsTimelineLeavesOut() throws {
        _ = try make(["Ann", "Bo", "Cy"], close: false)
        let files = ReviewFiles(library: SessionLibrary(dataFolder: DataFolder(url: folder.deletingLastPathComponent().deletingLastPathComponent())))
        XCTAssertNil(files.damage("20261117-0930-cafe"))
        var lines = try journalLines()
        lines[1] = lines[1].replacingOccurrences(of: "Bo", with: "Bx")
        try write(lines)
        let said = try XCTUnwrap(files.damage("20261117-0930-cafe"))
        XCTAssertTrue(said.contains(journalFile.path), said)
        XCTAssertTrue(said.contains("line 2: its checksum does not match its contents"), said)
        XCTAssertTrue(said.contains("campfire repair \(folder.path)"), said)
        XCTAssertEqual(try files.journal("20261117-0930-cafe").map(\.sequence), [1, 3], "left out of the timeline")
    }
}
