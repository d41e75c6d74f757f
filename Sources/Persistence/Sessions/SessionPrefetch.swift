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
              journal.firstSequence == firstSequence, journal.eventsAfter == eventsAfter, journal.bytes == bytes,
              let result = journal.result as? JournalReadResult<Event>
        else { return nil }
        shared.forgetJournal()
        shared.condition.lock()
        shared.handedOver += 1
        shared.condition.unlock()
        return result
    }

    /// Waits until the second thread is done (for tests).
    static func waitUntilDone() {
        shared.condition.lock()
        while shared.stage != .journal { shared.condition.wait() }
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

    fileprivate enum Stage: Int { case started = 0, snapshot = 1, journal = 2 }

    fileprivate final class Prefetcher: @unchecked Sendable {
        let condition = NSCondition()
        var snapshotPath: String?
        var journalPath: String?
        var stage = Stage.journal
        var snapshot: SnapshotDone?
        var snapshotSchema = SessionStore.schema
        var journal: JournalDone?
        var thread: pthread_t?
        /// How many results were used by opening (for tests).
        var handedOver = 0

        func start(_ folder: URL) {
            condition.lock()
            defer { condition.unlock() }
            guard stage == .journal else { return }  // one at a time
            snapshotPath = folder.appendingPathComponent(SessionStore.Files.snapshotName).path
            journalPath = folder.appendingPathComponent(SessionStore.Files.journalName).path
            snapshot = nil
            journal = nil
            stage = .started
            var created = pthread_t()
            let box = Unmanaged.passRetained(self).toOpaque()
            let status = pthread_create(&created, nil, { context in
                let prefetcher = Unmanaged<Prefetcher>.fromOpaque(context!).takeRetainedValue()
                prefetcher.run()
                return nil
            }, box)
            if status != 0 {
                Unmanaged<Prefetcher>.fromOpaque(box).release()
                stage = .journal
                return
            }
            pthread_detach(created)
            thread = created
        }

        private func isPrefetchThread() -> Bool {
            guard let thread else { return false }
            return pthread_equal(thread, pthread_self()) != 0
        }

        /// What is done for `path` once `stage` is reached; nil if no prefetch is for that path
        /// (or when called from the prefetch thread itself, which decodes for itself).
        func wait(for path: String, stage wanted: Stage) -> Prefetcher? {
            condition.lock()
            defer { condition.unlock() }
            guard !isPrefetchThread(), path == (wanted == .snapshot ? snapshotPath : journalPath) else { return nil }
            while stage.rawValue < wanted.rawValue { condition.wait() }
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
            stage = reached
            condition.broadcast()
            condition.unlock()
        }

        private func run() {
            guard let snapshotPath, let journalPath else { return finish(.journal) }
            // The snapshot, decoded as opening would (read-only, current schema only).
            guard let data = try? SafeFile.read(path: snapshotPath),
                  let result = try? SnapshotFile.read(
                    URL(fileURLWithPath: snapshotPath), as: Session.self, currentSchema: SessionStore.schema,
                    migrate: nil, readOnly: true, now: Date()),
                  // SnapshotFile.read read the file again: only keep the result if it is unchanged.
                  (try? SafeFile.read(path: snapshotPath)) == data
            else { return finish(.journal) }
            condition.lock()
            snapshot = SnapshotDone(data: data, result: result)
            condition.unlock()
            finish(.snapshot)
            // The journal, checked as opening will: lines the snapshot holds are not decoded.
            guard let bytes = try? SafeFile.read(path: journalPath) else { return finish(.journal) }
            let journalBytes = [UInt8](bytes)
            let eventsAfter = result.snapshot.journalSequence
            let read = JournalReader.parse(journalBytes, as: SessionEvent.self, firstSequence: 1, eventsAfter: eventsAfter)
            condition.lock()
            journal = JournalDone(bytes: journalBytes, firstSequence: 1, eventsAfter: eventsAfter, result: read)
            condition.unlock()
            finish(.journal)
        }
    }
}
