import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A test seam: counts every step that changes the disk (each `write`, flush,
/// folder flush, rename, truncate and unlink done by `SafeFile`, `JournalWriter`,
/// `SessionLock` and the quarantine) and, when asked, stops the program dead or
/// makes a step fail at a chosen count. Off unless one of these is set when the
/// program starts (read once, on the first step):
///
/// - `CAMPFIRE_CRASH_AT_STEP=N`: at step N the process calls `_exit(99)` before
///   doing it (no flushing, no clean-up, no lock release: like a power cut for
///   the process, though the kernel keeps what earlier steps wrote).
///   With `CAMPFIRE_CRASH_TORN=1`, a crash on a `write` step first writes half
///   of its bytes, leaving a torn line or a torn temporary file.
/// - `CAMPFIRE_FAIL_AT_STEP=N`: steps N … N+count−1 fail with `ENOSPC` (a full
///   disk) without touching the disk; `CAMPFIRE_FAIL_COUNT` (default 1) and
///   `CAMPFIRE_FAIL_ERRNO` (default 28, ENOSPC; 5 is EIO) change that.
/// - `CAMPFIRE_FAULT_TRACE=path`: appends one line per step, `N kind file-name`
///   (names only, never contents), to see where the steps fall.
///
/// `CAMPFIRE_SAVED_LOG=path` (see `SavedLog`) is the other half: it lists the
/// sequence of each event the program reported as saved.
public enum FaultInjection {
    /// What kind of step is about to happen.
    public enum Step: String, Sendable {
        case write, flush, folderFlush, rename, truncate, unlink
    }

    /// A plan for which steps crash or fail.
    public struct Plan: Sendable, Equatable {
        public var crashAt: Int?
        public var tornCrash = false
        public var failAt: Int?
        public var failCount = 1
        public var failCode: Int32 = ENOSPC
        public var tracePath: String?

        public init(crashAt: Int? = nil, tornCrash: Bool = false, failAt: Int? = nil, failCount: Int = 1, failCode: Int32 = ENOSPC, tracePath: String? = nil) {
            self.crashAt = crashAt
            self.tornCrash = tornCrash
            self.failAt = failAt
            self.failCount = failCount
            self.failCode = failCode
            self.tracePath = tracePath
        }

        /// The plan the environment asks for, or nil when none is set.
        static func fromEnvironment(_ environment: [String: String]) -> Plan? {
            var plan = Plan()
            plan.crashAt = environment["CAMPFIRE_CRASH_AT_STEP"].flatMap { Int($0) }
            plan.tornCrash = environment["CAMPFIRE_CRASH_TORN"] == "1"
            plan.failAt = environment["CAMPFIRE_FAIL_AT_STEP"].flatMap { Int($0) }
            plan.failCount = environment["CAMPFIRE_FAIL_COUNT"].flatMap { Int($0) } ?? 1
            plan.failCode = environment["CAMPFIRE_FAIL_ERRNO"].flatMap { Int32($0) } ?? ENOSPC
            plan.tracePath = environment["CAMPFIRE_FAULT_TRACE"].flatMap { $0.isEmpty ? nil : $0 }
            if plan.crashAt == nil && plan.failAt == nil && plan.tracePath == nil { return nil }
            return plan
        }
    }

    // One thread touches files (the program's loop); tests set a plan before any step.
    nonisolated(unsafe) private static var plan: Plan? = nil
    nonisolated(unsafe) private static var planLoaded = false
    nonisolated(unsafe) private static var count = 0

    /// Called before every step, whatever the plan (tests: the simulated power loss watches the disk with it).
    nonisolated(unsafe) public static var observer: ((Step, String) -> Void)? = nil

    /// Steps counted so far.
    public static var stepsTaken: Int { count }

    nonisolated(unsafe) private static var uncounted = 0

    /// Runs `body` with its disk steps left out of the plan: for courtesy copies (the console's
    /// draft of an open box) whose failure is already ignored, so the plan's step numbers stay
    /// those of the saved record, however fast or slow someone types.
    public static func withoutCounting<T>(_ body: () throws -> T) rethrows -> T {
        uncounted += 1
        defer { uncounted -= 1 }
        return try body()
    }

    /// Reads the environment now (the program calls this once at start).
    public static func loadFromEnvironment() {
        plan = Plan.fromEnvironment(ProcessInfo.processInfo.environment)
        planLoaded = true
        count = 0
    }

    /// Sets a plan in-process (tests); nil turns injection off. Resets the count.
    public static func use(_ newPlan: Plan?) {
        plan = newPlan
        planLoaded = true
        count = 0
    }

    /// Called just before each disk-changing step.
    /// - Returns: an `errno` to fail the step with, or nil to do it.
    ///   Never returns when the plan says to crash here.
    @inline(__always)
    static func before(_ step: Step, path: String, tornWrite: (() -> Void)? = nil) -> Int32? {
        if !planLoaded { loadFromEnvironment() }
        if uncounted > 0 { return nil }
        observer?(step, path)
        guard let plan else { return nil }
        count += 1
        if let trace = plan.tracePath {
            let line = "\(count) \(step.rawValue) \((path as NSString).lastPathComponent)\n"
            let descriptor = open(trace, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
            if descriptor >= 0 {
                _ = line.withCString { write(descriptor, $0, strlen($0)) }
                close(descriptor)
            }
        }
        if plan.crashAt == count {
            if plan.tornCrash, step == .write { tornWrite?() }
            _exit(99)
        }
        if let failAt = plan.failAt, count >= failAt, count < failAt + plan.failCount {
            return plan.failCode
        }
        return nil
    }
}

/// `CAMPFIRE_SAVED_LOG=path`: a test aid that appends the journal sequence of
/// each event once it is on disk (the moment the console says "Saved"), one
/// number a line. It holds numbers only, never anyone's words.
enum SavedLog {
    nonisolated(unsafe) private static var path: String?? = nil

    static func note(sequence: Int) {
        if path == nil { path = .some(ProcessInfo.processInfo.environment["CAMPFIRE_SAVED_LOG"].flatMap { $0.isEmpty ? nil : $0 }) }
        guard let target = path ?? nil else { return }
        let descriptor = open(target, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return }
        let line = "\(sequence)\n"
        _ = line.withCString { write(descriptor, $0, strlen($0)) }
        close(descriptor)
    }
}
