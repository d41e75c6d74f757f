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
}
