import Foundation
import XCTest
@testable import Persistence
@testable import Workshop

/// Reading a session on a second thread while the terminal starts saves time and changes nothing.
final class SessionPrefetchTests: XCTestCase {
    let start = Date(timeIntervalSince1970: 1_795_000_000)

    private func person(_ n: Int) -> SessionEvent { .addParticipant(Participant(id: "p\(n)", name: "Person \(n)")) }

    private func makeSession(_ folder: URL, people: Int, snapshotAtEnd: Bool = true) throws {
        let template = try ContentLibrary.load().template(named: "standard")
        let store = try SessionStore.create(Session(id: "s", title: "Early", createdAt: start, template: template), in: folder, at: start)
        for n in 1...people { try store.record(person(n), at: start) }
        if snapshotAtEnd { store.close(at: start) } else { try store.files.close() }
    }

    private func damageSecondLine(_ folder: URL) throws {
        let journal = folder.appendingPathComponent("journal.jsonl")
        var bytes = [UInt8](try Data(contentsOf: journal))
        let second = bytes.firstIndex(of: UInt8(ascii: "\n"))! + 30
        bytes[second] = bytes[second] == UInt8(ascii: "x") ? UInt8(ascii: "y") : UInt8(ascii: "x")
        try Data(bytes).write(to: journal)
    }

    func testOpeningAfterAPrefetchGivesWhatOpeningAloneGives() throws {
        let folder = try makeTemporaryFolder(self).appendingPathComponent("s")
        try makeSession(folder, people: 70)
        let alone = try SessionStore.open(folder, readOnly: true, at: start).session
        let before = SessionPrefetch.handedOver
        SessionPrefetch.start(folder)
        SessionPrefetch.waitUntilDone()
        let store = try SessionStore.open(folder, readOnly: false, at: start)
        XCTAssertEqual(SessionPrefetch.handedOver, before + 2, "opening used the snapshot and journal read early")
        XCTAssertEqual(store.session, alone)
        XCTAssertTrue(store.report.isClean, store.report.messages.joined())
        store.close(at: start)
    }

    func testFilesChangedAfterThePrefetchAreReadAgain() throws {
        let folder = try makeTemporaryFolder(self).appendingPathComponent("s")
        try makeSession(folder, people: 3)
        SessionPrefetch.start(folder)
        SessionPrefetch.waitUntilDone()
        // Another Campfire saves two more changes (and a new snapshot) before this one opens.
        let other = try SessionStore.open(folder, readOnly: false, at: start)
        try other.record(person(4), at: start)
        other.close(at: start)
        let again = try SessionStore.open(folder, readOnly: false, at: start)
        try again.record(person(5), at: start)
        try again.files.close()  // the journal has a line the snapshot does not hold
        let before = SessionPrefetch.handedOver
        let store = try SessionStore.open(folder, readOnly: true, at: start)
        XCTAssertEqual(SessionPrefetch.handedOver, before, "the files changed: both were read again")
        XCTAssertEqual(store.session.record.participants.map(\.name), (1...5).map { "Person \($0)" })
    }

    func testADamagedJournalIsFoundWithOrWithoutThePrefetch() throws {
        let folder = try makeTemporaryFolder(self).appendingPathComponent("s")
        // No snapshot after the start: damage in the middle is after the snapshot.
        try makeSession(folder, people: 5, snapshotAtEnd: false)
        // Damage a line in the middle, as a disk fault would.
        try damageSecondLine(folder)
        let alone = try SessionStore.open(folder, readOnly: true, at: start)
        SessionPrefetch.start(folder)
        let store = try SessionStore.open(folder, readOnly: false, at: start)
        XCTAssertTrue(store.isReadOnly, "damage after the snapshot makes it read-only, prefetched or not")
        XCTAssertEqual(store.report.corruptLines.map(\.lineNumber), [2])
        XCTAssertEqual(store.report.corruptLines, alone.report.corruptLines)
        XCTAssertEqual(store.session, alone.session)
    }

    func testDamageTheSnapshotHoldsIsFoundWithOrWithoutThePrefetch() throws {
        // The same damage when a checked snapshot holds that line (issue 15): said, not read-only.
        let folder = try makeTemporaryFolder(self).appendingPathComponent("s")
        try makeSession(folder, people: 5)
        try damageSecondLine(folder)
        let alone = try SessionStore.open(folder, readOnly: true, at: start)
        SessionPrefetch.start(folder)
        SessionPrefetch.waitUntilDone()
        let before = SessionPrefetch.handedOver
        let store = try SessionStore.open(folder, readOnly: false, at: start)
        XCTAssertEqual(SessionPrefetch.handedOver, before + 2, "both read early, and still checked")
        XCTAssertFalse(store.isReadOnly)
        XCTAssertEqual(store.report.coveredDamage.map(\.lineNumber), [2])
        XCTAssertEqual(store.report.coveredDamage, alone.report.coveredDamage)
        XCTAssertEqual(store.session, alone.session)
        store.close(at: start)
    }

    func testAnEditedSnapshotReadEarlyIsStillSetAside() throws {
        // i15's check holds on the fast path: the second thread's decoding of an edited
        // snapshot is refused by its checksum, and opening rebuilds from the journal.
        let folder = try makeTemporaryFolder(self).appendingPathComponent("s")
        try makeSession(folder, people: 5)
        let snapshot = folder.appendingPathComponent("snapshot.json")
        let edited = String(decoding: try Data(contentsOf: snapshot), as: UTF8.self).replacingOccurrences(of: "Person 3", with: "Person 9")
        try Data(edited.utf8).write(to: snapshot)
        SessionPrefetch.start(folder)
        SessionPrefetch.waitUntilDone()
        let store = try SessionStore.open(folder, readOnly: false, at: start)
        XCTAssertEqual(store.session.record.participants.map(\.name), (1...5).map { "Person \($0)" })
        XCTAssertTrue(store.report.messages.joined().contains("its checksum does not match"), store.report.messages.joined())
        XCTAssertNotNil(store.report.snapshotSetAside)
        store.close(at: start)
    }

    func testASnapshotThatDisagreesWithTheJournalReadEarlyGivesWay() throws {
        // A snapshot whole in itself but standing for other journal bytes: the position check is
        // made on the prefetched result too.
        let folder = try makeTemporaryFolder(self).appendingPathComponent("s")
        try makeSession(folder, people: 5)
        let journal = folder.appendingPathComponent("journal.jsonl")
        var lines = String(decoding: try Data(contentsOf: journal), as: UTF8.self).split(separator: "\n").map(String.init)
        lines[1] = resum(lines[1].replacingOccurrences(of: "Person 2", with: "Person Two"))
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: journal)
        SessionPrefetch.start(folder)
        SessionPrefetch.waitUntilDone()
        let store = try SessionStore.open(folder, readOnly: true, at: start)
        XCTAssertEqual(store.session.record.participants[1].name, "Person Two", "the journal is the truth")
        XCTAssertNotNil(store.report.snapshotSetAside)
    }
}
