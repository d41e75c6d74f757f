import Foundation
import XCTest
@testable import Persistence
import Workshop

/// Erasing a session or one person, checked byte by byte on disk.
final class ExportEraseTests: XCTestCase {
    static let canary = "Quillonzo"

    /// A session on disk in which the canary took part and is mentioned everywhere: journal
    /// (with undo and redo), snapshot, stage snapshots, summary, a quarantined torn line and a kept original.
    private func makeSession(in data: DataFolder) throws -> URL {
        let canary = Self.canary
        let library = SessionLibrary(dataFolder: data)
        let store = try library.create(Session(id: "20261123-1000-abcd", title: "Riverside with \(canary)", group: "riverside",
                                               facilitator: "Jo", createdAt: ExportFixture.start, template: ExportFixture.template), at: ExportFixture.start)
        var clock = ExportFixture.start
        func record(_ event: SessionEvent) throws {
            clock.addTimeInterval(5)
            try store.record(event, at: clock)
        }
        try record(.addParticipant(Participant(id: "p1", name: "Maya")))
        try record(.addParticipant(Participant(id: "p2", name: "Quill")))      // renamed to the canary later
        try record(.addParticipant(Participant(id: "p3", name: "Tom", accessNeeds: "Sits by \(canary)")))
        try record(.renameParticipant(id: "p2", name: canary))
        try record(.giveStick(to: "p2", invited: true))
        try record(.addStory(Story(id: "s4", teller: "p2", title: "\(canary)'s own story", whatHappened: "Private words", smallThing: "A cup of tea", consent: .share)))
        try record(.addStory(Story(id: "s5", teller: "p1", title: "Maya's story", whatHappened: "\(canary.uppercased()) helped me", smallThing: "Kindness", consent: .keep)))
        try record(.endTurn)
        store.keepStageSnapshot(store.session, leaving: FlowStep(.storytelling), at: clock)
        try record(.proposeGoal(GoalDraft(id: "g6", text: "Be like \(canary.lowercased())", proposedBy: "p2")))
        try record(.respond(draft: "g6", participant: "p2", response: .disagree))
        try record(.respond(draft: "g6", participant: "p1", response: .agree))
        try record(.agreeGoal(draft: "g6", overrideReason: "\(canary) was outvoted"))
        try record(.score(principle: .assets, participant: "p2", stage: 1))
        try record(.agreePrinciple(principle: .assets, stage: 2, rag: .amber, evidence: "\(canary) runs the art group"))
        try record(.addIdea(Idea(id: "i7", text: "\(canary)'s swap board", principles: [.assets], proposedBy: "p2")))
        try record(.vote(idea: "i7", participant: "p2", change: 1))
        try record(.addAction(Action(id: "a8", idea: "i7", what: "Make it with \(canary)", who: ["p2", "p1"], when: Day(year: 2026, month: 12, day: 4), how: "Ask \(canary)")))
        try record(.addAction(Action(id: "a9", idea: "i7", what: "Solo job", who: ["p2"], when: Day(year: 2026, month: 12, day: 5))))
        try record(.addAction(Action(id: "a10", idea: "i7", what: "Tom's job", who: ["p3"], when: Day(year: 2026, month: 12, day: 6))))
        // Undo and redo carry whole records with the canary's words in them.
        let undo = try XCTUnwrap(store.editor.undoEvent)
        try record(undo)
        let redo = try XCTUnwrap(store.editor.redoEvent)
        try record(redo)
        store.keepStageSnapshot(store.session, leaving: FlowStep(.actions), at: clock)
        store.close(at: clock)

        let folder = store.folder
        // A torn last line that recovery sets aside in quarantine.jsonl.
        let journal = try FileHandle(forWritingTo: folder.appendingPathComponent("journal.jsonl"))
        journal.seekToEndOfFile()
        journal.write(Data("{\"seq\":99,\"at\":\"x\",\"event\":{\"note\":\"\(canary)".utf8))
        try journal.close()
        let reopened = try SessionStore.open(folder, readOnly: false, at: clock)
        XCTAssertNotNil(reopened.report.tornTail)
        reopened.close(at: clock)
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent("quarantine.jsonl").path))
        // A kept original from a migration.
        try SafeFile.writeAtomically(Data("{\"schema\":0,\"name\":\"\(canary)\"}".utf8), to: folder.appendingPathComponent("snapshot.v0.json"))
        return folder
    }

    /// Whether any file under `folder` holds `needle` (any case), byte by byte.
    private func filesHolding(_ needle: String, under folder: URL) -> [String] {
        let lowered = Array(needle.lowercased().utf8)
        var found: [String] = []
        for url in allEntries(under: folder) where !isFolder(url) {
            let bytes = Array((try? Data(contentsOf: url)) ?? Data()).map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
            if bytes.count >= lowered.count, (0...(bytes.count - lowered.count)).contains(where: { bytes[$0..<($0 + lowered.count)].elementsEqual(lowered) }) {
                found.append(url.path)
            }
            if url.lastPathComponent.lowercased().contains(needle.lowercased()) { found.append(url.path) }
        }
        return found
    }

    func testErasingOnePersonLeavesNoTraceInAnyFile() throws {
        let data = DataFolder(url: try makeTemporaryFolder(self))
        let folder = try makeSession(in: data)
        XCTAssertFalse(filesHolding(Self.canary, under: data.url).isEmpty, "the canary is there to start with")
        XCTAssertFalse(filesHolding("Quill", under: data.url).isEmpty)

        let outcome = try SessionEraser.eraseParticipant(named: Self.canary.lowercased(), in: folder, at: ExportFixture.start.addingTimeInterval(9_000))
        XCTAssertEqual(outcome.people, 1)
        XCTAssertEqual(outcome.stories, 1)
        XCTAssertEqual(outcome.actionsDropped, 1)
        XCTAssertEqual(outcome.actionsKept, 1)
        XCTAssertEqual(outcome.stageSnapshots, 2)

        XCTAssertEqual(filesHolding(Self.canary, under: data.url), [])
        XCTAssertEqual(filesHolding("Quill", under: data.url), [], "their earlier name too")
        XCTAssertEqual(filesHolding("Private words", under: data.url), [], "their story")

        // What is left opens, is consistent, and can carry on.
        let store = try SessionStore.open(folder, readOnly: false, at: ExportFixture.start.addingTimeInterval(9_100))
        XCTAssertFalse(store.isReadOnly)
        let record = store.session.record
        XCTAssertEqual(record.participants.map(\.name), ["Maya", "Tom"])
        XCTAssertEqual(record.participant("p3")?.accessNeeds, "Sits by someone")
        XCTAssertEqual(record.stories.map(\.title), ["Maya's story"])
        XCTAssertEqual(record.stories[0].whatHappened, "Someone helped me")
        XCTAssertEqual(record.goalDrafts[0].proposedBy, nil)
        XCTAssertEqual(record.goalDrafts[0].responses, ["p1": .agree])
        XCTAssertEqual(record.agreedGoal?.overrideReason, "Someone was outvoted")
        XCTAssertEqual(record.score(for: .assets).scores, [:])
        XCTAssertEqual(record.ideas[0].text, "Someone's swap board")
        XCTAssertEqual(record.ideas[0].votes, [:])
        XCTAssertEqual(record.actions.map(\.what), ["Make it with someone", "Tom's job"])
        XCTAssertEqual(record.actions[0].who, ["p1"])
        XCTAssertEqual(store.session.title, "Riverside with someone")
        XCTAssertEqual(store.files.lastSequence, 0, "a fresh journal")
        try store.record(.addParticipant(Participant(id: store.editor.makeID("p"), name: "Lee")), at: ExportFixture.start.addingTimeInterval(9_200))
        XCTAssertEqual(store.files.lastSequence, 1)
        store.close(at: ExportFixture.start.addingTimeInterval(9_300))

        // Private modes, and nothing left over.
        for url in [folder] + allEntries(under: folder) {
            XCTAssertEqual(mode(url), isFolder(url) ? 0o700 : 0o600, url.path)
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        XCTAssertEqual(names, ["journal.jsonl", "snapshot.json", "stages", "start.json", "summary.json"])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: data.sessionsFolder.path), [folder.lastPathComponent])
    }

    func testErasingAWholeSessionRemovesItsFolder() throws {
        let data = DataFolder(url: try makeTemporaryFolder(self))
        let folder = try makeSession(in: data)
        try SessionEraser.eraseSession(folder, at: ExportFixture.start)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.path))
        XCTAssertEqual(filesHolding(Self.canary, under: data.url), [])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: data.sessionsFolder.path), [])
    }

    func testErasingIsRefusedWhileTheSessionIsOpen() throws {
        let data = DataFolder(url: try makeTemporaryFolder(self))
        let folder = try makeSession(in: data)
        let before = try Data(contentsOf: folder.appendingPathComponent("journal.jsonl"))
        let open = try SessionStore.open(folder, readOnly: false, at: ExportFixture.start)
        XCTAssertThrowsError(try SessionEraser.eraseParticipant(named: Self.canary, in: folder, at: ExportFixture.start)) { error in
            guard case EraseError.locked = error else { return XCTFail("\(error)") }
            XCTAssertTrue("\(error)".contains("Close it there first"))
        }
        XCTAssertThrowsError(try SessionEraser.eraseSession(folder, at: ExportFixture.start)) { error in
            guard case EraseError.locked = error else { return XCTFail("\(error)") }
        }
        open.close(at: ExportFixture.start)
        XCTAssertEqual(try Data(contentsOf: folder.appendingPathComponent("journal.jsonl")), before)
    }

    func testErasingSomeoneWhoIsNotThereSaysSo() throws {
        let data = DataFolder(url: try makeTemporaryFolder(self))
        let folder = try makeSession(in: data)
        XCTAssertThrowsError(try SessionEraser.eraseParticipant(named: "Nobody", in: folder, at: ExportFixture.start)) { error in
            XCTAssertEqual("\(error)", "Nobody called \"Nobody\" took part in this session. The people in it are: Maya, Quillonzo and Tom. Nothing was erased.")
        }
        XCTAssertNil(try SessionLock.current(in: folder), "the lock is given back")
    }
}
