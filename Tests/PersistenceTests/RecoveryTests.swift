import XCTest
@testable import Persistence

/// A crash in mid-write loses nothing that was confirmed, and hides nothing.
final class RecoveryTests: XCTestCase {
    private let events: [ToyEvent] = [
        .renamed("Our stories"), .added("👩‍👩‍👧 family"), .added("我们的故事"), .added("שלום \u{202E}x"),
        .added("e\u{0301}"),
    ]

    /// A session with `events` appended and closed; returns the journal bytes.
    private func makeSession(in folder: URL) throws -> [UInt8] {
        let files = try ToySession.create(folder: folder, document: ToyDocument(title: "", items: []), schema: 1, at: time(0))
        for (index, event) in events.enumerated() { try files.append(event, at: time(index + 1)) }
        try files.close()
        return try readBytes(folder.appendingPathComponent("journal.jsonl"))
    }

    func testTornLastLineCutAtEveryByteOffset() throws {
        let root = try makeTemporaryFolder(self)
        let folder = root.appendingPathComponent("session")
        let journalFile = folder.appendingPathComponent("journal.jsonl")
        let quarantineFile = folder.appendingPathComponent("quarantine.jsonl")
        let full = try makeSession(in: folder)
        let lastLineStart = full.dropLast().lastIndex(of: UInt8(ascii: "\n"))! + 1
        let good = Array(full[..<lastLineStart])
        let lastLine = Array(full[lastLineStart...])
        XCTAssertGreaterThan(lastLine.count, 50)

        // Cut k bytes into the last line, for every k that leaves it incomplete.
        for keep in 1..<lastLine.count {
            let torn = Array(lastLine[..<keep])
            try writeFixture(good + torn, to: journalFile)
            let (files, recovered) = try ToySession.open(folder: folder, schema: 1, readOnly: false, at: time(50))

            XCTAssertEqual(recovered.records.map(\.event), Array(events.dropLast()), "cut at \(keep)")
            XCTAssertEqual(recovered.report.tornTail?.lineNumber, events.count, "cut at \(keep)")
            XCTAssertEqual(recovered.report.tornTail?.byteCount, keep)
            XCTAssertEqual(recovered.report.tornTail?.quarantineFile, quarantineFile)
            XCTAssertFalse(recovered.report.isReadOnly)
            XCTAssertTrue(recovered.report.messages.contains { $0.contains("quarantine.jsonl") && $0.contains("line 5") })
            XCTAssertEqual(try readBytes(journalFile), good, "journal not cut back cleanly at \(keep)")

            // The quarantine keeps every torn tail so far, exactly.
            let entries = try String(decoding: Data(contentsOf: quarantineFile), as: UTF8.self)
                .split(separator: "\n").map { try JSONCoding.decoder().decode(QuarantineEntry.self, from: Data($0.utf8)) }
            XCTAssertEqual(entries.count, keep)
            XCTAssertEqual(entries.last.flatMap { Data(base64Encoded: $0.base64) }, Data(torn))
            XCTAssertEqual(entries.last?.journalLine, events.count)

            // Appendable and clean afterwards.
            XCTAssertEqual(try files.append(.added("after"), at: time(60)), events.count)
            try files.close()
            let check = try JournalReader.read(journalFile, as: ToyEvent.self)
            XCTAssertNil(check.tornTail)
            XCTAssertEqual(check.corruptLines, [])
            XCTAssertEqual(check.records.map(\.sequence), Array(1...events.count))
            XCTAssertEqual(check.records.last?.event, .added("after"))
        }
    }

    /// A crash leaves a last line without its newline (the newline is written last, in the same
    /// write). A whole line, newline kept, whose checksum is wrong was changed afterwards: it is
    /// damaged — named, kept in place, read-only — never set aside as "cut off by a crash".
    func testAWholeLastLineWithAWrongChecksumIsDamagedNotTorn() throws {
        let root = try makeTemporaryFolder(self)
        let folder = root.appendingPathComponent("session")
        var bytes = try makeSession(in: folder)
        // Flip a byte inside the last line's event text; the checksum no longer matches.
        let index = bytes.count - 30
        bytes[index] ^= 0x01
        try writeFixture(bytes, to: folder.appendingPathComponent("journal.jsonl"))
        let before = try Data(contentsOf: folder.appendingPathComponent("journal.jsonl"))
        let (files, recovered) = try ToySession.open(folder: folder, schema: 1, readOnly: false, at: time(50))
        XCTAssertNil(recovered.report.tornTail)
        XCTAssertEqual(recovered.report.corruptLines.map(\.lineNumber), [events.count])
        XCTAssertTrue(recovered.report.isReadOnly)
        XCTAssertTrue(recovered.report.messages.joined().contains("line \(events.count): its checksum does not match"), recovered.report.messages.joined())
        XCTAssertFalse(recovered.report.messages.joined().contains("crash"))
        XCTAssertEqual(try Data(contentsOf: folder.appendingPathComponent("journal.jsonl")), before)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("quarantine.jsonl").path))
        try files.close()
    }

    func testCorruptMiddleLineOpensReadOnlyWithLineNumber() throws {
        let root = try makeTemporaryFolder(self)
        let folder = root.appendingPathComponent("session")
        let journalFile = folder.appendingPathComponent("journal.jsonl")
        var bytes = try makeSession(in: folder)
        // Damage line 3 of 5.
        let lineStarts = [0] + bytes.indices.filter { bytes[$0] == UInt8(ascii: "\n") }.map { $0 + 1 }
        bytes[lineStarts[2] + 3] = UInt8(ascii: "X")
        try writeFixture(bytes, to: journalFile)
        let before = try readBytes(journalFile)
        let snapshotBefore = try readBytes(folder.appendingPathComponent("snapshot.json"))

        let (files, recovered) = try ToySession.open(folder: folder, schema: 1, readOnly: false, at: time(50))
        XCTAssertTrue(files.isReadOnly)
        XCTAssertTrue(recovered.report.isReadOnly)
        XCTAssertEqual(recovered.report.readOnlyReasons, [.corruptJournal])
        XCTAssertEqual(recovered.report.corruptLines.map(\.lineNumber), [3])
        XCTAssertTrue(recovered.report.messages.joined().contains("(line 3: "))
        XCTAssertNil(recovered.report.tornTail)
        XCTAssertEqual(recovered.records.map(\.sequence), [1, 2, 4, 5])
        XCTAssertThrowsError(try files.append(.added("no"), at: time(51))) { error in
            XCTAssertEqual(error as? PersistenceError, .readOnly(folder: folder.path))
        }
        XCTAssertThrowsError(try files.writeSnapshot(ToyDocument(title: "", items: []), at: time(51)))
        try files.close()
        // Nothing written: no lock left, no quarantine, journal and snapshot untouched.
        XCTAssertEqual(try readBytes(journalFile), before)
        XCTAssertEqual(try readBytes(folder.appendingPathComponent("snapshot.json")), snapshotBefore)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("lock").path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("quarantine.jsonl").path))
    }

    func testUnknownEventIsCorruptAndBlamesANewerCampfire() throws {
        let root = try makeTemporaryFolder(self)
        let folder = root.appendingPathComponent("session")
        let journalFile = folder.appendingPathComponent("journal.jsonl")
        let bytes = try makeSession(in: folder)
        // A correctly checksummed line with an event kind this version lacks, at the end.
        let future = JournalLine.encode(eventJSON: Data(#"{"voted":{"_0":3}}"#.utf8), sequence: events.count + 1, at: time(9))
        try writeFixture(bytes + [UInt8](future), to: journalFile)
        let (files, recovered) = try ToySession.open(folder: folder, schema: 1, readOnly: false, at: time(50))
        XCTAssertTrue(files.isReadOnly, "a line from a newer Campfire must not be cut off or buried")
        XCTAssertEqual(recovered.report.corruptLines.map(\.lineNumber), [events.count + 1])
        XCTAssertTrue(recovered.report.corruptLines[0].reason.contains("newer Campfire"))
        XCTAssertNil(recovered.report.tornTail)
        XCTAssertEqual(try readBytes(journalFile), bytes + [UInt8](future))
    }

    func testSequenceGapOrRepeatIsCorrupt() throws {
        let repeatLine = JournalLine.encode(eventJSON: Data(#"{"added":{"_0":"a"}}"#.utf8), sequence: 1, at: baseTime)
        let bytes = [UInt8](repeatLine + repeatLine + JournalLine.encode(eventJSON: Data(#"{"removed":{"_0":0}}"#.utf8), sequence: 2, at: baseTime))
        let result = JournalReader.parse(bytes, as: ToyEvent.self)
        XCTAssertEqual(result.corruptLines.map(\.lineNumber), [2])
        XCTAssertEqual(result.records.map(\.sequence), [1, 2])
    }

    /// Reopening checks every line but decodes only the events after the snapshot: the lines
    /// it covers are still numbered and checksummed, so damage there is still found.
    func testLinesTheSnapshotCoversAreCheckedButNotDecoded() throws {
        let lines = (1...6).map { JournalLine.encode(eventJSON: Data(#"{"added":{"_0":"\#($0)"}}"#.utf8), sequence: $0, at: baseTime) }
        let bytes = [UInt8](lines.reduce(Data(), +))
        let covered = JournalReader.parse(bytes, as: ToyEvent.self, eventsAfter: 4)
        XCTAssertEqual(covered.records.map(\.sequence), [5, 6])
        XCTAssertEqual(covered.records.map(\.event), [.added("5"), .added("6")])
        XCTAssertEqual(covered.lastSequence, 6)
        XCTAssertEqual(covered.corruptLines, [])
        XCTAssertEqual(JournalReader.parse(bytes, as: ToyEvent.self, eventsAfter: 6).lastSequence, 6)

        // A flipped byte in a covered line: still damage, reported by line.
        var damaged = bytes
        let secondLine = lines[0].count + 20
        damaged[secondLine] = damaged[secondLine] == UInt8(ascii: "a") ? UInt8(ascii: "b") : UInt8(ascii: "a")
        let result = JournalReader.parse(damaged, as: ToyEvent.self, eventsAfter: 4)
        XCTAssertEqual(result.corruptLines.map(\.lineNumber), [2])
        XCTAssertEqual(result.records.map(\.sequence), [5, 6])

        // A repeated covered line is still caught by its number.
        let repeated = [UInt8](lines[0] + lines[1] + lines[1] + lines[2])
        XCTAssertEqual(JournalReader.parse(repeated, as: ToyEvent.self, eventsAfter: 3).corruptLines.map(\.lineNumber), [3])
    }

    func testReadOnlyOpenOfTornJournalWritesNothing() throws {
        let root = try makeTemporaryFolder(self)
        let folder = root.appendingPathComponent("session")
        let journalFile = folder.appendingPathComponent("journal.jsonl")
        let bytes = try makeSession(in: folder)
        try writeFixture(Array(bytes.dropLast(7)), to: journalFile)
        let before = Set(allEntries(under: folder).map(\.path))
        let (files, recovered) = try ToySession.open(folder: folder, schema: 1, readOnly: true, at: time(50))
        XCTAssertEqual(recovered.report.readOnlyReasons, [.requested])
        XCTAssertEqual(recovered.report.tornTail?.quarantineFile, nil)
        XCTAssertEqual(recovered.report.tornTail?.lineNumber, events.count)
        XCTAssertTrue(recovered.report.messages.contains { $0.contains("read-only") })
        try files.close()
        XCTAssertEqual(Set(allEntries(under: folder).map(\.path)), before)
        XCTAssertEqual(try readBytes(journalFile), Array(bytes.dropLast(7)))
    }

    func testFailedAppendIsCutBackBeforeTheNextOne() throws {
        let root = try makeTemporaryFolder(self)
        let file = root.appendingPathComponent("journal.jsonl")
        nonisolated(unsafe) var failNext = false
        // On demand, write half of the line then report a full disk.
        let flaky = SystemCalls(write: { descriptor, bytes, count in
            if failNext {
                failNext = false
                _ = SystemCalls.live.write(descriptor, bytes, count / 2)
                errno = ENOSPC
                return -1
            }
            return SystemCalls.live.write(descriptor, bytes, count)
        }, flush: SystemCalls.live.flush)
        let writer = try JournalWriter<ToyEvent>(file: file, calls: flaky)
        try writer.append(.added("one"), sequence: 1, at: baseTime)
        failNext = true
        XCTAssertThrowsError(try writer.append(.added("two"), sequence: 2, at: baseTime)) { error in
            XCTAssertEqual(error as? PersistenceError, .cannotWrite(path: file.path, code: ENOSPC))
            XCTAssertTrue("\(error)".contains("disk is full"))
            XCTAssertTrue("\(error)".contains(file.path))
        }
        try writer.append(.added("two again"), sequence: 2, at: baseTime)
        let result = try JournalReader.read(file, as: ToyEvent.self)
        XCTAssertEqual(result.records.map(\.event), [.added("one"), .added("two again")])
        XCTAssertEqual(result.corruptLines, [])
        XCTAssertNil(result.tornTail)
    }

    func testFailedFlushIsNotTreatedAsSavedAndTheLineIsRewritten() throws {
        let root = try makeTemporaryFolder(self)
        let file = root.appendingPathComponent("journal.jsonl")
        nonisolated(unsafe) var failFlush = false
        let flaky = SystemCalls(write: SystemCalls.live.write, flush: { descriptor in
            if failFlush { failFlush = false; errno = EIO; return -1 }
            return SystemCalls.live.flush(descriptor)
        })
        let writer = try JournalWriter<ToyEvent>(file: file, calls: flaky)
        try writer.append(.added("one"), sequence: 1, at: baseTime)
        failFlush = true
        XCTAssertThrowsError(try writer.append(.added("two"), sequence: 2, at: baseTime))
        // The unconfirmed line was cut off, so retrying does not duplicate it.
        try writer.append(.added("two"), sequence: 2, at: baseTime)
        let result = try JournalReader.read(file, as: ToyEvent.self)
        XCTAssertEqual(result.records.map(\.sequence), [1, 2])
        XCTAssertEqual(result.corruptLines, [])
    }

    func testCorruptMiddleAndTornTailTogetherWriteNothing() throws {
        let root = try makeTemporaryFolder(self)
        let folder = root.appendingPathComponent("session")
        let journalFile = folder.appendingPathComponent("journal.jsonl")
        var bytes = try makeSession(in: folder)
        bytes[10] = UInt8(ascii: "9")  // inside line 1
        bytes.removeLast(5)            // tear line 5
        try writeFixture(bytes, to: journalFile)
        let (files, recovered) = try ToySession.open(folder: folder, schema: 1, readOnly: false, at: time(50))
        XCTAssertTrue(files.isReadOnly)
        XCTAssertEqual(recovered.report.corruptLines.map(\.lineNumber), [1])
        XCTAssertEqual(recovered.report.tornTail?.lineNumber, 5)
        XCTAssertNil(recovered.report.tornTail?.quarantineFile)
        try files.close()
        XCTAssertEqual(try readBytes(journalFile), bytes)
        XCTAssertEqual(allEntries(under: folder).map(\.lastPathComponent).sorted(), ["journal.jsonl", "snapshot.json", "start.json"])
    }

    func testReportWarnsWhenOthersCanOpenTheSession() throws {
        let root = try makeTemporaryFolder(self)
        let folder = root.appendingPathComponent("session")
        _ = try makeSession(in: folder)
        chmod(folder.path, 0o755)
        chmod(folder.appendingPathComponent("journal.jsonl").path, 0o644)
        let (files, recovered) = try ToySession.open(folder: folder, schema: 1, readOnly: false, at: time(50))
        XCTAssertEqual(
            recovered.report.privacyWarnings.map(\.path),
            [folder.path, folder.appendingPathComponent("journal.jsonl").path])
        XCTAssertFalse(recovered.report.isClean)
        XCTAssertTrue(recovered.report.messages.contains { $0.contains("chmod 600") && $0.contains("journal.jsonl") })
        try files.close()
    }

    func testClosedSessionRefusesWrites() throws {
        let root = try makeTemporaryFolder(self)
        let folder = root.appendingPathComponent("session")
        let files = try ToySession.create(folder: folder, document: ToyDocument(title: "", items: []), schema: 1, at: time(0))
        try files.close()
        XCTAssertThrowsError(try files.append(.added("late"), at: time(1))) { error in
            XCTAssertEqual(error as? PersistenceError, .closed(folder: folder.path))
        }
        XCTAssertEqual(try readBytes(folder.appendingPathComponent("journal.jsonl")), [])
    }
}
