import Foundation
import XCTest
@testable import Persistence
@testable import Workshop

/// The workshop's own files: a full session through journal and snapshots, and back.
final class SessionStoreTests: XCTestCase {
    var folder: URL!
    let start = Date(timeIntervalSince1970: 1_795_000_000)

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("campfire-store-\(UUID().uuidString)", isDirectory: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private func template() throws -> WorkshopTemplate { try ContentLibrary.load().template(named: "standard") }

    func testFullSessionWithUnicodeRoundTripsThroughJournalAndSnapshots() throws {
        let names = ["Zoë\u{301}", "李明", "עדי\u{202E}", "👩🏽‍🦱 Ama"]
        let template = try template()
        let store = try SessionStore.create(Session(id: "20261117-0930-cafe", title: "Riverside day service", group: "riverside", facilitator: "Jo", createdAt: start, template: template), in: folder, at: start)
        for (event, seconds) in SampleWorkshop.events(template: template, names: names) {
            try store.record(event, at: start.addingTimeInterval(seconds))
        }
        let expected = SampleWorkshop.session(template: template, names: names, start: start)
        XCTAssertEqual(store.session, expected)
        XCTAssertEqual(store.session.record.participants.map(\.name), names)
        store.close(at: start.addingTimeInterval(10_000))

        // Reopen from the files alone. The workshop was closed at its Close step, so the
        // room-only story's words are gone from the files (and the rest is exactly as it was).
        let forgotten = RoomOnlyForgetting.scrubbingEveryRoomOnlyStory(expected)
        XCTAssertNotEqual(forgotten, expected)
        let reopened = try SessionStore.open(folder, readOnly: false, at: start.addingTimeInterval(20_000))
        XCTAssertEqual(reopened.session, forgotten)
        XCTAssertTrue(reopened.report.isClean, reopened.report.messages.joined())
        reopened.close(at: start.addingTimeInterval(20_001))

        // The journal alone (no snapshot after the first) gives the same session.
        let journalOnly = folder.deletingLastPathComponent().appendingPathComponent(folder.lastPathComponent + "-journal")
        defer { try? FileManager.default.removeItem(at: journalOnly) }
        let bare = try SessionStore.create(Session(id: "20261117-0930-cafe", title: "Riverside day service", group: "riverside", facilitator: "Jo", createdAt: start, template: template), in: journalOnly, at: start)
        bare.close(at: start)
        try FileManager.default.removeItem(at: journalOnly.appendingPathComponent("journal.jsonl"))
        try FileManager.default.copyItem(at: folder.appendingPathComponent("journal.jsonl"), to: journalOnly.appendingPathComponent("journal.jsonl"))
        XCTAssertEqual(try SessionStore.open(journalOnly, readOnly: true, at: start).session, forgotten)
    }

    func testSnapshotsAreTakenRegularlyAndSummaryIsKept() throws {
        let template = try template()
        let store = try SessionStore.create(Session(id: "s", title: "T", createdAt: start, template: template), in: folder, at: start)
        for n in 1...(SessionStore.snapshotEvery + 3) {
            try store.record(.addParticipant(Participant(id: "p\(n)", name: "Person \(n)")), at: start.addingTimeInterval(Double(n)))
        }
        let snapshot = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("snapshot.json"))) as? [String: Any]
        XCTAssertEqual(snapshot?["journalSequence"] as? Int, SessionStore.snapshotEvery)
        let summary = try XCTUnwrap(SessionStore.Files.readSummary(SessionSummary.self, in: folder))
        XCTAssertEqual(summary.people, SessionStore.snapshotEvery)
        store.close(at: start.addingTimeInterval(1000))
        let closed = try XCTUnwrap(SessionStore.Files.readSummary(SessionSummary.self, in: folder))
        XCTAssertEqual(closed.people, SessionStore.snapshotEvery + 3)
    }

    /// The console saves each change at once but leaves a due snapshot until after the redraw.
    func testADueSnapshotCanWaitUntilTheCallerHasAMoment() throws {
        let template = try template()
        let store = try SessionStore.create(Session(id: "s", title: "T", createdAt: start, template: template), in: folder, at: start)
        store.defersRegularSnapshots = true
        func journalSequenceInSnapshot() throws -> Int? {
            let snapshot = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("snapshot.json"))) as? [String: Any]
            return snapshot?["journalSequence"] as? Int
        }
        for n in 1...SessionStore.snapshotEvery {
            let event = SessionEvent.addParticipant(Participant(id: "p\(n)", name: "Person \(n)"))
            try store.record(event, at: start)
        }
        XCTAssertEqual(try journalSequenceInSnapshot(), 0, "not yet: the console is still drawing")
        store.snapshotIfDue(at: start)
        XCTAssertEqual(try journalSequenceInSnapshot(), SessionStore.snapshotEvery)
        store.close(at: start)
    }

    func testExportLeavesOutStoriesNotSharedAndResolvesIdPrefixes() throws {
        let template = try template()
        let data = DataFolder(url: folder)
        let library = SessionLibrary(dataFolder: data)
        let session = SampleWorkshop.session(template: template, start: start)
        let store = try library.create(session, at: start)
        store.close(at: start)
        XCTAssertEqual(try library.resolve("20261117"), store.folder)
        XCTAssertThrowsError(try library.resolve("1999")) { XCTAssertEqual($0 as? LibraryError, .noSuchSession("1999")) }
        let json = String(decoding: try SessionExport.json(session), as: UTF8.self)
        XCTAssertTrue(json.contains("The bus that waited"))
        XCTAssertFalse(json.contains("Asking, not telling"), "a story kept in the group is not exported")
        XCTAssertFalse(json.contains("Something private"), "a room-only story is not exported")
    }

    func testSecondOpenerIsToldWhoHasIt() throws {
        let store = try SessionStore.create(Session(id: "s", title: "T", createdAt: start, template: try template()), in: folder, at: start)
        XCTAssertThrowsError(try SessionStore.open(folder, readOnly: false, at: start)) { error in
            guard case PersistenceError.lockedBy(let info) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(info.pid, getpid())
        }
        let readOnly = try SessionStore.open(folder, readOnly: true, at: start)
        XCTAssertTrue(readOnly.isReadOnly)
        store.close(at: start)
    }
}
