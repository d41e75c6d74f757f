import XCTest
@testable import Persistence
#if canImport(Glibc)
import Glibc
#endif

/// The environment variable that turns the test bundle into the writer child.
private let writerFolderVariable = "CAMPFIRE_TEST_KILLED_WRITER_FOLDER"
private let childTestName = "PersistenceTests.KilledWriterChild/testChild"

/// Kills a real writing process with SIGKILL at random moments and checks that
/// every append it had confirmed (returned from `append`) is still there.
///
/// This proves crash safety against the process dying (the torn lines a
/// half-finished `write` leaves, stale locks), not against power loss: after
/// SIGKILL the kernel still holds unflushed data, so it cannot show that
/// fsync is needed, only that recovery never drops confirmed lines.
final class KilledWriterTests: XCTestCase {
    func testEveryConfirmedAppendSurvivesSIGKILL() throws {
        guard let executable = testBundleExecutable() else {
            throw XCTSkip("the test bundle cannot be started as a separate process on this platform")
        }
        let root = try makeTemporaryFolder(self)
        let folder = root.appendingPathComponent("session")
        try ToySession.create(folder: folder, document: ToyDocument(title: "killed", items: []), schema: 1, at: time(0)).close()
        let journalFile = folder.appendingPathComponent("journal.jsonl")

        var random = SeededGenerator(seed: 20261123)
        var confirmed = Set<Int>()
        var roundsThatTore = 0
        for round in 1...8 {
            let process = Process()
            process.executableURL = executable
            process.arguments = [childTestName]
            var environment = ProcessInfo.processInfo.environment
            environment[writerFolderVariable] = folder.path
            process.environment = environment
            let output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle(forWritingAtPath: "/dev/null")
            try process.run()
            // Wait for the child's first confirmed append, then let it run a random while.
            let reader = output.fileHandleForReading
            var received = Data()
            while !String(decoding: received, as: UTF8.self).contains("SEQ ") {
                let chunk = reader.availableData
                if chunk.isEmpty { break }
                received.append(chunk)
            }
            usleep(UInt32.random(in: 1_000...120_000, using: &random))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            try? output.fileHandleForWriting.close()
            received.append(reader.readDataToEndOfFile())
            XCTAssertEqual(process.terminationReason, .uncaughtSignal, "round \(round): the child stopped by itself")

            // Only whole lines count: a number cut off mid-print was never fully reported.
            let text = String(decoding: received, as: UTF8.self)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            let printed = lines.compactMap { $0.hasPrefix("SEQ ") ? Int($0.dropFirst(4)) : nil }
            XCTAssertFalse(printed.isEmpty, "round \(round): the child confirmed nothing")
            confirmed.formUnion(printed)

            // Read without repairing: the next child does the recovery itself.
            let journal = try JournalReader.read(journalFile, as: ToyEvent.self)
            if journal.tornTail != nil { roundsThatTore += 1 }
            XCTAssertEqual(journal.corruptLines, [], "round \(round)")
            let present = Set(journal.records.map(\.sequence))
            let missing = confirmed.subtracting(present).sorted()
            XCTAssertEqual(missing, [], "round \(round): confirmed appends missing from the journal")
            XCTAssertEqual(journal.records.map(\.sequence), Array(1...(journal.records.count)))
        }

        // A final ordinary open recovers cleanly and replays to a document
        // holding every confirmed item.
        let (files, recovered) = try ToySession.open(folder: folder, schema: 1, readOnly: false, at: time(1))
        XCTAssertEqual(recovered.report.corruptLines, [])
        XCTAssertFalse(recovered.report.isReadOnly)
        XCTAssertNotNil(recovered.report.recoveredStaleLock, "the last child died holding the lock")
        let document = replay(recovered)
        let items = Set(document.items.map { Int($0.split(separator: " ")[1])! })
        XCTAssertTrue(confirmed.isSubset(of: items), "replayed document lacks \(confirmed.subtracting(items).sorted().prefix(5))")
        XCTAssertEqual(try files.append(.renamed("after"), at: time(2)), files.lastSequence)
        try files.close()
        print("KilledWriterTests: \(confirmed.count) confirmed appends over 8 kills, \(roundsThatTore) left a torn line")
    }

    /// The running XCTest bundle executable, which can be asked to run one test.
    private func testBundleExecutable() -> URL? {
        #if os(Linux)
        let url = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        return url.lastPathComponent.hasSuffix(".xctest") ? url : nil
        #else
        return nil  // On macOS the bundle is run by xctest/swiftpm helpers; not wired up.
        #endif
    }
}

/// The writer that `KilledWriterTests` starts and kills. In a normal test run it writes a
/// bounded number of events in-process and checks that every one is read back, so the writer
/// loop itself is tested and the test never stands skipped.
final class KilledWriterChild: XCTestCase {
    func testChild() throws {
        if let path = ProcessInfo.processInfo.environment[writerFolderVariable] {
            try write(into: URL(fileURLWithPath: path), count: nil, announce: true)
            return
        }
        let root = try makeTemporaryFolder(self)
        let folder = root.appendingPathComponent("session")
        try ToySession.create(folder: folder, document: ToyDocument(title: "in-process", items: []), schema: 1, at: Date()).close()
        try write(into: folder, count: 120, announce: false)
        let (files, recovered) = try ToySession.open(folder: folder, schema: 1, readOnly: true, at: Date())
        XCTAssertEqual(files.lastSequence, 120)
        XCTAssertEqual(replay(recovered).items.count, 120)
        XCTAssertTrue(recovered.report.tornTail == nil && recovered.report.corruptLines.isEmpty)
    }

    /// Appends events until `count` (or for ever), printing each confirmed sequence when asked.
    private func write(into folder: URL, count: Int?, announce: Bool) throws {
        let (files, recovered) = try ToySession.open(folder: folder, schema: 1, readOnly: false, at: Date())
        defer { if count != nil { try? files.close() } }
        var document = replay(recovered)
        var sequence = files.lastSequence
        while count.map({ sequence < $0 }) ?? true {
            let number = sequence + 1
            // Lengths vary, and some lines span several pages, so kills land
            // mid-write as well as between writes.
            let padding = number.isMultiple(of: 7) ? 20_000 : (number * 37) % 400
            let event = ToyEvent.added("item \(number) 👩‍👩‍👧 " + String(repeating: "ש", count: padding))
            sequence = try files.append(event, at: Date())
            precondition(sequence == number)
            document = apply(event, to: document)
            if announce {
                let line = Array("SEQ \(sequence)\n".utf8)
                // Straight to the pipe, unbuffered: once printed it is the parent's to check.
                line.withUnsafeBytes { _ = Glibc.write(1, $0.baseAddress, $0.count) }
            }
            if sequence.isMultiple(of: 40) {
                try files.writeSnapshot(document, at: Date())
            }
        }
    }
}
