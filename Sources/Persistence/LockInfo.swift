import Foundation

/// Who has a session open: the content of its `lock` file.
///
/// On disk: `{"bootID":"…","host":"laptop","pid":4242,"processStart":1234567,"startedAt":"2026-11-23T10:41:07.123Z"}`.
/// `bootID` (the kernel's `/proc/sys/kernel/random/boot_id`) and `processStart` (the process's
/// start, in clock ticks after boot, from `/proc/PID/stat`) tell a lock left before a restart, or
/// one naming a process number since reused by another program, from a live one. Locks written
/// before they existed lack them and are judged by the process number alone.
public struct LockInfo: Codable, Sendable, Equatable, CustomStringConvertible {
    /// The process number of the Campfire holding the lock.
    public let pid: Int32
    /// The computer's name (from `gethostname`).
    public let host: String
    /// When it opened the session.
    public let startedAt: Date
    /// Which start of the computer it was written in (nil if unknown).
    public let bootID: String?
    /// When that process started, in clock ticks after boot (nil if unknown).
    public let processStart: UInt64?

    /// Makes lock information.
    public init(pid: Int32, host: String, startedAt: Date, bootID: String? = nil, processStart: UInt64? = nil) {
        self.pid = pid
        self.host = host
        self.startedAt = startedAt
        self.bootID = bootID
        self.processStart = processStart
    }

    /// Whether `other` names the same holder (times compared to the millisecond, as written).
    public func isSameHolder(as other: LockInfo) -> Bool {
        pid == other.pid && host == other.host && bootID == other.bootID && processStart == other.processStart
            && abs(startedAt.timeIntervalSince(other.startedAt)) < 0.001
    }

    public var description: String {
        "on the computer \"\(host)\", process \(pid), since \(Timestamp.format(startedAt))"
    }
}
