import XCTest
@testable import Persistence

/// People's words come back exactly as they were written, in any script.
final class RoundTripTests: XCTestCase {
    static let texts = [
        "Family 👩‍👩‍👧 and flags 🏳️‍🌈 and skin tones 👋🏽",
        "我们的故事 — 日本語のテキスト — 한국어",
        "مرحبا بكم في الورشة",
        "שלום \u{202E}reversed\u{202C} עולם",
        "e\u{0301}te\u{0301} — Zalgo Z\u{0351}\u{0353}a\u{0306}l\u{0315}g\u{0300}o\u{0308}",
        "line one\nline two\ttabbed \"quoted\" back\\slash / slash",
        "nul \u{0000} and bell \u{0007} and U+2028 \u{2028} end",
    ]

    func testJournalAndSnapshotRoundTripEveryScript() throws {
        let root = try makeTemporaryFolder(self)
        let folder = root.appendingPathComponent("session")
        let start = ToyDocument(title: Self.texts[0], items: Self.texts)
        let files = try ToySession.create(folder: folder, document: start, schema: 1, at: time(0))
        var expected = start
        for (index, text) in Self.texts.enumerated() {
            let event: ToyEvent = index.isMultiple(of: 2) ? .added(text) : .renamed(text)
            XCTAssertEqual(try files.append(event, at: time(index + 1)), index + 1)
            expected = apply(event, to: expected)
        }
        try files.close()

        let (reopened, recovered) = try ToySession.open(folder: folder, schema: 1, readOnly: false, at: time(100))
        XCTAssertEqual(recovered.document, start)
        XCTAssertEqual(recovered.snapshotSequence, 0)
        XCTAssertEqual(recovered.records.map(\.sequence), Array(1...Self.texts.count))
        XCTAssertEqual(recovered.records.map(\.at), (1...Self.texts.count).map { time($0) })
        XCTAssertEqual(replay(recovered), expected)
        XCTAssertTrue(recovered.report.isClean, "\(recovered.report.messages)")

        // Snapshot the replayed document, then only later events replay.
        try reopened.writeSnapshot(expected, at: time(101))
        try reopened.append(.added(Self.texts[3]), at: time(102))
        try reopened.close()
        let (_, again) = try ToySession.open(folder: folder, schema: 1, readOnly: true, at: time(103))
        XCTAssertEqual(again.document, expected)
        XCTAssertEqual(again.snapshotSequence, Self.texts.count)
        XCTAssertEqual(again.records.map(\.event), [.added(Self.texts[3])])
        XCTAssertEqual(replay(again).items.last, Self.texts[3])
    }

    func testTextIsStoredReadableNotEscaped() throws {
        let root = try makeTemporaryFolder(self)
        let folder = root.appendingPathComponent("session")
        let files = try ToySession.create(folder: folder, document: ToyDocument(title: "t", items: []), schema: 1, at: time(0))
        try files.append(.added("我们 👩‍👩‍👧 a/b"), at: time(1))
        let journal = String(decoding: try Data(contentsOf: folder.appendingPathComponent("journal.jsonl")), as: UTF8.self)
        XCTAssertTrue(journal.contains("我们 👩‍👩‍👧 a/b"), journal)
        try files.close()
    }

    func testStageSnapshotsAndSummary() throws {
        let root = try makeTemporaryFolder(self)
        let folder = root.appendingPathComponent("session")
        let document = ToyDocument(title: "مرحبا", items: ["👩‍👩‍👧"])
        let files = try ToySession.create(folder: folder, document: document, schema: 1, at: time(0))
        try files.append(.added("x"), at: time(1))
        let first = try files.writeStageSnapshot(document, label: "Goals & Stories!", at: time(2))
        let second = try files.writeStageSnapshot(document, label: "日本", at: time(3))
        XCTAssertEqual(first.lastPathComponent, "0001-goals-stories.json")
        XCTAssertEqual(second.lastPathComponent, "0002-stage.json")
        let stages = try files.stageSnapshots(at: time(4))
        XCTAssertEqual(stages.map(\.snapshot.document), [document, document])
        XCTAssertEqual(stages.map(\.snapshot.journalSequence), [1, 1])

        struct Summary: Codable, Equatable { var title: String; var people: Int }
        XCTAssertNil(try ToySession.readSummary(Summary.self, in: folder))
        try files.writeSnapshot(document, summary: Summary(title: "مرحبا", people: 3), at: time(5))
        XCTAssertEqual(try ToySession.readSummary(Summary.self, in: folder), Summary(title: "مرحبا", people: 3))
        try files.close()
    }

    func testSnapshotFileHasDocumentedKeyOrder() throws {
        let root = try makeTemporaryFolder(self)
        let file = root.appendingPathComponent("snapshot.json")
        try SnapshotFile.write(
            Snapshot(schema: 3, journalSequence: 7, savedAt: baseTime, document: ToyDocument(title: "a/b", items: [])), to: file)
        XCTAssertEqual(
            String(decoding: try Data(contentsOf: file), as: UTF8.self),
            #"{"format":2,"schema":3,"journalSequence":7,"savedAt":"2026-11-23T10:41:07.123Z","documentSum":"359b940c","document":{"items":[],"title":"a/b"}}"# + "\n")
        // documentSum is the CRC-32 of the document's bytes exactly as written.
        XCTAssertEqual(String(format: "%08x", crc32Reference(Array(#"{"items":[],"title":"a/b"}"#.utf8))), "359b940c")
    }

    func testLabelsAreSanitized() {
        XCTAssertEqual(ToySession.sanitize("Hello World"), "hello-world")
        XCTAssertEqual(ToySession.sanitize("../../etc/passwd"), "etc-passwd")
        XCTAssertEqual(ToySession.sanitize("Café — 2"), "caf-2")
        XCTAssertEqual(ToySession.sanitize("---"), "stage")
    }
}

/// A bit-by-bit CRC-32 (IEEE), independent of the program's table-driven one.
func crc32Reference(_ bytes: [UInt8]) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    for byte in bytes {
        crc ^= UInt32(byte)
        for _ in 0..<8 { crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
    }
    return ~crc
}
