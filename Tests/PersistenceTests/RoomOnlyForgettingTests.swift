import Foundation
import XCTest
@testable import Persistence
import Workshop
#if canImport(Glibc)
import Glibc
#endif

/// "Room only" stories are forgotten from every file once the workshop is over.
final class RoomOnlyForgettingTests: XCTestCase {
    static let told = "Zorvendale"        // a room-only story, edited once
    static let deleted = "Plimmotrax"     // a room-only story deleted during the workshop
    static let kept = "Brindlequay"       // a story kept in the group's record: stays

    private var clock = ExportFixture.start

    /// A session at the storytelling step with the three stories, a stage snapshot, undo and redo,
    /// and a torn line (set aside in quarantine) holding the start of a room-only story.
    private func makeSession(in data: DataFolder) throws -> SessionStore {
        let store = try SessionLibrary(dataFolder: data).create(
            Session(id: "20261123-1000-room", title: "Riverside", group: "riverside", createdAt: ExportFixture.start, template: ExportFixture.template), at: clock)
        try record(.addParticipant(Participant(id: "p1", name: "Tom")), store)
        try record(.addParticipant(Participant(id: "p2", name: "Maya")), store)
        try record(.moveTo(step: FlowStep(.storytelling), overriddenGuards: [], overrideReason: nil), store)
        try record(.giveStick(to: "p1", invited: false), store)
        try record(.addStory(Story(id: "s3", teller: "p1", title: "When my brother", whatHappened: "\(Self.told) was sectioned", smallThing: "A nurse sat with us", consent: .roomOnly)), store)
        try record(.editStory(Story(id: "s3", teller: "p1", title: "When my brother", whatHappened: "\(Self.told) was sectioned, and", smallThing: "A nurse sat with us", consent: .roomOnly)), store)
        try record(.addStory(Story(id: "s4", teller: "p2", title: "Bus", whatHappened: "\(Self.kept) waited", consent: .keep)), store)
        try record(.addStory(Story(id: "s5", teller: "p2", title: "\(Self.deleted) at home", consent: .roomOnly)), store)
        let undo = try XCTUnwrap(store.editor.undoEvent)
        try record(undo, store)
        let redo = try XCTUnwrap(store.editor.redoEvent)
        try record(redo, store)
        store.keepStageSnapshot(store.session, leaving: FlowStep(.storytelling), at: clock)
        try record(.deleteStory(id: "s5"), store)
        return store
    }

    private func record(_ event: SessionEvent, _ store: SessionStore) throws {
        clock.addTimeInterval(5)
        try store.record(event, at: clock)
    }

    private func tearTheJournal(_ folder: URL) throws {
        let journal = try FileHandle(forWritingTo: folder.appendingPathComponent("journal.jsonl"))
        journal.seekToEndOfFile()
        journal.write(Data(#"{"seq":99,"at":"x","event":{"addStory":{"_0":{"consent":"roomOnly","id":"s9","smallThing":"Zorv"#.utf8))
        try journal.close()
    }

    func testRoomOnlyWordsAreInEveryFileUntilTheCloseAndInNoneAfter() throws {
        let data = DataFolder(url: try makeTemporaryFolder(self))
        let store = try makeSession(in: data)
        let folder = store.folder
        store.close(at: clock)
        XCTAssertFalse(filesHoldingCanary(Self.told, under: data.url).isEmpty, "saved like every word while the workshop runs")
        try tearTheJournal(folder)
        let reopened = try SessionStore.open(folder, readOnly: false, at: clock)
        XCTAssertNotNil(reopened.report.tornTail)
        try record(.moveTo(step: FlowStep(.close), overriddenGuards: [], overrideReason: nil), reopened)
        XCTAssertFalse(filesHoldingCanary(Self.deleted, under: data.url).isEmpty)
        XCTAssertTrue(String(decoding: try Data(contentsOf: folder.appendingPathComponent("quarantine.jsonl")), as: UTF8.self).contains("Zorv"))
        let sequenceBefore = reopened.files.lastSequence

        reopened.close(at: clock)

        for canary in [Self.told, Self.deleted, "sectioned", "A nurse sat", "Zorv"] {
            XCTAssertEqual(filesHoldingCanary(canary, under: data.url), [], "\(canary) is gone from every file")
        }
        XCTAssertFalse(filesHoldingCanary(Self.kept, under: data.url).isEmpty, "a story kept in the group's record stays")

        // The session opens whole, with its history: same journal numbers, stories in place.
        let after = try SessionStore.open(folder, readOnly: false, at: clock)
        XCTAssertFalse(after.isReadOnly, after.replayProblems.joined())
        XCTAssertEqual(after.files.lastSequence, sequenceBefore)
        let story = try XCTUnwrap(after.session.record.story("s3"))
        XCTAssertEqual(story, Story(id: "s3", teller: "p1", title: "a story told in the room", consent: .roomOnly))
        XCTAssertEqual(after.session.record.story("s4")?.whatHappened, "\(Self.kept) waited")
        let journal = try JournalReader.read(folder.appendingPathComponent("journal.jsonl"), as: SessionEvent.self)
        XCTAssertEqual(journal.records.count, sequenceBefore)
        XCTAssertTrue(journal.corruptLines.isEmpty)
        after.close(at: clock)
        for url in allEntries(under: folder) { XCTAssertEqual(mode(url), isFolder(url) ? 0o700 : 0o600, url.path) }
    }

    func testAFinishedSessionStillHoldingThemIsCleanedWhenNextOpened() throws {
        let data = DataFolder(url: try makeTemporaryFolder(self))
        let store = try makeSession(in: data)
        try record(.moveTo(step: FlowStep(.close), overriddenGuards: [], overrideReason: nil), store)
        // Closed without the usual last step (as after a crash, or an older Campfire).
        try store.files.close()
        XCTAssertFalse(filesHoldingCanary(Self.told, under: data.url).isEmpty)

        let reopened = try SessionStore.open(store.folder, readOnly: false, at: clock)
        XCTAssertEqual(reopened.session.record.story("s3")?.title, Story.toldInTheRoom)
        XCTAssertEqual(filesHoldingCanary(Self.told, under: data.url), [])
        XCTAssertEqual(filesHoldingCanary(Self.deleted, under: data.url), [])
        reopened.close(at: clock)
    }

    func testAnUnfinishedWorkshopKeepsTheWordsAndReviewNeverShowsThem() throws {
        let data = DataFolder(url: try makeTemporaryFolder(self))
        let store = try makeSession(in: data)
        store.close(at: clock)
        XCTAssertFalse(filesHoldingCanary(Self.told, under: data.url).isEmpty, "the workshop is not over: nothing is lost yet")

        let review = ReviewFiles(library: SessionLibrary(dataFolder: data))
        let session = try review.session(store.session.id)
        XCTAssertEqual(session.record.story("s3")?.title, Story.toldInTheRoom)
        XCTAssertEqual(session.record.story("s4")?.whatHappened, "\(Self.kept) waited")
        let shown = "\(session) \(try review.journal(store.session.id))"
        XCTAssertFalse(shown.contains(Self.told))
        XCTAssertFalse(shown.contains(Self.deleted))
        XCTAssertFalse(shown.contains("sectioned"))
        XCTAssertTrue(shown.contains(Self.kept))
    }

    /// Forgetting rewrites the journal; the snapshot and stage snapshots it rewrites must name the
    /// new journal's bytes (issue 15's checks), or the next open would set them all aside.
    func testTheRewrittenSnapshotsAgreeWithTheRewrittenJournal() throws {
        let folder = try makeTemporaryFolder(self).appendingPathComponent("s")
        let template = ExportFixture.template
        let store = try SessionStore.create(Session(id: "s", title: "T", createdAt: ExportFixture.start, template: template), in: folder, at: ExportFixture.start)
        for (event, seconds) in SampleWorkshop.events(template: template) {
            let before = store.session
            try store.record(event, at: ExportFixture.start.addingTimeInterval(seconds))
            if case .moveTo = event { store.keepStageSnapshot(before, leaving: before.step, at: ExportFixture.start.addingTimeInterval(seconds)) }
        }
        let typed = store.session
        XCTAssertTrue(RoomOnlyForgetting.isDue(typed))
        store.close(at: ExportFixture.start.addingTimeInterval(9_000))
        let finished = RoomOnlyForgetting.scrubbingEveryRoomOnlyStory(typed)
        XCTAssertNotEqual(finished, typed)

        let look = try SessionStore.open(folder, readOnly: true, at: ExportFixture.start)
        XCTAssertNil(look.report.snapshotSetAside, look.report.messages.joined())
        XCTAssertEqual(look.session, finished)
        // Without snapshot.json, the latest stage snapshot (rewritten too) is where the rebuild starts.
        try FileManager.default.removeItem(at: folder.appendingPathComponent("snapshot.json"))
        let rebuilt = try SessionStore.open(folder, readOnly: true, at: ExportFixture.start)
        XCTAssertEqual(rebuilt.report.snapshotSetAside?.rebuiltFrom.hasPrefix("the stage snapshot stages/"), true,
                       rebuilt.report.snapshotSetAside?.rebuiltFrom ?? "not rebuilt")
        XCTAssertEqual(rebuilt.session, finished)
    }

}

/// The rewrite at the close (copies in kept/ and an older format's original included), with a full disk at every one of its steps: the session always opens
/// whole (never read-only, nothing lost but the room-only words), and the next open finishes the job.
final class RoomOnlyForgettingFaultTests: XCTestCase {
    override func tearDown() { FaultInjection.use(nil) }

    func testAFullDiskAtEveryStepOfTheRewriteLeavesAWholeSessionAndTheNextOpenFinishes() throws {
        let root = try makeTemporaryFolder(self)
        let start = ExportFixture.start
        var failedSomewhere = false
        for failAt in 1...60 {
            let data = DataFolder(url: root.appendingPathComponent("d\(failAt)"))
            let store = try SessionLibrary(dataFolder: data).create(
                Session(id: "20261123-1000-f\(failAt)", title: "Faults", createdAt: start, template: ExportFixture.template), at: start)
            var clock = start
            func record(_ event: SessionEvent) throws { clock.addTimeInterval(5); try store.record(event, at: clock) }
            try record(.addParticipant(Participant(id: "p1", name: "Tom")))
            try record(.moveTo(step: FlowStep(.storytelling), overriddenGuards: [], overrideReason: nil))
            try record(.addStory(Story(id: "s2", teller: "p1", title: "Quelvarine", whatHappened: "Quelvarine words", consent: .roomOnly)))
            try record(.addStory(Story(id: "s3", teller: "p1", title: "Kept", whatHappened: "Ours", consent: .keep)))
            store.keepStageSnapshot(store.session, leaving: FlowStep(.storytelling), at: clock)
            try record(.moveTo(step: FlowStep(.close), overriddenGuards: [], overrideReason: nil))
            try store.files.close()  // closed without the last step, so the next open does the rewrite
            // Copies the rewrite must reach too: a journal kept by repair, an older format's original.
            let keptCopy = try KeptFolder.make(in: store.folder, at: clock)
            try KeptFolder.copy(store.folder.appendingPathComponent("journal.jsonl"), into: keptCopy)
            try KeptFolder.copy(store.folder.appendingPathComponent("snapshot.json"), into: store.folder.appendingPathComponent("stages"))
            try FileManager.default.moveItem(at: store.folder.appendingPathComponent("stages/snapshot.json"),
                                             to: store.folder.appendingPathComponent("snapshot.v0.json"))

            FaultInjection.use(FaultInjection.Plan(failAt: failAt, failCount: 1, failCode: ENOSPC))
            let first = try? SessionStore.open(store.folder, readOnly: false, at: clock)
            FaultInjection.use(nil)
            if let first { try? first.files.close() }
            // A lock whose removal was the failing step stays, naming this (live) process; a real
            // Campfire would exit and the lock be taken over as stale. Stand in for that.
            if let lock = try? SessionLock.current(in: store.folder), lock.pid == getpid() {
                try FileManager.default.removeItem(at: store.folder.appendingPathComponent("lock"))
            }
            if !filesHoldingCanary("Quelvarine", under: data.url).isEmpty { failedSomewhere = true }

            let again = try SessionStore.open(store.folder, readOnly: false, at: clock)
            XCTAssertFalse(again.isReadOnly, "failAt \(failAt): \(again.report.messages) \(again.replayProblems)")
            XCTAssertEqual(again.session.record.story("s2")?.title, Story.toldInTheRoom, "failAt \(failAt)")
            XCTAssertEqual(again.session.record.story("s3")?.whatHappened, "Ours", "failAt \(failAt)")
            XCTAssertEqual(again.session.step.stage, .close)
            again.close(at: clock)
            XCTAssertEqual(filesHoldingCanary("Quelvarine", under: data.url), [], "failAt \(failAt): the next open finishes the job")
        }
        XCTAssertTrue(failedSomewhere, "no step of the rewrite failed, so this test proves nothing")
    }
}
