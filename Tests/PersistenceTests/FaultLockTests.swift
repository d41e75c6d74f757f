import Foundation
import XCTest
@testable import Persistence
#if canImport(Glibc)
import Glibc
#endif

/// Locks left in odd states by crashes and other computers.
final class FaultLockTests: XCTestCase {
    /// A crash between creating the lock and writing it leaves it empty or cut off; after a
    /// while that lock is taken over (and reported), instead of barring the session for good.
    func testAnOldEmptyOrCutOffLockIsTakenOver() throws {
        for content in ["", "{\"host\":\"vm\",\"pi"] {
            let folder = try makeTemporaryFolder(self)
            let lock = folder.appendingPathComponent(SessionLock.fileName)
            try Data(content.utf8).write(to: lock)
            // Just written: it may be a Campfire about to fill it in, so it is refused.
            XCTAssertThrowsError(try SessionLock.acquire(in: folder, at: Date()))
            let old = Date().addingTimeInterval(-(SessionLock.unreadableLockGrace + 5))
            try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: lock.path)
            guard case .recoveredStale(let taken, _) = try SessionLock.acquire(in: folder, at: Date()) else {
                return XCTFail("an abandoned cut-off lock was not taken over (\(content.debugDescription))")
            }
            try taken.release()
        }
    }

    /// A lock from a live process on another computer is never taken over, however old.
    func testALockFromAnotherComputerIsHeld() throws {
        let folder = try makeTemporaryFolder(self)
        let other = LockInfo(pid: getpid(), host: "another-computer", startedAt: Date().addingTimeInterval(-86_400))
        try (JSONCoding.encoder().encode(other) + Data("\n".utf8)).write(to: folder.appendingPathComponent(SessionLock.fileName))
        guard case .heldBy(let holder) = try SessionLock.acquire(in: folder, at: Date()) else {
            return XCTFail("a lock from another computer was taken")
        }
        XCTAssertEqual(holder.host, "another-computer")
    }

    private func write(_ info: LockInfo, in folder: URL) throws {
        try (JSONCoding.encoder().encode(info) + Data("\n".utf8)).write(to: folder.appendingPathComponent(SessionLock.fileName))
    }

    /// A lock records the computer's start (boot id) and the process's own start time.
    func testALockRecordsBootAndProcessStart() throws {
        let folder = try makeTemporaryFolder(self)
        guard case .acquired(let lock) = try SessionLock.acquire(in: folder, at: Date()) else { return XCTFail("not taken") }
        let written = try JSONCoding.decoder().decode(LockInfo.self, from: Data(contentsOf: folder.appendingPathComponent(SessionLock.fileName)))
        XCTAssertEqual(written.bootID, try String(contentsOfFile: "/proc/sys/kernel/random/boot_id", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines))
        XCTAssertEqual(written.processStart, SessionLock.processStartTicks(getpid()))
        XCTAssertNotNil(written.processStart)
        try lock.release()
    }

    /// A process number now used by another program (the number was reused, say after a restart)
    /// is not the Campfire that made the lock: the lock is stale and taken over.
    func testALockWhoseProcessNumberWasReusedIsTakenOver() throws {
        let folder = try makeTemporaryFolder(self)
        // This test process is alive, but started at another moment than the lock says.
        let realStart = try XCTUnwrap(SessionLock.processStartTicks(getpid()))
        let reused = LockInfo(pid: getpid(), host: SessionLock.currentHost(), startedAt: Date(),
                              bootID: SessionLock.currentBootID(), processStart: realStart + 12_345)
        try write(reused, in: folder)
        XCTAssertEqual(SessionLock.staleReason(reused), "process number \(getpid()) now belongs to another program")
        guard case .recoveredStale(let taken, let previous) = try SessionLock.acquire(in: folder, at: Date()) else {
            return XCTFail("a lock naming a reused process number was not taken over")
        }
        XCTAssertTrue(previous.isSameHolder(as: reused))
        try taken.release()

        // The same, but the number is still the Campfire that wrote it: held.
        let live = LockInfo(pid: getpid(), host: SessionLock.currentHost(), startedAt: Date(), bootID: SessionLock.currentBootID(), processStart: realStart)
        try write(live, in: folder)
        guard case .heldBy = try SessionLock.acquire(in: folder, processID: 1, at: Date()) else { return XCTFail("a live lock was taken") }
    }

    /// A lock written before this computer last started is stale, whatever its process number.
    func testALockFromBeforeARestartIsTakenOver() throws {
        let folder = try makeTemporaryFolder(self)
        let before = LockInfo(pid: getpid(), host: SessionLock.currentHost(), startedAt: Date(), bootID: "00000000-0000-0000-0000-000000000000", processStart: 1)
        try write(before, in: folder)
        XCTAssertEqual(SessionLock.staleReason(before), "it was made before this computer last started")
        guard case .recoveredStale = try SessionLock.acquire(in: folder, at: Date()) else { return XCTFail("not taken over") }
    }

    /// Another computer's lock is taken over only when asked, and only if it is still exactly
    /// the one the facilitator was shown.
    func testALockFromAnotherComputerIsTakenOverOnlyWhenChosen() throws {
        let folder = try makeTemporaryFolder(self)
        let other = LockInfo(pid: 4242, host: "another-computer", startedAt: Date().addingTimeInterval(-60))
        try write(other, in: folder)
        let shownElse = LockInfo(pid: 4243, host: "another-computer", startedAt: Date())
        guard case .heldBy = try SessionLock.acquire(in: folder, takingOver: shownElse, at: Date()) else { return XCTFail("taken") }
        guard case .recoveredStale(let taken, let previous) = try SessionLock.acquire(in: folder, takingOver: other, at: Date()) else {
            return XCTFail("not taken over when chosen")
        }
        XCTAssertTrue(previous.isSameHolder(as: other))
        XCTAssertTrue(SessionLock.otherComputerSentence(other).contains("\"another-computer\""))
        try taken.release()
    }
}
