import Foundation
import XCTest
@testable import Persistence
@testable import Workshop
#if canImport(Glibc)
import Glibc
#endif

/// A full disk or an I/O error at every disk step of a session's life (through the
/// `FaultInjection` seam, in this process): the change is refused in plain words, the
/// previous snapshot stays whole, nothing is half-saved, and saving resumes once space returns.
final class FaultDiskFullTests: XCTestCase {
    let start = Date(timeIntervalSince1970: 1_795_000_000)
    let names = ["Ann", "Bo", "李明", "Zoë\u{301}", "👩🏽‍🦱 Ama", "Sam", "Kit"]

    override func tearDown() {
        FaultInjection.use(nil)
    }

    private func newStore(in folder: URL) throws -> SessionStore {
        let template = try ContentLibrary.load().template(named: "standard")
        return try SessionStore.create(
            Session(id: "20261123-1200-fa17", title: "Disk full", group: nil, facilitator: nil, createdAt: start, template: template),
            in: folder, at: start)
    }

    /// Runs the session with step `failAt` (and the `count - 1` after it) failing with `code`,
    /// retrying each refused change once the fault has passed, as a facilitator pressing Enter again would.
    /// - Returns: whether any step failed (false once `failAt` is past the last step).
    private func run(failAt: Int, count: Int, code: Int32, root: URL) throws -> Bool {
        let folder = root.appendingPathComponent("s\(failAt)-\(count)-\(code)")
        let store = try newStore(in: folder)
        let snapshotFile = folder.appendingPathComponent("snapshot.json")
        FaultInjection.use(FaultInjection.Plan(failAt: failAt, failCount: count, failCode: code))
        var failures = 0
        for (index, name) in names.enumerated() {
            let event = SessionEvent.addParticipant(Participant(id: "p\(index)", name: name))
            var attempts = 0
            while true {
                attempts += 1
                let snapshotBefore = try Data(contentsOf: snapshotFile)
                do {
                    try store.record(event, at: start.addingTimeInterval(Double(index)))
                    break
                } catch let error as PersistenceError {
                    failures += 1
                    let words = error.description
                    XCTAssertTrue(words.contains(code == ENOSPC ? "The disk is full" : "The disk reported a fault"), words)
                    XCTAssertTrue(words.contains("journal.jsonl"), "the message names the file: \(words)")
                    // Work kept in memory: the live session is exactly as before the refused change.
                    XCTAssertEqual(store.session.record.participants.count, index)
                    // The previous snapshot is untouched.
                    XCTAssertEqual(try Data(contentsOf: snapshotFile), snapshotBefore, "failAt \(failAt): the snapshot changed")
                    XCTAssertLessThan(attempts, count + 3, "failAt \(failAt): saving never resumed")
                    if attempts >= count + 3 { return true }
                }
            }
        }
        // Regular snapshots (every 50) are not reached here: write one, then close, as the console does.
        try? store.snapshot(at: start.addingTimeInterval(100))
        store.close(at: start.addingTimeInterval(101))
        let tookAStep = FaultInjection.stepsTaken >= failAt
        FaultInjection.use(nil)
        // A failure while closing can leave our own lock behind; once the program has
        // exited that lock is stale and taken over. Here the process lives on, so stand in for that.
        let lockFile = folder.appendingPathComponent(SessionLock.fileName)
        if let info = try SessionLock.current(in: folder), info.pid == getpid() { try FileManager.default.removeItem(at: lockFile) }

        // Reopen: every person exactly once, in order; a line whose flush failed was never kept as well as retried.
        let reopened = try SessionStore.open(folder, readOnly: false, at: start.addingTimeInterval(200))
        XCTAssertEqual(reopened.session.record.participants.map(\.name), names, "failAt \(failAt) count \(count) code \(code)")
        XCTAssertFalse(reopened.isReadOnly, "failAt \(failAt): \(reopened.report.messages)")
        let journal = try String(contentsOf: folder.appendingPathComponent("journal.jsonl"), encoding: .utf8)
        XCTAssertEqual(journal.split(separator: "\n").count, names.count, "failAt \(failAt): a line was kept twice or lost")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(SafeFile.temporaryPrefix) }
        XCTAssertEqual(leftovers, [], "failAt \(failAt): temporary files left behind")
        reopened.close(at: start.addingTimeInterval(300))
        _ = failures
        return tookAStep
    }

    func testAFullDiskAtEveryStepLosesNothingAndSavingResumes() throws {
        let root = try makeTemporaryFolder(self)
        var points = 0
        for code in [ENOSPC, EIO] {
            for count in [1, 3] {
                var failAt = 1
                while try run(failAt: failAt, count: count, code: code, root: root) {
                    failAt += 1
                    points += 1
                    XCTAssertLessThan(failAt, 500)
                }
            }
        }
        XCTAssertGreaterThan(points, 40)
        print("FAULT-FIGURES disk-full-points=\(points)")
    }

    /// A write that went out but whose flush failed is cut off before the next append,
    /// never left in the file as if it had been saved.
    func testAFailedFlushIsNotTrustedOnTheSameFile() throws {
        let root = try makeTemporaryFolder(self)
        let store = try newStore(in: root.appendingPathComponent("flush"))
        let journal = root.appendingPathComponent("flush/journal.jsonl")
        try store.record(.addParticipant(Participant(id: "p0", name: "Ann")), at: start)
        let goodLength = try Data(contentsOf: journal).count
        // Steps for the next append: 1 write, 2 flush. Fail the flush only.
        FaultInjection.use(FaultInjection.Plan(failAt: 2, failCount: 1, failCode: EIO))
        XCTAssertThrowsError(try store.record(.addParticipant(Participant(id: "p1", name: "Bo")), at: start))
        // The write worked but the change was refused: its bytes are cut off at once.
        XCTAssertEqual(try Data(contentsOf: journal).count, goodLength)
        XCTAssertEqual(store.session.record.participants.map(\.name), ["Ann"])
        FaultInjection.use(nil)
        try store.record(.addParticipant(Participant(id: "p1", name: "Bo")), at: start)
        let lines = try String(contentsOf: journal, encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(lines.count, 2, "the unconfirmed line was kept alongside the retried one")
        store.close(at: start)
    }
}
