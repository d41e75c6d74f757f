import Foundation
import Workshop
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads and decodes a session's snapshot and checks its journal on a second thread, started
/// as early as `campfire resume` knows the folder, while the first thread parses the rest of the
/// command line, loads the content files and starts the terminal (docs/decisions.md; figure 1 of
/// docs/performance.md).
///
/// Nothing changes in what opening does or checks: ``SessionStore/open(_:readOnly:at:)`` still
/// takes the lock first and reads both files itself, in the same order. Where it would decode
/// them, it is handed this thread's result instead, but only when the bytes it has just read are
/// exactly the bytes this thread decoded; otherwise (the files changed in between, or this thread
/// is not done and failed) it decodes them itself, as before. So the prefetch can only save time,
/// never change a result.
public enum SessionPrefetch {
    /// Starts reading `folder`'s snapshot and journal on a thread of its own. Returns at once.
    public static func start(_ folder: URL) {
        shared.start(folder)
    }

    /// The result of decoding exactly `data` as the snapshot at `file`, if the prefetch did it
    /// (waiting for it if it is still at work on that file). Used once.
    static func snapshot<Document>(for file: URL, data: Data, as type: Document.Type, currentSchema: Int) -> SnapshotFile.ReadResult<Document>? {
        guard let done = shared.wait(for: file.path, stage: .snapshot), let snapshot = done.snapshot,
              done.snapshotSchema == currentSchema, snapshot.data == data,
              let result = snapshot.result as? SnapshotFile.ReadResult<Document>
        else { return nil }
        shared.forgetSnapshot()
        shared.condition.lock()
        shared.handedOver += 1
        shared.condition.unlock()
        return result
    }

    /// The result of checking exactly `bytes` as the journal at `file` with these settings, if the
    /// prefetch did it. Used once.
    static func journal<Event>(for file: URL, bytes: [UInt8], as type: Event.Type, firstSequence: Int, eventsAfter: Int) -> JournalReadResult<Event>? {
        guard let done = shared.wait(for: file.path, stage: .journal), let journal = done.journal,
              journal.firstSequence == firstSequence, journal.eventsAfter == eventsAfter, sameBytes(journal.bytes, bytes),
              let result = journal.result as? JournalReadResult<Event>
        else { return nil }
        shared.forgetJournal()
        shared.condition.lock()
        shared.handedOver += 1
        shared.condition.unlock()
        return result
    }

    /// Whether two byte arrays are equal, compared with `memcmp` (a journal is megabytes, and
    /// `==` on arrays compares element by element).
    static func sameBytes(_ one: [UInt8], _ other: [UInt8]) -> Bool {
        guard one.count == other.count else { return false }
        return one.withUnsafeBufferPointer { first in
            other.withUnsafeBufferPointer { second in
                guard let a = first.baseAddress, let b = second.baseAddress else { return true }
                return memcmp(a, b, first.count) == 0
            }
        }
    }

    /// Waits until the threads are done (for tests).
    static func waitUntilDone() {
        shared.condition.lock()
        while !shared.snapshotFinished || !shared.journalFinished { shared.condition.wait() }
        shared.condition.unlock()
    }

    /// How many of this thread's results opening has used so far (for tests).
    static var handedOver: Int {
        shared.condition.lock()
        defer { shared.condition.unlock() }
        return shared.handedOver
    }

    // MARK: The second thread

    private static let shared = Prefetcher()

    fileprivate struct SnapshotDone {
        var data: Data
        var result: Any
    }

    fileprivate struct JournalDone {
        var bytes: [UInt8]
        var firstSequence: Int
        var eventsAfter: Int
        var result: Any
    }

    fileprivate enum Stage: Int { case snapshot, journal }

    fileprivate final class Prefetcher: @unchecked Sendable {
        let condition = NSCondition()
        var snapshotPath: String?
        var journalPath: String?
        var snapshotFinished = true
        var journalFinished = true
        var snapshot: SnapshotDone?
        var snapshotSchema = SessionStore.schema
        var journal: JournalDone?
        var threads: [pthread_t] = []
        /// How many results were used by opening (for tests).
        var handedOver = 0

        func start(_ folder: URL) {
            condition.lock()
            defer { condition.unlock() }
            guard snapshotFinished && journalFinished else { return }  // one at a time
            snapshotPath = folder.appendingPathComponent(SessionStore.Files.snapshotName).path
            journalPath = folder.appendingPathComponent(SessionStore.Files.journalName).path
            snapshot = nil
            journal = nil
            threads = []
            // Two threads: the snapshot's decoding and the journal's checking do not wait for
            // each other (the journal needs only the snapshot's change number, read from its
            // first line), so on two cores neither is behind the other.
            for stage in [Stage.snapshot, .journal] {
                if stage == .snapshot { snapshotFinished = false } else { journalFinished = false }
                var created = pthread_t()
                let box = Unmanaged.passRetained(Job(prefetcher: self, stage: stage)).toOpaque()
                let status = pthread_create(&created, nil, { context in
                    let job = Unmanaged<Job>.fromOpaque(context!).takeRetainedValue()
                    if job.stage == .snapshot { job.prefetcher.runSnapshot() } else { job.prefetcher.runJournal() }
                    return nil
                }, box)
                if status != 0 {
                    Unmanaged<Job>.fromOpaque(box).release()
                    if stage == .snapshot { snapshotFinished = true } else { journalFinished = true }
                    continue
                }
                pthread_detach(created)
                threads.append(created)
            }
        }

        final class Job {
            let prefetcher: Prefetcher
            let stage: Stage
            init(prefetcher: Prefetcher, stage: Stage) {
                self.prefetcher = prefetcher
                self.stage = stage
            }
        }

        private func isPrefetchThread() -> Bool {
            threads.contains { pthread_equal($0, pthread_self()) != 0 }
        }

        /// What is done for `path` once `stage` is finished; nil if no prefetch is for that path
        /// (or when called from a prefetch thread itself, which decodes for itself).
        func wait(for path: String, stage wanted: Stage) -> Prefetcher? {
            condition.lock()
            defer { condition.unlock() }
            guard !isPrefetchThread(), path == (wanted == .snapshot ? snapshotPath : journalPath) else { return nil }
            while !(wanted == .snapshot ? snapshotFinished : journalFinished) { condition.wait() }
            return self
        }

        func forgetSnapshot() {
            condition.lock()
            snapshot = nil
            snapshotPath = nil
            condition.unlock()
        }

        func forgetJournal() {
            condition.lock()
            journal = nil
            journalPath = nil
            condition.unlock()
        }

        private func finish(_ reached: Stage) {
            condition.lock()
            if reached == .snapshot { snapshotFinished = true } else { journalFinished = true }
            condition.broadcast()
            condition.unlock()
        }

        private func runSnapshot() {
            condition.lock()
            let path = snapshotPath
            condition.unlock()
            guard let snapshotPath = path else { return finish(.snapshot) }
            // The snapshot, decoded as opening would (read-only, current schema only).
            guard let data = try? SafeFile.read(path: snapshotPath),
                  let result = try? SnapshotFile.read(
                    data, of: URL(fileURLWithPath: snapshotPath), as: Session.self, currentSchema: SessionStore.schema,
                    migrate: nil, readOnly: true, now: Date())
            else { return finish(.snapshot) }
            condition.lock()
            snapshot = SnapshotDone(data: data, result: result)
            condition.unlock()
            finish(.snapshot)
        }

        private func runJournal() {
            condition.lock()
            let paths = (snapshotPath, journalPath)
            condition.unlock()
            guard let snapshotPath = paths.0, let journalPath = paths.1 else { return finish(.journal) }
            // The journal, checked as opening will: lines the snapshot holds are not decoded. The
            // snapshot's change number is read from the start of the file; if it is not the one
            // opening finds, opening does not use this result (it asks for its own number).
            guard let head = Self.head(of: snapshotPath), let eventsAfter = Self.journalSequence(inHeadOf: head),
                  let journalBytes = try? SafeFile.readBytes(path: journalPath)
            else { return finish(.journal) }
            let read = JournalReader.parse(journalBytes, as: SessionEvent.self, firstSequence: 1, eventsAfter: eventsAfter)
            condition.lock()
            journal = JournalDone(bytes: journalBytes, firstSequence: 1, eventsAfter: eventsAfter, result: read)
            condition.unlock()
            finish(.journal)
        }

        /// The first 300 bytes of the file at `path`.
        static func head(of path: String) -> Data? {
            let descriptor = open(path, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else { return nil }
            defer { close(descriptor) }
            var buffer = [UInt8](repeating: 0, count: 300)
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, 300) }
            return count > 0 ? Data(buffer[0..<count]) : nil
        }

        /// The number after `"journalSequence":` in the first 300 bytes of a snapshot, as
        /// Campfire writes it; nil if it is not there.
        static func journalSequence(inHeadOf data: Data) -> Int? {
            let key = Array(#""journalSequence":"#.utf8)
            let head = [UInt8](data.prefix(300))
            guard head.count >= key.count else { return nil }
            for start in 0...(head.count - key.count) where head[start] == key[0] && Array(head[start..<(start + key.count)]) == key {
                var index = start + key.count
                var value = 0
                let digitsStart = index
                while index < head.count, head[index] >= UInt8(ascii: "0"), head[index] <= UInt8(ascii: "9"), index - digitsStart < 18 {
                    value = value * 10 + Int(head[index] - UInt8(ascii: "0"))
                    index += 1
                }
                return index > digitsStart ? value : nil
            }
            return nil
        }
    }
}
