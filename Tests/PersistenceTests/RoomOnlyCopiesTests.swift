import Foundation
import XCTest
@testable import Persistence
import Workshop
#if canImport(Glibc)
import Glibc
#endif

/// Room-only words also leave the copies of a session kept inside its folder: the copy of the
/// journal `campfire repair` keeps in kept/<date>/ (damaged line and all), its kept quarantine,
/// an original kept by a format change (`snapshot.v0.json`), a snapshot set aside cut short,
/// temporary files and a draft.
final class RoomOnlyCopiesTests: XCTestCase {
    static let canary = "Vextrabund"       // in a room-only story
    static let damagedCanary = "Quorrimelt" // in a room-only story's edit whose line is damaged
    static let kept = "Brindlequay"        // in a kept story: stays

    private var clock = ExportFixture.start

    private func record(_ event: SessionEvent, _ store: SessionStore) throws {
        clock.addTimeInterval(5)
        try store.record(event, at: clock)
    }

    /// Every file under `folder` holding `needle`, also inside the base64 of quarantine entries.
    private func filesHoldingEvenEncoded(_ needle: String, under folder: URL) -> [String] {
        var found = filesHoldingCanary(needle, under: folder)
        for url in allEntries(under: folder) where !isFolder(url) && url.pathExtension == "jsonl" {
            for line in (try? Data(contentsOf: url))?.split(separator: UInt8(ascii: "\n")) ?? [] {
                if let entry = try? JSONCoding.decoder().decode(QuarantineEntry.self, from: Data(line)),
                   let raw = Data(base64Encoded: entry.base64),
                   String(decoding: raw, as: UTF8.self).lowercased().contains(needle.lowercased()) {
                    found.append(url.path + " (base64)")
                }
            }
        }
        return found
    }

    /// A session repaired after a damaged line, with an older-format original, a snapshot set
    /// aside cut short, a stray temporary file in kept/ and a draft, each holding the canary.
    private func repairedSession(in data: DataFolder) throws -> URL {
        let store = try SessionLibrary(dataFolder: data).create(
            Session(id: "20261123-1000-copies", title: "Copies", createdAt: clock, template: ExportFixture.template), at: clock)
        let folder = store.folder
        try record(.addParticipant(Participant(id: "p1", name: "Tom")), store)
        try record(.addParticipant(Participant(id: "p2", name: "Maya")), store)
        try record(.moveTo(step: FlowStep(.storytelling), overriddenGuards: [], overrideReason: nil), store)
        try record(.addStory(Story(id: "s3", teller: "p1", title: "\(Self.canary) at night", whatHappened: "\(Self.canary) was sectioned", consent: .roomOnly)), store)
        try record(.addStory(Story(id: "s4", teller: "p2", title: "Bus", whatHappened: "\(Self.kept) waited", consent: .keep)), store)
        store.close(at: clock)  // the snapshot holds the canary

        // An older format's original, as a migration keeps it beside the new file.
        let snapshot = try String(decoding: Data(contentsOf: folder.appendingPathComponent("snapshot.json")), as: UTF8.self)
        try SafeFile.writeAtomically(Data(snapshot.replacingOccurrences(of: "\"schema\":1", with: "\"schema\":0").utf8),
                                     to: folder.appendingPathComponent("snapshot.v0.json"))

        // A later line, an edit of the room-only story, damaged on disk: the session opens read-only.
        let again = try SessionStore.open(folder, readOnly: false, at: clock)
        try record(.editStory(Story(id: "s3", teller: "p1", title: "\(Self.canary) at night", whatHappened: "\(Self.damagedCanary) came", consent: .roomOnly)), again)
        try record(.addParticipant(Participant(id: "p3", name: "Ann")), again)
        try again.files.close()
        let journalFile = folder.appendingPathComponent("journal.jsonl")
        var lines = try String(decoding: Data(contentsOf: journalFile), as: UTF8.self).components(separatedBy: "\n")
        let damaged = try XCTUnwrap(lines.firstIndex { $0.contains(Self.damagedCanary) })
        lines[damaged] = lines[damaged].replacingOccurrences(of: "came", with: "cane")
        try Data(lines.joined(separator: "\n").utf8).write(to: journalFile)
        XCTAssertTrue(try SessionStore.open(folder, readOnly: false, at: clock).isReadOnly)

        let plan = try SessionRepair.plan(folder, at: clock)
        let keptFolder = try plan.apply(at: clock)
        XCTAssertFalse(filesHoldingCanary(Self.damagedCanary, under: keptFolder).isEmpty, "repair keeps the damaged line's bytes")

        // What a crash and a damaged snapshot can leave in kept/: a temporary file, a snapshot cut short.
        try SafeFile.writeAtomically(Data("{\"words\":\"\(Self.canary)\"}".utf8), to: keptFolder.appendingPathComponent(".tmp-snapshot.json-1234"))
        let older = try KeptFolder.make(in: folder, at: clock)
        try SafeFile.writeAtomically(Data(snapshot.prefix(snapshot.count - 40).utf8), to: older.appendingPathComponent("snapshot.json"))
        // A stage snapshot cut short (a disk fault), holding the words.
        try SafeFile.createFolder(folder.appendingPathComponent("stages"))
        try SafeFile.writeAtomically(Data(snapshot.prefix(snapshot.count - 40).utf8), to: folder.appendingPathComponent("stages/0099-storytelling.json"))
        // A draft of the story being edited.
        try SafeFile.writeAtomically(Data("{\"fields\":[\"\(Self.canary) at night\"]}".utf8), to: folder.appendingPathComponent("draft.json"))
        return folder
    }

    func testACanaryInARoomOnlyStoryIsInNoFileOfTheDataFolderAfterTheCloseKeptCopiesIncluded() throws {
        let data = DataFolder(url: try makeTemporaryFolder(self))
        let folder = try repairedSession(in: data)
        for canary in [Self.canary, Self.damagedCanary] {
            XCTAssertFalse(filesHoldingEvenEncoded(canary, under: data.url).isEmpty, "\(canary) is on disk before the close")
        }
        XCTAssertTrue(filesHoldingCanary(Self.canary, under: data.url).contains { $0.hasSuffix("snapshot.v0.json") })
        XCTAssertTrue(filesHoldingCanary(Self.canary, under: data.url).contains { $0.contains("/kept/") && $0.hasSuffix("journal.jsonl") })
        XCTAssertTrue(filesHoldingCanary(Self.canary, under: data.url).contains { $0.hasSuffix("stages/0099-storytelling.json") })

        let store = try SessionStore.open(folder, readOnly: false, at: clock)
        XCTAssertFalse(store.isReadOnly, store.report.messages.joined())
        try record(.moveTo(step: FlowStep(.close), overriddenGuards: [], overrideReason: nil), store)
        store.close(at: clock)

        for canary in [Self.canary, Self.damagedCanary, "sectioned"] {
            XCTAssertEqual(filesHoldingEvenEncoded(canary, under: data.url), [], "\(canary) is in no file of the data folder")
        }
        XCTAssertFalse(filesHoldingCanary(Self.kept, under: data.url).isEmpty, "a kept story's words stay")
        let keptJournal = try XCTUnwrap(allEntries(under: folder).first { $0.path.contains("/kept/") && $0.lastPathComponent == "journal.jsonl" })
        XCTAssertTrue(String(decoding: try Data(contentsOf: keptJournal), as: UTF8.self).contains(Self.kept),
                      "the kept copy of the journal keeps every other word")
        XCTAssertTrue(String(decoding: try Data(contentsOf: folder.appendingPathComponent("snapshot.v0.json")), as: UTF8.self).contains(Self.kept),
                      "so does the older format's original")

        let after = try SessionStore.open(folder, readOnly: false, at: clock)
        XCTAssertFalse(after.isReadOnly, after.report.messages.joined())
        XCTAssertEqual(after.session.record.story("s3")?.title, Story.toldInTheRoom)
        XCTAssertEqual(after.session.record.story("s4")?.whatHappened, "\(Self.kept) waited")
        XCTAssertEqual(after.session.record.participants.map(\.name), ["Tom", "Maya", "Ann"])
        after.close(at: clock)
        for url in allEntries(under: folder) { XCTAssertEqual(mode(url), isFolder(url) ? 0o700 : 0o600, url.path) }
    }

    /// Files of other kinds in the folder (a practice run's own files, anything Campfire did not
    /// write) are left exactly as they are, even when they look like they hold a room-only story.
    /// A story told for the room only, then (its teller changing their mind) kept: a copy in the
    /// folder still shows it as room only, but it is no longer due to be forgotten, so opening the
    /// finished workshop does not forget again every time it is opened.
    func testAChangeOfMindDoesNotMakeEveryOpenForgetAgain() throws {
        let data = DataFolder(url: try makeTemporaryFolder(self))
        let store = try SessionLibrary(dataFolder: data).create(
            Session(id: "20261123-1000-mind", title: "Mind", createdAt: clock, template: ExportFixture.template), at: clock)
        let folder = store.folder
        try record(.addParticipant(Participant(id: "p1", name: "Tom")), store)
        try record(.moveTo(step: FlowStep(.storytelling), overriddenGuards: [], overrideReason: nil), store)
        try record(.addStory(Story(id: "s1", teller: "p1", title: "\(Self.kept) ward", consent: .roomOnly)), store)
        // A copy from while it was room only: an older format's original kept beside the snapshot.
        try store.files.writeSnapshot(store.session, at: clock)
        let snapshot = try String(decoding: Data(contentsOf: folder.appendingPathComponent("snapshot.json")), as: UTF8.self)
        try SafeFile.writeAtomically(Data(snapshot.replacingOccurrences(of: "\"schema\":1", with: "\"schema\":0").utf8),
                                     to: folder.appendingPathComponent("snapshot.v0.json"))
        try record(.setConsent(story: "s1", consent: .keep), store)
        try record(.moveTo(step: FlowStep(.close), overriddenGuards: [], overrideReason: "test"), store)
        store.close(at: clock)
        XCTAssertFalse(filesHoldingCanary(Self.kept, under: data.url).isEmpty, "the kept story keeps its words")

        let reopened = try SessionStore.open(folder, readOnly: false, at: clock)
        XCTAssertFalse(RoomOnlyForgetting.isDue(reopened), "nothing left to forget: the teller chose to keep it")
        XCTAssertNil(reopened.forgottenNote)
        reopened.close(at: clock)
        XCTAssertFalse(filesHoldingCanary(Self.kept, under: data.url).isEmpty)
    }

    func testOtherFilesInTheFolderAreLeftAlone() throws {
        let data = DataFolder(url: try makeTemporaryFolder(self))
        let folder = try repairedSession(in: data)
        let practice = Data(#"{"stories":[{"id":"s3","teller":"p1","title":"Made-up words","consent":"roomOnly"}]}"#.utf8)
        let debrief = Data("Campfire practice debrief \"roomOnly\" \(Self.canary) at night\n".utf8)
        try SafeFile.writeAtomically(practice, to: folder.appendingPathComponent("practice.json"))
        try SafeFile.writeAtomically(debrief, to: folder.appendingPathComponent("debrief.txt"))
        let store = try SessionStore.open(folder, readOnly: false, at: clock)
        try record(.moveTo(step: FlowStep(.close), overriddenGuards: [], overrideReason: nil), store)
        store.close(at: clock)
        XCTAssertEqual(try Data(contentsOf: folder.appendingPathComponent("practice.json")), practice)
        XCTAssertEqual(try Data(contentsOf: folder.appendingPathComponent("debrief.txt")), debrief)
        XCTAssertEqual(filesHoldingCanary(Self.canary, under: data.url), [folder.appendingPathComponent("debrief.txt").path],
                       "every other file is clean")
    }

    /// A finished session whose own files were already cleaned (by an older Campfire, say) but
    /// whose kept copies were not: opening it for writing finds them.
    func testOpeningAFinishedSessionCleansCopiesItsOwnFilesNoLongerName() throws {
        let data = DataFolder(url: try makeTemporaryFolder(self))
        let folder = try repairedSession(in: data)
        let store = try SessionStore.open(folder, readOnly: false, at: clock)
        try record(.moveTo(step: FlowStep(.close), overriddenGuards: [], overrideReason: nil), store)
        store.close(at: clock)
        // Put back a kept copy holding the words, as an older Campfire would have left it.
        let stray = try KeptFolder.make(in: folder, at: clock.addingTimeInterval(60))
        try SafeFile.writeAtomically(Data("{\"id\":\"s3\",\"teller\":\"p1\",\"title\":\"\(Self.canary)\",\"consent\":\"roomOnly\"}".utf8),
                                     to: stray.appendingPathComponent("story.json"))
        XCTAssertFalse(filesHoldingCanary(Self.canary, under: data.url).isEmpty)

        let reopened = try SessionStore.open(folder, readOnly: false, at: clock)
        XCTAssertEqual(filesHoldingCanary(Self.canary, under: data.url), [], "gone on opening, before any close")
        XCTAssertFalse(reopened.isReadOnly)
        reopened.close(at: clock)
    }
}
