import Foundation
import XCTest
@testable import Persistence
@testable import Workshop
#if canImport(Glibc)
import Glibc
#endif

/// `campfire present` follows a live session: woken by a file change, reading only what was added.
final class FollowTests: XCTestCase {
    let start = Date(timeIntervalSince1970: 1_795_000_000)

    private func newSession(in folder: URL) throws -> SessionStore {
        let template = try ContentLibrary.load().template(named: "standard")
        return try SessionStore.create(Session(id: "s", title: "Follow me", createdAt: start, template: template), in: folder, at: start)
    }

    private func person(_ n: Int) -> SessionEvent { .addParticipant(Participant(id: "p\(n)", name: "Person \(n)")) }

    // MARK: FolderWatch

    func testAJournalWriteWakesTheWatchButOtherFilesDoNot() throws {
        let folder = try makeTemporaryFolder(self)
        let watch = FolderWatch(folder: folder.path, names: ["journal.jsonl", "snapshot.json"])
        XCTAssertTrue(watch.isNotifying, "inotify is there on Linux")
        XCTAssertEqual(watch.wait(input: -1, timeoutMilliseconds: 50), .timeout)
        // The lock and a draft being typed are written often; they must not wake the wall.
        try Data("x".utf8).write(to: folder.appendingPathComponent("lock"))
        try Data("x".utf8).write(to: folder.appendingPathComponent("draft.json"))
        XCTAssertEqual(watch.wait(input: -1, timeoutMilliseconds: 100), .timeout)
        try Data("line\n".utf8).write(to: folder.appendingPathComponent("journal.jsonl"))
        XCTAssertEqual(watch.wait(input: -1, timeoutMilliseconds: 5000), .changed)
        // A snapshot replaced by renaming a temporary file over it counts too.
        try Data("{}".utf8).write(to: folder.appendingPathComponent(".tmp-snapshot.json-1"))
        XCTAssertEqual(rename(folder.appendingPathComponent(".tmp-snapshot.json-1").path, folder.appendingPathComponent("snapshot.json").path), 0)
        XCTAssertEqual(watch.wait(input: -1, timeoutMilliseconds: 5000), .changed)
        XCTAssertEqual(watch.wait(input: -1, timeoutMilliseconds: 50), .timeout, "each change is reported once")
    }

    func testInputWakesTheWatchAndAClosedInputIsReported() throws {
        let folder = try makeTemporaryFolder(self)
        let watch = FolderWatch(folder: folder.path, names: ["journal.jsonl"])
        var ends: [Int32] = [0, 0]
        XCTAssertEqual(pipe(&ends), 0)
        defer { close(ends[0]) }
        XCTAssertEqual(watch.wait(input: ends[0], timeoutMilliseconds: 50), .timeout)
        XCTAssertEqual(write(ends[1], "q", 1), 1)
        XCTAssertEqual(watch.wait(input: ends[0], timeoutMilliseconds: 5000), .input)
        var byte: UInt8 = 0
        XCTAssertEqual(read(ends[0], &byte, 1), 1)
        // Closed with a key still unread: it is closed all the same (a closed terminal also reads as ready).
        XCTAssertEqual(write(ends[1], "x", 1), 1)
        close(ends[1])
        XCTAssertEqual(watch.wait(input: ends[0], timeoutMilliseconds: 5000), .inputClosed)
    }

    func testWithoutNotificationTheWatchOnlyWaits() throws {
        let folder = try makeTemporaryFolder(self)
        let watch = FolderWatch(folder: folder.path, names: ["journal.jsonl"], notify: false)
        XCTAssertFalse(watch.isNotifying)
        try Data("line\n".utf8).write(to: folder.appendingPathComponent("journal.jsonl"))
        XCTAssertEqual(watch.wait(input: -1, timeoutMilliseconds: 50), .timeout, "the caller polls the files itself")
    }

    // MARK: SessionFollower

    func testTheFollowerReadsOnlyWhatWasAddedAndMatchesAReadOnlyOpen() throws {
        let folder = try makeTemporaryFolder(self).appendingPathComponent("s")
        let store = try newSession(in: folder)
        let follower = SessionFollower(folder: folder)
        XCTAssertTrue(follower.refresh())
        XCTAssertEqual(follower.session?.record.participants.count, 0)
        XCTAssertFalse(follower.refresh(), "nothing changed")
        for n in 1...(SessionStore.snapshotEvery + 7) {
            try store.record(person(n), at: start.addingTimeInterval(Double(n)))
            if n % 10 == 0 {
                XCTAssertTrue(follower.refresh())
                XCTAssertEqual(follower.session?.record.participants.count, n)
            }
        }
        XCTAssertTrue(follower.refresh())
        let opened = try SessionStore.open(folder, readOnly: true, at: start)
        XCTAssertEqual(follower.session, opened.session)
        store.close(at: start)
    }

    func testAHalfWrittenLineWaitsUntilItIsWhole() throws {
        let folder = try makeTemporaryFolder(self).appendingPathComponent("s")
        let store = try newSession(in: folder)
        try store.record(person(1), at: start)
        let follower = SessionFollower(folder: folder)
        follower.refresh()
        try store.record(person(2), at: start)
        store.close(at: start)
        // Cut the last line in two, as a reader may catch a line while it is being written.
        let journal = folder.appendingPathComponent("journal.jsonl")
        let whole = try Data(contentsOf: journal)
        let lastLineStart = whole.dropLast().lastIndex(of: UInt8(ascii: "\n"))! + 1
        let cut = lastLineStart + 20
        let handle = try FileHandle(forUpdating: journal)
        try handle.truncate(atOffset: UInt64(cut))
        try handle.close()
        XCTAssertFalse(follower.refresh(), "part of a line is not a change yet")
        XCTAssertEqual(follower.session?.record.participants.count, 1)
        let rest = try FileHandle(forWritingTo: journal)
        try rest.seekToEnd()
        try rest.write(contentsOf: whole[cut...])
        try rest.close()
        XCTAssertTrue(follower.refresh())
        XCTAssertEqual(follower.session?.record.participants.map(\.name), ["Person 1", "Person 2"])
    }

    func testAReplacedJournalIsReadWholeAgain() throws {
        let folder = try makeTemporaryFolder(self).appendingPathComponent("s")
        let store = try newSession(in: folder)
        for n in 1...3 { try store.record(person(n), at: start) }
        store.close(at: start)
        let follower = SessionFollower(folder: folder)
        follower.refresh()
        XCTAssertEqual(follower.session?.record.participants.count, 3)
        // Another session's files copied over this one (a new journal file, shorter).
        let other = try makeTemporaryFolder(self).appendingPathComponent("t")
        let second = try newSession(in: other)
        try second.record(.addParticipant(Participant(id: "p1", name: "Someone else")), at: start)
        second.close(at: start)
        for name in ["snapshot.json", "journal.jsonl"] {
            XCTAssertEqual(rename(other.appendingPathComponent(name).path, folder.appendingPathComponent(name).path), 0)
        }
        XCTAssertTrue(follower.refresh())
        XCTAssertEqual(follower.session?.record.participants.map(\.name), ["Someone else"])
    }
}
