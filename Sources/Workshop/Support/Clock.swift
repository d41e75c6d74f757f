import Foundation

/// Where the time comes from. Injected so tests and replays are exact.
public protocol Clock: Sendable {
    func now() -> Date
}

/// The real time.
public struct SystemClock: Clock {
    public init() {}
    public func now() -> Date { Date() }
}

/// A clock that only moves when told: for tests and the practice simulator.
public final class ManualClock: Clock, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    public init(_ start: Date) { current = start }

    public func now() -> Date { lock.withLock { current } }

    /// Moves the clock on.
    public func advance(by seconds: TimeInterval) { lock.withLock { current += seconds } }
}
