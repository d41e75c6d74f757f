import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The `lock` file that says which Campfire has a session open, so two
/// programs never write the same journal.
///
/// A lock whose process has died on this computer is stale and taken over. A
/// lock from another computer is always treated as held: its process cannot
/// be checked from here (the folder may be on a shared or synced disk).
public final class SessionLock {
    /// The lock file.
    public let file: URL
    /// What this lock says.
    public let info: LockInfo
    private let writtenBytes: Data
    private var isReleased = false

    /// The outcome of trying to take a lock.
    public enum Acquisition {
        /// The lock was free and is now ours.
        case acquired(SessionLock)
        /// A lock left by a process that has ended was replaced by ours.
        case recoveredStale(SessionLock, previous: LockInfo)
        /// A running Campfire (or one on another computer) holds it.
        case heldBy(LockInfo)
    }

    /// The file name inside a session folder.
    public static let fileName = "lock"

    private init(file: URL, info: LockInfo, writtenBytes: Data) {
        self.file = file
        self.info = info
        self.writtenBytes = writtenBytes
    }

    // MARK: Taking and releasing

    /// Tries to take the lock in `folder`.
    /// - Parameters:
    ///   - processID: this process (injectable for tests).
    ///   - host: this computer's name.
    ///   - at: now.
    /// - Throws: `PersistenceError.unreadableLock` if a lock exists but cannot
    ///   be understood; other `PersistenceError`s for file failures.
    public static func acquire(
        in folder: URL,
        processID: Int32 = getpid(),
        host: String = SessionLock.currentHost(),
        takingOver: LockInfo? = nil,
        at date: Date
    ) throws -> Acquisition {
        let file = folder.appendingPathComponent(fileName)
        let info = LockInfo(
            pid: processID, host: host, startedAt: date, bootID: currentBootID(),
            processStart: processStartTicks(processID))
        let bytes: Data
        do {
            bytes = try JSONCoding.encoder().encode(info) + Data("\n".utf8)
        } catch {
            throw PersistenceError.cannotEncode(path: file.path, detail: "\(error)")
        }
        var previousStale: LockInfo?
        // A few rounds: another Campfire may take or drop the lock between our steps.
        for _ in 0..<3 {
            if try create(file, with: bytes) {
                let lock = SessionLock(file: file, info: info, writtenBytes: bytes)
                if let previousStale { return .recoveredStale(lock, previous: previousStale) }
                return .acquired(lock)
            }
            let found: LockInfo?
            do {
                found = try read(file)
            } catch PersistenceError.unreadableLock {
                // A Campfire writes its lock a moment after creating it, so an empty or cut-off
                // lock that has been there a while was left by one stopped in between (a crash,
                // a power cut). Without this, the session could not be opened until someone
                // deleted the file by hand.
                guard let since = abandonedSince(file, now: date) else { throw PersistenceError.unreadableLock(path: file.path) }
                previousStale = LockInfo(pid: 0, host: "unknown (its lock file was cut off)", startedAt: since)
                if let code = FaultInjection.before(.unlink, path: file.path) {
                    throw PersistenceError.cannotWrite(path: file.path, code: code)
                }
                if unlink(file.path) != 0 && errno != ENOENT {
                    throw PersistenceError.cannotWrite(path: file.path, code: errno)
                }
                continue
            }
            guard let existing = found else { continue }  // vanished meanwhile: retry
            // A lock the facilitator chose to take over (one from another computer, after being
            // told what that means) is replaced only if it is still exactly the one they saw.
            guard isStale(existing, host: host) || takingOver.map(existing.isSameHolder) == true else { return .heldBy(existing) }
            previousStale = existing
            if let code = FaultInjection.before(.unlink, path: file.path) {
                throw PersistenceError.cannotWrite(path: file.path, code: code)
            }
            if unlink(file.path) != 0 && errno != ENOENT {
                throw PersistenceError.cannotWrite(path: file.path, code: errno)
            }
        }
        if let existing = try read(file) { return .heldBy(existing) }
        throw PersistenceError.unreadableLock(path: file.path)
    }

    /// Removes the lock file, but only if it is still the one we wrote.
    /// Calling it again does nothing.
    /// - Throws: `PersistenceError` if the file could not be removed.
    public func release() throws {
        guard !isReleased else { return }
        isReleased = true
        guard let current = try? SafeFile.read(file), current == writtenBytes else { return }
        if let code = FaultInjection.before(.unlink, path: file.path) {
            throw PersistenceError.cannotWrite(path: file.path, code: code)
        }
        if unlink(file.path) != 0 && errno != ENOENT {
            throw PersistenceError.cannotWrite(path: file.path, code: errno)
        }
        try SafeFile.syncFolder(file.deletingLastPathComponent())
    }

    // MARK: Looking

    /// Reads the lock in `folder` without taking it.
    /// - Returns: nil if there is no lock.
    /// - Throws: `PersistenceError.unreadableLock` if it cannot be understood.
    public static func current(in folder: URL) throws -> LockInfo? {
        try read(folder.appendingPathComponent(fileName))
    }

    /// Whether `info` is held by a process that is still running, judged from
    /// this computer (`host`). Locks from other computers count as running.
    public static func isHeld(_ info: LockInfo, host: String = SessionLock.currentHost()) -> Bool {
        !isStale(info, host: host)
    }

    /// This computer's name.
    public static func currentHost() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "unknown" }
        let bytes = buffer.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    // MARK: Helpers

    private static func isStale(_ info: LockInfo, host: String) -> Bool {
        guard info.host == host else { return false }
        // Written before this computer last started: no process from then is running.
        if let written = info.bootID, let now = currentBootID(), written != now { return true }
        // kill with signal 0 only asks whether the process exists.
        // EPERM means it exists but belongs to someone else: still held.
        if kill(pid_t(info.pid), 0) != 0 && errno == ESRCH { return true }
        // The number is in use, but by a process started at another time: it was reused.
        if let written = info.processStart, let now = processStartTicks(info.pid), written != now { return true }
        return false
    }

    /// Whether `info` names a Campfire on another computer (a shared or synced folder).
    public static func isFromAnotherComputer(_ info: LockInfo, host: String = SessionLock.currentHost()) -> Bool {
        info.host != host
    }

    /// What a lock from another computer means, in words, for the question and for doctor.
    public static func otherComputerSentence(_ info: LockInfo) -> String {
        "This session is open on another computer, \"\(info.host)\" (process \(info.pid), since \(Timestamp.format(info.startedAt))), "
            + "probably through a shared or synced folder. Campfire cannot tell from here whether it is still running there. "
            + "If it is, taking the session over here means the two would save over each other; if that computer was switched off "
            + "or Campfire there has stopped, it is safe to take it over."
    }

    /// Why a lock on this computer is stale, in words, or nil if it is held.
    public static func staleReason(_ info: LockInfo, host: String = SessionLock.currentHost()) -> String? {
        guard info.host == host else { return nil }
        if let written = info.bootID, let now = currentBootID(), written != now {
            return "it was made before this computer last started"
        }
        if kill(pid_t(info.pid), 0) != 0 && errno == ESRCH { return "process \(info.pid) is no longer running" }
        if let written = info.processStart, let now = processStartTicks(info.pid), written != now {
            return "process number \(info.pid) now belongs to another program"
        }
        return nil
    }

    /// This start of the computer (Linux: `/proc/sys/kernel/random/boot_id`), or nil.
    public static func currentBootID() -> String? {
        guard let data = FileManager.default.contents(atPath: "/proc/sys/kernel/random/boot_id") else { return nil }
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }

    /// When process `pid` started, in clock ticks after boot (field 22 of `/proc/PID/stat`), or nil.
    public static func processStartTicks(_ pid: Int32) -> UInt64? {
        guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/stat") else { return nil }
        let text = String(decoding: data, as: UTF8.self)
        // The name (field 2) is in brackets and may hold spaces: count from after the last ")".
        guard let close = text.lastIndex(of: ")") else { return nil }
        let fields = text[text.index(after: close)...].split(separator: " ")
        guard fields.count > 19 else { return nil }
        return UInt64(fields[19])
    }

    /// How long an unreadable lock must have been left before it counts as abandoned.
    static let unreadableLockGrace: TimeInterval = 10

    /// When an unreadable lock file was last written, if that is longer ago than `unreadableLockGrace`.
    private static func abandonedSince(_ file: URL, now: Date) -> Date? {
        var info = stat()
        guard stat(file.path, &info) == 0 else { return nil }
        #if os(Linux)
        let seconds = info.st_mtim.tv_sec
        #else
        let seconds = info.st_mtimespec.tv_sec
        #endif
        let modified = Date(timeIntervalSince1970: TimeInterval(seconds))
        return now.timeIntervalSince(modified) > unreadableLockGrace ? modified : nil
    }

    /// - Returns: true if the lock was created; false if one already exists.
    private static func create(_ file: URL, with bytes: Data) throws -> Bool {
        let descriptor: Int32
        do {
            descriptor = try SafeFile.createNewFile(file)
        } catch PersistenceError.cannotOpen(_, let code) where code == EEXIST {
            return false
        }
        do {
            try SafeFile.writeAll(bytes, to: descriptor, path: file.path, calls: .live)
            try SafeFile.flush(descriptor, path: file.path, calls: .live)
            _ = closeLockFile(descriptor)
            try SafeFile.syncFolder(file.deletingLastPathComponent())
        } catch {
            _ = closeLockFile(descriptor)
            unlink(file.path)
            throw error
        }
        return true
    }

    /// - Returns: nil if there is no lock file.
    private static func read(_ file: URL) throws -> LockInfo? {
        let data: Data
        do {
            data = try SafeFile.read(file)
        } catch PersistenceError.cannotRead(_, let code) where code == ENOENT {
            return nil
        }
        guard let info = try? JSONCoding.decoder().decode(LockInfo.self, from: data) else {
            throw PersistenceError.unreadableLock(path: file.path)
        }
        return info
    }
}

@inline(__always)
private func closeLockFile(_ descriptor: Int32) -> Int32 {
    #if canImport(Glibc)
    return Glibc.close(descriptor)
    #else
    return Darwin.close(descriptor)
    #endif
}
