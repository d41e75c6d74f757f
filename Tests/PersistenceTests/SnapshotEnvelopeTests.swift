import Foundation
import XCTest
@testable import Persistence
@testable import Workshop

/// Snapshots are caches the journal can check: each records where it stands in the journal, a
/// checksum of that much journal and of its own document. One that is missing, damaged or
/// disagrees is set aside (kept, never deleted) and the session rebuilt from the journal.
final class SnapshotEnvelopeTests: XCTestCase {
    var root: URL!
    var folder: URL!
    let start = Date(timeIntervalSince1970: 1_795_000_000)
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/session-format1", isDirectory: true)

    override func setUpWithError() throws {
        root = try makeTemporaryFolder(self)
        folder = root.appendingPathComponent("sessions/20261117-0930-cafe", isDirectory: true)
    }

    private func template() throws -> WorkshopTemplate { try ContentLibrary.load().template(named: "standard") }

    /// A whole sample workshop, saved and closed; returns the session as it was saved.
    @discardableResult
    private func makeWorkshop(names: [String] = ["Zoë", "Ahmed", "Jo", "Ama"], snapshotAtEnd: Bool = true) throws -> Session {
        let template = try template()
        let store = try SessionStore.create(
            Session(id: "20261117-0930-cafe", title: "Riverside", facilitator: "Sam", createdAt: start, template: template),
            in: folder, at: start)
        for (event, seconds) in SampleWorkshop.events(template: template, names: names) {
            try store.record(event, at: start.addingTimeInterval(seconds))
        }
        let session = store.session
        guard snapshotAtEnd else {
            try store.files.close()
            return session
        }
        store.close(at: start.addingTimeInterval(9_000))
        // Closed at its Close step, so the sample's room-only story keeps no words in any file
        // (issue 16): that is the session as saved, which every opening must give back.
        XCTAssertEqual(session.step.stage, .close)
        return RoomOnlyForgetting.scrubbingEveryRoomOnlyStory(session)
    }

    private var snapshotFile: URL { folder.appendingPathComponent("snapshot.json") }
    private var journalFile: URL { folder.appendingPathComponent("journal.jsonl") }

    private func keptSnapshots() -> [URL] {
        KeptFolder.all(in: folder).map { $0.appendingPathComponent("snapshot.json") }
            .filter { FileManager.default.fileExists(atPath: $0.path) }
    }

    // MARK: The format

    func testASnapshotRecordsItsJournalPositionAndChecksums() throws {
        try makeWorkshop()
        let data = try Data(contentsOf: snapshotFile)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        let journal = try readBytes(journalFile)
        let length = try XCTUnwrap(object["journalLength"] as? Int)
        XCTAssertEqual(object["format"] as? Int, 2)
        XCTAssertEqual(length, journal.count, "closing covers the whole journal")
        XCTAssertEqual(object["journalSum"] as? String, String(format: "%08x", crc32Reference(journal)))
        XCTAssertEqual(object["journalSequence"] as? Int, journal.filter { $0 == UInt8(ascii: "\n") }.count)
        // documentSum: the CRC-32 of the document's bytes exactly as they stand in the file.
        let text = String(decoding: data, as: UTF8.self)
        let documentText = try XCTUnwrap(text.range(of: #""document":"#)).upperBound
        let document = Array(text[documentText...].dropLast(2).utf8)  // without the closing "}\n"
        XCTAssertEqual(object["documentSum"] as? String, String(format: "%08x", crc32Reference(document)))
        // Plain JSON a person can read: one object, the document's words as typed.
        XCTAssertTrue(text.contains("Zoë"))
    }

    // MARK: Set aside and rebuilt

    func testAMissingSnapshotIsRebuiltFromTheJournal() throws {
        let saved = try makeWorkshop()
        try FileManager.default.removeItem(at: snapshotFile)
        let store = try SessionStore.open(folder, readOnly: false, at: start.addingTimeInterval(10_000))
        XCTAssertEqual(store.session, saved)
        XCTAssertFalse(store.isReadOnly)
        let message = store.report.messages.joined(separator: " ")
        XCTAssertTrue(message.contains("snapshot.json was not used (it is missing)"), message)
        XCTAssertTrue(message.contains("rebuilt from"), message)
        XCTAssertTrue(FileManager.default.fileExists(atPath: snapshotFile.path), "a fresh snapshot is written")
        store.close(at: start.addingTimeInterval(10_001))
        XCTAssertNil(try SessionStore.open(folder, readOnly: true, at: start).report.snapshotSetAside)
    }

    func testAnEditedSnapshotIsSetAsideKeptAndTheJournalsWordsShown() throws {
        let saved = try makeWorkshop()
        let original = try Data(contentsOf: snapshotFile)
        let edited = Data(String(decoding: original, as: UTF8.self).replacingOccurrences(of: "Ahmed", with: "Ahmad").utf8)
        XCTAssertNotEqual(edited, original)
        try edited.write(to: snapshotFile)

        // Read-only: shown from the journal, nothing moved or written.
        let look = try SessionStore.open(folder, readOnly: true, at: start)
        XCTAssertEqual(look.session, saved)
        XCTAssertTrue(look.report.messages.joined().contains("its checksum does not match"), look.report.messages.joined())
        XCTAssertEqual(try Data(contentsOf: snapshotFile), edited)
        XCTAssertEqual(keptSnapshots(), [])

        let store = try SessionStore.open(folder, readOnly: false, at: start.addingTimeInterval(10_000))
        XCTAssertEqual(store.session, saved)
        XCTAssertEqual(store.session.record.participants.map(\.name), ["Zoë", "Ahmed", "Jo", "Ama"])
        let kept = try XCTUnwrap(keptSnapshots().first)
        XCTAssertEqual(try Data(contentsOf: kept), edited, "the set-aside snapshot is kept byte for byte")
        XCTAssertEqual(mode(kept), 0o600)
        XCTAssertTrue(store.report.messages.joined().contains("The old one is kept in kept/"), store.report.messages.joined())
        XCTAssertTrue(kept.path.hasPrefix(folder.path + "/kept/"))
        store.close(at: start.addingTimeInterval(10_001))
        XCTAssertFalse(String(decoding: try Data(contentsOf: snapshotFile), as: UTF8.self).contains("Ahmad"),
                       "the wrong word does not go into the next snapshot")
    }

    func testATruncatedSnapshotIsSetAsideAndRebuilt() throws {
        let saved = try makeWorkshop()
        let original = try Data(contentsOf: snapshotFile)
        try original.prefix(original.count / 2).write(to: snapshotFile)
        let store = try SessionStore.open(folder, readOnly: false, at: start.addingTimeInterval(10_000))
        XCTAssertEqual(store.session, saved)
        XCTAssertEqual(try Data(contentsOf: try XCTUnwrap(keptSnapshots().first)), original.prefix(original.count / 2))
        store.close(at: start)
    }

    func testASnapshotThatDisagreesWithTheJournalGivesWayToTheJournal() throws {
        try makeWorkshop()
        // Change a name in journal line 1 and give the line a correct checksum: the journal is
        // still whole, but no longer what the snapshot was made from.
        var lines = try String(decoding: Data(contentsOf: journalFile), as: UTF8.self).split(separator: "\n").map(String.init)
        lines[0] = resum(lines[0].replacingOccurrences(of: "Zoë", with: "Zoe"))
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: journalFile)
        let store = try SessionStore.open(folder, readOnly: false, at: start.addingTimeInterval(10_000))
        XCTAssertEqual(store.session.record.participants.first?.name, "Zoe", "the journal is the truth")
        XCTAssertTrue(store.report.messages.joined().contains("the journal up to change 74 was changed after the snapshot was written"), store.report.messages.joined())
        XCTAssertEqual(keptSnapshots().count, 1)
        store.close(at: start)
    }

    func testWithoutStartOrStagesTheStartIsWorkedOutFromAnyCopy() throws {
        let saved = try makeWorkshop()
        try FileManager.default.removeItem(at: folder.appendingPathComponent("start.json"))
        var damaged = try Data(contentsOf: snapshotFile)
        damaged[damaged.count - 40] ^= 0x01
        try damaged.write(to: snapshotFile)
        let store = try SessionStore.open(folder, readOnly: false, at: start.addingTimeInterval(10_000))
        XCTAssertEqual(store.session, saved)
        store.close(at: start)
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent("start.json").path))
    }

    // MARK: Stage snapshots

    func testAStageSnapshotCarriesTheNumberOfTheStateItHolds() throws {
        let template = try template()
        let store = try SessionStore.create(Session(id: "s", title: "T", createdAt: start, template: template), in: folder, at: start)
        try store.record(.addParticipant(Participant(id: "p1", name: "Zoë")), at: start)
        let before = store.session
        try store.record(.moveTo(step: FlowStep(.storytelling), overriddenGuards: [], overrideReason: nil), at: start)
        store.keepStageSnapshot(before, leaving: FlowStep(.welcome), at: start)
        let stage = try XCTUnwrap(store.files.stageSnapshots(at: start).first)
        XCTAssertEqual(stage.snapshot.journalSequence, 1, "the state before the move (change 2) is change 1's")
        XCTAssertEqual(stage.snapshot.document, before)
        // And it agrees with the journal, so a rebuild can start from it.
        store.close(at: start)
        try FileManager.default.removeItem(at: snapshotFile)
        let reopened = try SessionStore.open(folder, readOnly: true, at: start)
        XCTAssertEqual(reopened.report.snapshotSetAside?.rebuiltFrom, "the stage snapshot stages/0001-welcome.json")
        XCTAssertEqual(reopened.session.step, FlowStep(.storytelling))
    }

    // MARK: Damage a good snapshot covers

    func testADamagedLineTheSnapshotCoversDoesNotStopWriting() throws {
        let saved = try makeWorkshop()
        var bytes = try readBytes(journalFile)
        let secondLine = try XCTUnwrap(bytes.firstIndex(of: UInt8(ascii: "\n"))) + 1
        bytes[secondLine + 40] ^= 0x04
        try writeFixture(bytes, to: journalFile)
        let store = try SessionStore.open(folder, readOnly: false, at: start.addingTimeInterval(10_000))
        XCTAssertFalse(store.isReadOnly)
        XCTAssertEqual(store.session, saved)
        XCTAssertEqual(store.report.coveredDamage.map(\.lineNumber), [2])
        let message = store.report.messages.joined()
        XCTAssertTrue(message.contains("Line 2 of journal.jsonl is damaged"), message)
        XCTAssertTrue(message.contains("campfire repair \(folder.path)"), message)
        try store.record(.addParticipant(Participant(id: store.editor.makeID("p"), name: "Lee")), at: start.addingTimeInterval(10_001))
        store.close(at: start.addingTimeInterval(10_002))
        let again = try SessionStore.open(folder, readOnly: false, at: start.addingTimeInterval(10_003))
        XCTAssertFalse(again.isReadOnly)
        XCTAssertEqual(again.session.record.participants.last?.name, "Lee")
        XCTAssertEqual(again.report.coveredDamage.map(\.lineNumber), [2], "still said, until repaired")
        again.close(at: start)
    }

    func testADamagedLineAfterTheSnapshotOpensReadOnlyNamingFileAndLine() throws {
        try makeWorkshop(snapshotAtEnd: false)
        var bytes = try readBytes(journalFile)
        let lastLineStart = try XCTUnwrap(bytes.dropLast().lastIndex(of: UInt8(ascii: "\n"))) + 1
        let lineCount = bytes.filter { $0 == UInt8(ascii: "\n") }.count
        bytes[lastLineStart + 30] ^= 0x01  // a whole line, newline kept
        try writeFixture(bytes, to: journalFile)
        let store = try SessionStore.open(folder, readOnly: false, at: start)
        XCTAssertTrue(store.isReadOnly)
        XCTAssertNil(store.report.tornTail)
        let message = store.report.messages.joined()
        XCTAssertTrue(message.contains("journal.jsonl is damaged after the last snapshot (line \(lineCount): its checksum does not match its contents), so the session is read-only"), message)
        XCTAssertTrue(message.contains("campfire repair \(folder.path)"), message)
        XCTAssertFalse(message.contains("crash"), message)
        XCTAssertEqual(try readBytes(journalFile), bytes, "nothing changed")
    }

    // MARK: The older format

    func testAFormat1SessionWrittenByTheOlderCampfireStillOpens() throws {
        // A copy of the real folder (the fixture itself stays as it is).
        try SafeFile.createFolder(folder.deletingLastPathComponent())
        try FileManager.default.copyItem(at: Self.fixture, to: folder)
        let originalSnapshot = try Data(contentsOf: snapshotFile)
        XCTAssertFalse(String(decoding: originalSnapshot, as: UTF8.self).contains("documentSum"), "the fixture is format 1")

        let look = try SessionStore.open(folder, readOnly: true, at: start)
        XCTAssertEqual(look.session.record.participants.map(\.name), ["Zoë", "Ahmed", "Jo"])
        XCTAssertEqual(look.session.record.stories.map(\.title), ["Café visit"])
        XCTAssertEqual(look.session.title, "Riverside, November")
        XCTAssertEqual(try Data(contentsOf: snapshotFile), originalSnapshot, "read-only changes nothing")
        let expected = look.session

        let store = try SessionStore.open(folder, readOnly: false, at: start)
        XCTAssertEqual(store.session, expected)
        XCTAssertNil(store.report.snapshotSetAside)
        store.close(at: start)
        let rewritten = String(decoding: try Data(contentsOf: snapshotFile), as: UTF8.self)
        XCTAssertTrue(rewritten.hasPrefix(#"{"format":2,"#), "rewritten with checksums")
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent("start.json").path),
                      "its start was worked out, checked by replaying the journal, and kept")
        // Now the journal alone rebuilds it.
        try FileManager.default.removeItem(at: snapshotFile)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("stages"))
        XCTAssertEqual(try SessionStore.open(folder, readOnly: true, at: start).session, expected)
    }
}

/// `line` (no newline) with its checksum recomputed, as if written so.
func resum(_ line: String) -> String {
    let marker = #","sum":""#
    let cut = line.range(of: marker, options: .backwards)!.lowerBound
    let body = String(line[..<cut]) + "}"
    return String(line[..<cut]) + marker + String(format: "%08x", crc32Reference(Array(body.utf8))) + #""}"#
}
