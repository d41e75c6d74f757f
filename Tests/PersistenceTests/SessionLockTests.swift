import XCTest
@testable import Persistence

final class SessionLockTests: XCTestCase {
    private func makeSession(_ root: URL) throws -> URL {
        let folder = root.appendingPathComponent("session")
        let files = try ToySession.create(folder: folder, document: ToyDocument(title: "t", items: []), schema: 1, at: time(0))
        try files.close()
        return folder
    }

    private func writeLock(_ info: LockInfo, in folder: URL) throws {
        let data = try JSONCoding.encoder().encode(info)
        let descriptor = try SafeFile.createNewFile(folder.appendingPathComponent("lock"))
        try SafeFile.writeAll(data, to: descriptor, path: "lock", calls: .live)
        close(descriptor)
    }

    /// The pid of a process that has certainly exited.
    private func deadProcessID() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    func testSecondOpenerIsToldWhoHoldsIt() throws {
        let root = try makeTemporaryFolder(self)
        let folder = try makeSession(root)
        let (first, _) = try ToySession.open(folder: folder, schema: 1, readOnly: false, at: time(1))
        XCTAssertThrowsError(try ToySession.open(folder: folder, schema: 1, readOnly: false, at: time(2))) { error in
            guard case .lockedBy(let info)? = error as? PersistenceError else { return XCTFail("\(error)") }
            XCTAssertEqual(info.pid, getpid())
            XCTAssertEqual(info.host, SessionLock.currentHost())
            XCTAssertEqual(info.startedAt, time(1))
            XCTAssertTrue("\(error)".contains("read-only"))
        }
        // Read-only is allowed, says who holds it, and leaves the lock alone.
        let (viewer, recovered) = try ToySession.open(folder: folder, schema: 1, readOnly: true, at: time(3))
        XCTAssertEqual(recovered.report.heldBy?.pid, getpid())
        try viewer.close()
        XCTAssertEqual(try SessionLock.current(in: folder)?.startedAt, time(1))
        try first.close()
        XCTAssertNil(try SessionLock.current(in: folder))
    }

    func testStaleLockFromDeadProcessIsRecovered() throws {
        let root = try makeTemporaryFolder(self)
        let folder = try makeSession(root)
        let dead = LockInfo(pid: try deadProcessID(), host: SessionLock.currentHost(), startedAt: time(-100))
        try writeLock(dead, in: folder)
        let (files, recovered) = try ToySession.open(folder: folder, schema: 1, readOnly: false, at: time(1))
        XCTAssertEqual(recovered.report.recoveredStaleLock, dead)
        XCTAssertTrue(recovered.report.messages.contains { $0.contains("has stopped") })
        XCTAssertEqual(try SessionLock.current(in: folder)?.pid, getpid())
        try files.close()
    }

    func testLockFromAnotherComputerIsHeld() throws {
        let root = try makeTemporaryFolder(self)
        let folder = try makeSession(root)
        // The pid is dead here, but on another computer that proves nothing.
        let elsewhere = LockInfo(pid: try deadProcessID(), host: "another-laptop", startedAt: time(-5))
        try writeLock(elsewhere, in: folder)
        XCTAssertThrowsError(try ToySession.open(folder: folder, schema: 1, readOnly: false, at: time(1))) { error in
            XCTAssertEqual(error as? PersistenceError, .lockedBy(elsewhere))
            XCTAssertTrue("\(error)".contains("another-laptop"))
        }
        guard case .heldBy(let info) = try SessionLock.acquire(in: folder, at: time(1)) else { return XCTFail() }
        XCTAssertEqual(info, elsewhere)
        XCTAssertEqual(try SessionLock.current(in: folder), elsewhere, "the other computer's lock must stay")
    }

    func testReleaseOnlyRemovesOurOwnLock() throws {
        let root = try makeTemporaryFolder(self)
        let folder = try makeSession(root)
        guard case .acquired(let lock) = try SessionLock.acquire(in: folder, at: time(1)) else { return XCTFail() }
        // Someone replaced it meanwhile (e.g. took it over by hand).
        try FileManager.default.removeItem(at: lock.file)
        let other = LockInfo(pid: 1, host: "another-laptop", startedAt: time(2))
        try writeLock(other, in: folder)
        try lock.release()
        XCTAssertEqual(try SessionLock.current(in: folder), other)
    }

    func testUnreadableLockGivesAPlainError() throws {
        let root = try makeTemporaryFolder(self)
        let folder = try makeSession(root)
        try writeFixture(Array("garbage".utf8), to: folder.appendingPathComponent("lock"))
        XCTAssertThrowsError(try ToySession.open(folder: folder, schema: 1, readOnly: false, at: time(1))) { error in
            XCTAssertEqual(error as? PersistenceError, .unreadableLock(path: folder.appendingPathComponent("lock").path))
            XCTAssertTrue("\(error)".contains("delete that file"))
        }
    }

    func testCreateRefusesAnExistingSession() throws {
        let root = try makeTemporaryFolder(self)
        let folder = try makeSession(root)
        XCTAssertThrowsError(try ToySession.create(folder: folder, document: ToyDocument(title: "x", items: []), schema: 1, at: time(1))) { error in
            XCTAssertEqual(error as? PersistenceError, .sessionAlreadyExists(folder: folder.path))
        }
        XCTAssertThrowsError(try ToySession.open(folder: root.appendingPathComponent("nothing"), schema: 1, readOnly: false, at: time(1))) { error in
            guard case .notASession? = error as? PersistenceError else { return XCTFail("\(error)") }
        }
    }
}
