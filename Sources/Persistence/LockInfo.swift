import Foundation

/// Who has a session open: the content of its `lock` file.
///
/// On disk: `{"host":"laptop","pid":4242,"startedAt":"2026-11-23T10:41:07.123Z"}`.
public struct LockInfo: Codable, Sendable, Equatable, CustomStringConvertible {
    /// The process number of the Campfire holding the lock.
    public let pid: Int32
    /// The computer's name (from `gethostname`).
    public let host: String
    /// When it opened the session.
    public let startedAt: Date

    /// Makes lock information.
    public init(pid: Int32, host: String, startedAt: Date) {
        self.pid = pid
        self.host = host
        self.startedAt = startedAt
    }

    public var description: String {
        "on the computer \"\(host)\", process \(pid), since \(Timestamp.format(startedAt))"
    }
}
