import Foundation
import Workshop
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Waits for one of two things: input on a descriptor (the terminal), or a change to some files
/// of a folder (the session's journal and snapshot).
///
/// On Linux the folder is watched with inotify, so a change wakes the waiting loop at once
/// instead of at its next poll. Where inotify is not available (another system, the limit of
/// watches reached, or `CAMPFIRE_NO_NOTIFY` set), ``isNotifying`` is false and the caller
/// falls back to checking the files itself every so often.
///
/// Used from one thread: `campfire present` waits here between screens.
public final class FolderWatch {
    /// Why ``wait(input:timeoutMilliseconds:)`` returned.
    public enum Wake: Equatable, Sendable {
        /// A watched file was written, replaced, created or removed.
        case changed
        /// The input descriptor has something to read.
        case input
        /// The input has gone (hung up or closed): no key can come any more.
        case inputClosed
        /// Nothing happened in the time, or a signal cut the wait short.
        case timeout
    }

    /// The inotify descriptor, or -1 when notification is not available.
    private var descriptor: Int32 = -1
    private let names: Set<String>

    /// Whether changes wake ``wait(input:timeoutMilliseconds:)`` (inotify); if not, it only
    /// waits for input and the caller must look at the files itself.
    public var isNotifying: Bool { descriptor >= 0 }

    /// Whether file-change notifications are wanted: not when `CAMPFIRE_NO_NOTIFY` is set (to use,
    /// or test, the polling fallback).
    public static var notifyingWanted: Bool { (ProcessEnvironment.value("CAMPFIRE_NO_NOTIFY") ?? "").isEmpty }

    /// Starts watching `folder` for changes to the files called `names`.
    /// - Parameter notify: false to use no notification at all (the polling fallback).
    public init(folder: String, names: Set<String>, notify: Bool = FolderWatch.notifyingWanted) {
        self.names = names
        #if os(Linux)
        guard notify else { return }
        let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else { return }
        let mask = UInt32(IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_DELETE | IN_MOVED_FROM
            | IN_DELETE_SELF | IN_MOVE_SELF)
        if inotify_add_watch(fd, folder, mask) < 0 {
            close(fd)
            return
        }
        descriptor = fd
        #endif
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// Waits until a watched file changes, `input` can be read, or the time is up.
    ///
    /// A change is reported before input when both are ready; the input is still there for the
    /// next call. Events for other files of the folder (the lock, a draft being typed) are read
    /// and ignored without waking the caller.
    /// - Parameters:
    ///   - input: the descriptor to watch for reading (standard input), or -1 for none.
    ///   - timeoutMilliseconds: how long to wait at most; negative waits for ever.
    public func wait(input: Int32, timeoutMilliseconds: Int) -> Wake {
        let clock = ContinuousClock()
        let deadline = timeoutMilliseconds >= 0 ? clock.now + .milliseconds(timeoutMilliseconds) : nil
        while true {
            var waitFor: [pollfd] = []
            if input >= 0 { waitFor.append(pollfd(fd: input, events: Int16(POLLIN), revents: 0)) }
            if descriptor >= 0 { waitFor.append(pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)) }
            var left: Int32 = -1
            if let deadline {
                let remaining = clock.now.duration(to: deadline)
                let milliseconds = remaining.components.seconds * 1000 + remaining.components.attoseconds / 1_000_000_000_000_000
                left = remaining <= .zero ? 0 : Int32(clamping: max(milliseconds, 1))
            }
            let ready = poll(&waitFor, nfds_t(waitFor.count), left)
            if ready < 0 { return .timeout }  // EINTR: a signal (a resize, a stop); the caller looks
            if ready == 0 { return .timeout }
            if descriptor >= 0, let watched = waitFor.last, watched.revents != 0, drainEvents() {
                return .changed
            }
            if input >= 0 {
                let revents = Int32(waitFor[0].revents)
                // A closed terminal reports itself readable too (reading gives nothing, for
                // ever): the hang-up comes first, or the caller would spin.
                if revents & Int32(POLLHUP | POLLERR | POLLNVAL) != 0 { return .inputClosed }
                if revents & Int32(POLLIN) != 0 { return .input }
            }
            if let deadline, clock.now >= deadline { return .timeout }
            // Only events for files not watched: wait on.
        }
    }

    /// Reads every pending event; true if one concerned a watched name (or events were lost).
    private func drainEvents() -> Bool {
        #if os(Linux)
        var relevant = false
        let size = 16 * 1024
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 8)
        defer { buffer.deallocate() }
        while true {
            let count = read(descriptor, buffer, size)
            if count <= 0 { break }
            var offset = 0
            let header = MemoryLayout<inotify_event>.size
            while offset + header <= count {
                let event = buffer.load(fromByteOffset: offset, as: inotify_event.self)
                let nameLength = Int(event.len)
                if event.mask & UInt32(IN_Q_OVERFLOW | IN_DELETE_SELF | IN_MOVE_SELF) != 0 {
                    relevant = true
                } else if nameLength > 0 {
                    let start = buffer.advanced(by: offset + header).assumingMemoryBound(to: CChar.self)
                    if names.contains(String(cString: start)) { relevant = true }
                }
                offset += header + nameLength
            }
        }
        return relevant
        #else
        return false
        #endif
    }
}
