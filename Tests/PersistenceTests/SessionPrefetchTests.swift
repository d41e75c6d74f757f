import Foundation
import XCTest
@testable import Persistence
@testable import Workshop

/// Reading a session on a second thread while the terminal starts saves time and changes nothing.
final class SessionPrefetchTests: XCTestCase {
    let start = Date(timeIntervalSince1970: 1_795_000_000)

    private func person(_ n: Int) -> SessionEvent { .addParticipant(Participant(id: "p\(n)", name: "Person \(n)")) }

    private func makeSession(_ folder: URL, people: Int) throws {
        let template = try ContentLibrary.load().template(named: "standard")
        let store = try SessionStore.create(Session(id: "s", title: "Early", createdAt: start, template: template), in: folder, at: start)
        for n in 1...people { try store.record(person(n), at: start) }
        store.close(at: start)
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
        try makeSession(folder, people: 5)
        // Damage a line in the middle, as a disk fault would.
        let journal = folder.appendingPathComponent("journal.jsonl")
        var bytes = [UInt8](try Data(contentsOf: journal))
        let second = bytes.firstIndex(of: UInt8(ascii: "\n"))! + 30
        bytes[second] = bytes[second] == UInt8(ascii: "x") ? UInt8(ascii: "y") : UInt8(ascii: "x")
        try Data(bytes).write(to: journal)
        let alone = try SessionStore.open(folder, readOnly: true, at: start)
        SessionPrefetch.start(folder)
        let store = try SessionStore.open(folder, readOnly: false, at: start)
        XCTAssertTrue(store.isReadOnly, "damage in the middle makes it read-only, prefetched or not")
        XCTAssertEqual(store.report.corruptLines, alone.report.corruptLines)
        XCTAssertEqual(store.session, alone.session)
    }
}
