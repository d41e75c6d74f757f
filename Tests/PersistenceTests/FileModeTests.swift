import XCTest
@testable import Persistence
#if canImport(Glibc)
import Glibc
#endif

/// Every file Campfire makes is 0600 and every folder 0700, whatever the umask.
final class FileModeTests: XCTestCase {
    func testEveryFileAndFolderIsPrivateUnderUmask000() throws {
        try checkEverythingIsPrivate(umask: 0o000)
    }

    func testEveryFileAndFolderIsPrivateUnderUmask022() throws {
        try checkEverythingIsPrivate(umask: 0o022)
    }

    /// A umask can only remove bits, so 000 and 022 alone cannot tell whether
    /// the mode was forced with chmod; 277 strips the owner's own write and
    /// read bits, which only an explicit chmod/fchmod puts back.
    func testEveryFileAndFolderIsPrivateUnderUmask277() throws {
        try checkEverythingIsPrivate(umask: 0o277)
    }

    private func checkEverythingIsPrivate(umask mask: mode_t) throws {
        let root = try makeTemporaryFolder(self)
        let folder = root.appendingPathComponent("data/sessions/one")
        try withUmask(mask) {
            // Session, journal, snapshot, summary, stage snapshot, lock.
            let files = try ToySession.create(
                folder: folder, document: ToyDocument(title: "T", items: []), schema: 2, at: time(0))
            try files.append(.added("a"), at: time(1))
            try files.writeSnapshot(ToyDocument(title: "T", items: ["a"]), summary: ["title": "T"], at: time(2))
            try files.writeStageSnapshot(ToyDocument(title: "T", items: ["a"]), label: "Stories", at: time(3))
            try files.close()

            // Quarantine: tear the last line and reopen.
            let journal = folder.appendingPathComponent(ToySession.journalName)
            let handle = try FileHandle(forWritingTo: journal)
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(#"{"seq":2,"at":"#.utf8))
            try handle.close()
            chmod(journal.path, 0o600)  // FileHandle does not change the mode; be explicit
            // Kept original of a migrated snapshot: rewrite the snapshot as schema 1.
            let snapshot = folder.appendingPathComponent(ToySession.snapshotName)
            let old = String(decoding: try Data(contentsOf: snapshot), as: UTF8.self)
                .replacingOccurrences(of: #""schema":2,"#, with: #""schema":1,"#)
            try SafeFile.writeAtomically(Data(old.utf8), to: snapshot)
            let (reopened, recovered) = try ToySession.open(
                folder: folder, schema: 2, readOnly: false, migrate: { _, json in json }, at: time(4))
            XCTAssertNotNil(recovered.report.tornTail?.quarantineFile)
            XCTAssertEqual(recovered.report.migratedFromSchema, 1)
            // The lock of this opener must be private too, so check before closing.
            XCTAssertEqual(mode(folder.appendingPathComponent("lock")), 0o600)
            try reopened.close()
        }

        let expected: Set<String> = [
            "journal.jsonl", "snapshot.json", "summary.json", "stages", "stages/0001-stories.json",
            "quarantine.jsonl", "snapshot.v1.json", "start.json",
        ]
        let entries = allEntries(under: folder)
        XCTAssertEqual(Set(entries.map { String($0.path.dropFirst(folder.path.count + 1)) }), expected)
        for entry in entries {
            XCTAssertEqual(mode(entry), isFolder(entry) ? 0o700 : 0o600, "\(entry.path) under umask \(String(mask, radix: 8))")
        }
        for created in ["data", "data/sessions", "data/sessions/one"] {
            XCTAssertEqual(mode(root.appendingPathComponent(created)), 0o700, created)
        }
        XCTAssertFalse(entries.contains { $0.lastPathComponent.hasPrefix(".tmp-") }, "temporary files were left behind")
    }

    func testTemporaryFileIsPrivateWhileBeingWritten() throws {
        let root = try makeTemporaryFolder(self)
        let target = root.appendingPathComponent("snapshot.json")
        for mask: mode_t in [0o000, 0o022, 0o277] {
            nonisolated(unsafe) var seen: [(name: String, mode: mode_t)] = []
            // Look at the temporary file at the moment it is flushed, before the rename.
            let spy = SystemCalls(write: SystemCalls.live.write, flush: { descriptor in
                for entry in allEntries(under: root) where entry.lastPathComponent.hasPrefix(".tmp-") {
                    seen.append((entry.lastPathComponent, mode(entry)))
                }
                return SystemCalls.live.flush(descriptor)
            })
            try withUmask(mask) { try SafeFile.writeAtomically(Data("x".utf8), to: target, calls: spy) }
            XCTAssertEqual(seen.count, 1)
            XCTAssertEqual(seen.first?.mode, 0o600)
            XCTAssertTrue(seen.first?.name.hasPrefix(".tmp-snapshot.json") ?? false)
            XCTAssertEqual(mode(target), 0o600)
        }
    }

    func testAtomicWriteReplacesAndLeavesNoTemporaryFile() throws {
        let root = try makeTemporaryFolder(self)
        let target = root.appendingPathComponent("f.json")
        try SafeFile.writeAtomically(Data("one".utf8), to: target)
        try SafeFile.writeAtomically(Data("two".utf8), to: target)
        XCTAssertEqual(try String(contentsOf: target, encoding: .utf8), "two")
        XCTAssertEqual(allEntries(under: root).map(\.lastPathComponent), ["f.json"])
    }

    func testFailedFlushKeepsTheOldFileAndRemovesTheTemporaryOne() throws {
        let root = try makeTemporaryFolder(self)
        let target = root.appendingPathComponent("f.json")
        try SafeFile.writeAtomically(Data("old".utf8), to: target)
        let failing = SystemCalls(write: SystemCalls.live.write, flush: { _ in errno = EIO; return -1 })
        XCTAssertThrowsError(try SafeFile.writeAtomically(Data("new".utf8), to: target, calls: failing)) { error in
            XCTAssertEqual(error as? PersistenceError, .cannotSaveToDisk(path: target.path, code: EIO))
            XCTAssertTrue("\(error)".contains(target.path))
        }
        XCTAssertEqual(try String(contentsOf: target, encoding: .utf8), "old")
        XCTAssertEqual(allEntries(under: root).map(\.lastPathComponent), ["f.json"])
    }

    func testPartialWritesAndInterruptionsAreRetried() throws {
        let root = try makeTemporaryFolder(self)
        let target = root.appendingPathComponent("f.json")
        nonisolated(unsafe) var calls = 0
        // Writes at most 3 bytes at a time and is interrupted every other call.
        let stingy = SystemCalls(write: { descriptor, bytes, count in
            calls += 1
            if calls % 2 == 0 { errno = EINTR; return -1 }
            return SystemCalls.live.write(descriptor, bytes, min(count, 3))
        }, flush: SystemCalls.live.flush)
        let text = "Stories 👩‍👩‍👧 in full, never a word lost."
        try SafeFile.writeAtomically(Data(text.utf8), to: target, calls: stingy)
        XCTAssertEqual(try String(contentsOf: target, encoding: .utf8), text)
        XCTAssertGreaterThan(calls, 20)
    }
}

